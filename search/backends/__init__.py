"""Full-text backends behind one interface: `match(content_type, query, languages, limit)`.

Both index the analysed text of SearchEntry, so their results differ only in ranking details.
"""

from django.db import connection

from search.backends import postgres, sqlite


def backend():
    return postgres if connection.vendor == "postgresql" else sqlite
