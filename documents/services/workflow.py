"""The contribution workflow of SPEC §3:
draft → submitted → (screened automatically) → in review → published | changes requested | rejected;
a published document gets new versions or is withdrawn (its tombstone stays)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from documents import permissions
from documents.models import (
    Document,
    DocumentRevision,
    ExtractionStatus,
    RevisionStatus,
    ScreeningStatus,
)
from documents.services.events import transition_record
from documents.services.notify import notify_transition
from organizations.permissions import require


def _locked(revision: DocumentRevision) -> DocumentRevision:
    return (
        DocumentRevision.objects.select_for_update().select_related("document").get(pk=revision.pk)
    )


def _move(*, revision, to_status, action, actor, reason="", request=None):
    from_status = revision.status
    revision.status = to_status
    revision.save(
        update_fields=[
            "status",
            "decision_reason",
            "updated_at",
            "published_at",
            "first_level_approved_by",
        ]
    )
    transition_record(
        revision=revision,
        action=action,
        from_status=from_status,
        actor=actor,
        reason=reason,
        request=request,
    )
    notify_transition(revision=revision, action=action, actor=actor, reason=reason)


@transaction.atomic
def revision_submit(
    *, actor, revision: DocumentRevision, declared_unclassified: bool, request=None
) -> DocumentRevision:
    """Send a draft for screening and review; the contributor declares it unclassified."""
    revision = _locked(revision)
    require(permissions.can_edit(actor, revision))
    if not declared_unclassified:
        raise ValidationError(
            {
                "declared_unclassified": _(
                    "Declare that the document is unclassified and non-sensitive."
                )
            }
        )
    if not revision.files.exists() and not revision.source_url:
        raise ValidationError(
            _("Add at least one file, or the address of the official text, before you submit.")
        )
    revision.declared_unclassified = True
    revision.save(update_fields=["declared_unclassified"])
    if not revision.language and not revision.files.exists():
        raise ValidationError(
            {"language": _("Give the original language: there is no file to detect it from.")}
        )
    _move(
        revision=revision,
        to_status=RevisionStatus.SUBMITTED,
        action="submitted",
        actor=actor,
        request=request,
    )
    revision_screening_check(revision=revision)
    return revision


def revision_screening_check(*, revision: DocumentRevision) -> DocumentRevision:
    """Once every file is extracted and screened, move a submitted version on.

    Held findings always go to a person; an administrator's import is published only when
    nothing at all was found.
    """
    if revision.status != RevisionStatus.SUBMITTED:
        return revision
    files = list(revision.files.all())
    if any(file.extraction_status == ExtractionStatus.PENDING for file in files):
        return revision
    clean = all(file.screening_status == ScreeningStatus.PASSED for file in files)
    _move(revision=revision, to_status=RevisionStatus.IN_REVIEW, action="screened", actor=None)
    if clean and revision.publish_when_screened:
        _publish(
            revision=revision, actor=revision.created_by, reason=_("Imported by an administrator.")
        )
    return revision


@transaction.atomic
def revision_approve_first_level(
    *, actor, revision: DocumentRevision, request=None
) -> DocumentRevision:
    """The organization's manager vouches for its submission before the ISU decides."""
    revision = _locked(revision)
    require(permissions.can_review(actor, revision))
    revision.first_level_approved_by = actor
    _move(
        revision=revision,
        to_status=RevisionStatus.IN_REVIEW,
        action="approved",
        actor=actor,
        request=request,
    )
    return revision


@transaction.atomic
def revision_publish(
    *, actor, revision: DocumentRevision, findings_reviewed: bool = False, request=None
) -> DocumentRevision:
    """Publish a reviewed version (ISU). Held findings must have been looked at."""
    revision = _locked(revision)
    require(permissions.can_publish(actor, revision))
    files = list(revision.files.all())
    if any(file.screening_status == ScreeningStatus.REFUSED for file in files):
        raise ValidationError(_("A refused file cannot be published."))
    if (
        any(file.screening_status == ScreeningStatus.HELD for file in files)
        and not findings_reviewed
    ):
        raise ValidationError(
            {"findings_reviewed": _("Confirm that you have reviewed the screening findings.")}
        )
    _publish(revision=revision, actor=actor, request=request)
    return revision


def _publish(*, revision: DocumentRevision, actor, reason: str = "", request=None) -> None:
    document: Document = Document.objects.select_for_update().get(pk=revision.document_id)
    now = timezone.now()
    previous = document.published_revision
    if previous is not None and previous.pk != revision.pk:
        previous.status = RevisionStatus.SUPERSEDED
        previous.save(update_fields=["status", "updated_at"])
    revision.published_at = now
    revision.decision_reason = ""
    _move(
        revision=revision,
        to_status=RevisionStatus.PUBLISHED,
        action="published",
        actor=actor,
        reason=reason,
        request=request,
    )
    document.published_revision = revision
    document.access_level = revision.access_level
    listing = document.listing_fields_from(revision)
    document.published_at = document.published_at or now
    document.confirmed_at = now
    document.save(
        update_fields=[
            "published_revision",
            "access_level",
            *listing,
            "published_at",
            "confirmed_at",
        ]
    )
    transaction.on_commit(lambda: _index(document.pk))


def _index(document_id: int) -> None:
    from documents.signals import document_published

    document_published.send(sender=Document, document_id=document_id)


def _decide(*, actor, revision, to_status, action, reason, request):
    revision = _locked(revision)
    require(permissions.can_review(actor, revision))
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Give the reason the contributor will see.")})
    revision.decision_reason = reason
    _move(
        revision=revision,
        to_status=to_status,
        action=action,
        actor=actor,
        reason=reason,
        request=request,
    )
    return revision


@transaction.atomic
def revision_request_changes(
    *, actor, revision: DocumentRevision, reason: str, request=None
) -> DocumentRevision:
    return _decide(
        actor=actor,
        revision=revision,
        to_status=RevisionStatus.CHANGES_REQUESTED,
        action="changes_requested",
        reason=reason,
        request=request,
    )


@transaction.atomic
def revision_reject(
    *, actor, revision: DocumentRevision, reason: str, request=None
) -> DocumentRevision:
    return _decide(
        actor=actor,
        revision=revision,
        to_status=RevisionStatus.REJECTED,
        action="rejected",
        reason=reason,
        request=request,
    )


@transaction.atomic
def document_new_revision(*, actor, document: Document, request=None) -> DocumentRevision:
    """Start the next version of a published document as a draft copy of the published one.

    The published version stays online until the new one is published.
    """
    document = Document.objects.select_for_update().get(pk=document.pk)
    require(permissions.can_contribute(actor, document.organization))
    if document.revisions.exclude(
        status__in=[RevisionStatus.PUBLISHED, RevisionStatus.SUPERSEDED, RevisionStatus.REJECTED]
    ).exists():
        raise ValidationError(_("A new version of this document is already being prepared."))
    source = document.published_revision or document.revisions.order_by("-number").first()
    topics, articles, files = (
        list(source.topics.all()),
        list(source.bwc_articles.all()),
        list(source.files.all()),
    )
    revision = DocumentRevision.objects.get(pk=source.pk)
    revision.pk = None
    revision._state.adding = True
    revision.number = (
        document.revisions.order_by("-number").values_list("number", flat=True).first() + 1
    )
    revision.status = RevisionStatus.DRAFT
    revision.created_by = actor
    revision.published_at = None
    revision.first_level_approved_by = None
    revision.decision_reason = ""
    revision.change_note = ""
    revision.declared_unclassified = False
    revision.publish_when_screened = False
    revision.save()
    revision.topics.set(topics)
    revision.bwc_articles.set(articles)
    for file in files:  # the same stored file, screened and extracted already
        file.pk = None
        file._state.adding = True
        file.revision = revision
        file.save()
    transition_record(
        revision=revision, action="new_version", from_status="", actor=actor, request=request
    )
    return revision


@transaction.atomic
def document_withdraw(*, actor, document: Document, reason: str, request=None) -> Document:
    """Take a document off the library; a tombstone page with the reason stays."""
    document = (
        Document.objects.select_for_update(of=("self",))
        .select_related("published_revision")
        .get(pk=document.pk)
    )
    require(permissions.can_withdraw(actor, document))
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Give the reason readers will see.")})
    document.withdrawn_at = timezone.now()
    document.withdrawal_reason = reason
    document.save(update_fields=["withdrawn_at", "withdrawal_reason"])
    revision = document.published_revision
    transition_record(
        revision=revision,
        action="withdrawn",
        from_status=revision.status,
        actor=actor,
        reason=reason,
        request=request,
    )
    notify_transition(revision=revision, action="withdrawn", actor=actor, reason=reason)
    transaction.on_commit(lambda: _index(document.pk))
    return document
