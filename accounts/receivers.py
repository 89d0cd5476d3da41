"""Audit records for authentication events raised by Django, allauth and django-axes."""

from allauth.account import signals as account_signals
from allauth.mfa import signals as mfa_signals
from allauth.mfa.models import Authenticator
from axes.signals import user_locked_out
from django.contrib.auth import signals as auth_signals
from django.dispatch import receiver

from accounts.auth import login_identifier
from audit.models import AuditAction
from audit.services import audit_record


@receiver(account_signals.user_signed_up)
def on_signup(sender, request, user, **kwargs):
    audit_record(action=AuditAction.SIGNUP, actor=user, target=user, request=request)


@receiver(account_signals.email_confirmed)
def on_email_confirmed(sender, request, email_address, **kwargs):
    user = email_address.user
    audit_record(
        action=AuditAction.EMAIL_CONFIRMED,
        actor=user,
        target=user,
        request=request,
        data={"email": email_address.email},
    )


@receiver(auth_signals.user_logged_in)
def on_login(sender, request, user, **kwargs):
    audit_record(action=AuditAction.LOGIN, actor=user, target=user, request=request)


@receiver(auth_signals.user_logged_out)
def on_logout(sender, request, user, **kwargs):
    if user is not None:
        audit_record(action=AuditAction.LOGOUT, actor=user, target=user, request=request)


@receiver(auth_signals.user_login_failed)
def on_login_failed(sender, credentials, request=None, **kwargs):
    # Django has already masked the password in `credentials`; keep only the identifier.
    identifier = login_identifier(request, credentials) or ""
    audit_record(
        action=AuditAction.LOGIN_FAILED,
        request=request,
        actor_repr=identifier,
        data={"login": identifier},
    )


@receiver(user_locked_out)
def on_locked_out(sender, request, username, ip_address, **kwargs):
    audit_record(
        action=AuditAction.LOCKED_OUT,
        request=request,
        actor_repr=username or "",
        data={"login": username or "", "ip": ip_address},
    )


@receiver(account_signals.password_changed)
def on_password_changed(sender, request, user, **kwargs):
    audit_record(action=AuditAction.PASSWORD_CHANGED, actor=user, target=user, request=request)


@receiver(account_signals.password_reset)
def on_password_reset(sender, request, user, **kwargs):
    audit_record(action=AuditAction.PASSWORD_RESET, actor=user, target=user, request=request)


def _mfa_data(authenticator) -> dict:
    return {"type": authenticator.type} if isinstance(authenticator, Authenticator) else {}


@receiver(mfa_signals.authenticator_added)
def on_mfa_added(sender, request, user, authenticator, **kwargs):
    audit_record(
        action=AuditAction.MFA_ACTIVATED,
        actor=user,
        target=user,
        request=request,
        data=_mfa_data(authenticator),
    )


@receiver(mfa_signals.authenticator_removed)
def on_mfa_removed(sender, request, user, authenticator, **kwargs):
    audit_record(
        action=AuditAction.MFA_DEACTIVATED,
        actor=user,
        target=user,
        request=request,
        data=_mfa_data(authenticator),
    )


@receiver(mfa_signals.authenticator_reset)
def on_mfa_reset(sender, request, user, authenticator, **kwargs):
    audit_record(
        action=AuditAction.MFA_CODES_RESET,
        actor=user,
        target=user,
        request=request,
        data=_mfa_data(authenticator),
    )
