"""split_sections on the real legal texts of shared/corpus, one or more per language."""

from collections import Counter
from itertools import pairwise

import pytest

from documents.extraction import split_sections


def article_anchors(text: str) -> list[str]:
    return [s.anchor for s in split_sections(text) if s.anchor.startswith("art-")]


def test_the_biological_weapons_convention_has_its_fifteen_articles(corpus):
    sections = split_sections(corpus["bwc-en"]["text"])

    assert [s.title for s in sections] == [f"Article {n}" for n in (
        "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII",
        "XIV", "XV")]  # fmt: skip
    assert [s.anchor for s in sections] == [f"art-{n}" for n in range(1, 16)]


@pytest.mark.parametrize(
    ("record_id", "first_articles", "minimum"),
    [
        ("bwc-es", ["art-1", "art-2", "art-3"], 15),
        ("cn-biosecurity-law-2024", ["art-1", "art-2", "art-3"], 88),
        ("ru-criminal-code-excerpt", ["art-236", "art-353", "art-354", "art-3541"], 12),
        ("sa-bwc-implementing-regulation-2024", ["art-1", "art-2", "art-3"], 18),
        ("es-rd-664-1997-agentes-biologicos", ["art-1", "art-2", "art-3"], 15),
        ("fr-code-defense-armes-biologiques", ["art-l2341-1", "art-l2341-2"], 11),
        ("fr-code-travail-risques-biologiques", ["art-r4421-1", "art-r4421-2"], 40),
        ("ihr-2005-fr", ["art-1", "art-2", "art-3"], 66),
        ("cbd-nr2-ar", ["art-2", "art-5", "art-6"], 20),
        ("cbd-nr3-zh", ["art-2", "art-5", "art-6", "art-7-10"], 20),
    ],
)
def test_articles_are_found_in_each_language(corpus, record_id, first_articles, minimum):
    anchors = article_anchors(corpus[record_id]["text"])

    assert anchors[: len(first_articles)] == first_articles
    assert len(anchors) >= minimum


def test_chapters_and_articles_nest_in_the_chinese_biosecurity_law(corpus):
    sections = split_sections(corpus["cn-biosecurity-law-2024"]["text"])
    kinds = Counter(s.anchor.split("-")[0] for s in sections)

    assert kinds == {"chap": 10, "art": 88}
    assert sections[0].title == "第一章 总 则"
    assert {s.level for s in sections if s.anchor.startswith("chap-")} == {1}
    assert {s.level for s in sections if s.anchor.startswith("art-")} == {2}
    twelfth = next(s for s in sections if s.anchor == "art-12")
    assert twelfth.title == "第十二条"


def test_sections_tile_the_text_from_the_first_heading(corpus):
    for record_id, record in corpus.items():
        text, sections = record["text"], split_sections(record["text"])
        for section, following in pairwise(sections):
            assert section.end == following.start, record_id
        if sections:
            assert sections[-1].end == len(text), record_id
            assert all(s.start < s.end for s in sections), record_id


def test_anchors_are_unique_slugs_in_every_corpus_text(corpus):
    for record_id, record in corpus.items():
        anchors = [s.anchor for s in split_sections(record["text"])]
        assert len(anchors) == len(set(anchors)), record_id
        assert all(a.isascii() and a == a.lower() and " " not in a for a in anchors), record_id


def test_articles_are_the_lowest_level_in_every_corpus_text(corpus):
    for record_id, record in corpus.items():
        sections = split_sections(record["text"])
        if not sections:
            continue
        lowest = max(s.level for s in sections)
        for section in sections:
            if section.anchor.startswith("art-"):
                assert section.level == lowest, (record_id, section)


def test_every_language_of_the_corpus_has_texts_with_articles(corpus):
    languages = {
        record["language"]
        for record in corpus.values()
        if len(article_anchors(record["text"])) >= 5
    }

    assert languages == {"ar", "en", "es", "fr", "ru", "zh"}
