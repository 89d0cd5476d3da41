from django.db import models
from django.utils.translation import gettext_lazy as _

from documents.models.choices import RelationKind


class DocumentRelation(models.Model):
    """A typed link between two documents, stored once and shown from both sides."""

    source = models.ForeignKey(
        "documents.Document",
        verbose_name=_("document"),
        related_name="relations_out",
        on_delete=models.CASCADE,
    )
    target = models.ForeignKey(
        "documents.Document",
        verbose_name=_("related document"),
        related_name="relations_in",
        on_delete=models.CASCADE,
    )
    kind = models.CharField(_("relation"), max_length=20, choices=RelationKind.choices)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("relation")
        verbose_name_plural = _("relations")
        constraints = [
            models.UniqueConstraint(fields=["source", "target", "kind"], name="relation_unique"),
            models.CheckConstraint(
                condition=~models.Q(source=models.F("target")), name="relation_not_to_itself"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.source_id} {self.kind} {self.target_id}"
