"""The library list reads the published record's fields from their copy on the document: the
copy follows every publication, the filters and sorts give what the record says, and the list,
filtered list, library home and document page need a fixed number of queries."""

from datetime import date

import pytest
from django.apps import apps

from documents import services
from documents.models import (
    AccessLevel,
    BWCArticle,
    Document,
    DocumentType,
    LegalStatus,
    RelationKind,
)
from documents.tests.factories import committed, published_document
from organizations.models import RegionalGroup
from organizations.tests.factories import OrganizationFactory
from taxonomy.models import Topic


@pytest.fixture
def library(db, contributor, moderator, organization):
    """Four published documents that differ in every field a filter reads."""
    senegal = OrganizationFactory(code="SEN", name="Senegal", regional_group=RegionalGroup.AFRICAN)
    biosecurity = Topic.objects.create(slug="biosecurity", label="Biosecurity")
    article_four = BWCArticle.objects.create(number=4, title="National implementation")

    def publish(title, **fields):
        return published_document(
            contributor=contributor,
            moderator=moderator,
            organization=organization,
            title=title,
            official_number=title,
            **fields,
        )

    return {
        "law": publish(
            "law",
            date_adopted=date(2010, 5, 1),
            legal_status=LegalStatus.IN_FORCE,
            topics=[biosecurity.pk],
            bwc_articles=[article_four],
        ),
        "old_law": publish(
            "old_law", date_adopted=date(1990, 1, 1), legal_status=LegalStatus.REPEALED
        ),
        "senegal_guidance": publish(
            "senegal_guidance",
            doc_type=DocumentType.GUIDANCE,
            jurisdiction=senegal,
            language="fr",
            date_adopted=date(2020, 3, 1),
            topics=[biosecurity.pk],
        ),
        "members_only": publish(
            "members_only", access_level=AccessLevel.MEMBERS, date_adopted=date(2015, 1, 1)
        ),
    }


def _titles(client, query: str = "") -> list[str]:
    page = client.get(f"/en/library/documents/?{query}").context["page"]
    return [document.published_revision.title for document in page]


@pytest.mark.django_db
def test_publication_copies_the_record_fields_onto_the_document(library):
    guidance = library["senegal_guidance"]
    revision = guidance.published_revision
    assert (guidance.doc_type, guidance.jurisdiction_id, guidance.language) == (
        DocumentType.GUIDANCE,
        revision.jurisdiction_id,
        "fr",
    )
    assert (guidance.legal_status, guidance.date_adopted) == (
        revision.legal_status,
        date(2020, 3, 1),
    )


@pytest.mark.django_db
def test_a_new_published_version_updates_the_copy(library, contributor, moderator):
    law = library["law"]
    with committed():
        revision = services.document_new_revision(actor=contributor, document=law)
        services.revision_update(
            actor=contributor,
            revision=revision,
            metadata={"doc_type": DocumentType.REGULATION, "legal_status": LegalStatus.AMENDED},
        )
        services.revision_submit(actor=contributor, revision=revision, declared_unclassified=True)
        services.revision_publish(actor=moderator, revision=revision, findings_reviewed=True)
    law.refresh_from_db()
    assert (law.doc_type, law.legal_status) == (DocumentType.REGULATION, LegalStatus.AMENDED)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", {"law", "old_law", "senegal_guidance"}),
        ("doc_type=guidance", {"senegal_guidance"}),
        ("doc_type=national_law&language=en", {"law", "old_law"}),
        ("jurisdiction=SEN", {"senegal_guidance"}),
        ("region=african", {"senegal_guidance"}),
        ("organization=FRA", {"law", "old_law", "senegal_guidance"}),
        ("legal_status=repealed", {"old_law"}),
        ("topic=biosecurity", {"law", "senegal_guidance"}),
        ("topic=biosecurity&year_from=2015", {"senegal_guidance"}),
        ("year_to=2010", {"law", "old_law"}),
        ("bwc_article=4&legal_status=in_force", {"law"}),
    ],
)
def test_the_filters_select_what_the_published_record_says(client, library, query, expected):
    assert set(_titles(client, query)) == expected
    assert client.get(f"/en/library/documents/?{query}").context["page"].paginator.count == len(
        expected
    )


@pytest.mark.django_db
def test_the_filters_offer_lists_of_what_the_library_holds(client, library):
    html = client.get("/en/library/documents/?topic=biosecurity").content.decode()
    assert '<select name="topic"' in html
    assert '<option value="biosecurity" selected>Biosecurity</option>' in html
    assert '<select name="jurisdiction"' in html and '<option value="SEN">Senegal</option>' in html
    assert '<select name="bwc_article"' in html
    assert '<option value="african">African States</option>' in html  # the UN regional groups


@pytest.mark.django_db
def test_reading_the_filters_of_a_search_reads_no_list(library, django_assert_num_queries):
    from django.http import QueryDict

    from documents.forms import LibraryFilterForm

    with django_assert_num_queries(0):
        filters = LibraryFilterForm(QueryDict("topic=biosecurity&bwc_article=99")).filters()
    assert filters == {"topic": "biosecurity"}  # article 99 does not exist: dropped


@pytest.mark.django_db
def test_members_see_the_members_only_document_and_the_list_sorts_by_adoption(
    client, library, member
):
    client.force_login(member)
    assert _titles(client, "sort=date") == ["senegal_guidance", "members_only", "law", "old_law"]


@pytest.mark.django_db
def test_existing_documents_get_the_copy_when_migrating(library):
    from importlib import import_module

    migration = import_module("documents.migrations.0003_document_listing_fields")
    Document.objects.update(doc_type="", jurisdiction=None, language="", date_adopted=None)
    migration.copy_listing_fields(apps, None)
    guidance = Document.objects.get(pk=library["senegal_guidance"].pk)
    assert (guidance.doc_type, guidance.jurisdiction.code, guidance.language) == (
        DocumentType.GUIDANCE,
        "SEN",
        "fr",
    )
    assert guidance.date_adopted == date(2020, 3, 1)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("url", "queries"),
    [
        # The list: its count and page, its rows' relations, and the filters' lists (topics,
        # articles, States and organizations).
        ("/en/library/documents/", 6),
        ("/en/library/documents/?doc_type=national_law&language=en", 6),
        ("/en/library/documents/?jurisdiction=FRA&sort=date", 6),
        ("/en/library/documents/?topic=biosecurity&year_from=2000", 6),
        ("/en/library/documents/?region=african&sort=date&page=1", 6),
        ("/en/library/documents/?bwc_article=4&legal_status=in_force", 6),
        ("/en/library/", 6),  # counts not yet cached
    ],
)
def test_library_pages_need_a_fixed_number_of_queries(
    client, library, contributor, moderator, organization, url, queries, django_assert_num_queries
):
    for index in range(3):  # more rows must not mean more queries
        published_document(
            contributor=contributor,
            moderator=moderator,
            organization=organization,
            official_number=f"more {index}",
        )
    with django_assert_num_queries(queries):
        assert client.get(url).status_code == 200


@pytest.mark.django_db
def test_the_document_page_needs_a_fixed_number_of_queries(
    client, library, contributor, member, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    law = library["law"]
    client.force_login(member)
    client.get(law.get_absolute_url())  # the session, caches
    with CaptureQueriesContext(connection) as alone:
        client.get(law.get_absolute_url())
    for other in ("old_law", "senegal_guidance", "members_only"):
        services.relation_add(
            actor=contributor, source=library[other], target=law, kind=RelationKind.AMENDS
        )
    with django_assert_max_num_queries(len(alone.captured_queries)):  # not one per relation
        response = client.get(law.get_absolute_url())
    assert len(response.context["relations"]) == 3


@pytest.mark.django_db
def test_a_list_count_is_cached_and_renewed_on_publication(
    client, library, contributor, moderator, organization, django_assert_num_queries
):
    assert (
        client.get("/en/library/documents/?doc_type=national_law").context["page"].paginator.count
        == 2
    )
    with django_assert_num_queries(5):  # the other page of the same list: no count
        client.get("/en/library/documents/?doc_type=national_law&page=2")
    published_document(
        contributor=contributor, moderator=moderator, organization=organization, official_number="x"
    )
    assert (
        client.get("/en/library/documents/?doc_type=national_law").context["page"].paginator.count
        == 3
    )
