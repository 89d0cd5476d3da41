import subprocess
import sys

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import connection
from django.db.migrations.executor import MigrationExecutor


class Command(BaseCommand):
    help = (
        "Apply pending migrations, start the background worker (text extraction, e-mail), then "
        "serve the site (default 127.0.0.1:8000). For the embedded default; production runs "
        "gunicorn and `secbio db_worker` separately."
    )

    def add_arguments(self, parser):
        parser.add_argument("addrport", nargs="?", default="127.0.0.1:8000")
        parser.add_argument(
            "--no-worker", action="store_true", help="Do not start the background worker."
        )

    def handle(self, *args, addrport: str, no_worker: bool, **options):
        executor = MigrationExecutor(connection)
        if executor.migration_plan(executor.loader.graph.leaf_nodes()):
            call_command("migrate", interactive=False, verbosity=1)
        worker = None
        if not no_worker and "django_tasks_db" in settings.TASKS["default"]["BACKEND"]:
            # Long work never runs in a request: the worker is a process of its own.
            worker = subprocess.Popen(
                [sys.executable, "-m", "config.cli", "db_worker", "--interval", "1"]
            )
        try:
            call_command("runserver", addrport, use_reloader=False)
        finally:
            if worker is not None:
                worker.terminate()
                worker.wait(timeout=10)
