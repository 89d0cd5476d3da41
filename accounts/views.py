from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST
from django.views.i18n import set_language as django_set_language

from accounts.forms import ProfileForm
from accounts.models import Profile
from accounts.services import profile_create, profile_update, user_set_language
from organizations.models import Membership
from organizations.permissions import verified_membership


@login_required
def profile(request):
    profile = profile_create(user=request.user)
    return render(
        request,
        "accounts/profile.html",
        {
            "profile": profile,
            "membership": Membership.objects.filter(user=request.user)
            .select_related("organization")
            .first(),
            "verified_membership": verified_membership(request.user),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def profile_edit(request):
    profile_create(user=request.user)
    if request.method == "POST":
        form = ProfileForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                profile_update(
                    user=request.user,
                    full_name=data["full_name"],
                    preferred_language=data["preferred_language"],
                    job_title=data["job_title"],
                    expertise=data["expertise"],
                    languages=data["languages"],
                    bio=data["bio"],
                    visibility={
                        field: data[f"{field}_visibility"] for field in Profile.VISIBLE_FIELDS
                    },
                    request=request,
                )
            except ValidationError as error:
                for field, errors in error.message_dict.items():
                    form.add_error(field if field in form.fields else None, errors)
            else:
                messages.success(request, _("Your profile was saved."))
                return redirect("accounts:profile")
    else:
        form = ProfileForm(initial=ProfileForm.initial_for(request.user))
    return render(request, "accounts/profile_edit.html", {"form": form})


@require_POST
def set_language(request):
    """Django's set_language, which also remembers the choice for a signed-in person.

    The page to return to is resolved in its own language, so /fr/about/ becomes /ar/about/
    whatever language the request itself came in.
    """
    page_language = translation.get_language_from_path(request.POST.get("next", ""))
    with translation.override(page_language or translation.get_language()):
        response = django_set_language(request)
    if request.user.is_authenticated:
        user_set_language(user=request.user, language=request.POST.get("language", ""))
    return response


def lockout(request, credentials=None, *args, **kwargs):
    """Shown by django-axes when too many sign-ins failed for this account from this address."""
    return render(request, "accounts/lockout.html", status=429)
