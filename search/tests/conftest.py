import pytest


@pytest.fixture
def vector_dir(settings, tmp_path):
    """Each test's SQLite vector snapshot in a folder of its own."""
    settings.SECBIO_SEARCH_VECTOR_DIR = tmp_path
