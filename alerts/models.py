import secrets
import uuid
from urllib.parse import parse_qsl

from django.conf import settings
from django.db import models
from django.http import QueryDict
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def new_feed_token() -> str:
    return secrets.token_urlsafe(32)


class Frequency(models.TextChoices):
    IMMEDIATE = "immediate", _("As soon as a document is published")
    DAILY = "daily", _("Daily digest")
    WEEKLY = "weekly", _("Weekly digest")
    NONE = "none", _("No e-mail (feed only)")


class SavedSearch(models.Model):
    """A member's search (words and filters), re-run to alert them of newly published documents.

    `last_alerted_at` is the high-water mark: documents first published after it are new. It
    moves only once the message about them is recorded, so a failed run is simply retried.
    """

    uid = models.UUIDField(_("identifier"), default=uuid.uuid4, unique=True, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("owner"),
        related_name="saved_searches",
        on_delete=models.CASCADE,
    )
    name = models.CharField(_("name"), max_length=200)
    query_string = models.CharField(
        _("search"),
        max_length=2000,
        help_text=_("The words and filters, normalised, as in the search page's address."),
    )
    frequency = models.CharField(
        _("alerts"), max_length=10, choices=Frequency.choices, default=Frequency.DAILY
    )
    feed_token = models.CharField(
        _("feed key"), max_length=64, default=new_feed_token, editable=False
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    last_alerted_at = models.DateTimeField(_("alerted up to"), default=timezone.now)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("saved search")
        verbose_name_plural = _("saved searches")
        ordering = ["name", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "query_string"], name="alerts_one_saved_search_per_query"
            )
        ]
        indexes = [models.Index(fields=["frequency", "is_active"])]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("alerts:detail", args=[self.uid])

    @property
    def params(self) -> QueryDict:
        """The search's words and filters, as the search page reads them from its address."""
        return QueryDict(self.query_string)

    @property
    def text(self) -> str:
        return self.params.get("q", "")

    @property
    def filters(self) -> list[tuple[str, str]]:
        return [(key, value) for key, value in parse_qsl(self.query_string) if key != "q"]

    def search_url(self) -> str:
        return f"{reverse('search:search')}?{self.query_string}"

    def feed_url(self) -> str:
        return f"{reverse('alerts_feeds:saved', args=[self.uid])}?token={self.feed_token}"
