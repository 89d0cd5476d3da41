"""Empty files and files over the size limit are refused before anything else is read."""

import io

from documents.screening import screen_file
from documents.tests.screening.samples import checks, pdf_bytes, screen


def test_an_empty_file_is_refused():
    result = screen("report.pdf", b"")

    assert checks(result) == [("empty_file", "refuse")]
    assert "empty" in str(result.findings[0].message)


def test_a_file_over_the_limit_is_refused(settings):
    settings.SECBIO_UPLOAD_MAX_BYTES = 100
    data = pdf_bytes()

    result = screen("report.pdf", data)

    assert checks(result) == [("size_limit", "refuse")]
    assert result.findings[0].detail == {"size": len(data), "limit": 100}
    assert result.mime_type == "application/pdf"


def test_the_declared_size_is_used_when_given(settings):
    settings.SECBIO_UPLOAD_MAX_BYTES = 1000

    result = screen_file(name="report.pdf", file=io.BytesIO(pdf_bytes()), size=10**9)

    assert checks(result) == [("size_limit", "refuse")]
