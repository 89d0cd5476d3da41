"""Searching inside one document, for the reading view.

The text is the files' extracted text; a PDF's pages are separated by a form feed (see
documents.extraction.PAGE_SEPARATOR). Hits are grouped by section of the table of contents
(articles, chapters ...) or, for a text without headings, by page; each group links to its
place in the reading view and each passage to its first marked word there.
"""

import bisect
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.utils.html import linebreaks
from django.utils.safestring import SafeString, mark_safe

from documents.extraction import Section
from search import matching
from search.query import Query

PAGE_BREAK = "\f"
FILE_SEPARATOR = "\n\n"
MAX_PASSAGES = 200  # listed; every match is still marked in the text
NEAR = 120  # matches closer than this many characters share one passage


@dataclass(frozen=True)
class Page:
    number: int  # within its file
    anchor: str  # "page-N", N counting every page of every file
    start: int
    end: int
    file_name: str = ""  # when the document has several files with text


@dataclass
class ReadingText:
    text: str
    pages: list[Page]

    @property
    def has_pages(self) -> bool:
        return any(page.number > 1 for page in self.pages)

    def page_at(self, position: int) -> Page | None:
        index = bisect.bisect_right([page.start for page in self.pages], position) - 1
        return self.pages[index] if index >= 0 else None


def reading_text(files: Iterable) -> ReadingText:
    """The text of `files` (DocumentFile) joined in order, with where each page starts and ends."""
    with_text = [file for file in files if file.extracted_text]
    pieces: list[str] = []
    pages: list[Page] = []
    cursor = 0
    for file in with_text:
        if pieces:
            pieces.append(FILE_SEPARATOR)
            cursor += len(FILE_SEPARATOR)
        name = file.original_name if len(with_text) > 1 else ""
        position = cursor
        for number, page in enumerate(file.extracted_text.split(PAGE_BREAK), start=1):
            anchor = f"page-{len(pages) + 1}"
            pages.append(Page(number, anchor, position, position + len(page), name))
            position += len(page) + len(PAGE_BREAK)
        pieces.append(file.extracted_text)
        cursor += len(file.extracted_text)
    return ReadingText("".join(pieces), pages)


@dataclass
class Passage:
    anchor: str  # the id of its first <mark> in the reading view
    html: SafeString
    count: int
    page: Page | None


@dataclass
class HitGroup:
    anchor: str  # a section's or page's id in the reading view; "" for the text's beginning
    title: str = ""  # a section's heading
    page: Page | None = None  # when grouped by page
    count: int = 0
    passages: list[Passage] = field(default_factory=list)


@dataclass
class Found:
    query: Query
    count: int
    by: str  # "section", "page" or "text"
    groups: list[HitGroup]
    listed: int  # passages listed, at most MAX_PASSAGES
    shortened: bool  # some passages are not listed
    spans: list[matching.Span]
    ids: dict[int, str]

    def spans_between(self, start: int, end: int) -> list[matching.Span]:
        first = bisect.bisect_left(self.spans, start, key=lambda span: span.start)
        last = bisect.bisect_left(self.spans, end, key=lambda span: span.start)
        return self.spans[first:last]


def _grouping(reading: ReadingText, sections: list[Section]) -> tuple[str, list[HitGroup], list]:
    """How hits are grouped: (kind, the groups, the start of each group in the text)."""
    if sections:
        groups = [HitGroup(anchor="")] + [HitGroup(s.anchor, title=s.title) for s in sections]
        return "section", groups, [0] + [s.start for s in sections]
    if reading.has_pages:
        groups = [HitGroup(page.anchor, page=page) for page in reading.pages]
        return "page", groups, [page.start for page in reading.pages]
    return "text", [HitGroup(anchor="")], [0]


def search_in_text(
    reading: ReadingText, sections: list[Section], query: Query, language: str | None
) -> Found:
    """Every match of `query` in the text, as passages grouped by section or page."""
    spans = matching.find(reading.text, query, language)
    ids = {span.start: f"hit-{number}" for number, span in enumerate(spans, start=1)}
    by, groups, starts = _grouping(reading, sections)
    clusters: list[tuple[int, list[matching.Span]]] = []
    for span in spans:
        group = bisect.bisect_right(starts, span.start) - 1
        previous = clusters[-1] if clusters else None
        if previous and previous[0] == group and span.start - previous[1][-1].end < NEAR:
            previous[1].append(span)
        else:
            clusters.append((group, [span]))
    listed = 0
    for group, cluster in clusters:
        groups[group].count += len(cluster)
        if listed < MAX_PASSAGES:
            groups[group].passages.append(
                Passage(
                    anchor=ids[cluster[0].start],
                    html=matching.passage(reading.text, cluster),
                    count=len(cluster),
                    page=reading.page_at(cluster[0].start) if reading.has_pages else None,
                )
            )
            listed += 1
    return Found(
        query=query,
        count=len(spans),
        by=by,
        groups=[group for group in groups if group.count],
        listed=listed,
        shortened=listed < len(clusters),
        spans=spans,
        ids=ids,
    )


def _html(reading: ReadingText, start: int, end: int, found: Found | None) -> SafeString:
    """Paragraphs of text[start:end], escaped, with the hits marked and given their ids."""
    text = reading.text[start:end]
    if found is None:
        return linebreaks(text.replace(PAGE_BREAK, ""), autoescape=True)
    spans = found.spans_between(start, end)
    marked = matching.highlight(text, spans, offset=start, ids=found.ids)
    return mark_safe(linebreaks(marked.replace(PAGE_BREAK, "")))  # noqa: S308  (escaped)


def reading_parts(reading: ReadingText, sections: list[Section], found: Found | None) -> list:
    """The text cut for the reading view: by section when it has headings, else by page."""
    text = reading.text
    if sections:
        bounds = [("", 0, sections[0].start)] + [(s.anchor, s.start, s.end) for s in sections]
    elif reading.has_pages:
        bounds = [(page.anchor, page.start, page.end) for page in reading.pages]
    else:
        bounds = [("", 0, len(text))]
    return [
        {"anchor": anchor, "html": _html(reading, start, end, found)}
        for anchor, start, end in bounds
        if anchor or text[start:end].strip()
    ]
