from collections import Counter
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from documents.services.importing import record_import, records_read, relations_import
from organizations.models import Organization


class Command(BaseCommand):
    help = (
        "Import a folder of JSON records (the format of shared/corpus): create or update documents "
        "by their id, screen them like uploads and publish those that pass. Safe to re-run: an "
        "interrupted import resumes, unchanged records are skipped."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "path", type=Path, help="Folder of *.json records (files may sit beside them)."
        )
        parser.add_argument(
            "--review", action="store_true", help="Send every record to the review queue."
        )
        parser.add_argument(
            "--organization", default="ISU", help="Code of the contributing organization."
        )
        parser.add_argument(
            "--user", help="E-mail of the importing administrator (default: the first one)."
        )
        parser.add_argument("--no-progress", action="store_true")

    def handle(
        self,
        *args,
        path: Path,
        review: bool,
        organization: str,
        user: str | None,
        no_progress: bool,
        **options,
    ):
        if not path.is_dir():
            raise CommandError(f"{path} is not a folder.")
        actor = self._actor(user)
        contributor = Organization.objects.filter(code__iexact=organization).first()
        if contributor is None:
            raise CommandError(
                f"Unknown organization code {organization!r}; run `secbio demo --without-personas` first."
            )
        records, outcomes = records_read(path)
        for record in tqdm(records, desc="Importing", unit="doc", disable=no_progress):
            outcomes.append(
                record_import(
                    actor=actor, record=record, folder=path, organization=contributor, review=review
                )
            )
        links = relations_import(actor=actor, records=records)
        self._summary(outcomes, links)

    def _actor(self, email: str | None):
        users = get_user_model().objects.filter(isu_role="administrator", is_active=True)
        actor = users.filter(email__iexact=email).first() if email else users.order_by("pk").first()
        if actor is None:
            raise CommandError(
                "An active ISU administrator is needed (--user EMAIL, or `secbio createsuperuser`)."
            )
        return actor

    def _summary(self, outcomes, links: int) -> None:
        counts = Counter(outcome.result for outcome in outcomes)
        self.stdout.write(
            "created {created}, updated {updated}, unchanged {unchanged}, held {held}, refused {refused}; "
            "{links} language links".format(
                links=links,
                **{
                    key: counts.get(key, 0)
                    for key in ("created", "updated", "unchanged", "held", "refused")
                },
            )
        )
        for outcome in outcomes:
            if outcome.result in {"held", "refused"} or outcome.warnings:
                for line in [*outcome.reasons, *outcome.warnings]:
                    self.stdout.write(f"  {outcome.record_id}: {outcome.result}: {line}")
