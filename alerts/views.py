"""Saving a search from the search page, and managing saved searches under the account."""

from urllib.parse import parse_qsl

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from alerts import queries, selectors, services
from alerts.forms import SavedSearchForm, SaveSearchForm


def _add_errors(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for name, errors in error.message_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, error.messages)


def _owned_or_404(request, uid):
    saved = selectors.saved_search_for_owner(request.user, uid)
    if saved is None:
        raise Http404
    return saved


@login_required
@require_POST
def saved_search_save(request):
    """Save the search posted from the search page (its words and filters come as fields)."""
    form = SaveSearchForm(request.POST)
    saved = None
    if form.is_valid():
        try:
            saved = services.saved_search_create(
                user=request.user,
                params=request.POST,
                name=form.cleaned_data["name"],
                frequency=form.cleaned_data["frequency"],
            )
        except ValidationError as error:
            _add_errors(form, error)
    if saved is not None and not request.htmx:
        messages.success(request, _("Your search was saved."))
        return redirect(saved)
    context = {
        "form": form,
        "saved": saved,
        "search_pairs": parse_qsl(queries.normalise(request.POST)),
    }
    template = "alerts/partials/save_form.html" if request.htmx else "alerts/save.html"
    return render(request, template, context)


@login_required
def saved_search_list(request):
    saved_searches = selectors.saved_searches_of(request.user)
    return render(request, "alerts/list.html", {"saved_searches": saved_searches})


@login_required
@require_http_methods(["GET", "POST"])
def saved_search_detail(request, uid):
    saved = _owned_or_404(request, uid)
    if request.method == "POST":
        form = SavedSearchForm(request.POST)
        if form.is_valid():
            try:
                services.saved_search_update(
                    user=request.user,
                    saved=saved,
                    name=form.cleaned_data["name"],
                    frequency=form.cleaned_data["frequency"],
                    is_active=form.cleaned_data["is_active"],
                )
            except ValidationError as error:
                _add_errors(form, error)
            else:
                messages.success(request, _("Your changes were saved."))
                return redirect(saved)
    else:
        form = SavedSearchForm(initial=SavedSearchForm.initial_for(saved))
    return render(request, "alerts/detail.html", {"saved": saved, "form": form})


@login_required
@require_POST
def saved_search_delete(request, uid):
    saved = _owned_or_404(request, uid)
    services.saved_search_delete(user=request.user, saved=saved)
    messages.success(request, _("The saved search was deleted."))
    return redirect("alerts:list")


@login_required
@require_POST
def saved_search_rotate_token(request, uid):
    saved = _owned_or_404(request, uid)
    services.saved_search_rotate_token(user=request.user, saved=saved)
    messages.success(request, _("The feed has a new address: update it in your feed reader."))
    return redirect(saved)
