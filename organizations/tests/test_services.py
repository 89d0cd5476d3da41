import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError

from accounts.tests.factories import UserFactory
from audit.models import AuditAction, AuditEntry
from organizations.models import MembershipRole, MembershipStatus
from organizations.services import (
    membership_reject,
    membership_request,
    membership_set_role,
    membership_verify,
)
from organizations.tests.factories import OrganizationFactory


@pytest.mark.django_db
def test_a_request_alerts_the_managers_in_their_language(
    organization, manager, django_capture_on_commit_callbacks
):
    manager.preferred_language = "fr"
    manager.save()
    newcomer = UserFactory(full_name="Nadia Benali")
    with django_capture_on_commit_callbacks(execute=True):
        membership = membership_request(user=newcomer, organization=organization)
    assert membership.status == MembershipStatus.PENDING
    assert [message.to for message in mail.outbox] == [[manager.email]]
    assert mail.outbox[0].extra_headers["Content-Language"] == "fr"
    assert AuditEntry.objects.filter(
        action=AuditAction.MEMBERSHIP_REQUESTED, actor_id=newcomer.pk
    ).exists()


@pytest.mark.django_db
def test_an_organization_that_takes_no_members_is_refused():
    signatory = OrganizationFactory(code="EGY", bwc_status="signatory", accepts_members=False)
    with pytest.raises(ValidationError):
        membership_request(user=UserFactory(), organization=signatory)


@pytest.mark.django_db
def test_an_account_belongs_to_at_most_one_organization(member, other_organization):
    with pytest.raises(ValidationError):
        membership_request(user=member, organization=other_organization)


@pytest.mark.django_db
def test_the_manager_verifies_a_request_and_the_person_is_told(
    manager, pending_member, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        membership = membership_verify(actor=manager, membership=pending_member.membership)
    assert membership.status == MembershipStatus.VERIFIED
    assert membership.decided_by == manager
    assert mail.outbox[-1].to == [pending_member.email]
    entry = AuditEntry.objects.get(action=AuditAction.MEMBERSHIP_VERIFIED)
    assert entry.actor_id == manager.pk
    assert entry.target_id == str(membership.pk)


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["member", "contributor"])
def test_only_managers_and_the_isu_verify(personas, pending_member, role):
    with pytest.raises(PermissionDenied):
        membership_verify(actor=personas[role], membership=pending_member.membership)
    pending_member.membership.refresh_from_db()
    assert pending_member.membership.status == MembershipStatus.PENDING


@pytest.mark.django_db
def test_the_isu_can_verify_any_organization(moderator, pending_member):
    assert membership_verify(actor=moderator, membership=pending_member.membership).is_verified


@pytest.mark.django_db
def test_a_manager_of_another_organization_cannot_verify(other_organization, pending_member):
    from conftest import _member

    other_manager = _member(other_organization, MembershipRole.MANAGER)
    with pytest.raises(PermissionDenied):
        membership_verify(actor=other_manager, membership=pending_member.membership)


@pytest.mark.django_db
def test_rejection_needs_a_reason_that_the_person_sees(
    manager, pending_member, django_capture_on_commit_callbacks
):
    with pytest.raises(ValidationError):
        membership_reject(actor=manager, membership=pending_member.membership, reason="  ")
    with django_capture_on_commit_callbacks(execute=True):
        membership_reject(
            actor=manager, membership=pending_member.membership, reason="Not one of our staff."
        )
    pending_member.membership.refresh_from_db()
    assert pending_member.membership.status == MembershipStatus.REJECTED
    assert "Not one of our staff." in mail.outbox[-1].body


@pytest.mark.django_db
def test_a_manager_grants_contributor_but_cannot_appoint_a_manager(manager, member):
    membership_set_role(
        actor=manager, membership=member.membership, role=MembershipRole.CONTRIBUTOR
    )
    member.membership.refresh_from_db()
    assert member.membership.role == MembershipRole.CONTRIBUTOR
    assert AuditEntry.objects.filter(
        action=AuditAction.ROLE_CHANGED, data__to="contributor"
    ).exists()
    with pytest.raises(PermissionDenied):
        membership_set_role(
            actor=manager, membership=member.membership, role=MembershipRole.MANAGER
        )


@pytest.mark.django_db
def test_an_administrator_appoints_a_manager(administrator, member):
    membership_set_role(
        actor=administrator, membership=member.membership, role=MembershipRole.MANAGER
    )
    member.membership.refresh_from_db()
    assert member.membership.role == MembershipRole.MANAGER


@pytest.mark.django_db
def test_a_role_needs_a_verified_membership(manager, pending_member):
    with pytest.raises(ValidationError):
        membership_set_role(
            actor=manager, membership=pending_member.membership, role=MembershipRole.CONTRIBUTOR
        )
