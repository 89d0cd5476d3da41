import pytest

from accounts.models import Visibility


@pytest.mark.django_db
def test_contacts_appear_on_the_profile_as_each_person_chose(client, member, organization):
    profile = member.profile
    profile.job_title = "Biosafety officer"
    profile.bio = "Private notes"
    profile.visibility = {
        "job_title": Visibility.PUBLIC,
        "expertise": "members",
        "languages": "members",
        "bio": Visibility.PRIVATE,
    }
    profile.save()
    page = client.get("/en/organizations/fra/").content.decode()
    assert "Biosafety officer" in page and "Private notes" not in page
    profile.visibility = {field: Visibility.MEMBERS for field in profile.visibility}
    profile.save()
    assert member.display_name not in client.get("/en/organizations/fra/").content.decode()
    client.force_login(member)
    assert "Biosafety officer" in client.get("/en/organizations/fra/").content.decode()


@pytest.mark.django_db
def test_unverified_people_are_never_listed(client, pending_member):
    profile = pending_member.profile
    profile.job_title = "Pending person"
    profile.visibility = {field: Visibility.PUBLIC for field in profile.visibility}
    profile.save()
    assert "Pending person" not in client.get("/en/organizations/fra/").content.decode()
