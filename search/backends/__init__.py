"""Full-text backends behind one interface: `match(content_type=, query=, languages=, limit=,
among=None, within=None, ranked=True)` -> [(object_id, score)] best first (unranked: newest
first); `match_some(content_type=,
query=, languages=, limit=, within=None)` -> [object_id] holding some of the rarer words, best
first (`within`: the sorted ids of the objects the reader's filters keep, backends/within.py);
`nearest(content_type=, vector=, limit=)` -> [(object_id, position, start, similarity)];
`whole_similarities(content_type=, vector=, object_ids=)` -> {object_id: similarity to the
object's mean embedding}; and `BROAD_MATCHES_ARE_CHEAP`, whether a query matching most of the
index costs little (it decides where documents/search.py matches a query's thesaurus expansions).

Both index the analysed text of SearchEntry, so their results differ only in ranking details;
`match` is documented once, in sqlite.py, and postgres.py says where it differs.
"""

import json

from django.db import connection
from django.db.models import F
from django.db.models.expressions import RawSQL

from search.backends import postgres, sqlite


def backend():
    return postgres if connection.vendor == "postgresql" else sqlite


def id_list(ids) -> RawSQL:
    """`ids` as one SQL parameter, for `pk__in=id_list(ids)`.

    A search can match thousands of objects; as a plain list each query that filters on them
    (the results, every facet count) would carry, and Django compile, thousands of placeholders.
    """
    ids = [int(pk) for pk in ids]
    if connection.vendor == "postgresql":
        return RawSQL("SELECT unnest(%s::bigint[])", [postgres.id_array(ids)])
    return RawSQL("SELECT value FROM json_each(%s)", [json.dumps(ids)])


def rows_among(queryset, ids, fields: list[str]) -> list[tuple]:
    """`queryset.values_list(*fields)` of its rows whose primary key is in `ids`, read by key.

    On SQLite the rows are looked up one id at a time: given the condition `pk IN ids`, it read a
    whole covering listing index instead (every public document, for a visitor) and tested each
    entry against the ids. The values come raw from the database (dates as text on SQLite).
    """
    ids = [int(pk) for pk in ids]
    if connection.vendor != "sqlite":
        return list(queryset.order_by().filter(pk__in=id_list(ids)).values_list(*fields))
    named = {f"c{index}": F(field) for index, field in enumerate(["pk", *fields])}
    sql, params = queryset.order_by().values(**named).query.sql_with_params()
    columns = ", ".join(f"d.c{index + 1}" for index in range(len(fields)))
    with connection.cursor() as cursor:
        # CROSS JOIN: SQLite keeps this order, the ids outside and the rows looked up by key.
        cursor.execute(
            f"SELECT {columns} FROM json_each(%s) AS j CROSS JOIN ({sql}) AS d ON d.c0 = j.value",  # noqa: S608
            [json.dumps(ids), *params],
        )
        return cursor.fetchall()
