"""SPEC §2, role by role: one table, one row per capability, one column per persona."""

import pytest

from organizations import permissions
from organizations.models import MembershipRole
from organizations.tests.factories import MembershipFactory

ROLES = ["visitor", "member", "contributor", "manager", "moderator", "administrator"]

# capability -> the roles that have it (on the persona's own organization where one applies)
MATRIX = {
    "read_members_only": {"member", "contributor", "manager", "moderator", "administrator"},
    "use_member_services": {"member", "contributor", "manager", "moderator", "administrator"},
    "contribute_for_own_organization": {"contributor", "manager"},
    "verify_members_of_own_organization": {"manager", "moderator", "administrator"},
    "grant_contributor_in_own_organization": {"manager", "administrator"},
    "appoint_manager": {"administrator"},
    "approve_first_level": {"manager"},
    "moderate": {"moderator", "administrator"},
    "administer": {"administrator"},
}


def _ask(capability, user, organization):
    return {
        "read_members_only": lambda: permissions.can_read_members_only(user),
        "use_member_services": lambda: permissions.can_use_member_services(user),
        "contribute_for_own_organization": lambda: permissions.can_contribute_for(
            user, organization
        ),
        "verify_members_of_own_organization": lambda: permissions.can_verify_members_of(
            user, organization
        ),
        "grant_contributor_in_own_organization": lambda: permissions.can_set_role_in(
            user, organization, MembershipRole.CONTRIBUTOR
        ),
        "appoint_manager": lambda: permissions.can_set_role_in(
            user, organization, MembershipRole.MANAGER
        ),
        "approve_first_level": lambda: permissions.can_approve_first_level(user, organization),
        "moderate": lambda: permissions.can_moderate(user),
        "administer": lambda: permissions.can_administer(user),
    }[capability]()


class Anonymous:
    is_authenticated = False
    is_active = False


@pytest.mark.django_db
@pytest.mark.parametrize("capability", MATRIX)
@pytest.mark.parametrize("role", ROLES)
def test_permission_matrix(personas, organization, capability, role):
    user = personas[role] or Anonymous()
    assert _ask(capability, user, organization) is (role in MATRIX[capability])


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["contributor", "manager"])
def test_roles_apply_only_to_ones_own_organization(personas, other_organization, role):
    user = personas[role]
    assert not permissions.can_contribute_for(user, other_organization)
    assert not permissions.can_verify_members_of(user, other_organization)
    assert not permissions.can_approve_first_level(user, other_organization)


@pytest.mark.django_db
def test_a_pending_member_has_no_member_rights(pending_member, organization):
    assert not permissions.can_read_members_only(pending_member)
    assert not permissions.can_use_member_services(pending_member)


@pytest.mark.django_db
@pytest.mark.parametrize("status", ["pending", "rejected"])
def test_an_unverified_manager_has_no_manager_rights(organization, status):
    membership = MembershipFactory(
        organization=organization, role=MembershipRole.MANAGER, status=status
    )
    assert not permissions.can_verify_members_of(membership.user, organization)


@pytest.mark.django_db
def test_a_deactivated_account_loses_every_right(personas, organization):
    for role in ["member", "manager", "moderator", "administrator"]:
        user = personas[role]
        user.is_active = False
        assert not permissions.can_read_members_only(user)
        assert not permissions.can_verify_members_of(user, organization)
        assert not permissions.can_administer(user)
