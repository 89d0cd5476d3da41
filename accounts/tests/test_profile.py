import pytest

from accounts.models import Visibility
from audit.models import AuditAction, AuditEntry
from taxonomy.models import Topic


@pytest.fixture
def topic(db):
    return Topic.objects.create(
        slug="risk-assessment", label="Risk assessment", label_fr="Évaluation des risques"
    )


def _form(**overrides):
    data = {
        "full_name": "Amina Diallo",
        "preferred_language": "fr",
        "job_title": "Biosafety officer",
        "job_title_visibility": Visibility.PUBLIC,
        "expertise_visibility": Visibility.MEMBERS,
        "languages": ["fr", "en"],
        "languages_visibility": Visibility.MEMBERS,
        "bio": "Twenty years in BSL-3 laboratories.",
        "bio_visibility": Visibility.PRIVATE,
    }
    data.update(overrides)
    return data


@pytest.mark.django_db
def test_a_member_edits_their_profile_and_field_visibility(client, member, topic):
    client.force_login(member)
    response = client.post("/en/accounts/profile/edit/", _form(expertise=[topic.pk]))
    assert response.status_code == 302
    member.refresh_from_db()
    profile = member.profile
    assert member.preferred_language == "fr"
    assert list(profile.expertise.all()) == [topic]
    assert profile.languages == ["fr", "en"]
    assert profile.visibility == {
        "job_title": "public",
        "expertise": "members",
        "languages": "members",
        "bio": "private",
    }
    assert AuditEntry.objects.filter(
        action=AuditAction.PREFERENCES_CHANGED, actor_id=member.pk
    ).exists()


@pytest.mark.django_db
def test_invalid_profile_input_is_refused_with_field_errors(client, member, topic):
    client.force_login(member)
    response = client.post(
        "/en/accounts/profile/edit/",
        _form(
            full_name="",
            languages=["xx"],
            expertise=[topic.pk + 999],
            bio_visibility="everyone-ish",
        ),
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert {"full_name", "languages", "expertise", "bio_visibility"} <= set(errors)
    member.refresh_from_db()
    assert member.full_name != ""


@pytest.mark.django_db
def test_the_profile_page_needs_sign_in(client):
    response = client.get("/en/accounts/profile/")
    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/login/")


@pytest.mark.django_db
def test_expertise_topics_are_offered_in_the_page_language(client, member, topic):
    client.force_login(member)
    assert "Évaluation des risques" in client.get("/fr/accounts/profile/edit/").content.decode()
