from django import forms
from django.utils.translation import gettext_lazy as _

from organizations.models import BWCStatus, MembershipRole, OrganizationKind, RegionalGroup


class DirectoryFilterForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Kind"), required=False, choices=[("", _("All")), *OrganizationKind.choices]
    )
    group = forms.ChoiceField(
        label=_("UN regional group"),
        required=False,
        choices=[("", _("All")), *RegionalGroup.choices],
    )
    status = forms.ChoiceField(
        label=_("BWC status"), required=False, choices=[("", _("All")), *BWCStatus.choices]
    )


class RejectForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        help_text=_("The person will see this reason."),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=1000,
    )


class RoleForm(forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=MembershipRole.choices)
