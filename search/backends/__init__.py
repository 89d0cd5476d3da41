"""Full-text backends behind one interface: `match(content_type, query, languages, limit)`.

Both index the analysed text of SearchEntry, so their results differ only in ranking details.
"""

import json

from django.db import connection
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
        return RawSQL("SELECT unnest(%s::bigint[])", [ids])
    return RawSQL("SELECT value FROM json_each(%s)", [json.dumps(ids)])
