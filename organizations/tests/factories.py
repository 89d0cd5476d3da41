import factory

from organizations.models import (
    BWCStatus,
    Membership,
    MembershipRole,
    MembershipStatus,
    Organization,
    OrganizationKind,
    RegionalGroup,
)


class OrganizationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organization
        django_get_or_create = ("code",)

    kind = OrganizationKind.STATE
    code = factory.Sequence(lambda n: f"X{n:02d}")
    name = factory.LazyAttribute(lambda o: f"State {o.code}")
    regional_group = RegionalGroup.WESTERN_EUROPEAN_OTHER
    bwc_status = BWCStatus.STATE_PARTY
    accepts_members = True


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory("accounts.tests.factories.UserFactory")
    organization = factory.SubFactory(OrganizationFactory)
    role = MembershipRole.MEMBER
    status = MembershipStatus.VERIFIED
