"""Sections of an organization's profile page, contributed by the apps above this one.

Organizations imports no feature app: the library registers its sections in its AppConfig, and
each provider applies its own permissions.
"""

from collections.abc import Callable

from core.home import HomeSection

_providers: list[Callable] = []


def register_profile_section(provider: Callable) -> None:
    if provider not in _providers:
        _providers.append(provider)


def profile_sections(request, organization) -> list[HomeSection]:
    sections = [section for provider in _providers if (section := provider(request, organization))]
    return sorted(sections, key=lambda section: section.order)
