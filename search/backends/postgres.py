"""PostgreSQL full-text search on the analysed text: stored tsvectors with GIN indexes (0006, 0007)."""

import math
from dataclasses import replace

from django.db import connection, transaction

from search.backends.within import ids_within, kept_within
from search.query import Query, label_words

# The stored, indexed tsvector of each entry (migration 0006), never recomputed at query time.
VECTOR = "search_vector"


def _lexeme(token: str) -> str:
    return "'" + token.replace("'", "").replace("\\", "") + "'"


def tsquery(query: Query, languages: list[str | None]) -> str | None:
    """Any language's reading of the query may match; an excluded word excludes in every reading.

    The words of a thesaurus label need only all be there, not side by side: a phrase makes the
    GIN index re-check every candidate row against its whole stored vector, and the labels of
    a concept in six languages would do it for most queries. Quoted phrases stay phrases.
    """
    alternatives, excluded = [], []
    for language in languages:
        required, language_excluded = query.clauses(language)
        excluded += language_excluded
        if required:
            parts = [
                "(" + " <-> ".join(_lexeme(token) for token in group) + ")" for group in required
            ]
            alternatives.append("(" + " & ".join(parts) + ")")
    alternatives += [
        "(" + " & ".join(map(_lexeme, label_words(group))) + ")"
        for group in query.expansion_groups()
    ]
    if not alternatives:
        return None
    expression = "(" + " | ".join(dict.fromkeys(alternatives)) + ")"
    return " & ".join([expression, *("!" + _lexeme(token) for token in dict.fromkeys(excluded))])


def rank_tsquery(query: Query, languages: list[str | None]) -> str | None:
    """Every term of the query's readings and expansions, any of them: what matches are ranked
    by (the matching itself uses `tsquery`). ts_rank weighs an AND query by the distances
    between the terms' positions, pair by pair: 50-100 ms for 200 long Chinese laws whose
    terms each fill their 256 positions, against 3-4 ms for the same terms ORed."""
    terms = [
        token for language in languages for group in query.clauses(language)[0] for token in group
    ]
    terms += [token for group in query.expansion_groups() for token in label_words(group)]
    return " | ".join(_lexeme(term) for term in dict.fromkeys(terms)) or None


def id_array(ids) -> str:
    """Ids in PostgreSQL's text form of an array, '{1,2,3}', for `%s::bigint[]`: psycopg's list
    adapter took about 1 ms for 2 000 ids, several times a search."""
    return "{" + ",".join(str(int(pk)) for pk in ids) + "}"


# Ranking reads a matched row's whole stored vector (compressed, out of line): about 0.1 ms a
# row. Every match is ranked up to this many; beyond, see `match`. ts_rank, not ts_rank_cd:
# with a query read in every language (dozens of alternatives) the cover density took ten
# times as long (66 µs against 7 µs a title at 100 000 documents).
RANK_ALL = 300


# A query matching most of the index costs a lot: the GIN index reads every match (see `match`).
BROAD_MATCHES_ARE_CHEAP = False


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

    As on SQLite (sqlite.match, `ranked` included): up to RANK_ALL matches (within the filters)
    are all ranked (ts_rank, title weighted); a query that matches more puts the objects whose
    title holds its own words first (`title_vector`, migration 0007; unranked among themselves,
    as they all hold every word), then the others, newest first. `among` (a few ids) and `within` (the sorted
    ids the reader's filters keep) keep to those objects.
    """
    expression = tsquery(query, languages)
    if expression is None or among == []:
        return []
    if among is not None:
        return _match_among(expression, rank_tsquery(query, languages), content_type, among, limit)
    # The kind is compared as an expression no index serves: on its index PostgreSQL read every
    # entry of the kind and tested each stored vector (100 ms at 10 000 documents), where the
    # GIN index finds the matches at once.
    sql = (
        f"SELECT id, object_id FROM search_searchentry WHERE {VECTOR} @@ to_tsquery('simple', %s) "  # noqa: S608
        "AND content_type || '' = %s"
    )
    params = [expression, content_type]
    with transaction.atomic(), connection.cursor() as cursor:
        # Row estimates of full-text conditions are poor, and a plan that reads the table (in
        # full, or backwards by id for the newest) tests every row's stored vector: keep it to
        # the GIN index's bitmap scans.
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_indexscan = off")
        if within is None:
            cursor.execute(sql + " ORDER BY id DESC LIMIT %s", [*params, limit])
            rows = cursor.fetchall()
            matched = len(rows) if len(rows) < limit else None  # None: more than kept
        else:
            # Every match (no order asked, so no walk by id), kept to the filters in Python.
            cursor.execute(sql, params)
            rows, matched = kept_within(cursor.fetchall(), within, limit)
        if not rows:
            return []
        scores = {}
        if ranked and matched is not None and matched <= RANK_ALL:
            cursor.execute(
                f"SELECT id, ts_rank({VECTOR}, to_tsquery('simple', %s)) "  # noqa: S608
                "FROM search_searchentry WHERE id = ANY(%s::bigint[])",
                [rank_tsquery(query, languages), id_array(entry for entry, _object_id in rows)],
            )
            scores = dict(cursor.fetchall())
        elif ranked and (literal := tsquery(replace(query, expansions=[]), languages)):
            # The newest titles holding the query's own words, unranked among themselves (each
            # holds every word): ranking all of them took 15-25 ms for a title thousands share.
            cursor.execute(
                "SELECT id FROM search_searchentry WHERE title_vector @@ to_tsquery('simple', %s) "
                "ORDER BY id DESC LIMIT %s",
                [literal, RANK_ALL],
            )
            scores = {entry: 1.0 for (entry,) in cursor.fetchall()}
    ordered = sorted(rows, key=lambda row: (scores.get(row[0], 0.0), row[0]), reverse=True)
    return [(object_id, float(scores.get(entry, 0.0))) for entry, object_id in ordered]


def _match_among(expression: str, ranking: str, content_type: str, among: list[int], limit: int):
    """The matches among a few objects, ranked: each is read by its key and tested, where the
    GIN index would first find every match of the whole table (most of it, for a concept
    named in six languages)."""
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT object_id, ts_rank({VECTOR}, to_tsquery('simple', %s)) AS rank "  # noqa: S608
            "FROM search_searchentry "
            f"WHERE content_type = %s AND object_id = ANY(%s::bigint[]) "
            f"AND {VECTOR} @@ to_tsquery('simple', %s) "
            "ORDER BY rank DESC, object_id DESC LIMIT %s",
            [ranking, content_type, id_array(among), expression, limit],
        )
        return [(object_id, float(rank)) for object_id, rank in cursor.fetchall()]


def match_some(
    *, content_type: str, query: Query, languages: list[str | None], limit: int, within=None
) -> list[int]:
    """As sqlite.match_some, ranked by the rarity of the words each object holds (the sum of
    their inverse document frequencies): ts_rank would read each candidate's whole stored
    vector, 0.1 ms a row. Each word's objects come from the GIN index alone."""
    terms = query.terms(languages)
    if query.phrases or len(terms) < 2:  # one term: every match holds it already
        return []
    exclusions = "".join(" & !" + _lexeme(token) for token in query.excluded_terms(languages))
    sql = (
        f"SELECT object_id FROM search_searchentry WHERE {VECTOR} @@ to_tsquery('simple', %s) "  # noqa: S608
        "AND content_type || '' = %s LIMIT %s"
    )
    weights: dict[int, float] = {}
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SELECT reltuples FROM pg_class WHERE relname = 'search_searchentry'")
        total = max(cursor.fetchone()[0], 1.0)
        for term in terms:
            cursor.execute(sql, [_lexeme(term) + exclusions, content_type, RANK_ALL + 1])
            objects = [object_id for (object_id,) in cursor.fetchall()]
            if len(objects) <= RANK_ALL:  # a word more objects hold tells little (see sqlite)
                for object_id in ids_within(objects, within):
                    weights[object_id] = weights.get(object_id, 0.0) + math.log(
                        1 + total / len(objects)
                    )
    return sorted(weights, key=lambda pk: (-weights[pk], -pk))[:limit]


def nearest(*, content_type: str, vector, limit: int) -> list[tuple[int, int, int | None, float]]:
    """(object_id, position, start, cosine similarity) of the closest passages (HNSW index)."""
    from search.fields import vector_literal

    literal = vector_literal(vector)
    with transaction.atomic(), connection.cursor() as cursor:
        # The index returns candidates by distance only; let it scan on past other kinds.
        cursor.execute("SET LOCAL hnsw.ef_search = %s", [max(40, min(limit, 1000))])
        cursor.execute("SET LOCAL hnsw.iterative_scan = relaxed_order")
        cursor.execute(
            "SELECT object_id, position, start, 1 - (embedding <=> %s::halfvec) AS similarity "
            "FROM search_passage WHERE content_type = %s "
            "ORDER BY embedding <=> %s::halfvec LIMIT %s",
            [literal, content_type, literal, limit],
        )
        rows = cursor.fetchall()
    return sorted(((o, p, s, float(sim)) for o, p, s, sim in rows), key=lambda row: -row[3])


def whole_similarities(*, content_type: str, vector, object_ids: list[int]) -> dict[int, float]:
    """As sqlite.whole_similarities, computed by pgvector: the vectors stay in the database."""
    from search.fields import vector_literal

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT object_id, 1 - (embedding <=> %s::halfvec) FROM search_centroid "
            "WHERE content_type = %s AND object_id = ANY(%s::bigint[])",
            [vector_literal(vector), content_type, id_array(object_ids)],
        )
        return {object_id: float(similarity) for object_id, similarity in cursor.fetchall()}
