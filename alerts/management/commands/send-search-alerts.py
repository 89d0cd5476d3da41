from django.core.management.base import BaseCommand

from alerts.models import Frequency
from alerts.services import alerts_send


class Command(BaseCommand):
    help = (
        "E-mail the daily or weekly digests of saved searches (run from cron: daily once a day, "
        "weekly once a week). Safe to run twice: only documents not yet alerted are sent."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--frequency", required=True, choices=[Frequency.DAILY, Frequency.WEEKLY]
        )

    def handle(self, *args, frequency: str, **options):
        summary = alerts_send(frequency=frequency)
        self.stdout.write(
            f"{summary['searches']} saved searches, {summary['messages']} messages, "
            f"{summary['documents']} documents, {summary['failures']} failures."
        )
        if summary["failures"]:
            self.stderr.write("Some saved searches failed: see the log.")
