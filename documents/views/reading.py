"""Pages that show the library to readers. Everything goes through documents.selectors."""

import difflib
import io
import uuid

from django.http import FileResponse, Http404, HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from documents import citations, exports, selectors
from documents.extraction import split_sections
from documents.forms import LibraryFilterForm
from documents.languages import language_name
from documents.models import DocumentType
from documents.permissions import can_manage_document, can_withdraw
from documents.search import similar_documents
from documents.text_search import reading_parts, reading_text, search_in_text
from search.query import parse
from taxonomy.selectors import topics_active

PAGE_SIZE = 25


@require_GET
def library(request):
    counts = selectors.library_counts(request.user)
    context = {
        "latest": selectors.documents_for_listing(request.user)[:10],
        "total": counts["total"],
        "by_type": _labelled(counts["doc_type"], dict(DocumentType.choices)),
        "by_region": counts["region"],
        "by_topic": _labelled(counts["topic"], {t.slug: t.label for t in topics_active()}),
    }
    return render(request, "documents/library.html", context)


def _labelled(counts, labels):
    return [(value, labels.get(value, value), count) for value, count in counts]


@require_GET
def document_list(request):
    form = LibraryFilterForm(request.GET or None)
    filters = form.filters()
    order = request.GET.get("sort") or ""
    page = selectors.documents_page(
        request.user,
        filters=filters,
        sort=order,
        number=request.GET.get("page"),
        per_page=PAGE_SIZE,
    )
    context = {"form": form, "page": page, "filters": filters, "sort": order}
    template = "documents/partials/results.html" if request.htmx else "documents/list.html"
    return render(request, template, context)


def _document_or_404(request, uid):
    document = selectors.document_for_reader(request.user, uid)
    if document is None:
        raise Http404
    return document


@require_GET
def document_detail(request, uid):
    document = _document_or_404(request, uid)
    if document.is_withdrawn and not can_manage_document(request.user, document):
        return render(request, "documents/tombstone.html", {"document": document}, status=410)
    revision_id = (
        document.published_revision_id
        or document.revisions.order_by("-number").values_list("pk", flat=True)[0]
    )
    revision = selectors.revision_with_files(revision_id)
    url = request.build_absolute_uri(document.get_absolute_url())
    text = "\n\n".join(file.extracted_text for file in revision.files.all() if file.extracted_text)
    context = {
        "document": document,
        "revision": revision,
        "original_language_name": language_name(revision.language),
        "language_versions": selectors.language_versions(request.user, document),
        "relations": selectors.relations_of(request.user, document),
        "revisions": selectors.revisions_readable(request.user, document),
        "sections": _outline(split_sections(text)) if text else [],
        "excerpt": text[:1500],
        "json_ld": citations.json_ld(revision, url) if document.is_published else "",
        "can_manage": can_manage_document(request.user, document),
        "can_withdraw": can_withdraw(request.user, document),
        "similar": similar_documents(request.user, document) if document.is_published else [],
    }
    return render(request, "documents/detail.html", context)


def _outline(sections, limit: int = 25):
    """A short table of contents for the record page: the top levels when the full one is long."""
    for level in sorted({section.level for section in sections}):
        shown = [section for section in sections if section.level <= level]
        if len(shown) > limit:
            break
        outline = shown
    else:
        return sections
    return outline if level > min(s.level for s in sections) else sections[:limit]


@require_GET
def document_read(request, uid):
    """The extracted text with a table of contents, for reading on the page; `?q=` searches
    inside it and lists the hits by section or page, marked in the text."""
    document = _document_or_404(request, uid)
    if document.is_withdrawn and not can_manage_document(request.user, document):
        raise Http404
    revision = selectors.revision_with_files(
        document.published_revision_id or document.revisions.first().pk
    )
    reading = reading_text(revision.files.all())
    sections = split_sections(reading.text)
    query = parse(request.GET.get("q"))
    found = None
    if not query.is_empty:
        found = search_in_text(reading, sections, query, revision.language)
    context = {
        "document": document,
        "revision": revision,
        "sections": sections,
        "parts": reading_parts(reading, sections, found),
        "query": query,
        "found": found,
    }
    template = "documents/partials/read_body.html" if request.htmx else "documents/read.html"
    return render(request, template, context)


@require_GET
def file_download(request, file_id: int):
    document_file = selectors.file_for_download(request.user, file_id)
    if document_file is None:
        raise Http404
    response = FileResponse(
        document_file.file.open("rb"),
        as_attachment=True,
        filename=document_file.original_name,
        content_type=document_file.mime_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


@require_GET
def cite(request, uid, style: str):
    document = _document_or_404(request, uid)
    if not document.is_published:
        raise Http404
    revision = document.published_revision
    url = request.build_absolute_uri(document.get_absolute_url())
    formats = {
        "ris": (citations.ris, "application/x-research-info-systems", "ris"),
        "bibtex": (citations.bibtex, "application/x-bibtex", "bib"),
        "csl-json": (citations.csl_json, "application/vnd.citationstyles.csl+json", "json"),
    }
    if style not in formats:
        raise Http404
    render_citation, content_type, extension = formats[style]
    response = HttpResponse(
        render_citation(revision, url), content_type=f"{content_type}; charset=utf-8"
    )
    response["Content-Disposition"] = (
        f'attachment; filename="secbio-{document.uid.hex[:8]}.{extension}"'
    )
    return response


@require_GET
def revision_compare(request, uid):
    """Two versions side by side: what changed in the record and in the text."""
    document = _document_or_404(request, uid)
    readable = {r.number: r for r in selectors.revisions_readable(request.user, document)}
    try:
        old, new = (
            readable[int(request.GET.get("from", 0))],
            readable[int(request.GET.get("to", 0))],
        )
    except (KeyError, ValueError):
        raise Http404 from None
    fields = [
        "title",
        "summary",
        "doc_type",
        "issuing_authority",
        "official_number",
        "work_identifier",
        "date_adopted",
        "date_in_force",
        "date_published",
        "date_amended",
        "legal_status",
        "language",
        "source_url",
        "licence",
        "access_level",
    ]
    changes = [
        (old._meta.get_field(name).verbose_name, getattr(old, name), getattr(new, name))
        for name in fields
        if getattr(old, name) != getattr(new, name)
    ]
    old_text = "\n".join(f.extracted_text for f in old.files.all()).splitlines()
    new_text = "\n".join(f.extracted_text for f in new.files.all()).splitlines()
    diff = list(difflib.unified_diff(old_text, new_text, lineterm="", n=2))[2:][:4000]
    return render(
        request,
        "documents/compare.html",
        {"document": document, "old": old, "new": new, "changes": changes, "diff": diff},
    )


EXPORT_LIMITS = {"csv": 10_000, "xlsx": 10_000, "zip": 200}


@require_GET
def export(request, fmt: str):
    """The current list (same filters, same permissions) as CSV, XLSX, or a ZIP with the files."""
    if fmt not in EXPORT_LIMITS:
        raise Http404
    form = LibraryFilterForm(request.GET or None)
    documents = selectors.document_filter(
        selectors.documents_for_listing(request.user), filters=form.filters()
    )
    if uids := request.GET.getlist("uid"):
        documents = documents.filter(uid__in=[uid for uid in uids if _is_uuid(uid)])
    documents = documents.order_by("-published_at", "-pk")[: EXPORT_LIMITS[fmt]]
    stamp = timezone.now().strftime("%Y%m%d")
    if fmt == "csv":
        response = StreamingHttpResponse(
            exports.csv_stream(documents.iterator()), content_type="text/csv; charset=utf-8"
        )
    elif fmt == "xlsx":
        response = HttpResponse(
            exports.xlsx_bytes(documents),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    else:
        buffer = io.BytesIO()
        documents = documents.prefetch_related("published_revision__files")
        exports.zip_write(
            buffer, documents, lambda file: selectors.file_for_download(request.user, file.pk)
        )
        response = HttpResponse(buffer.getvalue(), content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="secbio-documents-{stamp}.{fmt}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


def _is_uuid(value: str) -> bool:
    try:
        uuid.UUID(value)
    except ValueError:
        return False
    return True
