"""The on-disk snapshot of the embedded vector index: passages clustered, read with `pread`.

The vectors are grouped by their nearest centroid (k-means, usearch) and written as 8-bit
integers, one cluster after another. A search scores the centroids, reads the closest clusters
from the file (`os.preadv`: through the page cache, never mapped into the process) until
about SCANNED vectors are read, and ranks them exactly (usearch's SIMD inner product).

Why not an HNSW graph: a memory-mapped graph of 1.46 million passages (100 000 documents)
became 716 MB of the web process's resident memory as searches touched its pages, and its
node table took 97 MB more. A clustered file keeps only the centroids and the keys in memory
(about 15 MB at that size), whatever the traffic; the file's pages stay the kernel's.

Small snapshots (at most SCANNED vectors) are one cluster, searched whole: exact.
"""

import os
import weakref
from dataclasses import dataclass
from pathlib import Path

import numpy as np

CLUSTER_SIZE = 1000  # passages per cluster, on average
# Vectors read per search, at least (whole clusters). At 1.46 million generated passages (one
# cluster per 1 000; recall of the exact 200 / 800 nearest, mean and worst of 60 queries, and
# the time of `search`): 32 000 read 0.960 / 0.972 with a worst query at 0.23 (a flat query:
# its neighbours, all about 0.3, lay in the clusters just past the cut), 4.8 ms; 48 000 read
# 0.983 / 0.990, worst 0.965, 7.0 ms; 64 000 gained only the worst of the 800 (0.955 -> 0.976)
# for 9.0 ms.
SCANNED = 48_000
SCANNED_PER_RESULT = 20  # and at least this many per result asked for
READ_ROWS = 8_192  # vectors read and ranked at a time (4 MB of 512 dimensions)
KMEANS_SAMPLE_PER_CLUSTER = 40  # k-means runs on a sample of this many vectors per cluster
# Vectors given their cluster at a time: usearch's exact search of 50 000 took 0.9 GB more
# (a build of 1.46 million passages peaked at 2.0 GB instead of 1.1).
ASSIGN_BATCH = 10_000


def _file(base: Path, suffix: str) -> Path:
    return base.parent / (base.name + suffix)  # names hold dots ("documents.document-…")


def quantize(vectors: np.ndarray, scale: float) -> np.ndarray:
    """Unit vectors as int8, one scale for all: inner products keep their order."""
    return np.clip(np.rint(np.asarray(vectors, dtype=np.float32) * scale), -127, 127).astype(
        np.int8
    )


def _cluster_count(count: int) -> int:
    return 1 if count <= SCANNED else max(2, count // CLUSTER_SIZE)


def _assignments(vectors: np.ndarray, scale: float, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """(cluster of each vector, unit centroids) for int8 `vectors`."""
    from usearch.index import kmeans, search

    clusters = _cluster_count(len(vectors))
    if clusters == 1:
        return np.zeros(len(vectors), dtype=np.int64), np.zeros((1, vectors.shape[1]), np.float32)
    rng = np.random.default_rng(seed)
    size = min(len(vectors), clusters * KMEANS_SAMPLE_PER_CLUSTER)
    sample = vectors[np.sort(rng.choice(len(vectors), size, replace=False))]
    _assigned, _distances, centroids = kmeans(
        sample.astype(np.float32) / scale, clusters, metric="cos", seed=seed
    )
    centroids = np.asarray(centroids, dtype=np.float32)
    centroids /= np.maximum(np.linalg.norm(centroids, axis=1, keepdims=True), 1e-12)
    quantized_centroids = quantize(centroids, scale)
    assigned = np.empty(len(vectors), dtype=np.int64)
    for start in range(0, len(vectors), ASSIGN_BATCH):
        batch = vectors[start : start + ASSIGN_BATCH]
        found = search(quantized_centroids, batch, 1, "ip", exact=True, threads=0)
        assigned[start : start + len(batch)] = found.keys[:, 0]
    return assigned, centroids


def scale_for(sample: np.ndarray) -> float:
    """The 8-bit scale for vectors like `sample` (the first rows): its largest component, with
    room for larger ones in the rows that follow, maps to about 100 (larger ones are clipped)."""
    largest = float(np.abs(sample).max()) if len(sample) else 1.0
    return 127.0 / max(1.25 * largest, 1e-6)


def write(base: Path, keys: np.ndarray, quantized: np.ndarray, scale: float, *, seed=0) -> None:
    """Write the snapshot of the 8-bit vectors `quantized` (`quantize`, one row per key) as the
    files `base`.npz and `base`.i8, cluster after cluster."""
    keys = np.asarray(keys, dtype=np.int64)
    assigned, centroids = _assignments(quantized, scale, seed)
    order = np.lexsort((keys, assigned))
    offsets = np.zeros(len(centroids) + 1, dtype=np.int64)
    np.cumsum(np.bincount(assigned, minlength=len(centroids)), out=offsets[1:])
    with open(_file(base, ".i8"), "wb") as out:
        for start in range(0, len(order), ASSIGN_BATCH):  # not a second copy of every vector
            quantized[order[start : start + ASSIGN_BATCH]].tofile(out)
    np.savez(
        _file(base, ".npz"),
        keys=keys[order],
        offsets=offsets,
        centroids=centroids,
        scale=np.float32(scale),
    )


def remove(base: Path) -> None:
    for suffix in (".npz", ".i8"):
        _file(base, suffix).unlink(missing_ok=True)


@dataclass
class VectorSnapshot:
    keys: np.ndarray  # int64, in file order
    offsets: np.ndarray  # cluster c holds rows offsets[c]:offsets[c + 1]
    centroids: np.ndarray  # float32, unit
    scale: float
    descriptor: int

    @classmethod
    def open(cls, base: Path) -> "VectorSnapshot":
        with np.load(_file(base, ".npz")) as arrays:
            keys, offsets = arrays["keys"], arrays["offsets"]
            centroids, scale = arrays["centroids"], float(arrays["scale"])
        descriptor = os.open(_file(base, ".i8"), os.O_RDONLY)
        dimensions = centroids.shape[1]
        if (size := os.fstat(descriptor).st_size) != len(keys) * dimensions:
            os.close(descriptor)
            raise OSError(f"vector snapshot {base.name}: {size} bytes for {len(keys)} vectors")
        snapshot = cls(keys, offsets, centroids, scale, descriptor)
        # Closed when the last search holding this snapshot is done, not when a newer one
        # replaces it: a search in another thread may still be reading.
        weakref.finalize(snapshot, os.close, descriptor)
        return snapshot

    def __len__(self) -> int:
        return len(self.keys)

    @property
    def dimensions(self) -> int:
        return self.centroids.shape[1]

    def _clusters_to_read(self, query: np.ndarray, limit: int) -> list[int]:
        if len(self.centroids) == 1:
            return [0]
        wanted = max(SCANNED, limit * SCANNED_PER_RESULT)
        sizes = np.diff(self.offsets)
        chosen, read = [], 0
        for cluster in np.argsort(-(self.centroids @ query)).tolist():
            if sizes[cluster]:
                chosen.append(cluster)
                read += int(sizes[cluster])
                if read >= wanted:
                    break
        return sorted(chosen)  # in file order: the reads move forward

    def _ranges(self, clusters: list[int]):
        """(first, last) row ranges covering `clusters`, each at most READ_ROWS rows."""
        for cluster in clusters:
            first, last = int(self.offsets[cluster]), int(self.offsets[cluster + 1])
            for start in range(first, last, READ_ROWS):
                yield start, min(last, start + READ_ROWS)

    def _read(self, ranges: list[tuple[int, int]]) -> np.ndarray:
        rows = sum(last - first for first, last in ranges)
        block = np.empty((rows, self.dimensions), dtype=np.int8)
        into, position = memoryview(block).cast("B"), 0
        for first, last in ranges:
            length = (last - first) * self.dimensions
            got = os.preadv(
                self.descriptor, [into[position : position + length]], first * self.dimensions
            )
            if got != length:
                raise OSError(f"vector snapshot truncated: {got} of {length} bytes read")
            position += length
        return block

    def _groups(self, clusters: list[int]):
        """The ranges to read, grouped up to READ_ROWS rows a read."""
        group, rows = [], 0
        for first, last in self._ranges(clusters):
            if group and rows + last - first > READ_ROWS:
                yield group
                group, rows = [], 0
            group.append((first, last))
            rows += last - first
        if group:
            yield group

    def search(self, query: np.ndarray, limit: int) -> tuple[np.ndarray, np.ndarray]:
        """(keys, cosine similarities) of the `limit` vectors closest to the unit `query`.

        The clusters are read READ_ROWS rows at a time, each part ranked exactly with the 8-bit
        query and its best few kept: a search holds 4 MB of vectors at once, not 24 (glibc kept
        a freed 24 MB block in each web process: 24 MB of its resident memory)."""
        from usearch.index import search

        if not len(self.keys) or limit <= 0:
            return np.zeros(0, np.int64), np.zeros(0, np.float32)
        query = np.asarray(query, dtype=np.float32)
        quantized_query = quantize(query / max(float(np.abs(query).max()), 1e-6), 127.0)
        # The 8-bit query orders each part; a few more than asked are scored again with the
        # query's own floats, which the rounding of both sides would otherwise reorder.
        candidates = limit + limit // 4 + 16
        kept_vectors, kept_keys = [], []
        for group in self._groups(self._clusters_to_read(query, limit)):
            block = self._read(group)
            found = search(
                block, quantized_query, min(len(block), candidates), "ip", exact=True, threads=1
            )
            rows = np.asarray(found.keys, dtype=np.int64)
            keys = np.concatenate([self.keys[first:last] for first, last in group])
            kept_vectors.append(block[rows])
            kept_keys.append(keys[rows])
        vectors, keys = np.concatenate(kept_vectors), np.concatenate(kept_keys)
        similarities = vectors.astype(np.float32) @ query / self.scale
        order = np.argsort(-similarities, kind="stable")[:limit]
        return keys[order], similarities[order]
