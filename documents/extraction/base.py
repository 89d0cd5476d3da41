"""The result of an extraction, its error, and the limits read from settings."""

from dataclasses import dataclass, field

from django.conf import settings
from django.utils.translation import gettext_lazy as _

DEFAULT_MAX_PAGES = 2000
DEFAULT_MAX_CHARS = 5_000_000
DEFAULT_OCR_TIMEOUT = 120  # seconds per page, rasterising and recognition each


@dataclass
class Extraction:
    """Text taken from one file, page by page, with what went wrong along the way.

    ``text`` is the non-empty ``pages`` joined with a blank line. ``page_count`` is the
    number of pages in the file (PDF), which may exceed ``len(pages)`` when a limit cut
    the text; other formats have one page. ``warnings`` are sentences for a moderator.
    """

    text: str
    pages: list[str]
    page_count: int
    language: str | None
    method: str
    warnings: list[str] = field(default_factory=list)


@dataclass
class RawPages:
    """What a format reader returns before normalisation, limits and language detection."""

    pages: list[str]
    method: str
    page_count: int
    warnings: list[str] = field(default_factory=list)


class ExtractionError(Exception):
    """The whole file could not be read; ``reason`` says why in plain, translatable words."""

    def __init__(self, reason=None):
        self.reason = (
            reason if reason is not None else _("The text of this file could not be read.")
        )
        super().__init__(self.reason)

    def __str__(self) -> str:
        return str(self.reason)


def setting_int(name: str, default: int) -> int:
    """The integer setting ``name``, or ``default`` when unset (or Django is not configured)."""
    if not settings.configured:
        return default
    return int(getattr(settings, name, default))


def max_pages() -> int:
    return setting_int("SECBIO_EXTRACTION_MAX_PAGES", DEFAULT_MAX_PAGES)


def max_chars() -> int:
    return setting_int("SECBIO_EXTRACTION_MAX_CHARS", DEFAULT_MAX_CHARS)


def ocr_timeout() -> int:
    return setting_int("SECBIO_EXTRACTION_OCR_TIMEOUT", DEFAULT_OCR_TIMEOUT)
