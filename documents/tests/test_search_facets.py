"""A search counts its facets over the matches the reader may read, and sorts them by date."""

from datetime import date

import pytest

from documents.models import AccessLevel, BWCArticle, DocumentType
from documents.search import document_index
from documents.tests.factories import published_document
from organizations.models import RegionalGroup
from organizations.tests.factories import OrganizationFactory
from taxonomy.models import Topic

TEXT = "Article 1\nLaboratories shall keep an inventory of pathogens.\n"


@pytest.fixture
def publish(db, contributor, moderator, organization):
    """Publish and index a document of TEXT (unless given) under this title and number."""

    def publish(title, **fields):
        document = published_document(
            contributor=contributor,
            moderator=moderator,
            organization=organization,
            title=title,
            official_number=title,
            **{"text": TEXT, **fields},
        )
        document_index(document.pk)
        return document

    return publish


@pytest.fixture
def library(publish):
    senegal = OrganizationFactory(code="SEN", name="Senegal", regional_group=RegionalGroup.AFRICAN)
    biosecurity = Topic.objects.create(slug="biosecurity", label="Biosecurity")
    waste = Topic.objects.create(slug="waste", label="Waste")
    article_four = BWCArticle.objects.create(number=4, title="National implementation")

    return {
        "law": publish(
            "law",
            date_adopted=date(2010, 5, 1),
            topics=[biosecurity.pk, waste.pk],
            bwc_articles=[article_four],
        ),
        "undated": publish("undated", date_adopted=None, topics=[biosecurity.pk]),
        "guidance": publish(
            "guidance",
            doc_type=DocumentType.GUIDANCE,
            jurisdiction=senegal,
            date_adopted=date(2020, 3, 1),
            topics=[waste.pk],
        ),
        "members_only": publish(
            "members_only",
            access_level=AccessLevel.MEMBERS,
            date_adopted=date(2024, 1, 1),
            topics=[biosecurity.pk],
            bwc_articles=[article_four],
        ),
        "unrelated": publish("unrelated", date_adopted=date(2000, 1, 1), text="Nothing here.\n"),
    }


def _search(client, query: str) -> dict:
    return client.get(f"/api/v1/search?mode=lexical&q=inventory&{query}").json()


def _facet(body, name) -> dict:
    return {item["value"]: item["count"] for item in body["facets"][name]}


@pytest.mark.django_db
def test_facets_count_the_readable_matches_only(client, library, member):
    body = _search(client, "")
    assert body["count"] == 3 and body["count_is_exact"]
    assert _facet(body, "topic") == {"biosecurity": 2, "waste": 2}
    assert _facet(body, "bwc_article") == {4: 1}
    assert _facet(body, "doc_type") == {"national_law": 2, "guidance": 1}
    assert _facet(body, "region")[RegionalGroup.AFRICAN] == 1
    client.force_login(member)
    body = _search(client, "")
    assert body["count"] == 4
    assert _facet(body, "topic") == {"biosecurity": 3, "waste": 2}
    assert _facet(body, "bwc_article") == {4: 2}


@pytest.mark.django_db
def test_facets_follow_the_filters(client, library):
    body = _search(client, "topic=waste")
    assert body["count"] == 2
    assert _facet(body, "topic") == {"biosecurity": 1, "waste": 2}
    assert _facet(body, "jurisdiction") == {"SEN": 1, library["law"].jurisdiction.code: 1}


@pytest.mark.django_db
def test_sorting_by_date_puts_the_newest_first_and_the_undated_last(client, library, member):
    client.force_login(member)
    body = _search(client, "sort=date")
    assert [r["title"] for r in body["results"]] == ["members_only", "guidance", "law", "undated"]
    html = client.get("/en/search/?mode=lexical&q=inventory&sort=date").content.decode()
    order = [html.index(f">{title}<") for title in ("members_only", "guidance", "law", "undated")]
    assert order == sorted(order)


@pytest.mark.django_db
def test_a_filter_finds_its_documents_however_many_others_match(client, library, monkeypatch):
    monkeypatch.setattr("documents.search.MAX_MATCHES", 1)
    body = _search(client, "")
    assert body["count"] <= 1 and not body["count_is_exact"]  # the newest match only, of 3
    assert "At least" in client.get("/en/search/?mode=lexical&q=inventory").content.decode()
    body = _search(client, "jurisdiction=SEN")
    assert [r["title"] for r in body["results"]] == ["guidance"]


@pytest.mark.django_db
def test_a_page_of_results_needs_the_same_queries_however_many_it_shows(client, library, member):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(member)

    def queries(page_size):
        with CaptureQueriesContext(connection) as captured:
            body = client.get(
                f"/api/v1/search?mode=semantic&q=pathogen+inventory&page_size={page_size}"
            ).json()
        assert len(body["results"]) == min(page_size, body["count"])
        return len(captured)

    queries(4)  # caches filled (vector index, jurisdictions, spelling dictionary)
    assert queries(1) == queries(4)


@pytest.mark.django_db
def test_the_filtered_set_is_cached_per_class_and_renewed_on_publication(
    client, library, member, publish
):
    assert {r["title"] for r in _search(client, "topic=biosecurity")["results"]} == {
        "law",
        "undated",
    }
    client.force_login(member)  # another class: its own set, with the members-only document
    assert {r["title"] for r in _search(client, "topic=biosecurity")["results"]} == {
        "law",
        "undated",
        "members_only",
    }
    client.logout()
    publish("new", topics=[Topic.objects.get(slug="biosecurity").pk])
    assert "new" in {r["title"] for r in _search(client, "topic=biosecurity")["results"]}


@pytest.mark.django_db
def test_a_stale_filtered_set_never_shows_what_the_reader_may_not_read(
    client, library, monkeypatch
):
    from documents import selectors
    from search.backends.within import sorted_ids

    # A set cached before the filters' documents changed (every document, said to be of the
    # topic): the reader's visibility is still read from the database.
    every_one = sorted_ids(document.pk for document in library.values())
    monkeypatch.setattr(selectors, "filtered_ids", lambda user, filters, queryset: every_one)
    body = _search(client, "topic=biosecurity")
    assert "members_only" not in {r["title"] for r in body["results"]}
    assert {"law", "undated"} <= {r["title"] for r in body["results"]}
    assert _facet(body, "bwc_article") == {4: 1}  # the law's; not the members-only document's
