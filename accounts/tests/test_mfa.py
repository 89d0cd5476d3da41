"""Moderators and administrators must set up two-factor authentication before staff pages."""

import pyotp
import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

from accounts.tests.factories import PASSWORD
from audit.models import AuditAction, AuditEntry


def _activate_totp(user) -> str:
    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    return secret


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["moderator", "administrator"])
def test_staff_without_mfa_are_sent_to_set_it_up(client, personas, role):
    client.force_login(personas[role])
    response = client.get("/en/admin/")
    assert response.status_code == 302
    assert response["Location"] == "/en/accounts/2fa/totp/activate/"
    home = client.get("/en/").content.decode()
    assert "Set up two-factor authentication" in home


@pytest.mark.django_db
def test_an_administrator_with_mfa_reaches_the_admin(client, administrator):
    _activate_totp(administrator)
    client.force_login(administrator)
    assert client.get("/en/admin/").status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["member", "manager", "moderator"])
def test_non_administrators_never_reach_the_admin(client, personas, role):
    user = personas[role]
    _activate_totp(user)
    client.force_login(user)
    assert client.get("/en/admin/", follow=True).status_code == 403


@pytest.mark.django_db
def test_the_admin_login_goes_through_the_site_login(client):
    response = client.get("/en/admin/", follow=True)
    assert response.redirect_chain[-1][0].startswith("/en/accounts/login/?next=")
    assert response.status_code == 200


@pytest.mark.django_db
def test_sign_in_asks_for_the_code_once_mfa_is_set_up(client, administrator):
    secret = _activate_totp(administrator)
    response = client.post(
        "/en/accounts/login/", {"login": administrator.email, "password": PASSWORD}
    )
    assert response["Location"] == "/en/accounts/2fa/authenticate/"
    assert "_auth_user_id" not in client.session
    wrong = client.post("/en/accounts/2fa/authenticate/", {"code": "000000"})
    assert wrong.status_code == 200
    response = client.post("/en/accounts/2fa/authenticate/", {"code": pyotp.TOTP(secret).now()})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(administrator.pk)


@pytest.mark.django_db
def test_setting_up_mfa_through_the_site_is_audited(
    client, moderator, django_capture_on_commit_callbacks
):
    client.force_login(moderator)
    # allauth asks for the password again before a security change.
    assert client.get("/en/accounts/2fa/totp/activate/")["Location"].startswith(
        "/en/accounts/reauthenticate/"
    )
    client.post("/en/accounts/reauthenticate/", {"password": PASSWORD})
    page = client.get("/en/accounts/2fa/totp/activate/")
    assert page.status_code == 200
    secret = page.context["form"].secret
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/en/accounts/2fa/totp/activate/", {"code": pyotp.TOTP(secret).now()}
        )
    assert response.status_code == 302
    assert AuditEntry.objects.filter(
        action=AuditAction.MFA_ACTIVATED, actor_id=moderator.pk
    ).exists()
    assert "two-factor" not in client.get("/en/").content.decode().lower()
