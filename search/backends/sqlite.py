"""SQLite FTS5, with BM25 ranking (title weighted ten times the body)."""

import json
from dataclasses import replace

from django.db import connection

from search.backends.within import ids_within, kept_within
from search.query import Query, label_words


def _quote(token: str) -> str:
    return '"' + token.replace('"', "") + '"'


def fts_expression(
    query: Query, languages: list[str | None], *, boost_phrases: bool = False
) -> str | None:
    """Any language's reading of the query may match; an excluded word excludes in every reading.

    As on PostgreSQL (postgres.tsquery), the words of a thesaurus label need only all be there,
    not side by side: a text may write "organismos modificados genéticamente" for the label
    "organismos genéticamente modificados", and jieba may cut a Chinese label differently
    inside a sentence. Quoted phrases stay phrases.

    `boost_phrases` (for ranking, `match`): each reading of the query and each label is added
    again as one phrase, so that BM25 counts a second time a text holding it as written, side
    by side and in order, as a phrase boost does (Solr's `pf`); the rows matched stay the same.
    Against matching and ranking the labels as phrases only: hybrid nDCG@10 0.842 -> 0.854,
    across languages 0.853 -> 0.877, words only 0.693 -> 0.712 (the labels' words, without the
    boost: 0.845 / 0.867 / 0.671).
    """
    alternatives, phrases, excluded = [], [], []
    for language in languages:
        required, language_excluded = query.clauses(language)
        excluded += language_excluded
        if required:
            alternatives.append(
                "(" + " AND ".join(_quote(" ".join(group)) for group in required) + ")"
            )
            phrases.append(_quote(" ".join(token for group in required for token in group)))
    for group in query.expansion_groups():
        alternatives.append("(" + " AND ".join(map(_quote, label_words(group))) + ")")
        phrases.append(_quote(" ".join(group)))
    if not alternatives:
        return None
    if boost_phrases:
        alternatives += phrases
    expression = " OR ".join(dict.fromkeys(alternatives))
    if excluded:
        expression = f"({expression}) NOT ({' OR '.join(_quote(token) for token in dict.fromkeys(excluded))})"
    return expression


# The matching entries' kind and object, from a small covering index (migration 0009) rather
# than their rows of analysed text: 38 -> 14 ms for 16 000 matches at 100 000 documents.
# CROSS JOIN keeps SQLite from starting at the entries and probing FTS5 once per entry.
_ENTRIES = (
    "CROSS JOIN search_searchentry e INDEXED BY search_entry_kind_by_id ON e.id = search_fts.rowid"
)


# Matches read at a time when keeping them to a reader's filters.
WALK_BATCH = 4000

# BM25 costs about 7 µs a matched row (it reads each row's positions and length): every match
# is ranked up to this many; beyond, see `match`.
RANK_ALL = 2000


# A query matching most of the index costs little: FTS5 hands over the newest LIMIT and stops.
BROAD_MATCHES_ARE_CHEAP = True


def match(
    *,
    content_type: str,
    query: Query,
    languages: list[str | None],
    limit: int,
    among: list[int] | None = None,
    within=None,
    ranked: bool = True,
) -> list[tuple[int, float]]:
    """(object_id, score) of matching objects, best first, at most `limit` of them.

    Up to RANK_ALL matches are all ranked by BM25 (title weighted ten times the body). A query
    that matches more (a common word, or a concept named in every language) puts the objects
    whose title holds its own words first, then the others, newest first in each part: ranking
    tens of thousands of rows took 100-200 ms at 100 000 documents. Matches come newest first from the
    index, so the `limit` kept are the newest. `among` (a few ids: a search's semantic
    neighbourhood, or the hits an excluded word must be checked in) and `within` (the sorted
    ids the reader's filters keep, backends/within.py) keep to those objects. `ranked=False`:
    the newest matches, every score 0 (what a count needs, without the ranking's 5-10 ms).
    """
    expression = fts_expression(query, languages)
    if expression is None or among == []:
        return []
    if among is not None:
        return _match_among(expression, content_type, among, limit)
    sql = (
        "SELECT search_fts.rowid, e.object_id FROM search_fts "  # noqa: S608 (constants)
        f"{_ENTRIES} "
        "WHERE search_fts MATCH %s AND e.content_type = %s"
    )
    params = [expression, content_type]
    with connection.cursor() as cursor:
        if within is None:
            cursor.execute(sql + " ORDER BY search_fts.rowid DESC LIMIT %s", [*params, limit])
            rows = cursor.fetchall()
            few = len(rows) < limit and len(rows) <= RANK_ALL
        else:
            # Newest first, kept to the filters in Python (backends/within.py), until `limit`
            # are kept: a concept named in six languages can match most of the library, and a
            # broad filter is then done after a few thousand.
            cursor.execute(sql + " ORDER BY search_fts.rowid DESC", params)
            rows, seen, walked_all = [], 0, False
            while len(rows) < limit and not walked_all:
                batch = cursor.fetchmany(WALK_BATCH)
                seen, walked_all = seen + len(batch), len(batch) < WALK_BATCH
                rows += kept_within(batch, within, limit - len(rows))[0]
            # BM25 below ranks the matches of the whole index: few only when all were seen.
            few = walked_all and seen <= RANK_ALL
        if not rows:
            return []
        scores = {}
        if ranked and few:
            cursor.execute(
                "SELECT rowid, bm25(search_fts, 10.0, 1.0) AS rank FROM search_fts "
                "WHERE search_fts MATCH %s ORDER BY rank LIMIT %s",
                [fts_expression(query, languages, boost_phrases=True), RANK_ALL],
            )
            scores = {rowid: -rank for rowid, rank in cursor.fetchall()}
        elif ranked and (literal := fts_expression(replace(query, expansions=[]), languages)):
            # The newest titles holding the query's own words, unranked among themselves (each
            # holds every word), as on PostgreSQL: ranking the 1 350 titles of the library that
            # hold "Loi sur les agents pathogènes humains et les toxines" took 29 ms, finding
            # them 13.
            cursor.execute(
                "SELECT rowid FROM search_fts WHERE search_fts MATCH %s "
                "ORDER BY rowid DESC LIMIT %s",
                ["{title} : (" + literal + ")", RANK_ALL],
            )
            scores = {rowid: 1.0 for (rowid,) in cursor.fetchall()}
    ordered = sorted(rows, key=lambda row: (scores.get(row[0], 0.0), row[0]), reverse=True)
    return [(object_id, scores.get(rowid, 0.0)) for rowid, object_id in ordered]


def _match_among(expression: str, content_type: str, among: list[int], limit: int):
    """The matches among a few objects (a search's semantic neighbourhood), ranked by BM25."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT e.object_id, bm25(search_fts, 10.0, 1.0) FROM search_fts "  # noqa: S608
            f"{_ENTRIES} "
            "WHERE search_fts MATCH %s AND e.content_type = %s "
            "AND e.object_id IN (SELECT value FROM json_each(%s)) ORDER BY 2 LIMIT %s",
            [expression, content_type, json.dumps([int(pk) for pk in among]), limit],
        )
        return [(object_id, -rank) for object_id, rank in cursor.fetchall()]


def match_some(
    *, content_type: str, query: Query, languages: list[str | None], limit: int, within=None
) -> list[int]:
    """Objects holding some of the query's words (any reading), best first (BM25), at most `limit`.

    For a query whose words are seldom all found together ("utilisation confinée d'OGM": the
    French code says "organismes génétiquement modifiés"). A word that more than RANK_ALL
    objects hold tells little and would make the ranking read them all, so only the rarer
    words count; none of them, no result.
    """
    terms = query.terms(languages)
    if query.phrases or len(terms) < 2:  # one term: every match holds it already
        return []
    with connection.cursor() as cursor:
        rare = []
        for term in terms:
            cursor.execute(
                "SELECT count(*) FROM (SELECT 1 FROM search_fts WHERE search_fts MATCH %s LIMIT %s)",
                [_quote(term), RANK_ALL + 1],
            )
            if cursor.fetchone()[0] <= RANK_ALL:
                rare.append(_quote(term))
        if not rare:
            return []
        expression = " OR ".join(rare)
        if excluded := query.excluded_terms(languages):
            expression = f"({expression}) NOT ({' OR '.join(map(_quote, excluded))})"
        sql = (
            "SELECT e.object_id FROM search_fts "  # noqa: S608
            f"{_ENTRIES} "
            "WHERE search_fts MATCH %s AND e.content_type = %s"
        )
        sql += " ORDER BY bm25(search_fts, 10.0, 1.0)"
        if within is None:
            cursor.execute(sql + " LIMIT %s", [expression, content_type, limit])
        else:  # at most RANK_ALL objects for each rare word: all of them, then the filters
            cursor.execute(sql, [expression, content_type])
        return ids_within([object_id for (object_id,) in cursor.fetchall()], within)[:limit]


def nearest(*, content_type: str, vector, limit: int) -> list[tuple[int, int, int | None, float]]:
    """(object_id, position, start, cosine similarity) of the closest passages."""
    from search.vector_index import vector_index

    return vector_index(content_type).nearest(vector, limit)


def whole_similarities(*, content_type: str, vector, object_ids: list[int]) -> dict[int, float]:
    """{object_id: cosine similarity of `vector` to the object's mean embedding (Centroid)},
    read raw and converted at once (`blobs_to_matrix`)."""
    import numpy as np

    from search.fields import blobs_to_matrix

    with connection.cursor() as cursor:
        # CROSS JOIN: the ids outside, each mean vector looked up by its unique key.
        cursor.execute(
            "SELECT c.object_id, c.embedding FROM json_each(%s) AS j "
            "CROSS JOIN search_centroid c ON c.content_type = %s AND c.object_id = j.value",
            [json.dumps([int(pk) for pk in object_ids]), content_type],
        )
        rows = cursor.fetchall()
    if not rows:
        return {}
    ids, blobs = zip(*rows, strict=True)
    similarities = blobs_to_matrix(list(blobs)) @ np.asarray(vector, dtype=np.float32)
    return dict(zip(ids, similarities.tolist(), strict=True))
