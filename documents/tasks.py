"""Background tasks: thin wrappers that load by ID and call a service."""

from django_tasks import task

from documents.services import file_extract


@task()
def extract_file_text(file_id: int) -> None:
    file_extract(file_id=file_id)


@task()
def index_document(document_id: int) -> None:
    from documents.search import document_index

    document_index(document_id)
    embed_document.enqueue(document_id)  # findable by its words now, by its meaning next
    from documents.signals import document_indexed

    document_indexed.send(sender=index_document, document_id=document_id)


@task()
def embed_document(document_id: int) -> None:
    from documents.search import CONTENT_TYPE, document_embed
    from search.services import vector_snapshot_if_due

    document_embed(document_id)
    vector_snapshot_if_due(CONTENT_TYPE)
