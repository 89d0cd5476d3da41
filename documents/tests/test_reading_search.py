"""Search inside one document, on the reading view: hits by section or by page, marked."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from documents import services
from documents.models import AccessLevel
from documents.tests.extraction.builders import make_pdf
from documents.tests.factories import committed, metadata, published_document

FRENCH = (
    "Loi sur les agents pathogènes\n\nArticle 1\nLes agents pathogènes humains sont manipulés "
    "avec soin.\n\nArticle 2\nLe laboratoire tient un registre.\n"
)
CHINESE = (
    "第一条\n为了加强病原微生物实验室生物安全管理，制定本条例。\n第二条\n本条例适用于实验室。\n"
)


def _read(client, document, query=None, **headers):
    params = {"q": query} if query is not None else {}
    url = f"/en/library/documents/{document.uid}/read/"
    return client.get(url, params, headers=headers)


def _hits(html: str) -> str:
    start = html.index('<section class="inside-hits"')
    return html[start : html.index("</section>", start)]


@pytest.fixture
def law(contributor, moderator, organization):
    # "Act on Biosafety in Laboratories", then Article 1 (pathogens) and Article 2 (laboratories).
    return published_document(
        contributor=contributor, moderator=moderator, organization=organization
    )


@pytest.fixture
def publish(contributor, moderator, organization):
    def make(**fields):
        return published_document(
            contributor=contributor, moderator=moderator, organization=organization, **fields
        )

    return make


@pytest.mark.django_db
def test_hits_are_grouped_by_section_and_link_to_the_marked_words(client, law):
    html = _read(client, law, "laboratory").content.decode()
    hits = _hits(html)
    assert "2 matches" in hits
    assert "Beginning of the text" in hits  # the title line, before Article 1
    assert 'href="#art-2"' in hits and 'href="#art-1"' not in hits
    assert '<mark id="hit-1">Laboratories</mark>' in html
    assert '<mark id="hit-2">Laboratories</mark>' in html
    assert 'href="#hit-2"' in html


@pytest.mark.django_db
def test_words_match_through_stemming_and_accents(client, publish):
    document = publish(title="Loi", language="fr", text=FRENCH)
    hits = _hits(_read(client, document, "pathogene").content.decode())
    assert "<mark>pathogènes</mark>" in hits and "2 matches" in hits
    assert 'href="#art-1"' in hits and 'href="#art-2"' not in hits
    phrase = _read(client, document, '"agents pathogènes humains"').content.decode()
    assert "1 match" in _hits(phrase)  # the title has "agents pathogènes" only
    assert '<mark id="hit-1">agents pathogènes humains</mark>' in phrase


@pytest.mark.django_db
def test_chinese_words_are_found_inside_runs_of_characters(client, publish):
    document = publish(title="条例", language="zh", text=CHINESE)
    hits = _hits(_read(client, document, "实验室").content.decode())
    assert "2 matches" in hits and 'href="#art-2"' in hits


@pytest.fixture
def pdf_document(contributor, moderator, organization):
    document = services.document_create(
        actor=contributor, organization=organization, metadata=metadata(organization)
    )
    data = make_pdf([["Containment of agents."], None, ["Waste from the laboratory."]])
    upload = SimpleUploadedFile("act.pdf", data, content_type="application/pdf")
    with committed():
        services.file_add(actor=contributor, revision=document.revisions.get(), upload=upload)
    with committed():
        services.revision_submit(
            actor=contributor, revision=document.revisions.get(), declared_unclassified=True
        )
    with committed():
        services.revision_publish(
            actor=moderator, revision=document.revisions.get(), findings_reviewed=True
        )
    document.refresh_from_db()
    return document


@pytest.mark.django_db
def test_a_pdf_without_headings_is_grouped_by_page(client, pdf_document):
    assert "\f" in pdf_document.published_revision.files.get().extracted_text
    html = _read(client, pdf_document, "laboratories").content.decode()
    hits = _hits(html)
    assert "Page 3" in hits and 'href="#page-3"' in hits and "Page 1" not in hits
    assert 'id="page-3"' in html and '<mark id="hit-1">laboratory</mark>' in html
    assert "\f" not in html


@pytest.mark.django_db
def test_htmx_gets_the_hits_and_text_only(client, law):
    response = _read(client, law, "pathogen", HX_Request="true")
    html = response.content.decode()
    assert "<html" not in html and "1 match" in html and 'id="art-1"' in html


@pytest.mark.django_db
def test_the_record_page_has_a_search_box_for_the_reading_view(client, law):
    html = client.get(f"/en/library/documents/{law.uid}/").content.decode()
    assert f'action="/en/library/documents/{law.uid}/read/"' in html and 'name="q"' in html


@pytest.mark.django_db
def test_no_query_shows_the_text_without_hits(client, law):
    for query in (None, "", "   ", "-laboratory"):
        html = _read(client, law, query).content.decode()
        assert "Found in this document" not in html and "<mark" not in html
        assert "Laboratories shall assess" in html


@pytest.mark.django_db
def test_no_match_says_so(client, law):
    html = _read(client, law, "nuclear").content.decode()
    assert "No match in this document" in html and "<mark" not in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query",
    [
        '" * ^ : NEAR OR AND - ( )',
        "'; DROP TABLE documents;--",
        "a\x00b\x07c",
        '"unbalanced laboratory',
        "<script>alert(1)</script>",
    ],
)
def test_bad_queries_never_fail(client, law, query):
    response = _read(client, law, query)
    assert response.status_code == 200
    assert "<script>alert" not in response.content.decode()


@pytest.mark.django_db
def test_a_lone_surrogate_or_a_null_byte_in_the_url_never_fails(client, law):
    for raw in ("%ED%A0%80lone", "%00%07laboratory", "%FF"):
        response = client.get(f"/en/library/documents/{law.uid}/read/?q={raw}")
        assert response.status_code == 200


@pytest.mark.django_db
def test_a_very_long_query_is_shortened_with_a_notice(client, law):
    html = _read(client, law, "laboratory " * 1000).content.decode()
    assert "only its first 500 characters were used" in html and "<mark" in html


@pytest.mark.django_db
def test_the_reading_view_keeps_its_permissions(client, publish, member):
    document = publish(title="Members", access_level=AccessLevel.MEMBERS, official_number="9")
    assert _read(client, document, "laboratory").status_code == 404
    client.force_login(member)
    assert "<mark" in _read(client, document, "laboratory").content.decode()
