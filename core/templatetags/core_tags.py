from django import template
from django.urls import NoReverseMatch, reverse

register = template.Library()


@register.simple_tag
def url_or_none(name: str, *args):
    """The URL for a route, or None while the app that owns it is not installed yet."""
    try:
        return reverse(name, args=args)
    except NoReverseMatch:
        return None


@register.simple_tag(takes_context=True)
def query_set(context, key: str, value) -> str:
    """This page's query string with one parameter set (and back to the first page)."""
    query = context["request"].GET.copy()
    query[key] = value
    query.pop("page", None)
    return query.urlencode()
