"""Writes to the search index. Apps call these from background tasks, never in a request."""

import time
import uuid

from django.db import transaction
from django.db.models import Max

from search.analysis import analyse
from search.embeddings import embed, mean_vector, passages
from search.models import Centroid, Passage, SearchEntry, Term, VectorState

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


def terms_built_at() -> float:
    """When the current spelling dictionary was built (seconds since 1970, 0.0 without one):
    its generation number is that moment in microseconds."""
    newest = Term.objects.aggregate(newest=Max("generation"))["newest"] or 0
    return newest / 1_000_000


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


def _vectors_changed(content_type: str) -> None:
    state, created = VectorState.objects.get_or_create(content_type=content_type)
    if not created:
        state.version = uuid.uuid4()
        state.save(update_fields=["version"])


def passages_index(
    *, content_type: str, object_id: int, language: str, head: str, text: str
) -> int:
    """Embed an object's titles and summary (`head`) and passages of its text; returns how many.

    The slow part (the model) runs before the transaction's writes, which are all-or-nothing.
    """
    pieces = [(None, head)] if head.strip() else []
    pieces += passages(text)
    vectors = embed([piece for _start, piece in pieces])
    with transaction.atomic():
        Passage.objects.filter(content_type=content_type, object_id=object_id).delete()
        Passage.objects.bulk_create(
            Passage(
                content_type=content_type,
                object_id=object_id,
                position=position,
                start=start,
                language=language,
                embedding=vector,
            )
            for position, ((start, _piece), vector) in enumerate(zip(pieces, vectors, strict=True))
        )
        if len(vectors):
            Centroid.objects.update_or_create(
                content_type=content_type,
                object_id=object_id,
                defaults={"embedding": mean_vector(vectors)},
            )
        else:
            Centroid.objects.filter(content_type=content_type, object_id=object_id).delete()
        _vectors_changed(content_type)
    return len(pieces)


@transaction.atomic
def passages_remove(*, content_type: str, object_id: int) -> None:
    Centroid.objects.filter(content_type=content_type, object_id=object_id).delete()
    if Passage.objects.filter(content_type=content_type, object_id=object_id).delete()[0]:
        _vectors_changed(content_type)


def vector_snapshot_build(content_type: str) -> str:
    """On the embedded default, write a new vector snapshot of a kind's passages (clustered,
    on disk: search/vector_snapshot.py).

    PostgreSQL keeps its HNSW index up to date by itself; there is nothing to do.
    """
    from django.db import connection

    if connection.vendor == "postgresql":
        return "pgvector"
    from search.vector_index import snapshot_build

    return f"{snapshot_build(content_type)} passages in the snapshot"


def vector_snapshot_if_due(content_type: str) -> bool:
    """Build a snapshot when the passages added since the last one are too many to scan."""
    from django.conf import settings
    from django.db import connection

    if connection.vendor == "postgresql":
        return False
    from search.vector_index import snapshot_build, tail_size

    if tail_size(content_type) <= settings.SECBIO_SEARCH_VECTOR_TAIL_LIMIT:
        return False
    return snapshot_build(content_type, wait=False) is not None
