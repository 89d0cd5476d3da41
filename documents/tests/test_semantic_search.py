"""Search by meaning across languages, the hybrid ranking, and similar documents."""

import pytest

from documents.models import AccessLevel
from documents.search import CONTENT_TYPE, similar_documents
from documents.tests.factories import published_document
from organizations.tests.factories import OrganizationFactory
from search.models import Passage

ENGLISH = (
    "Article 1\nNo person shall possess, produce or transfer a human pathogen or toxin without "
    "a licence issued by the Minister.\n\nArticle 2\nLicence holders shall keep an inventory of "
    "the pathogens and toxins in their possession.\n"
)
CHINESE = "第一条\n从事高致病性病原微生物实验活动的实验室，应当取得许可证，并建立病原体和毒素的登记制度。\n"
SPANISH = (
    "Artículo 1\nLos productores agrícolas deberán declarar las cosechas de trigo y maíz al "
    "ministerio de agricultura antes de su venta.\n"
)


@pytest.fixture
def publish(contributor, moderator, organization):
    """make(title, language, text, number, **fields): a published document without summary."""

    def make(title, language, text, number, **extra):
        return published_document(
            contributor=contributor,
            moderator=moderator,
            organization=organization,
            title=title,
            language=language,
            text=text,
            summary="",
            official_number=number,
            **extra,
        )

    return make


@pytest.fixture
def library(publish):
    make = publish
    return {
        "en": make("Human Pathogens and Toxins Act", "en", ENGLISH, "1"),
        "zh": make("病原微生物实验室生物安全管理条例", "zh", CHINESE, "2"),
        "es": make("Ley de declaración de cosechas", "es", SPANISH, "3"),
        "members": make(
            "Inventory of pathogen collections",
            "en",
            ENGLISH,
            "4",
            access_level=AccessLevel.MEMBERS,
        ),
    }


def _ids(client, query, **params):
    response = client.get("/api/v1/search", {"q": query, **params})
    assert response.status_code == 200
    return [result["external_id"] or result["title"] for result in response.json()["results"]]


def _titles(client, query, **params):
    response = client.get("/api/v1/search", {"q": query, **params})
    return [result["title"] for result in response.json()["results"]]


@pytest.mark.django_db
def test_publication_embeds_titles_and_passages(library):
    passages = Passage.objects.filter(content_type=CONTENT_TYPE, object_id=library["en"].pk)
    assert passages.count() >= 2
    head = passages.get(position=0)
    assert head.start is None and head.language == "en"
    assert head.embedding.shape == (512,)


@pytest.mark.django_db
def test_french_query_finds_english_and_chinese_laws_on_the_subject(client, library):
    titles = _titles(client, "permis de détention des agents pathogènes et des toxines")
    assert "Human Pathogens and Toxins Act" in titles
    assert "病原微生物实验室生物安全管理条例" in titles
    assert "Ley de declaración de cosechas" not in titles[:2]
    # Lexical only: no French word occurs in those texts.
    assert _titles(client, "permis de détention des agents pathogènes", mode="lexical") == []


@pytest.mark.django_db
def test_semantic_search_respects_access(client, member, library):
    query = "pathogen inventory licence"
    assert "Inventory of pathogen collections" not in _titles(client, query, mode="semantic")
    client.force_login(member)
    assert "Inventory of pathogen collections" in _titles(client, query, mode="semantic")


@pytest.mark.django_db
def test_excluded_words_exclude_semantic_hits_too(client, library):
    titles = _titles(client, "licence for pathogens -toxin")
    assert "Human Pathogens and Toxins Act" not in titles


@pytest.mark.django_db
def test_quoted_phrases_keep_hybrid_results_to_documents_containing_them(client, library):
    assert _titles(client, '"keep an inventory"') == ["Human Pathogens and Toxins Act"]


@pytest.mark.django_db
def test_unrelated_query_finds_nothing_by_meaning(client, library):
    assert _titles(client, "football world cup results", mode="semantic") == []


@pytest.mark.django_db
def test_cross_language_hit_gets_a_snippet_from_the_matching_passage(client, library):
    response = client.get("/api/v1/search", {"q": "实验室 许可证 毒素", "mode": "semantic"})
    results = {r["title"]: r for r in response.json()["results"]}
    assert "licence" in results["Human Pathogens and Toxins Act"]["snippet"]


@pytest.mark.django_db
def test_similar_documents_are_readable_and_exclude_the_document_itself(library, member):
    from django.contrib.auth.models import AnonymousUser

    similar = similar_documents(AnonymousUser(), library["en"])
    assert library["en"] not in similar
    assert library["members"] not in similar
    assert similar[0] == library["zh"]
    assert library["members"] in similar_documents(member, library["en"])


@pytest.mark.django_db
def test_document_page_lists_similar_documents(client, library):
    response = client.get(library["en"].get_absolute_url())
    assert response.status_code == 200
    assert "病原微生物实验室生物安全管理条例" in response.content.decode()


@pytest.mark.django_db
def test_withdrawal_drops_the_passages(library, moderator):
    from documents import services
    from documents.tests.factories import committed

    with committed():
        services.document_withdraw(actor=moderator, document=library["en"], reason="Replaced.")
    assert not Passage.objects.filter(content_type=CONTENT_TYPE, object_id=library["en"].pk)


@pytest.mark.django_db
def test_members_can_keep_to_the_languages_they_read(client, member, library):
    member.preferred_language = "fr"
    member.save()
    member.profile.languages = ["zh-hans"]
    member.profile.save()
    client.force_login(member)
    query = "licence for pathogens and toxins"
    everything = _titles(client, query)
    assert "Human Pathogens and Toxins Act" in everything
    mine = _titles(client, query, my_languages="1")
    assert mine == ["病原微生物实验室生物安全管理条例"]
    html = client.get("/en/search/", {"q": query, "my_languages": "1"}).content.decode()
    assert 'name="my_languages" value="1" checked' in html


@pytest.mark.django_db
def test_a_filter_looks_further_for_documents_close_in_meaning(client, library, monkeypatch):
    # Two passages considered (the English act's): the Chinese law is further away. With a
    # filter the search looks further, and finds it within the Chinese filter.
    monkeypatch.setattr("search.ranking.PASSAGES_CONSIDERED", 2)
    monkeypatch.setattr("search.ranking.SIMILARITY_FLOOR", -1.0)
    query = "licence holders shall keep an inventory of the pathogens"
    monkeypatch.setattr("documents.search.FILTERED_SEMANTIC_FACTOR", 1)
    assert _titles(client, query, mode="semantic", language="zh") == []
    monkeypatch.undo()
    monkeypatch.setattr("search.ranking.PASSAGES_CONSIDERED", 2)
    monkeypatch.setattr("search.ranking.SIMILARITY_FLOOR", -1.0)
    chinese = _titles(client, query, mode="semantic", language="zh")
    assert chinese == ["病原微生物实验室生物安全管理条例"]


def _scores(client, query, **params):
    response = client.get("/api/v1/search", {"q": query, **params})
    return {result["title"]: result["score"] for result in response.json()["results"]}


@pytest.mark.django_db
def test_hybrid_search_ranks_documents_holding_some_of_the_words(client, library):
    # No document holds "qwxzv": none holds every word, so the words match nothing alone...
    query = "licence inventory qwxzv"
    assert _titles(client, query, mode="lexical") == []
    # ...but the act holding "licence" and "inventory" gets the words' bonus in hybrid ranking.
    hybrid, semantic = _scores(client, query), _scores(client, query, mode="semantic")
    act = "Human Pathogens and Toxins Act"
    assert hybrid[act] > semantic.get(act, 0.0)
    assert next(iter(hybrid)) == act


@pytest.mark.django_db
def test_naming_a_state_raises_its_documents(client, publish):
    canada = OrganizationFactory(code="CAN", name_en="Canada", name_ru="Канада")
    america = OrganizationFactory(
        code="USA", name_en="United States of America", name_zh_hans="美国"
    )
    titles = (
        ("Human Pathogens and Toxins Licensing Act", america),
        ("Pathogen Regulations", canada),
    )
    for title, place in titles:
        publish(title, "en", ENGLISH, title, jurisdiction=place)
    assert _titles(client, "лицензирование патогенов человека")[0] == (
        "Human Pathogens and Toxins Licensing Act"
    )
    # The Canadian regulations say less on the subject in their title, but the query names Canada.
    assert (
        _titles(client, "лицензирование патогенов человека в Канаде")[0] == "Pathogen Regulations"
    )
