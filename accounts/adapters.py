from allauth.account.adapter import DefaultAccountAdapter
from django.urls import reverse
from django.utils import translation

from notifications.services import recipient_language


class AccountAdapter(DefaultAccountAdapter):
    """allauth, made to speak each person's language."""

    def get_login_redirect_url(self, request):
        # Open the site in the language the person chose, unless they were going somewhere.
        language = recipient_language(request.user)
        with translation.override(language):
            return reverse("accounts:profile")

    def send_mail(self, template_prefix, email, context):
        user = context.get("user")
        language = recipient_language(user) if user is not None else translation.get_language()
        with translation.override(language):
            super().send_mail(template_prefix, email, context)
