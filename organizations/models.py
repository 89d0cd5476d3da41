from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class OrganizationKind(models.TextChoices):
    STATE = "state", _("State")
    INTERNATIONAL = "international", _("International organization")


class RegionalGroup(models.TextChoices):
    AFRICAN = "african", _("African States")
    ASIA_PACIFIC = "asia_pacific", _("Asia-Pacific States")
    EASTERN_EUROPEAN = "eastern_european", _("Eastern European States")
    LATIN_AMERICAN_CARIBBEAN = "latin_american_caribbean", _("Latin American and Caribbean States")
    WESTERN_EUROPEAN_OTHER = "western_european_other", _("Western European and other States")


class BWCStatus(models.TextChoices):
    STATE_PARTY = "state_party", _("State Party")
    SIGNATORY = "signatory", _("Signatory State")
    NEITHER = "neither", pgettext_lazy("BWC status", "Not a party")


class Organization(models.Model):
    """A State (ISO 3166-1 alpha-3 code) or an international organization (acronym).

    States come with their BWC status and UN regional group as recorded in the data file
    that states its sources; names are translated into the six languages.
    """

    kind = models.CharField(_("kind"), max_length=20, choices=OrganizationKind.choices)
    code = models.CharField(
        _("code"),
        max_length=20,
        unique=True,
        help_text=_(
            "ISO 3166-1 alpha-3 code for a State, acronym for an international organization."
        ),
    )
    name = models.CharField(_("name"), max_length=255)
    short_name = models.CharField(_("short name or acronym"), max_length=60, blank=True)
    former_names = models.TextField(
        _("former names"),
        blank=True,
        help_text=_(
            "One per line, in any language, written out in full (Office international des "
            "épizooties). A search that names the organization by one of them favours its "
            "documents."
        ),
    )
    regional_group = models.CharField(
        _("UN regional group"), max_length=40, choices=RegionalGroup.choices, blank=True
    )
    bwc_status = models.CharField(
        _("BWC status"), max_length=20, choices=BWCStatus.choices, blank=True
    )
    bwc_date = models.CharField(
        _("date of ratification or accession"),
        max_length=10,
        blank=True,
        help_text=_("As precise as the source: YYYY-MM-DD, YYYY-MM or YYYY."),
    )
    source_note = models.TextField(_("sources"), blank=True)
    website = models.URLField(_("website"), blank=True)
    accepts_members = models.BooleanField(
        _("accepts members"),
        default=True,
        help_text=_("States Parties and international organizations can have members on SecBio."),
    )

    class Meta:
        verbose_name = _("organization")
        verbose_name_plural = _("organizations")
        ordering = ["kind", "name"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(kind="state") | ~models.Q(bwc_status=""),
                name="organization_state_has_bwc_status",
            )
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("organizations:detail", args=[self.code.lower()])

    @property
    def is_state(self) -> bool:
        return self.kind == OrganizationKind.STATE


class MembershipRole(models.TextChoices):
    MEMBER = "member", _("Member")
    CONTRIBUTOR = "contributor", _("Contributor")
    MANAGER = "manager", _("Organization manager")


class MembershipStatus(models.TextChoices):
    PENDING = "pending", _("Awaiting verification")
    VERIFIED = "verified", _("Verified")
    REJECTED = "rejected", _("Not verified")


class Membership(models.Model):
    """A person's affiliation to their one organization, verified before it gives rights."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        related_name="membership",
        on_delete=models.CASCADE,
    )
    organization = models.ForeignKey(
        Organization,
        verbose_name=_("organization"),
        related_name="memberships",
        on_delete=models.PROTECT,
    )
    role = models.CharField(
        _("role"), max_length=20, choices=MembershipRole.choices, default=MembershipRole.MEMBER
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=MembershipStatus.choices,
        default=MembershipStatus.PENDING,
        db_index=True,
    )
    requested_at = models.DateTimeField(_("requested"), auto_now_add=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        related_name="+",
        on_delete=models.SET_NULL,
    )
    decision_reason = models.TextField(_("reason"), blank=True)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        ordering = ["organization", "status", "requested_at"]

    def __str__(self) -> str:
        return f"{self.user} — {self.organization}"

    @property
    def is_verified(self) -> bool:
        return self.status == MembershipStatus.VERIFIED
