import pytest

from organizations.models import MembershipStatus
from organizations.tests.factories import OrganizationFactory


@pytest.mark.django_db
def test_the_directory_lists_organizations_without_n_plus_one(
    client, django_assert_max_num_queries
):
    for index in range(30):
        OrganizationFactory(code=f"Z{index:02d}")
    with django_assert_max_num_queries(6):
        response = client.get("/en/organizations/")
    assert response.status_code == 200
    assert "State Z29" in response.content.decode()


@pytest.mark.django_db
def test_the_directory_filters_and_answers_htmx_with_the_table_only(client):
    OrganizationFactory(code="GHA", name="Ghana", regional_group="african")
    OrganizationFactory(code="NOR", name="Norway")
    response = client.get("/en/organizations/?group=african", headers={"hx-request": "true"})
    html = response.content.decode()
    assert "Ghana" in html and "Norway" not in html
    assert "<html" not in html


@pytest.mark.django_db
def test_an_unknown_filter_value_is_ignored_not_an_error(client):
    assert client.get("/en/organizations/?group=atlantis&kind=%00").status_code == 200


@pytest.mark.django_db
def test_the_profile_page_of_an_organization(client, organization):
    response = client.get("/fr/organizations/fra/")
    assert response.status_code == 200
    assert client.get("/fr/organizations/zzz/").status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("visitor", 302),
        ("member", 403),
        ("contributor", 403),
        ("manager", 200),
        ("moderator", 200),
        ("administrator", 200),
    ],
)
def test_only_managers_and_the_isu_see_the_members_page(
    client, personas, organization, role, status
):
    if personas[role]:
        client.force_login(personas[role])
    assert client.get("/en/organizations/fra/members/").status_code == status


@pytest.mark.django_db
def test_a_manager_verifies_through_the_page(client, manager, pending_member):
    client.force_login(manager)
    url = f"/en/organizations/fra/members/{pending_member.membership.pk}/verify/"
    assert client.get(url).status_code == 405
    response = client.post(url)
    assert response.status_code == 302
    pending_member.membership.refresh_from_db()
    assert pending_member.membership.status == MembershipStatus.VERIFIED


@pytest.mark.django_db
def test_declining_without_a_reason_changes_nothing(client, manager, pending_member):
    client.force_login(manager)
    response = client.post(
        f"/en/organizations/fra/members/{pending_member.membership.pk}/reject/",
        {"reason": ""},
        follow=True,
    )
    assert "Give the reason the person will see." in response.content.decode()
    pending_member.membership.refresh_from_db()
    assert pending_member.membership.status == MembershipStatus.PENDING


@pytest.mark.django_db
def test_a_member_cannot_verify_through_the_page(client, member, pending_member):
    client.force_login(member)
    response = client.post(f"/en/organizations/fra/members/{pending_member.membership.pk}/verify/")
    assert response.status_code == 403
    pending_member.membership.refresh_from_db()
    assert pending_member.membership.status == MembershipStatus.PENDING
