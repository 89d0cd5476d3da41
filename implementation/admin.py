from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from implementation.models import ImplementationArea


@admin.register(ImplementationArea)
class ImplementationAreaAdmin(TranslationAdmin):
    list_display = ["label", "slug", "position"]
    prepopulated_fields = {"slug": ("label_en",)}
