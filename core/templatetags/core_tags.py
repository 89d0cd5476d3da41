from django import template
from django.urls import NoReverseMatch, reverse
from django.utils.http import urlencode

register = template.Library()


@register.simple_tag
def url_or_none(name: str, *args):
    """The URL for a route, or None while the app that owns it is not installed yet."""
    try:
        return reverse(name, args=args)
    except NoReverseMatch:
        return None


def changed_query(query, changes: dict) -> str:
    """The query string of `query` (a QueryDict) with `changes` applied; an empty value removes.

    Built from a plain dict: a search page has about 80 facet links, and copying the request's
    QueryDict for each (a deep copy) was a few milliseconds a page."""
    params = dict(query.lists())
    for name, value in changes.items():
        if value in ("", None):
            params.pop(name, None)
        else:  # in place when it is there already
            params[name] = [value]
    return urlencode(params, doseq=True)


@register.simple_tag(takes_context=True)
def query_set(context, key: str, value) -> str:
    """This page's query string with one parameter set (and back to the first page)."""
    return changed_query(context["request"].GET, {key: value, "page": None})
