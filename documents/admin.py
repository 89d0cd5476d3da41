from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from documents.models import BWCArticle, Document, DocumentRevision, WorkflowEvent


@admin.register(BWCArticle)
class BWCArticleAdmin(TranslationAdmin):
    list_display = ["number", "title"]


class RevisionInline(admin.TabularInline):
    """Versions change only through the workflow services: the admin shows them read-only."""

    model = DocumentRevision
    fields = ["number", "status", "title", "doc_type", "jurisdiction", "language", "published_at"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = False

    def has_add_permission(self, request, obj=None):
        return False


class EventInline(admin.TabularInline):
    model = WorkflowEvent
    fields = ["created_at", "action", "from_status", "to_status", "actor", "reason"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Document)
class DocumentAdmin(admin.ModelAdmin):
    list_display = ["__str__", "organization", "access_level", "published_at", "withdrawn_at"]
    list_filter = ["access_level", "organization__kind"]
    search_fields = ["uid", "external_id", "revisions__title", "revisions__official_number"]
    readonly_fields = [field.name for field in Document._meta.fields]
    inlines = [RevisionInline, EventInline]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False  # withdraw instead: nothing is deleted silently
