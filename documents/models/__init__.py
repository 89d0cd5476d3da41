from documents.models.choices import (
    AccessLevel,
    DocumentType,
    LegalStatus,
    RelationKind,
    RevisionStatus,
)
from documents.models.document import BWCArticle, Document, DocumentRevision
from documents.models.files import DocumentFile, ExtractionStatus, ScreeningStatus
from documents.models.relations import DocumentRelation
from documents.models.workflow import WorkflowEvent

__all__ = [
    "AccessLevel",
    "BWCArticle",
    "Document",
    "DocumentFile",
    "DocumentRelation",
    "DocumentRevision",
    "DocumentType",
    "ExtractionStatus",
    "LegalStatus",
    "RelationKind",
    "RevisionStatus",
    "ScreeningStatus",
    "WorkflowEvent",
]
