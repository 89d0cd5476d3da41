from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from documents.models import Document
from documents.services.reconfirmation import document_reconfirm
from documents.tests.factories import committed, published_document


@pytest.fixture
def overdue(contributor, moderator, organization, settings):
    settings.SECBIO_RECONFIRM_AFTER_DAYS = 730
    document = published_document(
        contributor=contributor, moderator=moderator, organization=organization
    )
    Document.objects.filter(pk=document.pk).update(
        confirmed_at=timezone.now() - timedelta(days=800)
    )
    document.refresh_from_db()
    return document


@pytest.mark.django_db
def test_overdue_documents_are_marked_and_their_organization_reminded_once_a_month(
    client, overdue, contributor
):
    assert overdue.needs_reconfirmation
    assert (
        "Not reconfirmed by its organization since"
        in client.get(overdue.get_absolute_url()).content.decode()
    )
    mail.outbox.clear()
    with committed():
        call_command("remind-reconfirmation")
    assert [message.to for message in mail.outbox] == [[contributor.email]]
    with committed():
        call_command("remind-reconfirmation")
    assert len(mail.outbox) == 1


@pytest.mark.django_db
def test_reconfirming_clears_the_mark(overdue, contributor, member):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        document_reconfirm(actor=member, document=overdue)
    document_reconfirm(actor=contributor, document=overdue)
    overdue.refresh_from_db()
    assert not overdue.needs_reconfirmation
