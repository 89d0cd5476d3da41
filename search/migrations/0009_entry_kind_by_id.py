"""SQLite: a covering index of each entry's kind and object by its id.

FTS5 hands over the ids of the matching entries; their kind and object were read from the
entries' rows, each about 10 kB of analysed text, so each lookup read a page of its own:
38 ms for 16 000 matches at 100 000 documents, 14 ms through this small index
(backends/sqlite.py names it). PostgreSQL is unchanged: its matches come from the entries'
own GIN index.
"""

from django.db import migrations

INDEX = "search_entry_kind_by_id"


def _forward(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON search_searchentry (id, content_type, object_id)"
        )


def _backward(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("search", "0008_centroid")]

    operations = [migrations.RunPython(_forward, _backward)]
