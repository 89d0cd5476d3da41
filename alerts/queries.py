"""A saved search's words and filters, written one way so the same search is stored once."""

from urllib.parse import urlencode

from django.http import QueryDict

from search.query import parse


def normalise(params: QueryDict) -> str:
    """The query string of the words and the filters the search applies, in a fixed order.

    Whitespace is collapsed, invalid or empty filters and anything else (page, sort) are
    dropped, so two ways of writing one search give the same string.
    """
    from documents.forms import LibraryFilterForm

    text = " ".join(parse(params.get("q")).text.split())
    filters = LibraryFilterForm(params).filters()
    pairs = sorted((name, str(value)) for name, value in filters.items())
    return urlencode([("q", text), *pairs] if text else pairs)


def is_blank(query_string: str) -> bool:
    """Neither words to look for nor a filter: such a search would match the whole library."""
    params = QueryDict(query_string)
    return parse(params.get("q")).is_empty and not (set(params) - {"q"})
