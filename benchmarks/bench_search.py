"""Search relevance on the team's corpus: nDCG@10 and recall@10 (see benchmarks/README.md).

python benchmarks/bench_search.py [--database sqlite|postgresql] [--grid]

Builds a throwaway database, imports ../shared/corpus through the real import (screening,
extraction, lexical index, embeddings), then runs every query of benchmarks/search_eval/
queries.json through the search selector the page and the API use, as a visitor, in four ways:
lexical only, semantic only, hybrid (the default), and a plain BM25 baseline (rank-bm25's
BM25Okapi over each record's title and text, tokenised by the same analysis, same run).
Prints the figures overall, per query language, and for cross-language and same-language
queries; writes benchmarks/results/search-relevance-<database>.json. `--grid` also scores
hybrid settings around the defaults (RRF K, weights, similarity floor) to show how they were
tuned; tuned on this set, so read the hybrid figure as an upper estimate for unseen queries.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_library import (
    DEFAULT_CORPUS,
    REPO,
    RESULTS_DIR,
    Database,
    git_state,
    log,
    teardown,
)

EVAL = REPO / "benchmarks" / "search_eval" / "queries.json"
CUTOFF = 10
MODES = ["lexical", "semantic", "hybrid", "bm25"]


def ndcg(ranked: list[str], relevant: dict[str, int], k: int = CUTOFF) -> float:
    gains = [2 ** relevant.get(doc, 0) - 1 for doc in ranked[:k]]
    dcg = sum(gain / math.log2(i + 2) for i, gain in enumerate(gains))
    ideal = sorted((2**grade - 1 for grade in relevant.values()), reverse=True)[:k]
    idcg = sum(gain / math.log2(i + 2) for i, gain in enumerate(ideal))
    return dcg / idcg if idcg else 0.0


def recall(ranked: list[str], relevant: dict[str, int], k: int = CUTOFF) -> float:
    wanted = {doc for doc, grade in relevant.items() if grade > 0}
    return len(wanted & set(ranked[:k])) / len(wanted) if wanted else 0.0


class Baseline:
    """BM25Okapi over the corpus records, tokenised by the project's analysis."""

    def __init__(self, corpus: Path):
        from rank_bm25 import BM25Okapi

        from search.analysis import tokens

        records = [json.loads(p.read_text()) for p in sorted(corpus.glob("*.json"))]
        self.ids = [record["id"] for record in records]
        self.bm25 = BM25Okapi(
            [tokens(f"{r['title']}\n{r['text']}", r["language"]) for r in records]
        )
        self.tokens = tokens

    def search(self, text: str, language: str) -> list[str]:
        scores = self.bm25.get_scores(self.tokens(text, language))
        ranked = sorted(range(len(self.ids)), key=lambda i: -scores[i])
        return [self.ids[i] for i in ranked[:CUTOFF] if scores[i] > 0]


def run_queries(queries, mode: str, baseline: Baseline) -> list[list[str]]:
    from django.contrib.auth.models import AnonymousUser
    from django.utils import translation

    from documents.search import document_search
    from search.query import parse

    rankings = []
    for item in queries:
        if mode == "bm25":
            rankings.append(baseline.search(item["query"], item["language"]))
            continue
        # The reader's interface language is the query's, as on the site.
        with translation.override(item["language"]):
            outcome = document_search(
                user=AnonymousUser(),
                query=parse(item["query"]),
                params={"mode": mode},
                page_size=CUTOFF,
            )
        rankings.append([r["document"].external_id for r in outcome["results"]])
    return rankings


def per_query(queries, rankings) -> list[tuple[float, float]]:
    """(nDCG@10, recall@10) of each query's ranking."""
    return [
        (ndcg(ranked, item["relevant"]), recall(ranked, item["relevant"]))
        for item, ranked in zip(queries, rankings, strict=True)
    ]


def score(queries, figures: list[tuple[float, float]]) -> dict:
    """Mean nDCG@10 and recall@10 of the queries' `per_query` figures, overall and by group."""
    groups: dict[str, list[tuple[float, float]]] = {}
    for item, pair in zip(queries, figures, strict=True):
        for group in (
            "all",
            f"lang:{item['language']}",
            "cross-language" if item["cross_language"] else "same-language",
        ):
            groups.setdefault(group, []).append(pair)
    return {
        group: {
            "queries": len(pairs),
            "ndcg@10": sum(p[0] for p in pairs) / len(pairs),
            "recall@10": sum(p[1] for p in pairs) / len(pairs),
        }
        for group, pairs in groups.items()
    }


def print_table(results: dict) -> None:
    groups = list(results["hybrid"])
    order = [
        "all",
        "cross-language",
        "same-language",
        *sorted(g for g in groups if g.startswith("lang:")),
    ]
    header = f"{'group':<16}{'n':>4}  " + "  ".join(f"{m + ' nDCG/R':>19}" for m in MODES)
    print(header)
    print("-" * len(header))
    for group in order:
        cells = [
            f"{results[m][group]['ndcg@10']:>9.3f}/{results[m][group]['recall@10']:<9.3f}"
            for m in MODES
        ]
        print(f"{group:<16}{results['hybrid'][group]['queries']:>4}  " + "  ".join(cells))


GRID = {
    "LEXICAL_BONUS": (0.15, 0.25, 0.35),
    "LEXICAL_RANK_SCALE": (3, 5, 10),
    "SIMILARITY_FLOOR": (0.15, 0.2, 0.25),
}


def grid(queries) -> list[dict]:
    """Hybrid nDCG@10 for every combination of GRID's settings (search/ranking.py)."""
    import itertools

    from search import ranking

    defaults = {name: getattr(ranking, name) for name in GRID}
    rows = []
    try:
        for values in itertools.product(*GRID.values()):
            setting = dict(zip(GRID, values, strict=True))
            for name, value in setting.items():
                setattr(ranking, name, value)
            s = score(queries, per_query(queries, run_queries(queries, "hybrid", None)))
            row = {**setting, "ndcg": s["all"]["ndcg@10"], "cross": s["cross-language"]["ndcg@10"]}
            rows.append(row)
            log(" ".join(f"{k}={v}" for k, v in row.items()))
    finally:
        for name, value in defaults.items():
            setattr(ranking, name, value)
    return sorted(rows, key=lambda row: -row["ndcg"])


def load_corpus(corpus: Path) -> None:
    """Reference data, an administrator, the corpus (imported, indexed, embedded), the thesaurus."""
    from django.core.management import call_command

    from accounts.models import User
    from search.thesaurus import GLOSSARY, GLOSSARY_SOURCE

    call_command("demo", "--without-personas", verbosity=0)

    User.objects.create_user(
        email="bench-admin@example.org",
        password="bench-password-0123",  # noqa: S106
        isu_role="administrator",
        is_staff=True,
    )
    t0 = time.perf_counter()
    call_command("import-documents", str(corpus), "--no-progress", verbosity=0)
    log(f"corpus imported, indexed and embedded in {time.perf_counter() - t0:.0f} s")
    thesaurus = corpus.parent / "thesaurus" / "unbis_terms.tsv"
    if thesaurus.exists():
        call_command("import-thesaurus", str(thesaurus), verbosity=0)
    call_command("import-thesaurus", str(GLOSSARY), "--source", GLOSSARY_SOURCE, verbosity=0)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database", choices=["sqlite", "postgresql"], default="sqlite")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--queries", type=Path, default=EVAL)
    parser.add_argument("--grid", action="store_true", help="also score hybrid settings")
    parser.add_argument(
        "--work",
        type=Path,
        help="SQLite only: keep the database in this folder, and reuse it when it is there",
    )
    args = parser.parse_args(argv)
    if not args.corpus.is_dir():
        print(f"No corpus at {args.corpus}: this benchmark needs ../shared/corpus.")
        return 2
    queries = json.loads(args.queries.read_text())
    reuse = args.work is not None and (args.work / "bench.sqlite3").exists()
    if args.work is not None:
        args.work.mkdir(parents=True, exist_ok=True)
    work = args.work or Path(tempfile.mkdtemp(prefix=f"secbio-bench-search-{args.database}-"))
    database = Database("sqlite" if args.work else args.database, work)
    try:
        os.environ["DATABASE_URL"] = database.start()
        os.environ["SECBIO_DATA_DIR"] = str(work / "data")
        os.environ["DJANGO_SETTINGS_MODULE"] = "benchmarks.settings"
        sys.path.insert(0, str(REPO))
        import django

        django.setup()
        from django.core.management import call_command

        call_command("migrate", verbosity=0, interactive=False)
        if not reuse:
            load_corpus(args.corpus)
        baseline = Baseline(args.corpus)
        results, timings = {}, {}
        # Each query's figures and first ten results in every mode: where to look first.
        queries_out = [
            {key: item[key] for key in ("query", "language", "cross_language", "relevant")}
            for item in queries
        ]
        for mode in MODES:
            t0 = time.perf_counter()
            rankings = run_queries(queries, mode, baseline)
            timings[mode] = (time.perf_counter() - t0) / len(queries)
            figures = per_query(queries, rankings)
            results[mode] = score(queries, figures)
            for out, (n, r), ranked in zip(queries_out, figures, rankings, strict=True):
                out[mode] = {"ndcg@10": round(n, 4), "recall@10": round(r, 4), "top": ranked}
        print(f"\n{len(queries)} queries, nDCG@10 / recall@10 ({args.database})\n")
        print_table(results)
        print("\nmean time per query (s): " + ", ".join(f"{m} {t:.3f}" for m, t in timings.items()))
        report = {
            "meta": {"database": args.database, "queries": len(queries), "git": git_state()},
            "results": results,
            "seconds_per_query": timings,
            "queries": queries_out,
        }
        if args.grid:
            report["grid"] = grid(queries)
        RESULTS_DIR.mkdir(exist_ok=True)
        out = RESULTS_DIR / f"search-relevance-{args.database}.json"
        out.write_text(json.dumps(report, indent=2))
        log(f"written to {out}")
        return 0
    finally:
        teardown(database, work, keep=args.work is not None)


if __name__ == "__main__":
    sys.exit(main())
