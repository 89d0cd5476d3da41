"""Keeping records alive: organizations reconfirm their documents after a configurable period."""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from audit.services import audit_record
from documents import permissions
from documents.models import Document
from documents.services.notify import _recipients
from notifications.services import notify
from organizations.permissions import require

REMIND_AGAIN_AFTER = timedelta(days=30)


def documents_due_for_reconfirmation():
    limit = timezone.now() - timedelta(days=settings.SECBIO_RECONFIRM_AFTER_DAYS)
    return Document.objects.filter(
        published_revision__isnull=False, withdrawn_at__isnull=True, confirmed_at__lt=limit
    ).select_related("organization", "published_revision", "created_by")


@transaction.atomic
def reconfirmation_remind(*, now=None) -> int:
    """E-mail the contributors and managers of each overdue document, at most once a month."""
    now = now or timezone.now()
    sent = 0
    for document in documents_due_for_reconfirmation().select_for_update(of=("self",)):
        if (
            document.reconfirmation_requested_at
            and document.reconfirmation_requested_at > now - REMIND_AGAIN_AFTER
        ):
            continue
        for person in _recipients(
            document.published_revision, {"contributors", "managers"}, actor=None
        ):
            notify(
                user=person,
                template="document_reconfirm",
                context={"document": document},
                url=reverse("documents:manage", args=[document.uid]),
            )
        document.reconfirmation_requested_at = now
        document.save(update_fields=["reconfirmation_requested_at"])
        sent += 1
    return sent


@transaction.atomic
def document_reconfirm(*, actor, document: Document, request=None) -> Document:
    """The contributing organization confirms the record is still accurate."""
    require(permissions.can_manage_document(actor, document) and document.is_published)
    document.confirmed_at = timezone.now()
    document.reconfirmation_requested_at = None
    document.save(update_fields=["confirmed_at", "reconfirmation_requested_at"])
    audit_record(action="document.reconfirmed", actor=actor, target=document, request=request)
    return document
