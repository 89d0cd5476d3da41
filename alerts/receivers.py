from django.dispatch import receiver

from documents.signals import document_indexed


@receiver(document_indexed)
def on_document_indexed(sender, document_id: int, **kwargs):
    # After indexing, so the saved searches re-run through the search can find the document.
    from alerts.tasks import alert_immediately

    alert_immediately.enqueue(document_id)
