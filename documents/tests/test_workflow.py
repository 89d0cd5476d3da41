import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError

from audit.models import AuditEntry
from documents import services
from documents.models import ExtractionStatus, RevisionStatus, WorkflowEvent
from documents.tests.factories import (
    committed,
    draft_document,
    published_document,
    submitted_document,
)


@pytest.mark.django_db
def test_a_contributor_takes_a_law_from_draft_to_review(contributor, organization, manager):
    document = draft_document(contributor=contributor, organization=organization)
    revision = document.revisions.get()
    file = revision.files.get()
    assert file.extraction_status == ExtractionStatus.DONE
    assert "Laboratories shall assess" in file.extracted_text
    with committed():
        services.revision_submit(actor=contributor, revision=revision, declared_unclassified=True)
    revision.refresh_from_db()
    assert revision.status == RevisionStatus.IN_REVIEW
    actions = list(WorkflowEvent.objects.filter(document=document).values_list("action", flat=True))
    assert actions == ["submitted", "screened"]
    assert AuditEntry.objects.filter(action="document.submitted", actor_id=contributor.pk).exists()


@pytest.mark.django_db
def test_submission_needs_the_declaration(contributor, organization):
    document = draft_document(contributor=contributor, organization=organization)
    with pytest.raises(ValidationError):
        services.revision_submit(
            actor=contributor, revision=document.revisions.get(), declared_unclassified=False
        )
    assert document.revisions.get().status == RevisionStatus.DRAFT


@pytest.mark.django_db
def test_a_member_cannot_contribute(member, organization):
    with pytest.raises(PermissionDenied):
        draft_document(contributor=member, organization=organization)


@pytest.mark.django_db
def test_a_contributor_cannot_contribute_for_another_organization(contributor, other_organization):
    with pytest.raises(PermissionDenied):
        draft_document(contributor=contributor, organization=other_organization)


@pytest.mark.django_db
def test_the_moderator_publishes_and_the_contributor_is_told(contributor, moderator, organization):
    document = published_document(
        contributor=contributor, moderator=moderator, organization=organization
    )
    assert document.is_published
    assert document.published_revision.status == RevisionStatus.PUBLISHED
    assert any(message.to == [contributor.email] for message in mail.outbox)


@pytest.mark.django_db
def test_a_manager_approves_but_cannot_publish(contributor, manager, organization):
    document = submitted_document(contributor=contributor, organization=organization)
    revision = document.revisions.get()
    services.revision_approve_first_level(actor=manager, revision=revision)
    revision.refresh_from_db()
    assert revision.first_level_approved_by == manager
    with pytest.raises(PermissionDenied):
        services.revision_publish(actor=manager, revision=revision)


@pytest.mark.django_db
@pytest.mark.parametrize("decision", ["revision_request_changes", "revision_reject"])
def test_decisions_need_a_reason_the_contributor_sees(
    contributor, moderator, organization, decision
):
    document = submitted_document(contributor=contributor, organization=organization)
    revision = document.revisions.get()
    with pytest.raises(ValidationError):
        getattr(services, decision)(actor=moderator, revision=revision, reason=" ")
    with committed():
        getattr(services, decision)(
            actor=moderator, revision=revision, reason="Add the official number."
        )
    revision.refresh_from_db()
    assert revision.decision_reason == "Add the official number."
    assert any(
        "Add the official number." in message.body
        for message in mail.outbox
        if message.to == [contributor.email]
    )


@pytest.mark.django_db
def test_a_new_version_keeps_the_published_one_online_until_it_replaces_it(
    contributor, moderator, organization
):
    document = published_document(
        contributor=contributor, moderator=moderator, organization=organization
    )
    first = document.published_revision
    second = services.document_new_revision(actor=contributor, document=document)
    assert second.number == 2 and second.status == RevisionStatus.DRAFT
    assert second.files.count() == 1
    services.revision_update(
        actor=contributor, revision=second, metadata={"title": "Act on Biosafety (amended)"}
    )
    document.refresh_from_db()
    assert document.published_revision == first
    with committed():
        services.revision_submit(actor=contributor, revision=second, declared_unclassified=True)
    services.revision_publish(actor=moderator, revision=second)
    document.refresh_from_db()
    first.refresh_from_db()
    assert document.published_revision == second
    assert first.status == RevisionStatus.SUPERSEDED


@pytest.mark.django_db
def test_withdrawal_keeps_everything_and_records_the_reason(contributor, moderator, organization):
    document = published_document(
        contributor=contributor, moderator=moderator, organization=organization
    )
    with pytest.raises(ValidationError):
        services.document_withdraw(actor=contributor, document=document, reason="")
    services.document_withdraw(actor=contributor, document=document, reason="Repealed in 2026.")
    document.refresh_from_db()
    assert document.is_withdrawn and document.withdrawal_reason == "Repealed in 2026."
    assert document.revisions.count() == 1 and document.published_revision is not None
