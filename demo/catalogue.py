"""The demo library: real instruments described by public facts, with summaries we wrote."""

import json
from collections import Counter
from pathlib import Path

from documents.services.importing import record_import, relations_import
from organizations.models import Organization

CATALOGUE_FILE = Path(__file__).resolve().parent / "data" / "catalogue.json"


def catalogue_load(*, actor) -> Counter:
    """Publish the demo catalogue on behalf of the ISU; unchanged records are skipped."""
    records = json.loads(CATALOGUE_FILE.read_text(encoding="utf-8"))["records"]
    isu = Organization.objects.get(code="ISU")
    outcomes = [
        record_import(actor=actor, record=record, folder=None, organization=isu)
        for record in records
    ]
    relations_import(actor=actor, records=records)
    problems = [
        f"{o.record_id}: {'; '.join(o.reasons)}"
        for o in outcomes
        if o.result in {"refused", "held"}
    ]
    if problems:
        raise ValueError("Demo catalogue records were not published: " + " | ".join(problems))
    return Counter(outcome.result for outcome in outcomes)
