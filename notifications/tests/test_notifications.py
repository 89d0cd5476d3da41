import pytest
from django.core import mail

from documents.tests.factories import committed, submitted_document


@pytest.mark.django_db
def test_transitions_notify_in_the_site_and_by_e_mail_in_each_language(
    client, contributor, moderator, organization
):
    contributor.preferred_language = "fr"
    contributor.save()
    document = submitted_document(contributor=contributor, organization=organization)
    from documents import services

    with committed():
        services.revision_request_changes(
            actor=moderator, revision=document.revisions.get(), reason="Ajoutez le numéro."
        )
    notification = contributor.notifications.first()  # the latest; screening was notified before
    assert "Ajoutez le numéro." in notification.body
    assert notification.url.endswith(f"/library/documents/{document.uid}/manage/")
    assert notification.title != "Changes are requested to your document"  # French
    assert any(message.to == [contributor.email] for message in mail.outbox)

    client.force_login(contributor)
    page = client.get("/fr/notifications/")
    assert page.context["unread_notifications"] == contributor.notifications.count() >= 1
    client.post("/fr/notifications/read/")
    assert client.get("/fr/notifications/").context["unread_notifications"] == 0


@pytest.mark.django_db
def test_notifications_are_private(client, member):
    assert client.get("/en/notifications/").status_code == 302
    client.force_login(member)
    assert client.get("/en/notifications/").context["page"].paginator.count == 0
