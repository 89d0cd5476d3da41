from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _

from accounts.models import Profile, User
from accounts.services import user_set_isu_role


class ProfileInline(admin.StackedInline):
    model = Profile
    can_delete = False
    filter_horizontal = ["expertise"]


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    ordering = ["email"]
    list_display = ["email", "full_name", "isu_role", "is_active", "last_login"]
    list_filter = ["isu_role", "is_active", "preferred_language"]
    search_fields = ["email", "full_name"]
    readonly_fields = ["last_login", "date_joined", "is_staff", "is_superuser"]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        (_("Person"), {"fields": ["full_name", "preferred_language"]}),
        (_("ISU role"), {"fields": ["isu_role", "is_active", "is_staff", "is_superuser"]}),
        (_("Dates"), {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [
        (None, {"classes": ["wide"], "fields": ["email", "full_name", "password1", "password2"]})
    ]
    inlines = [ProfileInline]

    def save_model(self, request, obj, form, change):
        # The ISU role goes through its service, so the change is checked and audited.
        new_role = obj.isu_role
        if change and "isu_role" in form.changed_data:
            obj.isu_role = form.initial.get("isu_role", "")
            super().save_model(request, obj, form, change)
            user_set_isu_role(actor=request.user, user=obj, role=new_role, request=request)
        else:
            super().save_model(request, obj, form, change)
            if not change and new_role:
                user_set_isu_role(actor=request.user, user=obj, role=new_role, request=request)
