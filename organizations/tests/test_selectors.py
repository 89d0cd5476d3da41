"""Which States and organizations a text names, in any of the six languages."""

import pytest

from organizations.selectors import organizations_named_in
from organizations.tests.factories import OrganizationFactory


@pytest.fixture
def states(db):
    OrganizationFactory(
        code="PER",
        name_en="Peru",
        name_fr="Pérou",
        name_es="Perú",
        name_ru="Перу",
        name_ar="البيرو",
        name_zh_hans="秘鲁",
    )
    OrganizationFactory(code="CAN", name_en="Canada", name_ru="Канада", name_zh_hans="加拿大")
    OrganizationFactory(code="USA", name_en="United States of America", name_es="Estados Unidos")
    OrganizationFactory(code="BLZ", name_en="Belize", name_es="Belice")
    OrganizationFactory(
        code="WOAH",
        kind="international",
        name_en="World Organisation for Animal Health",
        former_names="Office International des Epizooties\n国际兽疫局",
    )


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("moratoire sur les OGM au Pérou", {"PER"}),
        ("seguridad de la biotecnología en el Perú", {"PER"}),
        ("мораторий на ГМО в Перу", {"PER"}),
        ("秘鲁转基因生物暂停令", {"PER"}),
        ("الوقف الاختياري في البيرو", {"PER"}),
        ("الوقف الاختياري لإدخال الكائنات الحية المحورة في بيرو", {"PER"}),
        ("лицензирование работ с патогенами человека в Канаде", {"CAN"}),
        ("加拿大人类病原体和毒素法", {"CAN"}),
        ("registro de agentes selectos en Estados Unidos", {"USA"}),
        ("Peru and Canada", {"PER", "CAN"}),
        ("国际兽疫局", {"WOAH"}),  # a former name, in any language
        ("statuts de l'Office international des épizooties", {"WOAH"}),
        ("office international", set()),
        # A stem would have read "bélico" as Belice; names are only folded in Spanish.
        ("control de exportaciones sensitivas y material bélico", set()),
        ("United States", set()),  # the whole name, not part of it
        ("", set()),
    ],
)
def test_names_are_found_in_any_language(states, text, codes):
    assert organizations_named_in(text) == codes


@pytest.mark.django_db
def test_places_are_cached_and_a_new_organization_is_read_at_once(states):
    from organizations.models import Organization
    from organizations.selectors import organization_places

    peru = Organization.objects.get(code="PER")
    assert organization_places({peru.pk})[peru.pk] == ("PER", peru.regional_group)
    chile = OrganizationFactory(
        code="CHL", name_en="Chile", regional_group="latin_american_caribbean"
    )
    assert organization_places({chile.pk})[chile.pk] == ("CHL", "latin_american_caribbean")
