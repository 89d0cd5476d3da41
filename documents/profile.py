"""The library's section of a State's or organization's profile page."""

from core.home import HomeSection
from documents import selectors
from documents.models import DocumentType
from taxonomy.selectors import topics_active


def organization_documents_section(request, organization) -> HomeSection:
    visible = selectors.documents_visible_to(request.user)
    own = visible.filter(published_revision__jurisdiction=organization) | visible.filter(
        organization=organization
    )
    own = own.distinct()
    documents = list(
        selectors.documents_for_listing(request.user).filter(pk__in=own.values("pk"))[:200]
    )
    by_type: dict[str, list] = {}
    for document in documents:
        by_type.setdefault(document.published_revision.get_doc_type_display(), []).append(document)
    labels = {topic.slug: topic.label for topic in topics_active()}
    topics = [
        (labels.get(slug, slug), slug, count)
        for slug, count in selectors.document_counts(own, "topics__slug")
    ]
    return HomeSection(
        template="documents/partials/profile_documents.html",
        context={
            "organization": organization,
            "total": own.count(),
            "by_type": sorted(by_type.items(), key=lambda item: str(item[0])),
            "topics": topics,
            "types": DocumentType,
        },
        order=20,
    )
