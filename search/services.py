"""Writes to the search index. Apps call these from background tasks, never in a request."""

import time

from django.db import transaction
from django.db.models import Max

from search.analysis import analyse
from search.models import SearchEntry, Term

MAX_BODY_CHARS = 400_000  # PostgreSQL refuses a tsvector over 1 MB


@transaction.atomic
def entry_index(
    *, content_type: str, object_id: int, language: str, title: str, body: str
) -> SearchEntry:
    """Index (or re-index) one object; the title may hold several language versions of itself."""
    entry, _created = SearchEntry.objects.update_or_create(
        content_type=content_type,
        object_id=object_id,
        defaults={
            "language": language,
            "title": analyse(title, language),
            "body": analyse(body[:MAX_BODY_CHARS], language),
        },
    )
    return entry


def entry_remove(*, content_type: str, object_id: int) -> None:
    SearchEntry.objects.filter(content_type=content_type, object_id=object_id).delete()


def terms_rebuild() -> int:
    """Count the words of every spelling source into a new dictionary; return its size.

    The new generation replaces the old ones in one transaction, so readers see one whole
    dictionary; its number (microseconds since 1970) tells each process to reload.
    """
    from search.spelling import count_words, sources

    rows = count_words(pair for source in sources() for pair in source())
    with transaction.atomic():
        newest = Term.objects.aggregate(newest=Max("generation"))["newest"] or 0
        generation = max(time.time_ns() // 1000, newest + 1)
        Term.objects.bulk_create(
            (
                Term(generation=generation, word=word, language=language, form=form, frequency=n)
                for word, language, form, n in rows
            ),
            batch_size=2000,
        )
        Term.objects.exclude(generation=generation).delete()
    return len(rows)
