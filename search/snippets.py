"""Highlighted snippets: the passage of a text that best matches the query, marked up safely."""

import re
from functools import lru_cache

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from search.analysis import fold, tokens
from search.query import Query

_WORD = re.compile(r"\w+", re.UNICODE)
_SPACE = re.compile(r"\s")
WINDOW = 240
PASSAGE_REGION = 1200  # about one embedded passage (SECBIO_SEARCH_PASSAGE_CHARS)
MAX_SCANNED = 400_000
STRETCH = 5_000


def _query_terms(query: Query, language: str | None) -> set[str]:
    required, _excluded = query.clauses(language)
    terms = {token for group in required for token in group}
    return terms | {token for group in query.clauses(None)[0] for token in group}


@lru_cache(maxsize=50_000)
def _word_terms(word: str, language: str | None) -> tuple[str, ...]:
    """The index terms of one written word, read in `language` and unstemmed.

    Cached across texts and requests: the same words recur in every law of a language, and
    analysing each distinct word of each result's text was most of a search request's time.
    """
    return tuple(dict.fromkeys([*tokens(word, language), *tokens(word, None)]))


# A rough fold (lower case, Latin accents and Arabic diacritics and letter variants as `fold`
# does them), done by str.translate: enough to tell that a word cannot hold a query term.
_ROUGH = {
    ord(char): fold(char)
    for char in map(chr, [*range(0xC0, 0x250), *range(0x600, 0x700)])
    if fold(char) != char.lower()
}


def _candidates(words: list[str], terms: set[str]) -> list[str]:
    """The words that hold the start of a query term, roughly folded: stems keep a word's start
    (Arabic ones drop its prefixes, so the start is looked for anywhere). Most words of a text
    fail this test and are never analysed: stemming each new word was most of a snippet's cost.
    One pattern over the words, rather than a test per word and term (a third of the time)."""
    probes = sorted({term[:2] for term in terms}, key=len, reverse=True)
    if not probes or not words:
        return []
    pattern = re.compile("|".join(map(re.escape, probes)))
    # Lines keep the words apart and in order (translate can lengthen a word, not add lines).
    rough = "\n".join(words).lower().translate(_ROUGH).split("\n")
    return [word for word, folded in zip(words, rough, strict=True) if pattern.search(folded)]


def _match_positions(text: str, terms: set[str], language: str | None) -> list[tuple[int, int]]:
    """(start, end) of each word of `text` that matches one of the query's terms."""
    matching = [
        word
        for word in _candidates(list(set(_WORD.findall(text))), terms)
        if not terms.isdisjoint(_word_terms(word, language))
    ]
    if not matching:
        return []
    # The same words _WORD finds (whole runs of word characters), found by the regex engine.
    words = "|".join(re.escape(word) for word in sorted(matching, key=len, reverse=True))
    pattern = re.compile(rf"(?<!\w)(?:{words})(?!\w)")
    return [(found.start(), found.end()) for found in pattern.finditer(text)]


def _stretches(text: str, end: int) -> list[tuple[int, int]]:
    """(low, high) stretches of about STRETCH characters covering text[:end], cut at spaces."""
    stretches, low = [], 0
    while low < end:
        high = min(low + STRETCH, end)
        # At a space near there; Chinese has none, and a cut word there only loses its mark.
        if high < end and (space := _SPACE.search(text, high, min(end, high + 200))):
            high = space.start()
        stretches.append((low, high))
        low = high
    return stretches


def snippet(
    text: str, query: Query, language: str | None, length: int = WINDOW, around: int | None = None
) -> SafeString:
    """The best window of `text` for the query, with matched words in <mark>; HTML-escaped.

    `around`, when given, is where the passage found by meaning starts (often in another
    language): the window is taken from that passage, with any query word in it marked.
    """
    if not text:
        return mark_safe("")
    terms = _query_terms(query, language) if not query.is_empty else set()
    start = around if around is not None and 0 <= around < len(text) else 0
    if around is not None:
        regions = [(start, start + PASSAGE_REGION)]
    else:
        # Stretch by stretch, stopping at the first that matches: most texts match early, and
        # reading a whole long law was a third of a search request at 100 000 documents.
        regions = _stretches(text, min(len(text), MAX_SCANNED))
    matches = []
    for low, high in regions:
        matches = [
            (match_start + low, match_end + low)
            for match_start, match_end in _match_positions(text[low:high], terms, language)
        ]
        if matches:
            break
    if matches:
        best, best_count = matches[0][0], 0
        # The window with the most matches: a sliding window over the sorted match positions.
        last = 0
        for index, (position, _end) in enumerate(matches):
            last = max(last, index)
            while last + 1 < len(matches) and matches[last + 1][0] < position + length:
                last += 1
            if last - index + 1 > best_count:
                best, best_count = position, last - index + 1
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
