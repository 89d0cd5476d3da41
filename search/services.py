"""Writes to the search index. Apps call these from background tasks, never in a request."""

from django.db import transaction

from search.analysis import analyse
from search.models import SearchEntry

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
