"""Semantic retrieval and the hybrid ranking, the same for every provider and backend.

Hybrid score = the semantic score (best passage similarity + 0.3 x the second best + 0.5 x the
similarity to the object's mean embedding) plus a bonus for the lexical rank,
LEXICAL_BONUS / (1 + (rank - 1) / LEXICAL_RANK_SCALE). The lexical ranking lists the objects
with every query word (BM25 / ts_rank; for a query matching thousands, title matches first:
search/backends), then, when few hold them all, those holding some of the rarer words
(`match_some`). Only the lexical *rank* is used, because BM25 and ts_rank
scores live on unrelated scales; the semantic score is kept, because a cosine similarity says
how close a passage is. Tuned on benchmarks/search_eval (`make bench-search`, and the grid of
/benchmarks/README.md): it beat reciprocal-rank fusion (0.78 against 0.76 nDCG@10).

The similarity floor decides which objects semantic search *adds*; an object the words already
found keeps its (positive) similarity however low, so the word matches are ordered by meaning
too instead of tying at 0: hybrid nDCG@10 0.779 -> 0.785 (cross-language 0.730 -> 0.743), no
new constant. Tried on the same set and left out (small or no gain, see README.md): embedding
the thesaurus labels of the query's concepts, weighting the title passage, normalising by the
best hit, more passages per object, pseudo-relevance feedback, and subtracting the query's
similarity to each language's mean passage (+0.01 hybrid, +0.035 cross-language semantic).
"""

from dataclasses import dataclass

import numpy as np

from search.backends import backend
from search.embeddings import embed_query

LEXICAL_BONUS = 0.25
LEXICAL_RANK_SCALE = 5
# Passages less similar than this to the query are not evidence of relevance (unrelated texts
# score about 0.0-0.15 with this model; a passage on the same subject, in any language, 0.35+).
SIMILARITY_FLOOR = 0.2
# The nearest passages read per query. 200 did as well as 400 on the evaluation set (hybrid
# nDCG@10 0.783 / 0.782), and pgvector's HNSW search (its ef_search follows the limit) took
# 6.5 / 12 ms p50 / p95 instead of 24 / 58 ms at 1.46 million passages.
PASSAGES_CONSIDERED = 200
SECOND_PASSAGE_WEIGHT = 0.3
# The similarity of the query to an object's mean passage embedding (search.models.Centroid)
# counts this much: a text on the subject throughout ranks above a long text on many subjects
# with one close passage (such texts came near the top of unrelated queries). Hybrid nDCG@10
# 0.806 -> 0.814, cross-language 0.780 -> 0.806 (0.2: 0.811 / 0.800; 0.8: 0.807 / 0.790).
WHOLE_WEIGHT = 0.5
# Added to the documents of a State or organization the query names (documents/search.py).
NAMED_PLACE_BONUS = 0.2


@dataclass
class SemanticHit:
    similarity: float  # of the best passage
    start: int | None  # offset of the best passage in the object's text (None: its title/summary)
    second: float = 0.0  # of the next best passage: a subject treated at length ranks higher
    whole: float = 0.0  # to the object's mean embedding: what the object as a whole is about

    @property
    def score(self) -> float:
        return self.similarity + SECOND_PASSAGE_WEIGHT * self.second + WHOLE_WEIGHT * self.whole


def query_vector(text: str) -> np.ndarray | None:
    """The embedding of a query's text, or None when it is blank."""
    return embed_query(text) if text.strip() else None


def nearest_passages(*, content_type: str, vector, limit: int = PASSAGES_CONSIDERED) -> list:
    """(object_id, position, start, similarity) of the passages closest to `vector`, best first."""
    if vector is None:
        return []
    return backend().nearest(content_type=content_type, vector=vector, limit=limit)


def semantic_hits(
    *,
    content_type: str,
    vector,
    limit: int = PASSAGES_CONSIDERED,
    keep: frozenset[int] | set[int] = frozenset(),
    passages: list | None = None,
) -> dict:
    """{object_id: SemanticHit} for the objects whose best passage is close to the query's
    `vector` (`query_vector`); `passages`, from `nearest_passages`, when the caller has them.

    Objects in `keep` (those the words already found) get their hit however low its positive
    similarity: the floor keeps unrelated objects out of the results, not out of the ordering
    of those already in.
    """
    if passages is None:
        passages = nearest_passages(content_type=content_type, vector=vector, limit=limit)
    best: dict[int, SemanticHit] = {}
    for object_id, _position, start, similarity in passages:
        if object_id not in best:
            if similarity >= SIMILARITY_FLOOR or (object_id in keep and similarity > 0):
                best[object_id] = SemanticHit(similarity, start)
        elif not best[object_id].second:
            best[object_id].second = similarity
    if best and vector is not None:
        wholes = backend().whole_similarities(
            content_type=content_type, vector=vector, object_ids=list(best)
        )
        for object_id, hit in best.items():
            hit.whole = wholes.get(object_id, 0.0)
    return best


def similar_to(*, content_type: str, object_id: int, exclude: set[int], limit: int) -> list[int]:
    """Objects whose passages are closest to the mean of this object's passages, best first."""
    from search.models import Centroid

    centroid = (
        Centroid.objects.filter(content_type=content_type, object_id=object_id)
        .values_list("embedding", flat=True)
        .first()
    )
    if centroid is None:
        return []
    exclude = exclude | {object_id}
    seen: dict[int, float] = {}
    for other, _position, _start, similarity in backend().nearest(
        content_type=content_type, vector=centroid, limit=PASSAGES_CONSIDERED
    ):
        if other not in exclude and other not in seen and similarity >= SIMILARITY_FLOOR:
            seen[other] = similarity
    return list(seen)[:limit]


def ranked(scores: dict[int, float]) -> list[int]:
    """Ids from the best score down (ties: the newest id first, for a stable order)."""
    return [pk for pk, _score in sorted(scores.items(), key=lambda item: (-item[1], -item[0]))]


def combine(semantic: dict[int, float], lexical_ids: list[int]) -> dict[int, float]:
    """Hybrid scores: {id: semantic score} plus a bonus that decays with the lexical rank."""
    combined = dict(semantic)
    for rank, object_id in enumerate(lexical_ids):
        bonus = LEXICAL_BONUS / (1 + rank / LEXICAL_RANK_SCALE)
        combined[object_id] = combined.get(object_id, 0.0) + bonus
    return combined
