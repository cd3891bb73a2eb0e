"""Career Quiz settings, read from environment variables with safe defaults.

- ``DEBUG`` (default off). ``SECRET_KEY`` is required when DEBUG is off.
- ``ALLOWED_HOSTS``: comma-separated (default ``localhost,127.0.0.1``).
- ``DATABASE_URL``: e.g. ``postgres://postgres@127.0.0.1:5432/test``; SQLite file by default.
- ``REDIS_URL``: e.g. ``redis://127.0.0.1:6379/0`` selects Django's Redis cache.
"""

import os
import tempfile
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)
# Names a deployment; cached pages of one release are never served by another.
RELEASE = os.environ.get("RELEASE", "dev")

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off.")
    SECRET_KEY = "insecure-development-key-only-for-debug"  # noqa: S105 - DEBUG only

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")

INSTALLED_APPS = [
    # The editor first: its templates extend the admin's (admin/base_site.html).
    "editor.apps.EditorConfig",
    "editor.apps.EditorAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_htmx",
    "csp",
    "axes",
    "django_ratelimit",
    "crispy_forms",
    "crispy_bootstrap5",
    "template_partials.apps.SimpleAppConfig",
    "roles",
    "quiz",
]

MIDDLEWARE = [
    # Compresses pages; since Django 4.2 it pads its output against BREACH. Static files
    # come pre-compressed from WhiteNoise and pass through untouched.
    "django.middleware.gzip.GZipMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "careerquiz.clientip.RequireClientAddressMiddleware",
    "careerquiz.middleware.RefuseUnneededBodiesMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "django_ratelimit.middleware.RatelimitMiddleware",
    "careerquiz.middleware.RateLimitStoreFullMiddleware",
    # Each change applied in the admin records a version of the bank.
    "editor.middleware.bank_versions_middleware",
    # Last, as django-axes asks: it turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "careerquiz.urls"

# Templates are compiled once per process, except under DEBUG (runserver), where an
# edited template shows on the next request.
template_loaders = [
    "django.template.loaders.filesystem.Loader",
    "django.template.loaders.app_directories.Loader",
]
if not DEBUG:
    template_loaders = [("django.template.loaders.cached.Loader", template_loaders)]

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "OPTIONS": {
            # "template.html#partial-name" renders one partial of a template (django-htmx's
            # partial rendering); Django 6.0 does this natively.
            "loaders": [("template_partials.loader.Loader", template_loaders)],
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
            ],
            # The partial tags are built into Django 6.0: registering them as builtins
            # means the upgrade is a deletion of this line, not an edit of every template.
            "builtins": ["template_partials.templatetags.partials"],
        },
    },
]

WSGI_APPLICATION = "careerquiz.wsgi.application"

# Persistent connections with health checks (a connection that died between requests is
# replaced, not used); 0 closes them after each request.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "0" if DEBUG else "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # A database that does not answer gives the friendly 503 within seconds instead of
    # hanging every request: a connect timeout for new connections; TCP keepalives and a
    # user timeout (libpq's parameters) so an established connection to a host or network
    # that went away fails within about DB_TCP_TIMEOUT_MS; a server-side limit on each
    # statement. A server process that hangs on a live host is noticed by none of these
    # (its kernel still answers): gunicorn's worker TIMEOUT bounds that case.
    tcp_timeout_ms = int(os.environ.get("DB_TCP_TIMEOUT_MS", "5000"))
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "connect_timeout": int(os.environ.get("DB_CONNECT_TIMEOUT", "5")),
            "keepalives": 1,
            "keepalives_idle": max(1, tcp_timeout_ms // 2000),
            "keepalives_interval": 1,
            "keepalives_count": 3,
            "tcp_user_timeout": tcp_timeout_ms,
            "options": f"-c statement_timeout={int(os.environ.get('DB_STATEMENT_TIMEOUT_MS', '10000'))}",
        }
    )
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The embedded default serves several people at once: write-ahead logging lets readers
    # go on while one request writes; BEGIN IMMEDIATE takes the write lock when a
    # transaction starts (so two writers queue instead of failing half-way with
    # "database is locked"), and the busy timeout is how long a writer waits in the queue.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "transaction_mode": "IMMEDIATE",
            "timeout": int(os.environ.get("SQLITE_BUSY_TIMEOUT", "20")),
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    )
if os.environ.get("TEST_DATABASE_NAME"):
    DATABASES["default"]["TEST"] = {"NAME": os.environ["TEST_DATABASE_NAME"]}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = os.environ.get("REDIS_URL", "")
# A Redis on the same network answers in a millisecond; one that takes longer than this is
# treated as down (a miss) rather than holding the request.
REDIS_TIMEOUT = float(os.environ.get("REDIS_TIMEOUT", "0.25"))
# After a failure the cache is not asked again for this long (careerquiz/cache.py): a hung
# Redis costs one REDIS_TIMEOUT per window and process, not one per cache call.
CACHE_BREAKER_SECONDS = float(os.environ.get("CACHE_BREAKER_SECONDS", "5"))


def redis_cache(client_class: str) -> dict:
    """A django-redis cache on REDIS_URL that turns a Redis outage into misses."""
    return {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": REDIS_URL,
        "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "careerquiz"),
        "OPTIONS": {
            "CLIENT_CLASS": client_class,
            "SOCKET_CONNECT_TIMEOUT": REDIS_TIMEOUT,
            "SOCKET_TIMEOUT": REDIS_TIMEOUT,
            "IGNORE_EXCEPTIONS": True,
        },
    }


if REDIS_URL:
    CACHES = {
        "default": redis_cache("careerquiz.cache.CircuitBreakerClient"),
        # The same Redis; a full Redis fails the limits closed (careerquiz/cache.py).
        "ratelimit": redis_cache("careerquiz.cache.RateLimitClient"),
    }
else:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        # Rate-limit counters must be shared by every worker process, or each would allow
        # the whole limit: without Redis they are files on this machine's disk.
        "ratelimit": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": os.environ.get(
                "RATELIMIT_CACHE_DIR", os.path.join(tempfile.gettempdir(), "careerquiz-ratelimit")
            ),
        },
    }

# Sessions (only the editors' admin has them: job seekers carry a signed owner cookie) live
# in the database alone: any app server can serve any request, and a logout during a Redis
# outage cannot be undone by a stale cached copy when Redis returns
# (docs/decisions/0006-cache-outages.md).
SESSION_ENGINE = "django.contrib.sessions.backends.db"
# Returning job seekers find their quiz again for a month.
SESSION_COOKIE_AGE = 60 * 60 * 24 * 30
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
# The page sends the CSRF token in a header from the template, never from the cookie.
CSRF_COOKIE_HTTPONLY = True
# A job seeker's quizzes belong to the random key in this signed cookie (quiz/views.py):
# a quiz step reads no session store.
OWNER_COOKIE_NAME = "careerquiz-owner"
if SESSION_COOKIE_SECURE:
    # __Host- cookies are only accepted over HTTPS, for this host, for the whole site.
    SESSION_COOKIE_NAME = "__Host-sessionid"
    CSRF_COOKIE_NAME = "__Host-csrftoken"
    OWNER_COOKIE_NAME = "__Host-careerquiz-owner"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
# Outside DEBUG, WhiteNoise serves hashed, pre-compressed (gzip and Brotli) files with
# a year-long immutable cache; `collectstatic` builds them once per release.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
WHITENOISE_MAX_AGE = 60 * 60 * 24 * 365

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

CSRF_FAILURE_VIEW = "careerquiz.errors.csrf_failure"

X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "0" if DEBUG else str(60 * 60 * 24 * 365)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
if os.environ.get("SECURE_PROXY_SSL_HEADER"):
    # Behind a load balancer that terminates TLS, e.g. "HTTP_X_FORWARDED_PROTO,https".
    SECURE_PROXY_SSL_HEADER = tuple(os.environ["SECURE_PROXY_SSL_HEADER"].split(",", 1))

# A strict Content-Security-Policy: only our own scripts and styles, no inline code, no
# eval; the SVG icons inside Bootstrap's CSS are data: images.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [NONE],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "manifest-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [NONE],
    }
}

STATIC_CSP = "; ".join(
    f"{directive} {' '.join(values)}" for directive, values in CONTENT_SECURITY_POLICY["DIRECTIVES"].items()
)


def add_static_headers(headers, path, url):
    """Static files (served by WhiteNoise, before any other middleware) carry the same
    security headers as pages: an SVG or a stray HTML file is never framed or sniffed."""
    headers["Content-Security-Policy"] = STATIC_CSP
    headers["X-Frame-Options"] = X_FRAME_OPTIONS
    headers["X-Content-Type-Options"] = "nosniff"
    headers["Referrer-Policy"] = SECURE_REFERRER_POLICY
    headers["Cross-Origin-Opener-Policy"] = SECURE_CROSS_ORIGIN_OPENER_POLICY


WHITENOISE_ADD_HEADERS_FUNCTION = add_static_headers


# Brute-force protection of the admin login: 5 failures per user name and address lock
# that pair out for 15 minutes. Attempts are kept in the database, shared by all servers.
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = float(os.environ.get("AXES_COOLOFF_HOURS", "0.25"))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "429_login.html"
AXES_RESET_ON_SUCCESS = True
# Behind a proxy, CLIENT_IP_HEADER names the header (as a META key, e.g. HTTP_X_REAL_IP) that
# the proxy sets to the client's one address. The lockout and the rate limits read the same
# address (careerquiz.clientip); a request from the proxy without the header is refused with 400.
CLIENT_IP_HEADER = os.environ.get("CLIENT_IP_HEADER", "")
# The header is believed only from these peers (addresses or networks): the proxy's. A
# client that reaches the app directly is counted under its own address.
TRUSTED_PROXY_IPS = env_list("TRUSTED_PROXY_IPS", "127.0.0.1,::1")
AXES_CLIENT_IP_CALLABLE = "careerquiz.clientip.client_ip"

# Rate limits per client address, counted in the shared cache.
RATELIMIT_ENABLE = env_bool("RATELIMIT_ENABLE", True)
RATELIMIT_USE_CACHE = "ratelimit"
# When Redis cannot be reached, the limits let requests through: an outage of the cache
# must not lock every job seeker out. When Redis is reachable but full, they refuse (429,
# careerquiz.middleware.RateLimitStoreFullMiddleware). The admin login's lockout lives in
# the database.
RATELIMIT_FAIL_OPEN = True
RATELIMIT_VIEW = "careerquiz.errors.rate_limited"
RATELIMIT_START = os.environ.get("RATELIMIT_START", "30/m")
RATELIMIT_ANSWER = os.environ.get("RATELIMIT_ANSWER", "180/m")
RATELIMIT_IP_META_KEY = "careerquiz.clientip.client_ip"
SILENCED_SYSTEM_CHECKS = []
if not REDIS_URL:
    # Without Redis the counters are files every worker of the machine shares: not
    # atomic, so a burst may get a few more requests through than the limit.
    SILENCED_SYSTEM_CHECKS.append("django_ratelimit.E003")

# Bigger requests than any quiz form needs are refused before they reach a view.
DATA_UPLOAD_MAX_MEMORY_SIZE = int(os.environ.get("DATA_UPLOAD_MAX_MEMORY_SIZE", 2_621_440))
DATA_UPLOAD_MAX_NUMBER_FIELDS = 200
# Bank uploads (the admin's only file upload) above this size are refused with a message.
# The apply step posts the file back as a form field, so it must fit under the form limit.
BANK_UPLOAD_MAX_BYTES = int(os.environ.get("BANK_UPLOAD_MAX_BYTES", DATA_UPLOAD_MAX_MEMORY_SIZE - 65_536))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING").upper()},
}
