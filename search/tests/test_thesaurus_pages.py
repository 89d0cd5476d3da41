"""The thesaurus pages: browsing concepts, one concept's labels and relations, links from search."""

import pytest
from django.urls import reverse

from search.models import Concept
from search.tests.vocabularies import SKOS_FILE, imported


@pytest.fixture
def vocabulary(db, tmp_path):
    imported(tmp_path, "glossary.rdf", SKOS_FILE, "glossary")
    terms = (
        "أسلحة بيولوجية\t生物武器\tbiological weapons\tarmes biologiques\t"
        "Биологическое оружие\tarmas biologicas\r\n"
    )
    imported(tmp_path, "terms.tsv", terms, "UNBIS")


def test_the_thesaurus_lists_every_concept_in_the_readers_language(client, vocabulary):
    response = client.get(reverse("search:thesaurus"))
    assert response.status_code == 200
    assert response.context["page"].paginator.count == 5
    response = client.get("/fr/search/thesaurus/")
    labels = [concept.labels.get("fr") for concept in response.context["page"]]
    assert labels[:2] == ["armes biologiques", "organismes vivants modifiés"]  # French order
    assert "armes biologiques" in response.content.decode()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("biolog", {"biological weapons"}),  # the start of a word
        ("оруж", {"biological weapons"}),  # in another language and script
        ("生物武器", {"biological weapons"}),
        ("organismos vivos", {"living modified organisms"}),
        ("OVM", {"living modified organisms", "moratorium on GMOs"}),  # other labels too
        ("moratorium", {"moratorium on GMOs", "moratorium on GM seeds"}),
        ("zzzz", set()),
        ("' OR 1=1 --", set()),
    ],
)
def test_concepts_are_found_by_their_labels(client, vocabulary, text, expected):
    response = client.get(reverse("search:thesaurus"), {"q": text})
    assert response.status_code == 200
    assert {concept.labels["en"] for concept in response.context["page"]} == expected


def test_the_thesaurus_is_browsed_by_domain(client, vocabulary, monkeypatch):
    from search.models import ConceptCollection

    domain = ConceptCollection.objects.get()
    response = client.get("/fr/search/thesaurus/", {"domain": domain.pk})
    assert {c.labels["en"] for c in response.context["page"]} == {
        "living modified organisms",
        "modern biotechnology",
    }
    assert f'<option value="{domain.pk}" selected>Biotechnologie (2)</option>' in (
        response.content.decode()
    )
    words = client.get(reverse("search:thesaurus"), {"domain": domain.pk, "q": "moratorium"})
    assert list(words.context["page"]) == []  # the words, within the domain
    # The domain narrows the concepts before the best are kept: "modern biotechnology" is the
    # best for "mod" (two words), but not in this domain.
    lmo = Concept.objects.get(uri="https://example.org/lmo")
    narrow = ConceptCollection.objects.create(source="test", labels={"en": "LMOs"})
    narrow.concepts.add(lmo)
    monkeypatch.setattr("search.selectors.MAX_FOUND", 1)
    words = client.get(reverse("search:thesaurus"), {"domain": narrow.pk, "q": "mod"})
    assert list(words.context["page"]) == [lmo]
    for unknown in ("999999", "x", "1 OR 1=1"):  # every concept, as with no domain
        response = client.get(reverse("search:thesaurus"), {"domain": unknown})
        assert response.status_code == 200 and response.context["page"].paginator.count == 5
    page = client.get(f"/fr/search/thesaurus/{lmo.pk}/").content.decode()
    assert f'href="/fr/search/thesaurus/?domain={domain.pk}">Biotechnologie</a>' in page


def test_a_concept_shows_its_labels_relations_and_a_search_for_it(client, vocabulary):
    lmo = Concept.objects.get(uri="https://example.org/lmo")
    response = client.get(f"/es/search/thesaurus/{lmo.pk}/")
    page = response.content.decode()
    assert response.status_code == 200
    assert "<h1>organismos vivos modificados</h1>" in page
    assert "OVM, transgénicos" in page and "organismes vivants modifiés" in page
    assert "modern biotechnology" in page and "moratoria de los OVM" in page  # relations
    assert "/es/search/?q=organismos%20vivos%20modificados" in page
    assert client.get(reverse("search:concept", args=[999_999])).status_code == 404


@pytest.mark.django_db(transaction=False)
def test_search_results_link_the_querys_concepts_and_those_related(client, vocabulary):
    response = client.get("/es/search/", {"q": "moratoria de transgénicos"})
    page = response.content.decode()
    lmo = Concept.objects.get(uri="https://example.org/lmo")
    assert f'href="/es/search/thesaurus/{lmo.pk}/"' in page
    related = {concept.labels["en"] for concept in response.context["related_concepts"]}
    assert related == {"modern biotechnology", "moratorium on GMOs"}


def test_control_characters_and_broken_utf8_find_nothing(client, vocabulary):
    response = client.get(reverse("search:thesaurus") + "?q=%00%ED%A0%80%1b")
    assert response.status_code == 200
    assert response.context["page"].paginator.count == 0


def test_the_thesaurus_is_paginated(client, db, tmp_path):
    terms = "".join(f"\t\tconcept {number:03d}\t\t\t\r\n" for number in range(120))
    imported(tmp_path, "many.tsv", terms, "many")
    first = client.get(reverse("search:thesaurus"))
    assert len(first.context["page"]) == 100
    assert 'rel="next" href="?page=2"' in first.content.decode()
    last = client.get(reverse("search:thesaurus"), {"page": 99})  # past the end: the last page
    assert [c.labels["en"] for c in last.context["page"]][-1] == "concept 119"
    assert 'rel="prev"' in last.content.decode()
