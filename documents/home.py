from core.home import HomeSection
from documents.selectors import documents_for_listing


def latest_documents_section(request) -> HomeSection:
    return HomeSection(
        template="documents/partials/home_latest.html",
        context={"documents": list(documents_for_listing(request.user)[:5]), "replaces": "latest"},
        order=40,
    )
