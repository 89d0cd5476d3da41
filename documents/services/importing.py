"""Bulk import of records in the format of shared/corpus (its README documents the fields).

Idempotent by the record's `id` (kept as the document's external id) and a checksum of the
record: a re-run skips unchanged records, so an interrupted import resumes where it stopped.
"""

import hashlib
import json
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils.translation import gettext as _

from documents.models import (
    BWCArticle,
    Document,
    DocumentFile,
    DocumentType,
    RelationKind,
    RevisionStatus,
)
from documents.services import drafting, workflow
from organizations.models import Organization
from organizations.permissions import can_administer, require
from taxonomy.models import Topic

KNOWN_FIELDS = {
    "id",
    "title",
    "language",
    "doc_type",
    "jurisdiction",
    "date",
    "source_url",
    "provenance",
    "licence",
    "translations",
    "excerpt",
    "notes",
    "char_count",
    "text",
    "files",
    "summary",
    "official_number",
    "topics",
    "bwc_articles",
    "access_level",
    "legal_status",
    "keywords",
    "issuing_authority",
    "date_in_force",
    "work_identifier",
    "title_translations",
}
# Codes the corpus uses for international instruments -> SecBio organization codes.
JURISDICTION_ALIASES = {"CBD": "SCBD", "UNODA": "UNODA"}


@dataclass
class ImportOutcome:
    record_id: str
    result: str  # created, updated, unchanged, held, refused
    reasons: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def record_checksum(record: dict, folder: Path | None) -> str:
    digest = hashlib.sha256(json.dumps(record, sort_keys=True, ensure_ascii=False).encode())
    for name in (record.get("files") or []) if folder else []:
        path = (folder / name).resolve()
        if path.is_file():
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def _metadata(record: dict) -> tuple[dict, list[str]]:
    errors = []
    code = JURISDICTION_ALIASES.get(record.get("jurisdiction", ""), record.get("jurisdiction", ""))
    jurisdiction = Organization.objects.filter(code__iexact=code).first() if code else None
    if jurisdiction is None:
        errors.append(_("Unknown jurisdiction: %(code)s.") % {"code": record.get("jurisdiction")})
    doc_type = record.get("doc_type")
    if doc_type not in DocumentType.values:
        errors.append(_("Unknown document type: %(type)s.") % {"type": doc_type})
    dates = {}
    for key, field_name in (("date", "date_adopted"), ("date_in_force", "date_in_force")):
        dates[field_name] = None
        if record.get(key):
            try:
                dates[field_name] = date.fromisoformat(record[key])
            except (TypeError, ValueError):
                errors.append(_("Not a date: %(value)s.") % {"value": record[key]})
    metadata = {
        "title": (record.get("title") or "").strip(),
        "summary": record.get("summary", ""),
        "doc_type": doc_type,
        "jurisdiction": jurisdiction,
        "language": record.get("language") or "",
        **dates,
        "source_url": record.get("source_url", ""),
        "licence": record.get("licence", ""),
        "official_number": record.get("official_number", ""),
        "issuing_authority": record.get("issuing_authority", ""),
        "work_identifier": record.get("work_identifier", ""),
        "keywords": list(record.get("keywords") or []),
        "access_level": record.get("access_level", "public"),
        "legal_status": record.get("legal_status", "in_force"),
    }
    if record.get("title_translations"):
        metadata["translations"] = {
            code: {"title": title} for code, title in record["title_translations"].items()
        }
    return metadata, errors


def _uploads(record: dict, folder: Path | None) -> tuple[list[SimpleUploadedFile], list[str]]:
    uploads, errors = [], []
    if record.get("text"):
        uploads.append(SimpleUploadedFile(f"{record['id']}.txt", record["text"].encode("utf-8")))
    for name in record.get("files") or []:
        if folder is None:
            errors.append(_("The file %(name)s cannot be read: no import folder.") % {"name": name})
            continue
        path = (folder / name).resolve()
        if folder.resolve() not in path.parents:
            errors.append(_("The file %(name)s is outside the import folder.") % {"name": name})
        elif not path.is_file():
            errors.append(_("The file %(name)s does not exist.") % {"name": name})
        else:
            uploads.append(SimpleUploadedFile(path.name, path.read_bytes()))
    if not uploads and not errors and not record.get("source_url"):
        errors.append(_("The record has no text, no files and no source address."))
    return uploads, errors


def record_import(
    *, actor, record: dict, folder: Path | None, organization: Organization, review: bool = False
) -> ImportOutcome:
    """Create or update one document from a record; screened like any upload."""
    require(can_administer(actor))
    record_id = str(record.get("id") or "").strip()
    outcome = ImportOutcome(record_id=record_id or "?", result="refused")
    if not record_id:
        outcome.reasons.append(_("The record has no id."))
        return outcome
    unknown = sorted(set(record) - KNOWN_FIELDS)
    if unknown:
        outcome.warnings.append(
            _("Unknown fields, not imported: %(fields)s.") % {"fields": ", ".join(unknown)}
        )
    checksum = record_checksum(record, folder)
    existing = Document.objects.filter(external_id=record_id).first()
    if existing is not None and existing.import_checksum == checksum:
        outcome.result = "unchanged"
        return outcome
    metadata, errors = _metadata(record)
    uploads, file_errors = _uploads(record, folder)
    errors += file_errors
    if errors:
        outcome.reasons += errors
        return outcome
    topics = list(Topic.objects.filter(slug__in=record.get("topics") or []))
    articles = list(BWCArticle.objects.filter(number__in=record.get("bwc_articles") or []))
    try:
        with transaction.atomic():
            if existing is None:
                document = drafting.document_create(
                    actor=actor,
                    organization=organization,
                    metadata=metadata,
                    topics=topics,
                    bwc_articles=articles,
                    external_id=record_id,
                )
                revision = document.revisions.get()
                outcome.result = "created"
            else:
                document = existing
                revision = workflow.document_new_revision(actor=actor, document=document)
                DocumentFile.objects.filter(
                    revision=revision
                ).delete()  # files come from the record
                drafting.revision_update(
                    actor=actor,
                    revision=revision,
                    metadata=metadata,
                    topics=topics,
                    bwc_articles=articles,
                )
                outcome.result = "updated"
            revision.publish_when_screened = not review
            revision.save(update_fields=["publish_when_screened"])
            for upload in uploads:
                drafting.file_add(
                    actor=actor, revision=revision, upload=upload, extract_in_background=False
                )
            workflow.revision_submit(actor=actor, revision=revision, declared_unclassified=True)
            document.import_checksum = checksum
            document.save(update_fields=["import_checksum"])
    except ValidationError as error:
        outcome.result = "refused"
        outcome.reasons += error.messages
        return outcome
    revision.refresh_from_db()
    if revision.status != RevisionStatus.PUBLISHED and not review:
        outcome.result = "held"
        outcome.reasons += [
            finding["message"] for file in revision.files.all() for finding in file.findings
        ]
    return outcome


def relations_import(*, actor, records: list[dict]) -> int:
    """Link the language versions the records name in `translations`; returns links made."""
    by_id = dict(
        Document.objects.filter(external_id__in=[r.get("id") for r in records]).values_list(
            "external_id", "pk"
        )
    )
    made = 0
    for record in records:
        source_pk = by_id.get(record.get("id"))
        for other in record.get("translations") or []:
            target_pk = by_id.get(other)
            if source_pk and target_pk and source_pk != target_pk:
                drafting.relation_add(
                    actor=actor,
                    source=Document.objects.get(pk=source_pk),
                    target=Document.objects.get(pk=target_pk),
                    kind=RelationKind.LANGUAGE_VERSION,
                )
                made += 1
    return made


def records_read(folder: Path) -> tuple[list[dict], list[ImportOutcome]]:
    """Every *.json record of a folder, sorted by name; unreadable files are reported, not fatal."""
    records, failures = [], []
    for path in sorted(folder.glob("*.json")):
        try:
            record = json.loads(path.read_text(encoding="utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as error:
            failures.append(
                ImportOutcome(
                    path.stem,
                    "refused",
                    [_("Not a valid JSON record: %(error)s") % {"error": error}],
                )
            )
            continue
        if not isinstance(record, dict):
            failures.append(
                ImportOutcome(path.stem, "refused", [_("The file does not hold one JSON object.")])
            )
            continue
        records.append(record)
    return records, failures
