"""Reads of organizations and memberships, filtered by what the user may see."""

from django.db.models import Count, Q, QuerySet

from organizations import permissions
from organizations.models import (
    BWCStatus,
    Membership,
    MembershipStatus,
    Organization,
    OrganizationKind,
)


def organizations_all() -> QuerySet[Organization]:
    return Organization.objects.all()


def organizations_accepting_members() -> QuerySet[Organization]:
    """Organizations a person may name at sign-up: States Parties and international organizations."""
    return Organization.objects.filter(accepts_members=True).order_by("kind", "name")


def organization_by_code(code: str) -> Organization | None:
    return Organization.objects.filter(code__iexact=code).first()


def organizations_directory(*, kind: str = "", group: str = "", status: str = "") -> QuerySet:
    """The public list of States and organizations, with their number of verified members."""
    queryset = Organization.objects.annotate(
        member_count=Count("memberships", filter=Q(memberships__status=MembershipStatus.VERIFIED))
    )
    if kind:
        queryset = queryset.filter(kind=kind)
    if group:
        queryset = queryset.filter(regional_group=group)
    if status:
        queryset = queryset.filter(bwc_status=status)
    return queryset.order_by("kind", "name")


def participation_counts() -> dict[str, int]:
    counts = Organization.objects.aggregate(
        states_parties=Count("pk", filter=Q(bwc_status=BWCStatus.STATE_PARTY)),
        international=Count("pk", filter=Q(kind=OrganizationKind.INTERNATIONAL)),
    )
    counts["members"] = Membership.objects.filter(status=MembershipStatus.VERIFIED).count()
    return counts


def memberships_to_verify(*, user, organization: Organization) -> QuerySet[Membership]:
    """Pending requests of an organization, for those who may verify them."""
    permissions.require(permissions.can_verify_members_of(user, organization))
    return (
        Membership.objects.filter(organization=organization, status=MembershipStatus.PENDING)
        .select_related("user", "user__profile")
        .order_by("requested_at")
    )


def memberships_of(*, user, organization: Organization) -> QuerySet[Membership]:
    """All memberships of an organization, for its manager or the ISU."""
    permissions.require(permissions.can_verify_members_of(user, organization))
    return (
        Membership.objects.filter(organization=organization)
        .select_related("user", "user__profile", "decided_by")
        .order_by("status", "user__email")
    )


def organizations_with_pending_requests(*, user) -> QuerySet[Organization]:
    """For ISU staff: organizations with requests waiting; for a manager, theirs only."""
    pending = Organization.objects.annotate(
        pending_count=Count("memberships", filter=Q(memberships__status=MembershipStatus.PENDING))
    ).filter(pending_count__gt=0)
    if permissions.is_isu_staff(user):
        return pending.order_by("name")
    membership = permissions.verified_membership(user)
    if membership and permissions.can_manage(user, membership.organization):
        return pending.filter(pk=membership.organization_id)
    return pending.none()
