from django_tasks import task

from implementation.services import tags_suggest


@task()
def suggest_tags(document_id: int) -> None:
    tags_suggest(document_id=document_id)
