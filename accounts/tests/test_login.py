import pytest
from django.test import override_settings

from accounts.tests.factories import PASSWORD, UserFactory
from audit.models import AuditAction, AuditEntry


@pytest.mark.django_db
def test_login_opens_the_site_in_the_persons_language(client):
    user = UserFactory(preferred_language="ru")
    response = client.post("/en/accounts/login/", {"login": user.email, "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == "/ru/accounts/profile/"
    assert AuditEntry.objects.filter(action=AuditAction.LOGIN, actor_id=user.pk).exists()


@pytest.mark.django_db
def test_a_failed_login_is_audited_without_the_password(client):
    user = UserFactory()
    response = client.post(
        "/en/accounts/login/", {"login": user.email, "password": "wrong-password"}
    )
    assert response.status_code == 200
    entry = AuditEntry.objects.get(action=AuditAction.LOGIN_FAILED)
    assert entry.data == {"login": user.email}
    assert "wrong-password" not in str(entry.data)


@pytest.mark.django_db
@override_settings(AXES_FAILURE_LIMIT=3)
def test_repeated_failures_lock_the_account_even_with_the_right_password(client):
    user = UserFactory()
    for _attempt in range(3):
        client.post("/en/accounts/login/", {"login": user.email, "password": "wrong-password"})
    response = client.post("/fr/accounts/login/", {"login": user.email, "password": PASSWORD})
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session
    assert AuditEntry.objects.filter(action=AuditAction.LOCKED_OUT).exists()


@pytest.mark.django_db
def test_the_language_switch_is_remembered_for_a_signed_in_person(client):
    user = UserFactory(preferred_language="en")
    client.force_login(user)
    response = client.post("/i18n/setlang/", {"language": "zh-hans", "next": "/en/organizations/"})
    assert response.status_code == 302
    assert response["Location"] == "/zh-hans/organizations/"
    user.refresh_from_db()
    assert user.preferred_language == "zh-hans"


@pytest.mark.django_db
def test_the_language_switch_keeps_the_page_for_a_visitor(client):
    response = client.post("/i18n/setlang/", {"language": "ar", "next": "/fr/about/"})
    assert response["Location"] == "/ar/about/"


@pytest.mark.django_db
def test_the_session_cookie_is_http_only_and_same_site(client):
    user = UserFactory()
    client.post("/en/accounts/login/", {"login": user.email, "password": PASSWORD})
    cookie = client.cookies["sessionid"]
    assert cookie["httponly"]
    assert cookie["samesite"] == "Lax"
