import csv

import pytest

from organizations.models import BWCStatus, Organization, OrganizationKind, RegionalGroup
from organizations.services import STATES_FILE, organizations_load


def test_project_states_file_matches_the_shared_dataset(shared_dir):
    shared = (shared_dir / "data" / "bwc_states.csv").read_text(encoding="utf-8")
    assert STATES_FILE.read_text(encoding="utf-8") == shared


@pytest.mark.django_db
def test_loading_creates_every_state_and_organization_once():
    first = organizations_load()
    second = organizations_load()
    assert first == second == {"states": 197, "international": 15}
    assert Organization.objects.count() == 212


@pytest.mark.django_db
def test_loaded_states_have_their_bwc_status_and_group():
    organizations_load()
    states = Organization.objects.filter(kind=OrganizationKind.STATE)
    assert states.filter(bwc_status=BWCStatus.STATE_PARTY).count() == 189
    assert states.filter(bwc_status=BWCStatus.SIGNATORY).count() == 4
    assert states.filter(bwc_status=BWCStatus.NEITHER).count() == 4
    assert states.filter(regional_group=RegionalGroup.AFRICAN).count() == 54
    kiribati = Organization.objects.get(code="KIR")
    assert (kiribati.bwc_status, kiribati.bwc_date) == (BWCStatus.STATE_PARTY, "2025-05-20")
    # Only States Parties and international organizations take members.
    assert not Organization.objects.get(code="EGY").accepts_members
    assert Organization.objects.get(code="WHO").accepts_members


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("code", "language", "expected"),
    [
        ("FRA", "ar", "فرنسا"),
        ("FRA", "zh_hans", "法国"),
        ("DEU", "fr", "Allemagne"),
        ("DEU", "ru", "Германия"),
        ("DEU", "es", "Alemania"),
        ("TUR", "ar", "تركيا"),
        ("WHO", "fr", "Organisation mondiale de la Santé"),
        ("WHO", "zh_hans", "世界卫生组织"),
    ],
)
def test_names_are_loaded_in_the_six_languages(code, language, expected):
    organizations_load()
    organization = Organization.objects.get(code=code)
    assert getattr(organization, f"name_{language}") == expected


@pytest.mark.django_db
def test_every_organization_has_a_name_in_each_language():
    organizations_load()
    for organization in Organization.objects.all():
        for language in ("ar", "zh_hans", "en", "fr", "ru", "es"):
            assert getattr(organization, f"name_{language}"), (organization.code, language)


def test_states_file_rows_are_well_formed():
    with STATES_FILE.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len({row["iso3"] for row in rows}) == len(rows) == 197
    assert {row["bwc_status"] for row in rows} <= set(BWCStatus.values)


@pytest.mark.django_db
def test_former_names_are_loaded_and_name_the_organization_in_searches():
    from organizations.selectors import organizations_named_in

    organizations_load()
    assert "国际兽疫局" in Organization.objects.get(code="WOAH").former_names.splitlines()
    assert organizations_named_in("国际兽疫局") == {"WOAH"}
    assert organizations_named_in("Office international des épizooties, 1924") == {"WOAH"}
    assert organizations_named_in("Совет таможенного сотрудничества") == {"WCO"}
