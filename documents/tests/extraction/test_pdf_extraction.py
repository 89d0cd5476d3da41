import io

import pytest

from documents.extraction import ExtractionError, extract, ocr
from documents.tests.extraction.builders import make_pdf

PDF = "application/pdf"


def extract_pdf(data: bytes):
    return extract(file=io.BytesIO(data), mime_type=PDF)


@pytest.fixture
def without_ocr(monkeypatch):
    monkeypatch.setattr(ocr, "ocr_available", lambda: False)


def test_each_page_keeps_its_own_text():
    data = make_pdf(
        [
            ["Article 1", "The States Parties (hereinafter) undertake never to develop."],
            ["Article 2", "Règlement sur les agents pathogènes."],
        ]
    )

    extraction = extract_pdf(data)

    assert extraction.method == "pdf"
    assert extraction.page_count == 2
    assert extraction.pages == [
        "Article 1\nThe States Parties (hereinafter) undertake never to develop.",
        "Article 2\nRèglement sur les agents pathogènes.",
    ]
    assert extraction.text == "\n\n\f".join(extraction.pages)  # a form feed between pages
    assert extraction.warnings == []


def test_the_language_of_the_text_is_detected():
    data = make_pdf([["Each State Party to this Convention undertakes never in any"
                      " circumstances to develop, produce, stockpile or otherwise acquire"
                      " or retain microbial or other biological agents or toxins."]])  # fmt: skip

    assert extract_pdf(data).language == "en"


def test_a_page_without_text_layer_gives_a_warning(without_ocr):
    extraction = extract_pdf(make_pdf([["Some text on the first page."], None, None]))

    assert extraction.page_count == 3
    assert extraction.pages == ["Some text on the first page.", "", ""]
    assert extraction.text == "Some text on the first page."
    assert extraction.method == "pdf"
    assert extraction.warnings == ["No text layer on 2 of 3 pages (scanned?)."]


def test_pages_without_text_layer_are_read_by_ocr_when_it_is_installed(monkeypatch, settings):
    settings.SECBIO_EXTRACTION_OCR_TIMEOUT = 7
    calls = []

    def fake_ocr_page(path, page_number, *, timeout):
        calls.append((path.name, page_number, timeout))
        assert path.read_bytes().startswith(b"%PDF-")
        return "Scanned page text"

    monkeypatch.setattr(ocr, "ocr_available", lambda: True)
    monkeypatch.setattr(ocr, "ocr_page", fake_ocr_page)

    extraction = extract_pdf(make_pdf([["Typed page."], None]))

    assert calls == [("document.pdf", 2, 7)]
    assert extraction.method == "pdf-ocr"
    assert extraction.pages == ["Typed page.", "Scanned page text"]
    assert len(extraction.warnings) == 1
    assert "OCR" in extraction.warnings[0]


def test_a_failed_ocr_leaves_the_page_empty_with_a_warning(monkeypatch):
    def failing_ocr_page(path, page_number, *, timeout):
        raise ocr.OCRError("timed out")

    monkeypatch.setattr(ocr, "ocr_available", lambda: True)
    monkeypatch.setattr(ocr, "ocr_page", failing_ocr_page)

    extraction = extract_pdf(make_pdf([["Typed page."], None]))

    assert extraction.method == "pdf"
    assert extraction.pages == ["Typed page.", ""]
    assert extraction.warnings == ["Text recognition (OCR) failed on 1 of 2 pages."]


@pytest.mark.skipif(not ocr.ocr_available(), reason="tesseract and pdftoppm are not installed")
def test_ocr_of_a_blank_page_runs_the_real_programs():
    extraction = extract_pdf(make_pdf([["Typed page."], None]))

    assert extraction.pages[0] == "Typed page."
    assert extraction.pages[1] == ""  # a blank page has nothing to recognise


def test_a_damaged_page_is_left_out_with_a_warning_and_the_others_kept(without_ocr):
    damaged = b"<< /Length 5 /Filter /NoSuchFilter >>\nstream\nabcde\nendstream"
    data = make_pdf([["First page."], ["lost"], ["Third page."]], raw_contents={1: damaged})

    extraction = extract_pdf(data)

    assert extraction.pages == ["First page.", "", "Third page."]
    assert "Page 2 could not be read and was left out." in extraction.warnings


@pytest.mark.parametrize(
    "data",
    [
        b"%PDF-1.7\nthis is not really a PDF at all",
        b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF",
    ],
    ids=["garbage", "no-pages"],
)
def test_a_broken_pdf_raises_with_a_reason(data):
    with pytest.raises(ExtractionError) as caught:
        extract_pdf(data)

    assert str(caught.value.reason).startswith("This PDF ")


def test_a_file_that_is_not_a_pdf_raises_with_a_reason():
    with pytest.raises(ExtractionError) as caught:
        extract_pdf(b"MZ\x90\x00 an executable renamed .pdf")

    assert str(caught.value.reason) == "This file is not a PDF document."


def test_a_pdf_locked_by_a_password_raises_with_a_reason():
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(make_pdf([["Secret text."]]))))
    writer.encrypt(user_password="letmein", owner_password="owner", algorithm="AES-128")
    locked = io.BytesIO()
    writer.write(locked)

    with pytest.raises(ExtractionError) as caught:
        extract_pdf(locked.getvalue())

    assert "password" in str(caught.value)


def test_a_pdf_encrypted_without_a_user_password_is_read():
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(make_pdf([["Open to all."]]))))
    writer.encrypt(user_password="", owner_password="owner", algorithm="AES-128")
    encrypted = io.BytesIO()
    writer.write(encrypted)

    assert extract_pdf(encrypted.getvalue()).text == "Open to all."


def test_pages_beyond_the_limit_are_not_read(settings):
    settings.SECBIO_EXTRACTION_MAX_PAGES = 2

    extraction = extract_pdf(make_pdf([["One."], ["Two."], ["Three."]]))

    assert extraction.page_count == 3
    assert extraction.pages == ["One.", "Two."]
    assert extraction.warnings == ["Only the first 2 of 3 pages were read."]
