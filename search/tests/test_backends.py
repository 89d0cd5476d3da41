"""The full-text backends (SQLite FTS5 or PostgreSQL, whichever the suite runs on): how many
matches they rank, and how they keep to a reader's filters however many others match."""

import pytest
from django.db import connection

from search import services
from search.backends import backend
from search.backends.within import sorted_ids
from search.query import parse

KIND = "tests.thing"


@pytest.fixture
def entries(db):
    """Five entries with "pathogen"; the first says it most, the second has it in its title."""
    texts = {
        1: ("Act one", "pathogen pathogen pathogen laboratory"),
        2: ("Pathogen act", "laboratory rules"),
        3: ("Act three", "a pathogen in a laboratory"),
        4: ("Act four", "pathogen storage"),
        5: ("Act five", "pathogen transport"),
    }
    for object_id, (title, body) in texts.items():
        services.entry_index(
            content_type=KIND, object_id=object_id, language="en", title=title, body=body
        )
    services.entry_index(
        content_type="tests.other", object_id=9, language="en", title="Pathogen", body="pathogen"
    )


def _match(limit=10, **kwargs):
    return [
        object_id
        for object_id, _score in backend().match(
            content_type=KIND, query=parse("pathogen"), languages=["en"], limit=limit, **kwargs
        )
    ]


@pytest.mark.django_db
def test_few_matches_are_all_ranked(entries):
    found = _match()
    assert set(found) == {1, 2, 3, 4, 5}
    # Ranked, not newest first: the title match and the body that says it most lead.
    assert set(found[:2]) == {1, 2}


@pytest.mark.django_db
def test_many_matches_rank_title_matches_first_then_the_newest(entries, monkeypatch):
    monkeypatch.setattr(backend(), "RANK_ALL", 2)
    assert _match() == [2, 5, 4, 3, 1]


@pytest.mark.django_db
def test_the_limit_keeps_the_newest_and_a_filter_reaches_past_it(entries):
    assert set(_match(limit=2)) == {4, 5}
    assert set(_match(limit=2, within=sorted_ids([3, 1]))) == {1, 3}
    assert _match(limit=1, within=sorted_ids([1, 3])) == [3]  # the newest of those kept


@pytest.mark.django_db
def test_matches_kept_to_a_filter_are_walked_in_batches_and_ranked(entries, monkeypatch):
    monkeypatch.setattr(backend(), "WALK_BATCH", 1, raising=False)  # SQLite reads in batches
    within = sorted_ids([1, 3, 9])  # 9: an object of another kind, never matched as this one
    assert _match(within=within) == [1, 3]  # ranked: the first says "pathogen" three times
    assert _match(limit=1, within=within) == [3]  # the newest kept
    assert _match(within=sorted_ids([7])) == []


@pytest.mark.django_db
def test_unranked_matches_are_the_same_newest_first_without_scores(entries):
    found = backend().match(
        content_type=KIND, query=parse("pathogen"), languages=["en"], limit=10, ranked=False
    )
    assert found == [(5, 0.0), (4, 0.0), (3, 0.0), (2, 0.0), (1, 0.0)]
    within = sorted_ids([1, 3])
    unranked = backend().match(
        content_type=KIND,
        query=parse("pathogen"),
        languages=["en"],
        limit=10,
        within=within,
        ranked=False,
    )
    assert unranked == [(3, 0.0), (1, 0.0)]


@pytest.mark.django_db
def test_among_keeps_to_those_objects(entries):
    assert sorted(_match(among=[3, 4, 8])) == [3, 4]
    assert _match(among=[]) == []


def _some(text, **kwargs):
    return backend().match_some(
        content_type=KIND, query=parse(text), languages=["en"], limit=10, **kwargs
    )


@pytest.mark.django_db
def test_some_words_find_objects_holding_only_part_of_the_query(entries):
    # No entry holds both words; each holds one.
    assert _match_text("storage rules") == []
    assert set(_some("storage rules")) == {2, 4}


@pytest.mark.django_db
def test_some_words_rank_the_rarer_words_first(entries):
    found = _some("transport storage laboratory")
    assert set(found) == {1, 2, 3, 4, 5}
    assert set(found[:2]) == {4, 5}  # "transport" and "storage" are rarer than "laboratory"


@pytest.mark.django_db
def test_some_words_leave_out_words_that_too_many_objects_hold(entries, monkeypatch):
    monkeypatch.setattr(backend(), "RANK_ALL", 2)
    assert _some("pathogen storage") == [4]


@pytest.mark.django_db
def test_some_words_keep_to_filters_exclusions_and_phrases(entries):
    assert set(_some("transport laboratory", within=sorted_ids([1, 3]))) == {1, 3}
    assert _some("storage rules -laboratory") == [4]
    assert _some('"storage rules"') == []
    assert _some("storage") == []  # one word: the full match says it all


def _match_text(text):
    return backend().match(content_type=KIND, query=parse(text), languages=["en"], limit=10)


@pytest.mark.django_db
def test_matches_among_a_few_objects_are_ranked(entries):
    # Entry 1 says it most and entry 2 has it in its title: they lead, whatever their ids.
    found = _match(among=[1, 2, 3, 4, 5])
    assert set(found[:2]) == {1, 2}
    assert set(found) == {1, 2, 3, 4, 5}


def test_postgresql_ranks_by_any_term_of_every_reading_and_expansion_never_an_excluded_one():
    from search.backends.postgres import rank_tsquery

    query = parse("utilisation confinée -OGM")
    query.expansions = [("en", "contained use")]
    ranking = rank_tsquery(query, [None, "fr"]).split(" | ")
    assert ranking == ["'utilisation'", "'confinee'", "'utilis'", "'confine'", "'contain'", "'use'"]
    assert rank_tsquery(parse("-OGM"), [None, "fr"]) is None


@pytest.fixture
def label_entries(db):
    """Three Spanish entries: the label's words side by side, apart, and one of them only."""
    texts = {
        1: "los organismos genéticamente modificados destinados al cultivo",
        2: "los organismos destinados al cultivo, modificados genéticamente",
        3: "los organismos destinados al cultivo",
    }
    for object_id, body in texts.items():
        services.entry_index(
            content_type=KIND, object_id=object_id, language="es", title="Ley", body=body
        )


def _label_query():
    query = parse("transgénicos")
    query.expansions = [("es", "organismos genéticamente modificados")]
    return query


@pytest.mark.django_db
def test_a_label_matches_where_its_words_are_apart(label_entries):
    found = backend().match(content_type=KIND, query=_label_query(), languages=["es"], limit=10)
    assert {object_id for object_id, _score in found} == {1, 2}


@pytest.mark.django_db
@pytest.mark.skipif(
    connection.vendor != "sqlite",
    reason="SQLite's ranking (BM25 with a phrase boost); PostgreSQL ranks by ts_rank",
)
def test_a_label_written_as_the_thesaurus_writes_it_ranks_first(label_entries):
    found = backend().match(content_type=KIND, query=_label_query(), languages=["es"], limit=10)
    assert [object_id for object_id, _score in found] == [1, 2]
    assert found[0][1] > found[1][1]


def test_jiebas_parts_of_a_chinese_word_are_not_required_twice():
    from search.backends.sqlite import fts_expression

    query = parse("laboratoires")
    query.expansions = [("zh", "实验室")]
    expression = fts_expression(query, ["fr"])
    assert '("实验室")' in expression and '"实验"' not in expression
    assert '"实验 实验室"' in fts_expression(query, ["fr"], boost_phrases=True)
