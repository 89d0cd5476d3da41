from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from accounts.mfa import staff_needs_mfa

STAFF_NAMESPACES = {"admin", "moderation"}


class StaffMFARequiredMiddleware:
    """Send ISU staff without two-factor authentication to set it up before any staff page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if match is None or not STAFF_NAMESPACES.intersection(match.namespaces):
            return None
        if staff_needs_mfa(request.user):
            messages.warning(
                request,
                _("Set up two-factor authentication before you use the staff pages."),
            )
            return redirect("mfa_activate_totp")
        return None
