from allauth.account.forms import SignupForm as AllauthSignupForm
from django import forms
from django.conf import settings
from django.db import transaction
from django.utils.choices import BaseChoiceIterator
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from accounts.models import Profile, User, Visibility
from accounts.services import profile_create
from core.text import sort_key
from organizations.selectors import organizations_accepting_members
from organizations.services import membership_request
from taxonomy.selectors import topic_choices


class _GroupedOrganizations(BaseChoiceIterator):
    """Lazy choices: States Parties, then international organizations, each sorted by name."""

    def __init__(self, field):
        self.field = field

    def __iter__(self):
        groups: dict[str, list] = {}
        organizations = sorted(
            self.field.queryset, key=lambda o: (not o.is_state, sort_key(o.name))
        )
        for organization in organizations:
            label = (
                _("States Parties") if organization.is_state else _("International organizations")
            )
            groups.setdefault(str(label), []).append((organization.pk, str(organization)))
        yield ("", self.field.empty_label)
        yield from groups.items()


class OrganizationChoiceField(forms.ModelChoiceField):
    def _get_choices(self):
        return _GroupedOrganizations(self)

    choices = property(_get_choices, forms.ChoiceField.choices.fset)


class SignupForm(AllauthSignupForm):
    """allauth's sign-up, plus the person's name, organization and language."""

    full_name = forms.CharField(label=_("Full name"), max_length=150)
    organization = OrganizationChoiceField(
        label=_("Organization"),
        queryset=organizations_accepting_members(),
        empty_label=_("Choose your State or organization"),
        help_text=_(
            "The State Party or international organization you work for. Its manager or the ISU "
            "will verify your affiliation before you get member rights."
        ),
    )
    preferred_language = forms.ChoiceField(
        label=_("Preferred language"), choices=settings.LANGUAGES, required=True
    )

    field_order = [
        "full_name",
        "email",
        "organization",
        "preferred_language",
        "password1",
        "password2",
    ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["preferred_language"].initial = get_language()
        self.fields["organization"].queryset = organizations_accepting_members()

    def save(self, request):
        with transaction.atomic():
            user = super().save(request)
            user.full_name = self.cleaned_data["full_name"].strip()
            user.preferred_language = self.cleaned_data["preferred_language"]
            user.save(update_fields=["full_name", "preferred_language"])
            profile_create(user=user)
            membership_request(
                user=user, organization=self.cleaned_data["organization"], request=request
            )
        return user


class VisibilityField(forms.ChoiceField):
    def __init__(self, **kwargs):
        super().__init__(choices=Visibility.choices, **kwargs)


class ProfileForm(forms.Form):
    full_name = forms.CharField(label=_("Full name"), max_length=150)
    preferred_language = forms.ChoiceField(
        label=_("Preferred language"),
        choices=settings.LANGUAGES,
        help_text=_(
            "Pages open in this language after you sign in, and e-mails are written in it."
        ),
    )
    job_title = forms.CharField(label=_("Title or position"), max_length=200, required=False)
    job_title_visibility = VisibilityField(label=_("Who can see your title"))
    expertise = forms.TypedMultipleChoiceField(
        label=_("Expertise topics"),
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    expertise_visibility = VisibilityField(label=_("Who can see your expertise"))
    languages = forms.MultipleChoiceField(
        label=_("Languages spoken"),
        choices=settings.LANGUAGES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    languages_visibility = VisibilityField(label=_("Who can see your languages"))
    bio = forms.CharField(
        label=_("Short biography"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("At most 2,000 characters."),
    )
    bio_visibility = VisibilityField(label=_("Who can see your biography"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["expertise"].choices = topic_choices()

    @classmethod
    def initial_for(cls, user: User) -> dict:
        profile: Profile = user.profile
        initial = {
            "full_name": user.full_name,
            "preferred_language": user.preferred_language,
            "job_title": profile.job_title,
            "expertise": [topic.pk for topic in profile.expertise.all()],
            "languages": profile.languages,
            "bio": profile.bio,
        }
        for field in Profile.VISIBLE_FIELDS:
            initial[f"{field}_visibility"] = profile.visibility_of(field)
        return initial
