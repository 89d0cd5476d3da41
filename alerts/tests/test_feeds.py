"""Atom feeds: a saved search's private feed (its token, its owner's permissions) and the public
feed of any search (what a visitor may read)."""

import pytest
from lxml import etree

from documents import services as documents_services
from documents.models import AccessLevel
from documents.tests.factories import committed, draft_document, submitted_document

ATOM = "{http://www.w3.org/2005/Atom}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def _titles(response) -> list[str]:
    assert response.status_code == 200, response.status_code
    assert response["Content-Type"].startswith("application/atom+xml")
    root = etree.fromstring(response.content)
    return [entry.findtext(f"{ATOM}title") for entry in root.iter(f"{ATOM}entry")]


@pytest.fixture
def saved(member, save_search):
    return save_search(member, "q=biosafety", name="Biosafety")


@pytest.mark.django_db
def test_the_private_feed_needs_its_token(client, saved, publish):
    publish(title="Act on Biosafety (members)", access_level=AccessLevel.MEMBERS)
    publish(title="Act on Biosafety (public)")
    url = f"/alerts/{saved.uid}/feed.atom"

    response = client.get(f"{url}?token={saved.feed_token}")
    assert _titles(response) == ["Act on Biosafety (public)", "Act on Biosafety (members)"]
    assert "private" in response["Cache-Control"] and "public" not in response["Cache-Control"]

    assert client.get(url).status_code == 404
    assert client.get(f"{url}?token=wrong-{saved.feed_token}").status_code == 404
    assert client.get(f"/alerts/{saved.uid.hex[::-1]}/feed.atom?token=x").status_code == 404


@pytest.mark.django_db
def test_entries_carry_link_summary_updated_and_language(client, saved, publish):
    document = publish(title="Loi sur la biosécurité biosafety", language="fr")
    root = etree.fromstring(client.get(saved.feed_url()).content)
    (entry,) = root.iter(f"{ATOM}entry")
    assert entry.get(XML_LANG) == "fr"
    assert entry.find(f"{ATOM}link").get("href") == (
        f"http://testserver/en/library/documents/{document.uid}/"
    )
    assert entry.findtext(f"{ATOM}updated")
    assert entry.findtext(f"{ATOM}summary")
    assert entry.findtext(f"{ATOM}id") == f"urn:uuid:{document.uid}"


@pytest.mark.django_db
def test_the_private_feed_speaks_the_owners_language(client, saved, publish):
    saved.user.preferred_language = "fr"
    saved.user.save()
    document = publish()
    body = client.get(saved.feed_url()).content.decode()
    assert f"/fr/library/documents/{document.uid}/" in body


@pytest.mark.django_db
def test_the_public_feed_shows_what_a_visitor_may_read(client, member, publish):
    publish(title="Act on Biosafety (members)", access_level=AccessLevel.MEMBERS)
    publish(title="Act on Biosafety (public)")
    client.force_login(member)  # even signed in: the tokenless feed is a visitor's
    response = client.get("/alerts/feed.atom", {"q": "biosafety"})
    assert _titles(response) == ["Act on Biosafety (public)"]
    assert "private" in response["Cache-Control"]


@pytest.mark.django_db
def test_withdrawn_documents_leave_the_feed_and_unpublished_never_enter(
    client, saved, publish, contributor, organization
):
    withdrawn = publish(title="Act on Biosafety (withdrawn)")
    publish(title="Act on Biosafety (kept)")
    draft_document(contributor=contributor, organization=organization, title="Biosafety draft")
    submitted_document(
        contributor=contributor, organization=organization, title="Biosafety in review"
    )
    assert "Act on Biosafety (withdrawn)" in _titles(client.get(saved.feed_url()))

    with committed():
        documents_services.document_withdraw(
            actor=contributor, document=withdrawn, reason="Repealed."
        )

    assert _titles(client.get(saved.feed_url())) == ["Act on Biosafety (kept)"]
    assert _titles(client.get("/alerts/feed.atom?q=biosafety")) == ["Act on Biosafety (kept)"]


@pytest.mark.django_db
def test_a_paused_search_or_a_deactivated_owner_has_no_feed(client, saved):
    url = saved.feed_url()
    saved.is_active = False
    saved.save()
    assert client.get(url).status_code == 404
    saved.is_active = True
    saved.save()
    saved.user.is_active = False
    saved.user.save()
    assert client.get(url).status_code == 404
