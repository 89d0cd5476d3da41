"""Delivery of messages to people, each in the language they chose."""

import logging

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation

logger = logging.getLogger(__name__)


def recipient_language(user) -> str:
    codes = {code for code, _name in settings.LANGUAGES}
    language = getattr(user, "preferred_language", "") or ""
    return language if language in codes else settings.LANGUAGE_CODE


def notify(*, user, template: str, context: dict | None = None, url: str = "") -> None:
    """Tell a person in the site (notifications page) and by e-mail, both in their language."""
    from notifications.models import Notification

    with translation.override(recipient_language(user)):
        full_context = {"user": user, "site_name": settings.SECBIO_SITE_NAME, **(context or {})}
        title = " ".join(
            render_to_string(f"notifications/email/{template}_subject.txt", full_context).split()
        )
        body = render_to_string(f"notifications/email/{template}_body.txt", full_context).strip()
    Notification.objects.create(recipient=user, title=title[:300], body=body, url=url[:500])
    email_send(user=user, template=template, context=context)


def notifications_mark_read(*, user) -> int:
    from django.utils import timezone

    from notifications.models import Notification

    return Notification.objects.filter(recipient=user, read_at__isnull=True).update(
        read_at=timezone.now()
    )


def email_send(*, user, template: str, context: dict | None = None) -> None:
    """Send `notifications/email/<template>_subject.txt` and `_body.txt` to a user, in their language.

    Sent once the surrounding transaction commits, so a rolled-back action never e-mails anyone.
    """
    if not user.email:
        return
    language = recipient_language(user)
    with translation.override(language):
        full_context = {"user": user, "site_name": settings.SECBIO_SITE_NAME, **(context or {})}
        subject = render_to_string(f"notifications/email/{template}_subject.txt", full_context)
        body = render_to_string(f"notifications/email/{template}_body.txt", full_context)
    message = EmailMultiAlternatives(
        subject=" ".join(subject.split()),
        body=body,
        to=[user.email],
        headers={"Content-Language": language},
    )
    transaction.on_commit(lambda: _deliver(message))


def _deliver(message: EmailMultiAlternatives) -> None:
    try:
        message.send()
    except OSError:
        # The action itself succeeded; a mail server outage must not undo it.
        logger.exception("e-mail delivery failed", extra={"path": ",".join(message.to)})
