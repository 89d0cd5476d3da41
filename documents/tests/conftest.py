"""Fixtures of the documents app's tests."""

import pytest

from documents.services.reference import bwc_articles_load
from organizations.services import organizations_load
from taxonomy.services import topics_load


@pytest.fixture
def reference_data(db, administrator):
    """The States and organizations, topics and BWC articles an import needs; the ISU's
    administrator, who imports."""
    organizations_load()
    topics_load()
    bwc_articles_load()
    return administrator
