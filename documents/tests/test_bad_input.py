"""Every bad input of the library issue: a clear message, no half-made record, no lost file."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from documents import services
from documents.models import Document, DocumentFile, RelationKind
from documents.tests.factories import draft_document, metadata, published_document


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("empty.pdf", b""),
        ("page.pdf", b"<!DOCTYPE html><html><body><p>Hello</p></body></html>"),
        ("program.pdf", b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 200),
        ("truncated.pdf", b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"),
        ("image.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 100),
    ],
)
def test_refused_files_leave_no_record(contributor, organization, name, content):
    document = services.document_create(
        actor=contributor, organization=organization, metadata=metadata(organization)
    )
    with pytest.raises(ValidationError) as error:
        services.file_add(
            actor=contributor,
            revision=document.revisions.get(),
            upload=SimpleUploadedFile(name, content),
        )
    assert error.value.messages and all(message.strip() for message in error.value.messages)
    assert not DocumentFile.objects.exists()


@pytest.mark.django_db
def test_a_file_over_the_limit_is_refused(contributor, organization, settings):
    settings.SECBIO_UPLOAD_MAX_BYTES = 100
    document = services.document_create(
        actor=contributor, organization=organization, metadata=metadata(organization)
    )
    with pytest.raises(ValidationError):
        services.file_add(
            actor=contributor,
            revision=document.revisions.get(),
            upload=SimpleUploadedFile("big.txt", b"word " * 100),
        )
    assert not DocumentFile.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "marking", ["SECRET", "СЕКРЕТНО", "机密", "سري", "CONFIDENTIEL DÉFENSE", "RESERVADO"]
)
def test_a_classification_marking_in_a_header_holds_the_document(
    contributor, organization, marking
):
    text = f"{marking}\n\nArticle 1\nThe laboratory shall keep records.\n\n{marking}\n"
    document = draft_document(contributor=contributor, organization=organization, text=text)
    file = document.revisions.get().files.get()
    assert file.screening_status == "held"
    assert any(finding["check"] == "classification_marking" for finding in file.findings)


@pytest.mark.django_db
def test_the_word_confidential_in_a_sentence_is_not_a_marking(contributor, organization):
    text = "Article 5\nStaff shall respect the confidential nature of patient data and trade secrets.\n"
    document = draft_document(contributor=contributor, organization=organization, text=text)
    assert document.revisions.get().files.get().screening_status == "passed"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("doc_type", "poem"),
        ("legal_status", "unknown"),
        ("date_adopted", timezone.localdate() + datetime.timedelta(days=30)),
        ("title", "  "),
    ],
)
def test_bad_metadata_is_refused_and_creates_nothing(contributor, organization, field, value):
    with pytest.raises(ValidationError) as error:
        services.document_create(
            actor=contributor,
            organization=organization,
            metadata=metadata(organization, **{field: value}),
        )
    assert field in error.value.message_dict
    assert not Document.objects.exists()


@pytest.mark.django_db
def test_an_unknown_language_is_refused(contributor, organization):
    with pytest.raises(ValidationError) as error:
        services.document_create(
            actor=contributor,
            organization=organization,
            metadata=metadata(organization, language="xx"),
        )
    assert "language" in error.value.message_dict
    assert not Document.objects.exists()


@pytest.mark.django_db
def test_a_duplicate_official_number_is_refused(contributor, moderator, organization):
    published_document(
        contributor=contributor,
        moderator=moderator,
        organization=organization,
        official_number="No. 12/2020",
    )
    with pytest.raises(ValidationError) as error:
        services.document_create(
            actor=contributor,
            organization=organization,
            metadata=metadata(organization, official_number="no. 12/2020", title="Another act"),
        )
    assert "official_number" in error.value.message_dict


@pytest.mark.django_db
def test_a_relation_to_itself_is_refused(contributor, moderator, organization):
    document = published_document(
        contributor=contributor, moderator=moderator, organization=organization
    )
    with pytest.raises(ValidationError):
        services.relation_add(
            actor=contributor, source=document, target=document, kind=RelationKind.CITES
        )


@pytest.mark.django_db
def test_a_failed_extraction_keeps_the_file_and_holds_it(contributor, organization, monkeypatch):
    from documents.services import processing

    def broken(**kwargs):
        raise RuntimeError("parser crashed")

    monkeypatch.setattr(processing, "extract", broken)
    document = draft_document(contributor=contributor, organization=organization)
    file = document.revisions.get().files.get()
    assert file.extraction_status == "failed"
    assert "parser crashed" in file.extraction_error
    assert file.screening_status == "held"
    assert file.file.read().startswith(b"Act on Biosafety")
