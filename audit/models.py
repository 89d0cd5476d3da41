from django.db import models
from django.utils.translation import gettext_lazy as _


class AuditAction(models.TextChoices):
    SIGNUP = "account.signup", _("Account created")
    EMAIL_CONFIRMED = "account.email_confirmed", _("E-mail address confirmed")
    LOGIN = "account.login", _("Signed in")
    LOGIN_FAILED = "account.login_failed", _("Failed sign-in")
    LOCKED_OUT = "account.locked_out", _("Locked out after failed sign-ins")
    LOGOUT = "account.logout", _("Signed out")
    PASSWORD_CHANGED = "account.password_changed", _("Password changed")
    PASSWORD_RESET = "account.password_reset", _("Password reset")
    MFA_ACTIVATED = "mfa.activated", _("Two-factor authentication set up")
    MFA_DEACTIVATED = "mfa.deactivated", _("Two-factor authentication removed")
    MFA_CODES_RESET = "mfa.recovery_codes_reset", _("Recovery codes regenerated")
    MEMBERSHIP_REQUESTED = "membership.requested", _("Membership requested")
    MEMBERSHIP_VERIFIED = "membership.verified", _("Membership verified")
    MEMBERSHIP_REJECTED = "membership.rejected", _("Membership rejected")
    ROLE_CHANGED = "membership.role_changed", _("Organization role changed")
    ISU_ROLE_CHANGED = "account.isu_role_changed", _("ISU role changed")
    PREFERENCES_CHANGED = "account.profile_changed", _("Profile changed")
    DOCUMENT_CREATED = "document.created", _("Document drafted")
    DOCUMENT_SUBMITTED = "document.submitted", _("Document submitted")
    DOCUMENT_SCREENED = "document.screened", _("Document screened")
    DOCUMENT_APPROVED = "document.approved", _("Document approved by its organization")
    DOCUMENT_PUBLISHED = "document.published", _("Document published")
    DOCUMENT_CHANGES_REQUESTED = "document.changes_requested", _("Changes requested")
    DOCUMENT_REJECTED = "document.rejected", _("Document rejected")
    DOCUMENT_WITHDRAWN = "document.withdrawn", _("Document withdrawn")
    DOCUMENT_NEW_VERSION = "document.new_version", _("New version started")
    DOCUMENT_RECONFIRMED = "document.reconfirmed", _("Document reconfirmed")
    IMPLEMENTATION_TAG_DECIDED = (
        "implementation.tag_decided",
        _("Implementation area confirmed or rejected"),
    )


class AuditEntry(models.Model):
    """One sensitive action, recorded once and never changed.

    Actor and target are stored as identifiers and snapshots rather than foreign keys, so that
    deleting a user or an object never rewrites the history; database triggers refuse UPDATE and
    DELETE on this table (see migration 0002).
    """

    created_at = models.DateTimeField(_("time"), auto_now_add=True, db_index=True)
    action = models.CharField(
        _("action"), max_length=64, choices=AuditAction.choices, db_index=True
    )
    actor_id = models.BigIntegerField(_("actor ID"), null=True, blank=True, db_index=True)
    actor_repr = models.CharField(_("actor"), max_length=255, blank=True)
    target_type = models.CharField(_("target type"), max_length=100, blank=True)
    target_id = models.CharField(_("target ID"), max_length=64, blank=True)
    target_repr = models.CharField(_("target"), max_length=255, blank=True)
    ip_address = models.GenericIPAddressField(_("IP address"), null=True, blank=True)
    data = models.JSONField(_("details"), default=dict, blank=True)

    class Meta:
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit entries")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["target_type", "target_id"])]

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M:%S} {self.action} {self.actor_repr}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise PermissionError("Audit entries are append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionError("Audit entries are append-only.")
