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
    from documents.signals import document_indexed

    document_indexed.send(sender=index_document, document_id=document_id)
