"""Settings shared by every environment. The environment is read only through config.env."""

from pathlib import Path

from django.utils.translation import gettext_lazy as _

from config.env import env_database, env_int, env_list, env_path, env_str

BASE_DIR = Path(__file__).resolve().parent.parent.parent

# Everything the embedded default writes (SQLite database, uploads, caches) lives here.
DATA_DIR = env_path("SECBIO_DATA_DIR", BASE_DIR / "var")

SECRET_KEY = env_str("SECRET_KEY", "")  # each environment module insists on one
DEBUG = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", [])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "modeltranslation",  # must come before django.contrib.admin
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.forms",
    "django.contrib.sites",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "axes",
    "csp",
    "django_htmx",
    "django_tasks",
    "django_tasks_db",
    # SecBio, from the foundation up (see STYLE.md, "Which app may import which").
    "core",
    "notifications",
    "search",
    "taxonomy",
    "audit",
    "organizations",
    "accounts",
    "documents",
    "alerts",
    "implementation",
    "demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "accounts.middleware.StaffMFARequiredMiddleware",
    # Axes must be last: it turns a lockout raised by authentication into a response.
    "axes.middleware.AxesMiddleware",
]

FORM_RENDERER = "core.forms.SecBioFormRenderer"
ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"
SITE_ID = 1

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "core.context_processors.site",
                "accounts.context_processors.account_status",
                "notifications.context_processors.unread",
            ],
        },
    },
]

DATABASES = {
    "default": env_database("DATABASE_URL", default_sqlite_path=DATA_DIR / "secbio.sqlite3")
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# --- Accounts -------------------------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "accounts:profile"

ACCOUNT_ADAPTER = "accounts.adapters.AccountAdapter"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = False
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_SESSION_REMEMBER = None
ACCOUNT_FORMS = {"signup": "accounts.forms.SignupForm"}
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[SecBio] "
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "SecBio"

# Login rate limiting: lock an address and account pair after repeated failures.
AXES_FAILURE_LIMIT = env_int("SECBIO_LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = 0.25  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_USERNAME_CALLABLE = "accounts.auth.login_identifier"
AXES_LOCKOUT_CALLABLE = "accounts.views.lockout"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False

# --- Sessions and cookies -------------------------------------------------------------------
SESSION_COOKIE_AGE = 60 * 60 * 12
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

# Content Security Policy: every asset is served by SecBio itself.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}

# --- Languages ------------------------------------------------------------------------------
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("ar", _("Arabic")),
    ("zh-hans", _("Chinese")),
    ("en", _("English")),
    ("fr", _("French")),
    ("ru", _("Russian")),
    ("es", _("Spanish")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "UTC"
MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_FALLBACK_LANGUAGES = ("en",)

# --- Static and uploaded files --------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_ROOT = DATA_DIR / "media"  # never served directly: downloads go through views
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# --- E-mail ---------------------------------------------------------------------------------
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "SecBio <no-reply@secbio.localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"

# --- Background work: database-backed queue, `secbio db_worker` runs it -----------------------
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# --- SecBio ---------------------------------------------------------------------------------
SECBIO_DEMO_PASSWORDS_ALLOWED = False  # only local settings with DEBUG on allow them
SECBIO_SITE_NAME = "SecBio"
# The site's public address, for links in e-mails sent outside a request (alerts, digests).
SECBIO_SITE_URL = env_str("SECBIO_SITE_URL", "http://127.0.0.1:8000").rstrip("/")
SECBIO_BEHIND_PROXY = False
SECBIO_UPLOAD_MAX_BYTES = env_int("SECBIO_UPLOAD_MAX_BYTES", 50 * 1024 * 1024)
SECBIO_RECONFIRM_AFTER_DAYS = env_int("SECBIO_RECONFIRM_AFTER_DAYS", 730)
SECBIO_CLAMD_SOCKET = env_str("SECBIO_CLAMD_SOCKET", "") or None  # e.g. /run/clamav/clamd.ctl
SECBIO_EXTRACTION_MAX_PAGES = env_int("SECBIO_EXTRACTION_MAX_PAGES", 2000)
SECBIO_EXTRACTION_MAX_CHARS = env_int("SECBIO_EXTRACTION_MAX_CHARS", 5_000_000)

# Semantic search (search/embeddings.py, search/vectors.py); tuned on benchmarks/search_eval.
SECBIO_SEARCH_ENCODER_THREADS = env_int("SECBIO_SEARCH_ENCODER_THREADS", 2)
SECBIO_SEARCH_PASSAGE_CHARS = env_int("SECBIO_SEARCH_PASSAGE_CHARS", 1000)
SECBIO_SEARCH_PASSAGES_PER_OBJECT = env_int("SECBIO_SEARCH_PASSAGES_PER_OBJECT", 32)
# SQLite only: passages beyond this many since the last snapshot trigger a new snapshot. Each
# web process holds them as floats (2 kB a passage); a snapshot of 1.46 million takes 80 s.
SECBIO_SEARCH_VECTOR_TAIL_LIMIT = env_int("SECBIO_SEARCH_VECTOR_TAIL_LIMIT", 5_000)
# The spelling dictionary is rebuilt from every public text at most this often (search/tasks.py).
SECBIO_SPELLING_REBUILD_SECONDS = env_int("SECBIO_SPELLING_REBUILD_SECONDS", 900)
SECBIO_SEARCH_VECTOR_DIR = env_path("SECBIO_SEARCH_VECTOR_DIR", DATA_DIR / "vectors")
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "json": {"()": "core.logging.JsonFormatter"},
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "json"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        "axes": {"level": "WARNING"},
    },
}
