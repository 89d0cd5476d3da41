"""How many of the truly nearest passages a search's vector index finds (bench_search_speed.py).

The index of either database (SQLite: the clustered snapshot and the tail; PostgreSQL:
pgvector's HNSW) against an exact search over every passage: recall of the (object, position)
pairs among the `limit` nearest, for limits a search uses (200; 800 when filtered).
"""

from __future__ import annotations

import statistics
import time

import numpy as np

CHUNK = 50_000


def _exact_sqlite(content_type: str, queries: np.ndarray, limit: int) -> list[list]:
    from django.db import connection

    from search.fields import blobs_to_matrix

    best_scores = np.full((len(queries), 0), -np.inf, dtype=np.float32)
    best_pairs = np.zeros((len(queries), 0, 2), dtype=np.int64)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT object_id, position, embedding FROM search_passage WHERE content_type = %s",
            [content_type],
        )
        while chunk := cursor.fetchmany(CHUNK):  # every passage once, the best kept so far
            objects, positions, blobs = zip(*chunk, strict=True)
            pairs = np.column_stack([objects, positions]).astype(np.int64)
            scores = np.concatenate([best_scores, queries @ blobs_to_matrix(list(blobs)).T], axis=1)
            candidates = np.concatenate(
                [best_pairs, np.broadcast_to(pairs, (len(queries), *pairs.shape))], axis=1
            )
            keep = np.argpartition(-scores, min(limit, scores.shape[1] - 1), axis=1)[:, :limit]
            best_scores = np.take_along_axis(scores, keep, axis=1)
            best_pairs = np.take_along_axis(candidates, keep[:, :, None], axis=1)
    order = np.argsort(-best_scores, axis=1)
    best_pairs = np.take_along_axis(best_pairs, order[:, :, None], axis=1)
    return [list(map(tuple, pairs.tolist())) for pairs in best_pairs]


def _exact_postgresql(content_type: str, queries: np.ndarray, limit: int) -> list[list]:
    from django.db import connection, transaction

    from search.fields import vector_literal

    found = []
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_indexscan = off")  # a sequential scan: exact
        for query in queries:
            cursor.execute(
                "SELECT object_id, position FROM search_passage WHERE content_type = %s "
                "ORDER BY embedding <=> %s::halfvec LIMIT %s",
                [content_type, vector_literal(query), limit],
            )
            found.append([tuple(row) for row in cursor.fetchall()])
    return found


def measure(content_type: str, texts: list[str], limits=(200, 800)) -> dict:
    """Recall figures over the queries `texts` and the index's time per search, by limit, and
    how long the exact search took."""
    from django.db import connection

    from search.backends import backend
    from search.embeddings import embed_query

    queries = np.stack([embed_query(text) for text in texts]).astype(np.float32)
    exact_of = _exact_postgresql if connection.vendor == "postgresql" else _exact_sqlite
    t0 = time.perf_counter()
    exact = exact_of(content_type, queries, max(limits))  # best first
    results = {"exact_search_s": round(time.perf_counter() - t0, 1), "by_limit": {}}
    for limit in limits:
        recalls, times = [], []
        for query, truth in zip(queries, exact, strict=True):
            t1 = time.perf_counter()
            hits = backend().nearest(content_type=content_type, vector=query, limit=limit)
            times.append(1000 * (time.perf_counter() - t1))
            found = {(object_id, position) for object_id, position, _start, _s in hits}
            recalls.append(len(found & set(truth[:limit])) / max(1, len(truth[:limit])))
        results["by_limit"][str(limit)] = {
            "queries": len(texts),
            "recall_mean": round(statistics.fmean(recalls), 4),
            "recall_min": round(min(recalls), 4),
            "recall_p10": round(float(np.percentile(recalls, 10)), 4),
            "index_ms_p50": round(statistics.median(times), 2),
            "index_ms_max": round(max(times), 2),
        }
    return results
