"""Background tasks of the search app: thin wrappers around its services."""

import time

from django.conf import settings
from django.core.cache import cache
from django_tasks import task

from search.services import terms_built_at, terms_rebuild

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
    # The rebuild reads every public text: in a long import it would run back to back. At most
    # one per interval; what is published meanwhile waits for the next publication after it, or
    # for the nightly `secbio reindex --only spelling` (README, Production).
    if started - terms_built_at() < settings.SECBIO_SPELLING_REBUILD_SECONDS:
        return
    terms_rebuild()
    cache.set(BUILT_AT, started, timeout=None)
