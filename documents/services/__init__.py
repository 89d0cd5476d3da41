"""Writes to the library. Views, the import command and tasks all call these."""

from documents.services.drafting import (
    document_create,
    file_add,
    relation_add,
    revision_update,
)
from documents.services.processing import file_extract
from documents.services.workflow import (
    document_new_revision,
    document_withdraw,
    revision_approve_first_level,
    revision_publish,
    revision_reject,
    revision_request_changes,
    revision_submit,
)

__all__ = [
    "document_create",
    "document_new_revision",
    "document_withdraw",
    "file_add",
    "file_extract",
    "relation_add",
    "revision_approve_first_level",
    "revision_publish",
    "revision_reject",
    "revision_request_changes",
    "revision_submit",
    "revision_update",
]
