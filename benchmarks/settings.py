"""Settings of the benchmarks: the test settings, closer to a deployment in two ways.

- Uploaded files go to disk (a temporary folder under SECBIO_DATA_DIR), as with `make run`,
  instead of the test suite's in-memory storage, so an import pays for writing its files.
- SQLite gets the pragmas of the default database of `make run` (WAL, synchronous=NORMAL),
  which a DATABASE_URL does not give it.

Everything else (immediate tasks, fast password hashing, DEBUG off) is config.settings.test.
`bench_library.py --settings config.settings.test` runs with the test settings unchanged.
"""

from config.settings.test import *  # noqa: F403

STORAGES = {
    **STORAGES,  # noqa: F405
    "default": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": str(DATA_DIR / "media")},  # noqa: F405
    },
}

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    DATABASES["default"].setdefault("OPTIONS", {})["init_command"] = (  # noqa: F405
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"
    )

# One folder of vector snapshots for the run, shared by its processes as in a deployment (the
# test settings give each process its own: a second web process would find no snapshot and load
# every passage into memory).
SECBIO_SEARCH_VECTOR_DIR = DATA_DIR / "vectors"  # noqa: F405
