"""The multilingual thesaurus: import, and expansion of queries into the other languages.

A query that names a concept in any language ("armes biologiques") also searches for the
concept's labels in the five other languages ("biological weapons", "生物武器", ...), each analysed
in its own language, so a French query finds the English and Chinese laws on the subject.
"""

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from django.core.cache import cache as django_cache
from django.db import transaction
from django.db.models import Count, Max

from search.analysis import fold, tokens
from search.models import Concept, ConceptCollection
from search.vocabulary_files import (
    TSV_LANGUAGES,
    VocabularyCollection,
    VocabularyConcept,
    read_vocabulary,
)

# SecBio's own vocabulary of biosafety and biosecurity law (SKOS), loaded beside UNBIS, whose
# general terms lack much of the field's ("select agent", "containment level", "moratorium").
GLOSSARY = Path(__file__).resolve().parent / "data" / "biosafety-glossary.rdf"
GLOSSARY_SOURCE = "SecBio glossary"
VERSION_KEY = "thesaurus-version"
VERSION_TTL = 60  # seconds: how long another process may search with a replaced thesaurus
MAX_NGRAM = 5
MAX_EXPANSIONS = 12
# Labels searched for a query's concepts, all languages together: bounds the full-text query.
MAX_EXPANSION_LABELS = MAX_EXPANSIONS * 8


def _link(concepts: list[Concept], rows: list[VocabularyConcept], by_uri: dict) -> None:
    """The SKOS relations between the concepts of one file, by their identifiers (a relation to
    a concept the file does not hold is left out)."""
    broader, related = set(), set()
    for concept, row in zip(concepts, rows, strict=True):
        broader |= {(concept.pk, by_uri[uri].pk) for uri in row.broader if uri in by_uri}
        broader |= {(by_uri[uri].pk, concept.pk) for uri in row.narrower if uri in by_uri}
        related |= {
            tuple(sorted((concept.pk, by_uri[uri].pk)))
            for uri in row.related
            if uri in by_uri and by_uri[uri].pk != concept.pk
        }
    Concept.broader.through.objects.bulk_create(
        [Concept.broader.through(from_concept_id=a, to_concept_id=b) for a, b in broader if a != b]
    )
    Concept.related.through.objects.bulk_create(
        [Concept.related.through(from_concept_id=a, to_concept_id=b) for a, b in related]
        + [Concept.related.through(from_concept_id=b, to_concept_id=a) for a, b in related]
    )


def _collect(source: str, collections: list[VocabularyCollection], by_uri: dict) -> None:
    """The file's collections and their member concepts (a member the file does not hold, or a
    nested collection, is left out)."""
    made = ConceptCollection.objects.bulk_create(
        [ConceptCollection(source=source, labels=c.labels, uri=c.uri[:500]) for c in collections]
    )
    through = ConceptCollection.concepts.through
    through.objects.bulk_create(
        [
            through(conceptcollection_id=collection.pk, concept_id=by_uri[uri].pk)
            for collection, read in zip(made, collections, strict=True)
            for uri in dict.fromkeys(read.members)
            if uri in by_uri
        ],
        batch_size=2000,
    )


@transaction.atomic
def thesaurus_import(*, path: Path, source: str) -> int:
    """Replace the concepts of `source` with those of a UNBIS TSV or a SKOS file (RDF/XML,
    Turtle, N-Triples); UnreadableVocabulary (or UnicodeDecodeError) when it cannot be read."""
    vocabulary = read_vocabulary(path)
    rows = vocabulary.concepts
    Concept.objects.filter(source=source).delete()
    ConceptCollection.objects.filter(source=source).delete()
    concepts = Concept.objects.bulk_create(
        [
            Concept(
                source=source,
                labels=row.labels,
                alt_labels=row.alt_labels,
                uri=row.uri[:500],
                keys=_keys(row.labels, row.alt_labels),
            )
            for row in rows
        ],
        batch_size=2000,
    )
    # By the file's identifiers, not the stored ones: those are cut to the column's length.
    by_uri = {row.uri: concept for concept, row in zip(concepts, rows, strict=True) if row.uri}
    if any(row.broader or row.narrower or row.related for row in rows):
        _link(concepts, rows, by_uri)
    if vocabulary.collections:
        _collect(source, vocabulary.collections, by_uri)
    _matcher_for.cache_clear()
    _acronyms_for.cache_clear()
    # Now for this process, and again at commit: another process may read the old version
    # meanwhile and keep it for VERSION_TTL.
    django_cache.delete(VERSION_KEY)
    transaction.on_commit(lambda: django_cache.delete(VERSION_KEY))
    return len(rows)


def _keys(labels: dict[str, str], alt_labels: dict[str, list[str]] | None = None) -> list[str]:
    keys = []
    pairs = [*labels.items()] + [
        (code, label) for code, labels_ in (alt_labels or {}).items() for label in labels_
    ]
    for code, label in pairs:
        words = tokens(label, code)
        if words and len(words) <= MAX_NGRAM:
            keys.append(f"{code}:{' '.join(words)}")
    return list(dict.fromkeys(keys))


def version() -> tuple[int, int | None]:
    """(count, last id) of the concepts: a re-import changes it, and each process then reads
    the labels again. Kept in the cache for VERSION_TTL seconds, since counting the concepts
    read the whole table on every search (1.3 ms on SQLite); an import clears it."""

    def read():
        version = Concept.objects.aggregate(count=Count("pk"), last=Max("pk"))
        return version["count"], version["last"]

    return tuple(django_cache.get_or_set(VERSION_KEY, read, VERSION_TTL))


@cache
def _matcher_for(count: int, last: int | None) -> dict[str, int | tuple[int, ...]]:
    """Analysed label as stored ("fr:arm biolog") -> the concept id, or the ids of several, read
    once per version of the thesaurus. Each web process keeps it: the stored strings as keys, a
    plain id for most, took 33 -> 13 MB for UNBIS's 7 121 concepts (tuples of words and lists)."""
    index: dict[str, int | tuple[int, ...]] = {}
    rows = Concept.objects.values_list("pk", "keys").iterator(chunk_size=1000)
    for concept_id, keys in rows:
        for key in keys:
            known = index.get(key)
            if known is None:
                index[key] = concept_id
            elif known != concept_id:
                index[key] = (
                    (*known, concept_id) if isinstance(known, tuple) else (known, concept_id)
                )
    return index


def ids_of(found: int | tuple[int, ...]) -> tuple[int, ...]:
    """The concept ids of one entry of `label_index`."""
    return found if isinstance(found, tuple) else (found,)


def label_index() -> dict[str, int | tuple[int, ...]]:
    """The current thesaurus's analysed labels ("fr:arm biolog") -> concept id(s) (`ids_of`)."""
    return _matcher_for(*version())


def _concepts_keyed(index: dict, code: str, words) -> tuple[int, ...]:
    return ids_of(index.get(f"{code}:{' '.join(words)}", ()))


# An acronym as people type it: capitals of the Latin or Cyrillic alphabet ("OGM", "d'OGM",
# "ГМО"), perhaps with a plural "s" ("LMOs"). Lower-case words are never read as acronyms:
# "who" is not WHO.
_ACRONYM = re.compile(r"\b([A-ZА-ЯЁ]{2,6})s?\b")
# Words left out of an acronym ("weapons of mass destruction": WMD).
_MINOR_WORDS = {
    "en": {"of", "and", "the", "for", "in", "on", "to", "a", "an"},
    "fr": {"de", "des", "du", "d", "la", "le", "les", "l", "et", "pour", "en", "a", "au", "aux"},
    "es": {"de", "del", "la", "el", "los", "las", "y", "para", "en", "a", "al"},
    "ru": {"и", "в", "на", "о", "по", "для", "с", "к"},
}
MAX_ACRONYM_MEANINGS = 2  # an acronym that stands for more concepts says nothing sure


def _acronym(label: str, code: str) -> str | None:
    words = [word for word in re.findall(r"\w+", fold(label)) if word not in _MINOR_WORDS[code]]
    return "".join(word[0] for word in words) if 2 <= len(words) <= 6 else None


_WRITTEN_ACRONYM = re.compile(r"[A-ZА-ЯЁ]{2,6}")


@dataclass
class _Acronym:
    """What an acronym stands for: its concepts, their meanings (English labels), and the label
    it spells in each language where it is one (a vocabulary's acronym, or a label's initials)."""

    concept_ids: list[int] = field(default_factory=list)
    senses: set[str] = field(default_factory=set)
    spelled: dict[str, str] = field(default_factory=dict)


@cache
def _acronyms_for(count: int, last: int | None) -> dict[str, _Acronym]:
    """Initials of the labels ("ogm" for "organismes génétiquement modifiés"), and the acronyms
    a vocabulary gives as other labels, read once per version of the thesaurus. The French law
    on GMOs never writes "OGM": a query "utilisation confinée d'OGM" now finds it (hybrid
    nDCG@10 0.20 -> 0.46; overall 0.814 -> 0.817 on benchmarks/search_eval).

    An acronym of more than MAX_ACRONYM_MEANINGS meanings is left out; two vocabularies'
    concepts with the same English label (UNBIS's and the glossary's GMOs) are one meaning.
    """
    index: dict[str, _Acronym] = {}
    rows = Concept.objects.values_list("pk", "labels", "alt_labels").iterator(chunk_size=1000)
    for concept_id, labels, alt_labels in rows:
        sense = fold(labels.get("en") or next(iter(labels.values()), ""))
        found = [  # (acronym, its language): a vocabulary's acronyms, then labels' initials
            (fold(other), code)
            for code in TSV_LANGUAGES  # in a fixed order: PostgreSQL's jsonb sorts the keys
            for other in alt_labels.get(code, [])
            if _WRITTEN_ACRONYM.fullmatch(other)
        ]
        found += [
            (acronym, code)
            for code in _MINOR_WORDS
            if (label := labels.get(code)) and (acronym := _acronym(label, code))
        ]
        for acronym, code in found:
            entry = index.setdefault(acronym, _Acronym())
            if concept_id not in entry.concept_ids:
                entry.concept_ids.append(concept_id)
            entry.senses.add(sense)
            entry.spelled.setdefault(code, labels.get(code) or labels.get("en") or sense)
    return {
        acronym: entry
        for acronym, entry in index.items()
        if len(entry.senses) <= MAX_ACRONYM_MEANINGS
    }


def preload() -> None:
    """Read the label index now rather than at the first search (web processes: search/warmup.py)."""
    current = version()
    _matcher_for(*current)
    _acronyms_for(*current)


def _acronyms_in(text: str) -> list[str]:
    """The acronyms a query holds; none when it is all capitals ("LAB SAFETY" is shouting)."""
    if len(text.split()) > 1 and text == text.upper():
        return []
    return [fold(acronym) for acronym in _ACRONYM.findall(text)]


def spelled_out(text: str, language: str | None = None) -> str:
    """`text` with each acronym that stands for one concept written as the label it spells
    ("GMO moratorium": "genetically modified organisms moratorium"), for the query's embedding:
    the model reads acronyms poorly. The label is the one in `language` (the reader's) when the
    acronym is one there ("OGM": French and Spanish), else in the first language it is one in.
    Meaning alone 0.710 -> 0.727, hybrid 0.829 -> 0.833 on benchmarks/search_eval ("utilisation
    confinée d'OGM" 0.46 -> 0.75; "GMO moratorium", an acronym the model knows, 0.26 -> 0.22)."""
    if not _acronyms_in(text):
        return text
    acronyms = _acronyms_for(*version())

    def spell(match):
        entry = acronyms.get(fold(match.group(1)))
        if entry is None or len(entry.senses) != 1:
            return match.group(0)
        return entry.spelled.get(language or "") or next(iter(entry.spelled.values()))

    return _ACRONYM.sub(spell, text)


def concepts_in(text: str, languages: list[str], own: set[str] | None = None) -> list[Concept]:
    """The concepts whose label appears in `text` read in one of `languages`, or whose label's
    initials one of its acronyms spells ("OGM", "GMO", "ГМО"), longest first.

    `own`: the languages the query is likely written in (search.analysis.query_languages; all
    of `languages` when not given). Read in another language, a one-word label counts only
    when the query writes it as the label does, not merely with the same stem: a French "des"
    read as Spanish has the stem of "desarme" (disarmament), and a French "loi" read as English
    that of nothing, but in French that of "loyer" (rent) — the latter stays, a reading in the
    query's own language.
    """
    current = version()
    index = _matcher_for(*current)
    own = set(languages) if own is None else own
    found: dict[int, int] = {}
    unsure: dict[int, set[tuple[str, str]]] = {}  # one-word matches in another language
    surface = tokens(text, None)
    for code in languages:
        words = tokens(text, code)
        aligned = len(words) == len(surface)
        for size in range(min(MAX_NGRAM, len(words)), 0, -1):
            for start in range(len(words) - size + 1):
                for concept_id in _concepts_keyed(index, code, words[start : start + size]):
                    if size == 1 and code not in own:
                        if concept_id not in found and aligned:
                            unsure.setdefault(concept_id, set()).add((code, surface[start]))
                        continue
                    found[concept_id] = max(found.get(concept_id, 0), size)
                    unsure.pop(concept_id, None)
    acronyms = _acronyms_for(*current)
    for acronym in _acronyms_in(text):
        for concept_id in acronyms[acronym].concept_ids if acronym in acronyms else ():
            found[concept_id] = max(found.get(concept_id, 0), len(acronym))
            unsure.pop(concept_id, None)
    candidates = Concept.objects.filter(pk__in=[*found, *unsure])
    concepts = {}
    for concept in candidates:
        if concept.pk in found or any(
            _written_as(concept, code, word) for code, word in unsure[concept.pk]
        ):
            concepts[concept.pk] = concept
            found.setdefault(concept.pk, 1)
    ordered = sorted(concepts, key=lambda pk: (-found[pk], pk))
    return [concepts[pk] for pk in ordered[:MAX_EXPANSIONS]]


def _written_as(concept: Concept, code: str, word: str) -> bool:
    """Whether one of the concept's labels in language `code` is `word` as written (folded)."""
    labels = [concept.labels.get(code, ""), *concept.alt_labels.get(code, [])]
    return any(tokens(label, None) == [word] for label in labels if label)


def expansions(concepts: list[Concept]) -> list[tuple[str, str]]:
    """(language, label) pairs to search for besides the query itself: each concept's labels,
    then its other labels (synonyms, acronyms)."""
    pairs = []
    for concept in concepts:
        pairs += [(code, label) for code, label in concept.labels.items()]
    for concept in concepts:
        pairs += [(code, label) for code, others in concept.alt_labels.items() for label in others]
    return list(dict.fromkeys(pairs))[:MAX_EXPANSION_LABELS]
