"""Immediate alerts: sent once the published document is indexed, in the recipient's language."""

import pytest
from django.core import mail
from django.template.loader import render_to_string
from django.utils import translation

from alerts.models import Frequency
from documents.models import AccessLevel
from organizations.models import MembershipStatus


@pytest.mark.django_db
def test_a_french_member_is_alerted_in_french_after_publication(
    member, save_search, publish, settings
):
    settings.SECBIO_SITE_URL = "https://secbio.example.org"
    member.preferred_language = "fr"
    member.save()
    saved = save_search(member, "q=biosafety", name="Biosécurité", frequency=Frequency.IMMEDIATE)
    mail.outbox.clear()

    document = publish(title="Act on Biosafety in Laboratories")

    sent = [message for message in mail.outbox if message.to == [member.email]]
    assert len(sent) == 1
    message = sent[0]
    assert message.extra_headers["Content-Language"] == "fr"
    with translation.override("fr"):
        expected_subject = render_to_string(
            "notifications/email/saved_search_alert_subject.txt",
            {"saved_search": saved, "count": 1},
        )
    assert message.subject == " ".join(expected_subject.split())
    assert "Biosécurité" in message.subject
    assert "Act on Biosafety in Laboratories (anglais)" in message.body  # language named in French
    assert f"https://secbio.example.org/fr/library/documents/{document.uid}/" in message.body
    assert "https://secbio.example.org/fr/search/?q=biosafety" in message.body
    assert "https://secbio.example.org/fr/alerts/" in message.body
    notification = member.notifications.get(url=f"/fr/alerts/{saved.uid}/")
    assert "Biosécurité" in notification.title
    saved.refresh_from_db()
    assert saved.last_alerted_at == document.published_at


@pytest.mark.django_db
def test_members_only_documents_are_alerted_to_members_only(
    member, pending_member, save_search, publish
):
    save_search(member, "q=biosafety", frequency=Frequency.IMMEDIATE)
    # Saved while verified, then the membership went back to pending: no members-only alert.
    membership = pending_member.membership
    membership.status = MembershipStatus.VERIFIED
    membership.save()
    save_search(pending_member, "q=biosafety", frequency=Frequency.IMMEDIATE)
    membership.status = MembershipStatus.PENDING
    membership.save()
    mail.outbox.clear()

    publish(title="Act on Biosafety (members)", access_level=AccessLevel.MEMBERS)

    assert len([m for m in mail.outbox if m.to == [member.email]]) == 1
    assert not [m for m in mail.outbox if m.to == [pending_member.email]]


@pytest.mark.django_db
def test_only_matching_immediate_searches_are_alerted(member, save_search, publish):
    save_search(member, "q=vaccines", frequency=Frequency.IMMEDIATE)
    save_search(member, "q=biosafety", frequency=Frequency.DAILY)
    save_search(member, "q=laboratories", frequency=Frequency.NONE)
    save_search(member, "q=biosafety&doc_type=regulation", frequency=Frequency.IMMEDIATE)
    mail.outbox.clear()

    publish()

    assert not [m for m in mail.outbox if m.to == [member.email]]


@pytest.mark.django_db
def test_a_revision_or_withdrawal_does_not_alert_again(member, contributor, save_search, publish):
    from documents import services
    from documents.tests.factories import committed

    save_search(member, "q=biosafety", frequency=Frequency.IMMEDIATE)
    document = publish()
    alerted = len([m for m in mail.outbox if m.to == [member.email]])
    assert alerted == 1
    with committed():
        services.document_withdraw(actor=contributor, document=document, reason="Repealed.")
    assert len([m for m in mail.outbox if m.to == [member.email]]) == alerted
