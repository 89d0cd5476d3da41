from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from taxonomy.models import Topic


@admin.register(Topic)
class TopicAdmin(TranslationAdmin):
    list_display = ["label", "parent", "slug", "position", "is_active"]
    list_filter = ["is_active", "parent"]
    search_fields = ["slug", "label"]
    prepopulated_fields = {"slug": ("label_en",)}
