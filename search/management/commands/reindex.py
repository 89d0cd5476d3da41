from django.core.management.base import BaseCommand
from tqdm import tqdm

from search.registry import providers
from search.services import terms_rebuild, vector_snapshot_build


class Command(BaseCommand):
    help = (
        "Rebuild the search index of every provider and the spelling dictionary; "
        "the site keeps serving meanwhile."
    )

    def add_arguments(self, parser):
        parser.add_argument("--no-progress", action="store_true")
        parser.add_argument(
            "--only",
            choices=["lexical", "semantic", "snapshot", "spelling"],
            help=(
                "Rebuild one part: the words, the embeddings, the vector snapshot of the stored "
                "embeddings (SQLite) or the spelling dictionary."
            ),
        )

    def handle(self, *args, no_progress: bool = False, only: str | None = None, **options):
        # Every object's words first, so everything is findable while the embeddings follow.
        for provider in providers() if only != "spelling" else []:
            if only == "snapshot":
                if provider.embed_one is not None:
                    vectors = vector_snapshot_build(provider.content_type)
                    self.stdout.write(f"{provider.name}: {vectors}.")
                continue
            ids = list(provider.reindex_ids())
            if only != "semantic":
                for object_id in tqdm(ids, desc=f"{provider.label}: words", disable=no_progress):
                    provider.reindex_one(object_id)
                self.stdout.write(f"{provider.name}: {len(ids)} indexed (words).")
            if only in (None, "semantic") and provider.embed_one is not None:
                for object_id in tqdm(ids, desc=f"{provider.label}: meaning", disable=no_progress):
                    provider.embed_one(object_id)
                vectors = vector_snapshot_build(provider.content_type)
                self.stdout.write(f"{provider.name}: {len(ids)} indexed (meaning, {vectors}).")
        if only in (None, "spelling"):
            self.stdout.write(f"spelling: {terms_rebuild()} words.")
