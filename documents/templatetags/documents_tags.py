from django import template
from django.utils.translation import get_language

from core.templatetags.core_tags import changed_query
from documents import languages
from organizations.models import RegionalGroup

register = template.Library()


@register.filter
def language_name(code: str) -> str:
    return languages.language_name(code) if code else ""


@register.filter
def title_language(revision) -> str:
    """The language the title is shown in, for the lang attribute."""
    code = languages.content_language(get_language())
    return code if revision.translations.get(code, {}).get("title") else revision.language


@register.filter
def summary_language(revision) -> str:
    code = languages.content_language(get_language())
    return code if revision.translations.get(code, {}).get("summary") else revision.language


@register.filter
def region_label(value: str) -> str:
    return RegionalGroup(value).label if value in RegionalGroup.values else value


@register.simple_tag(takes_context=True)
def query_with(context, **changes) -> str:
    """This page's query string with some parameters changed (empty value: removed)."""
    return changed_query(context["request"].GET, changes)


@register.filter
def concept_label(concept) -> str:
    """A thesaurus concept's or domain's label in the reader's language, else in English."""
    return concept.label_in(languages.content_language(get_language()))
