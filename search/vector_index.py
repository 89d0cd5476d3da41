"""The embedded vector index of the default setup (SQLite has no vector type).

The passages table stays the truth. Each process searches two parts:
- a snapshot: the passages up to some row, clustered and saved to a file that each process
  reads from the page cache (`search/vector_snapshot.py`), so a large library costs little
  resident memory;
- the tail: rows added since that snapshot, searched exactly in memory.
Deleted rows are dropped when hits are looked up in the table. When the tail grows past
SECBIO_SEARCH_VECTOR_TAIL_LIMIT, the indexing task writes a new snapshot (`snapshot_build`).
PostgreSQL does not use this module: pgvector's HNSW index lives in the database.
"""

import fcntl
import glob
import json
import logging
import os
import threading
import uuid
from pathlib import Path

import numpy as np
from django.conf import settings
from django.db import connection

from search import vector_snapshot
from search.backends import id_list
from search.embeddings import DIMENSIONS
from search.fields import blobs_to_matrix
from search.models import Passage, VectorState
from search.vector_snapshot import VectorSnapshot

logger = logging.getLogger(__name__)
_indexes: dict[str, "VectorIndex"] = {}
_indexes_lock = threading.Lock()


def vector_index(content_type: str) -> "VectorIndex":
    with _indexes_lock:
        if content_type not in _indexes:
            _indexes[content_type] = VectorIndex(content_type)
        return _indexes[content_type]


def _directory() -> Path:
    return Path(settings.SECBIO_SEARCH_VECTOR_DIR)


def _meta_path(content_type: str) -> Path:
    return _directory() / f"{content_type}.json"


def _read_meta(content_type: str) -> dict | None:
    try:
        return json.loads(_meta_path(content_type).read_text())
    except (FileNotFoundError, ValueError):
        return None


class VectorIndex:
    def __init__(self, content_type: str):
        self.content_type = content_type
        self.lock = threading.Lock()
        self.version = None
        self.snapshot = None
        self.snapshot_file = None
        self.snapshot_max_pk = 0
        self._tail_reset()

    def _tail_reset(self) -> None:
        self.tail_pks = np.zeros(0, dtype=np.int64)
        self.tail_rows: list[tuple[int, int | None]] = []  # (object_id, position, start)
        self.tail = np.zeros((0, DIMENSIONS), dtype=np.float32)

    def _load_snapshot(self, generation) -> None:
        for _attempt in range(3):  # a build may replace the files between the meta and the open
            meta = _read_meta(self.content_type) or {}
            # A snapshot of another generation of the table (emptied since) must not be read.
            file = meta.get("file") if meta.get("generation") == str(generation) else None
            if file == self.snapshot_file:
                return
            self._tail_reset()
            self.snapshot, self.snapshot_file, self.snapshot_max_pk = None, None, 0
            if not file:
                return
            try:
                self.snapshot = VectorSnapshot.open(_directory() / file)
            except FileNotFoundError:
                continue
            except (OSError, ValueError):  # a damaged file: every passage is scanned instead
                logger.exception(
                    "vector snapshot %s unreadable; run secbio reindex --only snapshot", file
                )
                return
            self.snapshot_file, self.snapshot_max_pk = file, int(meta["max_pk"])
            return
        logger.error("vector snapshot %s missing; run secbio reindex --only snapshot", file)

    def refresh(self) -> None:
        """Catch up with the table when its version changed (one indexed lookup otherwise)."""
        state = (
            VectorState.objects.filter(content_type=self.content_type)
            .values_list("generation", "version")
            .first()
        )
        if state is not None and state == self.version:
            return
        if state is None or self.version is None or state[0] != self.version[0]:
            self._tail_reset()  # a new table (tests, a restored database): nothing carries over
        self._load_snapshot(state[0] if state else None)
        tail = Passage.objects.filter(content_type=self.content_type, pk__gt=self.snapshot_max_pk)
        current = np.fromiter(tail.values_list("pk", flat=True), dtype=np.int64)
        keep = np.isin(self.tail_pks, current)
        missing = np.setdiff1d(current, self.tail_pks[keep]).tolist()
        new_rows = []
        for offset in range(0, len(missing), 900):
            new_rows += tail.filter(pk__in=missing[offset : offset + 900]).values_list(
                "pk", "object_id", "position", "start", "embedding"
            )
        rows = [row for row, kept in zip(self.tail_rows, keep, strict=True) if kept]
        vectors = [self.tail[keep]]
        if new_rows:
            rows += [
                (object_id, position, start) for _pk, object_id, position, start, _e in new_rows
            ]
            vectors.append(np.stack([row[4] for row in new_rows]).astype(np.float32))
        self.tail_pks = np.concatenate(
            [self.tail_pks[keep], np.array([row[0] for row in new_rows], dtype=np.int64)]
        )
        self.tail_rows = rows
        self.tail = np.concatenate(vectors) if vectors else self.tail
        self.version = state

    def nearest(self, vector, limit: int) -> list[tuple[int, int, int | None, float]]:
        query = np.asarray(vector, dtype=np.float32)
        with self.lock:
            self.refresh()
            hits: list[tuple[int, int, int | None, float]] = []
            if len(self.tail):
                similarities = self.tail @ query
                best = np.argsort(-similarities)[:limit]
                hits += [(*self.tail_rows[i], float(similarities[i])) for i in best]
            snapshot = self.snapshot
        if snapshot is not None:
            keys, similarities = snapshot.search(query, limit)
            similarity = dict(zip(keys.tolist(), similarities.tolist(), strict=True))
            rows = Passage.objects.filter(pk__in=id_list(similarity)).values_list(
                "pk", "object_id", "position", "start"
            )
            hits += [(o, p, s, similarity[pk]) for pk, o, p, s in rows]
        return sorted(hits, key=lambda hit: -hit[3])[:limit]


def tail_size(content_type: str) -> int:
    generation = (
        VectorState.objects.filter(content_type=content_type)
        .values_list("generation", flat=True)
        .first()
    )
    meta = _read_meta(content_type) or {}
    if meta.get("generation") != str(generation):
        meta = {}
    return Passage.objects.filter(
        content_type=content_type, pk__gt=int(meta.get("max_pk", 0))
    ).count()


def snapshot_build(content_type: str, *, wait: bool = True) -> int | None:
    """Write a new snapshot of every passage of a kind; returns how many it holds.

    One build at a time per kind (a lock file): with `wait=False` (the indexing task), None when
    another process is writing one now, which will hold nearly the same passages.
    """
    directory = _directory()
    directory.mkdir(parents=True, exist_ok=True)
    with open(directory / f"{content_type}.lock", "a") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
        except BlockingIOError:
            return None
        return _snapshot_write(content_type, directory)


def _snapshot_write(content_type: str, directory: Path) -> int:
    generation = (
        VectorState.objects.filter(content_type=content_type)
        .values_list("generation", flat=True)
        .first()
    )
    count = Passage.objects.filter(content_type=content_type).count()
    keys = np.empty(count, dtype=np.int64)
    quantized = np.empty((count, DIMENSIONS), dtype=np.int8)  # a quarter of the floats' memory
    read, scale = 0, None
    with connection.cursor() as cursor:
        # The stored blobs, converted a chunk at a time: the ORM made an array of each row.
        cursor.execute(
            f"SELECT id, embedding FROM {Passage._meta.db_table} "  # noqa: S608 (a constant)
            "WHERE content_type = %s ORDER BY id",
            [content_type],
        )
        # Rows added while reading are left to the next snapshot (they stay in the tail).
        while read < count and (chunk := cursor.fetchmany(min(5000, count - read))):
            ids, blobs = zip(*chunk, strict=True)
            vectors = blobs_to_matrix(list(blobs))
            if scale is None:
                scale = vector_snapshot.scale_for(vectors)
            keys[read : read + len(chunk)] = ids
            quantized[read : read + len(chunk)] = vector_snapshot.quantize(vectors, scale)
            read += len(chunk)
    keys, quantized = keys[:read], quantized[:read]
    file = f"{content_type}-{uuid.uuid4().hex}"
    try:
        vector_snapshot.write(directory / file, keys, quantized, scale or 1.0)
    except BaseException:
        vector_snapshot.remove(directory / file)  # the current snapshot stays in use
        raise
    temporary = _meta_path(content_type).with_suffix(".tmp")
    max_pk = int(keys[-1]) if read else 0
    temporary.write_text(
        json.dumps({"file": file, "generation": str(generation), "max_pk": max_pk, "count": read})
    )
    os.replace(temporary, _meta_path(content_type))
    # Every other snapshot of the kind: the previous one, and any a crashed build left or a
    # first-format HNSW file. Processes still reading one keep their open descriptor.
    for path in directory.glob(f"{glob.escape(content_type)}-*"):
        if not path.name.startswith(f"{file}."):
            path.unlink(missing_ok=True)
    return read
