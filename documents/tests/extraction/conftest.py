"""The shared corpus of real legal texts, for the tests that measure on it."""

import json
import os
from pathlib import Path

import pytest

SHARED_DIR = Path(__file__).resolve().parents[4] / "shared"
CORPUS_DIR = SHARED_DIR / "corpus"


@pytest.fixture(scope="session")
def corpus() -> dict[str, dict]:
    """Every record of shared/corpus by id; skips where shared/ is absent (a fresh clone),
    but fails in CI, which always has it."""
    if not CORPUS_DIR.is_dir():
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"{CORPUS_DIR} is missing in CI")
        pytest.skip(f"{CORPUS_DIR} is absent (a clone without the team's shared data)")
    records = (json.loads(p.read_text(encoding="utf-8")) for p in sorted(CORPUS_DIR.glob("*.json")))
    return {record["id"]: record for record in records}
