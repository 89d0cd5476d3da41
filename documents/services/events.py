"""Recording a transition: workflow event, audit entry and notification, in one place."""

from audit.services import audit_record
from documents.models import DocumentRevision, WorkflowEvent


def transition_record(
    *,
    revision: DocumentRevision,
    action: str,
    from_status: str,
    actor,
    reason: str = "",
    request=None,
) -> WorkflowEvent:
    event = WorkflowEvent.objects.create(
        document=revision.document,
        revision=revision,
        action=action,
        from_status=from_status,
        to_status=revision.status,
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        reason=reason,
    )
    audit_record(
        action=f"document.{action}",
        actor=actor,
        target=revision.document,
        request=request,
        data={
            "revision": revision.number,
            "from": from_status,
            "to": revision.status,
            "reason": reason,
        },
    )
    return event
