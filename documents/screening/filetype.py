"""Which formats may be uploaded, recognised by their content (magic bytes), not by their name."""

import codecs
import re
import zipfile
import zlib
from pathlib import PurePath
from typing import BinaryIO

import magic
from django.utils.translation import gettext_lazy as _

from documents.screening.findings import REFUSE, Finding, interpolate_lazy

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
DOCM = "application/vnd.ms-word.document.macroEnabled.12"
ODT = "application/vnd.oasis.opendocument.text"
HTML = "text/html"
TEXT = "text/plain"
ZIP = "application/zip"

ALLOWED_TYPES: dict[str, set[str]] = {
    PDF: {".pdf"},
    DOCX: {".docx"},
    ODT: {".odt"},
    HTML: {".html", ".htm"},
    # magic recognises HTML by its first tags, so a fragment without them reads as plain text.
    TEXT: {".txt", ".html", ".htm"},
}
ALLOWED_EXTENSIONS = set().union(*ALLOWED_TYPES.values())

HEAD_BYTES = 8192
ZIP_SIGNATURES = (b"PK\x03\x04", b"PK\x05\x06")
ZIP_TYPES = {ZIP, "application/x-zip-compressed", DOCX, DOCM, ODT}
# magic names source code, CSV and the like text/x-…: for us they are plain text. Not RTF or XML.
_NOT_PLAIN_TEXT = {HTML, "text/xml", "text/rtf"}
_XHTML = re.compile(rb"<html[\s>]", re.IGNORECASE)
_CONTENT_TYPE = re.compile(rb'ContentType="([^"]+)"')
# The content type of an OOXML package's main part says what the package is.
_OOXML_MAIN = {
    b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml": DOCX,
    b"application/vnd.ms-word.document.macroenabled.main+xml": DOCM,
    b"application/vnd.ms-word.template.macroenabledtemplate.main+xml": (
        "application/vnd.ms-word.template.macroEnabled.12"
    ),
    b"application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml": (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.template"
    ),
    b"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml": (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    ),
    b"application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml": (
        "application/vnd.openxmlformats-officedocument.presentationml.presentation"
    ),
}
# What can go wrong when reading a damaged or hostile ZIP.
ZIP_ERRORS = (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError, RuntimeError)
ZIP_ERRORS += (NotImplementedError, zlib.error, KeyError)

TYPE_LABELS = {
    PDF: _("a PDF document"),
    DOCX: _("a Word document (DOCX)"),
    DOCM: _("a macro-enabled Word document (DOCM)"),
    ODT: _("an OpenDocument text (ODT)"),
    HTML: _("an HTML document"),
    TEXT: _("a plain text file"),
    ZIP: _("a ZIP archive"),
    "text/xml": _("an XML document"),
    "text/rtf": _("an RTF document"),
    "application/msword": _("an old Word document (DOC)"),
    "application/x-dosexec": _("a Windows program"),
    "application/x-executable": _("a program"),
    "application/octet-stream": _("binary data"),
}


def extension(name: str) -> str:
    """The file name's extension in lower case, with its dot ("" when there is none)."""
    return PurePath(name).suffix.lower()


def type_label(mime: str) -> str:
    """A translatable description of a MIME type, with its article: "a PDF document"."""
    if mime in TYPE_LABELS:
        return TYPE_LABELS[mime]
    return interpolate_lazy(_("a file of type %(mime)s"), {"mime": mime})


def sniff(head: bytes) -> str:
    """The MIME type that the magic bytes at the start of a file suggest."""
    return magic.from_buffer(head, mime=True)


def detect_type(file: BinaryIO, head: bytes) -> str:
    """The MIME type of the content: magic bytes, then a look inside ZIPs for DOCX and ODT."""
    mime = sniff(head)
    if head.startswith(ZIP_SIGNATURES) or mime in ZIP_TYPES:
        return _zip_type(file) or mime
    if mime == "text/xml" and _XHTML.search(head):
        return HTML
    if mime.startswith("text/") and mime not in _NOT_PLAIN_TEXT:
        return TEXT
    # libmagic guesses e-mail or news formats from a first line such as "Article 5" or
    # "From ..."; that is still plain text (the .txt encoding check then applies).
    if mime.startswith("message/"):
        return TEXT
    return mime


def read_member(archive: zipfile.ZipFile, name: str, limit: int) -> bytes:
    """At most `limit` bytes of a ZIP member: a lying header cannot make it read more."""
    with archive.open(name) as member:
        return member.read(limit)


def _zip_type(file: BinaryIO) -> str | None:
    try:
        with zipfile.ZipFile(file) as archive:
            names = set(archive.namelist())
            if "mimetype" in names:  # OpenDocument: the type is the first member, in clear
                declared = read_member(archive, "mimetype", 200).decode("ascii", "replace")
                return declared.strip() or None
            if "[Content_Types].xml" in names:
                types = read_member(archive, "[Content_Types].xml", 1024 * 1024).lower()
                for content_type in _CONTENT_TYPE.findall(types):
                    if content_type in _OOXML_MAIN:
                        return _OOXML_MAIN[content_type]
                if "word/document.xml" in names:
                    return DOCX
            return ZIP
    except ZIP_ERRORS:
        return None


def check_type(*, name: str, mime: str, file: BinaryIO) -> list[Finding]:
    """Refuse content outside the allow-list, a name that belies the content, or text that is
    not UTF-8 or UTF-16."""
    suffix = extension(name)
    detail = {"detected": mime, "extension": suffix}
    if mime in ALLOWED_TYPES and suffix in ALLOWED_TYPES[mime]:
        if mime == TEXT and suffix == ".txt" and not _is_unicode_text(file):
            message = _(
                "The text file is not in UTF-8 or UTF-16, or it contains binary data. "
                "Save it as UTF-8 text and upload it again."
            )
            return [Finding("file_type", REFUSE, message, detail=detail)]
        return []
    if mime in ALLOWED_TYPES:
        message = interpolate_lazy(
            _(
                "The file is %(type)s but is named %(extension)s. "
                "Upload the file in its real format, with the matching extension."
            ),
            {"type": type_label(mime), "extension": suffix or _("without an extension")},
        )
        return [Finding("type_mismatch", REFUSE, message, detail=detail)]
    if suffix in ALLOWED_EXTENSIONS:
        message = interpolate_lazy(
            _(
                "The file is named %(extension)s but its content is %(type)s. "
                "Upload the file in its real format."
            ),
            {"extension": suffix, "type": type_label(mime)},
        )
        return [Finding("type_mismatch", REFUSE, message, detail=detail)]
    message = interpolate_lazy(
        _(
            "The file is %(type)s, which cannot be uploaded. "
            "Upload a PDF, DOCX, ODT, HTML or plain text (TXT) file."
        ),
        {"type": type_label(mime)},
    )
    return [Finding("file_type", REFUSE, message, detail=detail)]


def _is_unicode_text(file: BinaryIO, chunk_size: int = 64 * 1024) -> bool:
    """Whether the whole file decodes as UTF-8 (BOM or not) or BOM-marked UTF-16, without NULs.

    Reads the file in chunks, so a large text never sits in memory at once.
    """
    file.seek(0)
    start = file.read(4)
    if start.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) and not start.startswith(
        codecs.BOM_UTF32_LE
    ):
        encoding = "utf-16"
    else:
        encoding = "utf-8-sig"
    decoder = codecs.getincrementaldecoder(encoding)()
    file.seek(0)
    try:
        while chunk := file.read(chunk_size):
            if "\x00" in decoder.decode(chunk):
                return False
        return "\x00" not in decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
