"""What every screening result offers its readers: a verdict, plain messages in the reader's
language, and details that can be stored as JSON."""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile, TemporaryUploadedFile
from django.utils.functional import Promise

from documents.screening import HOLD, REFUSE, Finding, ScreeningResult, screen_file, screen_text
from documents.tests.screening.samples import docx_like, pdf_bytes, screen


def test_the_verdict_follows_the_most_severe_finding():
    hold = Finding("personal_data", HOLD, "held")
    refuse = Finding("virus", REFUSE, "refused")

    assert ScreeningResult("text/plain", []).passed
    assert ScreeningResult("text/plain", [hold]).held
    assert not ScreeningResult("text/plain", [hold]).refused
    assert ScreeningResult("text/plain", [hold, refuse]).refused
    assert not ScreeningResult("text/plain", [hold, refuse]).held


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("report.pdf", b""),
        ("report.pdf", b"<html><body>x</body></html>"),
        ("setup.exe", b"MZ" + bytes(100)),
        ("report.pdf", pdf_bytes(build=lambda writer: writer.add_attachment("a.txt", b"x"))),
        ("law.docx", docx_like({"word/media/zeros.bin": bytes(3 * 1024 * 1024)})),
    ],
)
def test_file_findings_have_plain_messages_and_json_details(name, data):
    (finding,) = screen(name, data).findings

    message = str(finding.message)
    assert "%(" not in message
    assert message.endswith(".")
    json.dumps(finding.detail)


def test_a_size_message_gives_both_sizes(settings):
    settings.SECBIO_UPLOAD_MAX_BYTES = 100

    (finding,) = screen("report.pdf", pdf_bytes()).findings

    assert "100\xa0bytes" in str(finding.message)


def test_text_findings_have_json_details():
    pages = ["SECRET\n" + "\n".join(f"user{n}@example{n}.org" for n in range(10))]

    findings = screen_text(pages=pages)

    assert {finding.check for finding in findings} == {"classification_marking", "personal_data"}
    for finding in findings:
        json.dumps(finding.detail)


@pytest.mark.parametrize(
    ("name", "data"), [("report.pdf", b""), ("report.pdf", b"<html><body>x</body></html>")]
)
def test_messages_stay_lazy_to_be_translated_when_read(name, data):
    (finding,) = screen(name, data).findings

    assert isinstance(finding.message, Promise)


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("report.pdf", pdf_bytes(pages=2)),
        ("law.docx", docx_like({})),
        ("notes.txt", b"Texte en UTF-8.\n"),
    ],
)
def test_django_uploads_in_memory_and_on_disk_are_screened(name, data):
    in_memory = SimpleUploadedFile(name, data)
    on_disk = TemporaryUploadedFile(name, "application/octet-stream", len(data), None)
    on_disk.write(data)

    for upload in (in_memory, on_disk):
        with upload:
            result = screen_file(name=upload.name, file=upload, size=upload.size)
            assert result.passed, result.findings
            assert upload.tell() == 0
