"""Reading thesaurus concepts in a query: labels in any language, and acronyms of labels."""

import pytest

from search.thesaurus import concepts_in, thesaurus_import

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
    path = tmp_path / "terms.tsv"
    path.write_text(TERMS, encoding="utf-8")
    thesaurus_import(path=path, source="test")


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
    path = tmp_path / "other.tsv"
    path.write_text("\t\tgenetic modification orders\t\t\t\r\n", encoding="utf-8")
    thesaurus_import(path=path, source="other")
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
