"""Writes of saved searches, and the alerts they send. Views, the command and tasks call these."""

import logging
from datetime import datetime, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import QueryDict
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from alerts import queries, selectors
from alerts.models import Frequency, SavedSearch, new_feed_token
from notifications.services import notify, recipient_language
from organizations.permissions import can_use_member_services, require

logger = logging.getLogger(__name__)

MAX_SAVED_SEARCHES = 50
NAME_MAX_LENGTH = SavedSearch._meta.get_field("name").max_length
LISTED_PER_MESSAGE = 20
# Documents published this long ago have been indexed: a search that did not match them then
# will not, so the mark may pass them even when nothing was sent (keeps later runs cheap).
SETTLED_AFTER = timedelta(hours=1)


def _clean_name(name: str, query_string: str) -> str:
    name = " ".join((name or "").split())
    if not name:  # defaulted to the words searched, else to the filters
        params = QueryDict(query_string)
        name = params.get("q") or ", ".join(
            f"{key}: {value}" for key, value in params.items() if key != "q"
        )
        name = name[:NAME_MAX_LENGTH]
    if len(name) > NAME_MAX_LENGTH:
        raise ValidationError(
            {
                "name": ValidationError(
                    _("The name can have at most %(limit)d characters."),
                    params={"limit": NAME_MAX_LENGTH},
                    code="max_length",
                )
            }
        )
    return name


def _clean_frequency(frequency: str) -> str:
    if frequency not in Frequency.values:
        raise ValidationError({"frequency": _("Choose how often to be alerted.")})
    return frequency


@transaction.atomic
def saved_search_create(
    *, user, params: QueryDict, name: str = "", frequency: str = Frequency.DAILY
) -> SavedSearch:
    """Save the search `params` (words and filters) for a member, alerting from now on."""
    require(can_use_member_services(user))
    query_string = queries.normalise(params)
    if queries.is_blank(query_string):
        raise ValidationError(
            _(
                "Type words to search for or choose a filter before saving: a search for "
                "everything cannot be saved."
            ),
            code="blank",
        )
    owned = SavedSearch.objects.select_for_update().filter(user=user)
    if owned.filter(query_string=query_string).exists():
        raise ValidationError(_("You have already saved this search."), code="duplicate")
    if owned.count() >= MAX_SAVED_SEARCHES:
        raise ValidationError(
            _(
                "You can save at most %(limit)d searches. Delete one you no longer need, then "
                "save this one."
            ),
            params={"limit": MAX_SAVED_SEARCHES},
            code="too_many",
        )
    return SavedSearch.objects.create(
        user=user,
        name=_clean_name(name, query_string),
        query_string=query_string,
        frequency=_clean_frequency(frequency),
    )


def _require_owner(user, saved: SavedSearch) -> None:
    require(getattr(user, "is_authenticated", False) and saved.user_id == user.pk)


@transaction.atomic
def saved_search_update(
    *, user, saved: SavedSearch, name: str, frequency: str, is_active: bool = True
) -> SavedSearch:
    """Rename a saved search, change how often it alerts, or pause it."""
    _require_owner(user, saved)
    saved.name = _clean_name(name, saved.query_string)
    frequency = _clean_frequency(frequency)
    if (saved.frequency == Frequency.NONE and frequency != Frequency.NONE) or not saved.is_active:
        # E-mails start now: what was published while there were none is not sent at once.
        saved.last_alerted_at = max(saved.last_alerted_at, timezone.now())
    saved.frequency = frequency
    saved.is_active = is_active
    saved.save(update_fields=["name", "frequency", "is_active", "last_alerted_at"])
    return saved


@transaction.atomic
def saved_search_delete(*, user, saved: SavedSearch) -> None:
    _require_owner(user, saved)
    saved.delete()


@transaction.atomic
def saved_search_rotate_token(*, user, saved: SavedSearch) -> SavedSearch:
    """A new private feed address; the old one stops working at once."""
    _require_owner(user, saved)
    saved.feed_token = new_feed_token()
    saved.save(update_fields=["feed_token"])
    return saved


def absolute_url(path: str) -> str:
    return f"{settings.SECBIO_SITE_URL}{path}"


def saved_search_alert(*, saved: SavedSearch, now: datetime | None = None) -> int:
    """Send the owner one message listing what the search newly matches; return how many.

    The mark moves in the same transaction as the message is recorded (the e-mail itself
    leaves on commit), so a failure sends nothing and moves nothing: the next run retries.
    """
    now = now or timezone.now()
    with transaction.atomic():
        saved = SavedSearch.objects.select_for_update().select_related("user").get(pk=saved.pk)
        if not saved.is_active or saved.frequency == Frequency.NONE or not saved.user.is_active:
            return 0
        matches = selectors.saved_search_matches(
            saved, since=saved.last_alerted_at, limit=selectors.MAX_SCANNED
        )
        mark = max(saved.last_alerted_at, now - SETTLED_AFTER)
        if matches:
            _send(saved, matches)
            mark = max(mark, *(result["document"].published_at for result in matches))
        if mark != saved.last_alerted_at:
            saved.last_alerted_at = mark
            saved.save(update_fields=["last_alerted_at"])
    return len(matches)


def _send(saved: SavedSearch, matches: list[dict]) -> None:
    with translation.override(recipient_language(saved.user)):
        listed = [
            {
                "title": result["document"].published_revision.display_title(),
                "language": result["document"].published_revision.language,
                "url": absolute_url(result["document"].get_absolute_url()),
            }
            for result in matches[:LISTED_PER_MESSAGE]
        ]
        search_url = absolute_url(saved.search_url())
        manage_url = absolute_url(reverse("alerts:list"))
        detail_path = saved.get_absolute_url()
    notify(
        user=saved.user,
        template="saved_search_alert",
        context={
            "saved_search": saved,
            "documents": listed,
            "count": len(matches),
            "more": max(0, len(matches) - LISTED_PER_MESSAGE),
            "search_url": search_url,
            "manage_url": manage_url,
        },
        url=detail_path,
    )


def alerts_send(*, frequency: str, now: datetime | None = None) -> dict:
    """Run every active saved search of a digest `frequency`; one failure never stops the rest.

    Returns {"searches", "messages", "documents", "failures"}.
    """
    summary = {"searches": 0, "messages": 0, "documents": 0, "failures": 0}
    for saved in selectors.saved_searches_due(frequency).iterator():
        summary["searches"] += 1
        try:
            sent = saved_search_alert(saved=saved, now=now)
        except Exception:
            summary["failures"] += 1
            logger.exception("saved search alert failed", extra={"saved_search": saved.pk})
            continue
        summary["messages"] += bool(sent)
        summary["documents"] += sent
    return summary


def alerts_send_for_document(*, document_id: int) -> int:
    """Immediate alerts after `document_id` is indexed: every immediate saved search that
    now has something new. Returns the number of messages sent."""
    from documents.models import Document

    document = Document.objects.filter(pk=document_id).first()
    if document is None or not document.is_published:
        return 0
    messages = 0
    for saved in selectors.immediate_searches_for(document):
        try:
            messages += bool(saved_search_alert(saved=saved))
        except Exception:
            logger.exception("immediate alert failed", extra={"saved_search": saved.pk})
    return messages
