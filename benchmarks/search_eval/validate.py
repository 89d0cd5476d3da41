#!/usr/bin/env python3
"""Validate the judged search-relevance set (queries.json) against the corpus.

Usage: python benchmarks/search_eval/validate.py [path-to-corpus]
Default corpus: ../shared/corpus relative to the repository root.
Standard library only. Exits non-zero on any problem.
"""

import json
import sys
from collections import Counter
from pathlib import Path

LANGS = ("ar", "en", "es", "fr", "ru", "zh")
MIN_PER_LANG = 12
HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent


def load_corpus(path):
    docs = {}
    for f in sorted(Path(path).glob("*.json")):
        d = json.loads(f.read_text(encoding="utf-8"))
        docs[d["id"]] = d
    return docs


def main(argv):
    corpus = Path(argv[1]) if len(argv) > 1 else REPO.parent / "shared" / "corpus"
    if not corpus.is_dir():
        print(f"corpus folder not found: {corpus}")
        return 2
    docs = load_corpus(corpus)
    if not docs:
        print(f"no corpus records in {corpus}")
        return 2
    queries = json.loads((HERE / "queries.json").read_text(encoding="utf-8"))
    problems = []
    seen = set()
    for q in queries:
        qid = q.get("id")
        if qid in seen:
            problems.append(f"{qid}: duplicate id")
        seen.add(qid)
        for key in ("id", "language", "query", "cross_language", "relevant", "note"):
            if key not in q:
                problems.append(f"{qid}: missing field {key}")
        lang = q.get("language")
        if lang not in LANGS:
            problems.append(f"{qid}: invalid language {lang!r}")
        rel = q.get("relevant") or {}
        if not rel:
            problems.append(f"{qid}: no relevant documents")
        for did, grade in rel.items():
            if did not in docs:
                problems.append(f"{qid}: unknown corpus id {did}")
            if grade not in (1, 2):
                problems.append(f"{qid}: grade {grade!r} for {did} (must be 1 or 2)")
        if not any(g == 2 for g in rel.values()):
            problems.append(f"{qid}: no grade-2 document")
        known = {d: g for d, g in rel.items() if d in docs}
        # parallel versions must carry the same grade
        for did, grade in known.items():
            for t in docs[did].get("translations", []):
                if known.get(t) != grade:
                    problems.append(f"{qid}: {did}={grade} but translation {t}={known.get(t)}")
        langs_all = {docs[d]["language"] for d in known}
        langs_g2 = {docs[d]["language"] for d, g in known.items() if g == 2}
        cross = q.get("cross_language")
        if cross is True and lang in langs_all:
            problems.append(f"{qid}: cross_language but a relevant document is in {lang}")
        if cross is False and lang not in langs_g2:
            problems.append(f"{qid}: not cross_language but no grade-2 document in {lang}")
        if cross not in (True, False):
            problems.append(f"{qid}: cross_language must be true or false")
    per_lang = Counter(q.get("language") for q in queries)
    cross_lang = Counter(q.get("language") for q in queries if q.get("cross_language") is True)
    n, n_cross = len(queries), sum(cross_lang.values())
    print(
        f"{n} queries, {n_cross} cross-language ({n_cross / max(n, 1):.0%}); corpus: {len(docs)} records"
    )
    for lang in LANGS:
        print(f"  {lang}: {per_lang[lang]:3d} queries, {cross_lang[lang]:2d} cross-language")
        if per_lang[lang] < MIN_PER_LANG:
            problems.append(f"only {per_lang[lang]} queries in {lang} (need {MIN_PER_LANG})")
    if n_cross * 3 < n:
        problems.append(
            f"only {n_cross} of {n} queries are cross-language (need at least one third)"
        )
    for p in problems:
        print("PROBLEM:", p)
    print("OK" if not problems else f"{len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
