"""SQLite FTS5, with BM25 ranking (title weighted ten times the body)."""

import json

from django.db import connection

from search.query import Query


def _quote(token: str) -> str:
    return '"' + token.replace('"', "") + '"'


def fts_expression(
    query: Query, languages: list[str | None], require_all: bool = True
) -> str | None:
    """Any language's reading of the query may match; an excluded word excludes in every reading.

    `require_all=False` asks for any of the words (for a ranking's tail, never for a filter).
    """
    alternatives, excluded = [], []
    for language in languages:
        required, language_excluded = query.clauses(language)
        excluded += language_excluded
        if required:
            joiner = " AND " if require_all else " OR "
            alternatives.append(
                "(" + joiner.join(_quote(" ".join(group)) for group in required) + ")"
            )
    alternatives += [_quote(" ".join(group)) for group in query.expansion_groups()]
    if not alternatives:
        return None
    expression = " OR ".join(dict.fromkeys(alternatives))
    if excluded:
        expression = f"({expression}) NOT ({' OR '.join(_quote(token) for token in dict.fromkeys(excluded))})"
    return expression


def match(
    *,
    content_type: str,
    query: Query,
    languages: list[str | None],
    limit: int,
    require_all: bool = True,
    among: list[int] | None = None,
) -> list[tuple[int, float]]:
    """(object_id, score) of matching objects, best first; `among` keeps to those objects."""
    expression = fts_expression(query, languages, require_all)
    if expression is None or among == []:
        return []
    sql = (
        "SELECT e.object_id, bm25(search_fts, 10.0, 1.0) AS rank FROM search_fts "
        "JOIN search_searchentry e ON e.id = search_fts.rowid "
        "WHERE search_fts MATCH %s AND e.content_type = %s"
    )
    params = [expression, content_type]
    if among is not None:
        sql += " AND e.object_id IN (SELECT value FROM json_each(%s))"
        params.append(json.dumps([int(pk) for pk in among]))
    with connection.cursor() as cursor:
        cursor.execute(sql + " ORDER BY rank LIMIT %s", [*params, limit])
        return [(object_id, -rank) for object_id, rank in cursor.fetchall()]


def nearest(*, content_type: str, vector, limit: int) -> list[tuple[int, int, int | None, float]]:
    """(object_id, position, start, cosine similarity) of the closest passages."""
    from search.vector_index import vector_index

    return vector_index(content_type).nearest(vector, limit)
