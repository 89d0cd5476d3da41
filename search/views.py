"""The global search page and the search API; both ask the registered providers."""

from django import forms
from django.core.paginator import Paginator
from django.http import Http404, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET

from documents.languages import content_language, language_name
from search import selectors
from search.query import parse
from search.registry import provider
from search.spelling import suggest
from search.thesaurus import TSV_LANGUAGES

MAX_PAGE_SIZE = 100
CONCEPTS_PER_PAGE = 100


class SearchForm(forms.Form):
    q = forms.CharField(label=gettext_lazy("Search"), required=False, max_length=10_000)


def _suggestion(request, query, params, outcome) -> str | None:
    """A corrected query, checked to find more with the reader's permissions and filters; both
    counted by their words alone (spelling changes which words match, not what they mean)."""

    def count(text: str) -> int:
        return provider("documents").count(user=request.user, query=parse(text), params=params)

    return suggest(query, count=count, found=outcome.get("word_count"))


def _page(request) -> int:
    try:
        return max(1, int(request.GET.get("page", 1)))
    except ValueError:
        return 1


@require_GET
def search_page(request):
    query = parse(request.GET.get("q"))
    outcome = provider("documents").search(
        user=request.user,
        query=query,
        params=request.GET,
        page=_page(request),
        sort=request.GET.get("sort", "relevance"),
    )
    context = {
        "form": SearchForm(request.GET or None),
        "query": query,
        "results_template": outcome["template"],
        **outcome,
        "suggestion": _suggestion(request, query, request.GET, outcome),
    }
    template = outcome["template"] if request.htmx else "search/search.html"
    return render(request, template, context)


@require_GET
def search_api(request):
    """GET /api/v1/search?q=…&lang=…&type=…&jurisdiction=…&sort=relevance|date&page=…&page_size=… (JSON)."""
    query = parse(request.GET.get("q"))
    try:
        page_size = min(MAX_PAGE_SIZE, max(1, int(request.GET.get("page_size", 20))))
    except ValueError:
        return JsonResponse({"error": _("page_size must be a whole number.")}, status=400)
    params = request.GET.copy()
    for alias, name in (("type", "doc_type"), ("lang", "language")):
        if alias in params:
            params[name] = params[alias]
    outcome = provider("documents").search(
        user=request.user,
        query=query,
        params=params,
        page=_page(request),
        page_size=page_size,
        sort=request.GET.get("sort", "relevance"),
    )
    results = [
        {
            "id": str(result["document"].uid),
            "external_id": result["document"].external_id,
            "title": result["document"].published_revision.display_title(),
            "language": result["document"].published_revision.language,
            "snippet": str(result["snippet"]),
            "score": result["score"],
            "url": request.build_absolute_uri(result["document"].get_absolute_url()),
        }
        for result in outcome["results"]
    ]
    facets = {
        name: [{"value": value, "count": count} for value, count in counts]
        for name, counts in outcome["facets"].items()
    }
    body = {
        "count": outcome["count"],
        "count_is_exact": outcome.get("count_is_exact", True),
        "page": outcome["page"].number,
        "results": results,
        "facets": facets,
    }
    if suggestion := _suggestion(request, query, params, outcome):
        body["suggestion"] = suggestion
    if query.truncated:
        body["notice"] = _("The query was too long and was shortened.")
    return JsonResponse(body, json_dumps_params={"ensure_ascii": False})


@require_GET
def thesaurus(request):
    """Browse the thesaurus: every concept in the order of the reader's language, or those whose
    labels hold the words typed (in any language)."""
    text = (request.GET.get("q") or "")[:200].strip()
    language = content_language()
    collections = selectors.collections_for_browsing(language)
    chosen = selectors.collection_chosen(collections, request.GET.get("domain"))
    concepts = selectors.concepts_for_browsing(language, text, chosen)
    page = Paginator(concepts, CONCEPTS_PER_PAGE).get_page(_page(request))
    return render(
        request,
        "search/thesaurus.html",
        {
            "page": page,
            "text": text,
            "language": language,
            "collections": collections,
            "chosen": chosen,
        },
    )


@require_GET
def concept(request, pk: int):
    """One concept: its labels in the six languages, its relations, a search for it."""
    found = selectors.concept_with_relations(pk)
    if found is None:
        raise Http404
    language = content_language()
    labels = [
        (code, language_name(code), found.labels.get(code, ""), found.alt_labels.get(code, []))
        for code in TSV_LANGUAGES
    ]
    return render(
        request,
        "search/concept.html",
        {
            "concept": found,
            "labels": labels,
            "label": found.label_in(language),
            "relations": [
                (gettext_lazy("Broader concepts"), list(found.broader.all())),
                (gettext_lazy("Narrower concepts"), list(found.narrower.all())),
                (gettext_lazy("Related concepts"), list(found.related.all())),
            ],
        },
    )
