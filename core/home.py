"""The home page's sections, contributed by the apps that own them.

Core imports no feature app: each app registers a provider in its AppConfig.ready(), and the
provider applies that app's own permissions to what it shows.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.http import HttpRequest


@dataclass(frozen=True)
class HomeSection:
    template: str
    context: dict = field(default_factory=dict)
    order: int = 100


_providers: list[Callable[[HttpRequest], HomeSection | None]] = []


def register_home_section(provider: Callable[[HttpRequest], HomeSection | None]) -> None:
    if provider not in _providers:
        _providers.append(provider)


def home_sections(request: HttpRequest) -> list[HomeSection]:
    sections = [section for provider in _providers if (section := provider(request))]
    return sorted(sections, key=lambda section: section.order)
