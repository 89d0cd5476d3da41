from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from core.text import sort_key
from documents.models import Document
from documents.permissions import can_manage_document
from implementation import selectors, services
from implementation.models import ProvisionTag
from organizations.models import OrganizationKind
from organizations.selectors import organization_by_code, organizations_all


def _states():
    states = organizations_all().filter(kind=OrganizationKind.STATE)
    return sorted(states, key=lambda state: sort_key(state.name))


@require_GET
def index(request):
    return render(request, "implementation/index.html", {"states": _states()})


def _organization(code: str):
    organization = organization_by_code(code or "")
    if organization is None:
        raise Http404
    return organization


@require_GET
def matrix(request, code: str):
    organization = _organization(code)
    rows = selectors.country_matrix(user=request.user, organization=organization)
    return render(
        request, "implementation/matrix.html", {"organization": organization, "rows": rows}
    )


@require_GET
def compare(request):
    first, second = _organization(request.GET.get("a")), _organization(request.GET.get("b"))
    left = selectors.country_matrix(user=request.user, organization=first)
    right = selectors.country_matrix(user=request.user, organization=second)
    return render(
        request,
        "implementation/compare.html",
        {
            "first": first,
            "second": second,
            "rows": list(zip(left, right, strict=True)),
            "states": _states(),
        },
    )


@login_required
@require_GET
def document_tags(request, uid):
    document = get_object_or_404(Document, uid=uid)
    if not can_manage_document(request.user, document):
        raise Http404
    return render(
        request,
        "implementation/document_tags.html",
        {"document": document, "tags": selectors.document_tags(document=document)},
    )


@login_required
@require_POST
def decide(request, tag_id: int):
    tag = get_object_or_404(ProvisionTag.objects.select_related("document", "area"), pk=tag_id)
    if not can_manage_document(request.user, tag.document):
        raise Http404
    try:
        services.tag_decide(
            actor=request.user, tag=tag, status=request.POST.get("status", ""), request=request
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Your decision is recorded."))
    return redirect("implementation:document_tags", uid=tag.document.uid)
