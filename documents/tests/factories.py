"""Documents in each state, made through the real services (screening and extraction included)."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase

from documents import services
from documents.models import AccessLevel, Document, DocumentType

LAW_TEXT = (
    "Act on Biosafety in Laboratories\n\nArticle 1\nThis Act governs work with pathogens.\n\n"
    "Article 2\nLaboratories shall assess the risks of their work.\n"
)


def committed():
    """Run the on-commit work (extraction tasks, e-mails) as a real commit would, at block exit.

    Tests run inside a transaction that never commits; this stands in for the commit.
    """
    return TestCase.captureOnCommitCallbacks(execute=True)


def metadata(jurisdiction, **overrides) -> dict:
    return {
        "title": "Act on Biosafety in Laboratories",
        "doc_type": DocumentType.NATIONAL_LAW,
        "jurisdiction": jurisdiction,
        "language": "en",
        "summary": "Rules for laboratories.",
        "access_level": AccessLevel.PUBLIC,
        **overrides,
    }


def text_upload(text: str = LAW_TEXT, name: str = "act.txt") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, text.encode("utf-8"), content_type="text/plain")


def draft_document(
    *, contributor, organization, text: str = LAW_TEXT, topics=(), bwc_articles=(), **overrides
) -> Document:
    document = services.document_create(
        actor=contributor,
        organization=organization,
        metadata=metadata(overrides.pop("jurisdiction", organization), **overrides),
        topics=topics,
        bwc_articles=bwc_articles,
    )
    with committed():
        services.file_add(
            actor=contributor, revision=document.revisions.get(), upload=text_upload(text)
        )
    return document


def submitted_document(*, contributor, organization, **overrides) -> Document:
    document = draft_document(contributor=contributor, organization=organization, **overrides)
    with committed():
        services.revision_submit(
            actor=contributor, revision=document.revisions.get(), declared_unclassified=True
        )
    return document


def published_document(*, contributor, moderator, organization, **overrides) -> Document:
    document = submitted_document(contributor=contributor, organization=organization, **overrides)
    revision = document.revisions.get()
    with committed():
        services.revision_publish(actor=moderator, revision=revision, findings_reviewed=True)
    document.refresh_from_db()
    return document
