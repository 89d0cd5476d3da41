"""Background tasks of the search app: thin wrappers around its services."""

import time

from django.core.cache import cache
from django_tasks import task

from search.services import terms_rebuild

BUILT_AT = "search:terms-built-at"


def terms_rebuild_later() -> None:
    """Ask for a new spelling dictionary after a commit (publication, revision, withdrawal)."""
    rebuild_terms.enqueue(requested_at=time.time())


@task()
def rebuild_terms(requested_at: float = 0.0) -> None:
    # A burst of publications (an import) asks many times; one rebuild started after a request
    # answers it, so the others are skipped when this process knows of one.
    started = time.time()
    if cache.get(BUILT_AT, 0.0) > requested_at:
        return
    terms_rebuild()
    cache.set(BUILT_AT, started, timeout=None)
