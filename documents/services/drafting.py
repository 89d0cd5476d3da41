"""Creating and editing a document before it is submitted."""

import hashlib
from datetime import date

from django.core.exceptions import ValidationError
from django.core.files.base import File
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from audit.models import AuditAction
from audit.services import audit_record
from documents import permissions
from documents.models import (
    Document,
    DocumentFile,
    DocumentRelation,
    DocumentRevision,
    DocumentType,
    LegalStatus,
    RelationKind,
    RevisionStatus,
    ScreeningStatus,
)
from documents.screening import screen_file
from organizations.permissions import require

METADATA_FIELDS = (
    "title",
    "summary",
    "translations",
    "doc_type",
    "jurisdiction",
    "issuing_authority",
    "official_number",
    "work_identifier",
    "date_adopted",
    "date_in_force",
    "date_published",
    "date_amended",
    "legal_status",
    "language",
    "keywords",
    "source_url",
    "licence",
    "access_level",
)


def metadata_validate(*, metadata: dict, document: Document | None = None) -> None:
    """Raise ValidationError naming each bad field of a record (SPEC §3 rules)."""
    errors: dict[str, list[str]] = {}
    if not (metadata.get("title") or "").strip():
        errors.setdefault("title", []).append(_("Enter the title."))
    if metadata.get("doc_type") not in DocumentType.values:
        errors.setdefault("doc_type", []).append(_("Choose a document type from the list."))
    if metadata.get("legal_status", LegalStatus.IN_FORCE) not in LegalStatus.values:
        errors.setdefault("legal_status", []).append(_("Choose a legal status from the list."))
    today = timezone.localdate()
    for field in ("date_adopted", "date_in_force", "date_published", "date_amended"):
        value = metadata.get(field)
        if value and not isinstance(value, date):
            errors.setdefault(field, []).append(_("Enter a real date."))
        elif field == "date_adopted" and value and value > today:
            errors.setdefault(field, []).append(_("The adoption date cannot be in the future."))
    adopted, in_force = metadata.get("date_adopted"), metadata.get("date_in_force")
    if isinstance(adopted, date) and isinstance(in_force, date) and in_force < adopted:
        errors.setdefault("date_in_force", []).append(
            _("Entry into force cannot come before adoption.")
        )
    number = (metadata.get("official_number") or "").strip()
    jurisdiction = metadata.get("jurisdiction")
    if number and jurisdiction is not None:
        duplicate = DocumentRevision.objects.filter(
            official_number__iexact=number,
            jurisdiction=jurisdiction,
            language=metadata.get("language"),
        ).exclude(document__withdrawn_at__isnull=False)
        if document is not None:
            duplicate = duplicate.exclude(document=document)
        if duplicate.exists():
            errors.setdefault("official_number", []).append(
                _(
                    "Another document of this jurisdiction in this language already has this official number."
                )
            )
    if errors:
        raise ValidationError(errors)


def _apply(revision: DocumentRevision, metadata: dict) -> None:
    for field in METADATA_FIELDS:
        if field in metadata:
            setattr(revision, field, metadata[field])
    revision.full_clean(exclude=["document", "number", "status"])


@transaction.atomic
def document_create(
    *,
    actor,
    organization,
    metadata: dict,
    topics=(),
    bwc_articles=(),
    external_id: str | None = None,
    request=None,
) -> Document:
    """Start a document for `organization` with its first version as a draft."""
    require(permissions.can_contribute(actor, organization))
    metadata_validate(metadata=metadata)
    document = Document.objects.create(
        organization=organization, created_by=actor, external_id=external_id
    )
    revision = DocumentRevision(
        document=document, number=1, status=RevisionStatus.DRAFT, created_by=actor
    )
    _apply(revision, metadata)
    revision.save()
    revision.topics.set(topics)
    revision.bwc_articles.set(bwc_articles)
    audit_record(action=AuditAction.DOCUMENT_CREATED, actor=actor, target=document, request=request)
    return document


@transaction.atomic
def revision_update(
    *, actor, revision: DocumentRevision, metadata: dict, topics=None, bwc_articles=None
) -> DocumentRevision:
    """Change the record of a draft (or a version sent back for changes)."""
    require(permissions.can_edit(actor, revision))
    merged = {field: getattr(revision, field) for field in METADATA_FIELDS} | metadata
    metadata_validate(metadata=merged, document=revision.document)
    _apply(revision, metadata)
    revision.save()
    if topics is not None:
        revision.topics.set(topics)
    if bwc_articles is not None:
        revision.bwc_articles.set(bwc_articles)
    return revision


def _sha256(file) -> str:
    digest = hashlib.sha256()
    file.seek(0)
    for chunk in iter(lambda: file.read(1024 * 1024), b""):
        digest.update(chunk)
    file.seek(0)
    return digest.hexdigest()


def file_add(
    *,
    actor,
    revision: DocumentRevision,
    upload,
    name: str | None = None,
    extract_in_background: bool = True,
) -> DocumentFile:
    """Screen an uploaded file and keep it with the version; refused files leave nothing behind.

    Extraction runs afterwards in a background task; its failure never loses the file.
    """
    require(permissions.can_edit(actor, revision))
    name = name or getattr(upload, "name", "") or "document"
    size = getattr(upload, "size", None)
    result = screen_file(name=name, file=upload, size=size)
    if result.refused:
        raise ValidationError(
            [str(finding.message) for finding in result.findings if finding.severity == "refuse"],
            code="refused",
        )
    with transaction.atomic():
        document_file = DocumentFile(
            revision=revision,
            original_name=name[:255],
            sha256=_sha256(upload),
            size=size if size is not None else len(upload.read()),
            mime_type=result.mime_type,
            screening_status=ScreeningStatus.HELD if result.held else ScreeningStatus.PASSED,
            findings=[_finding_json(finding) for finding in result.findings],
        )
        upload.seek(0)
        document_file.file.save(name, File(upload, name=name), save=False)
        document_file.save()
        if extract_in_background:
            transaction.on_commit(lambda: _enqueue_extraction(document_file.pk))
    if not extract_in_background:
        from documents.services.processing import file_extract

        document_file = file_extract(file_id=document_file.pk)
    return document_file


def _enqueue_extraction(file_id: int) -> None:
    from documents.tasks import extract_file_text

    extract_file_text.enqueue(file_id)


def _finding_json(finding) -> dict:
    return {
        "check": finding.check,
        "severity": finding.severity,
        "message": str(finding.message),
        "page": finding.page,
        "excerpt": finding.excerpt,
        "detail": finding.detail,
    }


@transaction.atomic
def relation_add(*, actor, source: Document, target: Document, kind: str) -> DocumentRelation:
    """Link two documents (once; shown from both sides)."""
    require(permissions.can_manage_document(actor, source))
    if source.pk == target.pk:
        raise ValidationError({"target": _("A document cannot be related to itself.")})
    if kind not in RelationKind.values:
        raise ValidationError({"kind": _("Choose a relation from the list.")})
    if (
        kind == RelationKind.LANGUAGE_VERSION
        and DocumentRelation.objects.filter(source=target, target=source, kind=kind).exists()
    ):
        return DocumentRelation.objects.get(source=target, target=source, kind=kind)
    try:
        with transaction.atomic():
            relation, _created = DocumentRelation.objects.get_or_create(
                source=source, target=target, kind=kind
            )
    except IntegrityError:
        raise ValidationError(_("This relation cannot be recorded.")) from None
    return relation
