import pytest
from django.core.exceptions import PermissionDenied

from documents.models import AccessLevel
from documents.tests.factories import published_document
from implementation.models import ProvisionTag, TagStatus
from implementation.services import areas_load, tag_decide, tags_suggest
from implementation.suggestions import suggest

PENAL_TEXT = (
    "Article 1\nIt is prohibited to develop or stockpile any biological weapon. An offence under this "
    "article is punishable by imprisonment for life.\n\n"
    "Article 2\nThe export of dual-use items on the control list requires a licence from the national authority.\n"
)


@pytest.fixture
def areas(db):
    areas_load()


@pytest.fixture
def law(areas, contributor, moderator, organization):
    return published_document(
        contributor=contributor, moderator=moderator, organization=organization, text=PENAL_TEXT
    )


def test_suggestions_come_per_provision_from_keywords_in_the_documents_language():
    import json

    from implementation.services import AREAS_FILE

    areas = [(a["slug"], a["keywords"]) for a in json.loads(AREAS_FILE.read_text())["areas"]]
    found = {(s.area_slug, s.anchor) for s in suggest(text=PENAL_TEXT, language="en", areas=areas)}
    assert ("prohibitions-penal-provisions", "art-1") in found
    assert ("transfer-export-controls", "art-2") in found
    assert ("transfer-export-controls", "art-1") not in found


def test_suggestions_work_on_real_laws_in_other_languages(shared_dir):
    import json

    from implementation.services import AREAS_FILE

    areas = [(a["slug"], a["keywords"]) for a in json.loads(AREAS_FILE.read_text())["areas"]]
    for record_id, language, area in [
        ("cn-biosecurity-law-2024", "zh", "prohibitions-penal-provisions"),
        ("ru-criminal-code-excerpt", "ru", "prohibitions-penal-provisions"),
        ("cn-export-control-law-2020", "zh", "transfer-export-controls"),
        ("es-rd-664-1997-agentes-biologicos", "es", "biosafety"),
    ]:
        text = json.loads((shared_dir / "corpus" / f"{record_id}.json").read_text("utf-8"))["text"]
        slugs = {s.area_slug for s in suggest(text=text, language=language, areas=areas)}
        assert area in slugs, record_id


@pytest.mark.django_db
def test_publication_suggests_tags_and_only_confirmed_ones_reach_the_map(client, law, contributor):
    tags_suggest(document_id=law.pk)
    tags = ProvisionTag.objects.filter(document=law)
    assert tags.filter(status=TagStatus.SUGGESTED).exists()
    page = client.get("/en/implementation/fra/").content.decode()
    assert "No measure recorded" in page and "confirmation" in page and "await" in page
    tag_decide(
        actor=contributor,
        tag=tags.get(area__slug="prohibitions-penal-provisions", anchor="art-1"),
        status=TagStatus.CONFIRMED,
    )
    rows = client.get("/en/implementation/fra/").context["rows"]
    covered = {row.area.slug for row in rows if not row.is_gap}
    assert covered == {"prohibitions-penal-provisions"}


@pytest.mark.django_db
def test_a_decision_survives_new_suggestions(law, contributor):
    tags_suggest(document_id=law.pk)
    tag = ProvisionTag.objects.get(
        document=law, area__slug="prohibitions-penal-provisions", anchor="art-1"
    )
    tag_decide(actor=contributor, tag=tag, status=TagStatus.REJECTED)
    tags_suggest(document_id=law.pk)
    assert (
        ProvisionTag.objects.get(
            document=law, area__slug="prohibitions-penal-provisions", anchor="art-1"
        ).status
        == TagStatus.REJECTED
    )


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["member", "visitor"])
def test_only_the_contributing_organization_or_the_isu_decides(law, personas, role):
    tags_suggest(document_id=law.pk)
    tag = ProvisionTag.objects.filter(document=law).first()
    user = personas[role]
    if user is None:
        from django.contrib.auth.models import AnonymousUser

        user = AnonymousUser()
    with pytest.raises(PermissionDenied):
        tag_decide(actor=user, tag=tag, status=TagStatus.CONFIRMED)


@pytest.mark.django_db
def test_members_only_measures_stay_off_the_map_for_visitors(
    client, areas, contributor, moderator, organization, member
):
    secret = published_document(
        contributor=contributor,
        moderator=moderator,
        organization=organization,
        text=PENAL_TEXT,
        access_level=AccessLevel.MEMBERS,
        title="Members-only act",
    )
    tags_suggest(document_id=secret.pk)
    tag_decide(
        actor=contributor,
        tag=ProvisionTag.objects.filter(document=secret).first(),
        status=TagStatus.CONFIRMED,
    )
    assert "Members-only act" not in client.get("/en/implementation/fra/").content.decode()
    client.force_login(member)
    assert "Members-only act" in client.get("/en/implementation/fra/").content.decode()


@pytest.mark.django_db
def test_two_countries_side_by_side(client, law, other_organization):
    response = client.get("/en/implementation/compare/?a=FRA&b=PER")
    assert response.status_code == 200
    assert len(response.context["rows"]) == 10
    assert client.get("/en/implementation/compare/?a=FRA&b=ZZZ").status_code == 404
