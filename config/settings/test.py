"""Settings for the test suite: the database comes from DATABASE_URL (SQLite when unset)."""

import os

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-secret-key-that-is-long-enough-for-django-checks-0123456789"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
SECBIO_DEMO_PASSWORDS_ALLOWED = True
WHITENOISE_USE_FINDERS = True
# Tasks run at once in tests (after the transaction commits), through the same code as the worker.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
# Each test publishes a few documents and expects their words suggested at once.
SECBIO_SPELLING_REBUILD_SECONDS = 0
WHITENOISE_AUTOREFRESH = True
LOGGING = {"version": 1, "disable_existing_loggers": False}

# A file, not memory, for SQLite: the live server and connection tests then see a real database.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    DATA_DIR.mkdir(parents=True, exist_ok=True)  # noqa: F405
    # One file per test process, so concurrent runs never share it.
    DATABASES["default"]["TEST"] = {"NAME": str(DATA_DIR / f"test-secbio-{os.getpid()}.sqlite3")}  # noqa: F405
    # The embedded vector index's snapshots belong to that database: one folder per process too.
    SECBIO_SEARCH_VECTOR_DIR = DATA_DIR / f"test-vectors-{os.getpid()}"  # noqa: F405
