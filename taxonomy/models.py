from django.db import models
from django.utils.translation import gettext_lazy as _


class Topic(models.Model):
    """A term of the controlled, hierarchical topic vocabulary (SPEC §3), labelled in six languages.

    The ISU extends it in the admin; documents, expert profiles and forum tags refer to it.
    """

    slug = models.SlugField(_("identifier"), max_length=80, unique=True)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("broader topic"),
        null=True,
        blank=True,
        related_name="children",
        on_delete=models.PROTECT,
    )
    label = models.CharField(_("label"), max_length=200)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    is_active = models.BooleanField(_("in use"), default=True)

    class Meta:
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        ordering = ["parent__position", "position", "slug"]

    def __str__(self) -> str:
        return self.label
