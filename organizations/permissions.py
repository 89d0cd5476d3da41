"""The one permission layer for the roles of SPEC §2.

Roles: visitor (anonymous), member (verified affiliation), contributor, organization manager,
and the ISU roles moderator and administrator, held on the user (`isu_role`). Functions named
`can_*` answer a question; `require` turns a refusal into PermissionDenied. Views, services and
selectors all ask here, so every channel applies the same rules.
"""

from django.core.exceptions import PermissionDenied

from organizations.models import Membership, MembershipRole, MembershipStatus, Organization

ISU_MODERATOR = "moderator"
ISU_ADMINISTRATOR = "administrator"

_ROLE_RANK = {MembershipRole.MEMBER: 1, MembershipRole.CONTRIBUTOR: 2, MembershipRole.MANAGER: 3}


def _membership(user) -> Membership | None:
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return None
    try:
        return user.membership
    except Membership.DoesNotExist:
        return None


def verified_membership(user) -> Membership | None:
    membership = _membership(user)
    if membership and membership.status == MembershipStatus.VERIFIED:
        return membership
    return None


def is_moderator(user) -> bool:
    """Moderators and administrators (ISU staff)."""
    return bool(
        getattr(user, "is_authenticated", False)
        and user.is_active
        and getattr(user, "isu_role", "") in {ISU_MODERATOR, ISU_ADMINISTRATOR}
    )


def is_administrator(user) -> bool:
    return bool(
        getattr(user, "is_authenticated", False)
        and user.is_active
        and getattr(user, "isu_role", "") == ISU_ADMINISTRATOR
    )


def is_isu_staff(user) -> bool:
    return is_moderator(user)


def _has_role(user, organization: Organization, role: str) -> bool:
    membership = verified_membership(user)
    return bool(
        membership
        and membership.organization_id == organization.pk
        and _ROLE_RANK[membership.role] >= _ROLE_RANK[role]
    )


def is_member(user) -> bool:
    """A verified member of an organization, or ISU staff."""
    return verified_membership(user) is not None or is_isu_staff(user)


# Reading and member services (documents, forum, learning progress, projects, alerts).
def can_read_members_only(user) -> bool:
    return is_member(user)


def can_use_member_services(user) -> bool:
    return is_member(user)


# Contributing on behalf of an organization.
def can_contribute_for(user, organization: Organization) -> bool:
    return _has_role(user, organization, MembershipRole.CONTRIBUTOR)


def can_manage(user, organization: Organization) -> bool:
    return _has_role(user, organization, MembershipRole.MANAGER)


def can_verify_members_of(user, organization: Organization) -> bool:
    """The organization's manager, or the ISU."""
    return can_manage(user, organization) or is_isu_staff(user)


def can_set_role_in(user, organization: Organization, role: str) -> bool:
    """Managers grant member and contributor; only administrators appoint managers."""
    if is_administrator(user):
        return True
    return can_manage(user, organization) and role != MembershipRole.MANAGER


def can_approve_first_level(user, organization: Organization) -> bool:
    return can_manage(user, organization)


# ISU work.
def can_moderate(user) -> bool:
    """Approve or reject submissions, moderate the forum, author courses and templates."""
    return is_moderator(user)


def can_administer(user) -> bool:
    """Users, organizations, vocabularies and settings."""
    return is_administrator(user)


def require(allowed: bool, message: str = "") -> None:
    if not allowed:
        raise PermissionDenied(message)
