import pytest
from django.utils import translation

from search.query import parse
from search.spelling import Vocabulary, count_words, suggest

TEXTS = [
    ("en", "Biosafety in the laboratory. Biosafety laboratories handle human pathogens."),
    ("en", "Humans and animals. Biosafety levels. Laboratory biosecurity."),
    ("fr", "Les agents pathogènes humains. La sécurité biologique des laboratoires."),
    ("es", "Bioseguridad de los laboratorios y agentes patógenos."),
    ("ru", "Требования биологической безопасности лаборатории."),
    ("ar", "السلامة البيولوجية في المختبرات الحيوية."),
    ("zh", "病原微生物实验室生物安全管理条例"),
]


@pytest.fixture
def words():
    return Vocabulary(1, count_words(TEXTS))


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("biosafty laboratry", "biosafety laboratory"),
        ("pathogènes humins", "pathogènes humains"),  # French, as the query's known word is
        ("bioseguridd", "bioseguridad"),
        ("биологическoй безопастности", "биологической безопасности"),  # a Latin "o" typed
        ("المختبرت", "المختبرات"),
        ("Biosafty", "Biosafety"),
        ("BIOSAFTY", "BIOSAFETY"),
        ("securite biologiqe", "securite biologique"),  # a known word stays as typed
    ],
)
def test_unknown_words_get_the_closest_known_word_in_every_language(words, typed, expected):
    assert words.rewrite(typed) == expected


def test_suggestions_keep_the_written_accents_of_the_documents(words):
    assert words.rewrite("securiti") == "sécurité"


def test_quotes_and_exclusions_are_kept(words):
    assert words.rewrite('"biosafty laboratry" -humns') == '"biosafety laboratory" -humns'


def test_known_words_numbers_short_words_and_chinese_are_left_alone(words):
    assert words.rewrite("biosafety laboratory") is None
    assert words.rewrite("2009 ab") is None
    assert words.rewrite("实验室安全") is None


def test_a_long_run_of_unknown_words_is_not_corrected(words):
    gibberish = " ".join(f"qwzx{letter}" for letter in "abcdefghijkl")
    assert words.rewrite(f"biosafty {gibberish}") is None
    assert words.rewrite("biosafty " * 100).split() == ["biosafety"] * 100  # one word, once


def test_the_dictionary_holds_folded_unstemmed_words_with_their_forms():
    rows = {(word, language): (form, n) for word, language, form, n in count_words(TEXTS)}
    assert rows[("laboratories", "en")] == ("laboratories", 1)
    assert rows[("securite", "fr")] == ("sécurité", 1)
    assert ("biosafety", "en") in rows and ("biosafeti", "en") not in rows
    assert not any(word.isdigit() or "实" in word for word, _language in rows)


def test_the_readers_language_breaks_ties(words):
    with translation.override("fr"):
        assert words.rewrite("humins") == "humains"
    with translation.override("en"):
        assert words.rewrite("humins") == "humans"


@pytest.mark.django_db
def test_a_suggestion_is_offered_only_when_it_finds_more(monkeypatch, words):
    monkeypatch.setattr("search.spelling.vocabulary", lambda: words)

    def counts(typed: int, corrected: int):
        return lambda text: typed if text == "biosafty" else corrected

    assert suggest(parse("biosafty"), count=counts(0, 4)) == "biosafety"
    assert suggest(parse("biosafty"), count=counts(0, 0)) is None
    assert suggest(parse("biosafty"), count=counts(5, 2)) is None
    assert suggest(parse(""), count=counts(0, 4)) is None


@pytest.mark.django_db
def test_known_common_words_cost_no_search(monkeypatch, words):
    monkeypatch.setattr("search.spelling.vocabulary", lambda: words)

    def count(text):
        raise AssertionError("no search needed")

    assert suggest(parse("biosafety laboratory"), count=count) is None


@pytest.mark.django_db
def test_a_rare_word_is_corrected_only_when_the_query_finds_little(monkeypatch):
    rows = [("biosafety", "en", "biosafety", 100), ("biosafty", "en", "biosafty", 1)]
    monkeypatch.setattr("search.spelling.vocabulary", lambda: Vocabulary(1, rows))
    assert suggest(parse("biosafty"), count=lambda text: 1 if text == "biosafty" else 100) == (
        "biosafety"
    )
    assert suggest(parse("biosafty"), count=lambda text: 3 if text == "biosafty" else 100) is None
