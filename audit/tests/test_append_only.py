import pytest
from django.db import DatabaseError, connection, transaction

from accounts.tests.factories import UserFactory
from audit.models import AuditAction, AuditEntry
from audit.services import audit_record


@pytest.mark.django_db
def test_an_entry_records_actor_target_and_details():
    user = UserFactory(full_name="Ana Pérez")
    entry = audit_record(action=AuditAction.SIGNUP, actor=user, target=user, data={"via": "test"})
    assert (entry.actor_id, entry.actor_repr) == (user.pk, "Ana Pérez")
    assert (entry.target_type, entry.target_id) == ("accounts.user", str(user.pk))


@pytest.mark.django_db
def test_entries_cannot_be_changed_or_deleted_through_the_orm():
    entry = audit_record(action=AuditAction.LOGIN, actor_repr="someone")
    entry.actor_repr = "someone else"
    with pytest.raises(PermissionError):
        entry.save()
    with pytest.raises(PermissionError):
        entry.delete()


@pytest.mark.django_db
def test_the_database_refuses_an_update_even_in_raw_sql():
    audit_record(action=AuditAction.LOGIN, actor_repr="someone")
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE audit_auditentry SET actor_repr = 'forged'")
    assert AuditEntry.objects.get().actor_repr == "someone"


@pytest.mark.django_db
def test_postgresql_refuses_a_delete_even_in_raw_sql():
    if connection.vendor != "postgresql":
        pytest.skip(
            "row deletes are refused by the database on PostgreSQL only (see migration 0002)"
        )
    audit_record(action=AuditAction.LOGIN, actor_repr="someone")
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("DELETE FROM audit_auditentry")
    assert AuditEntry.objects.count() == 1


@pytest.mark.django_db
def test_deleting_a_user_keeps_their_history():
    user = UserFactory()
    audit_record(action=AuditAction.LOGIN, actor=user, target=user)
    user.delete()
    entry = AuditEntry.objects.get()
    assert entry.actor_id is not None and entry.actor_repr


@pytest.mark.django_db
def test_the_admin_shows_the_log_read_only(client, administrator):
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    TOTP.activate(administrator, generate_totp_secret())
    entry = audit_record(action=AuditAction.LOGIN, actor=administrator)
    client.force_login(administrator)
    assert client.get("/en/admin/audit/auditentry/").status_code == 200
    change_url = f"/en/admin/audit/auditentry/{entry.pk}/change/"
    response = client.post(change_url, {"actor_repr": "forged"})
    assert response.status_code == 403
    assert (
        client.post(f"/en/admin/audit/auditentry/{entry.pk}/delete/", {"post": "yes"}).status_code
        == 403
    )
    assert AuditEntry.objects.get(pk=entry.pk).actor_repr == str(administrator)
