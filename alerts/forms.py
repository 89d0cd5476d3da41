from django import forms
from django.utils.translation import gettext_lazy as _

from alerts.models import Frequency, SavedSearch

NAME_MAX_LENGTH = SavedSearch._meta.get_field("name").max_length


class SaveSearchForm(forms.Form):
    """Name a search and choose its alerts; the words and filters come from the search itself."""

    name = forms.CharField(
        label=_("Name"),
        required=False,
        max_length=NAME_MAX_LENGTH,
        help_text=_("Optional: the words searched are used when you leave it empty."),
    )
    frequency = forms.ChoiceField(
        label=_("E-mail me new documents"),
        choices=Frequency.choices,
        initial=Frequency.DAILY,
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "alert-%s")
        super().__init__(*args, **kwargs)


class SavedSearchForm(SaveSearchForm):
    """Rename a saved search, change its alerts or pause it."""

    is_active = forms.BooleanField(
        label=_("Active"),
        required=False,
        help_text=_("Untick to pause the e-mails and the feed without deleting the search."),
    )

    @classmethod
    def initial_for(cls, saved: SavedSearch) -> dict:
        return {"name": saved.name, "frequency": saved.frequency, "is_active": saved.is_active}
