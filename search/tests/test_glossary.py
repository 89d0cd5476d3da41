"""SecBio's own glossary (search/data/biosafety-glossary.rdf): complete in six languages, loadable."""

import pytest
from defusedxml import ElementTree

from search.thesaurus import GLOSSARY, GLOSSARY_SOURCE, thesaurus_import
from search.vocabulary_files import TSV_LANGUAGES

SKOS = "http://www.w3.org/2004/02/skos/core#"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def _concepts():
    return list(ElementTree.parse(GLOSSARY).getroot().iter(f"{{{SKOS}}}Concept"))


def test_every_concept_has_one_label_in_each_of_the_six_languages():
    concepts = _concepts()
    assert len(concepts) >= 150
    for concept in concepts:
        codes = [label.get(XML_LANG) for label in concept.iter(f"{{{SKOS}}}prefLabel")]
        assert sorted(codes) == sorted(TSV_LANGUAGES), concept.get("about")


def test_no_two_concepts_share_an_english_label():
    english = [
        label.text.strip().casefold()
        for concept in _concepts()
        for label in concept.iter(f"{{{SKOS}}}prefLabel")
        if label.get(XML_LANG) == "en"
    ]
    assert len(english) == len(set(english))


@pytest.mark.django_db
def test_the_glossary_imports_and_a_term_finds_its_labels_in_the_other_languages():
    from search.models import Concept
    from search.thesaurus import concepts_in, expansions

    count = thesaurus_import(path=GLOSSARY, source=GLOSSARY_SOURCE)
    assert count == len(_concepts()) == Concept.objects.filter(source=GLOSSARY_SOURCE).count()
    assert all(set(concept.labels) == set(TSV_LANGUAGES) for concept in Concept.objects.all())
    # Each concept is found by its English label and expands to its five other labels.
    for concept in Concept.objects.order_by("pk")[:: max(1, count // 25)]:
        found = concepts_in(concept.labels["en"], ["en"], {"en"})
        assert concept in found, concept.labels["en"]
        labels = set(expansions(found))
        assert {(code, concept.labels[code]) for code in TSV_LANGUAGES} <= labels


@pytest.mark.django_db
def test_the_glossarys_relations_are_imported_and_shown_beside_a_search(client):
    from search.models import Concept

    thesaurus_import(path=GLOSSARY, source=GLOSSARY_SOURCE)
    related = Concept.objects.filter(related__isnull=False).distinct().count()
    broader = Concept.objects.filter(broader__isnull=False).distinct().count()
    assert related > 100 and broader > 20
    concept = Concept.objects.filter(related__isnull=False).order_by("pk").first()
    response = client.get("/en/search/", {"q": concept.labels["en"]})
    found = response.context["concepts"]
    assert concept in found
    shown = {other.pk for other in response.context["related_concepts"]}
    near = Concept.objects.filter(pk__in=[c.pk for c in found])
    expected = (
        set(Concept.objects.filter(related__in=near).values_list("pk", flat=True))
        | set(Concept.objects.filter(broader__in=near).values_list("pk", flat=True))
        | set(Concept.objects.filter(narrower__in=near).values_list("pk", flat=True))
    )
    assert shown and shown <= expected
    assert set(concept.related.values_list("pk", flat=True)) & shown
