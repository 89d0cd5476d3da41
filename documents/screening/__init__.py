"""Screening of uploads (SPEC §3): checks on a file's bytes, then on its extracted text.

A "refuse" finding means the upload is refused with the finding's message; a "hold" finding
sends the document to a moderator, who sees every finding and where it was found.
"""

from typing import BinaryIO

from django.utils.translation import gettext_lazy as _

from documents.screening.archive import screen_archive
from documents.screening.clamav import screen_virus
from documents.screening.filetype import (
    ALLOWED_TYPES,
    HEAD_BYTES,
    PDF,
    ZIP_SIGNATURES,
    check_type,
    detect_type,
    sniff,
)
from documents.screening.findings import (
    HOLD,
    REFUSE,
    Finding,
    ScreeningResult,
    file_size_lazy,
    interpolate_lazy,
    limit,
)
from documents.screening.markings import find_markings
from documents.screening.office import macro_name_finding, office_kind, screen_office
from documents.screening.pdf import screen_pdf
from documents.screening.personal_data import find_personal_data

__all__ = [
    "ALLOWED_TYPES",
    "HOLD",
    "REFUSE",
    "Finding",
    "ScreeningResult",
    "screen_file",
    "screen_text",
]


def screen_file(*, name: str, file: BinaryIO, size: int | None = None) -> ScreeningResult:
    """The checks on the file itself: size, type by content, format-specific dangers, viruses.

    `file` must be seekable; it is read no further than each check needs and left at position 0.
    """
    try:
        return _screen_file(name, file, size)
    finally:
        file.seek(0)


def screen_text(*, pages: list[str]) -> list[Finding]:
    """The checks on the extracted text, page by page (a text without pages is one page):
    classification markings and personal data in bulk."""
    return find_markings(pages) + find_personal_data(pages)


def _screen_file(name: str, file: BinaryIO, size: int | None) -> ScreeningResult:
    if size is None:
        file.seek(0, 2)
        size = file.tell()
    file.seek(0)
    head = file.read(HEAD_BYTES)
    if size == 0 or not head:
        message = _("The file is empty. Check that you chose the right file and upload it again.")
        return ScreeningResult("application/x-empty", [Finding("empty_file", REFUSE, message)])
    max_bytes = limit("SECBIO_UPLOAD_MAX_BYTES")
    if size > max_bytes:
        message = interpolate_lazy(
            _(
                "The file is %(size)s; files of up to %(limit)s can be uploaded. "
                "Upload a smaller file, for example the document without its images."
            ),
            {"size": file_size_lazy(size), "limit": file_size_lazy(max_bytes)},
        )
        finding = Finding("size_limit", REFUSE, message, detail={"size": size, "limit": max_bytes})
        return ScreeningResult(sniff(head), [finding])
    if findings := macro_name_finding(name):
        return ScreeningResult(sniff(head), findings)
    if head.startswith(ZIP_SIGNATURES) and (findings := screen_archive(file, size=size)):
        return ScreeningResult(sniff(head), findings)
    mime = detect_type(file, head)
    findings = []
    kind = office_kind(name=name, mime=mime) if head.startswith(ZIP_SIGNATURES) else None
    if kind is not None:
        findings = screen_office(file, kind=kind)
    if not findings:
        findings = check_type(name=name, mime=mime, file=file)
    if not findings and mime == PDF:
        findings = screen_pdf(file, size=size)
    if not any(finding.severity == REFUSE for finding in findings):
        findings += screen_virus(file)
    return ScreeningResult(mime, findings)
