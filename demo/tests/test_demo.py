import pytest
from django.core.management import CommandError, call_command

from accounts.models import User
from demo.personas import DEMO_PASSWORD, PERSONAS
from organizations.models import Membership, Organization
from organizations.permissions import can_moderate, can_verify_members_of


@pytest.mark.django_db
def test_demo_loads_once_even_when_run_twice():
    call_command("demo")
    call_command("demo")
    assert Organization.objects.count() == 212
    assert User.objects.count() == len(PERSONAS)
    assert Membership.objects.count() == sum(1 for p in PERSONAS if p.organization)


@pytest.mark.django_db
def test_demo_personas_have_their_roles_and_the_documented_password():
    call_command("demo")
    manager = User.objects.get(email="manager@demo.secbio.test")
    assert manager.check_password(DEMO_PASSWORD)
    assert can_verify_members_of(manager, Organization.objects.get(code="CAN"))
    assert can_moderate(User.objects.get(email="moderator@demo.secbio.test"))


@pytest.mark.django_db
def test_demo_personas_are_refused_when_debug_is_off(settings):
    settings.SECBIO_DEMO_PASSWORDS_ALLOWED = False
    with pytest.raises(CommandError, match="DEBUG"):
        call_command("demo")
    assert not User.objects.exists()
    call_command("demo", without_personas=True)
    assert Organization.objects.count() == 212
    assert not User.objects.exists()
