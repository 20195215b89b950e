"""Settings for the test suite: production settings with test-friendly storage and speed."""

import os

os.environ.setdefault("SECRET_KEY", "test-only-secret-key-not-for-production-use-0123456789")

from forsamling.settings import *  # noqa: F403

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
