"""The clustered on-disk snapshot: what it finds against an exact search, and its files."""

import os

import numpy as np
import pytest

from search import vector_snapshot
from search.vector_snapshot import VectorSnapshot


def _unit(vectors):
    return (vectors / np.linalg.norm(vectors, axis=-1, keepdims=True)).astype(np.float32)


def _library(count, dimensions=64, topics=40, seed=1):
    """Vectors around `topics` directions, as passages gather around subjects."""
    rng = np.random.default_rng(seed)
    centres = _unit(rng.standard_normal((topics, dimensions)))
    vectors = centres[rng.integers(0, topics, count)] + 0.35 * rng.standard_normal(
        (count, dimensions)
    ) / np.sqrt(dimensions)
    keys = rng.permutation(np.arange(10, 10 + 3 * count, 3))
    return keys, _unit(vectors), rng


@pytest.fixture
def small_clusters(monkeypatch):
    monkeypatch.setattr(vector_snapshot, "CLUSTER_SIZE", 100)
    monkeypatch.setattr(vector_snapshot, "SCANNED", 1000)
    monkeypatch.setattr(vector_snapshot, "SCANNED_PER_RESULT", 10)


def _write(base, keys, vectors):
    scale = vector_snapshot.scale_for(vectors[:1000])
    vector_snapshot.write(base, keys, vector_snapshot.quantize(vectors, scale), scale)


def _exact(keys, vectors, query, limit):
    similarities = vectors @ query
    best = np.argsort(-similarities)[:limit]
    return keys[best], similarities[best]


def test_a_small_snapshot_is_one_cluster_searched_exactly(tmp_path):
    keys, vectors, rng = _library(500)
    _write(tmp_path / "kind.thing-1", keys, vectors)
    snapshot = VectorSnapshot.open(tmp_path / "kind.thing-1")
    assert len(snapshot.centroids) == 1 and len(snapshot) == 500
    query = _unit(rng.standard_normal(64))
    found, similarities = snapshot.search(query, 20)
    expected, exact = _exact(keys, vectors, query, 20)
    # 8-bit vectors: the same hits, but two within rounding (0.01) of each other may swap
    by_key = dict(zip(keys.tolist(), (vectors @ query).tolist(), strict=True))
    assert min(by_key[k] for k in found.tolist()) >= exact[-1] - 0.01
    assert len(set(found.tolist()) & set(expected.tolist())) >= 18
    assert max(abs(by_key[k] - s) for k, s in zip(found.tolist(), similarities, strict=True)) < 0.01
    assert np.all(np.diff(similarities) <= 0)


def test_a_large_snapshot_reads_the_closest_clusters_and_finds_nearly_all(tmp_path, small_clusters):
    keys, vectors, rng = _library(20_000)
    _write(tmp_path / "kind.thing-2", keys, vectors)
    snapshot = VectorSnapshot.open(tmp_path / "kind.thing-2")
    assert len(snapshot.centroids) == 200
    assert sorted(snapshot.keys.tolist()) == sorted(keys.tolist())
    recalls = []
    for row in rng.choice(len(vectors), 30, replace=False):
        query = _unit(vectors[row] + 0.2 * rng.standard_normal(64) / 8)
        found, similarities = snapshot.search(query, 50)
        expected, _exact_similarities = _exact(keys, vectors, query, 50)
        recalls.append(len(set(found.tolist()) & set(expected.tolist())) / 50)
        by_key = dict(zip(keys.tolist(), (vectors @ query).tolist(), strict=True))
        assert (
            max(abs(by_key[k] - s) for k, s in zip(found.tolist(), similarities, strict=True))
            < 0.01
        )
    assert np.mean(recalls) >= 0.9  # having read 5 % of the vectors


def test_a_search_reads_about_the_vectors_it_needs(tmp_path, small_clusters):
    keys, vectors, rng = _library(20_000)
    _write(tmp_path / "kind.thing-3", keys, vectors)
    snapshot = VectorSnapshot.open(tmp_path / "kind.thing-3")
    query = _unit(rng.standard_normal(64))
    sizes = np.diff(snapshot.offsets)
    read = sizes[snapshot._clusters_to_read(query, 10)].sum()
    assert 1000 <= read < 1000 + sizes.max()
    assert sizes[snapshot._clusters_to_read(query, 300)].sum() >= 3000


def test_files_are_named_after_the_whole_base_and_removed_together(tmp_path):
    keys, vectors, _rng = _library(100)
    base = tmp_path / "documents.document-abc"
    _write(base, keys, vectors)
    assert sorted(os.listdir(tmp_path)) == [
        "documents.document-abc.i8",
        "documents.document-abc.npz",
    ]
    vector_snapshot.remove(base)
    assert os.listdir(tmp_path) == []


def test_a_truncated_file_is_an_error_not_a_wrong_answer(tmp_path):
    keys, vectors, rng = _library(300)
    base = tmp_path / "kind.thing-4"
    _write(base, keys, vectors)
    snapshot = VectorSnapshot.open(base)
    os.truncate(tmp_path / "kind.thing-4.i8", 64 * 100)
    with pytest.raises(OSError, match="truncated"):
        snapshot.search(_unit(rng.standard_normal(64)), 5)
    with pytest.raises(OSError, match="6400 bytes for 300 vectors"):
        VectorSnapshot.open(base)


def test_an_empty_snapshot_finds_nothing(tmp_path):
    base = tmp_path / "kind.thing-5"
    _write(base, np.zeros(0, np.int64), np.zeros((0, 64), np.float32))
    found, similarities = VectorSnapshot.open(base).search(np.ones(64, np.float32) / 8, 5)
    assert len(found) == 0 and len(similarities) == 0
