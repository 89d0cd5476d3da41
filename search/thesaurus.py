"""The multilingual thesaurus: import, and expansion of queries into the other languages.

A query that names a concept in any language ("armes biologiques") also searches for the
concept's labels in the five other languages ("biological weapons", "生物武器", ...), each analysed
in its own language, so a French query finds the English and Chinese laws on the subject.
"""

import csv
import re
import xml.etree.ElementTree as ET
from functools import cache
from pathlib import Path

from django.core.cache import cache as django_cache
from django.db import transaction
from django.db.models import Count, Max

from search.analysis import fold, tokens
from search.models import Concept

TSV_LANGUAGES = ["ar", "zh", "en", "fr", "ru", "es"]  # column order of UNBIS unbis_terms.tsv
VERSION_KEY = "thesaurus-version"
VERSION_TTL = 60  # seconds: how long another process may search with a replaced thesaurus
MAX_NGRAM = 5
MAX_EXPANSIONS = 12
SKOS = "http://www.w3.org/2004/02/skos/core#"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def _read_tsv(path: Path) -> list[dict[str, str]]:
    rows = []
    with path.open(encoding="utf-8-sig", newline="") as handle:
        for row in csv.reader(handle, delimiter="\t"):
            labels = {
                code: label.strip()
                for code, label in zip(TSV_LANGUAGES, row, strict=False)
                if label.strip()
            }
            if labels:
                rows.append(labels)
    return rows


def _read_skos(path: Path) -> list[dict[str, str]]:
    """prefLabels per language of each skos:Concept of an RDF/XML file."""
    rows = []
    for _event, element in ET.iterparse(path):  # noqa: S314
        if element.tag == f"{{{SKOS}}}Concept":
            labels = {}
            for label in element.findall(f"{{{SKOS}}}prefLabel"):
                code = (label.get(XML_LANG) or "").split("-")[0].lower()
                if code in TSV_LANGUAGES and label.text:
                    labels.setdefault(code, label.text.strip())
            if labels:
                rows.append(labels)
            element.clear()
    return rows


@transaction.atomic
def thesaurus_import(*, path: Path, source: str) -> int:
    """Replace the concepts of `source` with those of a UNBIS TSV or a SKOS RDF/XML file."""
    rows = _read_skos(path) if path.suffix.lower() in {".rdf", ".xml", ".skos"} else _read_tsv(path)
    Concept.objects.filter(source=source).delete()
    Concept.objects.bulk_create(
        [Concept(source=source, labels=labels, keys=_keys(labels)) for labels in rows],
        batch_size=2000,
    )
    _matcher_for.cache_clear()
    _acronyms_for.cache_clear()
    # Now for this process, and again at commit: another process may read the old version
    # meanwhile and keep it for VERSION_TTL.
    django_cache.delete(VERSION_KEY)
    transaction.on_commit(lambda: django_cache.delete(VERSION_KEY))
    return len(rows)


def _keys(labels: dict[str, str]) -> list[str]:
    keys = []
    for code, label in labels.items():
        words = tokens(label, code)
        if words and len(words) <= MAX_NGRAM:
            keys.append(f"{code}:{' '.join(words)}")
    return keys


def _version() -> tuple[int, int | None]:
    """(count, last id) of the concepts: a re-import changes it, and each process then reads
    the labels again. Kept in the cache for VERSION_TTL seconds, since counting the concepts
    read the whole table on every search (1.3 ms on SQLite); an import clears it."""

    def read():
        version = Concept.objects.aggregate(count=Count("pk"), last=Max("pk"))
        return version["count"], version["last"]

    return tuple(django_cache.get_or_set(VERSION_KEY, read, VERSION_TTL))


@cache
def _matcher_for(count: int, last: int | None) -> dict[tuple[str, tuple[str, ...]], list[int]]:
    """(language, analysed label) -> concept ids, read once per version of the thesaurus."""
    index: dict[tuple[str, tuple[str, ...]], list[int]] = {}
    for concept_id, keys in Concept.objects.values_list("pk", "keys"):
        for key in keys:
            code, _sep, words = key.partition(":")
            index.setdefault((code, tuple(words.split())), []).append(concept_id)
    return index


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


@cache
def _acronyms_for(count: int, last: int | None) -> dict[str, dict[int, str]]:
    """Initials of the labels ("ogm" for "organismes génétiquement modifiés") -> {concept id:
    the label they spell}, read once per version of the thesaurus. The French law on GMOs never
    writes "OGM": a query "utilisation confinée d'OGM" now finds it (hybrid nDCG@10 0.20 ->
    0.46; overall 0.814 -> 0.817 on benchmarks/search_eval)."""
    index: dict[str, dict[int, str]] = {}
    for concept_id, labels in Concept.objects.values_list("pk", "labels"):
        for code in _MINOR_WORDS:
            if (label := labels.get(code)) and (acronym := _acronym(label, code)):
                index.setdefault(acronym, {}).setdefault(concept_id, label)
    return {
        acronym: meanings
        for acronym, meanings in index.items()
        if len(meanings) <= MAX_ACRONYM_MEANINGS
    }


def preload() -> None:
    """Read the label index now rather than at the first search (web processes: search/warmup.py)."""
    version = _version()
    _matcher_for(*version)
    _acronyms_for(*version)


def _acronyms_in(text: str) -> list[str]:
    """The acronyms a query holds; none when it is all capitals ("LAB SAFETY" is shouting)."""
    if len(text.split()) > 1 and text == text.upper():
        return []
    return [fold(acronym) for acronym in _ACRONYM.findall(text)]


def spelled_out(text: str) -> str:
    """`text` with each acronym that stands for one concept written as the label it spells
    ("GMO moratorium": "genetically modified organisms moratorium"), for the query's embedding:
    the model reads acronyms poorly. Meaning alone 0.710 -> 0.727, hybrid 0.829 -> 0.833 on
    benchmarks/search_eval ("utilisation confinée d'OGM" 0.46 -> 0.75; "GMO moratorium", an
    acronym the model knows, 0.26 -> 0.22)."""
    if not _acronyms_in(text):
        return text
    acronyms = _acronyms_for(*_version())

    def spell(match):
        meanings = acronyms.get(fold(match.group(1)), {})
        return next(iter(meanings.values())) if len(meanings) == 1 else match.group(0)

    return _ACRONYM.sub(spell, text)


def concepts_in(text: str, languages: list[str]) -> list[Concept]:
    """The concepts whose label appears in `text` read in one of `languages`, or whose label's
    initials one of its acronyms spells ("OGM", "GMO", "ГМО"), longest first."""
    version = _version()
    index = _matcher_for(*version)
    found: dict[int, int] = {}
    for code in languages:
        words = tokens(text, code)
        for size in range(min(MAX_NGRAM, len(words)), 0, -1):
            for start in range(len(words) - size + 1):
                for concept_id in index.get((code, tuple(words[start : start + size])), []):
                    found[concept_id] = max(found.get(concept_id, 0), size)
    acronyms = _acronyms_for(*version)
    for acronym in _acronyms_in(text):
        for concept_id in acronyms.get(acronym, {}):
            found[concept_id] = max(found.get(concept_id, 0), len(acronym))
    ordered = sorted(found, key=lambda pk: -found[pk])
    return list(Concept.objects.filter(pk__in=ordered[:MAX_EXPANSIONS]))


def expansions(concepts: list[Concept]) -> list[tuple[str, str]]:
    """(language, label) pairs to search for besides the query itself."""
    pairs = []
    for concept in concepts:
        pairs += [(code, label) for code, label in concept.labels.items()]
    return pairs[: MAX_EXPANSIONS * len(TSV_LANGUAGES)]
