from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ImplementationArea(models.Model):
    """An area of national BWC implementation (SPEC §3), against which provisions are tagged."""

    slug = models.SlugField(_("identifier"), unique=True)
    label = models.CharField(_("label"), max_length=200)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    keywords = models.JSONField(
        _("keywords for suggestions"),
        default=dict,
        blank=True,
        help_text=_('Per language: {"en": ["export", "dual-use"], "fr": [...]}'),
    )

    class Meta:
        verbose_name = _("implementation area")
        verbose_name_plural = _("implementation areas")
        ordering = ["position"]

    def __str__(self) -> str:
        return self.label


class TagStatus(models.TextChoices):
    SUGGESTED = "suggested", _("Suggested from the text")
    CONFIRMED = "confirmed", _("Confirmed")
    REJECTED = "rejected", _("Rejected")


class ProvisionTag(models.Model):
    """A document, or one provision of it, recorded as a measure in an implementation area."""

    document = models.ForeignKey(
        "documents.Document",
        verbose_name=_("document"),
        related_name="implementation_tags",
        on_delete=models.CASCADE,
    )
    area = models.ForeignKey(
        ImplementationArea, verbose_name=_("area"), related_name="tags", on_delete=models.PROTECT
    )
    anchor = models.CharField(
        _("provision"), max_length=80, blank=True, help_text=_("Empty for the whole document.")
    )
    provision_title = models.CharField(_("provision title"), max_length=300, blank=True)
    excerpt = models.TextField(_("matched text"), blank=True)
    score = models.PositiveSmallIntegerField(_("score"), default=0)
    status = models.CharField(
        _("status"), max_length=10, choices=TagStatus.choices, default=TagStatus.SUGGESTED
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        related_name="+",
        on_delete=models.SET_NULL,
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)

    class Meta:
        verbose_name = _("provision tag")
        verbose_name_plural = _("provision tags")
        ordering = ["area__position", "document_id", "anchor"]
        constraints = [
            models.UniqueConstraint(fields=["document", "area", "anchor"], name="tag_unique")
        ]

    def __str__(self) -> str:
        return f"{self.area} — {self.provision_title or self.document_id}"
