"""Text of PDF files, page by page, with pypdf; pages without a text layer are read by
OCR when it is installed."""

import io
import logging
import tempfile
from pathlib import Path

from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from pypdf import PasswordType, PdfReader

from . import ocr
from .base import ExtractionError, RawPages, max_pages, ocr_timeout

logger = logging.getLogger(__name__)


def _open(data: bytes) -> PdfReader:
    """A reader for ``data``, decrypted when it opens without a password."""
    if b"%PDF-" not in data[:1024]:
        raise ExtractionError(_("This file is not a PDF document."))
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted and reader.decrypt("") == PasswordType.NOT_DECRYPTED:
            raise ExtractionError(
                _("This PDF is protected by a password, so its text cannot be read.")
            )
        if not len(reader.pages):
            raise ExtractionError(_("This PDF has no pages."))
    except ExtractionError:
        raise
    except Exception as exc:  # pypdf raises many kinds of errors on damaged files
        logger.info("unreadable PDF: %r", exc)
        raise ExtractionError(_("This PDF is damaged and its text cannot be read.")) from exc
    return reader


def extract_pdf(data: bytes) -> RawPages:
    """Read each page's text layer; OCR the pages that have none, when possible.
    A page that fails is left empty with a warning; only an unreadable file raises."""
    reader = _open(data)
    page_count = len(reader.pages)
    limit = max_pages()
    warnings: list[str] = []
    if page_count > limit:
        warnings.append(
            gettext("Only the first %(limit)d of %(count)d pages were read.")
            % {"limit": limit, "count": page_count}
        )
    pages: list[str] = []
    for index in range(min(page_count, limit)):
        try:
            pages.append(reader.pages[index].extract_text() or "")
        except Exception as exc:  # one damaged page must not lose the others
            logger.info("page %d of a PDF failed: %r", index + 1, exc)
            warnings.append(
                gettext("Page %(number)d could not be read and was left out.")
                % {"number": index + 1}
            )
            pages.append("")
    blank = [index for index, text in enumerate(pages) if not text.strip()]
    method = "pdf"
    if blank:
        recognised = _recognise(data, blank, pages, warnings)
        method = "pdf-ocr" if recognised else "pdf"
    return RawPages(pages=pages, method=method, page_count=page_count, warnings=warnings)


def _recognise(data: bytes, blank: list[int], pages: list[str], warnings: list[str]) -> int:
    """OCR the ``blank`` pages into ``pages``; return how many gave text."""
    if not ocr.ocr_available():
        warnings.append(
            ngettext(
                "No text layer on %(blank)d of %(count)d page (scanned?).",
                "No text layer on %(blank)d of %(count)d pages (scanned?).",
                len(pages),
            )
            % {"blank": len(blank), "count": len(pages)}
        )
        return 0
    recognised, failed = 0, []
    with tempfile.TemporaryDirectory(prefix="secbio-pdf-") as folder:
        path = Path(folder) / "document.pdf"
        path.write_bytes(data)
        for index in blank:
            try:
                pages[index] = ocr.ocr_page(path, index + 1, timeout=ocr_timeout())
            except ocr.OCRError as exc:
                logger.info("OCR of page %d failed: %s", index + 1, exc)
                failed.append(index + 1)
                continue
            recognised += bool(pages[index].strip())
    if failed:
        warnings.append(
            ngettext(
                "Text recognition (OCR) failed on %(failed)d of %(count)d page.",
                "Text recognition (OCR) failed on %(failed)d of %(count)d pages.",
                len(pages),
            )
            % {"failed": len(failed), "count": len(pages)}
        )
    if recognised:
        warnings.append(
            ngettext(
                "%(recognised)d page without a text layer was read by OCR; check its text.",
                "%(recognised)d pages without a text layer were read by OCR; check their text.",
                recognised,
            )
            % {"recognised": recognised}
        )
    return recognised
