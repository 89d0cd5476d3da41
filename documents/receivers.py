from django.dispatch import receiver

from documents.signals import document_published


@receiver(document_published)
def on_document_published(sender, document_id: int, **kwargs):
    from documents.tasks import index_document

    index_document.enqueue(document_id)
