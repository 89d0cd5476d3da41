from django.contrib import admin

from alerts.models import SavedSearch


@admin.register(SavedSearch)
class SavedSearchAdmin(admin.ModelAdmin):
    """Read-mostly, for the ISU: members manage their own searches; only pausing is allowed here."""

    list_display = ["name", "user", "frequency", "is_active", "created_at", "last_alerted_at"]
    list_filter = ["frequency", "is_active"]
    search_fields = ["name", "query_string", "user__email"]
    list_select_related = ["user"]
    fields = [
        "uid",
        "user",
        "name",
        "query_string",
        "frequency",
        "is_active",
        "created_at",
        "last_alerted_at",
    ]
    readonly_fields = [name for name in fields if name != "is_active"]

    def has_add_permission(self, request):
        return False
