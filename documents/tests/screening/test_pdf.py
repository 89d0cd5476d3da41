"""PDFs: refused when encrypted or unreadable, held for JavaScript, launch actions and
attachments, and checked in bounded time however hostile their object graph."""

import time

from pypdf.actions import JavaScript
from pypdf.generic import ArrayObject, NameObject, NumberObject, TextStringObject

from documents.screening import pdf
from documents.tests.screening.samples import action, checks, pdf_bytes, raw_pdf, screen


def _annotation(subtype: str, **entries):
    annotation = {
        NameObject("/Type"): NameObject("/Annot"),
        NameObject("/Subtype"): NameObject(subtype),
        NameObject("/Rect"): ArrayObject([NumberObject(n) for n in (10, 10, 50, 50)]),
    }
    annotation.update({NameObject(f"/{key}"): value for key, value in entries.items()})
    return annotation


def test_a_clean_pdf_passes():
    assert screen("report.pdf", pdf_bytes(pages=3)).passed


def test_an_encrypted_pdf_is_refused_with_a_message_to_remove_the_password():
    result = screen("report.pdf", pdf_bytes(build=lambda writer: writer.encrypt("secret")))

    assert checks(result) == [("pdf_encrypted", "refuse")]
    assert "Remove the password" in str(result.findings[0].message)


def test_a_pdf_encrypted_without_a_user_password_is_refused_too():
    result = screen("report.pdf", pdf_bytes(build=lambda writer: writer.encrypt("", "owner")))

    assert checks(result) == [("pdf_encrypted", "refuse")]


def test_a_truncated_pdf_is_refused():
    data = pdf_bytes(pages=3)

    result = screen("report.pdf", data[: len(data) // 2])

    assert checks(result) == [("pdf_malformed", "refuse")]


def test_a_pdf_whose_page_tree_cannot_be_read_is_refused():
    result = screen("report.pdf", b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n%%EOF\n")

    assert checks(result) == [("pdf_malformed", "refuse")]


def test_javascript_run_when_the_pdf_opens_is_held():
    def build(writer):
        script = action("/JavaScript", JS=TextStringObject("app.alert('hello')"))
        writer.root_object[NameObject("/OpenAction")] = script

    result = screen("report.pdf", pdf_bytes(build=build))

    assert checks(result) == [("pdf_javascript", "hold")]
    assert result.findings[0].page is None
    assert result.findings[0].detail["document_level"] is True


def test_document_level_javascript_is_held():
    result = screen(
        "report.pdf",
        pdf_bytes(build=lambda writer: writer.add_open_action(JavaScript("app.alert(1)"))),
    )

    assert checks(result) == [("pdf_javascript", "hold")]


def test_javascript_in_an_annotation_is_held_with_its_page():
    def build(writer):
        link = _annotation("/Link", A=action("/JavaScript", JS=TextStringObject("this.print()")))
        writer.add_annotation(1, link)

    result = screen("report.pdf", pdf_bytes(pages=2, build=build))

    assert checks(result) == [("pdf_javascript", "hold")]
    assert result.findings[0].page == 2
    assert result.findings[0].detail == {"count": 1, "pages": [2], "document_level": False}


def test_a_launch_action_is_held():
    def build(writer):
        launch = action("/Launch", F=TextStringObject("cmd.exe"))
        writer.add_annotation(0, _annotation("/Link", A=launch))

    result = screen("report.pdf", pdf_bytes(build=build))

    assert checks(result) == [("pdf_launch_action", "hold")]
    assert result.findings[0].page == 1


def test_an_embedded_file_is_held_with_its_name():
    result = screen(
        "report.pdf",
        pdf_bytes(build=lambda writer: writer.add_attachment("payload.exe", b"MZ...")),
    )

    assert checks(result) == [("pdf_embedded_file", "hold")]
    assert result.findings[0].detail["names"] == ["payload.exe"]
    assert result.findings[0].excerpt == "payload.exe"


def test_a_file_attachment_annotation_is_held():
    def build(writer):
        writer.add_annotation(0, _annotation("/FileAttachment", Contents=TextStringObject("x")))

    result = screen("report.pdf", pdf_bytes(build=build))

    assert checks(result) == [("pdf_embedded_file", "hold")]
    assert result.findings[0].page == 1


def test_a_cyclic_object_graph_is_walked_to_the_end():
    data = raw_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R /Outlines 4 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 10 10] /Annots [4 0 R 5 0 R] >>",
            b"<< /First 5 0 R /Last 5 0 R /Self 4 0 R /Items [4 0 R 5 0 R 4 0 R] >>",
            b"<< /Next 4 0 R /Prev 5 0 R /A << /S /JavaScript /JS (x) /Next 4 0 R >> >>",
        ]
    )
    started = time.monotonic()

    result = screen("report.pdf", data)

    assert checks(result) == [("pdf_javascript", "hold")]
    assert result.findings[0].page == 1
    assert time.monotonic() - started < 5


def test_a_cyclic_page_tree_is_refused_as_malformed():
    data = raw_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R 2 0 R] /Count 2 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 10 10] >>",
        ]
    )

    assert checks(screen("report.pdf", data)) == [("pdf_malformed", "refuse")]


def test_a_pdf_too_large_to_walk_within_the_budget_is_held(monkeypatch):
    monkeypatch.setattr(pdf, "NODE_BUDGET", 3)

    result = screen("report.pdf", pdf_bytes(pages=5))

    assert checks(result) == [("pdf_malformed", "hold")]
    assert result.findings[0].detail["budget_exhausted"] is True


def test_an_unreadable_object_outside_the_page_tree_is_held():
    data = raw_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R /Names 4 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 10 10] >>",
            b"@@@@ not an object",
        ]
    )

    result = screen("report.pdf", data)

    assert checks(result) == [("pdf_malformed", "hold")]
    assert result.findings[0].detail == {"unreadable_objects": 1, "budget_exhausted": False}


def test_deeply_nested_arrays_do_not_crash_the_check():
    data = raw_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R /Deep 4 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 10 10] >>",
            b"[" * 20_000 + b"]" * 20_000,
        ]
    )

    assert not screen("report.pdf", data).passed
