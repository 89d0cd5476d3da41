import codecs
import io

import pytest

from documents.extraction import extract

TEXT = "Статья 1. Биологическая безопасность\n\n第一条 生物安全\n\nالمادة الأولى"


def extract_txt(data: bytes, mime_type: str = "text/plain"):
    return extract(file=io.BytesIO(data), mime_type=mime_type)


def test_utf8_is_read_and_its_bom_stripped():
    extraction = extract_txt(codecs.BOM_UTF8 + TEXT.encode())

    assert extraction.text == TEXT
    assert extraction.method == "txt"
    assert extraction.pages == [TEXT]
    assert extraction.page_count == 1
    assert extraction.warnings == []


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_with_a_bom_are_read(encoding):
    data = TEXT.encode(encoding)
    if encoding == "utf-16-be":
        data = codecs.BOM_UTF16_BE + data

    assert extract_txt(data).text == TEXT


def test_utf16_without_a_bom_is_recognised():
    text = "Article 1\nThe States Parties undertake never to develop biological weapons."

    assert extract_txt(text.encode("utf-16-le")).text == text


def test_the_declared_charset_is_used():
    data = "Статья 355".encode("cp1251")

    assert extract_txt(data, "text/plain; charset=windows-1251").text == "Статья 355"


def test_bytes_that_are_not_utf8_are_read_safely_with_a_warning():
    extraction = extract_txt("Décret n° 2024 – «texte»".encode("cp1252"))

    assert extraction.text == "Décret n° 2024 – «texte»"
    assert extraction.warnings == [
        "The text is not valid UTF-8; it was read as cp1252, so some letters may be wrong."
    ]


def test_bytes_undefined_in_windows_1252_fall_back_to_latin1():
    extraction = extract_txt(b"caf\xe9 \x81")

    assert extraction.text == "café"
    assert "latin-1" in extraction.warnings[0]


def test_control_characters_are_removed():
    data = "Article\x00 1\x07\r\nTexte\x1b suivant\x7f\x85.".encode()

    assert extract_txt(data).text == "Article 1\nTexte suivant."


def test_a_file_read_before_is_read_from_its_start():
    upload = io.BytesIO(TEXT.encode())
    upload.read()

    assert extract(file=upload, mime_type="text/plain").text == TEXT
