import io

import docx
import pytest

from documents.extraction import ExtractionError, extract
from documents.tests.extraction.builders import DOCX, make_docx


def extract_docx(data: bytes):
    return extract(file=io.BytesIO(data), mime_type=DOCX)


def test_paragraphs_in_every_language_are_kept_with_their_breaks():
    data = make_docx(
        [
            "Статья 1. Настоящий Федеральный закон регулирует отношения в области биологической безопасности.",
            "第一条 为了维护国家安全，防范和应对生物安全风险，制定本法。",
            "المادة الأولى: يقصد بالألفاظ والعبارات الآتية المعاني المبينة أمام كل منها.",
            "Artículo 1. Objeto y ámbito de aplicación.",
        ]
    )

    extraction = extract_docx(data)

    assert extraction.method == "docx"
    assert extraction.page_count == 1
    assert extraction.pages == [extraction.text]
    assert extraction.text.split("\n\n") == [
        "Статья 1. Настоящий Федеральный закон регулирует отношения в области биологической безопасности.",
        "第一条 为了维护国家安全，防范和应对生物安全风险，制定本法。",
        "المادة الأولى: يقصد بالألفاظ والعبارات الآتية المعاني المبينة أمام كل منها.",
        "Artículo 1. Objeto y ámbito de aplicación.",
    ]


def test_table_rows_become_lines_of_cells_in_reading_order():
    data = make_docx(
        ["Before the table."],
        table=[["Agent", "Risk group"], ["Bacillus anthracis", "3"], ["Variola virus", "4"]],
    )

    text = extract_docx(data).text

    assert text == (
        "Before the table.\n\n"
        "Agent | Risk group\nBacillus anthracis | 3\nVariola virus | 4\n\n"
        "After the table."
    )


def test_a_merged_cell_is_written_once():
    document = docx.Document()
    table = document.add_table(rows=2, cols=3)
    table.cell(0, 0).merge(table.cell(0, 2)).text = "Schedule 1"
    for index, text in enumerate(["a", "b", "c"]):
        table.cell(1, index).text = text
    out = io.BytesIO()
    document.save(out)

    assert extract_docx(out.getvalue()).text == "Schedule 1\na | b | c"


def test_headers_and_footers_are_appended_after_the_body():
    data = make_docx(["Body text."], header="Ministry of Health", footer="Page footer")

    assert extract_docx(data).text == "Body text.\n\nMinistry of Health\n\nPage footer"


def test_a_damaged_docx_raises_with_a_reason():
    data = make_docx(["Body text."])[:300]

    with pytest.raises(ExtractionError) as caught:
        extract_docx(data)

    assert "Word document" in str(caught.value)
