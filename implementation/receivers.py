from django.dispatch import receiver

from documents.signals import document_published


@receiver(document_published)
def on_document_published(sender, document_id: int, **kwargs):
    from implementation.tasks import suggest_tags

    suggest_tags.enqueue(document_id)
