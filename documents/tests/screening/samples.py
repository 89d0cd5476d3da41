"""Sample files for the screening tests, built in memory: no binary fixture is committed."""

import io
import struct
import zipfile

import docx
from odf.opendocument import OpenDocumentText
from odf.text import P
from pypdf import PdfWriter
from pypdf.generic import DictionaryObject, NameObject

from documents.screening import ScreeningResult, screen_file

DOCX_MAIN_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
DOCM_MAIN_TYPE = "application/vnd.ms-word.document.macroEnabled.main+xml"


def screen(name: str, data: bytes) -> ScreeningResult:
    return screen_file(name=name, file=io.BytesIO(data))


def checks(result: ScreeningResult) -> list[tuple[str, str]]:
    return [(finding.check, finding.severity) for finding in result.findings]


def pdf_bytes(pages: int = 1, build=None) -> bytes:
    """A PDF of blank pages; `build(writer)` may add to it before it is written."""
    writer = PdfWriter()
    for _page in range(pages):
        writer.add_blank_page(width=595, height=842)
    if build is not None:
        build(writer)
    output = io.BytesIO()
    writer.write(output)
    return output.getvalue()


def raw_pdf(objects: list[bytes], root: int = 1) -> bytes:
    """A PDF written by hand from object bodies (numbered from 1), with a correct xref table:
    for graphs that no PDF library would write."""
    output = io.BytesIO()
    output.write(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(output.tell())
        output.write(b"%d 0 obj\n%s\nendobj\n" % (number, body))
    xref = output.tell()
    output.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        output.write(b"%010d 00000 n \n" % offset)
    output.write(b"trailer\n<< /Size %d /Root %d 0 R >>\n" % (len(objects) + 1, root))
    output.write(b"startxref\n%d\n%%%%EOF\n" % xref)
    return output.getvalue()


def action(kind: str, **entries) -> DictionaryObject:
    """An action dictionary, such as action("/JavaScript", JS=TextStringObject(...))."""
    result = DictionaryObject({NameObject("/S"): NameObject(kind)})
    for key, value in entries.items():
        result[NameObject(f"/{key}")] = value
    return result


def docx_bytes(*paragraphs: str) -> bytes:
    document = docx.Document()
    for paragraph in paragraphs or ("A clean document.",):
        document.add_paragraph(paragraph)
    output = io.BytesIO()
    document.save(output)
    return output.getvalue()


def odt_bytes(*paragraphs: str) -> bytes:
    document = OpenDocumentText()
    for paragraph in paragraphs or ("A clean document.",):
        document.text.addElement(P(text=paragraph))
    output = io.BytesIO()
    document.write(output)
    return output.getvalue()


def rezip(data: bytes, *, add: dict[str, bytes] | None = None, drop=(), replace=None) -> bytes:
    """A copy of the ZIP `data` with members added or dropped, and `replace(name, bytes)`
    applied to each member's content."""
    output = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            if info.filename in drop:
                continue
            content = source.read(info)
            if replace is not None:
                content = replace(info.filename, content)
            target.writestr(info, content)
        for name, content in (add or {}).items():
            target.writestr(name, content)
    return output.getvalue()


def zip_bytes(entries: dict[str, bytes]) -> bytes:
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in entries.items():
            archive.writestr(name, content)
    return output.getvalue()


def docx_like(extra: dict[str, bytes]) -> bytes:
    """The two parts every DOCX has, and `extra` members."""
    types = (
        '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
        'content-types"><Override PartName="/word/document.xml" '
        f'ContentType="{DOCX_MAIN_TYPE}"/></Types>'
    ).encode()
    body = b'<?xml version="1.0"?><w:document xmlns:w="urn:w"><w:body/></w:document>'
    return zip_bytes({"[Content_Types].xml": types, "word/document.xml": body, **extra})


def declare_size(data: bytes, member: str, size: int) -> bytes:
    """`data` with the uncompressed size of `member` rewritten in both its headers, as a ZIP
    bomb declares sizes it never stored."""
    patched = bytearray(data)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        info = archive.getinfo(member)
        local = info.header_offset
    struct.pack_into("<L", patched, local + 22, size)
    name = member.encode()
    central = patched.find(b"PK\x01\x02")
    while central >= 0:
        name_length = struct.unpack_from("<H", patched, central + 28)[0]
        if patched[central + 46 : central + 46 + name_length] == name:
            struct.pack_into("<L", patched, central + 24, size)
            break
        central = patched.find(b"PK\x01\x02", central + 4)
    return bytes(patched)
