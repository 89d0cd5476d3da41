"""Writes to accounts and profiles."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from accounts.models import ISURole, Profile, User, Visibility
from audit.models import AuditAction
from audit.services import audit_record
from organizations import permissions
from taxonomy.models import Topic

_LANGUAGE_CODES = {code for code, _name in settings.LANGUAGES}


def profile_create(*, user: User) -> Profile:
    profile, _created = Profile.objects.get_or_create(user=user)
    return profile


@transaction.atomic
def profile_update(
    *,
    user: User,
    full_name: str,
    preferred_language: str,
    job_title: str = "",
    expertise: list[int] | None = None,
    languages: list[str] | None = None,
    bio: str = "",
    visibility: dict[str, str] | None = None,
    request=None,
) -> Profile:
    """Update a person's own profile and the visibility of each field."""
    full_name = full_name.strip()
    if not full_name:
        raise ValidationError({"full_name": _("Enter your full name.")})
    if preferred_language not in _LANGUAGE_CODES:
        raise ValidationError({"preferred_language": _("Choose one of the six languages.")})
    languages = list(dict.fromkeys(languages or []))
    if unknown := [code for code in languages if code not in _LANGUAGE_CODES]:
        raise ValidationError(
            {"languages": _("Unknown language: %(codes)s") % {"codes": ", ".join(unknown)}}
        )
    visibility = visibility or {}
    if any(value not in Visibility.values for value in visibility.values()):
        raise ValidationError(_("Choose who can see each field."))
    topics = list(Topic.objects.filter(pk__in=expertise or [], is_active=True))
    if len(topics) != len(set(expertise or [])):
        raise ValidationError({"expertise": _("Choose topics from the list.")})

    user.full_name = full_name
    user.preferred_language = preferred_language
    user.save(update_fields=["full_name", "preferred_language"])
    profile = profile_create(user=user)
    profile.job_title = job_title.strip()
    profile.languages = languages
    profile.bio = bio.strip()
    profile.visibility = {
        field: visibility.get(field, profile.visibility_of(field))
        for field in Profile.VISIBLE_FIELDS
    }
    profile.save()
    profile.expertise.set(topics)
    audit_record(action=AuditAction.PREFERENCES_CHANGED, actor=user, target=user, request=request)
    return profile


def user_set_language(*, user: User, language: str) -> None:
    """Remember the language a signed-in person switched to."""
    if language in _LANGUAGE_CODES and user.preferred_language != language:
        user.preferred_language = language
        user.save(update_fields=["preferred_language"])


@transaction.atomic
def user_set_isu_role(*, actor: User, user: User, role: str, request=None) -> User:
    """Make someone ISU staff (or not). Only administrators may; the change is audited."""
    permissions.require(permissions.can_administer(actor))
    if role not in ISURole.values:
        raise ValidationError({"isu_role": _("Choose a valid ISU role.")})
    if user.pk == actor.pk and role != ISURole.ADMINISTRATOR:
        raise ValidationError(_("You cannot remove your own administrator role."))
    previous = user.isu_role
    user.isu_role = role
    user.is_staff = role == ISURole.ADMINISTRATOR
    user.is_superuser = role == ISURole.ADMINISTRATOR
    user.save(update_fields=["isu_role", "is_staff", "is_superuser"])
    if previous != role:
        audit_record(
            action=AuditAction.ISU_ROLE_CHANGED,
            actor=actor,
            target=user,
            request=request,
            data={"from": previous, "to": role},
        )
    return user
