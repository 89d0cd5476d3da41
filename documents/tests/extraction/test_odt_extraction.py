import io

import pytest

from documents.extraction import ExtractionError, extract
from documents.tests.extraction.builders import ODT, make_odt


def extract_odt(data: bytes):
    return extract(file=io.BytesIO(data), mime_type=ODT)


def test_headings_paragraphs_lists_and_tables_are_read_in_order():
    data = make_odt(
        "Глава 1. Общие положения",
        [
            "Article premier des dispositions générales.",
            "第二条 本法所称生物安全。",
            "المادة الثانية",
        ],
        table=[["Agent", "Groupe"], ["Variola", "4"]],
    )

    extraction = extract_odt(data)

    assert extraction.method == "odt"
    assert extraction.page_count == 1
    assert extraction.text == (
        "Глава 1. Общие положения\n\n"
        "Article premier des dispositions générales.\n\n"  # its run of spaces collapsed
        "第二条 本法所称生物安全。\n\n"
        "المادة الثانية\n\n"
        "• Article\n\n• 第二条\n\n• المادة\n\n"
        "Agent | Groupe\nVariola | 4"
    )


def test_a_damaged_odt_raises_with_a_reason():
    with pytest.raises(ExtractionError) as caught:
        extract_odt(b"PK\x03\x04 not really a zip archive")

    assert "OpenDocument" in str(caught.value)
