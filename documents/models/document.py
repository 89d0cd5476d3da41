import uuid

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from documents.languages import content_language, validate_language_code
from documents.models.choices import AccessLevel, DocumentType, LegalStatus, RevisionStatus


class BWCArticle(models.Model):
    """An article of the Biological Weapons Convention (I to XV) that a document concerns."""

    number = models.PositiveSmallIntegerField(_("number"), unique=True)
    title = models.CharField(_("subject"), max_length=200)

    class Meta:
        verbose_name = _("BWC article")
        verbose_name_plural = _("BWC articles")
        ordering = ["number"]

    def __str__(self) -> str:
        return f"{self.roman} — {self.title}"

    @property
    def roman(self) -> str:
        numerals = [
            "I",
            "II",
            "III",
            "IV",
            "V",
            "VI",
            "VII",
            "VIII",
            "IX",
            "X",
            "XI",
            "XII",
            "XIII",
            "XIV",
            "XV",
        ]
        return numerals[self.number - 1] if 1 <= self.number <= 15 else str(self.number)


# The fields of the published revision that the document repeats for the library's filters.
LISTING_FIELDS = ("doc_type", "jurisdiction_id", "language", "legal_status", "date_adopted")
_COVERED = ["published_revision", "doc_type", "jurisdiction", "language", "legal_status"]
_VISIBLE = models.Q(withdrawn_at__isnull=True, published_revision__isnull=False)


class Document(models.Model):
    """A work in the library: its stable identity, ownership and publication state.

    What it says lives in its revisions; `published_revision` is what readers see. A withdrawn
    document keeps its revisions and shows a tombstone; nothing is deleted silently.
    """

    uid = models.UUIDField(_("identifier"), default=uuid.uuid4, unique=True, editable=False)
    external_id = models.CharField(
        _("external identifier"),
        max_length=200,
        unique=True,
        null=True,
        blank=True,
        help_text=_("The identifier given by the system the record was imported from."),
    )
    organization = models.ForeignKey(
        "organizations.Organization",
        verbose_name=_("contributing organization"),
        related_name="contributed_documents",
        on_delete=models.PROTECT,
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("contributed by"),
        null=True,
        blank=True,
        related_name="+",
        on_delete=models.SET_NULL,
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    published_revision = models.OneToOneField(
        "documents.DocumentRevision",
        verbose_name=_("published version"),
        null=True,
        blank=True,
        related_name="+",
        on_delete=models.PROTECT,
    )
    published_at = models.DateTimeField(_("first published"), null=True, blank=True)
    # Denormalised from the published revision for the visibility filter of every channel.
    access_level = models.CharField(
        _("access"),
        max_length=10,
        choices=AccessLevel.choices,
        default=AccessLevel.PUBLIC,
        # No index of its own: SQLite chose it over the listing indexes below, and then read
        # every public row of the table to count them.
    )
    # Denormalised from the published revision for the filters and sorts of the library list:
    # on one table, a filter and its count read one index instead of joining 100 000 revisions.
    # Set only by the workflow's publication (documents.services.workflow), like access_level.
    doc_type = models.CharField(
        _("document type"), max_length=30, choices=DocumentType.choices, blank=True
    )
    jurisdiction = models.ForeignKey(
        "organizations.Organization",
        verbose_name=_("jurisdiction"),
        null=True,
        blank=True,
        related_name="+",
        on_delete=models.PROTECT,
        db_index=False,  # document_by_jurisdiction starts with it
    )
    language = models.CharField(_("original language"), max_length=8, blank=True)
    legal_status = models.CharField(
        _("legal status"), max_length=20, choices=LegalStatus.choices, blank=True
    )
    date_adopted = models.DateField(_("adopted or signed"), null=True, blank=True)
    withdrawn_at = models.DateTimeField(_("withdrawn"), null=True, blank=True)
    withdrawal_reason = models.TextField(_("reason for withdrawal"), blank=True)
    confirmed_at = models.DateTimeField(_("last confirmed"), null=True, blank=True)
    reconfirmation_requested_at = models.DateTimeField(
        _("reconfirmation requested"), null=True, blank=True
    )
    import_checksum = models.CharField(
        _("checksum of the imported record"), max_length=64, blank=True
    )

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        # -pk, not -created_at, breaks ties: the listing indexes below end with id.
        ordering = ["-published_at", "-pk"]
        # Partial indexes of what readers see (published, not withdrawn), for visitors (public
        # first) and members, in the list's two orders, then the filters' columns: the count
        # and the pages of a list read the index alone, whatever the filters. A partial index,
        # not one leading with withdrawn_at: PostgreSQL does not take `withdrawn_at IS NULL` as
        # fixing that column, and sorted the whole library instead of reading the index in
        # order. access_level is a column, not in the condition: SQLite cannot match a
        # condition against the bound parameter of `access_level = %s`.
        indexes = [
            models.Index(
                fields=["access_level", "published_at", "id", *_COVERED, "date_adopted"],
                condition=_VISIBLE,
                name="document_listing_public",
            ),
            models.Index(
                fields=["published_at", "id", *_COVERED, "date_adopted"],
                condition=_VISIBLE,
                name="document_listing_all",
            ),
            models.Index(
                fields=["access_level", "date_adopted", "id", *_COVERED],
                condition=_VISIBLE,
                name="document_by_date_public",
            ),
            models.Index(
                fields=["date_adopted", "id", *_COVERED],
                condition=_VISIBLE,
                name="document_by_date_all",
            ),
            models.Index(fields=["jurisdiction", "published_at"], name="document_by_jurisdiction"),
        ]

    def __str__(self) -> str:
        revision = self.published_revision or self.revisions.order_by("-number").first()
        return revision.display_title() if revision else str(self.uid)

    def get_absolute_url(self) -> str:
        return reverse("documents:detail", args=[self.uid])

    @property
    def is_published(self) -> bool:
        return self.published_revision_id is not None and self.withdrawn_at is None

    @property
    def is_withdrawn(self) -> bool:
        return self.withdrawn_at is not None

    def listing_fields_from(self, revision: "DocumentRevision") -> list[str]:
        """Copy the published revision's filter fields onto the document; their names, for save()."""
        for name in LISTING_FIELDS:
            setattr(self, name, getattr(revision, name))
        return list(LISTING_FIELDS)

    @property
    def needs_reconfirmation(self) -> bool:
        """Unconfirmed for longer than the configured period (default two years)."""
        from datetime import timedelta

        from django.conf import settings
        from django.utils import timezone

        if not self.is_published or self.confirmed_at is None:
            return False
        return self.confirmed_at < timezone.now() - timedelta(
            days=settings.SECBIO_RECONFIRM_AFTER_DAYS
        )


class DocumentRevision(models.Model):
    """One numbered version of a document's record and files, with its own workflow state."""

    document = models.ForeignKey(
        Document, verbose_name=_("document"), related_name="revisions", on_delete=models.CASCADE
    )
    number = models.PositiveIntegerField(_("revision"))
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=RevisionStatus.choices,
        default=RevisionStatus.DRAFT,
        db_index=True,
    )
    # The record (SPEC §3).
    title = models.CharField(
        _("title"), max_length=1000, help_text=_("In the document's original language.")
    )
    summary = models.TextField(
        _("summary"), blank=True, help_text=_("In the document's original language.")
    )
    translations = models.JSONField(
        _("titles and summaries in other languages"),
        default=dict,
        blank=True,
        help_text=_('{"fr": {"title": "...", "summary": "..."}}'),
    )
    doc_type = models.CharField(
        _("document type"), max_length=30, choices=DocumentType.choices, db_index=True
    )
    jurisdiction = models.ForeignKey(
        "organizations.Organization",
        verbose_name=_("jurisdiction"),
        related_name="+",
        on_delete=models.PROTECT,
        help_text=_("The State or international organization whose instrument this is."),
    )
    issuing_authority = models.CharField(_("issuing authority"), max_length=300, blank=True)
    official_number = models.CharField(
        _("official number or identifier"),
        max_length=200,
        blank=True,
        db_index=True,
        help_text=_('For example "Directive 2000/54/EC", "SOR/2015-44" or a DOI.'),
    )
    work_identifier = models.CharField(
        _("work identifier"),
        max_length=300,
        blank=True,
        help_text=_(
            "Akoma Ntoso / ELI style: /country/type/date/number, for example /can/act/2009-06-23/24."
        ),
    )
    date_adopted = models.DateField(_("adopted or signed"), null=True, blank=True)
    date_in_force = models.DateField(_("entry into force"), null=True, blank=True)
    date_published = models.DateField(_("published"), null=True, blank=True)
    date_amended = models.DateField(_("last amended"), null=True, blank=True)
    legal_status = models.CharField(
        _("legal status"), max_length=20, choices=LegalStatus.choices, default=LegalStatus.IN_FORCE
    )
    language = models.CharField(
        _("original language"),
        max_length=8,
        blank=True,
        validators=[validate_language_code],
        help_text=_("Detected from the text when left empty."),
    )
    topics = models.ManyToManyField(
        "taxonomy.Topic", verbose_name=_("topics"), blank=True, related_name="+"
    )
    bwc_articles = models.ManyToManyField(
        BWCArticle, verbose_name=_("BWC articles concerned"), blank=True
    )
    keywords = models.JSONField(_("keywords"), default=list, blank=True)
    source_url = models.URLField(_("source URL"), max_length=1000, blank=True)
    licence = models.CharField(_("licence or terms of use"), max_length=500, blank=True)
    access_level = models.CharField(
        _("access"), max_length=10, choices=AccessLevel.choices, default=AccessLevel.PUBLIC
    )
    # Workflow.
    declared_unclassified = models.BooleanField(
        _("declared unclassified and non-sensitive"), default=False
    )
    first_level_approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("approved by the organization"),
        null=True,
        blank=True,
        related_name="+",
        on_delete=models.SET_NULL,
    )
    publish_when_screened = models.BooleanField(
        _("publish when screening passes"),
        default=False,
        help_text=_(
            "Set for records an administrator imports: published at once if nothing is found."
        ),
    )
    decision_reason = models.TextField(_("reason given"), blank=True)
    change_note = models.CharField(_("what changed"), max_length=500, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        blank=True,
        related_name="+",
        on_delete=models.SET_NULL,
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)

    class Meta:
        verbose_name = _("document version")
        verbose_name_plural = _("document versions")
        ordering = ["document", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["document", "number"], name="revision_number_unique")
        ]
        indexes = [models.Index(fields=["doc_type", "jurisdiction", "date_adopted"])]

    def __str__(self) -> str:
        return f"{self.title} (v{self.number})"

    def display_title(self, language: str | None = None) -> str:
        """The title in the reader's language when given, else in the original language."""
        translated = self.translations.get(content_language(language), {})
        return translated.get("title") or self.title

    def display_summary(self, language: str | None = None) -> str:
        translated = self.translations.get(content_language(language), {})
        return translated.get("summary") or self.summary

    def shown_in_original(self, language: str | None = None) -> bool:
        code = content_language(language)
        return code != self.language and not self.translations.get(code, {}).get("title")

    @property
    def year(self) -> int | None:
        date = self.date_adopted or self.date_published
        return date.year if date else None

    @property
    def is_editable(self) -> bool:
        return self.status in {RevisionStatus.DRAFT, RevisionStatus.CHANGES_REQUESTED}
