"""Who hears of a workflow transition, by e-mail in their own language."""

from django.contrib.auth import get_user_model
from django.urls import reverse

from documents.models import DocumentRevision
from notifications.services import notify
from organizations.models import Membership, MembershipRole, MembershipStatus

# action -> who is told: the contributors, the organization's managers, the ISU moderators
AUDIENCES = {
    "submitted": {"managers", "moderators"},
    "screened": {"contributors"},
    "approved": {"contributors", "moderators"},
    "published": {"contributors", "managers"},
    "changes_requested": {"contributors"},
    "rejected": {"contributors"},
    "withdrawn": {"contributors", "managers", "moderators"},
}


def _recipients(revision: DocumentRevision, audience: set[str], actor) -> set:
    people = set()
    if "contributors" in audience:
        people |= {user for user in (revision.document.created_by, revision.created_by) if user}
    if "managers" in audience:
        people |= {
            membership.user
            for membership in Membership.objects.filter(
                organization_id=revision.document.organization_id,
                role=MembershipRole.MANAGER,
                status=MembershipStatus.VERIFIED,
            ).select_related("user")
        }
    if "moderators" in audience:
        people |= set(
            get_user_model().objects.filter(
                isu_role__in=["moderator", "administrator"], is_active=True
            )
        )
    people.discard(actor)
    return {person for person in people if person.is_active}


def notify_transition(*, revision: DocumentRevision, action: str, actor, reason: str = "") -> None:
    audience = AUDIENCES.get(action)
    if not audience:
        return
    path = reverse("documents:manage", args=[revision.document.uid])
    for person in _recipients(revision, audience, actor):
        notify(
            user=person,
            template="document_transition",
            context={"revision": revision, "action": action, "reason": reason, "path": path},
            url=path,
        )
