"""Reading vocabulary files: the UNBIS TSV, and SKOS in RDF/XML, Turtle or N-Triples.

A SKOS file is read with rdflib, so that any of the usual ways of writing it (typed nodes or
rdf:Description with rdf:type, nested or flat, XML or Turtle) gives the same concepts.
"""

import csv
from dataclasses import dataclass, field
from pathlib import Path

from defusedxml import ElementTree

TSV_LANGUAGES = ["ar", "zh", "en", "fr", "ru", "es"]  # column order of UNBIS unbis_terms.tsv
TSV_SUFFIXES = {".tsv", ".txt"}
# rdflib's names of the RDF formats, by file suffix. JSON-LD is left out: its parser may fetch
# a remote @context.
RDF_FORMATS = {
    ".rdf": "xml",
    ".xml": "xml",
    ".owl": "xml",
    ".skos": "xml",
    ".ttl": "turtle",
    ".n3": "n3",
    ".nt": "nt",
}


class UnreadableVocabulary(ValueError):
    """The file is not a vocabulary SecBio can read; the message says why."""


@dataclass
class VocabularyConcept:
    """One concept as a vocabulary file gives it."""

    labels: dict[str, str]
    alt_labels: dict[str, list[str]] = field(default_factory=dict)
    uri: str = ""
    broader: list[str] = field(default_factory=list)
    narrower: list[str] = field(default_factory=list)
    related: list[str] = field(default_factory=list)


@dataclass
class VocabularyCollection:
    """A group of concepts (skos:Collection), with the identifiers of its member concepts."""

    labels: dict[str, str]
    uri: str = ""
    members: list[str] = field(default_factory=list)


@dataclass
class Vocabulary:
    concepts: list[VocabularyConcept]
    collections: list[VocabularyCollection] = field(default_factory=list)


def read_vocabulary(path: Path) -> Vocabulary:
    """The concepts (and collections) of a UNBIS TSV or a SKOS file, by the file's suffix."""
    suffix = path.suffix.lower()
    if suffix in TSV_SUFFIXES:
        return Vocabulary(_read_tsv(path))
    if suffix in RDF_FORMATS:
        return _read_skos(path, RDF_FORMATS[suffix])
    known = ", ".join(sorted(TSV_SUFFIXES | set(RDF_FORMATS)))
    raise UnreadableVocabulary(f"unknown kind of file {suffix or '(no suffix)'}; known: {known}")


def _read_tsv(path: Path) -> list[VocabularyConcept]:
    rows = []
    with path.open(encoding="utf-8-sig", newline="") as handle:
        for row in csv.reader(handle, delimiter="\t"):
            labels = {
                code: label.strip()
                for code, label in zip(TSV_LANGUAGES, row, strict=False)
                if label.strip()
            }
            if labels:
                rows.append(VocabularyConcept(labels))
    return rows


def _read_skos(path: Path, rdf_format: str) -> Vocabulary:
    """Each skos:Concept: its prefLabel and altLabels in the six languages (zh-Hans, fr-CA:
    their language), and the broader, narrower and related concepts it names; each
    skos:Collection with a label, and its members. Concepts come in the order of their
    identifiers, labels of one language in alphabetical order: a graph has no order of its own."""
    import rdflib
    from rdflib.namespace import RDF, SKOS

    SKOSXL = rdflib.Namespace("http://www.w3.org/2008/05/skos-xl#")

    graph = rdflib.Graph()
    try:
        if rdf_format == "xml":
            # A vocabulary file comes from outside: defusedxml refuses entity expansion and
            # external entities before rdflib's parser sees the file.
            ElementTree.parse(path)
        graph.parse(path, format=rdf_format)
    except Exception as error:
        # On malformed input rdflib's parsers raise what they meet (BadSyntax, SAXParseException,
        # IndexError on a Turtle file cut short): any of them means the file cannot be read.
        raise UnreadableVocabulary(str(error) or type(error).__name__) from None

    def literals(subject, name: str) -> list:
        """A subject's skos:prefLabel or altLabel literals, and those SKOS-XL gives as label
        resources (skosxl:prefLabel → skosxl:literalForm, as AGROVOC publishes its labels)."""
        found = list(graph.objects(subject, SKOS[name]))
        for label in graph.objects(subject, SKOSXL[name]):
            found += graph.objects(label, SKOSXL.literalForm)
        return found

    rows = []
    for concept in sorted(set(graph.subjects(RDF.type, SKOS.Concept)), key=str):
        row = VocabularyConcept(
            _labels(literals(concept, "prefLabel"), first=True),
            _labels(literals(concept, "altLabel"), first=False),
            uri=str(concept) if isinstance(concept, rdflib.URIRef) else "",
        )
        for name in ("broader", "narrower", "related"):
            getattr(row, name).extend(
                sorted(str(o) for o in graph.objects(concept, SKOS[name]) if str(o))
            )
        if row.labels:
            rows.append(row)
    collections = []
    for collection in sorted(set(graph.subjects(RDF.type, SKOS.Collection)), key=str):
        labels = _labels(literals(collection, "prefLabel"), first=True)
        if labels:
            collections.append(
                VocabularyCollection(
                    labels,
                    uri=str(collection) if isinstance(collection, rdflib.URIRef) else "",
                    members=sorted(
                        str(member) for member in graph.objects(collection, SKOS.member)
                    ),
                )
            )
    return Vocabulary(rows, collections)


def _labels(literals, *, first: bool) -> dict:
    """{language: the first label} (`first`) or {language: [labels]} of the six languages."""
    found: dict[str, list[str]] = {}
    for literal in sorted(literals, key=str):
        code = (getattr(literal, "language", None) or "").split("-")[0].lower()
        if code in TSV_LANGUAGES and str(literal).strip():
            found.setdefault(code, []).append(str(literal).strip())
    return {code: labels[0] for code, labels in found.items()} if first else found
