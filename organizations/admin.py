from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from organizations import services
from organizations.models import Membership, MembershipStatus, Organization


@admin.register(Organization)
class OrganizationAdmin(TranslationAdmin):
    list_display = ["name", "code", "kind", "regional_group", "bwc_status", "accepts_members"]
    list_filter = ["kind", "regional_group", "bwc_status", "accepts_members"]
    search_fields = ["code", "name", "short_name"]


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    """Status and role change through the membership services, so they are checked and audited."""

    list_display = ["user", "organization", "role", "status", "requested_at", "decided_by"]
    list_filter = ["status", "role", "organization__kind"]
    search_fields = ["user__email", "user__full_name", "organization__code", "organization__name"]
    autocomplete_fields = ["organization"]
    raw_id_fields = ["user"]
    readonly_fields = ["requested_at", "decided_at", "decided_by"]
    actions = ["verify_selected"]

    def save_model(self, request, obj, form, change):
        if not change:
            super().save_model(request, obj, form, change)
            return
        status, role, reason = obj.status, obj.role, obj.decision_reason
        obj.status = form.initial["status"]
        obj.role = form.initial["role"]
        super().save_model(request, obj, form, change)
        if "status" in form.changed_data:
            if status == MembershipStatus.VERIFIED:
                services.membership_verify(actor=request.user, membership=obj, request=request)
            elif status == MembershipStatus.REJECTED:
                services.membership_reject(
                    actor=request.user, membership=obj, reason=reason, request=request
                )
        if "role" in form.changed_data:
            services.membership_set_role(
                actor=request.user, membership=obj, role=role, request=request
            )

    @admin.action(description=_("Verify the selected memberships"))
    def verify_selected(self, request, queryset):
        for membership in queryset.filter(status=MembershipStatus.PENDING):
            services.membership_verify(actor=request.user, membership=membership, request=request)
