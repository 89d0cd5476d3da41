"""Background work on a stored file: text extraction, then screening of the text."""

import logging

from django.db import transaction

from documents.extraction import ExtractionError, extract
from documents.models import Document, DocumentFile, ExtractionStatus, ScreeningStatus
from documents.screening import screen_text
from documents.services.drafting import _finding_json

logger = logging.getLogger(__name__)


def file_extract(*, file_id: int) -> DocumentFile:
    """Extract a file's text and screen it; a failure is recorded with its reason, the file kept."""
    document_file = DocumentFile.objects.select_related("revision").get(pk=file_id)
    try:
        with document_file.file.open("rb") as handle:
            extraction = extract(file=handle, mime_type=document_file.mime_type)
    except ExtractionError as error:
        return _record_failure(document_file, str(error.reason))
    except Exception as error:  # a library bug must not lose the upload or block the workflow
        logger.exception("text extraction crashed", extra={"path": str(file_id)})
        return _record_failure(document_file, f"{type(error).__name__}: {error}")
    findings = screen_text(pages=extraction.pages)
    with transaction.atomic():
        document_file = DocumentFile.objects.select_for_update().get(pk=file_id)
        document_file.extracted_text = extraction.text
        document_file.page_count = extraction.page_count
        document_file.language = extraction.language or ""
        document_file.extraction_status = ExtractionStatus.DONE
        document_file.extraction_error = "\n".join(extraction.warnings)
        document_file.findings = [*document_file.findings, *(_finding_json(f) for f in findings)]
        if findings and document_file.screening_status == ScreeningStatus.PASSED:
            document_file.screening_status = ScreeningStatus.HELD
        document_file.save()
        _after_processing(document_file)
    return document_file


def _record_failure(document_file: DocumentFile, reason: str) -> DocumentFile:
    with transaction.atomic():
        document_file = DocumentFile.objects.select_for_update().get(pk=document_file.pk)
        document_file.extraction_status = ExtractionStatus.FAILED
        document_file.extraction_error = reason
        # Without text, nothing could be screened: a person must look.
        document_file.screening_status = (
            ScreeningStatus.REFUSED
            if document_file.screening_status == ScreeningStatus.REFUSED
            else ScreeningStatus.HELD
        )
        document_file.findings = [
            *document_file.findings,
            {
                "check": "extraction_failed",
                "severity": "hold",
                "message": reason,
                "page": None,
                "excerpt": "",
                "detail": {},
            },
        ]
        document_file.save()
        _after_processing(document_file)
    return document_file


def _after_processing(document_file: DocumentFile) -> None:
    from documents.services.workflow import revision_screening_check

    revision = document_file.revision
    revision.refresh_from_db()
    if not revision.language and document_file.language:
        revision.language = document_file.language
        revision.save(update_fields=["language"])
        # The list filters read the language from the document when this version is published.
        Document.objects.filter(published_revision=revision).update(language=revision.language)
    revision_screening_check(revision=revision)
