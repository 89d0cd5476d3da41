from modeltranslation.translator import TranslationOptions, register

from documents.models import BWCArticle


@register(BWCArticle)
class BWCArticleTranslationOptions(TranslationOptions):
    fields = ("title",)
    required_languages = ("en",)
