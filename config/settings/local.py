"""The embedded default: SQLite and local files under SECBIO_DATA_DIR, nothing else to run."""

import os

from config.env import env_bool, env_str

from .base import *  # noqa: F403
from .base import DATA_DIR

DEBUG = env_bool("DEBUG", True)
# A development key, generated once per data directory and kept there.
DATA_DIR.mkdir(parents=True, exist_ok=True)
_key_file = DATA_DIR / "secret_key"
if "SECRET_KEY" not in os.environ and not _key_file.exists():
    from django.core.management.utils import get_random_secret_key

    _key_file.write_text(get_random_secret_key())
    _key_file.chmod(0o600)
SECRET_KEY = env_str("SECRET_KEY", None) or _key_file.read_text().strip()
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]
SECBIO_DEMO_PASSWORDS_ALLOWED = DEBUG
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG
EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
EMAIL_FILE_PATH = DATA_DIR / "outbox"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "INFO"},
    "loggers": {"django.db.backends": {"level": "WARNING"}},
}
