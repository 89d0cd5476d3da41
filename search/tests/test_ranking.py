"""The semantic hits of a query: the similarity floor, and the objects the words already found."""

import numpy as np
import pytest

from search import ranking


@pytest.fixture
def passages(monkeypatch):
    """nearest() answers these (object_id, position, start, similarity) rows, best first."""
    rows = [
        (1, 1, 0, 0.6),
        (1, 2, 900, 0.5),
        (2, 0, None, 0.15),  # below the floor
        (3, 1, 0, 0.05),  # below the floor
        (4, 1, 0, -0.1),  # opposite in meaning
    ]

    class Backend:
        def nearest(self, *, content_type, vector, limit):
            return rows[:limit]

        def whole_similarities(self, *, content_type, vector, object_ids):
            return {}

    monkeypatch.setattr(ranking, "backend", Backend)
    monkeypatch.setattr(ranking, "embed_query", lambda text: np.zeros(512, dtype=np.float32))
    return rows


def _hits(text, **kwargs):
    return ranking.semantic_hits(
        content_type="documents.document", vector=ranking.query_vector(text), **kwargs
    )


def test_passages_below_the_floor_are_not_hits(passages):
    hits = _hits("pathogens")
    assert list(hits) == [1]
    assert hits[1].similarity == 0.6 and hits[1].second == 0.5


def test_objects_the_words_found_keep_their_similarity_below_the_floor(passages):
    hits = _hits("pathogens", keep={2, 3})
    assert set(hits) == {1, 2, 3}
    # So the closer of two word matches ranks first once combined with the lexical bonus.
    assert hits[2].score > hits[3].score > 0
    assert hits[2].start is None


def test_kept_objects_opposite_in_meaning_get_no_hit(passages):
    hits = _hits("pathogens", keep={4})
    assert 4 not in hits


def test_blank_text_has_no_hits(passages):
    assert _hits("  ", keep={1}) == {}


def test_an_object_about_the_subject_as_a_whole_ranks_above_one_close_passage(
    passages, monkeypatch
):
    wholes = {1: 0.1, 2: 0.6}

    class Backend:
        def nearest(self, *, content_type, vector, limit):
            return [(1, 1, 0, 0.55), (2, 1, 0, 0.5)]

        def whole_similarities(self, *, content_type, vector, object_ids):
            return {pk: wholes[pk] for pk in object_ids if pk in wholes}

    monkeypatch.setattr(ranking, "backend", Backend)
    hits = _hits("pathogens")
    assert hits[1].similarity > hits[2].similarity
    assert hits[2].whole == 0.6 and hits[2].score > hits[1].score
