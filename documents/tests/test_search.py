import pytest

from documents.models import AccessLevel
from documents.search import document_index
from documents.tests.factories import published_document

FRENCH = "Article 1\nLes laboratoires évaluent les risques biologiques avant toute manipulation.\n"
RUSSIAN = "Статья 1\nЛаборатории обязаны оценивать биологические риски.\n"
CHINESE = "第一条\n病原微生物实验室应当进行生物安全风险评估。\n"


@pytest.fixture
def library(contributor, moderator, organization):
    made = {
        "fr": published_document(
            contributor=contributor,
            moderator=moderator,
            organization=organization,
            title="Décret sur les laboratoires",
            language="fr",
            text=FRENCH,
            summary="",
        ),
        "ru": published_document(
            contributor=contributor,
            moderator=moderator,
            organization=organization,
            title="Закон о лабораториях",
            language="ru",
            text=RUSSIAN,
            official_number="2",
            summary="",
        ),
        "zh": published_document(
            contributor=contributor,
            moderator=moderator,
            organization=organization,
            title="实验室条例",
            language="zh",
            text=CHINESE,
            official_number="3",
            summary="",
        ),
        "secret": published_document(
            contributor=contributor,
            moderator=moderator,
            organization=organization,
            title="Members-only laboratory rules",
            language="en",
            text="Article 1\nLaboratories assess risks.\n",
            access_level=AccessLevel.MEMBERS,
            official_number="4",
        ),
    }
    for document in made.values():
        document_index(document.pk)
    return made


def _titles(client, url):
    return [r["title"] for r in client.get(url).json()["results"]]


@pytest.mark.django_db
def test_stemmed_queries_find_documents_in_their_language(client, library):
    # Lexical mode: words only (the default hybrid mode also finds the others by meaning).
    assert _titles(client, "/api/v1/search?mode=lexical&q=laboratoire") == [
        "Décret sur les laboratoires"
    ]
    assert _titles(client, "/api/v1/search?mode=lexical&q=лаборатория") == ["Закон о лабораториях"]
    assert _titles(client, "/api/v1/search?mode=lexical&q=实验室") == ["实验室条例"]


@pytest.mark.django_db
def test_phrases_and_exclusions(client, library):
    assert _titles(client, '/api/v1/search?mode=lexical&q="risques biologiques"') == [
        "Décret sur les laboratoires"
    ]
    assert _titles(client, '/api/v1/search?mode=lexical&q="biologiques risques"') == []
    assert _titles(client, "/api/v1/search?mode=lexical&q=laboratoire -manipulation") == []


@pytest.mark.django_db
def test_search_never_returns_or_counts_what_the_user_may_not_read(client, library, member):
    body = client.get("/api/v1/search?mode=lexical&q=laboratories").json()
    assert body["count"] == 0 and body["facets"]["language"] == []
    client.force_login(member)
    body = client.get("/api/v1/search?mode=lexical&q=laboratories").json()
    assert [r["title"] for r in body["results"]] == ["Members-only laboratory rules"]
    assert body["facets"]["language"] == [{"value": "en", "count": 1}]


@pytest.mark.django_db
def test_the_api_answers_with_ids_snippets_and_facets(client, library):
    body = client.get("/api/v1/search?q=laboratoires&lang=fr&page_size=5").json()
    result = body["results"][0]
    assert result["id"] == str(library["fr"].uid)
    assert "<mark>laboratoires</mark>" in result["snippet"].lower()
    assert result["url"].endswith(f"/library/documents/{library['fr'].uid}/")
    assert body["facets"]["doc_type"] == [{"value": "national_law", "count": 1}]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query",
    [
        "",
        "x" * 10_000,
        "the and of",
        '"unbalanced',
        '" * ^ : NEAR OR AND - ( )',
        "'; DROP TABLE documents;--",
        "%00%07",
        "%ED%A0%80",
        "labo&type=poem&page=999",
    ],
)
def test_bad_queries_never_fail(client, library, query):
    assert client.get(f"/api/v1/search?q={query}").status_code == 200
    assert client.get(f"/en/search/?q={query}").status_code == 200


@pytest.mark.django_db
def test_a_bad_page_size_is_a_clear_error(client, library):
    response = client.get("/api/v1/search?q=a&page_size=lots")
    assert response.status_code == 400 and "page_size" in response.json()["error"]


@pytest.mark.django_db
def test_the_search_page_shows_results_facets_and_language_versions(client, library):
    html = client.get("/fr/search/?q=laboratoire").content.decode()
    assert "Décret sur les laboratoires" in html
    assert "<mark>" in html
    assert "?q=laboratoire&amp;doc_type=national_law" in html


@pytest.mark.django_db
def test_withdrawn_documents_leave_the_index(client, library, contributor):
    from documents import services

    services.document_withdraw(actor=contributor, document=library["fr"], reason="Repealed.")
    document_index(library["fr"].pk)
    for mode in ("lexical", "hybrid", "semantic"):
        assert "Décret sur les laboratoires" not in _titles(
            client, f"/api/v1/search?mode={mode}&q=laboratoire"
        )


@pytest.fixture
def thesaurus(db, tmp_path):
    from search.thesaurus import thesaurus_import

    path = tmp_path / "terms.tsv"
    path.write_text(
        "مختبرات\t实验室\tlaboratories\tlaboratoires\tлаборатории\tlaboratorios\r\n",
        encoding="utf-8",
    )
    thesaurus_import(path=path, source="test")


@pytest.mark.django_db
def test_the_thesaurus_carries_a_query_into_the_other_languages(client, library, thesaurus):
    titles = set(_titles(client, "/api/v1/search?q=laboratoires"))
    assert {"Décret sur les laboratoires", "实验室条例", "Закон о лабораториях"} <= titles
    html = client.get("/en/search/?q=laboratoires").content.decode()
    assert "Also searched in every language for" in html


@pytest.mark.django_db
def test_words_only_find_the_thesaurus_labels_too(client, library, thesaurus, monkeypatch):
    from search.backends import backend

    url = "/api/v1/search?q=laboratoires&mode=lexical"
    titles = _titles(client, url)
    # The order of three texts holding the word once each is BM25's detail (title lengths).
    assert set(titles) == {"Décret sur les laboratoires", "实验室条例", "Закон о лабораториях"}
    assert _titles(client, url + "&language=zh") == ["实验室条例"]
    monkeypatch.setattr("search.ranking.nearest_passages", lambda **kwargs: [])
    if backend().BROAD_MATCHES_ARE_CHEAP:  # SQLite: the labels are matched everywhere
        assert set(_titles(client, url)) == set(titles)
    else:  # PostgreSQL: among the documents nearest in meaning only (none here)
        assert _titles(client, url) == ["Décret sur les laboratoires"]


@pytest.mark.django_db
def test_the_unbis_thesaurus_imports(shared_dir):
    from search.models import Concept
    from search.thesaurus import concepts_in, thesaurus_import

    count = thesaurus_import(path=shared_dir / "thesaurus" / "unbis_terms.tsv", source="UNBIS")
    assert count > 7000 and Concept.objects.count() == count
    found = concepts_in("armes biologiques", ["fr"])
    assert any(concept.labels.get("zh") == "生物武器" for concept in found)
