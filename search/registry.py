"""Providers of search results: each app registers one and applies its own permissions.

The search app imports no feature app; the global search page asks every provider.
"""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Provider:
    name: str
    label: object  # a lazy translation
    # (user, query, params, page, page_size, sort) -> dict: page, results, facets, count, and
    # word_count (what the words alone found, for spelling suggestions) when it knows it
    search: Callable
    reindex_ids: Callable  # () -> iterable of ids
    reindex_one: Callable  # (id) -> None: the lexical entry, findable at once
    # (user, query, params) -> int: readable objects holding the query's words, within the
    # filters (no thesaurus, no meaning): what a spelling correction is judged by
    count: Callable | None = None
    embed_one: Callable | None = None  # (id) -> None: the passages' embeddings, slower
    content_type: str = ""  # the kind its index entries carry


_providers: dict[str, Provider] = {}


def register(provider: Provider) -> None:
    _providers[provider.name] = provider


def providers() -> list[Provider]:
    return list(_providers.values())


def provider(name: str) -> Provider | None:
    return _providers.get(name)
