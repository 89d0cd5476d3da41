from django.dispatch import receiver

from documents.signals import document_published


@receiver(document_published)
def on_document_published(sender, document_id: int, **kwargs):
    from documents.selectors import library_counts_forget
    from documents.tasks import index_document

    library_counts_forget()
    index_document.enqueue(document_id)
