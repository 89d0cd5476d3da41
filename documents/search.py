"""What the search engine indexes of a document, and how document search applies permissions."""

from collections import Counter, namedtuple
from dataclasses import dataclass, replace
from functools import cached_property

import numpy as np
from django.core.cache import cache
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from documents import selectors
from documents.languages import content_language
from documents.models import Document, DocumentFile, DocumentType, LegalStatus
from organizations.selectors import organization_places, organizations_named_in
from search import ranking, services
from search.analysis import query_languages
from search.backends import backend, rows_among
from search.backends.within import ids_within
from search.query import parse
from search.registry import Provider, register
from search.selectors import related_concepts
from search.snippets import snippet
from search.thesaurus import concepts_in, expansions, spelled_out

CONTENT_TYPE = "documents.document"
MODES = ("hybrid", "lexical", "semantic")
# The words' matches a search keeps (best first; see search/backends): their facets are counted
# and they are ranked in Python, so this bounds a search's cost however common its words.
MAX_MATCHES = 2000
FILTERED_SEMANTIC_FACTOR = 4
# Hybrid search: when fewer documents than this hold every word, those holding some of the
# (rarer) words follow them in the word ranking, up to SOME_WORDS_KEPT.
FEW_WORD_MATCHES = 10
SOME_WORDS_KEPT = 20
FACETS = {
    "doc_type": "doc_type",
    "jurisdiction": "jurisdiction__code",
    "region": "jurisdiction__regional_group",
    "language": "language",
    "topic": "topics__slug",
    "bwc_article": "bwc_articles__number",
    "legal_status": "legal_status",
}


def _published_revision(document_id: int):
    """The revision a reader sees, or None when the document is not (or no longer) published."""
    document = Document.objects.select_related("published_revision").filter(pk=document_id).first()
    return document.published_revision if document is not None and document.is_published else None


def _titles_and_summaries(revision) -> tuple[list[str], list[str]]:
    """The original's title and summary, then those given in other languages."""
    translations = list(revision.translations.values())
    titles = [revision.title] + [t.get("title", "") for t in translations]
    summaries = [revision.summary] + [t.get("summary", "") for t in translations]
    return titles, summaries


def document_index(document_id: int) -> None:
    """Index a published document (every title it has, summary, keywords, text), or drop it."""
    revision = _published_revision(document_id)
    if revision is None:
        services.entry_remove(content_type=CONTENT_TYPE, object_id=document_id)
        return
    titles, summaries = _titles_and_summaries(revision)
    body = "\n".join(
        [
            *summaries,
            " ".join(revision.keywords),
            revision.official_number,
            *revision.files.values_list("extracted_text", flat=True),
        ]
    )
    services.entry_index(
        content_type=CONTENT_TYPE,
        object_id=document_id,
        language=revision.language,
        title="\n".join(titles),
        body=body,
    )


def _indexed_texts(revision_ids: list[int]) -> dict[int, str]:
    """{revision id: the text whose passages are embedded}; snippets read offsets into this
    same text, so both join the files' texts in one order (the files' own)."""
    texts: dict[int, list[str]] = {pk: [] for pk in revision_ids}
    rows = DocumentFile.objects.filter(revision_id__in=revision_ids).values_list(
        "revision_id", "extracted_text"
    )
    for revision_id, text in rows:
        if text:
            texts[revision_id].append(text)
    return {pk: "\n".join(parts) for pk, parts in texts.items()}


def _indexed_text(revision) -> str:
    return _indexed_texts([revision.pk])[revision.pk]


def document_embed(document_id: int) -> None:
    """Embed a published document's titles and summaries, and passages of its text; or drop them."""
    revision = _published_revision(document_id)
    if revision is None:
        services.passages_remove(content_type=CONTENT_TYPE, object_id=document_id)
        return
    titles, summaries = _titles_and_summaries(revision)
    head = "\n".join(part for part in [*titles, *summaries] if part)
    services.passages_index(
        content_type=CONTENT_TYPE,
        object_id=document_id,
        language=revision.language,
        head=head,
        text=_indexed_text(revision),
    )


def document_search(
    *, user, query, params, page: int = 1, page_size: int = 20, sort: str = "relevance"
) -> dict:
    """Documents matching `query` that `user` may read, with facet counts and snippets.

    `params` are the request's filters (the library's), read leniently: a bad value is dropped.
    """
    scope = _scope(user, params)
    scores: dict[int, float] = {}
    starts: dict[int, int | None] = {}
    concepts, words, word_count, capped = [], None, None, False
    if query.is_empty:
        facets = _facet_counts(scope.filtered)
        ordered_ids = scope.filtered.order_by("-date_adopted", "-pk").values_list("pk", flat=True)
    else:
        concepts, scores, starts, words = _query_scores(query, params, scope.within)
        matches = _readable_matches(scope, scores)
        if _mode(params) == "hybrid":
            _favour_places_named(query, matches, scores)
        facets = _match_facets(matches)
        if words is not None:
            # The words matched more than a search keeps: the count is a lower bound.
            capped = len(words) >= MAX_MATCHES
            if not query.expansions:  # else the thesaurus labels matched too: not the words alone
                word_count = sum(1 for row in matches if row.pk in words)
        if sort == "date":
            matches.sort(key=lambda row: (row.date_adopted is not None, row.date_adopted, row.pk))
        else:  # ranked in Python over ids only; just the page's documents are loaded below
            matches.sort(key=lambda row: (scores[row.pk], row.pk))
        ordered_ids = [row.pk for row in reversed(matches)]
    paginator = Paginator(ordered_ids, page_size)
    current = paginator.get_page(page)
    by_id = selectors.listed_by_id(current.object_list)  # read through the scope above
    current.object_list = [by_id[pk] for pk in current.object_list if pk in by_id]
    # A snippet comes from the summary, or from the text for a hit by meaning (its passage) or a
    # document without summary: those texts are read in one query for the whole page.
    needs_text = [
        document.published_revision_id
        for document in current
        if not query.is_empty
        and (starts.get(document.pk) is not None or not document.published_revision.summary)
    ]
    texts = _indexed_texts(needs_text) if needs_text else {}
    results = []
    for document in current:
        revision = document.published_revision
        start = starts.get(document.pk)
        text = texts.get(revision.pk) or revision.summary or ""
        results.append(
            {
                "document": document,
                "score": round(scores.get(document.pk, 0.0), 4),
                "snippet": snippet(text, query, revision.language, around=start),
            }
        )
    versions = selectors.language_versions_of_many(user, [result["document"] for result in results])
    for result in results:
        result["versions"] = versions.get(result["document"].pk, [])
    return {
        "page": current,
        "results": results,
        "facets": facets,
        "facet_groups": SimpleLazyObject(lambda: _labelled(facets)),  # pages only, not the API
        "count": paginator.count,
        "word_count": word_count,
        "count_is_exact": not capped,
        "filters": scope.filters,
        "concepts": concepts,
        # What the vocabularies relate to the query's concepts (pages only, not the API).
        "related_concepts": SimpleLazyObject(lambda: related_concepts(concepts)),
        "template": "documents/partials/search_results.html",
    }


def document_count(*, user, query, params) -> int:
    """How many readable documents within the request's filters hold the query's words, in any
    language's reading: no thesaurus expansions, no meaning. What a spelling correction is
    judged by (search/spelling.py), at the cost of one full-text query: counting as a search
    does, with the expansions and the nearest passages, took 47 ms at 100 000 documents."""
    scope = _scope(user, params)
    if query.is_empty:
        return scope.filtered.count()
    matched = backend().match(
        content_type=CONTENT_TYPE,
        query=replace(query, expansions=[]),
        languages=_languages(),
        limit=MAX_MATCHES,
        within=scope.within,
        ranked=False,
    )
    readable, ids = scope.readable(pk for pk, _score in matched)
    return len(rows_among(readable, ids, ["pk"])) if ids else 0


@dataclass
class _Scope:
    """What a request searches: the documents its reader may read, those within its filters,
    the filters read, and what describes them for the cache."""

    user: object
    visible: QuerySet
    filtered: QuerySet
    filters: dict
    described: dict

    @cached_property
    def within(self) -> np.ndarray | None:
        """The sorted ids of `filtered` when there are filters, else None: what a search keeps
        its matches to (cached, selectors.filtered_ids); a list without a query never needs them."""
        if not self.filters:
            return None
        return selectors.filtered_ids(self.user, self.described, self.filtered)

    def readable(self, ids) -> tuple[QuerySet, list[int]]:
        """(a queryset, the `ids` to read through it): the filtered documents, or with filters,
        the ids kept to `within` and read through the reader's visibility alone. Testing each
        against the filters again in SQL took up to 28 ms at 100 000 documents; a set cached a
        moment too long (the filters' documents changed without a publication, such as an
        organization's region) can then misplace a document in or out of a filter, never show
        one its reader may not read."""
        if self.within is None:
            return self.filtered, list(ids)
        return self.visible, ids_within(list(ids), self.within)


def _scope(user, params) -> _Scope:
    from documents.forms import LibraryFilterForm

    filters = LibraryFilterForm(params or None).filters()
    visible = selectors.documents_visible_to(user)
    filtered = selectors.document_filter(visible, filters=filters)
    described = dict(filters)
    if filters.get("my_languages") and (read := languages_read(user)):
        filtered = filtered.filter(language__in=read)  # the record's language, copied
        described["my_languages"] = ",".join(read)  # the reader's own: part of the cache key
    return _Scope(user, visible, filtered, filters, described)


def _query_scores(query, params, within):
    """(thesaurus concepts, {id: score}, {id: best passage offset}, ids the words matched).

    `within`: the sorted ids of the documents the reader's filters keep, or None without
    filters. The words' matches are kept to them, so that a filter finds its documents however
    many others match.
    """
    languages = _languages()
    text = query.positive_text
    own = query_languages(text, content_language())
    concepts = concepts_in(text, [code for code in languages if code], own)
    query.expansions = expansions(concepts)
    scores, starts, words = _scores(query, languages, _mode(params), within)
    return concepts, scores, starts, words


def _languages() -> list[str | None]:
    """The readings of a query: the reader's language first, unstemmed, then each language's."""
    return list(dict.fromkeys([content_language(), None, "en", "fr", "es", "ru", "ar", "zh"]))


def _mode(params) -> str:
    mode = (params or {}).get("mode") or "hybrid"
    return mode if mode in MODES else "hybrid"


def _favour_places_named(query, matches: list, scores: dict[int, float]) -> None:
    """Raise the documents of a State or organization the query names, in any of the six
    languages ("мораторий на ГМО в Перу"): a reader who names a country wants its law first.
    Hybrid nDCG@10 +0.008 (cross-language +0.016) on benchmarks/search_eval."""
    named = organizations_named_in(query.positive_text)
    for row in matches:
        if row.jurisdiction in named:
            scores[row.pk] += ranking.NAMED_PLACE_BONUS


def languages_read(user) -> list[str]:
    """Document language codes a member reads: their profile's languages and their interface's."""
    if not user.is_authenticated:
        return []
    from accounts.models import Profile

    profile = Profile.objects.filter(user=user).first()
    codes = [*(profile.languages if profile else []), user.preferred_language]
    return sorted({code.split("-")[0] for code in codes if code})


# Facets read from each matched document's own columns; jurisdictions by id (organization_places).
_ROW_FACETS = ["doc_type", "jurisdiction", "region", "language", "legal_status"]
_Match = namedtuple("_Match", ["pk", "revision", "date_adopted", *_ROW_FACETS])


def _facet_counts(filtered) -> dict[str, list[tuple[str, int]]]:
    """{facet: [(value, count)], most frequent first} of a browsed (unbounded) list of documents:
    one GROUP BY per facet, which the listing indexes serve."""
    return {name: selectors.document_counts(filtered, field) for name, field in FACETS.items()}


def _readable_matches(scope: _Scope, scores: dict[int, float]) -> list[_Match]:
    """The matches the reader may read within the filters, with what facets and sorting need.

    One query reads them all: a search's matches are bounded (MAX_MATCHES and the semantic
    hits), and counting their facets in Python beat one GROUP BY per facet over the same ids.
    """
    if not scores:
        return []
    fields = ["pk", "published_revision_id", "date_adopted", "doc_type", "jurisdiction_id"]
    readable, ids = scope.readable(scores)
    rows = rows_among(readable, ids, [*fields, "language", "legal_status"])
    places = organization_places({row[4] for row in rows if row[4] is not None})
    return [
        _Match(pk, revision, adopted, doc_type, *places.get(place, (None, None)), language, status)
        for pk, revision, adopted, doc_type, place, language, status in rows
    ]


def _match_facets(matches: list[_Match]) -> dict[str, list[tuple[str, int]]]:
    """Facet counts of a search's readable matches, in the order of FACETS."""
    counters = {name: Counter() for name in _ROW_FACETS}
    for row in matches:
        for name in _ROW_FACETS:
            if (value := getattr(row, name)) not in (None, ""):
                counters[name][value] += 1
    links = selectors.link_counts([row.revision for row in matches])
    return {
        name: counters[name].most_common() if name in counters else links[name] for name in FACETS
    }


def _scores(
    query, languages, mode: str, within=None
) -> tuple[dict[int, float], dict[int, int | None], set[int] | None]:
    """({document id: score}, {document id: offset of its best passage}, ids the words matched
    (None in semantic mode)) for a query.

    Lexical: the words (stemmed in each language) and their thesaurus expansions (see below).
    Semantic: passages close in meaning, in any language. Hybrid combines both
    (search/ranking.py); quoted phrases keep it to documents that contain them, and excluded
    words exclude in every mode.
    """

    def lexical_match(q, among=None):
        return list(
            backend().match(
                content_type=CONTENT_TYPE,
                query=q,
                languages=languages,
                limit=MAX_MATCHES,
                among=among,
                within=within if among is None else None,
            )
        )

    def nearest():
        return ranking.nearest_passages(
            content_type=CONTENT_TYPE,
            vector=vector,
            # The nearest passages are found before the filters apply: with filters, look
            # further, so that a narrow filter (one country) still gets the documents close in
            # meaning within it.
            limit=ranking.PASSAGES_CONSIDERED
            * (FILTERED_SEMANTIC_FACTOR if within is not None else 1),
        )

    broad_is_cheap = backend().BROAD_MATCHES_ARE_CHEAP
    by_meaning = mode != "lexical" or (query.expansions and not broad_is_cheap)
    vector = (
        ranking.query_vector(spelled_out(query.positive_text, content_language()))
        if by_meaning
        else None
    )
    passages = nearest() if by_meaning else []
    word_ranking: list[int] = []
    if mode != "semantic":
        # A concept named in six languages matches most of a large library. SQLite's FTS5
        # hands over the newest matches and stops: the expansions are matched everywhere, with
        # the words. PostgreSQL's GIN index reads every match (p50 / p95 54 / 150 ms at 100 000
        # documents, against 11 / 23 ms for the query's own words): there the own words' matches
        # come first, then the expansions' among the documents close in meaning (9 / 24 ms).
        # Evaluation set: hybrid nDCG@10 0.806 both ways; words only 0.563 and 0.580. (On
        # SQLite the second way is slower: FTS5 walks every match to find the nearest ones.)
        if broad_is_cheap or not query.expansions:
            word_ranking = ranking.ranked(dict(lexical_match(query)))
        else:
            word_ranking = ranking.ranked(dict(lexical_match(replace(query, expansions=[]))))
            found = set(word_ranking)
            neighbours = [pk for pk in dict.fromkeys(p[0] for p in passages) if pk not in found]
            neighbours = ids_within(neighbours, within)
            word_ranking += [pk for pk, _score in lexical_match(query, among=neighbours)]
    words = set(word_ranking)
    if mode == "lexical":  # scored by rank: the two lists' scores are on unrelated scales
        return {pk: 1 / (1 + rank) for rank, pk in enumerate(word_ranking)}, {}, words
    hits = ranking.semantic_hits(
        content_type=CONTENT_TYPE, vector=vector, passages=passages, keep=words
    )
    excluded: set[int] = set()
    for word in query.excluded:  # only the semantic hits need checking (the words did it)
        excluded.update(pk for pk, _score in lexical_match(parse(word), among=list(hits)))
    hits = {
        pk: hit
        for pk, hit in hits.items()
        if pk not in excluded and (mode == "semantic" or not query.phrases or pk in words)
    }
    starts = {pk: hit.start for pk, hit in hits.items() if pk not in words}
    semantic = {pk: hit.score for pk, hit in hits.items()}
    if mode == "semantic":
        return semantic, starts, None
    if len(words) < FEW_WORD_MATCHES:
        # Few hold every word: those holding some of them come next (a query word the law does
        # not use, "d'OGM" for "organismes génétiquement modifiés"): hybrid nDCG@10 +0.013.
        some = backend().match_some(
            content_type=CONTENT_TYPE,
            query=query,
            languages=languages,
            limit=SOME_WORDS_KEPT,
            within=within,
        )
        word_ranking += [pk for pk in some if pk not in words]
    return ranking.combine(semantic, word_ranking), starts, words


def similar_documents(user, document: Document, limit: int = 5) -> list[Document]:
    """Readable documents closest in meaning to this one, other than its language versions."""
    versions = {version.pk for version in selectors.language_versions(user, document)}
    candidates = ranking.similar_to(
        content_type=CONTENT_TYPE, object_id=document.pk, exclude=versions, limit=limit * 4
    )
    by_id = selectors.documents_for_listing(user).in_bulk(candidates)
    return [by_id[pk] for pk in candidates if pk in by_id][:limit]


FACET_TITLES = {
    "doc_type": _("Type"),
    "jurisdiction": _("Jurisdiction"),
    "region": _("Region"),
    "language": _("Language"),
    "topic": _("Topic"),
    "bwc_article": _("BWC article"),
    "legal_status": _("Legal status"),
}


LABELS_TTL = 300


def _labels() -> dict[str, dict]:
    """{facet: {value: label}} in the reader's language, cached a few minutes: the names of
    jurisdictions, topics and articles change rarely, and every search page shows them."""
    from documents.models import BWCArticle
    from organizations.models import Organization, RegionalGroup
    from taxonomy.models import Topic

    def read():
        # Plain strings: a cached lazy translation is rebuilt as a new lazy class when read.
        return {
            "doc_type": {value: str(label) for value, label in DocumentType.choices},
            "legal_status": {value: str(label) for value, label in LegalStatus.choices},
            "region": {value: str(label) for value, label in RegionalGroup.choices},
            "jurisdiction": dict(Organization.objects.values_list("code", "name")),
            "topic": {topic.slug: str(topic.label) for topic in Topic.objects.order_by()},
            "bwc_article": {a.number: a.roman for a in BWCArticle.objects.all()},
        }

    return cache.get_or_set(f"search-facet-labels:{get_language()}", read, LABELS_TTL)


def _labelled(facets: dict) -> list[dict]:
    """Facets as {name, title, values: [(value, label, count)]} in the reader's language."""
    from documents.languages import language_name

    labels = _labels()
    labelled = []
    for name, counts in facets.items():
        values = [
            (
                value,
                language_name(value) if name == "language" else labels[name].get(value, value),
                count,
            )
            for value, count in counts
        ]
        labelled.append({"name": name, "title": FACET_TITLES[name], "values": values})
    return labelled


register(
    Provider(
        name="documents",
        label=_("Documents"),
        search=document_search,
        count=document_count,
        reindex_ids=lambda: Document.objects.values_list("pk", flat=True),
        reindex_one=document_index,
        embed_one=document_embed,
        content_type=CONTENT_TYPE,
    )
)
