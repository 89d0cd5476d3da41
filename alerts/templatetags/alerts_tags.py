from urllib.parse import parse_qsl

from django import template

from alerts import queries, selectors
from alerts.forms import SaveSearchForm
from organizations.permissions import can_use_member_services

register = template.Library()


@register.simple_tag(takes_context=True)
def save_search_state(context) -> dict:
    """What the search page offers about saving its search: the form, or the search already saved."""
    request = context["request"]
    query_string = queries.normalise(request.GET)
    state = {
        "query_string": query_string,
        "search_pairs": parse_qsl(query_string),
        "blank": queries.is_blank(query_string),
        "allowed": can_use_member_services(request.user),
    }
    if state["allowed"] and not state["blank"]:
        state["existing"] = (
            selectors.saved_searches_of(request.user).filter(query_string=query_string).first()
        )
        state["form"] = SaveSearchForm()
    return state


@register.filter
def filter_labels(saved) -> list[tuple[str, str]]:
    """A saved search's filters as (label, value) in the reader's language."""
    from documents.forms import LibraryFilterForm

    fields = LibraryFilterForm.base_fields
    labelled = []
    for name, value in saved.filters:
        field = fields.get(name)
        if field is None:
            continue
        choices = dict((str(key), label) for key, label in getattr(field, "choices", []) or [])
        labelled.append((str(field.label), str(choices.get(value, value))))
    return labelled
