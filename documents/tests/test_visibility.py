"""One table: every channel × every role × every state. Extend it as channels arrive."""

from types import SimpleNamespace

import pytest
from django.contrib.auth import get_user
from django.http import QueryDict

from alerts.models import SavedSearch
from alerts.services import saved_search_create
from documents import services
from documents.models import AccessLevel
from documents.tests.factories import (
    committed,
    draft_document,
    published_document,
    submitted_document,
)

ROLES = ["visitor", "member", "contributor", "manager", "moderator", "administrator"]
EVERYONE = set(ROLES)
MEMBERS = EVERYONE - {"visitor"}
OWNERS_AND_ISU = {"contributor", "manager", "moderator", "administrator"}
NOBODY: set[str] = set()

# state -> channel -> roles that see the document there. "member" is a member of ANOTHER
# organization; contributor and manager belong to the owning one.
TABLE = {
    "draft": {
        "detail": OWNERS_AND_ISU,
        "list": NOBODY,
        "export": NOBODY,
        "search": NOBODY,
        "profile": NOBODY,
        "library": NOBODY,
        "download": OWNERS_AND_ISU,
        "cite": NOBODY,
        "feed": NOBODY,
        "jsonld": NOBODY,
    },
    "in_review": {
        "detail": OWNERS_AND_ISU,
        "list": NOBODY,
        "export": NOBODY,
        "search": NOBODY,
        "profile": NOBODY,
        "library": NOBODY,
        "download": OWNERS_AND_ISU,
        "cite": NOBODY,
        "feed": NOBODY,
        "jsonld": NOBODY,
    },
    "rejected": {
        "detail": OWNERS_AND_ISU,
        "list": NOBODY,
        "export": NOBODY,
        "search": NOBODY,
        "profile": NOBODY,
        "library": NOBODY,
        "download": OWNERS_AND_ISU,
        "cite": NOBODY,
        "feed": NOBODY,
        "jsonld": NOBODY,
    },
    "public": {
        "detail": EVERYONE,
        "list": EVERYONE,
        "export": EVERYONE,
        "search": EVERYONE,
        "profile": EVERYONE,
        "library": EVERYONE,
        "download": EVERYONE,
        "cite": EVERYONE,
        "feed": EVERYONE,
        "jsonld": EVERYONE,
    },
    "members_only": {
        "detail": MEMBERS,
        "list": MEMBERS,
        "export": MEMBERS,
        "search": MEMBERS,
        "profile": MEMBERS,
        "library": MEMBERS,
        "download": MEMBERS,
        "cite": MEMBERS,
        "feed": MEMBERS,
        "jsonld": MEMBERS,
    },
    # A withdrawn document shows its tombstone (not its content) to readers.
    "withdrawn": {
        "detail": OWNERS_AND_ISU,
        "list": NOBODY,
        "export": NOBODY,
        "search": NOBODY,
        "profile": NOBODY,
        "library": NOBODY,
        "download": OWNERS_AND_ISU,
        "cite": NOBODY,
        "feed": NOBODY,
        "jsonld": NOBODY,
    },
}
TITLE = "Act on Biosafety in Laboratories"


@pytest.fixture
def documents_by_state(db, contributor, moderator, organization, other_organization):
    with committed():
        made = {
            "draft": draft_document(
                contributor=contributor, organization=organization, title=f"{TITLE} draft"
            ),
            "in_review": submitted_document(
                contributor=contributor, organization=organization, title=f"{TITLE} in review"
            ),
            "rejected": submitted_document(
                contributor=contributor, organization=organization, title=f"{TITLE} rejected"
            ),
            "public": published_document(
                contributor=contributor,
                moderator=moderator,
                organization=organization,
                title=f"{TITLE} public",
            ),
            "members_only": published_document(
                contributor=contributor,
                moderator=moderator,
                organization=organization,
                title=f"{TITLE} members only",
                access_level=AccessLevel.MEMBERS,
            ),
            "withdrawn": published_document(
                contributor=contributor,
                moderator=moderator,
                organization=organization,
                title=f"{TITLE} withdrawn",
            ),
        }
        services.revision_reject(
            actor=moderator, revision=made["rejected"].revisions.get(), reason="Out of scope."
        )
        services.document_withdraw(
            actor=contributor, document=made["withdrawn"], reason="Repealed."
        )
    return made


def _sees(client, channel: str, document) -> bool:
    revision = document.revisions.order_by("-number").first()
    title = revision.title
    if channel == "detail":
        response = client.get(f"/en/library/documents/{document.uid}/")
        return response.status_code == 200 and title in response.content.decode()
    if channel == "list":
        return title in client.get("/en/library/documents/").content.decode()
    if channel == "library":
        return title in client.get("/en/library/").content.decode()
    if channel == "search":
        body = client.get("/api/v1/search?q=biosafety&page_size=100").json()
        facet_total = sum(value["count"] for value in body["facets"]["doc_type"])
        seen = title in [result["title"] for result in body["results"]]
        # Counts may never reveal more than the results show.
        assert facet_total == body["count"] == len(body["results"])
        return seen
    if channel == "export":
        csv_text = b"".join(
            client.get("/en/library/documents/export/csv/").streaming_content
        ).decode()
        return title in csv_text
    if channel == "profile":
        return (
            title
            in client.get(
                f"/en/organizations/{document.organization.code.lower()}/"
            ).content.decode()
        )
    if channel == "download":
        return (
            client.get(f"/en/library/files/{revision.files.get().pk}/download/").status_code == 200
        )
    if channel == "cite":
        return client.get(f"/en/library/documents/{document.uid}/cite/ris/").status_code == 200
    if channel == "feed":
        # A saved search's private feed with its owner's token; a visitor's is the public one.
        return title in client.get(_feed_url(client)).content.decode()
    if channel == "jsonld":
        response = client.get(f"/en/library/documents/{document.uid}/")
        return response.status_code == 200 and "application/ld+json" in response.content.decode()
    raise AssertionError(channel)


def _feed_url(client) -> str:
    user = get_user(SimpleNamespace(session=client.session))
    if not user.is_authenticated:
        return "/alerts/feed.atom?q=biosafety"
    saved = SavedSearch.objects.filter(user=user).first() or saved_search_create(
        user=user, params=QueryDict("q=biosafety")
    )
    return saved.feed_url()


@pytest.mark.django_db
@pytest.mark.parametrize("state", TABLE)
@pytest.mark.parametrize("role", ROLES)
def test_visibility_table(client, personas, documents_by_state, state, role):
    if personas[role]:
        client.force_login(personas[role])
    document = documents_by_state[state]
    seen = {channel for channel in TABLE[state] if _sees(client, channel, document)}
    expected = {channel for channel, roles in TABLE[state].items() if role in roles}
    assert seen == expected


@pytest.mark.django_db
def test_a_withdrawn_document_shows_a_tombstone_to_readers(client, documents_by_state):
    response = client.get(f"/en/library/documents/{documents_by_state['withdrawn'].uid}/")
    assert response.status_code == 410
    assert "Repealed." in response.content.decode()


@pytest.mark.django_db
def test_library_counts_include_only_readable_documents(client, personas, documents_by_state):
    visitor_page = client.get("/en/library/")
    assert visitor_page.context["total"] == 1
    client.force_login(personas["member"])
    assert client.get("/en/library/").context["total"] == 2


@pytest.mark.django_db
def test_downloads_are_attachments_never_sniffed(client, documents_by_state):
    file = documents_by_state["public"].published_revision.files.get()
    response = client.get(f"/en/library/files/{file.pk}/download/")
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"
