"""Reads of organizations and memberships, filtered by what the user may see."""

from django.conf import settings
from django.core.cache import cache
from django.db.models import Count, Q, QuerySet
from modeltranslation.utils import build_localized_fieldname

from organizations import permissions
from organizations.models import (
    BWCStatus,
    Membership,
    MembershipStatus,
    Organization,
    OrganizationKind,
)
from search.analysis import tokens


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


# Names are compared folded, and also stemmed where the grammar inflects them ("в Канаде",
# "في بيرو"); Spanish or French stems would confuse unrelated words ("bélico" and "Belice").
_STEMMED_READINGS = ("ru", "ar")
# Organizations change rarely; searches read these on every request.
SEARCH_CACHE_TTL = 300


def organization_places(ids: set[int]) -> dict[int, tuple[str, str]]:
    """{organization id: (code, UN regional group)} for `ids`, cached: a search's matches name a
    few hundred jurisdictions, and joining each match to its jurisdiction was a third of
    counting a search's facets. An organization created since the cache was filled is read at
    once, and the cache again next time."""

    def read():
        return {
            pk: (code, group)
            for pk, code, group in Organization.objects.values_list("pk", "code", "regional_group")
        }

    known = cache.get_or_set("search-jurisdictions", read, SEARCH_CACHE_TTL)
    if missing := ids - known.keys():
        cache.delete("search-jurisdictions")
        rows = Organization.objects.filter(pk__in=missing).values_list(
            "pk", "code", "regional_group"
        )
        known = {**known, **{pk: (code, group) for pk, code, group in rows}}
    return known


def _name_index() -> dict[tuple[str, ...], list[str]]:
    """{analysed name: organization codes} for the names in the six languages, and the former
    names ("国际兽疫局", the OIE, for WOAH)."""

    def read():
        fields = {
            code.split("-")[0]: build_localized_fieldname("name", code)
            for code, _name in settings.LANGUAGES
        }
        index: dict[tuple[str, ...], list[str]] = {}

        def add(name: str, readings, code: str) -> None:
            for reading in readings:
                if (words := tuple(tokens(name, reading))) and code not in index.get(words, ()):
                    index.setdefault(words, []).append(code)

        for row in Organization.objects.values("code", "former_names", *fields.values()):
            for language, field in fields.items():
                readings = {None, language if language in _STEMMED_READINGS else None}
                add(row[field] or "", readings, row["code"])
            for name in row["former_names"].splitlines():  # in any language: every reading
                add(name, (None, *_STEMMED_READINGS), row["code"])
        return index

    return cache.get_or_set("organization-name-index", read, SEARCH_CACHE_TTL)


def organizations_named_in(text: str) -> set[str]:
    """Codes of the States and organizations whose name, in one of the six languages, appears in
    `text` ("moratoire sur les OGM au Pérou", "мораторий на ГМО в Перу", "秘鲁转基因生物暂停令")."""
    index = _name_index()
    longest = max(map(len, index), default=0)
    found: set[str] = set()
    for reading in (None, *_STEMMED_READINGS):
        words = tokens(text, reading)
        for size in range(1, min(longest, len(words)) + 1):
            for start in range(len(words) - size + 1):
                found.update(index.get(tuple(words[start : start + size]), ()))
    return found
