"""The spelling dictionary's rebuild after publications is throttled: a long import must not
re-read every public text after each document."""

import time

import pytest

from search.models import Term
from search.tasks import rebuild_terms


@pytest.fixture
def words(monkeypatch):
    built = []

    def rebuild():
        generation = time.time_ns() // 1000
        Term.objects.all().delete()
        Term.objects.create(generation=generation, word="x", language="en", form="x", frequency=1)
        built.append(generation)
        return 1

    monkeypatch.setattr("search.tasks.terms_rebuild", rebuild)
    return built


@pytest.mark.django_db
def test_a_rebuild_within_the_interval_is_skipped(settings, words):
    settings.SECBIO_SPELLING_REBUILD_SECONDS = 900
    rebuild_terms.call(requested_at=time.time())
    rebuild_terms.call(requested_at=time.time())
    assert len(words) == 1


@pytest.mark.django_db
def test_a_rebuild_after_the_interval_runs(settings, words):
    settings.SECBIO_SPELLING_REBUILD_SECONDS = 0
    rebuild_terms.call(requested_at=time.time())
    rebuild_terms.call(requested_at=time.time())
    assert len(words) == 2
