from modeltranslation.translator import TranslationOptions, register

from taxonomy.models import Topic


@register(Topic)
class TopicTranslationOptions(TranslationOptions):
    fields = ("label",)
    required_languages = ("en",)
