"""Pages where contributors draft, submit, revise and withdraw their organization's documents."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from core.feedback import report_errors
from documents import permissions, selectors, services
from documents.forms import FileUploadForm, ReasonForm, RecordForm, RelationForm, SubmitForm
from documents.models import Document, DocumentRevision
from documents.services import reconfirmation
from organizations.permissions import verified_membership


def _add_errors(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, errors in error.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error.messages)


def _own_organization(request):
    membership = verified_membership(request.user)
    if membership is None or not permissions.can_contribute(request.user, membership.organization):
        raise PermissionDenied
    return membership.organization


@login_required
def my_documents(request):
    organization = _own_organization(request)
    documents = selectors.documents_of_organization_for(request.user, organization)
    return render(
        request, "documents/mine.html", {"organization": organization, "documents": documents}
    )


@login_required
@require_http_methods(["GET", "POST"])
def document_new(request):
    organization = _own_organization(request)
    form = RecordForm(request.POST or None, initial={"jurisdiction": organization})
    if request.method == "POST" and form.is_valid():
        try:
            document = services.document_create(
                actor=request.user,
                organization=organization,
                metadata=form.metadata(),
                topics=form.cleaned_data["topics"],
                bwc_articles=form.cleaned_data["bwc_articles"],
                request=request,
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("The draft is saved. Now add the document's files."))
            return redirect("documents:manage", uid=document.uid)
    return render(
        request, "documents/record_form.html", {"form": form, "organization": organization}
    )


def _managed(request, uid) -> Document:
    document = get_object_or_404(Document.objects.select_related("organization"), uid=uid)
    if not permissions.can_manage_document(request.user, document):
        raise Http404
    return document


def _working_revision(document: Document) -> DocumentRevision:
    return document.revisions.order_by("-number").first()


@login_required
def document_manage(request, uid):
    """The contributor's view of a document: state, history, files, and what to do next."""
    document = _managed(request, uid)
    revision = selectors.revision_with_files(_working_revision(document).pk)
    context = {
        "document": document,
        "revision": revision,
        "events": document.events.select_related("actor", "revision"),
        "upload_form": FileUploadForm(),
        "submit_form": SubmitForm(),
        "relation_form": RelationForm(),
        "withdraw_form": ReasonForm(),
        "can_edit": permissions.can_edit(request.user, revision),
        "can_withdraw": permissions.can_withdraw(request.user, document),
    }
    return render(request, "documents/manage.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def record_edit(request, uid):
    document = _managed(request, uid)
    revision = _working_revision(document)
    if not permissions.can_edit(request.user, revision):
        raise PermissionDenied
    initial = {
        field: getattr(revision, field)
        for field in RecordForm.base_fields
        if hasattr(revision, field)
    }
    initial |= {
        "topics": list(revision.topics.values_list("pk", flat=True)),
        "bwc_articles": revision.bwc_articles.all(),
        "keywords": ", ".join(revision.keywords),
        **RecordForm.initial_translations(revision.translations),
    }
    form = RecordForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.revision_update(
                actor=request.user,
                revision=revision,
                metadata=form.metadata(),
                topics=form.cleaned_data["topics"],
                bwc_articles=form.cleaned_data["bwc_articles"],
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("The record is saved."))
            return redirect("documents:manage", uid=document.uid)
    return render(
        request,
        "documents/record_form.html",
        {"form": form, "document": document, "organization": document.organization},
    )


@login_required
@require_POST
def file_upload(request, uid):
    document = _managed(request, uid)
    form = FileUploadForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.file_add(
                actor=request.user,
                revision=_working_revision(document),
                upload=form.cleaned_data["file"],
            )
        except ValidationError as error:
            report_errors(request, error)
        else:
            messages.success(request, _("The file was received; its text is being extracted."))
    else:
        for error in form.errors.get("file", []):
            messages.error(request, error)
    return redirect("documents:manage", uid=document.uid)


@login_required
@require_POST
def submit(request, uid):
    document = _managed(request, uid)
    form = SubmitForm(request.POST)
    try:
        services.revision_submit(
            actor=request.user,
            revision=_working_revision(document),
            declared_unclassified=form.is_valid() and form.cleaned_data["declared_unclassified"],
            request=request,
        )
    except ValidationError as error:
        report_errors(request, error)
    else:
        messages.success(
            request, _("Submitted. The document is being screened, then a reviewer will decide.")
        )
    return redirect("documents:manage", uid=document.uid)


@login_required
@require_POST
def new_version(request, uid):
    document = _managed(request, uid)
    try:
        services.document_new_revision(actor=request.user, document=document, request=request)
    except ValidationError as error:
        report_errors(request, error)
    else:
        messages.success(
            request,
            _("A new version is started. The published one stays online until it replaces it."),
        )
    return redirect("documents:manage", uid=document.uid)


@login_required
@require_POST
def withdraw(request, uid):
    document = _managed(request, uid)
    form = ReasonForm(request.POST)
    try:
        services.document_withdraw(
            actor=request.user,
            document=document,
            reason=form.data.get("reason", ""),
            request=request,
        )
    except ValidationError as error:
        report_errors(request, error)
    else:
        messages.success(request, _("The document is withdrawn. Its page now says so."))
    return redirect("documents:manage", uid=document.uid)


@login_required
@require_POST
def relation_new(request, uid):
    document = _managed(request, uid)
    form = RelationForm(request.POST)
    target = None
    if form.is_valid():
        target = selectors.document_for_reader(request.user, form.cleaned_data["target"])
    if target is None:
        messages.error(request, _("No document you can read has this identifier."))
    else:
        try:
            services.relation_add(
                actor=request.user, source=document, target=target, kind=form.cleaned_data["kind"]
            )
        except ValidationError as error:
            report_errors(request, error)
        else:
            messages.success(request, _("The relation is recorded."))
    return redirect("documents:manage", uid=document.uid)


@login_required
@require_POST
def reconfirm(request, uid):
    document = _managed(request, uid)
    reconfirmation.document_reconfirm(actor=request.user, document=document, request=request)
    messages.success(request, _("Thank you: the record is confirmed as still accurate."))
    return redirect("documents:manage", uid=document.uid)
