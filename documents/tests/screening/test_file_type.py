"""The type is recognised from the content and must be allowed and match the file's name."""

import codecs
import io
import zipfile

import pytest

from documents.screening import ALLOWED_TYPES, screen_file
from documents.tests.screening.samples import checks, docx_bytes, odt_bytes, pdf_bytes, screen

HTML = b"<!DOCTYPE html><html><head><title>Law</title></head><body><p>Text.</p></body></html>"
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + bytes(200)


@pytest.mark.parametrize(
    ("name", "data", "mime"),
    [
        ("report.pdf", pdf_bytes(), "application/pdf"),
        (
            "law.docx",
            docx_bytes(),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
        ("law.odt", odt_bytes(), "application/vnd.oasis.opendocument.text"),
        ("page.html", HTML, "text/html"),
        ("page.htm", HTML, "text/html"),
        ("notes.txt", "Règlement sur la biosécurité, 第一条, статья 1.\n".encode(), "text/plain"),
    ],
)
def test_clean_files_of_each_allowed_format_pass(name, data, mime):
    result = screen(name, data)

    assert result.passed, result.findings
    assert result.mime_type == mime
    assert mime in ALLOWED_TYPES


def test_xhtml_is_recognised_as_html():
    xhtml = b'<?xml version="1.0"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><body/></html>'

    assert screen("page.html", xhtml).mime_type == "text/html"


@pytest.mark.parametrize(
    "data",
    [
        "Texte en UTF-8 avec BOM.\n".encode("utf-8-sig"),
        "Текст в UTF-16 с меткой порядка байтов.\n".encode("utf-16"),
        codecs.BOM_UTF16_BE + "نص باللغة العربية\n".encode("utf-16-be"),
    ],
)
def test_text_in_utf8_with_bom_or_utf16_with_bom_passes(data):
    assert screen("notes.txt", data).passed


def test_text_in_another_encoding_is_refused():
    result = screen("notes.txt", "Réglementation française en Latin-1.\n".encode("latin-1"))

    assert checks(result) == [("file_type", "refuse")]
    assert "UTF-8" in str(result.findings[0].message)


def test_binary_garbage_named_txt_is_refused():
    result = screen("notes.txt", bytes(range(256)) * 40)

    assert checks(result) == [("type_mismatch", "refuse")]


def test_a_type_outside_the_allow_list_is_refused():
    result = screen("setup.exe", EXE)

    assert checks(result) == [("file_type", "refuse")]
    assert result.mime_type == "application/x-dosexec"
    assert "PDF, DOCX, ODT, HTML or plain text" in str(result.findings[0].message)


def test_html_renamed_pdf_is_refused_with_a_message_naming_both():
    result = screen("report.pdf", HTML)

    assert checks(result) == [("type_mismatch", "refuse")]
    assert str(result.findings[0].message) == (
        "The file is an HTML document but is named .pdf. "
        "Upload the file in its real format, with the matching extension."
    )


def test_a_program_renamed_pdf_is_refused():
    result = screen("report.pdf", EXE)

    assert checks(result) == [("type_mismatch", "refuse")]
    assert "is named .pdf but its content is a Windows program" in str(result.findings[0].message)


def test_a_pdf_without_extension_is_refused_as_a_mismatch():
    result = screen("report", pdf_bytes())

    assert checks(result) == [("type_mismatch", "refuse")]


def test_a_zip_archive_is_refused():
    data = io.BytesIO()
    with zipfile.ZipFile(data, "w") as archive:
        archive.writestr("readme.txt", "hello")

    assert checks(screen("papers.zip", data.getvalue())) == [("file_type", "refuse")]


@pytest.mark.parametrize("data", [pdf_bytes(), docx_bytes(), HTML, b"%PDF-1.4\nbroken", EXE])
def test_the_file_is_left_at_position_zero(data):
    file = io.BytesIO(data)
    file.seek(5)

    screen_file(name="upload.pdf", file=file)

    assert file.tell() == 0


def test_text_that_libmagic_takes_for_a_news_article_is_plain_text():
    import io

    from documents.screening import screen_file

    data = b"Article 5\nStaff shall respect the confidential nature of patient data.\n"
    result = screen_file(name="law.txt", file=io.BytesIO(data), size=len(data))
    assert result.mime_type == "text/plain"
    assert not result.refused
