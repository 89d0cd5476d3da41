"""Extraction runs in the database-backed worker of the embedded default, never in the request."""

import pytest
from django.core.management import call_command

from documents.models import ExtractionStatus
from documents.tests.factories import committed, draft_document

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.mark.django_db(transaction=True)
def test_the_worker_extracts_uploaded_files(contributor, organization, settings):
    settings.TASKS = DATABASE_TASKS  # django-tasks resets its backends when the setting changes
    with committed():
        document = draft_document(contributor=contributor, organization=organization)
    file = document.revisions.get().files.get()
    assert file.extraction_status == ExtractionStatus.PENDING  # queued, not done in the request
    call_command("db_worker", "--batch", verbosity=0)
    file.refresh_from_db()
    assert file.extraction_status == ExtractionStatus.DONE
    assert "Laboratories shall assess" in file.extracted_text
