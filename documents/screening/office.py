"""Word (DOCX) and OpenDocument text (ODT) files: no macros, and the main part present."""

import re
import zipfile
from typing import BinaryIO

from django.utils.translation import gettext_lazy as _

from documents.screening.filetype import (
    DOCM,
    DOCX,
    ODT,
    ZIP,
    ZIP_ERRORS,
    extension,
    read_member,
)
from documents.screening.findings import REFUSE, Finding, interpolate_lazy

MACRO_EXTENSIONS = {".docm", ".dotm"}
# Macro-enabled Office packages, which a document can embed as objects.
_EMBEDDED_MACRO_EXTENSIONS = (".docm", ".dotm", ".xlsm", ".xltm", ".xlam", ".pptm", ".potm")
_EMBEDDED_MACRO_EXTENSIONS += (".ppsm", ".ppam", ".sldm")
_WORD_TYPES = {DOCX, DOCM, "application/vnd.ms-word.template.macroEnabled.12"}
_WORD_EXTENSIONS = {".docx"} | MACRO_EXTENSIONS
_OVERRIDE = re.compile(rb"<Override\b[^>]*>", re.IGNORECASE)
_PART_NAME = re.compile(rb'PartName="/?([^"]+)"')
_RELATIONSHIP = re.compile(rb"<Relationship\b[^>]*>", re.IGNORECASE)
_TARGET = re.compile(rb'Target="([^"]*)"')
_WORD_MAIN = re.compile(rb'ContentType="[^"]*(?:wordprocessingml|ms-word)[^"]*main\+xml"', re.I)
# LibreOffice keeps these index files in Basic/ even when a document has no macro in it.
_BASIC_INDEXES = {"script-lc.xml", "script-lb.xml", "dialog-lc.xml", "dialog-lb.xml"}


def macro_name_finding(name: str) -> list[Finding]:
    """Refuse a file named as macro-enabled, whatever it holds."""
    if extension(name) not in MACRO_EXTENSIONS:
        return []
    return [_macros({"extension": extension(name)})]


def office_kind(*, name: str, mime: str) -> str | None:
    """The kind of office file ("word" or "odt") that the content or the name claims."""
    suffix = extension(name)
    if mime in _WORD_TYPES or (mime in (ZIP, "application/octet-stream") and suffix == ".docx"):
        return "word"
    if mime == ODT or (mime in (ZIP, "application/octet-stream") and suffix == ".odt"):
        return "odt"
    return None


def screen_office(file: BinaryIO, *, kind: str) -> list[Finding]:
    """Refuse macros and a package that is damaged or lacks its main part."""
    try:
        file.seek(0)
        with zipfile.ZipFile(file) as archive:
            names = set(archive.namelist())
            if kind == "word":
                return _screen_word(archive, names)
            return _screen_odt(archive, names)
    except ZIP_ERRORS as error:
        return [_malformed(kind, {"error": type(error).__name__})]


def _screen_word(archive: zipfile.ZipFile, names: set[str]) -> list[Finding]:
    if "[Content_Types].xml" not in names:
        return [_malformed("word", {"missing": "[Content_Types].xml"})]
    types = read_member(archive, "[Content_Types].xml", 1024 * 1024)
    macro_parts = sorted(
        name
        for name in names
        if name.lower().endswith(("vbaproject.bin", *_EMBEDDED_MACRO_EXTENSIONS))
    )
    if macro_parts or b"macroenabled" in types.lower() or b"vbaproject" in types.lower():
        return [_macros({"parts": macro_parts[:10]})]
    if template := _external_template(archive, names):
        # A template fetched when the document opens brings its macros with it.
        return [_macros({"external_template": template})]
    main = "word/document.xml"
    for override in _OVERRIDE.findall(types):
        part = _PART_NAME.search(override)
        if part and _WORD_MAIN.search(override):
            main = part.group(1).decode("utf-8", "replace")
    return _check_main_part(archive, names, main, "word")


def _external_template(archive: zipfile.ZipFile, names: set[str]) -> str:
    """The address of a template the document loads from outside itself, or ""."""
    if "word/_rels/settings.xml.rels" not in names:
        return ""
    relationships = read_member(archive, "word/_rels/settings.xml.rels", 1024 * 1024)
    for relationship in _RELATIONSHIP.findall(relationships):
        lowered = relationship.lower()
        if b"attachedtemplate" in lowered and b'targetmode="external"' in lowered:
            target = _TARGET.search(relationship)
            return target.group(1).decode("utf-8", "replace")[:200] if target else "?"
    return ""


def _screen_odt(archive: zipfile.ZipFile, names: set[str]) -> list[Finding]:
    macro_parts = sorted(
        name
        for name in names
        if name.startswith(("Basic/", "Scripts/"))
        and not name.endswith("/")
        and name.rsplit("/", 1)[-1] not in _BASIC_INDEXES
    )
    if macro_parts:
        return [_macros({"parts": macro_parts[:10]})]
    return _check_main_part(archive, names, "content.xml", "odt")


def _check_main_part(
    archive: zipfile.ZipFile, names: set[str], main: str, kind: str
) -> list[Finding]:
    if main not in names:
        return [_malformed(kind, {"missing": main})]
    start = read_member(archive, main, 1024).lstrip(b"\xef\xbb\xbf \t\r\n")
    if not start.startswith(b"<"):
        return [_malformed(kind, {"unreadable": main})]
    return []


def _macros(detail: dict) -> Finding:
    message = _(
        "The document contains macros, which cannot be uploaded. "
        "Save it as a plain Word document (DOCX) or OpenDocument text (ODT) and upload it again."
    )
    return Finding("office_macros", REFUSE, message, detail=detail)


def _malformed(kind: str, detail: dict) -> Finding:
    message = interpolate_lazy(
        _(
            "The file is a damaged or incomplete %(format)s document. "
            "Open it in your word processor, save it again and upload the new file."
        ),
        {"format": "DOCX" if kind == "word" else "ODT"},
    )
    return Finding("office_malformed", REFUSE, message, detail=detail)
