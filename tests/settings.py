"""Settings for the test suite: the app's own settings with test-only defaults."""

import os

os.environ.setdefault("SECRET_KEY", "test-only-secret-key-not-for-production")
os.environ.setdefault("SECURE_COOKIES", "false")
os.environ.setdefault("SECURE_SSL_REDIRECT", "false")
# Rate limits are switched on by the tests that check them: the suite itself sends
# thousands of requests from one address.
os.environ.setdefault("RATELIMIT_ENABLE", "false")
# Playwright's sync API runs an event loop in the test thread; the live-server tests'
# ORM calls are still synchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

from careerquiz.settings import *  # noqa: E402, F403

# The manifest storage needs collectstatic and breaks the live server: plain files here.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    # A file, not memory: threads in the concurrency tests use their own connections, as
    # the app's requests do, and see WAL and BEGIN IMMEDIATE at work.
    DATABASES["default"]["TEST"] = {"NAME": f"/tmp/careerquiz-test-{os.getpid()}.sqlite3"}  # noqa: F405

# One process: the rate-limit tests count in the default cache, which they clear.
RATELIMIT_USE_CACHE = "default"
