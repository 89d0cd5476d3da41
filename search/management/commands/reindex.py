from django.core.management.base import BaseCommand
from tqdm import tqdm

from search.registry import providers
from search.services import terms_rebuild


class Command(BaseCommand):
    help = (
        "Rebuild the search index of every provider and the spelling dictionary; "
        "the site keeps serving meanwhile."
    )

    def add_arguments(self, parser):
        parser.add_argument("--no-progress", action="store_true")

    def handle(self, *args, no_progress: bool = False, **options):
        for provider in providers():
            ids = list(provider.reindex_ids())
            for object_id in tqdm(ids, desc=str(provider.label), unit="obj", disable=no_progress):
                provider.reindex_one(object_id)
            self.stdout.write(f"{provider.name}: {len(ids)} indexed.")
        self.stdout.write(f"spelling: {terms_rebuild()} words.")
