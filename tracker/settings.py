"""Settings for the workbench, read from the environment.

One file, small typed helpers (in the manner of healthchecks): every value a
deployment may change is an environment variable with a safe default for the
embedded, single-analyst SQLite set-up.
"""

import ipaddress
import os
import re
import sys
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    lowered = value.strip().lower()
    if lowered in {"1", "true", "yes", "on"}:
        return True
    if lowered in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be 0 or 1 (got {value!r}).")


def env_int(name: str, default: int, *, minimum: int | None = None) -> int:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    try:
        number = int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number (got {value!r}).") from None
    if minimum is not None and number < minimum:
        raise ImproperlyConfigured(f"{name} must be {minimum} or more (got {number}).")
    return number


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in env_str(name, default).split(",") if item.strip()]


def ip_networks(name: str, values: list[str]) -> list[str]:
    """`values` if each is an IP address or network (10.0.0.2, 172.30.0.0/24)."""
    for value in values:
        try:
            ipaddress.ip_network(value, strict=False)
        except ValueError:
            raise ImproperlyConfigured(
                f"{name} must list IP addresses or networks (got {value!r})."
            ) from None
    return values


def throttle_rate(name: str, value: str) -> str:
    """A DRF rate such as 60/min (per second, minute, hour or day)."""
    if not re.fullmatch(r"[1-9][0-9]*/(s|sec|m|min|h|hour|d|day)", value):
        raise ImproperlyConfigured(
            f"{name} must be a number of requests per s, min, hour or day, such as "
            f"60/min (got {value!r})."
        )
    return value


DEBUG = env_bool("DJANGO_DEBUG", True)

SECRET_KEY = env_str("DJANGO_SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY must be set when DJANGO_DEBUG=0 (production)."
        )
    # Development only: a fixed, obviously insecure key so sessions survive restarts.
    SECRET_KEY = "django-insecure-development-key-do-not-use-in-production"  # noqa: S105

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost" if DEBUG else "")
if not DEBUG and not ALLOWED_HOSTS:
    raise ImproperlyConfigured("DJANGO_ALLOWED_HOSTS must be set when DJANGO_DEBUG=0.")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "rest_framework",
    "rest_framework.authtoken",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "simple_history",
    "axes",
    "csp",
    # The task queue (Django 6's django.tasks, backported): background imports.
    "django_tasks",
    "django_tasks_db",
    "tracker",
    "annotations",
]

MIDDLEWARE = [
    # First: proxy headers from anyone but a trusted proxy are dropped (WB_TRUSTED_PROXIES).
    "tracker.web.proxies.TrustedProxyMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # API answers are never cached (set on every answer below, errors included).
    "tracker.web.middleware.ApiNoStoreMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Login required everywhere but the login page (and static files).
    "tracker.web.middleware.LoginRequiredMiddleware",
    # Last, as django-axes asks: it turns lock-outs into responses.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "tracker.urls"
WSGI_APPLICATION = "tracker.wsgi.application"
ASGI_APPLICATION = "tracker.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# DATABASE_URL: sqlite:///path or postgres://user:pass@host:port/name
# (a PostgreSQL socket directory goes in ?host=/path).
DEFAULT_SQLITE = f"sqlite:///{BASE_DIR / 'data' / 'workbench.sqlite3'}"
DATABASE_URL = env_str("DATABASE_URL", DEFAULT_SQLITE)
try:
    DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60)}
except ValueError as exc:
    raise ImproperlyConfigured(f"DATABASE_URL is not a database URL: {exc}") from None
if not DATABASES["default"].get("NAME"):
    raise ImproperlyConfigured(
        "DATABASE_URL names no database (e.g. postgres://user:password@host:5432/workbench)."
    )
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    sqlite_path = Path(DATABASES["default"]["NAME"])
    if str(sqlite_path) != ":memory:":
        sqlite_path.parent.mkdir(parents=True, exist_ok=True)
    # Several analysts' browsers write at once: wait for the lock instead of failing.
    DATABASES["default"]["OPTIONS"] = {"timeout": 20, "transaction_mode": "IMMEDIATE"}
    DATABASES["default"]["CONN_MAX_AGE"] = 0
else:
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "/meetings/"
LOGOUT_REDIRECT_URL = "login"

# The proxies in front (addresses or networks): only from them are X-Forwarded-For and
# X-Forwarded-Proto believed (tracker.web.proxies), so lock-outs and throttles count
# each client's own address and nobody else can claim HTTPS or another address.
WB_TRUSTED_PROXIES = ip_networks("WB_TRUSTED_PROXIES", env_list("WB_TRUSTED_PROXIES"))

# Login rate limiting (tracker.web.login): a username at one address is locked after
# WB_LOGIN_FAILURE_LIMIT failures, an address after WB_LOGIN_ADDRESS_FAILURE_LIMIT over
# all usernames, each for 15 minutes. 0 would lock every login out: refused.
AXES_FAILURE_LIMIT = env_int("WB_LOGIN_FAILURE_LIMIT", 5, minimum=1)
WB_LOGIN_ADDRESS_FAILURE_LIMIT = env_int("WB_LOGIN_ADDRESS_FAILURE_LIMIT", 20, minimum=1)
AXES_COOLOFF_TIME = 0.25  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_HANDLER = "tracker.web.login.LoginAttemptHandler"
AXES_CLIENT_IP_CALLABLE = "tracker.web.proxies.client_address"
AXES_RESET_ON_SUCCESS = True
AXES_ENABLED = env_bool("WB_LOGIN_RATE_LIMIT", True)

LANGUAGE_CODE = "en"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
# In production `collectstatic` fills STATIC_ROOT; in development WhiteNoise serves from the
# finders, but still expects the folder to exist.
WHITENOISE_USE_FINDERS = DEBUG
STATIC_ROOT.mkdir(exist_ok=True)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "tracker.web.staticfiles.ManifestStaticFilesStorage"
            if not DEBUG
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}

# Uploads (press releases, fixtures, .qdpx) are read in memory up to this size.
DATA_UPLOAD_MAX_MEMORY_SIZE = 20 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 20 * 1024 * 1024

# A bulk import's multi-file upload: hundreds of records in one request (Django's default
# is 100 files); their total size is limited by tracker.imports.bulk.
DATA_UPLOAD_MAX_NUMBER_FILES = 1000

# Background work (bulk imports, large PDFs) goes through Django's task framework. The
# database backend keeps the queue in the configured database (SQLite or PostgreSQL), run
# by `python manage.py db_worker`; WB_TASKS_BACKEND=immediate runs each task inside the
# request instead (no worker; a long import then holds the web worker).
TASKS_BACKENDS = {
    "database": "django_tasks_db.DatabaseBackend",
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
}
TASKS_BACKEND = env_str("WB_TASKS_BACKEND", "database")
if TASKS_BACKEND not in TASKS_BACKENDS:
    raise ImproperlyConfigured(
        f"WB_TASKS_BACKEND must be {' or '.join(TASKS_BACKENDS)} (got {TASKS_BACKEND!r})."
    )
TASKS = {"default": {"BACKEND": TASKS_BACKENDS[TASKS_BACKEND], "QUEUES": ["default"]}}

# What the admin's fixture loader takes (tracker.fixture_loading.loadable): the
# workbench's own domain records and no others — never users, groups, tokens, sessions,
# the admin's log or history. The analysis app checks its records with the rules of its
# services (annotations/coding/fixture_checks.py).
FIXTURE_LOADABLE_MODELS = [
    "tracker.meeting",
    "tracker.speaker",
    "tracker.statement",
    "tracker.delegation",
    "tracker.delegationalias",
    "annotations.codingscheme",
    "annotations.code",
    "annotations.annotation",
    "annotations.missedopportunity",
]

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.SessionAuthentication",
        # DRF's, with a limit on wrong tokens per address (the wrong_token rate).
        "tracker.web.login.TokenAuthentication",
    ],
    # Per client address (anonymous) and per user: beyond, a 429 with Retry-After. The
    # counts live in the cache (each process's memory unless CACHES says otherwise).
    "DEFAULT_THROTTLE_CLASSES": [
        "tracker.web.login.AnonRateThrottle",
        "tracker.web.login.UserRateThrottle",
    ],
    "DEFAULT_THROTTLE_RATES": {
        "anon": throttle_rate("WB_API_ANON_RATE", env_str("WB_API_ANON_RATE", "60/min")),
        "user": throttle_rate("WB_API_USER_RATE", env_str("WB_API_USER_RATE", "1200/min")),
        "wrong_token": throttle_rate(
            "WB_API_WRONG_TOKEN_RATE", env_str("WB_API_WRONG_TOKEN_RATE", "20/hour")
        ),
    },
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    # DRF's parsers with a JSON one that refuses deep nesting, lone surrogates and
    # bodies past DATA_UPLOAD_MAX_MEMORY_SIZE with a 400/413 (tracker.web.parsers).
    "DEFAULT_PARSER_CLASSES": [
        "tracker.web.parsers.JSONParser",
        "rest_framework.parsers.FormParser",
        "rest_framework.parsers.MultiPartParser",
    ],
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_PAGINATION_CLASS": "tracker.web.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "tracker.web.errors.exception_handler",
}

SPECTACULAR_SETTINGS = {
    "TITLE": "Gender-analysis annotation workbench API",
    "DESCRIPTION": "Meetings, statements, codebooks, annotations, reports and exports.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    # Every page and endpoint needs a login, the schema and its docs included.
    "SERVE_PERMISSIONS": ["rest_framework.permissions.IsAuthenticated"],
    # Several serializers have a "source" choice; name the annotation one explicitly.
    "ENUM_NAME_OVERRIDES": {
        "AnnotationSourceEnum": "annotations.models.AnnotationSource",
        # The report's "source" (all / analyst / adjudicated) is another choice set.
        "ReportSourceEnum": "annotations.reports.options.SOURCES",
        # The import API calls it "type" and "speaker_type": one enum, one name.
        "SpeakerTypeEnum": "tracker.models.SpeakerType",
    },
}

# Content-Security-Policy: no inline scripts anywhere; data reaches scripts via json_script.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
    }
}

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False  # the annotation page's script reads it to call the API
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
if not DEBUG:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = env_int("DJANGO_HSTS_SECONDS", 60 * 60 * 24 * 365)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    # Behind a load balancer that terminates TLS.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler", "stream": sys.stderr}},
    "root": {"handlers": ["console"], "level": env_str("DJANGO_LOG_LEVEL", "WARNING")},
}

# backup_database writes timestamps to the microsecond (Django's JSON cuts milliseconds)
# and restore_database reads its file a record at a time.
SERIALIZATION_MODULES = {"exactjson": "annotations.management.commands._exact_json"}
