from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from documents.models.choices import RevisionStatus


class WorkflowEvent(models.Model):
    """One transition of a document version: who, when, from which state to which, and why."""

    document = models.ForeignKey(
        "documents.Document",
        verbose_name=_("document"),
        related_name="events",
        on_delete=models.CASCADE,
    )
    revision = models.ForeignKey(
        "documents.DocumentRevision",
        verbose_name=_("document version"),
        null=True,
        blank=True,
        related_name="events",
        on_delete=models.CASCADE,
    )
    action = models.CharField(_("action"), max_length=40)
    from_status = models.CharField(
        _("from"), max_length=20, choices=RevisionStatus.choices, blank=True
    )
    to_status = models.CharField(_("to"), max_length=20, choices=RevisionStatus.choices, blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        blank=True,
        related_name="+",
        on_delete=models.SET_NULL,
    )
    reason = models.TextField(_("reason"), blank=True)
    created_at = models.DateTimeField(_("time"), auto_now_add=True)

    class Meta:
        verbose_name = _("workflow event")
        verbose_name_plural = _("workflow events")
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.action} {self.from_status}→{self.to_status}"
