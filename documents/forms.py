from functools import cache

from django import forms
from django.utils.choices import CallableChoiceIterator
from django.utils.translation import gettext_lazy as _

from core.text import sort_key
from documents.languages import language_choices
from documents.models import AccessLevel, BWCArticle, DocumentType, LegalStatus, RelationKind
from organizations.models import Organization, RegionalGroup
from taxonomy.selectors import topic_choices


class DateInput(forms.DateInput):
    input_type = "date"


class RecordForm(forms.Form):
    """The record of SPEC §3, in the document's original language."""

    title = forms.CharField(
        label=_("Title"), max_length=1000, widget=forms.Textarea(attrs={"rows": 2})
    )
    language = forms.ChoiceField(label=_("Original language"))
    doc_type = forms.ChoiceField(
        label=_("Document type"), choices=[("", "—"), *DocumentType.choices]
    )
    jurisdiction = forms.ModelChoiceField(
        label=_("Jurisdiction"),
        queryset=Organization.objects.order_by("kind", "name"),
        help_text=_("The State or international organization whose instrument this is."),
    )
    summary = forms.CharField(
        label=_("Summary"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("A few sentences on what the document covers, in its original language."),
    )
    issuing_authority = forms.CharField(
        label=_("Issuing authority"), max_length=300, required=False
    )
    official_number = forms.CharField(
        label=_("Official number or identifier"),
        max_length=200,
        required=False,
        help_text=_('For example "Directive 2000/54/EC", "SOR/2015-44" or a DOI.'),
    )
    work_identifier = forms.CharField(
        label=_("Work identifier"),
        max_length=300,
        required=False,
        help_text=_(
            "Akoma Ntoso / ELI style: /country/type/date/number, for example /can/act/2009-06-23/24."
        ),
    )
    date_adopted = forms.DateField(label=_("Adopted or signed"), required=False, widget=DateInput)
    date_in_force = forms.DateField(label=_("Entry into force"), required=False, widget=DateInput)
    date_published = forms.DateField(label=_("Published"), required=False, widget=DateInput)
    date_amended = forms.DateField(label=_("Last amended"), required=False, widget=DateInput)
    legal_status = forms.ChoiceField(label=_("Legal status"), choices=LegalStatus.choices)
    topics = forms.TypedMultipleChoiceField(
        label=_("Topics"), coerce=int, required=False, widget=forms.CheckboxSelectMultiple
    )
    bwc_articles = forms.ModelMultipleChoiceField(
        label=_("BWC articles concerned"),
        queryset=BWCArticle.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    keywords = forms.CharField(
        label=_("Keywords"),
        required=False,
        help_text=_("Separate them with commas."),
        max_length=1000,
    )
    source_url = forms.URLField(
        label=_("Address of the official text"),
        required=False,
        max_length=1000,
        assume_scheme="https",
    )
    licence = forms.CharField(label=_("Licence or terms of use"), max_length=500, required=False)
    access_level = forms.ChoiceField(
        label=_("Who may read it"),
        choices=AccessLevel.choices,
        widget=forms.RadioSelect,
        initial=AccessLevel.PUBLIC,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = [("", _("Detect it from the text")), *language_choices()]
        self.fields["language"].required = False
        self.fields["topics"].choices = topic_choices()
        # Title and summary in each UN language, shown instead of the original where given.
        for code, name in language_choices():
            self.fields[f"title_{code}"] = forms.CharField(
                label=_("Title in %(language)s") % {"language": name},
                required=False,
                max_length=1000,
            )
            self.fields[f"summary_{code}"] = forms.CharField(
                label=_("Summary in %(language)s") % {"language": name},
                required=False,
                widget=forms.Textarea(attrs={"rows": 3}),
            )

    def record_fields(self):
        return [field for field in self if not field.name.startswith(("title_", "summary_"))]

    def translation_fields(self):
        return [field for field in self if field.name.startswith(("title_", "summary_"))]

    @classmethod
    def initial_translations(cls, translations: dict) -> dict:
        initial = {}
        for code, values in translations.items():
            initial[f"title_{code}"] = values.get("title", "")
            initial[f"summary_{code}"] = values.get("summary", "")
        return initial

    def clean_keywords(self) -> list[str]:
        return [word.strip() for word in self.cleaned_data["keywords"].split(",") if word.strip()]

    def metadata(self) -> dict:
        data = dict(self.cleaned_data)
        translations = {}
        for code, _name in language_choices():
            title, summary = (
                data.pop(f"title_{code}", "").strip(),
                data.pop(f"summary_{code}", "").strip(),
            )
            if code != data.get("language") and (title or summary):
                translations[code] = {
                    key: value for key, value in (("title", title), ("summary", summary)) if value
                }
        data["translations"] = translations
        for key in ("topics", "bwc_articles"):
            data.pop(key, None)
        return data


class FileUploadForm(forms.Form):
    file = forms.FileField(
        label=_("File"),
        help_text=_("PDF, DOCX, ODT, HTML or plain text, at most 50 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.docx,.odt,.html,.htm,.txt"}),
    )


class SubmitForm(forms.Form):
    declared_unclassified = forms.BooleanField(
        label=_(
            "I declare that this document is unclassified and contains no sensitive information."
        ),
        required=True,
        error_messages={
            "required": _("Declare that the document is unclassified and non-sensitive.")
        },
    )


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        help_text=_("The contributor will see this reason."),
    )


class PublishForm(forms.Form):
    findings_reviewed = forms.BooleanField(
        label=_("I have reviewed the screening findings and the document may be published."),
        required=False,
    )


class RelationForm(forms.Form):
    kind = forms.ChoiceField(label=_("Relation"), choices=RelationKind.choices)
    target = forms.UUIDField(label=_("Identifier of the related document"))


def _places() -> list[tuple[str, str]]:
    organizations = Organization.objects.order_by().values_list("code", "name")
    return sorted(organizations, key=lambda pair: sort_key(pair[1]))


class LibraryFilterForm(forms.Form):
    doc_type = forms.ChoiceField(
        label=_("Type"), required=False, choices=[("", _("All")), *DocumentType.choices]
    )
    jurisdiction = forms.CharField(
        label=_("Jurisdiction"), required=False, max_length=20, widget=forms.Select
    )
    region = forms.ChoiceField(
        label=_("Region"), required=False, choices=[("", _("All")), *RegionalGroup.choices]
    )
    organization = forms.CharField(
        label=_("Contributing organization"), required=False, max_length=20, widget=forms.Select
    )
    language = forms.ChoiceField(label=_("Language"), required=False)
    topic = forms.SlugField(label=_("Topic"), required=False, widget=forms.Select)
    bwc_article = forms.IntegerField(
        label=_("BWC article"), required=False, min_value=1, max_value=15, widget=forms.Select
    )
    legal_status = forms.ChoiceField(
        label=_("Legal status"), required=False, choices=[("", _("All")), *LegalStatus.choices]
    )
    year_from = forms.IntegerField(
        label=_("From year"), required=False, min_value=1800, max_value=2100
    )
    year_to = forms.IntegerField(label=_("To year"), required=False, min_value=1800, max_value=2100)
    # Search only: the languages of the member's profile ("Languages spoken") and interface.
    my_languages = forms.BooleanField(label=_("Only in languages I read"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = [("", _("All")), *language_choices()]
        # Offered as lists, read when the form is shown, once: a search validates its filters
        # with this form and needs none of them (two queries, 2 ms, twice a search). Every
        # State and organization is offered: public reference data, one small query, where
        # those holding visible documents took a scan of the library.
        places = cache(_places)
        for name, options in (
            ("topic", cache(lambda: topic_choices("slug"))),
            ("bwc_article", cache(lambda: [(a.number, str(a)) for a in BWCArticle.objects.all()])),
            ("jurisdiction", places),
            ("organization", places),
        ):
            field = self.fields[name]
            field.widget.attrs.pop("maxlength", None)  # a CharField's, not a list's
            field.widget.choices = CallableChoiceIterator(
                lambda options=options: [("", _("All")), *options()]
            )

    def filters(self) -> dict:
        """The valid filters; an invalid value is dropped rather than failing the page."""
        if not self.is_bound:
            return {}
        self.is_valid()
        return {
            key: value
            for key, value in self.cleaned_data.items()
            if value not in (None, "", False)  # an unticked box filters nothing
        }
