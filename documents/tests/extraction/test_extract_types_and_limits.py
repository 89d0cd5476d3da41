import io

import pytest

from documents.extraction import SUPPORTED_MIME_TYPES, ExtractionError, extract


def test_an_unsupported_type_raises_with_a_reason():
    with pytest.raises(ExtractionError) as caught:
        extract(file=io.BytesIO(b"GIF89a"), mime_type="image/gif")

    assert str(caught.value) == "Text cannot be extracted from this type of file."


def test_the_formats_the_screening_allows_are_supported():
    assert {
        "application/pdf",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "application/vnd.oasis.opendocument.text",
        "text/html",
        "text/plain",
    } <= SUPPORTED_MIME_TYPES


def test_mime_types_are_matched_without_case_or_parameters():
    extraction = extract(file=io.BytesIO(b"Hello"), mime_type="Text/Plain; format=flowed")

    assert extraction.text == "Hello"


def test_text_beyond_the_character_limit_is_cut_with_a_warning(settings):
    settings.SECBIO_EXTRACTION_MAX_CHARS = 10

    extraction = extract(file=io.BytesIO(b"0123456789abcdef"), mime_type="text/plain")

    assert extraction.text == "0123456789"
    assert extraction.warnings == ["The text was cut at 10 characters."]


def test_short_text_has_no_language():
    extraction = extract(file=io.BytesIO("Статья 1".encode()), mime_type="text/plain")

    assert extraction.language is None
