"""Each embedded object's mean embedding (Centroid): kept with its passages, read by similarity."""

import importlib

import numpy as np
import pytest
from django.apps import apps
from django.db import connection

from search import services
from search.backends import backend
from search.embeddings import embed, embed_query
from search.models import Centroid, Passage
from search.tests.vectors import KIND, index_passages

pytestmark = pytest.mark.usefixtures("vector_dir")


class _Editor:
    """What the migration's function uses of a schema editor (SQLite's refuses to open inside
    the test's transaction)."""

    connection = connection

    def execute(self, sql):
        with connection.cursor() as cursor:
            cursor.execute(sql)


def _stored(object_id) -> np.ndarray:
    return Centroid.objects.get(content_type=KIND, object_id=object_id).embedding


@pytest.mark.django_db
def test_the_centroid_is_the_unit_mean_of_the_objects_passages():
    head = "Licensing of laboratories that handle dangerous pathogens"
    text = "Article 1\nA licence is required.\n" * 3 + "Article 2\nInspections are yearly.\n" * 3
    index_passages(1, head, text)
    vectors = [
        vector
        for vector in Passage.objects.filter(content_type=KIND, object_id=1)
        .order_by("position")
        .values_list("embedding", flat=True)
    ]
    mean = np.mean(vectors, axis=0)
    assert np.allclose(_stored(1), mean / np.linalg.norm(mean), atol=2e-3)  # float16 storage
    assert abs(np.linalg.norm(_stored(1)) - 1) < 2e-3


@pytest.mark.django_db
def test_reembedding_replaces_the_centroid_and_removal_deletes_it():
    index_passages(1, "Tax rates on imported wine and spirits")
    before = _stored(1)
    index_passages(1, "Biosafety levels of pathogen laboratories")
    assert Centroid.objects.filter(content_type=KIND, object_id=1).count() == 1
    assert float(_stored(1) @ before) < 0.9
    index_passages(1, "   ")  # nothing left to embed
    assert not Centroid.objects.filter(content_type=KIND, object_id=1).exists()
    index_passages(1, "Biosafety levels of pathogen laboratories")
    services.passages_remove(content_type=KIND, object_id=1)
    assert not Centroid.objects.filter(content_type=KIND).exists()


@pytest.mark.django_db
def test_whole_similarities_compare_the_query_to_the_asked_objects_only():
    index_passages(1, "Licensing of laboratories that handle dangerous pathogens")
    index_passages(2, "Tax rates on imported wine and spirits")
    index_passages(3, "Permis pour les laboratoires manipulant des agents pathogènes")
    query = embed_query("pathogen laboratory licence")
    found = backend().whole_similarities(content_type=KIND, vector=query, object_ids=[1, 2, 99])
    assert set(found) == {1, 2}
    assert found[1] > found[2]
    assert found[1] == pytest.approx(float(_stored(1) @ query), abs=2e-3)
    assert (
        backend().whole_similarities(content_type="other.kind", vector=query, object_ids=[1]) == {}
    )


@pytest.mark.django_db
def test_the_migration_computes_centroids_of_objects_embedded_before_it():
    vectors = embed(["Licensing of pathogen laboratories", "Yearly inspections of laboratories"])
    Passage.objects.bulk_create(
        Passage(content_type=KIND, object_id=7, position=i, language="en", embedding=vector)
        for i, vector in enumerate(vectors)
    )
    migration = importlib.import_module("search.migrations.0008_centroid")
    migration.centroids_from_passages(apps, _Editor())
    mean = vectors.mean(axis=0)
    assert np.allclose(_stored(7), mean / np.linalg.norm(mean), atol=2e-3)
