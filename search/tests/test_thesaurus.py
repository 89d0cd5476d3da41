"""Reading thesaurus concepts in a query: labels in any language, and acronyms of labels."""

import pytest

from search.tests.vocabularies import (
    SKOS_DESCRIPTION,
    SKOS_FILE,
    SKOS_TURTLE,
    SKOS_XL,
    imported,
)
from search.thesaurus import concepts_in

TERMS = (
    "الكائنات المحورة وراثيا\t基因改变的生物体\tgenetically modified organisms\t"
    "organismes genetiquement modifies\tГенетически модифицированные организмы\t"
    "organismos geneticamente modificados\r\n"
    "أسلحة الدمار الشامل\t大规模毁灭性武器\tweapons of mass destruction\t"
    "armes de destruction massive\tОружие массового уничтожения\tarmas de destrucción masiva\r\n"
    "مختبرات\t实验室\tlaboratories\tlaboratoires\tлаборатории\tlaboratorios\r\n"
    # Three concepts with the initials "lab": the acronym LAB stands for none of them.
    "\t\tlive animal bans\t\t\t\r\n"
    "\t\tlocal area budgets\t\t\t\r\n"
    "\t\tlegal aid bureaux\t\t\t\r\n"
)


@pytest.fixture
def thesaurus(db, tmp_path):
    imported(tmp_path, "terms.tsv", TERMS, "test")


def _english(text, languages=("fr", "en", "ru")):
    return {concept.labels.get("en") for concept in concepts_in(text, list(languages))}


@pytest.mark.parametrize(
    "text",
    [
        "utilisation confinée d'OGM",  # French initials, elided article
        "GMO moratorium",
        "мораторий на ГМО в Перу",
        "liability for damage caused by GMOs",  # plural
    ],
)
def test_an_acronym_of_a_label_names_its_concept(thesaurus, text):
    assert _english(text) == {"genetically modified organisms"}


def test_minor_words_are_left_out_of_the_initials(thesaurus):
    assert _english("WMD proliferation") == {"weapons of mass destruction"}
    assert _english("traité sur les ADM") == {"weapons of mass destruction"}


def test_lower_case_words_and_shouted_queries_are_not_acronyms(thesaurus):
    assert _english("gmo moratorium") == set()
    assert _english("GMO MORATORIUM IN PERU") == set()
    assert _english("GMO") == {"genetically modified organisms"}


def test_an_acronym_of_several_concepts_expands_to_none(thesaurus):
    assert _english("LAB permits") == set()


def test_an_acronym_and_a_label_of_the_same_concept_are_one_expansion(thesaurus):
    found = concepts_in("GMO and genetically modified organisms in laboratories", ["en"])
    assert sorted(concept.labels["en"] for concept in found) == [
        "genetically modified organisms",
        "laboratories",
    ]


def test_the_thesaurus_version_is_read_once_and_an_import_renews_it(
    thesaurus, tmp_path, django_assert_num_queries
):
    concepts_in("GMO", ["en"])
    with django_assert_num_queries(1):  # the concepts found; not the count of all of them
        assert _english("GMO") == {"genetically modified organisms"}
    imported(tmp_path, "other.tsv", "\t\tgenetic modification orders\t\t\t\r\n", "other")
    assert _english("GMO") == {"genetically modified organisms", "genetic modification orders"}


def test_an_acronym_is_spelled_out_for_the_query_embedding(thesaurus):
    from search.thesaurus import spelled_out

    assert spelled_out("utilisation confinée d'OGM") == (
        "utilisation confinée d'organismes genetiquement modifies"
    )
    assert spelled_out("мораторий на ГМО") == "мораторий на Генетически модифицированные организмы"
    assert spelled_out("GMOs in WMD treaties") == (
        "genetically modified organisms in weapons of mass destruction treaties"
    )
    # Unknown, ambiguous, lower-case or shouted: the text as typed.
    assert spelled_out("BWC and LAB permits") == "BWC and LAB permits"
    assert spelled_out("gmo moratorium") == "gmo moratorium"
    assert spelled_out("GMO MORATORIUM") == "GMO MORATORIUM"


def test_a_one_word_label_read_in_another_language_must_be_written_as_the_label(db, tmp_path):
    # Spanish "desarme" has the stem "des": a French "des" read as Spanish must not find it.
    terms = (
        "نزع السلاح\t裁军\tdisarmament\tdesarmement\tРазоружение\tdesarme\r\n"
        "الحجر الصحي\t检疫\tquarantine\tquarantaine\tКарантин\tcuarentena\r\n"
    )
    imported(tmp_path, "terms.tsv", terms, "test")
    languages = ["fr", "en", "es", "ru"]

    def english(text, own):
        return {concept.labels["en"] for concept in concepts_in(text, languages, own)}

    assert english("quarantaine des végétaux", {"fr"}) == {"quarantine"}
    # Without the query's own languages every reading counts, as before.
    assert english("quarantaine des végétaux", None) == {"quarantine", "disarmament"}
    # An English word on the French site: read in English, written as the label is.
    assert english("quarantine of plants", {"fr"}) == {"quarantine"}
    assert english("desarme", {"fr"}) == {"disarmament"}  # the Spanish label as written


@pytest.fixture
def glossary(db, tmp_path):
    assert imported(tmp_path, "glossary.rdf", SKOS_FILE, "glossary") == 4


def test_a_skos_file_gives_other_labels_and_relations(glossary):
    from search.models import Concept

    lmo = Concept.objects.get(uri="https://example.org/lmo")
    assert lmo.alt_labels == {"es": ["OVM", "transgénicos"]}
    assert [c.labels["en"] for c in lmo.broader.all()] == ["modern biotechnology"]
    assert [c.labels["en"] for c in lmo.related.all()] == ["moratorium on GMOs"]  # both ways:
    moratorium = Concept.objects.get(uri="https://example.org/moratorium")
    assert [c.labels["en"] for c in moratorium.related.all()] == ["living modified organisms"]
    assert [c.labels["en"] for c in moratorium.narrower.all()] == ["moratorium on GM seeds"]


def test_other_labels_name_their_concept_and_are_searched_for(glossary):
    from search.thesaurus import expansions, spelled_out

    # A synonym, and an acronym the vocabulary gives (not the initials of a label).
    assert _english("moratoria de transgénicos", ["es"]) == {"living modified organisms"}
    assert _english("los OVM en el Perú", ["es"]) == {"living modified organisms"}
    assert spelled_out("OVM en el Perú") == "organismos vivos modificados en el Perú"
    found = concepts_in("transgénicos", ["es"])
    assert ("es", "transgénicos") in expansions(found)
    assert ("fr", "organismes vivants modifiés") in expansions(found)


def test_a_new_import_replaces_the_relations_of_its_vocabulary(glossary, tmp_path):
    from search.models import Concept

    imported(
        tmp_path,
        "glossary.rdf",
        SKOS_FILE.replace("https://example.org/not-in-this-file", ""),
        "glossary",
    )
    assert Concept.objects.count() == 4
    assert Concept.related.through.objects.count() == 2  # one relation, stored both ways


def _vocabulary() -> dict:
    from search.models import Concept

    return {
        concept.uri: (
            concept.labels,
            concept.alt_labels,
            sorted(c.uri for c in concept.broader.all()),
            sorted(c.uri for c in concept.related.all()),
            sorted(c.uri for c in concept.collections.all()),
        )
        for concept in Concept.objects.all()
    }


def test_a_skos_file_gives_its_collections_of_concepts(glossary, tmp_path):
    from search.models import ConceptCollection

    collection = ConceptCollection.objects.get()
    assert collection.labels == {"en": "Biotechnology", "fr": "Biotechnologie"}
    assert (
        collection.label_in("fr") == "Biotechnologie"
        and collection.label_in("zh") == "Biotechnology"
    )
    assert sorted(c.labels["en"] for c in collection.concepts.all()) == [
        "living modified organisms",  # the member the file does not hold is left out
        "modern biotechnology",
    ]
    imported(tmp_path, "glossary.rdf", SKOS_FILE, "glossary")  # replaced, not added
    assert ConceptCollection.objects.get().concepts.count() == 2


def test_a_skos_file_in_turtle_gives_the_same_vocabulary(glossary, tmp_path):
    from_xml = _vocabulary()
    assert imported(tmp_path, "glossary.ttl", SKOS_TURTLE, "glossary") == 4
    assert _vocabulary() == from_xml


def test_concepts_written_as_descriptions_and_regional_language_tags_are_read(db, tmp_path):
    from search.models import Concept

    assert imported(tmp_path, "terms.rdf", SKOS_DESCRIPTION, "terms") == 1
    concept = Concept.objects.get()
    assert concept.labels == {"en": "biosafety", "zh": "生物安全", "fr": "biosécurité"}


def test_skos_xl_labels_are_read(db, tmp_path):
    from search.models import Concept

    assert imported(tmp_path, "agrovoc.rdf", SKOS_XL, "AGROVOC") == 1
    concept = Concept.objects.get()
    assert concept.labels == {"en": "quarantine", "es": "cuarentena"}
    assert concept.alt_labels == {"es": ["aislamiento sanitario"]}


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        (
            "terms.ttl",
            SKOS_TURTLE[:200],  # cut short inside a label
            "could not be read",
        ),
        ("terms.jsonld", "{}", "unknown kind of file .jsonld"),
    ],
)
def test_a_skos_file_that_cannot_be_read_says_why(db, tmp_path, name, content, message):
    from django.core.management import CommandError, call_command

    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(CommandError, match=message):
        call_command("import-thesaurus", str(path), source="terms")


def test_relations_hold_between_identifiers_longer_than_the_stored_ones(db, tmp_path):
    from search.models import Concept

    long = "https://example.org/" + "x" * 600
    imported(tmp_path, "glossary.rdf", SKOS_FILE.replace("https://example.org/biotech", long), "g")
    lmo = Concept.objects.get(uri="https://example.org/lmo")
    assert [c.labels["en"] for c in lmo.broader.all()] == ["modern biotechnology"]
    assert len(lmo.broader.get().uri) == 500


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (SKOS_FILE[:400], "could not be read"),  # cut short
        (
            '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]>'
            "<rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'>&b;</rdf:RDF>",
            "could not be read",  # entity expansion is refused
        ),
    ],
)
def test_a_bad_vocabulary_file_is_refused_and_the_loaded_one_kept(
    glossary, tmp_path, content, message
):
    from django.core.management import CommandError, call_command

    from search.models import Concept

    path = tmp_path / "bad.rdf"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(CommandError, match=message):
        call_command("import-thesaurus", str(path), "--source", "glossary")
    assert Concept.objects.filter(source="glossary").count() == 4


def test_an_acronym_of_two_languages_is_spelled_out_in_the_readers(thesaurus):
    from search.thesaurus import spelled_out

    # "OGM" is the French and the Spanish initials of the same concept.
    assert spelled_out("moratoria de OGM", "es") == (
        "moratoria de organismos geneticamente modificados"
    )
    assert spelled_out("moratoire sur les OGM", "fr") == (
        "moratoire sur les organismes genetiquement modifies"
    )
    assert spelled_out("OGM", "zh") == "organismes genetiquement modifies"  # the first language
