from allauth.mfa.models import Authenticator


def has_totp(user) -> bool:
    return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


def staff_needs_mfa(user) -> bool:
    """ISU staff must set up an authenticator app before they use any staff page."""
    return bool(
        getattr(user, "is_authenticated", False) and user.is_isu_staff and not has_totp(user)
    )
