"""Parsing what people type into a search box: words, "phrases in quotes" and -excluded words.

Anything else (FTS operators, SQL, control characters, lone surrogates) is just text: it is
folded into plain tokens by the analysis, so no input can reach the engine as syntax.
"""

import re
from dataclasses import dataclass, field

from search.analysis import tokens

MAX_QUERY_CHARS = 500
_QUOTED = re.compile(r'"([^"]*)"')


@dataclass
class Query:
    text: str
    truncated: bool = False
    words: list[str] = field(default_factory=list)
    phrases: list[str] = field(default_factory=list)
    excluded: list[str] = field(default_factory=list)
    # (language, label) of thesaurus concepts the query names, searched as alternatives.
    expansions: list[tuple[str, str]] = field(default_factory=list)

    @property
    def positive_text(self) -> str:
        return " ".join([*self.words, *self.phrases])

    def expansion_groups(self) -> list[list[str]]:
        return [group for code, label in self.expansions if (group := tokens(label, code))]

    @property
    def is_empty(self) -> bool:
        return not (self.words or self.phrases)

    def terms(self, languages: list[str | None]) -> list[str]:
        """The distinct index terms of the query's words in every reading (no phrases, no
        expansions), without lone letters or characters ("d" of "d'OGM", 令), which say little."""
        found = [token for code in languages for word in self.words for token in tokens(word, code)]
        return [term for term in dict.fromkeys(found) if len(term) > 1]

    def excluded_terms(self, languages: list[str | None]) -> list[str]:
        """The distinct index terms of the excluded words in every reading."""
        return list(dict.fromkeys(t for code in languages for t in self.clauses(code)[1]))

    def clauses(self, language: str | None) -> tuple[list[list[str]], list[str]]:
        """([token groups that must all match (a group is a phrase)], [excluded tokens]) in a language."""
        required = [[token] for word in self.words for token in tokens(word, language)]
        required += [group for phrase in self.phrases if (group := tokens(phrase, language))]
        excluded = [token for word in self.excluded for token in tokens(word, language)]
        return required, excluded


def label_words(group: list[str]) -> list[str]:
    """The words a label's matches must hold. jieba's search mode gives a Chinese word and its
    parts (实验室: 实验, 实验室); once the word is required a part adds nothing to the match, only
    a second share of the ranking (BM25, ts_rank) to the Chinese texts."""
    return [
        token for token in group if not any(token != other and token in other for other in group)
    ]


def clean(text: str) -> str:
    text = text.encode("utf-8", "replace").decode("utf-8", "replace")  # lone surrogates
    return "".join(char if char.isprintable() else " " for char in text)


def parse(raw: str | None) -> Query:
    text = clean(raw or "").strip()
    query = Query(text=text[:MAX_QUERY_CHARS], truncated=len(text) > MAX_QUERY_CHARS)
    remaining = query.text
    if remaining.count('"') % 2:  # an unbalanced quote is a typing slip, not a phrase
        remaining = remaining.replace('"', " ")
    query.phrases = [phrase.strip() for phrase in _QUOTED.findall(remaining) if phrase.strip()]
    remaining = _QUOTED.sub(" ", remaining)
    for word in remaining.split():
        if word.startswith("-") and len(word) > 1:
            query.excluded.append(word[1:])
        elif word.strip("-"):
            query.words.append(word)
    return query
