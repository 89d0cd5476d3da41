"""Writing the audit log. Every sensitive action calls audit_record, inside its transaction."""

from django.conf import settings
from django.db import models

from audit.models import AuditEntry


def _client_ip(request) -> str | None:
    if request is None:
        return None
    # X-Forwarded-For is trusted only when settings say a reverse proxy sets it.
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if forwarded and settings.SECBIO_BEHIND_PROXY:
        ip = forwarded.split(",")[-1].strip()
    else:
        ip = request.META.get("REMOTE_ADDR")
    return ip or None


def audit_record(
    *,
    action: str,
    actor=None,
    target: models.Model | None = None,
    request=None,
    data: dict | None = None,
    actor_repr: str = "",
) -> AuditEntry:
    """Append one entry to the audit log and return it."""
    if actor is not None and not getattr(actor, "is_authenticated", False):
        actor = None
    return AuditEntry.objects.create(
        action=action,
        actor_id=actor.pk if actor else None,
        actor_repr=(str(actor) if actor else actor_repr)[:255],
        target_type=target._meta.label_lower if target is not None else "",
        target_id=str(target.pk) if target is not None else "",
        target_repr=str(target)[:255] if target is not None else "",
        ip_address=_client_ip(request),
        data=data or {},
    )
