"""Highlighted snippets: the passage of a text that best matches the query, marked up safely."""

import re

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from search.analysis import tokens
from search.query import Query

_WORD = re.compile(r"\w+", re.UNICODE)
WINDOW = 240


def _query_terms(query: Query, language: str | None) -> set[str]:
    required, _excluded = query.clauses(language)
    terms = {token for group in required for token in group}
    return terms | {token for group in query.clauses(None)[0] for token in group}


def snippet(text: str, query: Query, language: str | None, length: int = WINDOW) -> SafeString:
    """The best window of `text` for the query, with matched words in <mark>; HTML-escaped."""
    if not text:
        return mark_safe("")
    terms = _query_terms(query, language) if not query.is_empty else set()
    matches = []
    if terms:
        for found in _WORD.finditer(text[:400_000]):
            word_terms = set(tokens(found.group(), language)) | set(tokens(found.group(), None))
            if word_terms & terms:
                matches.append((found.start(), found.end()))
    start = 0
    if matches:
        best, best_count = matches[0][0], 0
        for index, (position, _end) in enumerate(matches):
            count = sum(1 for other, _ in matches[index:] if other < position + length)
            if count > best_count:
                best, best_count = position, count
        start = max(0, best - length // 4)
    end = min(len(text), start + length)
    pieces, cursor = [], start
    for match_start, match_end in matches:
        if match_start < start or match_end > end:
            continue
        pieces.append(escape(text[cursor:match_start]))
        pieces.append(f"<mark>{escape(text[match_start:match_end])}</mark>")
        cursor = match_end
    pieces.append(escape(text[cursor:end]))
    prefix, suffix = ("… " if start > 0 else ""), (" …" if end < len(text) else "")
    return mark_safe(prefix + " ".join("".join(pieces).split()) + suffix)  # noqa: S308  (escaped above)
