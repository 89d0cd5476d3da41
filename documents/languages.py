"""Languages of content (not of the interface): ISO 639-1 codes, named in the reader's language."""

from functools import cache

import pycountry
from babel import Locale, UnknownLocaleError
from django.core.exceptions import ValidationError
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

UN_LANGUAGES = ("ar", "zh", "en", "fr", "ru", "es")
# Interface language code -> content language code.
INTERFACE_TO_CONTENT = {"zh-hans": "zh"}


def content_language(interface_language: str | None = None) -> str:
    code = interface_language or get_language() or "en"
    return INTERFACE_TO_CONTENT.get(code, code.split("-")[0])


def validate_language_code(code: str) -> None:
    if not code or pycountry.languages.get(alpha_2=code) is None:
        raise ValidationError(
            _("Unknown language code: %(code)s."), params={"code": code}, code="language"
        )


@cache
def _language_name(code: str, display: str) -> str:
    try:
        return Locale.parse(display.replace("-", "_")).languages.get(code) or code
    except (UnknownLocaleError, ValueError):
        return code


def language_name(code: str, display: str | None = None) -> str:
    """The name of a content language in the reader's interface language, e.g. "anglais"."""
    display = display or get_language() or "en"
    babel_code = {"zh-hans": "zh_Hans"}.get(display, display)
    return _language_name(code, babel_code)


def language_choices() -> list[tuple[str, str]]:
    return [(code, language_name(code)) for code in UN_LANGUAGES]
