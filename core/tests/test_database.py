"""CI runs the suite on SQLite and on PostgreSQL; this makes sure it ran on the one it asked for."""

import os

import pytest
from django.db import connection

EXPECTED = os.environ.get("SECBIO_EXPECT_DATABASE", "")


@pytest.mark.django_db
def test_the_suite_runs_on_the_database_ci_asked_for():
    if not EXPECTED:
        pytest.skip("SECBIO_EXPECT_DATABASE is not set (set by .ci/run)")
    assert connection.vendor == EXPECTED


@pytest.mark.django_db
def test_postgresql_offers_pgvector_for_semantic_search():
    if connection.vendor != "postgresql":
        pytest.skip("pgvector concerns PostgreSQL only")
    with connection.cursor() as cursor:
        cursor.execute("SELECT default_version FROM pg_available_extensions WHERE name = 'vector'")
        row = cursor.fetchone()
    assert row is not None, "the PostgreSQL server has no pgvector extension"
