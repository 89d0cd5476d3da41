import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.core.files.uploadedfile import SimpleUploadedFile

from documents.models import Document, RevisionStatus
from documents.tests.factories import committed, published_document

RECORD = {
    "title": "Décret relatif aux laboratoires",
    "language": "fr",
    "doc_type": "regulation",
    "summary": "Règles de sécurité biologique.",
    "legal_status": "in_force",
    "access_level": "public",
}


@pytest.mark.django_db
def test_a_contributor_takes_a_law_from_upload_to_publication_through_the_web(
    client, contributor, moderator, organization
):
    client.force_login(contributor)
    response = client.post("/fr/library/new/", {**RECORD, "jurisdiction": organization.pk})
    document = Document.objects.get()
    assert response["Location"] == f"/fr/library/documents/{document.uid}/manage/"
    upload = SimpleUploadedFile(
        "decret.txt", "Article 1\nLes laboratoires évaluent les risques.\n".encode()
    )
    with committed():  # the extraction task runs when the request's transaction commits
        client.post(f"/fr/library/documents/{document.uid}/files/", {"file": upload})
    with committed():
        client.post(
            f"/fr/library/documents/{document.uid}/submit/", {"declared_unclassified": "on"}
        )
    revision = document.revisions.get()
    assert revision.status == RevisionStatus.IN_REVIEW

    TOTP.activate(moderator, generate_totp_secret())  # staff pages need two-factor authentication
    client.force_login(moderator)
    queue = client.get("/en/moderation/documents/")
    assert "Décret relatif aux laboratoires" in queue.content.decode()
    client.post(f"/en/moderation/documents/{revision.pk}/publish/")
    document.refresh_from_db()
    assert document.is_published
    page = client.get(f"/es/library/documents/{document.uid}/").content.decode()
    assert "Les laboratoires évaluent les risques." in page


@pytest.mark.django_db
def test_invalid_record_shows_errors_in_the_users_language(client, contributor, organization):
    client.force_login(contributor)
    response = client.post(
        "/fr/library/new/",
        {**RECORD, "title": "", "jurisdiction": organization.pk, "date_adopted": "2999-01-01"},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="error-summary"' in html
    assert 'href="#id_title"' in html
    assert not Document.objects.exists()


@pytest.mark.django_db
def test_a_refused_upload_says_why_and_keeps_nothing(client, contributor, organization):
    client.force_login(contributor)
    client.post("/en/library/new/", {**RECORD, "jurisdiction": organization.pk})
    document = Document.objects.get()
    fake = SimpleUploadedFile("law.pdf", b"<!DOCTYPE html><html><body>hello</body></html>")
    response = client.post(
        f"/en/library/documents/{document.uid}/files/", {"file": fake}, follow=True
    )
    assert 'class="message message--error"' in response.content.decode()
    assert not document.revisions.get().files.exists()


@pytest.mark.django_db
def test_the_list_page_has_a_constant_number_of_queries(
    client, contributor, moderator, organization, django_assert_max_num_queries
):
    for index in range(6):
        published_document(
            contributor=contributor,
            moderator=moderator,
            organization=organization,
            title=f"Act {index}",
            official_number=f"No. {index}",
        )
    with django_assert_max_num_queries(8):
        response = client.get("/en/library/documents/")
    assert response.status_code == 200
    assert response.context["page"].paginator.count == 6


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query",
    [
        "page=999",
        "page=-1",
        "page=abc",
        "year_from=abc",
        "doc_type=poem",
        "bwc_article=99",
        "topic=%00",
    ],
)
def test_bad_list_parameters_give_a_sensible_page(client, query):
    assert client.get(f"/en/library/documents/?{query}").status_code == 200


@pytest.mark.django_db
def test_the_document_page_offers_citations_and_json_ld(
    client, contributor, moderator, organization
):
    document = published_document(
        contributor=contributor, moderator=moderator, organization=organization
    )
    html = client.get(f"/en/library/documents/{document.uid}/").content.decode()
    assert '"@type": "Legislation"' in html
    ris = client.get(f"/en/library/documents/{document.uid}/cite/ris/").content.decode()
    assert ris.startswith("TY  - STAT") and "TI  - Act on Biosafety in Laboratories" in ris
    bibtex = client.get(f"/en/library/documents/{document.uid}/cite/bibtex/").content.decode()
    assert bibtex.startswith("@misc{")
    csl = client.get(f"/en/library/documents/{document.uid}/cite/csl-json/").json()
    assert csl[0]["type"] == "legislation"
    assert client.get(f"/en/library/documents/{document.uid}/cite/word/").status_code == 404


@pytest.mark.django_db
def test_the_reading_view_has_a_table_of_contents(client, contributor, moderator, organization):
    document = published_document(
        contributor=contributor, moderator=moderator, organization=organization
    )
    html = client.get(f"/en/library/documents/{document.uid}/read/").content.decode()
    assert 'id="art-1"' in html and 'href="#art-2"' in html


@pytest.mark.django_db
def test_two_versions_can_be_compared(client, contributor, moderator, organization):
    from documents import services

    document = published_document(
        contributor=contributor, moderator=moderator, organization=organization
    )
    second = services.document_new_revision(actor=contributor, document=document)
    services.revision_update(
        actor=contributor, revision=second, metadata={"title": "Act on Biosafety, amended"}
    )
    with committed():
        services.revision_submit(actor=contributor, revision=second, declared_unclassified=True)
    services.revision_publish(actor=moderator, revision=second)
    html = client.get(f"/en/library/documents/{document.uid}/compare/?from=1&to=2").content.decode()
    assert "Act on Biosafety, amended" in html
    assert (
        client.get(f"/en/library/documents/{document.uid}/compare/?from=1&to=9").status_code == 404
    )


@pytest.mark.django_db
def test_exports_carry_the_filtered_list_in_three_formats(
    client, contributor, moderator, organization
):
    import io
    import zipfile

    from openpyxl import load_workbook

    published_document(
        contributor=contributor,
        moderator=moderator,
        organization=organization,
        title="=HYPERLINK(evil)",
    )
    published_document(
        contributor=contributor,
        moderator=moderator,
        organization=organization,
        title="Другой закон",
        language="ru",
        official_number="2",
    )
    csv_text = b"".join(
        client.get("/en/library/documents/export/csv/?language=ru").streaming_content
    ).decode("utf-8-sig")
    assert "Другой закон" in csv_text and "HYPERLINK" not in csv_text
    all_csv = b"".join(client.get("/en/library/documents/export/csv/").streaming_content).decode(
        "utf-8-sig"
    )
    assert "'=HYPERLINK(evil)" in all_csv  # never a live formula
    sheet = load_workbook(
        io.BytesIO(client.get("/en/library/documents/export/xlsx/").content)
    ).active
    assert sheet.max_row == 3
    archive = zipfile.ZipFile(io.BytesIO(client.get("/en/library/documents/export/zip/").content))
    names = archive.namelist()
    assert "metadata.json" in names and "metadata.csv" in names
    assert sum(name.endswith("act.txt") for name in names) == 2
    assert client.get("/en/library/documents/export/pdf/").status_code == 404


@pytest.mark.django_db
def test_titles_in_other_languages_are_shown_instead_of_the_original(
    client, contributor, organization
):
    client.force_login(contributor)
    client.post(
        "/en/library/new/",
        {
            **RECORD,
            "jurisdiction": organization.pk,
            "title_en": "Decree on laboratories",
            "title_ru": "Указ о лабораториях",
        },
    )
    revision = Document.objects.get().revisions.get()
    assert revision.translations == {
        "en": {"title": "Decree on laboratories"},
        "ru": {"title": "Указ о лабораториях"},
    }
    assert revision.display_title("ru") == "Указ о лабораториях"
    assert (
        revision.display_title("zh-hans") == "Décret relatif aux laboratoires"
    )  # falls back to the original


@pytest.mark.django_db
def test_the_language_is_detected_from_the_text_when_not_given(client, contributor, organization):
    client.force_login(contributor)
    client.post("/en/library/new/", {**RECORD, "language": "", "jurisdiction": organization.pk})
    document = Document.objects.get()
    text = "Статья 1. Лаборатории обязаны оценивать риски работы с патогенами и вести учет.\n" * 3
    with committed():
        client.post(
            f"/en/library/documents/{document.uid}/files/",
            {"file": SimpleUploadedFile("law.txt", text.encode())},
        )
    assert document.revisions.get().language == "ru"


@pytest.mark.django_db
def test_the_document_page_links_its_readable_language_versions(
    client, contributor, moderator, organization
):
    from documents import services
    from documents.models import AccessLevel, RelationKind

    english = published_document(
        contributor=contributor, moderator=moderator, organization=organization
    )
    french = published_document(
        contributor=contributor,
        moderator=moderator,
        organization=organization,
        language="fr",
        title="Loi",
        official_number="fr",
    )
    hidden = published_document(
        contributor=contributor,
        moderator=moderator,
        organization=organization,
        language="ru",
        title="Закон",
        official_number="ru",
        access_level=AccessLevel.MEMBERS,
    )
    services.relation_add(
        actor=contributor, source=english, target=french, kind=RelationKind.LANGUAGE_VERSION
    )
    services.relation_add(
        actor=contributor, source=hidden, target=english, kind=RelationKind.LANGUAGE_VERSION
    )
    response = client.get(f"/en/library/documents/{english.uid}/")
    assert response.context["language_versions"] == [french]
    assert french.get_absolute_url() in response.content.decode()


@pytest.mark.django_db
def test_library_counts_are_cached_per_visibility_and_renewed_on_publication(
    client, contributor, moderator, organization, member, django_assert_max_num_queries
):
    from documents.models import AccessLevel

    published_document(contributor=contributor, moderator=moderator, organization=organization)
    assert client.get("/en/library/").context["total"] == 1
    published_document(
        contributor=contributor,
        moderator=moderator,
        organization=organization,
        access_level=AccessLevel.MEMBERS,
        official_number="m",
    )
    assert client.get("/en/library/").context["total"] == 1  # the members-only one is not counted
    client.force_login(member)
    assert client.get("/en/library/").context["total"] == 2


@pytest.mark.django_db
def test_related_documents_show_only_those_the_reader_may_read(
    client, contributor, moderator, organization, member
):
    from documents import services
    from documents.models import AccessLevel, RelationKind

    law = published_document(
        contributor=contributor, moderator=moderator, organization=organization
    )
    hidden = published_document(
        contributor=contributor,
        moderator=moderator,
        organization=organization,
        title="Members-only decree",
        official_number="m",
        access_level=AccessLevel.MEMBERS,
    )
    services.relation_add(
        actor=contributor, source=hidden, target=law, kind=RelationKind.IMPLEMENTS
    )
    assert client.get(law.get_absolute_url()).context["relations"] == []
    client.force_login(member)
    labels = [
        (str(label), other)
        for label, other in client.get(law.get_absolute_url()).context["relations"]
    ]
    assert labels == [("is implemented by", hidden)]
