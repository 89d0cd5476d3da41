"""Background tasks: thin wrappers that load by ID and call a service."""

from django_tasks import task

from alerts.services import alerts_send_for_document


@task()
def alert_immediately(document_id: int) -> None:
    """Immediate alerts for a document that has just been published and indexed."""
    alerts_send_for_document(document_id=document_id)
