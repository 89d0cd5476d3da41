"""Semantic retrieval and the hybrid ranking, the same for every provider and backend.

Hybrid ranking is a weighted reciprocal-rank fusion (Cormack et al., 2009): each object scores
sum(weight / (K + rank)) over the lexical and the semantic ranking it appears in. Ranks, not raw
scores, are fused because BM25 / ts_rank_cd and cosine similarities live on unrelated scales.
The weights, K and the similarity floor were tuned on benchmarks/search_eval (`make bench-search`).
"""

from dataclasses import dataclass

from search.backends import backend
from search.embeddings import embed_query

RRF_K = 60
LEXICAL_WEIGHT = 1.0
SEMANTIC_WEIGHT = 1.0
# Passages less similar than this to the query are not evidence of relevance (unrelated texts
# score about 0.0-0.15 with this model; a passage on the same subject, in any language, 0.35+).
SIMILARITY_FLOOR = 0.25
PASSAGES_CONSIDERED = 400


@dataclass(frozen=True)
class SemanticHit:
    similarity: float
    start: int | None  # offset of the best passage in the object's text (None: its title/summary)


def semantic_hits(*, content_type: str, text: str, limit: int = PASSAGES_CONSIDERED) -> dict:
    """{object_id: SemanticHit} for the objects whose best passage is close to `text`."""
    if not text.strip():
        return {}
    best: dict[int, SemanticHit] = {}
    for object_id, _position, start, similarity in backend().nearest(
        content_type=content_type, vector=embed_query(text), limit=limit
    ):
        if similarity >= SIMILARITY_FLOOR and object_id not in best:
            best[object_id] = SemanticHit(similarity, start)
    return best


def similar_to(*, content_type: str, vector, exclude: set[int], limit: int) -> list[int]:
    """Objects whose passages are closest to `vector`, best first."""
    seen: dict[int, float] = {}
    for object_id, _position, _start, similarity in backend().nearest(
        content_type=content_type, vector=vector, limit=PASSAGES_CONSIDERED
    ):
        if object_id not in exclude and object_id not in seen and similarity >= SIMILARITY_FLOOR:
            seen[object_id] = similarity
    return list(seen)[:limit]


def fuse(*rankings: tuple[float, dict[int, float]]) -> dict[int, float]:
    """Weighted reciprocal-rank fusion of (weight, {id: score}) rankings."""
    fused: dict[int, float] = {}
    for weight, scores in rankings:
        ordered = sorted(scores.items(), key=lambda item: (-item[1], -item[0]))
        for rank, (object_id, _score) in enumerate(ordered, start=1):
            fused[object_id] = fused.get(object_id, 0.0) + weight / (RRF_K + rank)
    return fused
