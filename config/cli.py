"""The `secbio` command: Django's manage.py, installed with the package."""

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.local")
    from django.core.exceptions import ImproperlyConfigured
    from django.core.management import execute_from_command_line

    try:
        execute_from_command_line(sys.argv)
    except ImproperlyConfigured as exc:
        # A bad environment should read as a sentence naming the variable, not a traceback.
        sys.stderr.write(f"secbio: configuration error: {exc}\n")
        sys.exit(2)


if __name__ == "__main__":
    main()
