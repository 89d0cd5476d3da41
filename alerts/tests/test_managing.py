import pytest

from alerts.models import Frequency, SavedSearch


@pytest.fixture
def saved(member, save_search):
    return save_search(member, "q=biosafety", name="Biosafety laws")


@pytest.mark.django_db
def test_the_list_shows_only_the_owners_searches(client, saved, contributor, save_search):
    save_search(contributor, "q=pathogens", name="Someone else's")
    client.force_login(saved.user)
    body = client.get("/en/alerts/").content.decode()
    assert "Biosafety laws" in body
    assert "Someone else" not in body
    assert 'href="/en/alerts/"' in client.get("/en/accounts/profile/").content.decode()


@pytest.mark.django_db
def test_the_owner_renames_changes_frequency_and_pauses(client, saved):
    client.force_login(saved.user)
    page = client.get(saved.get_absolute_url())
    assert (
        f'rel="alternate" type="application/atom+xml" title="Biosafety laws" href="/alerts/{saved.uid}/feed.atom?token={saved.feed_token}"'
        in page.content.decode()
    )
    response = client.post(
        saved.get_absolute_url(), {"name": "Renamed", "frequency": "weekly", "is_active": ""}
    )
    assert response.status_code == 302
    saved.refresh_from_db()
    assert (saved.name, saved.frequency, saved.is_active) == ("Renamed", Frequency.WEEKLY, False)


@pytest.mark.django_db
def test_rotating_the_token_changes_the_feed_address(client, saved):
    client.force_login(saved.user)
    old = saved.feed_token
    client.post(f"/en/alerts/{saved.uid}/token/")
    saved.refresh_from_db()
    assert saved.feed_token != old
    assert client.get(f"/alerts/{saved.uid}/feed.atom?token={old}").status_code == 404
    assert client.get(saved.feed_url()).status_code == 200


@pytest.mark.django_db
def test_the_owner_deletes_with_post_only(client, saved):
    client.force_login(saved.user)
    assert client.get(f"/en/alerts/{saved.uid}/delete/").status_code == 405
    assert client.post(f"/en/alerts/{saved.uid}/delete/").status_code == 302
    assert not SavedSearch.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("method", "suffix"),
    [("get", ""), ("post", ""), ("post", "delete/"), ("post", "token/")],
)
def test_another_person_gets_404(client, saved, contributor, method, suffix):
    client.force_login(contributor)
    response = getattr(client, method)(
        f"/en/alerts/{saved.uid}/{suffix}", {"name": "x", "frequency": "none"}
    )
    assert response.status_code == 404
    saved.refresh_from_db()
    assert saved.name == "Biosafety laws"


@pytest.mark.django_db
def test_visitors_are_sent_to_sign_in(client, saved):
    assert client.get("/en/alerts/").status_code == 302
    assert client.get(saved.get_absolute_url()).status_code == 302


@pytest.mark.django_db
def test_the_list_page_costs_the_same_for_many_searches(
    client, member, save_search, django_assert_max_num_queries
):
    for number in range(3):
        save_search(member, f"q=word{number}&doc_type=national_law&legal_status=in_force")
    client.force_login(member)
    client.get("/en/alerts/")  # warm the session and the caches
    with django_assert_max_num_queries(12) as few:
        client.get("/en/alerts/")
    for number in range(3, 30):
        save_search(member, f"q=word{number}")
    with django_assert_max_num_queries(len(few.captured_queries)):
        body = client.get("/en/alerts/").content.decode()
    assert "National law" in body  # filters are shown with their labels


@pytest.mark.django_db
def test_the_isu_sees_saved_searches_read_only_in_the_admin(rf, administrator):
    from django.contrib import admin

    from alerts.models import SavedSearch

    model_admin = admin.site._registry[SavedSearch]
    request = rf.get("/")
    request.user = administrator
    assert not model_admin.has_add_permission(request)
    assert "feed_token" not in model_admin.get_fields(request)
    assert set(model_admin.get_readonly_fields(request)) == set(model_admin.fields) - {"is_active"}
