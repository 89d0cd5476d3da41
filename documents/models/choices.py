from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class DocumentType(models.TextChoices):
    TREATY = "treaty", _("Treaty or convention")
    PROTOCOL = "protocol", _("Protocol")
    UN_RESOLUTION = "un_resolution", _("UN resolution or decision")
    NATIONAL_LAW = "national_law", _("National law")
    REGULATION = "regulation", _("Regulation or decree")
    CASE_LAW = "case_law", _("Case law")
    STANDARD = "standard", _("Standard or norm")
    GUIDANCE = "guidance", _("Guideline or guidance")
    CODE_OF_CONDUCT = "code_of_conduct", _("Code of conduct or best practice")
    PUBLICATION = "publication", _("Scientific publication")
    REPORT = "report", _("Report")
    TRAINING_MATERIAL = "training_material", _("Training material")
    MEETING_DOCUMENT = "meeting_document", _("Meeting document")


class LegalStatus(models.TextChoices):
    """schema.org LegalForceStatus, plus the states SPEC §3 adds."""

    IN_FORCE = "in_force", _("In force")
    PARTIALLY_IN_FORCE = "partially_in_force", _("Partially in force")
    NOT_IN_FORCE = "not_in_force", _("Not in force")
    AMENDED = "amended", _("Amended")
    REPEALED = "repealed", _("Repealed")
    DRAFT = "draft", pgettext_lazy("legal status", "Draft")
    SUPERSEDED = "superseded", _("Superseded")

    @classmethod
    def schema_org(cls, value: str) -> str:
        return {
            cls.IN_FORCE: "https://schema.org/InForce",
            cls.PARTIALLY_IN_FORCE: "https://schema.org/PartiallyInForce",
            cls.AMENDED: "https://schema.org/InForce",
        }.get(value, "https://schema.org/NotInForce")


class AccessLevel(models.TextChoices):
    PUBLIC = "public", _("Public")
    MEMBERS = "members", _("Members only")


class RevisionStatus(models.TextChoices):
    DRAFT = "draft", pgettext_lazy("workflow", "Draft")
    SUBMITTED = "submitted", _("Submitted, being screened")
    IN_REVIEW = "in_review", _("In review")
    CHANGES_REQUESTED = "changes_requested", _("Changes requested")
    PUBLISHED = "published", _("Published")
    REJECTED = "rejected", _("Rejected")
    SUPERSEDED = "superseded", _("Superseded by a newer version")


class RelationKind(models.TextChoices):
    """Stored once, source → target; each kind has its reading from the other side."""

    LANGUAGE_VERSION = "language_version", _("is a language version of")
    AMENDS = "amends", _("amends")
    REPEALS = "repeals", _("repeals")
    IMPLEMENTS = "implements", _("implements")
    CITES = "cites", _("cites")
    SUPERSEDES = "supersedes", _("supersedes")

    @classmethod
    def inverse_label(cls, value: str):
        return {
            cls.LANGUAGE_VERSION: _("is a language version of"),
            cls.AMENDS: _("is amended by"),
            cls.REPEALS: _("is repealed by"),
            cls.IMPLEMENTS: _("is implemented by"),
            cls.CITES: _("is cited by"),
            cls.SUPERSEDES: _("is superseded by"),
        }[value]
