"""Fixtures shared by every app's tests: factories, the six personas of SPEC §2, shared data."""

import os
from pathlib import Path

import pytest

from accounts.tests.factories import UserFactory
from organizations.models import MembershipRole, MembershipStatus
from organizations.tests.factories import MembershipFactory, OrganizationFactory

SHARED_DIR = Path(__file__).resolve().parent.parent / "shared"
IN_CI = os.environ.get("CI", "").lower() == "true"


@pytest.fixture
def shared_dir() -> Path:
    """../shared, which CI always has; a user's fresh clone may not."""
    if not SHARED_DIR.is_dir():
        if IN_CI:
            pytest.fail(f"{SHARED_DIR} is missing in CI")
        pytest.skip(f"{SHARED_DIR} is absent (fresh clone without the team's shared data)")
    return SHARED_DIR


@pytest.fixture(autouse=True)
def _english_by_default(settings):
    settings.LANGUAGE_CODE = "en"


@pytest.fixture(autouse=True)
def _empty_cache():
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def organization(db):
    return OrganizationFactory(code="FRA", name="France", name_fr="France")


@pytest.fixture
def other_organization(db):
    return OrganizationFactory(code="PER", name="Peru", name_fr="Pérou")


def _member(organization, role, status=MembershipStatus.VERIFIED, **user_fields):
    user = UserFactory(**user_fields)
    MembershipFactory(user=user, organization=organization, role=role, status=status)
    return user


@pytest.fixture
def member(organization):
    return _member(organization, MembershipRole.MEMBER, email="member@example.org")


@pytest.fixture
def pending_member(organization):
    return _member(
        organization, MembershipRole.MEMBER, MembershipStatus.PENDING, email="pending@example.org"
    )


@pytest.fixture
def contributor(organization):
    return _member(organization, MembershipRole.CONTRIBUTOR, email="contributor@example.org")


@pytest.fixture
def manager(organization):
    return _member(organization, MembershipRole.MANAGER, email="manager@example.org")


@pytest.fixture
def moderator(db):
    return UserFactory(email="moderator@example.org", isu_role="moderator")


@pytest.fixture
def administrator(db):
    return UserFactory(
        email="admin@example.org", isu_role="administrator", is_staff=True, is_superuser=True
    )


@pytest.fixture
def personas(db, member, contributor, manager, moderator, administrator):
    """Every role of SPEC §2; the visitor is None."""
    return {
        "visitor": None,
        "member": member,
        "contributor": contributor,
        "manager": manager,
        "moderator": moderator,
        "administrator": administrator,
    }
