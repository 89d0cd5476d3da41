"""PostgreSQL full-text search on the analysed text, with a GIN index (migration 0002)."""

from django.db import connection

from search.query import Query

# The stored, indexed tsvector of each entry (migration 0006), never recomputed at query time.
VECTOR = "search_vector"


def _lexeme(token: str) -> str:
    return "'" + token.replace("'", "").replace("\\", "") + "'"


def tsquery(query: Query, languages: list[str | None], require_all: bool = True) -> str | None:
    """Any language's reading of the query may match; an excluded word excludes in every reading.

    `require_all=False` asks for any of the words (for a ranking's tail, never for a filter).
    """
    alternatives, excluded = [], []
    for language in languages:
        required, language_excluded = query.clauses(language)
        excluded += language_excluded
        if required:
            parts = [
                "(" + " <-> ".join(_lexeme(token) for token in group) + ")" for group in required
            ]
            alternatives.append("(" + (" & " if require_all else " | ").join(parts) + ")")
    alternatives += [
        "(" + " <-> ".join(_lexeme(t) for t in group) + ")" for group in query.expansion_groups()
    ]
    if not alternatives:
        return None
    expression = "(" + " | ".join(dict.fromkeys(alternatives)) + ")"
    return " & ".join([expression, *("!" + _lexeme(token) for token in dict.fromkeys(excluded))])


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
    expression = tsquery(query, languages, require_all)
    if expression is None or among == []:
        return []
    # VECTOR is a constant of this module; every value goes in as a parameter.
    sql = "".join(
        [
            f"SELECT object_id, ts_rank_cd({VECTOR}, q) AS rank FROM search_searchentry, ",  # noqa: S608
            "to_tsquery('simple', %s) AS q ",
            f"WHERE content_type = %s AND {VECTOR} @@ q",
        ]
    )
    params = [expression, content_type]
    if among is not None:
        sql += " AND object_id = ANY(%s)"
        params.append([int(pk) for pk in among])
    with connection.cursor() as cursor:
        cursor.execute(sql + " ORDER BY rank DESC LIMIT %s", [*params, limit])
        return [(object_id, float(rank)) for object_id, rank in cursor.fetchall()]


def nearest(*, content_type: str, vector, limit: int) -> list[tuple[int, int, int | None, float]]:
    """(object_id, position, start, cosine similarity) of the closest passages (HNSW index)."""
    from django.db import transaction

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
