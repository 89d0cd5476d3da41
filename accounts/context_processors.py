from django.utils.translation import gettext as _

from accounts.mfa import staff_needs_mfa
from organizations.models import Membership, MembershipStatus


def account_status(request):
    """A sentence telling a signed-in person what their account is waiting for, if anything."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    if staff_needs_mfa(user):
        return {"account_status": _("Set up two-factor authentication to use the staff pages.")}
    if user.is_isu_staff:
        return {}
    try:
        membership = user.membership
    except Membership.DoesNotExist:
        return {"account_status": _("Your account is not linked to an organization yet.")}
    if membership.status == MembershipStatus.PENDING:
        message = _(
            "Your affiliation to %(organization)s awaits verification by its manager or by the ISU. "
            "Until then you can read public content only."
        )
    elif membership.status == MembershipStatus.REJECTED:
        message = _("Your affiliation to %(organization)s was not verified.")
    else:
        return {}
    return {"account_status": message % {"organization": membership.organization}}
