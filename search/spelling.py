"""Spelling suggestions ("Did you mean …?") from the words of what everyone may read.

The dictionary (search.models.Term) holds folded, unstemmed words with their frequency and
most frequent written form, per language, counted from the texts the registered sources give
(search.services.terms_rebuild). Sources give only what a visitor may read, so a suggestion
never reveals a word found only in a members-only, unpublished or withdrawn document.

Each process loads the newest dictionary once into memory and reloads it when a newer
generation appears. Candidates come from RapidFuzz (optimal string alignment distance, so a
swap of two letters counts as one edit); among the closest, a word of the query's language
wins, then the most frequent.
"""

import re
import threading
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.db.models import Max
from django.utils.translation import get_language
from rapidfuzz import process
from rapidfuzz.distance import OSA

from search.analysis import fold
from search.query import Query

# A source yields (language, text) pairs of what a visitor (not signed in) may read.
Source = Callable[[], Iterable[tuple[str, str]]]

MAX_WORDS = 100_000  # the most frequent words kept: bounds each process's memory
MIN_LENGTH = 3  # shorter words are too ambiguous to correct
MAX_LENGTH = 40
FEW_RESULTS = 3  # below this, rare words are corrected too
RARE = 2  # a word seen this often or less may be a typo in a document
RARE_RATIO = 20  # ... when a neighbour is this many times more frequent
MAX_CORRECTIONS = 8  # a query with more unknown words is not a typo but another text

_WORD = re.compile(r"\w+", re.UNICODE)
_CHUNK = re.compile(r'"[^"]*"|\S+')  # a quoted phrase or a word as search.query.parse reads it
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")

_sources: dict[str, Source] = {}


def register_source(name: str, texts: Source) -> None:
    """Declare where dictionary words come from; an app gives only what a visitor may read."""
    _sources[name] = texts


def sources() -> list[Source]:
    return list(_sources.values())


def _correctable(word: str) -> bool:
    """Words of letters only: numbers, identifiers and Chinese (no spelling to correct) are not."""
    return MIN_LENGTH <= len(word) <= MAX_LENGTH and word.isalpha() and not _HAN.search(word)


def count_words(texts: Iterable[tuple[str, str]]) -> list[tuple[str, str, str, int]]:
    """(word, language, written form, frequency) of the words of `texts`, most frequent first."""
    raw: Counter[tuple[str, str]] = Counter()
    for language, text in texts:
        if text:
            raw.update((language or "", token) for token in _WORD.findall(text.lower()))
    frequencies: Counter[tuple[str, str]] = Counter()
    forms: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    folded: dict[str, str] = {}
    for (language, token), count in raw.items():
        if token not in folded:
            folded[token] = fold(token)
        word = folded[token]
        if not _correctable(word):
            continue
        frequencies[(word, language)] += count
        forms[(word, language)][token] += count
    return [
        (word, language, forms[(word, language)].most_common(1)[0][0][:MAX_LENGTH], count)
        for (word, language), count in frequencies.most_common(MAX_WORDS)
    ]


@dataclass(frozen=True)
class _Choice:
    word: str
    language: str
    distance: int
    frequency: int
    form: str


class Vocabulary:
    """One generation of the dictionary, in memory: words, their languages, forms and counts."""

    def __init__(self, generation: int, rows: Iterable[tuple[str, str, str, int]]):
        self.generation = generation
        entries: dict[str, list[tuple[str, str, int]]] = defaultdict(list)
        for word, language, form, frequency in rows:
            entries[word].append((language, form, frequency))
        self.entries = {word: tuple(found) for word, found in entries.items()}
        self.words = list(self.entries)

    def __len__(self) -> int:
        return len(self.words)

    def frequency(self, word: str) -> int:
        return sum(frequency for _language, _form, frequency in self.entries.get(word, ()))

    def languages(self, word: str) -> set[str]:
        return {language for language, _form, _frequency in self.entries.get(word, ())}

    def _best(self, word: str, languages: Counter[str], max_distance: int) -> _Choice | None:
        found = process.extract(
            word, self.words, scorer=OSA.distance, score_cutoff=max_distance, limit=50
        )
        choices = []
        for candidate, distance, _index in found:
            if candidate == word:
                continue
            for language, form, frequency in self.entries[candidate]:
                choices.append(_Choice(candidate, language, int(distance), frequency, form))
        if not choices:
            return None
        # The closest word; among equals, the query's main language, then the most used.
        return min(choices, key=lambda c: (c.distance, -languages[c.language], -c.frequency))

    def correction(self, token: str, languages: Counter[str], *, rare: bool) -> str | None:
        """A better-known word for `token`, written as people write it, or None."""
        word = fold(token)
        if not _correctable(word):
            return None
        known = self.frequency(word)
        if known and not (rare and known <= RARE):
            return None
        max_distance = 1 if len(word) <= 5 or known else 2
        choice = self._best(word, languages, max_distance)
        if choice is None or (known and choice.frequency < known * RARE_RATIO):
            return None
        return _same_case(token, choice.form)

    def rewrite(self, text: str, *, rare: bool = False) -> str | None:
        """`text` with its unknown words corrected, quotes and -exclusions kept; None if unchanged."""
        tokens = [
            found
            for chunk in _CHUNK.finditer(text)
            if not (chunk.group().startswith("-") and len(chunk.group()) > 1)
            for found in _WORD.finditer(text, chunk.start(), chunk.end())
        ]
        languages: Counter[str] = Counter()
        if code := (get_language() or "")[:2]:
            languages[code] += 0.5  # the reader's language only breaks ties between the query's
        for found in tokens:
            for language in self.languages(fold(found.group())):
                languages[language] += 1
        unknown = {word for found in tokens if not self.frequency(word := fold(found.group()))}
        if len(unknown) > MAX_CORRECTIONS:
            return None
        pieces, cursor, changed = [], 0, False
        corrections: dict[str, str | None] = {}
        for found in tokens:
            if found.group() not in corrections:
                corrections[found.group()] = self.correction(found.group(), languages, rare=rare)
            corrected = corrections[found.group()]
            if corrected and corrected != found.group():
                pieces += [text[cursor : found.start()], corrected]
                cursor, changed = found.end(), True
        if not changed:
            return None
        return "".join([*pieces, text[cursor:]])


def _same_case(typed: str, form: str) -> str:
    if len(typed) > 1 and typed.isupper():
        return form.upper()
    if typed[:1].isupper():
        return form[:1].upper() + form[1:]
    return form


_lock = threading.Lock()
_loaded: Vocabulary | None = None


def vocabulary() -> Vocabulary | None:
    """The newest dictionary, loaded once per process (one indexed query to check it is current)."""
    from search.models import Term

    global _loaded
    generation = Term.objects.aggregate(newest=Max("generation"))["newest"]
    if generation is None:
        return None
    if _loaded is None or _loaded.generation != generation:
        with _lock:
            if _loaded is None or _loaded.generation != generation:
                rows = Term.objects.filter(generation=generation).values_list(
                    "word", "language", "form", "frequency"
                )
                _loaded = Vocabulary(generation, rows.iterator(chunk_size=5000))
    return _loaded


def suggest(query: Query, *, count: Callable[[str], int], found: int | None = None) -> str | None:
    """A corrected query to offer for `query`, or None.

    `count(text)` runs a query by its words (not by meaning: a typo can be close in meaning)
    with the reader's permissions and filters; `found`, when the caller knows it already, is
    that count for the query as typed. Unknown words are corrected, and rare ones too
    when the query finds little; the correction is offered only when it finds more than the
    query as typed, so never something the reader may not see.
    """
    if query.is_empty:
        return None
    words = vocabulary()
    if not words:
        return None
    corrected = words.rewrite(query.text, rare=True)
    if corrected is None:
        return None  # every word is known and common: the cheap, usual case
    if found is None:
        found = count(query.text)
    if found >= FEW_RESULTS:
        corrected = words.rewrite(query.text)
    if corrected is None or fold(corrected) == fold(query.text):
        return None
    return corrected if count(corrected) > found else None
