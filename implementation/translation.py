from modeltranslation.translator import TranslationOptions, register

from implementation.models import ImplementationArea


@register(ImplementationArea)
class ImplementationAreaTranslationOptions(TranslationOptions):
    fields = ("label",)
    required_languages = ("en",)
