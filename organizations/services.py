"""Writes to organizations and memberships. Each checks permission, runs in a transaction,
records the audit entry and notifies the people concerned once the transaction commits."""

import csv
import functools
import gettext
import json
from pathlib import Path

import pycountry
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from audit.models import AuditAction
from audit.services import audit_record
from notifications.services import notify
from organizations import permissions
from organizations.models import (
    BWCStatus,
    Membership,
    MembershipRole,
    MembershipStatus,
    Organization,
    OrganizationKind,
    RegionalGroup,
)

DATA_DIR = Path(__file__).resolve().parent / "data"
STATES_FILE = DATA_DIR / "bwc_states.csv"
IOS_FILE = DATA_DIR / "international_organizations.json"

_GROUPS = {
    "African States": RegionalGroup.AFRICAN,
    "Asia-Pacific States": RegionalGroup.ASIA_PACIFIC,
    "Eastern European States": RegionalGroup.EASTERN_EUROPEAN,
    "Latin American and Caribbean States": RegionalGroup.LATIN_AMERICAN_CARIBBEAN,
    "Western European and other States": RegionalGroup.WESTERN_EUROPEAN_OTHER,
    "none": "",
}
# pycountry's gettext domains use their own locale names.
_ISO_LOCALES = {"ar": "ar", "zh-hans": "zh_CN", "fr": "fr", "ru": "ru", "es": "es"}
NAME_OVERRIDES_FILE = DATA_DIR / "state_name_overrides.json"


def _field(name: str, code: str) -> str:
    return f"{name}_{code.replace('-', '_')}"


def _country_names(iso3: str, english: str) -> dict[str, str]:
    """The State's name in each language: UN English, ISO 3166 translations for the others."""
    names = {"en": english}
    country = pycountry.countries.get(alpha_3=iso3)
    overrides = _name_overrides().get(iso3, {})
    for code, locale in _ISO_LOCALES.items():
        catalogue = gettext.translation(
            "iso3166-1", pycountry.LOCALES_DIR, languages=[locale], fallback=True
        )
        translated = catalogue.gettext(country.name) if country else english
        if translated == (country.name if country else english):
            translated = english  # not in the catalogue: the UN English name is the best fallback
        names[code] = overrides.get(code, translated)
    return names


@functools.cache
def _name_overrides() -> dict[str, dict[str, str]]:
    return json.loads(NAME_OVERRIDES_FILE.read_text(encoding="utf-8"))["names"]


@transaction.atomic
def organizations_load(
    *, states_file: Path = STATES_FILE, organizations_file: Path = IOS_FILE
) -> dict[str, int]:
    """Create or update every State and international organization from the data files.

    Idempotent: run it again after the files change. Returns counts by kind.
    """
    codes = [code for code, _name in settings.LANGUAGES]
    states = 0
    with states_file.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            status = row["bwc_status"]
            if status not in BWCStatus.values:
                raise ValueError(f"{row['iso3']}: unknown BWC status {status!r}")
            names = _country_names(row["iso3"], row["name_en"])
            defaults = {
                "kind": OrganizationKind.STATE,
                "regional_group": _GROUPS[row["un_regional_group"]],
                "bwc_status": status,
                "bwc_date": row["bwc_date"],
                "source_note": row["notes"],
                "accepts_members": status == BWCStatus.STATE_PARTY,
                "name": names["en"],
                **{_field("name", code): names[code] for code in codes},
            }
            Organization.objects.update_or_create(code=row["iso3"], defaults=defaults)
            states += 1
    records = json.loads(organizations_file.read_text(encoding="utf-8"))["organizations"]
    for record in records:
        defaults = {
            "kind": OrganizationKind.INTERNATIONAL,
            "website": record.get("website", ""),
            "accepts_members": True,
            "name": record["name"]["en"],
            "short_name": record["short_name"]["en"],
            "former_names": "\n".join(record.get("former_names", [])),
            **{_field("name", code): record["name"][code] for code in codes},
            **{_field("short_name", code): record["short_name"][code] for code in codes},
        }
        Organization.objects.update_or_create(code=record["code"], defaults=defaults)
    return {"states": states, "international": len(records)}


@transaction.atomic
def membership_request(*, user, organization: Organization, request=None) -> Membership:
    """Record a person's affiliation, pending verification, and alert who can verify it."""
    if not organization.accepts_members:
        raise ValidationError(
            _("%(organization)s does not take members on SecBio.") % {"organization": organization}
        )
    if Membership.objects.filter(user=user).exists():
        raise ValidationError(_("This account already belongs to an organization."))
    membership = Membership.objects.create(user=user, organization=organization)
    audit_record(
        action=AuditAction.MEMBERSHIP_REQUESTED, actor=user, target=membership, request=request
    )
    review_path = reverse("organizations:members", args=[organization.code.lower()])
    review_url = request.build_absolute_uri(review_path) if request else review_path
    for manager in _managers_of(organization):
        notify(
            user=manager,
            template="membership_requested",
            context={"membership": membership, "review_url": review_url},
            url=review_path,
        )
    return membership


def _managers_of(organization: Organization):
    return [
        membership.user
        for membership in Membership.objects.filter(
            organization=organization,
            role=MembershipRole.MANAGER,
            status=MembershipStatus.VERIFIED,
            user__is_active=True,
        ).select_related("user")
    ]


def _decide(*, actor, membership: Membership, status: str, reason: str = "") -> Membership:
    permissions.require(permissions.can_verify_members_of(actor, membership.organization))
    if membership.user_id == actor.pk and not permissions.is_isu_staff(actor):
        raise ValidationError(_("You cannot verify your own membership."))
    membership.status = status
    membership.decided_at = timezone.now()
    membership.decided_by = actor
    membership.decision_reason = reason
    membership.save(update_fields=["status", "decided_at", "decided_by", "decision_reason"])
    return membership


@transaction.atomic
def membership_verify(*, actor, membership: Membership, request=None) -> Membership:
    """Give a pending person member rights; only their organization's manager or the ISU may."""
    membership = Membership.objects.select_for_update().get(pk=membership.pk)
    if membership.status == MembershipStatus.VERIFIED:
        return membership
    _decide(actor=actor, membership=membership, status=MembershipStatus.VERIFIED)
    audit_record(
        action=AuditAction.MEMBERSHIP_VERIFIED, actor=actor, target=membership, request=request
    )
    site_url = request.build_absolute_uri("/") if request else "/"
    notify(
        user=membership.user,
        template="membership_verified",
        context={"membership": membership, "site_url": site_url},
    )
    return membership


@transaction.atomic
def membership_reject(*, actor, membership: Membership, reason: str, request=None) -> Membership:
    """Decline a request, with a reason the person sees."""
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": _("Give the reason the person will see.")})
    membership = Membership.objects.select_for_update().get(pk=membership.pk)
    _decide(actor=actor, membership=membership, status=MembershipStatus.REJECTED, reason=reason)
    audit_record(
        action=AuditAction.MEMBERSHIP_REJECTED,
        actor=actor,
        target=membership,
        request=request,
        data={"reason": reason},
    )
    notify(user=membership.user, template="membership_rejected", context={"membership": membership})
    return membership


@transaction.atomic
def membership_set_role(*, actor, membership: Membership, role: str, request=None) -> Membership:
    """Grant or withdraw contributor (managers) or manager (administrators) rights."""
    if role not in MembershipRole.values:
        raise ValidationError({"role": _("Choose a valid role.")})
    membership = Membership.objects.select_for_update().get(pk=membership.pk)
    permissions.require(permissions.can_set_role_in(actor, membership.organization, role))
    if membership.role == MembershipRole.MANAGER and not permissions.is_administrator(actor):
        raise ValidationError(_("Only an administrator can change an organization manager's role."))
    if membership.status != MembershipStatus.VERIFIED:
        raise ValidationError(_("Verify the membership before giving a role."))
    previous = membership.role
    if previous == role:
        return membership
    membership.role = role
    membership.save(update_fields=["role"])
    audit_record(
        action=AuditAction.ROLE_CHANGED,
        actor=actor,
        target=membership,
        request=request,
        data={"from": previous, "to": role},
    )
    notify(user=membership.user, template="role_changed", context={"membership": membership})
    return membership
