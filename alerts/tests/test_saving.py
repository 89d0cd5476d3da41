import pytest
from django.http import QueryDict

from alerts import services
from alerts.models import Frequency, SavedSearch


@pytest.mark.django_db
def test_a_member_saves_the_search_from_the_search_page(client, member):
    client.force_login(member)
    page = client.get("/en/search/", {"q": "biosafety  labs", "doc_type": "national_law"})
    assert 'action="/en/alerts/save/"' in page.content.decode()

    response = client.post(
        "/en/alerts/save/",
        {
            "q": "  biosafety   labs ",
            "doc_type": "national_law",
            "page": "3",
            "name": "",
            "frequency": "weekly",
        },
    )
    saved = SavedSearch.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/en/alerts/{saved.uid}/"
    assert saved.user == member
    assert saved.query_string == "q=biosafety+labs&doc_type=national_law"
    assert saved.name == "biosafety labs"  # an empty name is the words searched
    assert saved.frequency == Frequency.WEEKLY
    assert len(saved.feed_token) >= 40
    # The search page now says it is saved instead of offering the form again.
    page = client.get("/en/search/", {"doc_type": "national_law", "q": "biosafety labs"})
    assert 'action="/en/alerts/save/"' not in page.content.decode()
    assert saved.get_absolute_url() in page.content.decode()


@pytest.mark.django_db
def test_saving_with_htmx_answers_the_form_partial(client, member):
    client.force_login(member)
    response = client.post(
        "/en/alerts/save/",
        {"q": "pathogens", "name": "Pathogens", "frequency": "daily"},
        HTTP_HX_REQUEST="true",
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in body
    assert "Pathogens" in body and 'role="status"' in body
    assert SavedSearch.objects.filter(user=member, name="Pathogens").exists()


@pytest.mark.django_db
def test_a_search_for_everything_is_refused_with_a_message(client, member):
    client.force_login(member)
    response = client.post("/en/alerts/save/", {"q": "  -nuclear ", "frequency": "daily"})
    assert response.status_code == 200
    assert "a search for everything cannot be saved" in response.content.decode()
    assert not SavedSearch.objects.exists()


@pytest.mark.django_db
def test_saving_the_same_search_twice_keeps_one(client, member, save_search):
    save_search(member, "q=biosafety&language=fr")
    client.force_login(member)
    response = client.post(
        "/en/alerts/save/", {"language": "fr", "q": " biosafety", "frequency": "daily"}
    )
    assert "You have already saved this search." in response.content.decode()
    assert SavedSearch.objects.count() == 1


@pytest.mark.django_db
def test_a_name_too_long_is_refused(client, member):
    client.force_login(member)
    response = client.post("/en/alerts/save/", {"q": "x", "name": "n" * 201, "frequency": "daily"})
    assert response.context["form"].errors["name"]
    assert not SavedSearch.objects.exists()


@pytest.mark.django_db
def test_a_member_may_save_at_most_fifty_searches(member, save_search):
    for number in range(services.MAX_SAVED_SEARCHES):
        save_search(member, f"q=word{number}")
    with pytest.raises(services.ValidationError, match="at most 50"):
        save_search(member, "q=one+more")


@pytest.mark.django_db
def test_messages_are_in_the_members_language(client, member):
    client.force_login(member)
    response = client.post("/fr/alerts/save/", {"q": "x", "name": "n" * 201, "frequency": "daily"})
    assert response.context["form"].errors["name"] != [
        "Ensure this value has at most 200 characters (it has 201)."
    ]


@pytest.mark.django_db
def test_visitors_are_asked_to_sign_in_and_unverified_people_may_not_save(client, pending_member):
    page = client.get("/en/search/", {"q": "biosafety"})
    assert "/en/accounts/login/?next=" in page.content.decode()
    assert client.post("/en/alerts/save/", {"q": "biosafety"}).status_code == 302
    client.force_login(pending_member)
    assert (
        client.post("/en/alerts/save/", {"q": "biosafety", "frequency": "daily"}).status_code == 403
    )
    assert not SavedSearch.objects.exists()


@pytest.mark.django_db
def test_invalid_filters_are_dropped_when_normalising(member):
    saved = services.saved_search_create(
        user=member,
        params=QueryDict("q=lab&bwc_article=99&doc_type=nonsense&legal_status=in_force&sort=date"),
    )
    assert saved.query_string == "q=lab&legal_status=in_force"
