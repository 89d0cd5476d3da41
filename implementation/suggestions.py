"""Suggest implementation areas for the provisions of a text, from multilingual keywords."""

import unicodedata
from dataclasses import dataclass

from documents.extraction import split_sections

MIN_DISTINCT_KEYWORDS = 2


@dataclass(frozen=True)
class Suggestion:
    area_slug: str
    anchor: str
    title: str
    score: int
    excerpt: str


def _fold(text: str) -> str:
    """Lower case without accents, so "Exportación" matches "exportacion"; other scripts unchanged."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def _excerpt(text: str, folded: str, keyword: str) -> str:
    index = folded.find(keyword)
    start = max(0, index - 60)
    return " ".join(text[start : index + len(keyword) + 100].split())


def suggest(*, text: str, language: str, areas: list[tuple[str, dict]]) -> list[Suggestion]:
    """For each provision (or the whole text when it has none), the areas whose keywords it uses.

    `areas` holds (slug, keywords by language); the document's own language and English are used.
    """
    sections = split_sections(text)
    provisions = [(s.anchor, s.title, text[s.start : s.end]) for s in sections] or [("", "", text)]
    # Keywords folded once per call, not once per provision; plain substring tests.
    folded_areas = [
        (slug, {_fold(word) for word in keywords.get(language, []) + keywords.get("en", [])} - {""})
        for slug, keywords in areas
    ]
    suggestions = []
    for anchor, title, body in provisions:
        folded = _fold(body)
        for slug, words in folded_areas:
            hits = [word for word in words if word in folded]
            if len(hits) >= MIN_DISTINCT_KEYWORDS:
                suggestions.append(
                    Suggestion(
                        slug,
                        anchor,
                        title[:300],
                        len(hits),
                        _excerpt(body, folded, sorted(hits)[0]),
                    )
                )
    return suggestions
