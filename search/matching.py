"""Where a query matches inside one text, with the same analysis as the index.

A word matches when one of its readings (stemmed in the text's language, or only folded)
equals one of the query's: "pathogène" finds "pathogènes", "Laboratories" finds
"laboratory". Phrases match as consecutive words; Chinese is cut into words by jieba, and a
Chinese phrase matches as written. Excluded words play no part inside one text.
"""

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from search.analysis import chinese_segmenter, fold, tokens
from search.query import Query

_WORD = re.compile(r"\w+", re.UNICODE)
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_SPACE = re.compile(r"\s+")
MAX_TEXT_CHARS = 2_000_000  # beyond this (several long files), the rest is not searched


@dataclass(frozen=True)
class Span:
    start: int
    end: int


@dataclass(frozen=True)
class _Token:
    start: int
    end: int
    terms: frozenset[str]


@lru_cache(maxsize=50_000)
def _readings(word: str, language: str | None) -> frozenset[str]:
    """The index terms of one word, stemmed in `language` and only folded (kept across requests:
    stemming is most of the time a long text takes)."""
    return frozenset(tokens(word, language)) | frozenset(tokens(word, None))


def _text_tokens(text: str, language: str | None) -> list[_Token]:
    """Each word of `text` with its index terms in both readings."""
    jieba = chinese_segmenter()
    found: list[_Token] = []
    for word in _WORD.finditer(text, 0, MAX_TEXT_CHARS):
        if _HAN.search(word.group()):
            for piece, start, end in jieba.tokenize(word.group(), mode="search"):
                if _WORD.fullmatch(piece):
                    terms = frozenset({fold(piece)})
                    found.append(_Token(word.start() + start, word.start() + end, terms))
            continue
        found.append(_Token(word.start(), word.end(), _readings(word.group(), language)))
    return found


def _groups(query: Query, language: str | None) -> tuple[set[str], list[list[str]]]:
    """(single terms, phrases as term sequences) of the query's words and phrases."""
    groups = [*query.clauses(language)[0], *query.clauses(None)[0]]
    singles = {group[0] for group in groups if len(group) == 1}
    # A lone Latin letter ("l" of "l'évaluation") would mark half the text.
    singles = {term for term in singles if len(term) > 1 or _HAN.search(term)}
    phrases = [group for group in groups if len(group) > 1 and not _HAN.search("".join(group))]
    return singles, phrases


def _han_phrases(query: Query) -> Iterator[str]:
    for phrase in query.phrases:
        if _HAN.search(phrase):
            yield "".join(phrase.split())


def find(text: str, query: Query, language: str | None) -> list[Span]:
    """The places where `query` matches `text`, in order, overlapping ones merged."""
    if query.is_empty or not text:
        return []
    singles, phrases = _groups(query, language)
    words = _text_tokens(text, language)
    spans: list[tuple[int, int]] = []
    for index, word in enumerate(words):
        if word.terms & singles:
            spans.append((word.start, word.end))
        for phrase in phrases:
            following = words[index : index + len(phrase)]
            if len(following) == len(phrase) and all(
                term in candidate.terms for term, candidate in zip(phrase, following, strict=True)
            ):
                spans.append((word.start, following[-1].end))
    for phrase in _han_phrases(query):
        start = text.find(phrase)
        while start >= 0:
            spans.append((start, start + len(phrase)))
            start = text.find(phrase, start + len(phrase))
    merged: list[Span] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1].end:
            if end > merged[-1].end:
                merged[-1] = Span(merged[-1].start, end)
        else:
            merged.append(Span(start, end))
    return merged


def highlight(text: str, spans: list[Span], *, offset: int = 0, ids: dict[int, str] | None = None):
    """`text` HTML-escaped with each span (positions `offset` into a larger text) in <mark>.

    `ids` gives a mark its id by the span's start, so a list of hits can link to it.
    """
    pieces, cursor = [], 0
    for span in spans:
        start, end = span.start - offset, span.end - offset
        if start < cursor or end > len(text):
            continue
        anchor = (ids or {}).get(span.start)
        opening = f'<mark id="{escape(anchor)}">' if anchor else "<mark>"
        pieces += [escape(text[cursor:start]), opening, escape(text[start:end]), "</mark>"]
        cursor = end
    pieces.append(escape(text[cursor:]))
    return mark_safe("".join(pieces))  # noqa: S308  (every piece of text escaped above)


def passage(text: str, spans: list[Span], *, radius: int = 80) -> SafeString:
    """The words around `spans` (close to one another), with them marked; on one line."""
    start = max(0, spans[0].start - radius)
    end = min(len(text), spans[-1].end + radius)
    # Whole words only: move the edges in to the nearest space.
    if start > 0 and (space := _SPACE.search(text, start, spans[0].start)):
        start = space.end()
    if end < len(text) and (spaces := list(_SPACE.finditer(text, spans[-1].end, end))):
        end = spaces[-1].start()
    marked = highlight(text[start:end], spans, offset=start)
    prefix, suffix = ("… " if start > 0 else ""), (" …" if end < len(text) else "")
    return mark_safe(prefix + " ".join(marked.split()) + suffix)  # noqa: S308  (escaped)
