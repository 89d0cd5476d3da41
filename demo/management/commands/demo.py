from django.core.exceptions import ImproperlyConfigured
from django.core.management.base import BaseCommand, CommandError

from accounts.models import User
from demo.catalogue import catalogue_load
from demo.personas import DEMO_PASSWORD, PERSONAS, personas_load
from documents.services.reference import bwc_articles_load
from implementation.services import areas_load
from organizations.services import organizations_load
from taxonomy.services import topics_load


class Command(BaseCommand):
    help = "Load the demo data: organizations, vocabularies and one persona per role. Safe to run twice."

    def add_arguments(self, parser):
        parser.add_argument(
            "--without-personas",
            action="store_true",
            help="Load reference data only (any environment).",
        )

    def handle(self, *args, without_personas: bool = False, **options):
        counts = organizations_load()
        self.stdout.write(
            f"Organizations: {counts['states']} States, {counts['international']} international."
        )
        self.stdout.write(
            f"Topics: {topics_load()}; BWC articles: {bwc_articles_load()}; implementation areas: {areas_load()}."
        )
        if without_personas:
            return
        try:
            personas_load()
        except ImproperlyConfigured as error:
            raise CommandError(
                f"{error} Use --without-personas to load reference data only."
            ) from None
        administrator = User.objects.get(email="admin@demo.secbio.test")
        counts = catalogue_load(actor=administrator)
        self.stdout.write(f"Demo library: {dict(counts)}.")
        self.stdout.write(f"Demo personas (password: {DEMO_PASSWORD}):")
        for persona in PERSONAS:
            role = persona.isu_role or persona.role
            self.stdout.write(
                f"  {persona.email:32} {role} {persona.organization or 'ISU'} {persona.status or ''}"
            )
