"""Snippets mark every written form of the query's words, in each language's analysis."""

import pytest

from search.query import parse
from search.snippets import snippet


@pytest.mark.parametrize(
    ("text", "query", "language", "marked"),
    [
        (
            "Les évaluations des laboratoires.",
            "évaluation laboratoire",
            "fr",
            ["laboratoires", "évaluations"],
        ),
        ("LES ÉVALUATIONS des risques", "evaluation", "fr", ["ÉVALUATIONS"]),
        (
            "Laboratories shall apply the policies.",
            "laboratory policy",
            "en",
            ["Laboratories", "policies"],
        ),
        ("تلتزم المختبرات بتقييم المخاطر", "مختبر", "ar", ["المختبرات"]),
        ("Лаборатории обязаны оценивать риски.", "лаборатория", "ru", ["Лаборатории"]),
        (
            "Los laboratorios evalúan los riesgos.",
            "laboratorio riesgo",
            "es",
            ["laboratorios", "riesgos"],
        ),
    ],
)
def test_inflected_and_accented_forms_are_marked(text, query, language, marked):
    html = str(snippet(text, parse(query), language))
    for word in marked:
        assert f"<mark>{word}</mark>" in html


def test_chinese_words_are_marked_inside_unspaced_text():
    html = str(snippet("病原微生物实验室应当进行生物安全风险评估。", parse("实验室"), "zh"))
    assert "<mark>" in html and "实验室" in html


def test_words_that_merely_look_alike_are_not_marked():
    html = str(snippet("The laboratory and the labour office.", parse("laboratory"), "en"))
    assert "<mark>laboratory</mark>" in html and "<mark>labour</mark>" not in html


def test_a_hit_by_meaning_shows_the_passage_that_matched():
    text = "Laboratory rules. " * 100 + "Waste shall be autoclaved before disposal. " * 30
    around = text.index("Waste")
    html = str(snippet(text, parse("laboratory"), "en", around=around))
    assert html.startswith("… Waste shall be autoclaved") and "<mark>" not in html
    assert "<mark>Laboratory</mark>" in str(snippet(text, parse("laboratory"), "en"))


def test_a_long_text_is_read_stretch_by_stretch_up_to_the_first_match(monkeypatch):
    monkeypatch.setattr("search.snippets.STRETCH", 100)
    filler = "Nothing of interest is said here at all. " * 10
    text = filler + "Laboratories keep pathogens. " + filler + "pathogens " * 20
    marked = str(snippet(text, parse("pathogens"), "en"))
    # The first stretch holding a match gives the window, not the densest one further on.
    assert "Laboratories keep <mark>pathogens</mark>" in marked
    long_chinese = "无关的内容。" * 50 + "病原微生物实验室"
    assert "<mark>" in str(snippet(long_chinese, parse("实验室"), "zh"))
