from django.core.management.base import BaseCommand
from tqdm import tqdm

from documents.models import Document
from implementation.services import tags_suggest


class Command(BaseCommand):
    help = "Recompute the suggested implementation areas of every published document (decisions are kept)."

    def add_arguments(self, parser):
        parser.add_argument("--no-progress", action="store_true")

    def handle(self, *args, no_progress: bool = False, **options):
        ids = list(
            Document.objects.filter(published_revision__isnull=False).values_list("pk", flat=True)
        )
        suggested = sum(
            tags_suggest(document_id=pk) for pk in tqdm(ids, disable=no_progress, unit="doc")
        )
        self.stdout.write(f"{suggested} suggestions for {len(ids)} documents.")
