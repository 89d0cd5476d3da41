"""Reads of the library. Every channel that shows a document goes through these filters."""

import hashlib
from datetime import date

import numpy as np
from django.core.cache import cache
from django.core.paginator import Page, Paginator
from django.db.models import Count, F, Prefetch, Q, QuerySet
from django.db.models.functions import Coalesce
from django.db.models.lookups import GreaterThanOrEqual, In, LessThanOrEqual

from documents.models import (
    AccessLevel,
    Document,
    DocumentFile,
    DocumentRelation,
    DocumentRevision,
    RelationKind,
    RevisionStatus,
)
from documents.permissions import can_manage_document, can_read_members_only
from organizations import permissions as roles
from organizations.models import Organization
from search.backends.within import packed_ids, sorted_ids, unpacked_ids

READABLE_REVISION_STATES = (RevisionStatus.PUBLISHED, RevisionStatus.SUPERSEDED)
LIBRARY_COUNTS_TTL = 300
LIBRARY_VERSION_KEY = "library-version"


def visible_condition(user, prefix: str = "") -> Q:
    """The one visibility rule, as a condition on a document reached through `prefix`:
    published, not withdrawn, and members-only only for members."""
    condition = Q(
        **{f"{prefix}published_revision__isnull": False, f"{prefix}withdrawn_at__isnull": True}
    )
    if not can_read_members_only(user):
        condition &= Q(**{f"{prefix}access_level": AccessLevel.PUBLIC})
    return condition


def documents_visible_to(user) -> QuerySet[Document]:
    """What `user` may read."""
    return Document.objects.filter(visible_condition(user))


def documents_for_listing(user) -> QuerySet[Document]:
    """Visible documents with what a list row shows, in a constant number of queries."""
    return documents_visible_to(user).select_related(
        "published_revision", "published_revision__jurisdiction", "organization"
    )


LIST_ORDERS = {"date": ("-date_adopted", "-pk"), "": ("-published_at", "-pk")}


def documents_page(user, *, filters: dict, sort: str, number, per_page: int) -> Page:
    """One page of the library list (newest first, or by date of adoption with sort="date").

    The page is chosen over ids alone, which the listing indexes hold, and only its rows are
    then loaded with their revision: sorting whole rows joined to their revisions took 300 ms
    for one region at 100 000 documents on SQLite.
    """
    ids = (
        document_filter(documents_visible_to(user), filters=filters)
        .order_by(*LIST_ORDERS.get(sort, LIST_ORDERS[""]))
        .values_list("pk", flat=True)
    )
    paginator = Paginator(ids, per_page)
    # The count of a list is the same for every reader of a class and every page of it:
    # cached like the home's totals, and forgotten on every publication or withdrawal.
    key = _list_key("library-list-count", user, filters)
    count = cache.get(key)
    if count is None:
        cache.set(key, paginator.count, LIBRARY_COUNTS_TTL)
    else:
        paginator.count = count
    page = paginator.get_page(number)
    rows = listed_by_id(page.object_list)
    page.object_list = [rows[pk] for pk in page.object_list if pk in rows]
    return page


def listed_by_id(ids) -> dict[int, Document]:
    """{id: document, with what a list row shows} for ids the caller has just read through the
    reader's visibility (a list's or a search's page). By id alone: with the visibility terms,
    SQLite walked a whole listing index to find 20 rows (13 ms at 100 000 documents)."""
    return (
        Document.objects.select_related(
            "published_revision", "published_revision__jurisdiction", "organization"
        )
        .order_by()
        .in_bulk(list(ids))
    )


def document_filter(queryset: QuerySet[Document], *, filters: dict) -> QuerySet[Document]:
    """Narrow visible documents by the list filters (each optional).

    The record's fields are read from their copy on the document (LISTING_FIELDS), topics and
    BWC articles as `published_revision IN (revisions with it)`: no join can repeat a document,
    so there is no DISTINCT, and a count reads one index (EXISTS probed the links once per
    document: 5x slower on SQLite at 100 000).
    """
    for key in ("doc_type", "language", "legal_status"):
        if value := filters.get(key):
            queryset = queryset.filter(**{key: value})
    # IN (subquery) rather than joins, on a column no index serves: the database reads the matching ids once
    # and checks each document against them while it reads the listing index in order; on the
    # bare column SQLite started from those ids instead and sorted tens of thousands of rows.
    if code := filters.get("jurisdiction"):
        queryset = queryset.filter(In(_unindexed("jurisdiction_id"), _organization_ids(code=code)))
    if region := filters.get("region"):
        queryset = queryset.filter(
            In(_unindexed("jurisdiction_id"), _organization_ids(regional_group=region))
        )
    if code := filters.get("organization"):
        queryset = queryset.filter(organization__in=_organization_ids(code=code))
    # The years are checked in the listing index too: on an index of date_adopted SQLite took
    # every document since year_from and sorted them.
    if year_from := filters.get("year_from"):
        queryset = queryset.filter(
            GreaterThanOrEqual(_unindexed("date_adopted"), date(year_from, 1, 1))
        )
    if year_to := filters.get("year_to"):
        queryset = queryset.filter(
            LessThanOrEqual(_unindexed("date_adopted"), date(year_to, 12, 31))
        )
    if topic := filters.get("topic"):
        links = DocumentRevision.topics.through.objects.filter(topic__slug=topic)
        queryset = queryset.filter(
            In(_unindexed("published_revision_id"), links.values("documentrevision_id"))
        )
    if article := filters.get("bwc_article"):
        links = DocumentRevision.bwc_articles.through.objects.filter(bwcarticle__number=article)
        queryset = queryset.filter(
            In(_unindexed("published_revision_id"), links.values("documentrevision_id"))
        )
    return queryset


def _organization_ids(**lookup) -> QuerySet:
    """The ids of the organizations matching `lookup`, as a subquery without the model's default
    ordering: PostgreSQL sorted an ordered subquery again for every row it checked (1.7 s for a
    region filter on a search at 100 000 documents)."""
    return Organization.objects.filter(**lookup).order_by().values("pk")


def _unindexed(column: str) -> Coalesce:
    """The column's value through COALESCE(column, column), which no index of it can serve."""
    return Coalesce(F(column), F(column))


def document_counts(queryset: QuerySet[Document], field: str) -> list[tuple[str, int]]:
    """(value, count) pairs of the visible documents, for the facets of the library pages.

    `field` is a path from the published revision; the record's fields that the document
    repeats are read from the document, without the join. Counts need no DISTINCT: the filters
    above never repeat a document, and a many-to-many path (topics) repeats it once per value.
    """
    path = field if field.split("__")[0] in _ON_DOCUMENT else f"published_revision__{field}"
    rows = queryset.order_by().values_list(path).annotate(count=Count("pk")).order_by("-count")
    return [(value, count) for value, count in rows if value not in (None, "")]


def link_counts(revision_ids: list[int]) -> dict[str, list[tuple[str, int]]]:
    """{"topic": [(slug, count)], "bwc_article": [(number, count)]} of these revisions, most
    frequent first: the many-to-many facets of a search's matches, read from the links alone."""
    from search.backends import id_list

    links = {
        "topic": (DocumentRevision.topics.through, "topic__slug"),
        "bwc_article": (DocumentRevision.bwc_articles.through, "bwcarticle__number"),
    }
    counts = {}
    for name, (through, path) in links.items():
        rows = (
            through.objects.filter(documentrevision_id__in=id_list(revision_ids))
            .values_list(path)
            .annotate(count=Count("pk"))
            .order_by("-count")
        )
        counts[name] = [(value, count) for value, count in rows]
    return counts


_ON_DOCUMENT = {"doc_type", "jurisdiction", "language", "legal_status", "date_adopted"}


def document_for_reader(user, uid) -> Document | None:
    """The document `user` may open by its identifier (visible, or theirs to manage), else None.

    Withdrawn documents come back too, for their tombstone page, when they were readable.
    """
    document = (
        Document.objects.select_related(
            "organization", "published_revision", "published_revision__jurisdiction"
        )
        .filter(uid=uid)
        .first()
    )
    if document is None:
        return None
    if can_manage_document(user, document):
        return document
    if document.published_revision_id is None:
        return None
    if document.access_level == AccessLevel.MEMBERS and not can_read_members_only(user):
        return None
    return document


def revisions_readable(user, document: Document) -> QuerySet[DocumentRevision]:
    """The versions of a document that `user` may read: published history, or all for its managers."""
    queryset = document.revisions.select_related("created_by")
    if not can_manage_document(user, document):
        queryset = queryset.filter(status__in=READABLE_REVISION_STATES)
    return queryset.order_by("-number")


def revision_with_files(revision_id: int) -> DocumentRevision:
    return (
        DocumentRevision.objects.select_related(
            "jurisdiction", "document", "document__organization"
        )
        .prefetch_related(
            "topics",
            "bwc_articles",
            Prefetch("files", queryset=DocumentFile.objects.order_by("id")),
        )
        .get(pk=revision_id)
    )


def file_for_download(user, file_id: int) -> DocumentFile | None:
    """A file `user` may download: of a readable version of a readable document, or theirs to manage."""
    file = (
        DocumentFile.objects.select_related("revision", "revision__document")
        .filter(pk=file_id)
        .first()
    )
    if file is None:
        return None
    document = file.revision.document
    if can_manage_document(user, document):
        return file
    readable = document_for_reader(user, document.uid)
    if (
        readable is None
        or document.is_withdrawn
        or file.revision.status not in READABLE_REVISION_STATES
    ):
        return None
    return file


def relations_of(user, document: Document) -> list[tuple[str, Document]]:
    """(label, other document) both ways, keeping only the other documents `user` may read."""
    # A join condition, not `pk__in=<every visible id>`: SQLite built that whole list (200 ms at 100k).
    pairs: list[tuple[str, Document]] = []
    outgoing = DocumentRelation.objects.filter(
        visible_condition(user, "target__"), source=document
    ).select_related("target__published_revision")
    incoming = DocumentRelation.objects.filter(
        visible_condition(user, "source__"), target=document
    ).select_related("source__published_revision")
    for relation in outgoing:
        pairs.append((RelationKind(relation.kind).label, relation.target))
    for relation in incoming:
        pairs.append((RelationKind.inverse_label(relation.kind), relation.source))
    return pairs


def language_versions(user, document: Document) -> list[Document]:
    """The readable language versions of a document (two small queries, no OR across joins)."""
    return language_versions_of_many(user, [document])[document.pk]


def review_queue(user) -> QuerySet[DocumentRevision]:
    """Versions waiting for a decision: every one for the ISU, their organization's for a manager."""
    queryset = DocumentRevision.objects.filter(status=RevisionStatus.IN_REVIEW).select_related(
        "document", "document__organization", "jurisdiction", "created_by"
    )
    if roles.is_moderator(user):
        return queryset.order_by("updated_at")
    membership = roles.verified_membership(user)
    if membership and roles.can_approve_first_level(user, membership.organization):
        return queryset.filter(document__organization=membership.organization).order_by(
            "updated_at"
        )
    return queryset.none()


def documents_of_organization_for(user, organization) -> QuerySet[Document]:
    """An organization's documents in every state, for its contributors and the ISU."""
    if not (roles.can_contribute_for(user, organization) or roles.is_moderator(user)):
        return Document.objects.none()
    return (
        Document.objects.filter(organization=organization)
        .select_related("published_revision")
        .prefetch_related("revisions")
        .order_by("-created_at")
    )


def language_versions_of_many(user, documents: list[Document]) -> dict[int, list[Document]]:
    """The readable language versions of several documents, in two queries (for result lists)."""
    ids = [document.pk for document in documents]
    relations = DocumentRelation.objects.filter(kind=RelationKind.LANGUAGE_VERSION).filter(
        Q(source_id__in=ids) | Q(target_id__in=ids)
    )
    pairs = [(r.source_id, r.target_id) for r in relations] + [
        (r.target_id, r.source_id) for r in relations
    ]
    others = {pk for _own, pk in pairs}
    readable = {
        d.pk: d
        for d in documents_visible_to(user)
        .filter(pk__in=others)
        .select_related("published_revision")
    }
    versions: dict[int, list[Document]] = {pk: [] for pk in ids}
    for own, other in pairs:
        if own in versions and other in readable and readable[other] not in versions[own]:
            versions[own].append(readable[other])
    return versions


def _visibility_class(user) -> str:
    return "members" if can_read_members_only(user) else "public"


def _list_key(prefix: str, user, filters: dict) -> str:
    """The cache key of what a list's readers share: visibility class, filters, and the
    library's version (so it is forgotten on every publication or withdrawal)."""
    version = cache.get_or_set(LIBRARY_VERSION_KEY, 0, None)
    described = "&".join(f"{name}={filters[name]}" for name in sorted(filters))
    digest = hashlib.sha256(described.encode()).hexdigest()[:32]
    return f"{prefix}:{version}:{_visibility_class(user)}:{digest}"


def filtered_ids(user, filters: dict, queryset: QuerySet[Document]) -> np.ndarray:
    """The sorted ids of `queryset`, the documents `user` may read within `filters`: what a
    search within those filters keeps its matches to (search/backends/within.py). The same for
    every reader of a class, so cached like the list counts. `filters` must describe all that
    narrows `queryset` beyond the reader's class.

    A search's results are read again through the reader's visibility (documents/search.py,
    `_Scope.readable`): a stale set can misplace a document in or out of a filter until the
    next publication or the TTL, never show one its reader may not read.
    """
    key = _list_key("library-list-ids", user, filters)
    if (packed := cache.get(key)) is not None:
        return unpacked_ids(packed)
    ids = sorted_ids(queryset.order_by().values_list("pk", flat=True))
    cache.set(key, packed_ids(ids), LIBRARY_COUNTS_TTL)
    return ids


def library_counts(user) -> dict:
    """Totals of the library home by type, region and topic, for the reader's visibility class.

    Counting 100 000 documents on every visit is the slowest part of the page; the figures are
    the same for every reader of a class (public or members), so they are cached and dropped
    whenever a document is published, revised or withdrawn (documents.receivers).
    """
    key = f"library-counts:{_visibility_class(user)}"
    counts = cache.get(key)
    if counts is None:
        visible = documents_visible_to(user)
        counts = {
            "total": visible.count(),
            "doc_type": document_counts(visible, "doc_type"),
            "region": document_counts(visible, "jurisdiction__regional_group"),
            "topic": document_counts(visible, "topics__slug"),
        }
        cache.set(key, counts, LIBRARY_COUNTS_TTL)
    return counts


def library_counts_forget() -> None:
    """Drop the cached totals and list counts, after a publication, new version or withdrawal."""
    cache.delete_many(["library-counts:public", "library-counts:members"])
    try:
        cache.incr(LIBRARY_VERSION_KEY)  # every list count's key changes
    except ValueError:  # not cached yet, or evicted (counts of an old version last 5 minutes)
        cache.set(LIBRARY_VERSION_KEY, 1, None)
