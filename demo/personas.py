"""One demo account per role of SPEC §2. Their password is public: demo use only."""

from dataclasses import dataclass

from allauth.account.models import EmailAddress
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction
from django.utils import timezone

from accounts.models import ISURole, User
from accounts.services import profile_create
from organizations.models import Membership, MembershipRole, MembershipStatus, Organization

DEMO_PASSWORD = "secbio-demo-2026"  # noqa: S105  (documented in the README; refused without DEBUG)


@dataclass(frozen=True)
class Persona:
    email: str
    full_name: str
    organization: str | None
    role: str | None
    status: str | None = MembershipStatus.VERIFIED
    isu_role: str = ISURole.NONE
    language: str = "en"
    job_title: str = ""


PERSONAS = [
    Persona(
        "member@demo.secbio.test",
        "Amina Diallo",
        "SEN",
        MembershipRole.MEMBER,
        language="fr",
        job_title="Biosafety officer, national reference laboratory",
    ),
    Persona(
        "contributor@demo.secbio.test",
        "Carlos Mendoza",
        "PER",
        MembershipRole.CONTRIBUTOR,
        language="es",
        job_title="Legal adviser, Ministry of Health",
    ),
    Persona(
        "manager@demo.secbio.test",
        "Claire Martin",
        "CAN",
        MembershipRole.MANAGER,
        job_title="BWC national focal point",
    ),
    Persona(
        "pending@demo.secbio.test",
        "Li Wei",
        "CAN",
        MembershipRole.MEMBER,
        status=MembershipStatus.PENDING,
        language="zh-hans",
        job_title="Laboratory scientist",
    ),
    Persona(
        "who@demo.secbio.test",
        "Fatima Al-Sayed",
        "WHO",
        MembershipRole.CONTRIBUTOR,
        language="ar",
        job_title="Technical officer, laboratory biosafety",
    ),
    Persona(
        "moderator@demo.secbio.test",
        "Ivan Petrov",
        None,
        None,
        None,
        ISURole.MODERATOR,
        language="ru",
        job_title="Implementation Support Unit",
    ),
    Persona(
        "admin@demo.secbio.test",
        "ISU Administrator",
        None,
        None,
        None,
        ISURole.ADMINISTRATOR,
        job_title="Implementation Support Unit",
    ),
]


@transaction.atomic
def personas_load() -> list[User]:
    """Create or reset the demo personas. Refused unless demo passwords are allowed (DEBUG)."""
    if not settings.SECBIO_DEMO_PASSWORDS_ALLOWED:
        raise ImproperlyConfigured(
            "Demo personas have a public password and are refused when DEBUG is off."
        )
    users = []
    for persona in PERSONAS:
        user, _created = User.objects.get_or_create(
            email=persona.email, defaults={"full_name": persona.full_name}
        )
        user.full_name = persona.full_name
        user.preferred_language = persona.language
        user.isu_role = persona.isu_role
        user.is_staff = user.is_superuser = persona.isu_role == ISURole.ADMINISTRATOR
        user.set_password(DEMO_PASSWORD)
        user.save()
        EmailAddress.objects.update_or_create(
            user=user, email=persona.email, defaults={"verified": True, "primary": True}
        )
        profile = profile_create(user=user)
        profile.job_title = persona.job_title
        profile.languages = [persona.language]
        profile.save()
        if persona.organization:
            Membership.objects.update_or_create(
                user=user,
                defaults={
                    "organization": Organization.objects.get(code=persona.organization),
                    "role": persona.role,
                    "status": persona.status,
                    "decided_at": timezone.now()
                    if persona.status == MembershipStatus.VERIFIED
                    else None,
                },
            )
        users.append(user)
    return users
