"""The review queue: organization managers (first level) and ISU moderators."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.feedback import report_errors
from documents import permissions, selectors, services
from documents.forms import PublishForm, ReasonForm
from documents.models import DocumentRevision


@login_required
def queue(request):
    revisions = selectors.review_queue(request.user)
    if not revisions.exists() and not permissions.can_review_anything(request.user):
        raise PermissionDenied
    return render(request, "documents/review_queue.html", {"revisions": revisions})


def _revision(request, revision_id: int) -> DocumentRevision:
    revision = get_object_or_404(selectors.review_queue(request.user), pk=revision_id)
    return selectors.revision_with_files(revision.pk)


@login_required
def review(request, revision_id: int):
    revision = _revision(request, revision_id)
    context = {
        "revision": revision,
        "document": revision.document,
        "events": revision.document.events.select_related("actor"),
        "reason_form": ReasonForm(),
        "publish_form": PublishForm(),
        "can_publish": permissions.can_publish(request.user, revision),
        "held": any(file.screening_status == "held" for file in revision.files.all()),
    }
    return render(request, "documents/review.html", context)


def _act(request, revision_id: int, action):
    revision = _revision(request, revision_id)
    try:
        action(revision)
    except ValidationError as error:
        report_errors(request, error)
        return redirect("moderation:review", revision_id=revision.pk)
    return redirect("moderation:queue")


@login_required
@require_POST
def approve(request, revision_id: int):
    def action(revision):
        services.revision_approve_first_level(
            actor=request.user, revision=revision, request=request
        )
        messages.success(
            request, _("Approved for your organization; the ISU will decide on publication.")
        )

    return _act(request, revision_id, action)


@login_required
@require_POST
def publish(request, revision_id: int):
    form = PublishForm(request.POST)
    form.is_valid()

    def action(revision):
        services.revision_publish(
            actor=request.user,
            revision=revision,
            findings_reviewed=form.cleaned_data.get("findings_reviewed", False),
            request=request,
        )
        messages.success(request, _("Published."))

    return _act(request, revision_id, action)


@login_required
@require_POST
def request_changes(request, revision_id: int):
    def action(revision):
        services.revision_request_changes(
            actor=request.user,
            revision=revision,
            reason=request.POST.get("reason", ""),
            request=request,
        )
        messages.success(request, _("The contributor is asked for changes."))

    return _act(request, revision_id, action)


@login_required
@require_POST
def reject(request, revision_id: int):
    def action(revision):
        services.revision_reject(
            actor=request.user,
            revision=revision,
            reason=request.POST.get("reason", ""),
            request=request,
        )
        messages.success(request, _("Rejected; the contributor sees your reason."))

    return _act(request, revision_id, action)
