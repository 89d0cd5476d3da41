"""Reference data of the library: the articles of the BWC."""

import json
from pathlib import Path

from django.conf import settings
from django.db import transaction

from documents.models import BWCArticle

ARTICLES_FILE = Path(__file__).resolve().parent.parent / "data" / "bwc_articles.json"


@transaction.atomic
def bwc_articles_load(*, path: Path = ARTICLES_FILE) -> int:
    articles = json.loads(path.read_text(encoding="utf-8"))["articles"]
    codes = [code for code, _name in settings.LANGUAGES]
    for article in articles:
        titles = article["title"]
        BWCArticle.objects.update_or_create(
            number=article["number"],
            defaults={
                "title": titles["en"],
                **{f"title_{code.replace('-', '_')}": titles[code] for code in codes},
            },
        )
    return len(articles)
