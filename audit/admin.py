from django.contrib import admin

from audit.models import AuditEntry


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    """Read-only: the audit log can be searched and read, never edited, from the site."""

    list_display = ["created_at", "action", "actor_repr", "target_repr", "ip_address"]
    list_filter = ["action", "created_at"]
    search_fields = ["actor_repr", "target_repr", "target_id"]
    date_hierarchy = "created_at"
    readonly_fields = [field.name for field in AuditEntry._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
