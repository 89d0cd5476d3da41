"""Sign-up -> e-mail confirmation -> verification by the organization's manager."""

import re

import pytest
from django.core import mail

from accounts.models import User
from audit.models import AuditAction, AuditEntry
from organizations.models import MembershipStatus

PASSWORD = "a-long-and-unusual-passphrase"


def _signup(client, organization, language="en", **overrides):
    data = {
        "full_name": "Nadia Benali",
        "email": "nadia@example.org",
        "organization": organization.pk,
        "preferred_language": language,
        "password1": PASSWORD,
        "password2": PASSWORD,
        **overrides,
    }
    return client.post(f"/{language}/accounts/signup/", data)


@pytest.mark.django_db
def test_signup_confirmation_and_verification(
    client, organization, manager, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = _signup(client, organization, language="fr")
    assert response.status_code == 302
    user = User.objects.get(email="nadia@example.org")
    assert user.preferred_language == "fr"
    assert user.membership.status == MembershipStatus.PENDING

    # The confirmation e-mail is in the person's language; the manager is alerted.
    confirmation = next(m for m in mail.outbox if m.to == ["nadia@example.org"])
    assert "Confirmez votre adresse" in confirmation.subject  # French, not English
    assert any(m.to == [manager.email] for m in mail.outbox)

    # Unconfirmed: signing in is refused and the person is told what it waits for.
    response = client.post("/fr/accounts/login/", {"login": user.email, "password": PASSWORD})
    assert response.status_code == 302
    assert "confirm-email" in response["Location"]

    key_url = re.search(r"https?://[^/]+(/\S+/confirm-email/\S+/)", confirmation.body).group(1)
    response = client.post(key_url)
    assert response.status_code == 302

    response = client.post(
        "/fr/accounts/login/", {"login": user.email, "password": PASSWORD}, follow=True
    )
    assert response.redirect_chain[-1][0] == "/fr/accounts/profile/"
    assert "awaits verification" not in response.content.decode()  # shown in French
    assert 'class="status-banner"' in response.content.decode()

    client.force_login(manager)
    client.post(f"/en/organizations/fra/members/{user.membership.pk}/verify/")
    user.membership.refresh_from_db()
    assert user.membership.status == MembershipStatus.VERIFIED
    actions = set(AuditEntry.objects.values_list("action", flat=True))
    assert {
        AuditAction.SIGNUP,
        AuditAction.MEMBERSHIP_REQUESTED,
        AuditAction.EMAIL_CONFIRMED,
        AuditAction.LOGIN,
        AuditAction.MEMBERSHIP_VERIFIED,
    } <= actions


@pytest.mark.django_db
def test_an_invalid_signup_shows_errors_in_the_users_language_and_creates_nothing(
    client, organization
):
    response = _signup(
        client, organization, language="es", password2="different", email="not-an-email"
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="error-summary"' in html
    assert 'href="#id_email"' in html
    assert "Introduzca una dirección de correo electrónico válida." in html or "correo" in html
    assert not User.objects.exists()


@pytest.mark.django_db
def test_signup_refuses_an_organization_that_takes_no_members(client):
    from organizations.tests.factories import OrganizationFactory

    signatory = OrganizationFactory(code="EGY", bwc_status="signatory", accepts_members=False)
    response = _signup(client, signatory)
    assert response.status_code == 200
    assert "organization" in response.context["form"].errors
    assert not User.objects.exists()


@pytest.mark.django_db
def test_a_failure_while_requesting_membership_leaves_no_half_made_account(
    client, organization, monkeypatch
):
    import organizations.services

    def broken(*args, **kwargs):
        raise RuntimeError("mail server exploded")

    monkeypatch.setattr(organizations.services, "_managers_of", broken)
    with pytest.raises(RuntimeError):
        _signup(client, organization)
    assert not User.objects.exists()
