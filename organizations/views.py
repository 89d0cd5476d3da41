from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from core.text import sort_key
from organizations import permissions, selectors, services
from organizations.forms import DirectoryFilterForm, RejectForm, RoleForm
from organizations.models import Membership
from organizations.profile import profile_sections


def _organization_or_404(code: str):
    organization = selectors.organization_by_code(code)
    if organization is None:
        raise Http404
    return organization


@require_GET
def directory(request):
    form = DirectoryFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    organizations = sorted(
        selectors.organizations_directory(
            kind=filters.get("kind", ""),
            group=filters.get("group", ""),
            status=filters.get("status", ""),
        ),
        key=lambda organization: (organization.kind, sort_key(organization.name)),
    )
    template = (
        "organizations/partials/directory_table.html" if request.htmx else "organizations/list.html"
    )
    return render(request, template, {"form": form, "organizations": organizations})


@require_GET
def detail(request, code: str):
    organization = _organization_or_404(code)
    return render(
        request,
        "organizations/detail.html",
        {
            "organization": organization,
            "can_verify": permissions.can_verify_members_of(request.user, organization),
            "sections": profile_sections(request, organization),
        },
    )


@login_required
@require_GET
def members(request, code: str):
    organization = _organization_or_404(code)
    memberships = selectors.memberships_of(user=request.user, organization=organization)
    return render(
        request,
        "organizations/members.html",
        {
            "organization": organization,
            "memberships": memberships,
            "reject_form": RejectForm(),
            "role_form": RoleForm(),
        },
    )


def _membership(request, code: str, membership_id: int) -> Membership:
    organization = _organization_or_404(code)
    permissions.require(permissions.can_verify_members_of(request.user, organization))
    return get_object_or_404(
        Membership.objects.select_related("user"), pk=membership_id, organization=organization
    )


@login_required
@require_POST
def verify(request, code: str, membership_id: int):
    membership = _membership(request, code, membership_id)
    try:
        services.membership_verify(actor=request.user, membership=membership, request=request)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request, _("%(person)s is now a verified member.") % {"person": membership.user}
        )
    return redirect("organizations:members", code=code)


@login_required
@require_POST
def reject(request, code: str, membership_id: int):
    membership = _membership(request, code, membership_id)
    form = RejectForm(request.POST)
    if form.is_valid():
        try:
            services.membership_reject(
                actor=request.user,
                membership=membership,
                reason=form.cleaned_data["reason"],
                request=request,
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request, _("The request of %(person)s was declined.") % {"person": membership.user}
            )
            return redirect("organizations:members", code=code)
    else:
        messages.error(request, _("Give the reason the person will see."))
    return redirect("organizations:members", code=code)


@login_required
@require_POST
def set_role(request, code: str, membership_id: int):
    membership = _membership(request, code, membership_id)
    form = RoleForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a valid role."))
        return redirect("organizations:members", code=code)
    try:
        services.membership_set_role(
            actor=request.user,
            membership=membership,
            role=form.cleaned_data["role"],
            request=request,
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request, _("The role of %(person)s was changed.") % {"person": membership.user}
        )
    return redirect("organizations:members", code=code)
