"""Reads of the thesaurus for its pages: concepts found by their labels, one concept's relations."""

from django.core.cache import cache
from django.db.models import Count, Q, QuerySet
from django.db.models.fields.json import KT

from core.text import sort_key
from search.analysis import tokens
from search.models import Concept, ConceptCollection
from search.thesaurus import MAX_NGRAM, TSV_LANGUAGES, ids_of, label_index, version

MAX_FOUND = 500  # concepts a browse filter lists at most (UNBIS has 7 121)
RELATED_TTL = 600  # seconds


def concepts_labelled(text: str, among: set[int] | None = None) -> list[int]:
    """Ids of the concepts with a label (any language, any of its labels) holding every word of
    `text` as the language analyses it, the last word as a prefix ("biolog" finds "biological
    weapons", "оруж" finds "Биологическое оружие"), shortest labels first; only those `among`
    (a domain's) if given, before the first MAX_FOUND are kept."""
    readings = {code: words for code in TSV_LANGUAGES if (words := tokens(text, code))}
    found: dict[int, int] = {}
    for key, ids in label_index().items():  # one pass over the labels, every language at once
        code, _sep, label = key.partition(":")
        if (words := readings.get(code)) is None or words[-1] not in label:
            continue  # most labels lack the last word's start: no need to split them
        *whole, last = words
        key_words = label.split()
        if all(word in key_words for word in whole) and any(
            word.startswith(last) for word in key_words
        ):
            for concept_id in ids_of(ids):
                if among is None or concept_id in among:
                    found[concept_id] = min(found.get(concept_id, MAX_NGRAM + 1), len(key_words))
    return sorted(found, key=lambda pk: (found[pk], pk))[:MAX_FOUND]


def concepts_for_browsing(
    language: str, text: str = "", collection: ConceptCollection | None = None
) -> QuerySet[Concept] | list[Concept]:
    """The concepts to list, in the order of their label in `language`: all of them, or those
    whose labels hold `text` (best matches first), within one `collection` (domain) if given."""
    concepts = collection.concepts.all() if collection else Concept.objects.all()
    if text.strip():
        among = set(concepts.values_list("pk", flat=True)) if collection else None
        ids = concepts_labelled(text, among)
        by_id = concepts.in_bulk(ids)
        return [by_id[pk] for pk in ids if pk in by_id]
    return concepts.order_by(KT(f"labels__{language}").asc(nulls_last=True), "pk")


def collection_chosen(
    collections: list[tuple[ConceptCollection, int]], value: str | None
) -> ConceptCollection | None:
    """The domain of `collections_for_browsing` a request names by id; None for an unknown or
    malformed one, which then lists every concept, as no domain does."""
    return next((c for c, _size in collections if str(c.pk) == (value or "")), None)


def collections_for_browsing(language: str) -> list[tuple[ConceptCollection, int]]:
    """Every vocabulary's domains with their number of concepts, in the order of `language`."""
    found = ConceptCollection.objects.annotate(size=Count("concepts")).filter(size__gt=0)
    return sorted(
        ((collection, collection.size) for collection in found),
        key=lambda pair: sort_key(pair[0].label_in(language)),
    )


def concept_with_relations(pk: int) -> Concept | None:
    return (
        Concept.objects.prefetch_related("broader", "narrower", "related", "collections")
        .filter(pk=pk)
        .first()
    )


def related_concepts(concepts: list[Concept], limit: int = 8) -> list[Concept]:
    """The concepts a vocabulary relates to those of a query (related, narrower, broader), in one
    query over the relation tables' indexes (joining Concept three ways and DISTINCT took 5 ms
    on PostgreSQL); UNBIS's file states no relations, a SKOS vocabulary may."""
    ids = sorted(concept.pk for concept in concepts)
    if not ids:
        return []

    def read():
        related = Concept.related.through.objects.filter(from_concept_id__in=ids)
        hierarchy = Concept.broader.through.objects
        found = Concept.objects.filter(
            Q(pk__in=related.values("to_concept_id"))
            | Q(pk__in=hierarchy.filter(from_concept_id__in=ids).values("to_concept_id"))
            | Q(pk__in=hierarchy.filter(to_concept_id__in=ids).values("from_concept_id"))
        )
        return list(found.exclude(pk__in=ids).order_by("pk")[:limit])

    # Cached by the thesaurus's version: 3-5 ms on PostgreSQL for each page of a search.
    key = f"related-concepts:{'-'.join(map(str, version()))}:{limit}:{','.join(map(str, ids))}"
    return cache.get_or_set(key, read, RELATED_TTL)
