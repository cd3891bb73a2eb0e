"""Production settings, security headers, rate limits, brute-force protection, health."""

import json
import os
import subprocess
import sys
from datetime import UTC, datetime
from http.client import HTTPConnection
from pathlib import Path
from unittest import mock

import pytest
import time_machine
from django.core.cache import cache
from django.db import OperationalError
from django.db.backends.base.base import BaseDatabaseWrapper
from django.test import Client, override_settings
from django.urls import reverse

from quiz.models import Attempt

ROOT = Path(__file__).resolve().parents[1]
PRODUCTION_ENV = {
    "DEBUG": "0",
    "SECRET_KEY": "x7#kq2!vN9p@Lr4$Zt8^Wm1&Hc6*Jd3(Fb5)Ys0_Gu-Ea+Qo=Ti~Ml",
    "ALLOWED_HOSTS": "careerquiz.example",
    "REDIS_URL": "redis://127.0.0.1:6379/0",
    "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/test",
    "DJANGO_SETTINGS_MODULE": "careerquiz.settings",
}


def run_with_production_settings(*args):
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"SECURE_COOKIES", "SECURE_SSL_REDIRECT", "RATELIMIT_ENABLE", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    env.update(PRODUCTION_ENV)
    return subprocess.run(
        [sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )


def test_the_deploy_check_passes_under_production_settings():
    result = run_with_production_settings("manage.py", "check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_settings_are_hardened():
    code = (
        "import django, json; django.setup(); from django.conf import settings as s; print(json.dumps({"
        "'session': s.SESSION_COOKIE_NAME, 'csrf': s.CSRF_COOKIE_NAME, 'secure': s.SESSION_COOKIE_SECURE,"
        "'httponly': s.SESSION_COOKIE_HTTPONLY, 'samesite': s.SESSION_COOKIE_SAMESITE, 'hsts': s.SECURE_HSTS_SECONDS,"
        "'engine': s.SESSION_ENGINE, 'cache': s.CACHES['default']['BACKEND'], 'conn_max_age': s.DATABASES['default']['CONN_MAX_AGE'],"
        "'health': s.DATABASES['default']['CONN_HEALTH_CHECKS'], 'static': s.STORAGES['staticfiles']['BACKEND'], 'redirect': s.SECURE_SSL_REDIRECT}))"
    )
    result = run_with_production_settings("-c", code)
    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout)
    assert values == {
        "session": "__Host-sessionid",
        "csrf": "__Host-csrftoken",
        "secure": True,
        "httponly": True,
        "samesite": "Lax",
        "hsts": 31536000,
        "engine": "django.contrib.sessions.backends.cached_db",
        "cache": "careerquiz.cache.ResilientRedisCache",
        "conn_max_age": 60,
        "health": True,
        "static": "whitenoise.storage.CompressedManifestStaticFilesStorage",
        "redirect": True,
    }


def test_production_refuses_to_start_without_a_secret_key():
    env_code = "import django; django.setup()"
    env = {k: v for k, v in os.environ.items() if k != "SECRET_KEY"}
    env.update({**PRODUCTION_ENV, "SECRET_KEY": ""})
    result = subprocess.run(
        [sys.executable, "-c", env_code], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode != 0 and "SECRET_KEY must be set" in result.stderr


def assert_security_headers(response):
    csp = response["Content-Security-Policy"]
    directives = dict(d.strip().split(" ", 1) for d in csp.split(";") if d.strip())
    assert directives["default-src"] == "'none'"
    assert directives["frame-ancestors"] == "'none'" and directives["base-uri"] == "'none'"
    assert directives["form-action"] == "'self'" and directives["script-src"] == "'self'"
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert response["Strict-Transport-Security"].startswith("max-age=31536000")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"


@pytest.fixture
def secure_client(default_content):
    return Client(raise_request_exception=False)


def test_every_kind_of_response_carries_the_security_headers(secure_client, default_content):
    client = secure_client
    started = client.post(reverse("quiz:start", args=[default_content.slug]), secure=True)
    step = started["Location"]
    responses = {
        "landing": client.get("/", secure=True),
        "redirect": started,
        "page": client.get(step, secure=True),
        "partial": client.get(step, headers={"HX-Request": "true"}, secure=True),
        "422": client.post(step, {}, secure=True),
        "roles": client.get("/roles/", secure=True),
        "404": client.get("/no/such/page/", secure=True),
        "403": Client().get(step, secure=True),
        "health": client.get("/-/health/", secure=True),
        "admin login": client.get("/admin/login/", secure=True),
    }
    with mock.patch("quiz.views.Progress.find", side_effect=RuntimeError("injected")):
        responses["500"] = client.get(step, secure=True)
    with mock.patch("quiz.views.Progress.find", side_effect=OperationalError("connection refused")):
        responses["503"] = client.get(step, secure=True)
    with override_settings(RATELIMIT_ENABLE=True, RATELIMIT_ANSWER="0/m"):
        cache.clear()
        responses["429"] = client.post(step, {"answer": "1"}, secure=True)
    expected = {"500": 500, "503": 503, "429": 429, "404": 404, "403": 403, "422": 422, "redirect": 302}
    for name, response in responses.items():
        assert response.status_code == expected.get(name, 200), name
        assert_security_headers(response)


def test_cookies_are_secure_httponly_and_samesite(default_content, admin_user):
    with override_settings(
        SESSION_COOKIE_SECURE=True,
        CSRF_COOKIE_SECURE=True,
        SESSION_COOKIE_NAME="__Host-sessionid",
        CSRF_COOKIE_NAME="__Host-csrftoken",
        OWNER_COOKIE_NAME="__Host-careerquiz-owner",
    ):
        client = Client()
        client.get("/", secure=True)
        response = client.post(reverse("quiz:start", args=[default_content.slug]), secure=True)
        cookies = {**response.cookies, **client.cookies}
        editor = Client()
        editor.get("/admin/login/", secure=True)
        login = editor.post("/admin/login/", {"username": "admin", "password": "password"}, secure=True)
        assert login.status_code == 302, "the editor is logged in"
        cookies.update({**login.cookies, **editor.cookies})
        for name in ("__Host-sessionid", "__Host-csrftoken", "__Host-careerquiz-owner"):
            cookie = cookies[name]
            assert cookie["secure"] and cookie["httponly"] and cookie["samesite"] == "Lax"
            assert cookie["path"] == "/" and not cookie["domain"]


@pytest.fixture
def rate_limits():
    """Rate limits on, with the clock stopped in the middle of a minute: a limit counts per
    window of the clock, and requests that straddled a window's end were counted twice over."""
    cache.clear()
    with (
        time_machine.travel(datetime(2026, 1, 5, 12, 0, 30, tzinfo=UTC), tick=False),
        override_settings(RATELIMIT_ENABLE=True, RATELIMIT_START="3/m", RATELIMIT_ANSWER="5/m"),
    ):
        yield
    cache.clear()


def test_starting_quizzes_is_rate_limited_with_a_friendly_page(default_content, rate_limits):
    client = Client()
    for _ in range(3):
        assert (
            client.post(reverse("quiz:start", args=[default_content.slug]), {"restart": "1"}).status_code
            == 302
        )
    response = client.post(reverse("quiz:start", args=[default_content.slug]), {"restart": "1"})
    assert response.status_code == 429
    assert "Too many requests" in response.content.decode() and "Wait a minute" in response.content.decode()
    assert Attempt.objects.count() == 3


def test_answering_is_rate_limited_per_client(default_content, rate_limits):
    client = Client()
    step = client.post(reverse("quiz:start", args=[default_content.slug]))["Location"]
    statuses = [client.post(step, {}).status_code for _ in range(6)]
    assert statuses == [422] * 5 + [429]
    other = Client(REMOTE_ADDR="10.9.8.7")
    other_step = other.post(reverse("quiz:start", args=[default_content.slug]))["Location"]
    assert other.post(other_step, {}).status_code == 422  # another client has its own budget


def test_admin_login_locks_out_after_repeated_failures(db, django_user_model):
    django_user_model.objects.create_superuser("editor", "editor@example.com", "right-password-123")
    client = Client()
    statuses = [
        client.post("/admin/login/", {"username": "editor", "password": "wrong"}).status_code
        for _ in range(5)
    ]
    # The fifth failure reaches the limit: from then on the pair is locked out.
    assert statuses == [200, 200, 200, 200, 429]
    locked = client.post("/admin/login/", {"username": "editor", "password": "right-password-123"})
    assert locked.status_code == 429
    assert "Too many failed sign-ins" in locked.content.decode()
    assert "_auth_user_id" not in client.session


def test_health_checks_the_database(db):
    client = Client(raise_request_exception=False)
    assert client.get("/-/health/").json() == {"status": "ok", "database": "ok", "cache": "ok"}
    with mock.patch.object(BaseDatabaseWrapper, "cursor", side_effect=OperationalError("connection refused")):
        response = client.get("/-/health/")
    assert response.status_code == 503 and response.json()["database"] == "unreachable"
    assert client.get("/-/ping/").json() == {"status": "ok"}


def test_robots_keep_crawlers_out_of_personal_pages(client):
    body = client.get("/robots.txt").content.decode()
    assert "Disallow: /attempts/" in body and "Disallow: /results/" in body


def test_static_files_carry_the_security_headers_of_pages(settings):
    settings.WHITENOISE_USE_FINDERS = True
    settings.WHITENOISE_AUTOREFRESH = True
    response = Client().get("/static/css/app.css")
    assert response.status_code == 200
    assert response["Content-Security-Policy"].startswith("default-src 'none'")
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"


def _gunicorn_processes(port: int) -> tuple[int, list[int]]:
    """The gunicorn master serving ``port`` and its workers."""
    serving = []
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            if f"127.0.0.1:{port}".encode() in cmdline.read_bytes():
                serving.append(int(cmdline.parent.name))
        except OSError:
            continue
    parents = {pid: int(_status(pid).get("PPid", 0)) for pid in serving}
    (master,) = [pid for pid in serving if parents[pid] not in serving]
    return master, [pid for pid in serving if parents[pid] == master]


def _status(pid: int) -> dict[str, str]:
    lines = Path(f"/proc/{pid}/status").read_text().splitlines()
    return {key: value.strip() for key, _, value in (line.partition(":") for line in lines)}


def _connections(pid: int, database: Path) -> list[str]:
    """What the process holds open to a database or cache: the SQLite file, or a TCP
    connection (established, not listening)."""
    established = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            fields = line.split()
            if fields[3] == "01":  # ESTABLISHED
                established.add(fields[9])
    held = []
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        try:
            target = os.readlink(fd)
        except OSError:
            continue
        if target.startswith(str(database)) or target.removeprefix("socket:[").rstrip("]") in established:
            held.append(target)
    return held


def test_workers_are_forked_from_a_master_that_holds_no_connection_of_its_own(tmp_path):
    """gunicorn imports the app once, in the master, and forks every worker from it
    (``preload_app``): a connection opened during that import would be shared by every
    worker, their requests mixed on one socket."""
    from tests.servers import app_servers, production_env

    database = tmp_path / "db.sqlite3"
    env = production_env(tmp_path, WEB_CONCURRENCY="2", DATABASE_URL=f"sqlite:///{database}")
    with app_servers(env) as (port,):
        for _ in range(6):
            conn = HTTPConnection("127.0.0.1", port, timeout=10)
            conn.request("GET", "/-/health/")  # the database and the cache, from a worker
            assert conn.getresponse().status == 200
            conn.close()
        master, workers = _gunicorn_processes(port)
        maps = Path(f"/proc/{master}/maps").read_text()
        assert "_sqlite3" in maps  # the master imported the app (and Django's database layer)
        assert len(workers) == 2
        assert any(_connections(pid, database) for pid in workers)  # what the check would see
        assert _connections(master, database) == []


def test_the_imported_app_is_frozen_out_of_the_garbage_collector_before_workers_fork():
    """gunicorn.conf.py's hooks, run as gunicorn runs them (the master reads the file, imports
    the app, and calls pre_fork before each fork and post_fork in the child): a worker's
    collector never walks the app's objects, and still collects what the worker makes."""
    script = """
import gc, runpy
conf = runpy.run_path("gunicorn.conf.py")
assert not gc.isenabled()  # the master imports the app without collecting
import careerquiz.wsgi
conf["pre_fork"](None, None)
frozen = gc.get_freeze_count()
conf["post_fork"](None, None)
print(frozen, gc.isenabled())
"""
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "careerquiz.settings", "DEBUG": "1"}
    out = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr[-2000:]
    frozen, enabled = out.stdout.split()
    assert int(frozen) > 10_000
    assert enabled == "True"
