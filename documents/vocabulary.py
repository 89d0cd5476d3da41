"""The library's words for spelling suggestions: what a visitor may read, nothing more.

The dictionary is shared by every reader, so it is built only from published, public,
not withdrawn documents (the visitor's view of the library): a suggestion can then never
reveal a word that only a members-only, unpublished or withdrawn document contains. It is
rebuilt after every publication, revision or withdrawal, and by `secbio reindex`.
"""

from collections.abc import Iterator

from django.contrib.auth.models import AnonymousUser
from django.dispatch import receiver

from documents import selectors
from documents.models import DocumentFile
from documents.signals import document_published
from search.spelling import register_source


def public_texts() -> Iterator[tuple[str, str]]:
    """(language, text): titles, summaries and keywords, then the files' extracted text."""
    public = selectors.documents_visible_to(AnonymousUser())
    revisions = public.select_related("published_revision").only(
        "published_revision__language",
        "published_revision__title",
        "published_revision__summary",
        "published_revision__keywords",
        "published_revision__translations",
    )
    for document in revisions.iterator(chunk_size=500):
        revision = document.published_revision
        yield revision.language, "\n".join([revision.title, revision.summary, *revision.keywords])
        for code, translated in revision.translations.items():
            yield code, "\n".join([translated.get("title", ""), translated.get("summary", "")])
    files = DocumentFile.objects.filter(revision__in=public.values("published_revision"))
    yield from files.values_list("revision__language", "extracted_text").iterator(chunk_size=50)


register_source("documents", public_texts)


@receiver(document_published)
def on_document_published(sender, document_id: int, **kwargs) -> None:
    from search.tasks import terms_rebuild_later

    terms_rebuild_later()
