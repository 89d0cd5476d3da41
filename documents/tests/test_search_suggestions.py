"""Spelling suggestions on the search page and in the API, from what everyone may read."""

import pytest

from documents import services
from documents.models import AccessLevel
from documents.tests.factories import committed, draft_document, published_document
from search.models import Term

FRENCH = "Article 1\nLes agents pathogènes humains sont manipulés dans un laboratoire.\n"
RUSSIAN = "Статья 1\nТребования биологической безопасности в лаборатории.\n"
ARABIC = "المادة 1\nتلتزم المختبرات بقواعد السلامة البيولوجية.\n"
SPANISH = "Artículo 1\nLa bioseguridad de los laboratorios.\n"


@pytest.fixture
def library(contributor, moderator, organization):
    def publish(number, **fields):
        return published_document(
            contributor=contributor,
            moderator=moderator,
            organization=organization,
            official_number=number,
            summary="",
            **fields,
        )

    return {
        "en": publish("1"),  # "Act on Biosafety in Laboratories", about pathogens
        "fr": publish("2", title="Loi sur les pathogènes", language="fr", text=FRENCH),
        "ru": publish("3", title="Закон о безопасности", language="ru", text=RUSSIAN),
        "ar": publish("4", title="نظام المختبرات", language="ar", text=ARABIC),
        "es": publish("5", title="Ley de bioseguridad", language="es", text=SPANISH),
        "members": publish(
            "6",
            title="Zymogenic cultures",
            text="Article 1\nZymogenic cultures are kept apart.\n",
            access_level=AccessLevel.MEMBERS,
        ),
    }


def _suggestion(client, query, **params):
    return client.get("/api/v1/search", {"q": query, **params}).json().get("suggestion")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("biosafty laboratries", "biosafety laboratories"),
        ("pathogènes humins", "pathogènes humains"),
        ("биологическoй безопастности", "биологической безопасности"),
        ("المختبرت", "المختبرات"),
        ("bioseguridd", "bioseguridad"),
        ('"biosafty" -nuclear', '"biosafety" -nuclear'),
    ],
)
def test_the_api_suggests_known_words_in_each_language(client, library, typed, expected):
    assert _suggestion(client, typed) == expected


@pytest.mark.django_db
def test_no_suggestion_when_the_words_are_known_or_for_chinese(client, library):
    body = client.get("/api/v1/search", {"q": "biosafety"}).json()
    assert body["count"] >= 1 and "suggestion" not in body
    assert _suggestion(client, "实验室安全") is None


@pytest.mark.django_db
def test_the_search_page_links_to_the_corrected_search_with_its_filters(client, library):
    html = client.get("/en/search/", {"q": "biosafty", "doc_type": "national_law"}).content
    html = html.decode()
    assert "Did you mean:" in html
    assert 'href="?q=biosafety&amp;doc_type=national_law"' in html
    htmx = client.get("/en/search/", {"q": "biosafty"}, headers={"HX-Request": "true"})
    assert "?q=biosafety" in htmx.content.decode()


@pytest.mark.django_db
def test_a_word_only_in_a_members_only_document_is_never_suggested(client, library, member):
    assert not Term.objects.filter(word="zymogenic").exists()
    assert _suggestion(client, "zymogenik") is None
    client.force_login(member)
    assert _suggestion(client, "zymogenik") is None


@pytest.mark.django_db
def test_a_word_only_in_an_unpublished_document_is_never_suggested(
    client, library, contributor, organization
):
    draft_document(
        contributor=contributor,
        organization=organization,
        text="Article 1\nXenotropic vectors.\n",
        official_number="7",
    )
    assert not Term.objects.filter(word="xenotropic").exists()
    assert _suggestion(client, "xenotropik") is None


@pytest.mark.django_db
def test_a_withdrawn_documents_words_leave_the_dictionary(client, library, contributor):
    assert _suggestion(client, "bioseguridd") == "bioseguridad"
    with committed():
        services.document_withdraw(actor=contributor, document=library["es"], reason="Repealed.")
    assert not Term.objects.filter(word="bioseguridad").exists()
    assert _suggestion(client, "bioseguridd") is None


@pytest.mark.django_db
def test_a_suggestion_that_would_find_nothing_with_the_filters_is_not_offered(client, library):
    assert _suggestion(client, "biosafty", language="fr") is None


@pytest.mark.django_db
def test_the_reindex_command_rebuilds_the_dictionary(library):
    from django.core.management import call_command

    Term.objects.all().delete()
    call_command("reindex", "--no-progress")
    assert Term.objects.filter(word="biosafety", language="en").exists()
