from django.core.management.base import BaseCommand

from documents.services.reconfirmation import reconfirmation_remind


class Command(BaseCommand):
    help = "E-mail organizations whose published documents are due for reconfirmation (run daily)."

    def handle(self, *args, **options):
        self.stdout.write(f"Reminders sent for {reconfirmation_remind()} documents.")
