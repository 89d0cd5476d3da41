"""The contacts section of an organization's profile: members who chose to be visible."""

from accounts.models import Profile, Visibility
from core.home import HomeSection
from organizations.models import MembershipStatus
from organizations.permissions import can_read_members_only


def _visible_levels(user) -> set[str]:
    return (
        {Visibility.PUBLIC, Visibility.MEMBERS}
        if can_read_members_only(user)
        else {Visibility.PUBLIC}
    )


def contacts_section(request, organization) -> HomeSection | None:
    levels = _visible_levels(request.user)
    profiles = (
        Profile.objects.filter(
            user__membership__organization=organization,
            user__membership__status=MembershipStatus.VERIFIED,
            user__is_active=True,
        )
        .select_related("user")
        .prefetch_related("expertise")
        .order_by("user__full_name")
    )
    contacts = []
    for profile in profiles:
        shown = {
            field for field in Profile.VISIBLE_FIELDS if profile.visibility_of(field) in levels
        }
        if shown:  # a person appears only if they made something visible to this reader
            contacts.append({"profile": profile, "shown": shown})
    if not contacts:
        return None
    return HomeSection(
        template="accounts/partials/profile_contacts.html", context={"contacts": contacts}, order=30
    )
