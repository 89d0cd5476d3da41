"""Writes to the vocabularies."""

import json
from pathlib import Path

from django.conf import settings
from django.db import transaction

from taxonomy.models import Topic

TOPICS_FILE = Path(__file__).resolve().parent / "data" / "topics.json"


def _lang_field(code: str) -> str:
    return "label_" + code.replace("-", "_")


@transaction.atomic
def topics_load(*, path: Path = TOPICS_FILE) -> int:
    """Create or update the topic vocabulary from its data file; return how many topics it has.

    Existing topics keep their id (documents refer to them); labels the ISU changed in the
    admin are overwritten only for topics listed in the file.
    """
    records = json.loads(path.read_text(encoding="utf-8"))["topics"]
    codes = [code for code, _name in settings.LANGUAGES]
    for position, record in enumerate(records):
        parent = Topic.objects.get(slug=record["parent"]) if record["parent"] else None
        labels = record["label"]
        missing = [code for code in codes if not labels.get(code)]
        if missing:
            raise ValueError(f"Topic {record['slug']} lacks labels for {', '.join(missing)}")
        defaults = {"parent": parent, "position": position, "label": labels["en"]}
        defaults.update({_lang_field(code): labels[code] for code in codes})
        Topic.objects.update_or_create(slug=record["slug"], defaults=defaults)
    return len(records)
