"""Reads of saved searches, and of what they match: always through the documents search provider,
with the permissions of the person the result is for."""

import secrets
from datetime import datetime

from django.contrib.auth.models import AnonymousUser
from django.db.models import QuerySet
from django.http import QueryDict

from alerts.models import Frequency, SavedSearch
from search.query import parse
from search.registry import provider

PAGE_SIZE = 100
# How many matches a run reads at most: a digest lists ~20 and counts the rest up to this.
MAX_SCANNED = 2000


def saved_searches_of(user) -> QuerySet[SavedSearch]:
    """The person's own saved searches; nobody else's."""
    if not getattr(user, "is_authenticated", False):
        return SavedSearch.objects.none()
    return SavedSearch.objects.filter(user=user)


def saved_search_for_owner(user, uid) -> SavedSearch | None:
    """The saved search if `user` owns it, else None (the view answers 404 either way)."""
    return saved_searches_of(user).filter(uid=uid).first()


def saved_search_for_feed(uid, token: str) -> SavedSearch | None:
    """The saved search whose private feed `token` opens, else None."""
    saved = (
        SavedSearch.objects.filter(uid=uid, is_active=True, user__is_active=True)
        .select_related("user")
        .first()
    )
    if saved is None or not token or not secrets.compare_digest(saved.feed_token, token):
        return None
    return saved


def saved_searches_due(frequency: str) -> QuerySet[SavedSearch]:
    return SavedSearch.objects.filter(
        frequency=frequency, is_active=True, user__is_active=True
    ).select_related("user")


def immediate_searches_for(document) -> QuerySet[SavedSearch]:
    """Immediate saved searches that may be about `document`: first published after their mark."""
    if document.published_at is None:
        return SavedSearch.objects.none()
    return saved_searches_due(Frequency.IMMEDIATE).filter(last_alerted_at__lt=document.published_at)


def search_matches(
    *, user, params: QueryDict, since: datetime | None = None, limit: int = 50
) -> list[dict]:
    """Up to `limit` results of the search `params` that `user` may read now, newest first.

    With `since`, only documents first published after it. Each result is the documents
    provider's ({"document", "snippet", ...}), so its permissions always apply. The provider
    orders by relevance or by adoption date, not by publication, so the matches are read (at
    most MAX_SCANNED) and ordered here; with `since`, reading stops once every new document
    has been seen.
    """
    user = user or AnonymousUser()
    expected = None
    if since is not None:
        expected = _published_since(user, params, since)
        if not expected:
            return []  # most runs: nothing new for this search, so no search at all
    documents = provider("documents")
    query = parse(params.get("q"))
    matches: list[dict] = []
    seen: set[int] = set()
    page_number = 1
    while True:
        outcome = documents.search(
            user=user,
            query=query,
            params=params,
            page=page_number,
            page_size=PAGE_SIZE,
            sort="date",
        )
        for result in outcome["results"]:
            document = result["document"]
            seen.add(document.pk)
            if document.published_at is not None and (
                since is None or document.published_at > since
            ):
                matches.append(result)
        if expected is not None and expected <= seen:
            break
        if not outcome["page"].has_next() or page_number * PAGE_SIZE >= MAX_SCANNED:
            break
        page_number += 1
    matches.sort(key=lambda result: (result["document"].published_at, result["document"].pk))
    matches.reverse()
    return matches[:limit]


def saved_search_matches(saved: SavedSearch, *, since: datetime | None = None, limit: int) -> list:
    """What the saved search matches for its owner now (since the mark, when given)."""
    return search_matches(user=saved.user, params=saved.params, since=since, limit=limit)


def _published_since(user, params: QueryDict, since: datetime) -> set[int]:
    """Ids of the documents `user` may read, first published after `since`, that pass the
    search's filters: the most the search can newly match."""
    from documents.forms import LibraryFilterForm
    from documents.selectors import document_filter, documents_visible_to

    visible = documents_visible_to(user).filter(published_at__gt=since)
    filtered = document_filter(visible, filters=LibraryFilterForm(params).filters())
    return set(filtered.values_list("pk", flat=True)[:MAX_SCANNED])
