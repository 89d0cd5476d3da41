"""Text extraction from uploaded files (PDF, DOCX, ODT, HTML, plain text), language
detection and the table of contents of legal texts. Pure Python: no models here.

    extraction = extract(file=upload, mime_type="application/pdf")
    extraction.text, extraction.language, split_sections(extraction.text)
"""

import contextlib
from collections.abc import Callable
from typing import BinaryIO

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .base import Extraction, ExtractionError, RawPages, max_chars
from .html import extract_html
from .language import detect_language
from .office import extract_docx, extract_odt
from .pdf import extract_pdf
from .sections import Section, split_sections
from .text import extract_txt, normalise

__all__ = [
    "SUPPORTED_MIME_TYPES",
    "Extraction",
    "ExtractionError",
    "Section",
    "detect_language",
    "extract",
    "split_sections",
]

# A blank line, so paragraphs stay apart, then a form feed, so the reading view can find the
# pages again (search inside a document groups its hits by page).
PAGE_SEPARATOR = "\n\n\f"

_READERS: dict[str, Callable[[bytes, str | None], RawPages]] = {
    "application/pdf": lambda data, _charset: extract_pdf(data),
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": (
        lambda data, _charset: extract_docx(data)
    ),
    "application/vnd.oasis.opendocument.text": lambda data, _charset: extract_odt(data),
    "text/html": extract_html,
    "application/xhtml+xml": extract_html,
    "text/plain": extract_txt,
    "text/markdown": extract_txt,
    "text/csv": extract_txt,
}
SUPPORTED_MIME_TYPES = frozenset(_READERS)


def extract(*, file: BinaryIO, mime_type: str) -> Extraction:
    """Read the whole of ``file`` (from its start) as ``mime_type`` (parameters such as
    "; charset=windows-1251" are honoured) and return its normalised text, per page,
    with its language. Raises ExtractionError when the file cannot be read at all."""
    media_type, charset = _parse_mime_type(mime_type)
    reader = _READERS.get(media_type)
    if reader is None:
        raise ExtractionError(_("Text cannot be extracted from this type of file."))
    with contextlib.suppress(AttributeError, OSError):
        file.seek(0)  # a file that cannot seek is read from where it is
    raw = reader(file.read(), charset)
    pages = [normalise(page) for page in raw.pages]
    warnings = list(raw.warnings)
    pages, cut = _limit(pages, max_chars())
    if cut:
        warnings.append(
            gettext("The text was cut at %(limit)d characters.") % {"limit": max_chars()}
        )
    # Blank pages stay (page numbers must not shift), except at the end.
    last = max((index for index, page in enumerate(pages) if page), default=-1)
    text = PAGE_SEPARATOR.join(pages[: last + 1])
    if not text:
        warnings.append(gettext("No text was found in this file."))
    return Extraction(
        text=text,
        pages=pages,
        page_count=raw.page_count,
        language=detect_language(text),
        method=raw.method,
        warnings=warnings,
    )


def _parse_mime_type(mime_type: str) -> tuple[str, str | None]:
    """("text/html", "utf-8") for "text/html; charset=UTF-8"."""
    media_type, *parameters = (part.strip() for part in mime_type.split(";"))
    charset = None
    for parameter in parameters:
        name, _sep, value = parameter.partition("=")
        if name.strip().lower() == "charset" and value.strip(" \"'"):
            charset = value.strip(" \"'")
    return media_type.lower(), charset


def _limit(pages: list[str], limit: int) -> tuple[list[str], bool]:
    """The pages cut so that their joined text has at most ``limit`` characters."""
    kept: list[str] = []
    remaining = limit
    for page in pages:
        if len(page) > remaining:
            kept.append(page[: max(remaining, 0)])
            return kept, True
        kept.append(page)
        remaining -= len(page) + len(PAGE_SEPARATOR)
    return kept, False
