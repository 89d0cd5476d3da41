import pytest
from django.http import QueryDict

from alerts import services
from alerts.models import Frequency
from documents.tests.factories import published_document


@pytest.fixture
def save_search():
    """save_search(user, "q=biosafety", frequency=...) through the real service."""

    def make(user, query_string: str, *, name: str = "", frequency: str = Frequency.DAILY):
        return services.saved_search_create(
            user=user, params=QueryDict(query_string), name=name, frequency=frequency
        )

    return make


@pytest.fixture
def publish(contributor, moderator, organization):
    """publish(title=..., **metadata): a document published through the workflow, whose on-commit
    work (indexing, then immediate alerts) has run."""

    def make(**overrides):
        return published_document(
            contributor=contributor, moderator=moderator, organization=organization, **overrides
        )

    return make
