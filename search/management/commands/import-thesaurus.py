from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from search.thesaurus import thesaurus_import
from search.vocabulary_files import UnreadableVocabulary


class Command(BaseCommand):
    help = (
        "Load a thesaurus: the UNBIS TSV (ar, zh, en, fr, ru, es columns) or a SKOS file "
        "(RDF/XML, Turtle or N-Triples)."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path)
        parser.add_argument(
            "--source", default="UNBIS", help="Name of the vocabulary (replaces its concepts)."
        )

    def handle(self, *args, path: Path, source: str, **options):
        if not path.is_file():
            raise CommandError(f"{path} is not a file.")
        try:
            count = thesaurus_import(path=path, source=source)
        except (UnicodeDecodeError, UnreadableVocabulary) as error:
            raise CommandError(f"{path} could not be read: {error}") from None
        self.stdout.write(f"{count} concepts loaded from {path} ({source}).")
