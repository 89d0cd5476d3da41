"""Who may do what with documents; built on the roles of organizations.permissions."""

from documents.models import Document, DocumentRevision, RevisionStatus
from organizations import permissions as roles


def can_contribute(user, organization) -> bool:
    """Contributors of the organization; ISU administrators import on anyone's behalf."""
    return roles.can_contribute_for(user, organization) or roles.is_administrator(user)


def can_manage_document(user, document: Document) -> bool:
    """Contributors of the owning organization and the ISU see every version and state."""
    return roles.can_contribute_for(user, document.organization) or roles.is_moderator(user)


def can_edit(user, revision: DocumentRevision) -> bool:
    return revision.is_editable and can_contribute(user, revision.document.organization)


def can_review(user, revision: DocumentRevision) -> bool:
    """The ISU, and the owning organization's manager (first level)."""
    if revision.status != RevisionStatus.IN_REVIEW:
        return False
    return roles.is_moderator(user) or roles.can_approve_first_level(
        user, revision.document.organization
    )


def can_publish(user, revision: DocumentRevision) -> bool:
    return revision.status == RevisionStatus.IN_REVIEW and roles.is_moderator(user)


def can_withdraw(user, document: Document) -> bool:
    return document.is_published and can_manage_document(user, document)


def can_read_members_only(user) -> bool:
    return roles.can_read_members_only(user)


def can_review_anything(user) -> bool:
    """ISU staff, or a verified organization manager: those who have a review queue."""
    membership = roles.verified_membership(user)
    return roles.is_moderator(user) or bool(
        membership and roles.can_manage(user, membership.organization)
    )
