import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _


def stored_file_name(instance, filename: str) -> str:
    # Random names, outside the web root: the original name is kept in a field, never on disk.
    return f"documents/{uuid.uuid4().hex[:2]}/{uuid.uuid4().hex}"


class ScreeningStatus(models.TextChoices):
    PASSED = "passed", _("Passed")
    HELD = "held", _("Held for a moderator")
    REFUSED = "refused", _("Refused")


class ExtractionStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for text extraction")
    DONE = "done", _("Text extracted")
    FAILED = "failed", _("Text extraction failed")


class DocumentFile(models.Model):
    """One file of a document version, with what screening and extraction found in it.

    A new version shares the stored file of the one it copies: files are never rewritten.
    """

    revision = models.ForeignKey(
        "documents.DocumentRevision",
        verbose_name=_("document version"),
        related_name="files",
        on_delete=models.CASCADE,
    )
    file = models.FileField(_("file"), upload_to=stored_file_name, max_length=300)
    original_name = models.CharField(_("file name"), max_length=255)
    sha256 = models.CharField(_("SHA-256"), max_length=64, db_index=True)
    size = models.PositiveBigIntegerField(_("size in bytes"))
    mime_type = models.CharField(_("type"), max_length=100)
    language = models.CharField(_("language"), max_length=8, blank=True)
    page_count = models.PositiveIntegerField(_("pages"), null=True, blank=True)
    extracted_text = models.TextField(_("extracted text"), blank=True)
    extraction_status = models.CharField(
        _("text extraction"),
        max_length=10,
        choices=ExtractionStatus.choices,
        default=ExtractionStatus.PENDING,
    )
    extraction_error = models.TextField(_("extraction problem"), blank=True)
    screening_status = models.CharField(
        _("screening"),
        max_length=10,
        choices=ScreeningStatus.choices,
        default=ScreeningStatus.PASSED,
    )
    findings = models.JSONField(_("screening findings"), default=list, blank=True)
    uploaded_at = models.DateTimeField(_("uploaded"), auto_now_add=True)

    class Meta:
        verbose_name = _("file")
        verbose_name_plural = _("files")
        ordering = ["revision", "uploaded_at", "id"]

    def __str__(self) -> str:
        return self.original_name
