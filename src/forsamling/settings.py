"""Django settings for Forsamling, read from the environment.

The defaults are safe for production (DEBUG off, secure cookies, HSTS); the demo and the test
runner switch what they need through environment variables. See README.md, "Settings".
"""

import ipaddress
import os
from datetime import timedelta
from ipaddress import ip_network
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from forsamling.ops.logs import formatter
from forsamling.ops.sentry import init_sentry
from forsamling.ops.version import read_version

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(os.environ.get("FORSAMLING_VAR_DIR", BASE_DIR / "var"))


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [part.strip() for part in os.environ.get(name, default).split(",") if part.strip()]


DEBUG = env_bool("DEBUG")

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off.")
    SECRET_KEY = "insecure-development-key-only-for-debug"  # noqa: S105

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "forsamling.backoffice.apps.ForsamlingAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "forsamling.outbox",  # before django_tasks_db: its db_worker also recovers mail tasks
    "django_tasks",
    "django_tasks_db",
    "forsamling.core",
    "forsamling.conferences",
    "forsamling.programme",
    "forsamling.registration",
    "forsamling.preferences",
    "forsamling.outputs",
    "forsamling.exhibitors",
    "forsamling.public",
    "forsamling.backoffice",
    "forsamling.demo",
    "forsamling.checkin",
    "forsamling.invoicing",
    "forsamling.privacy",
    "forsamling.prizes",
    "forsamling.surveys",
    "forsamling.figures",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "csp",
    "axes",
    "forsamling.accounts",
    "forsamling.invitations",
    "forsamling.speakers",
    "forsamling.ops",
    "rest_framework",
    "drf_spectacular",
    "forsamling.api",
]

MIDDLEWARE = [
    # First: the request id, metrics and access log see every answer; /healthz and /readyz
    # are answered here, before the HTTPS redirect and the session, CSRF and login work.
    "forsamling.ops.middleware.RequestMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "forsamling.core.security.PermissionsPolicyMiddleware",
    "forsamling.core.security.NoStoreMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "forsamling.core.middleware.DanishFirstLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "forsamling.public.page_cache.PublicPageCacheMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "forsamling.backoffice.session_timeout.StaffSessionTimeoutMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "forsamling.urls"
WSGI_APPLICATION = "forsamling.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "src" / "forsamling" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "forsamling.core.context_processors.site",
                "forsamling.ops.context_processors.version",
            ],
            "builtins": ["forsamling.core.templatetags.danish"],
        },
    }
]

# Databases: embedded SQLite by default, PostgreSQL 15 in production (DATABASE_URL).
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{VAR_DIR / 'forsamling.sqlite3'}"),
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "0")),
        conn_health_checks=True,
    )
}
# Behind PgBouncer in transaction mode (DATABASE_POOLER=transaction) a connection's session
# is not kept between transactions: no server-side cursors (QuerySet.iterator()) then.
# Nothing else here relies on the session: locks are transaction-level, SETs are SET LOCAL,
# and psycopg's client-side cursors (Django's default) prepare no statements.
if os.environ.get("DATABASE_POOLER", "") == "transaction":
    DATABASES["default"]["DISABLE_SERVER_SIDE_CURSORS"] = True
elif os.environ.get("DATABASE_POOLER", ""):
    raise ValueError("DATABASE_POOLER: only 'transaction' (PgBouncer's pool_mode) is known")
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers run beside the one writer; IMMEDIATE takes the write lock when a
    # transaction starts, so two writers never deadlock upgrading read locks mid-transaction.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;"
        ),
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "admin:login"
# django-axes first: it refuses a locked-out user or address before the password is checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesBackend",
    "django.contrib.auth.backends.ModelBackend",
]

# Danish first, English second; Danish time.
LANGUAGE_CODE = "da"
LANGUAGES = [("da", "Dansk"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Copenhagen"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
_DKFDS = BASE_DIR / "node_modules" / "dkfds" / "dist"
STATICFILES_DIRS = [
    ("dkfds/css", _DKFDS / "css"),
    ("dkfds/js", _DKFDS / "js"),
    ("dkfds/fonts", _DKFDS / "fonts"),
    ("dkfds/img", _DKFDS / "img"),
    ("altcha", BASE_DIR / "node_modules" / "altcha" / "dist_external"),
    # The check-in app's libraries, served as they are installed (no copies, no CDN).
    ("vendor/idb", BASE_DIR / "node_modules" / "idb" / "build"),
    ("vendor/barcode-detector", BASE_DIR / "node_modules" / "barcode-detector" / "dist" / "iife"),
    ("vendor/zxing-wasm", BASE_DIR / "node_modules" / "zxing-wasm" / "dist" / "reader"),
]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# Background work: django-tasks with its database backend; `manage.py db_worker` runs it.
TASKS = {"default": {"BACKEND": os.environ.get("TASKS_BACKEND", "django_tasks_db.DatabaseBackend")}}

# E-mail through Django's framework; the demo writes messages to files it can list.
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
EMAIL_FILE_PATH = os.environ.get("EMAIL_FILE_PATH", str(VAR_DIR / "mail"))
DEFAULT_FROM_EMAIL = os.environ.get(
    "DEFAULT_FROM_EMAIL", "Social- og Sundhedspolitisk Forum <forum@example.org>"
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# Seconds to wait for the mail server before an attempt counts as failed (and is retried).
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "10"))
# A mail task or a claimed message older than this belonged to a worker that died.
EMAIL_RECOVERY_AFTER = int(os.environ.get("EMAIL_RECOVERY_AFTER", "600"))
EMAIL_RECOVERY_INTERVAL = int(os.environ.get("EMAIL_RECOVERY_INTERVAL", "30"))  # how often
# The pauses (seconds) before each new attempt after a temporary failure; empty: the
# built-in 1 minute to 12 hours (forsamling.domain.mail). The fault benchmark shortens them.
EMAIL_RETRY_PAUSES = [int(s) for s in env_list("EMAIL_RETRY_PAUSES")]
# The public address of the site, for links in e-mails sent outside a request.
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

# Staff log in to the back office with a second factor (TOTP); off only for local development.
FORSAMLING_REQUIRE_OTP = env_bool("FORSAMLING_REQUIRE_OTP", not DEBUG)

CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# The programme and the registration form are shared by anonymous visitors for this long (per
# process), so a crowd reloading them costs little; seat counts on the form are at most this old.
PUBLIC_PAGE_CACHE_SECONDS = float(os.environ.get("PUBLIC_PAGE_CACHE_SECONDS", "1"))

# Security: on by default, relaxed only for local HTTP in DEBUG.
SECURE = not DEBUG
SESSION_COOKIE_SECURE = SECURE
CSRF_COOKIE_SECURE = SECURE
SESSION_COOKIE_HTTPONLY = True
# Staff sessions (forsamling.backoffice.session_timeout): logged out after this long without a
# request, and after STAFF_SESSION_MAX_AGE in any case. Participants have no login sessions.
STAFF_SESSION_IDLE_TIMEOUT = timedelta(
    minutes=int(os.environ.get("STAFF_SESSION_IDLE_MINUTES", "30"))
)
STAFF_SESSION_MAX_AGE = timedelta(hours=int(os.environ.get("STAFF_SESSION_MAX_HOURS", "12")))
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", SECURE)
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", 31536000 if SECURE else 0))
SECURE_HSTS_INCLUDE_SUBDOMAINS = SECURE
SECURE_HSTS_PRELOAD = SECURE
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
if env_bool("BEHIND_TLS_PROXY"):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# Logs: one JSON object per line in production (LOG_FORMAT=json, the default without DEBUG),
# plain text in development. Every line carries the request's id (X-Request-ID) or the worker's
# task id (forsamling.ops.logs); one access line per request (logger "forsamling.access",
# ACCESS_LOG=0 turns it off), none for /healthz, /readyz and /metrics.
LOG_LEVEL = os.environ.get("LOG_LEVEL", "WARNING")
LOG_FORMAT = os.environ.get("LOG_FORMAT", "text" if DEBUG else "json").strip().lower()
if LOG_FORMAT not in {"json", "text"}:
    raise ImproperlyConfigured("LOG_FORMAT must be json or text.")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        # No private token or e-mail address in the application's logs (see forsamling.privacy).
        "redact": {"()": "forsamling.privacy.logfilter.RedactPersonalData"},
        "context": {"()": "forsamling.ops.logs.RequestContext"},
    },
    "formatters": {"main": formatter(LOG_FORMAT)},
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["redact", "context"],
            "formatter": "main",
        }
    },
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    # Django's own handlers (runserver's request lines, DEBUG's console) would bypass the filter.
    "loggers": {
        "django": {"handlers": ["console"], "level": LOG_LEVEL, "propagate": False},
        "django.server": {"handlers": ["console"], "level": "INFO", "propagate": False},
        "forsamling.access": {
            "handlers": ["console"],
            "level": "INFO" if env_bool("ACCESS_LOG", True) else "WARNING",
            "propagate": False,
        },
    },
}

# Invoices: where the default sending backend writes the issued files (see docs/invoicing.md).
FORSAMLING_INVOICE_BACKEND = os.environ.get(
    "FORSAMLING_INVOICE_BACKEND", "forsamling.invoicing.sending.FileBackend"
)
FORSAMLING_INVOICE_OUTBOX = os.environ.get(
    "FORSAMLING_INVOICE_OUTBOX", str(VAR_DIR / "invoices" / "outbox")
)
# Web Push to participants who opt in on "Mit program" (forsamling.registration.push): off
# unless both VAPID keys are set; `manage.py generate_vapid_keys` makes a pair.
FORSAMLING_VAPID_PUBLIC_KEY = os.environ.get("FORSAMLING_VAPID_PUBLIC_KEY", "")
FORSAMLING_VAPID_PRIVATE_KEY = os.environ.get("FORSAMLING_VAPID_PRIVATE_KEY", "")
FORSAMLING_VAPID_SUBJECT = os.environ.get("FORSAMLING_VAPID_SUBJECT", "mailto:forum@example.org")
FORSAMLING_PUSH_ALLOW_HTTP = False  # only https push services (tests use a local http one)
# Content-Security-Policy (django-csp 4), enforced: scripts, styles, fonts and images only from
# our own static files (no inline script, no inline style, no style attribute), no framing.
# The back office's SVG charts and the TOTP QR code are inline <svg> markup, which CSP allows.
from csp.constants import NONE, SELF  # noqa: E402

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "worker-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

# Permissions-Policy on every answer (forsamling.core.security): no page may use the camera,
# microphone, location, payment or USB, except the camera on the check-in app's scanner page.
PERMISSIONS_POLICY: dict[str, list[str]] = {
    "accelerometer": [],
    "autoplay": [],
    "camera": [],
    "display-capture": [],
    "encrypted-media": [],
    "geolocation": [],
    "gyroscope": [],
    "magnetometer": [],
    "microphone": [],
    "midi": [],
    "payment": [],
    "picture-in-picture": [],
    "publickey-credentials-get": [],
    "screen-wake-lock": [],
    "usb": [],
    "xr-spatial-tracking": [],
}
# The views (by name) that may use the camera on their own origin.
PERMISSIONS_POLICY_CAMERA_VIEWS = [
    "backoffice:checkin_app",
    "public:exhibitor_leads",
    "public:exhibitor_staff_scan",
]

# The proxies whose X-Forwarded-For is believed for the client's address (forsamling.core.abuse):
# comma-separated addresses or networks. Without it no header is believed; with
# BEHIND_TLS_PROXY the documented proxy on the same machine (loopback) is.
# A wrong entry stops the start-up here (ValueError), rather than trusting nothing silently.
TRUSTED_PROXIES = [
    str(ipaddress.ip_network(item.strip(), strict=False))
    for item in os.environ.get(
        "TRUSTED_PROXIES", "127.0.0.1,::1" if env_bool("BEHIND_TLS_PROXY") else ""
    ).split(",")
    if item.strip()
]

# Logins (django-axes): after AXES_FAILURE_LIMIT failed logins (a wrong password, a missing or
# wrong code) for one user name from one address, that user name is refused from that address
# for AXES_COOLOFF_TIME. Locking the user name alone would let anyone lock an organiser out from
# everywhere; locking the address alone would lock out everyone behind a venue's NAT. Attempts
# while locked are not counted, so they cannot stretch the lockout for ever. The counters are
# rows in the database, shared by every worker. A good login clears the count. An organiser can
# always log in by a one-time link sent by e-mail (accounts.logins), locked or not.
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("AXES_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
# Not django-axes' own admin lists (English, and open to every organiser): the lockouts are
# shown and lifted in Danish on the back office's "Spærrede logins" page, scoped per organiser.
AXES_ENABLE_ADMIN = False
# Requests for a one-time login link per client address per FORSAMLING_RATE_WINDOW_SECONDS.
FORSAMLING_RATE_LOGIN_LINKS_PER_ADDRESS = int(
    os.environ.get("FORSAMLING_RATE_LOGIN_LINKS_PER_ADDRESS", "10")
)
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "forsamling.backoffice.lockout.locked_out"
AXES_CLIENT_IP_CALLABLE = "forsamling.core.abuse.axes_client_ip"
AXES_HANDLER = "axes.handlers.database.AxesDatabaseHandler"

# Bots (forsamling.core.abuse). The public forms that create rows or send e-mail carry an ALTCHA
# proof of work the browser solves while the form is filled in (no JavaScript: a Danish message);
# each challenge is accepted once. Nothing refuses a person because of other people: the
# challenge's cost grows with the forms accepted in the last FORSAMLING_RATE_WINDOW_SECONDS from
# the visitor's network (IPv4 address, IPv6 /64) and, up to FORSAMLING_ALTCHA_DOMAIN_COST_CAP,
# from the e-mail domain: twice the base at FORSAMLING_ALTCHA_COST_STEP forms, growing with the
# square of the count. A challenge fetched before a burst stays good until the cost has grown
# FORSAMLING_ALTCHA_COST_SLACK-fold. The one hard limit: one link e-mail per recipient per
# FORSAMLING_RESEND_INTERVAL_SECONDS.
FORSAMLING_ALTCHA = env_bool("FORSAMLING_ALTCHA", True)
FORSAMLING_ALTCHA_MAX_NUMBER = int(os.environ.get("FORSAMLING_ALTCHA_MAX_NUMBER", "50000"))
FORSAMLING_ALTCHA_EXPIRES_MINUTES = int(os.environ.get("FORSAMLING_ALTCHA_EXPIRES_MINUTES", "30"))
FORSAMLING_ALTCHA_COST_STEP = int(os.environ.get("FORSAMLING_ALTCHA_COST_STEP", "50"))
FORSAMLING_ALTCHA_DOMAIN_COST_CAP = int(os.environ.get("FORSAMLING_ALTCHA_DOMAIN_COST_CAP", "150"))
FORSAMLING_ALTCHA_COST_SLACK = int(os.environ.get("FORSAMLING_ALTCHA_COST_SLACK", "10"))
FORSAMLING_RATE_WINDOW_SECONDS = int(os.environ.get("FORSAMLING_RATE_WINDOW_SECONDS", "600"))
FORSAMLING_RESEND_INTERVAL_SECONDS = int(
    os.environ.get("FORSAMLING_RESEND_INTERVAL_SECONDS", "300")
)
# Burst of registrations shown to the organisers (back office, "Mange tilmeldinger"): a network
# or e-mail domain with at least this many registrations in the last window.
FORSAMLING_BURST_THRESHOLD = int(os.environ.get("FORSAMLING_BURST_THRESHOLD", "20"))

# A refused CSRF check gets a Danish page that says what to do (forsamling.core.errors).
CSRF_FAILURE_VIEW = "forsamling.core.errors.csrf_failure"

# Operations (forsamling.ops; README, "Monitoring").
FORSAMLING_VERSION = read_version(BASE_DIR)
# /readyz answers 503 when the oldest task waiting for the worker has waited longer than this.
READYZ_MAX_QUEUE_AGE = int(os.environ.get("READYZ_MAX_QUEUE_AGE", "300"))
# /metrics answers `Authorization: Bearer <METRICS_TOKEN>`, or a direct connection (no proxy)
# from one of these networks; anyone else gets a page not found.
METRICS_TOKEN = os.environ.get("METRICS_TOKEN", "")
METRICS_ALLOWED_NETWORKS = [
    ip_network(network, strict=False) for network in env_list("METRICS_ALLOWED_NETWORKS")
]
# A load balancer's probes and Prometheus talk plain HTTP to the server itself.
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$", r"^metrics$"]

# Error reports to Sentry, only when SENTRY_DSN is set, without personal data (ops.sentry).
SENTRY_DSN = os.environ.get("SENTRY_DSN", "")
if SENTRY_DSN:
    init_sentry(
        dsn=SENTRY_DSN,
        release=f"forsamling@{FORSAMLING_VERSION}",
        environment=os.environ.get("SENTRY_ENVIRONMENT", "production"),
        traces_sample_rate=float(os.environ.get("SENTRY_TRACES_SAMPLE_RATE", "0")),
    )

# The API (forsamling.api, docs/api.md): JSON under /api/v1/, tokens per organiser and edition.
# Requests per client per FORSAMLING_API_RATE_WINDOW_SECONDS, counted in the database so every
# worker shares the count (forsamling.api.throttling); past it, 429 with Retry-After.
FORSAMLING_API_RATE_WINDOW_SECONDS = int(os.environ.get("FORSAMLING_API_RATE_WINDOW_SECONDS", "60"))
FORSAMLING_API_RATE_ANONYMOUS = int(os.environ.get("FORSAMLING_API_RATE_ANONYMOUS", "120"))
FORSAMLING_API_RATE_PER_TOKEN = int(os.environ.get("FORSAMLING_API_RATE_PER_TOKEN", "600"))
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": ["forsamling.api.authentication.TokenAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_THROTTLE_CLASSES": ["forsamling.api.throttling.SharedThrottle"],
    "DEFAULT_RENDERER_CLASSES": [
        "rest_framework.renderers.JSONRenderer",
        "rest_framework.renderers.BrowsableAPIRenderer",
    ],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_PAGINATION_CLASS": "forsamling.api.conventions.Pagination",
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_VERSIONING_CLASS": None,
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
    "COERCE_DECIMAL_TO_STRING": True,
    "DATETIME_FORMAT": "iso-8601",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Forsamling API",
    "DESCRIPTION": (
        "The conference's editions, published programme and exhibitors, open to all; "
        "registrations, session choices, waiting lists, check-ins and invoices for organisers' "
        "tokens. See docs/api.md for authentication, conventions and the changelog."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": "/api/v1",
    "COMPONENT_SPLIT_REQUEST": True,
    "ENUM_NAME_OVERRIDES": {},
}
