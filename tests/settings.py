"""Settings for the test suite: production settings with test-friendly storage and speed."""

import os

os.environ.setdefault("SECRET_KEY", "test-only-secret-key-not-for-production-use-0123456789")
os.environ.pop("SENTRY_DSN", None)  # the suite never reports to a real Sentry

from forsamling.settings import *  # noqa: F403
from forsamling.settings import DATABASES

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
SECURE_SSL_REDIRECT = False
ALLOWED_HOSTS = ["*"]
FORSAMLING_REQUIRE_OTP = False  # tests log in with force_login; tests/backoffice turn it on
# Pages show changes at once in tests; tests/public/test_page_cache.py turns the cache on.
PUBLIC_PAGE_CACHE_SECONDS = 0

# SQLite tests use a database file, not Django's shared-cache in-memory database: real
# concurrent clients (tests marked `concurrency`) need SQLite's file locking, where IMMEDIATE
# transactions wait for each other; shared-cache memory databases fail at once with
# "database table is locked" instead.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    import tempfile

    DATABASES["default"]["TEST"] = {
        "NAME": os.path.join(tempfile.gettempdir(), f"forsamling-test-{os.getpid()}.sqlite3")
    }

# Bots: the proof of work and the rate limits are off or out of reach for the suite's many
# form posts from 127.0.0.1; tests/core/test_abuse*.py turn them on with the real defaults.
FORSAMLING_ALTCHA = False
FORSAMLING_ALTCHA_MAX_NUMBER = 2000  # quick to solve in a test when a test turns it on
FORSAMLING_RESEND_INTERVAL_SECONDS = 1
