"""The fault suite: Redis and PostgreSQL of our own, hung with SIGSTOP (the kernel still
accepts connections and data, nothing answers), stopped and brought back. Each test asserts
a promise of docs/operations.md, "When a dependency fails". Time limits are the clients'
socket timeouts: a page that takes longer fails the test with a timeout."""

import re
import threading
import urllib.request
from http.client import HTTPConnection
from http.cookiejar import CookieJar
from urllib.parse import urlencode

import pytest
from django.core.cache import caches
from django.test import Client, override_settings
from django.urls import reverse

from careerquiz import cache as breaker
from tests.servers import BlackHole, OwnPostgres, OwnRedis, production_stack, redis_caches, stack_env

pytestmark = pytest.mark.faults


@pytest.fixture
def own_redis(tmp_path):
    redis = OwnRedis(tmp_path / "redis", "--maxmemory", "2mb", "--maxmemory-policy", "noeviction")
    breaker._open_until.clear()
    yield redis
    redis.close()
    breaker._open_until.clear()


def test_a_hung_redis_is_asked_once_then_not_again_while_the_breaker_is_open():
    hole = BlackHole()
    breaker._open_until.clear()
    try:
        with override_settings(CACHES=redis_caches(f"redis://127.0.0.1:{hole.port}/0")):
            cache = caches["default"]
            assert cache.get("bank", "miss") == "miss"  # one short timeout
            asked = hole.received
            assert asked > 0
            for n in range(20):
                assert cache.get(f"page-{n}", "miss") == "miss"
                cache.set(f"page-{n}", "rendered")
            assert hole.received == asked  # the breaker answered, Redis was not asked
    finally:
        hole.close()
        breaker._open_until.clear()


def test_a_resumed_redis_is_used_again_once_the_breaker_window_has_passed(own_redis, settings):
    settings.CACHE_BREAKER_SECONDS = 0  # the window has always passed
    with override_settings(CACHES=redis_caches(own_redis.url)):
        cache = caches["default"]
        cache.set("kept", "value")
        own_redis.pause()
        assert cache.get("kept", "miss") == "miss"
        own_redis.resume()
        assert cache.get("kept", "miss") == "value"


def test_redis_restarted_with_its_data_serves_it_again(own_redis, settings):
    settings.CACHE_BREAKER_SECONDS = 0
    with override_settings(CACHES=redis_caches(own_redis.url)):
        cache = caches["default"]
        cache.set("kept", "value", None)
        own_redis.close()  # a clean stop writes its append-only file
        assert cache.get("kept", "miss") == "miss"
        own_redis.start()
        assert cache.get("kept", "miss") == "value"


def fill(cache_url: str) -> None:
    """Fills our own Redis up to its maxmemory (noeviction): writes are refused with OOM."""
    import redis

    client = redis.Redis.from_url(cache_url)
    with pytest.raises(redis.exceptions.OutOfMemoryError):
        for n in range(100_000):  # small values: a large one would count only while it is sent
            client.set(f"filler-{n}", b"x" * 512)


@pytest.mark.django_db
def test_a_full_redis_fails_the_rate_limits_closed(own_redis, default_content):
    fill(own_redis.url)
    start = reverse("quiz:start", args=[default_content.slug])
    with override_settings(
        CACHES=redis_caches(own_redis.url), RATELIMIT_ENABLE=True, RATELIMIT_USE_CACHE="ratelimit"
    ):
        response = Client().post(start)
        assert caches["default"].get("anything", "miss") == "miss"  # the page cache goes on
    assert response.status_code == 429
    assert "Too many requests" in response.content.decode()


@pytest.mark.django_db
def test_an_unreachable_redis_fails_the_rate_limits_open(own_redis, default_content):
    own_redis.close()
    start = reverse("quiz:start", args=[default_content.slug])
    with override_settings(
        CACHES=redis_caches(own_redis.url), RATELIMIT_ENABLE=True, RATELIMIT_USE_CACHE="ratelimit"
    ):
        statuses = [Client().post(start).status_code for _ in range(3)]
    assert statuses == [302, 302, 302]


@pytest.mark.django_db
def test_a_logout_during_a_redis_outage_stays_a_logout_when_redis_returns(own_redis, admin_user):
    with override_settings(CACHES=redis_caches(own_redis.url), CACHE_BREAKER_SECONDS=0):
        editor = Client()
        editor.force_login(admin_user)
        stolen = editor.cookies["sessionid"].value
        assert editor.get("/admin/").status_code == 200
        own_redis.pause()
        assert editor.post(reverse("admin:logout")).status_code == 200
        own_redis.resume()
        replay = Client()
        replay.cookies["sessionid"] = stolen
        response = replay.get("/admin/")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


# --------------------------------------------------------------------------- the real stack


class Browser:
    """A person's browser against the stack: cookies, redirects, and a socket timeout that
    bounds every page."""

    def __init__(self, port: int, timeout: float):
        self.base = f"http://127.0.0.1:{port}"
        self.timeout = timeout
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(CookieJar()))

    def get(self, path: str) -> tuple[int, str, str]:
        with self.opener.open(self.base + path, timeout=self.timeout) as response:
            return response.status, response.url, response.read().decode()

    def post(self, path: str, data: dict) -> tuple[int, str, str]:
        body = urlencode(data, doseq=True).encode()
        with self.opener.open(self.base + path, data=body, timeout=self.timeout) as response:
            return response.status, response.url, response.read().decode()


def token(page: str) -> str:
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)


def test_with_redis_hung_every_page_of_a_quiz_answers_within_two_seconds(tmp_path):
    redis = OwnRedis(tmp_path / "redis")
    breaker._open_until.clear()
    try:
        env = stack_env(tmp_path, WEB_CONCURRENCY="1", REDIS_URL=redis.url, CACHE_KEY_PREFIX="stack")
        with production_stack(env, tmp_path / "run") as (port, _, _):
            browser = Browser(port, timeout=2)
            status, _, landing = browser.get("/")  # with Redis answering: the cache is warm
            assert status == 200
            redis.pause()
            status, _, landing = browser.get("/")
            assert status == 200
            start = re.search(r'<form method="post" action="([^"]+/start/)"', landing).group(1)
            status, step_url, step = browser.post(start, {"csrfmiddlewaretoken": token(landing)})
            assert status == 200 and "/questions/" in step_url
            answer = re.search(r'name="answer" value="([^"]+)"', step).group(1)
            status, next_url, _ = browser.post(
                step_url.removeprefix(browser.base), {"csrfmiddlewaretoken": token(step), "answer": answer}
            )
            assert status == 200 and next_url != step_url
            assert browser.get("/roles/")[0] == 200
            health = HTTPConnection("127.0.0.1", port, timeout=2)
            health.request("GET", "/-/health/")
            response = health.getresponse()
            assert response.status == 200 and b'"degraded"' in response.read()
            redis.resume()
    finally:
        redis.close()


def test_with_postgresql_hung_pages_give_the_friendly_503_and_ping_answers(tmp_path):
    postgres = OwnPostgres()
    try:
        env = stack_env(
            tmp_path,
            migrate=False,
            DATABASE_URL=postgres.url,
            WEB_CONCURRENCY="3",  # two requests held by the hung database, one free for ping
            TIMEOUT="4",
            DB_CONNECT_TIMEOUT="2",
        )
        with production_stack(env, tmp_path / "run") as (port, _, _):
            for _ in range(4):  # persistent connections in the workers
                conn = HTTPConnection("127.0.0.1", port, timeout=5)
                conn.request("GET", "/-/health/")
                assert conn.getresponse().status == 200
            postgres.pause()
            answers = {}

            def ask(path):
                conn = HTTPConnection("127.0.0.1", port, timeout=6)
                conn.request("GET", path)
                response = conn.getresponse()
                answers[path] = (response.status, response.read().decode())

            waiting = [threading.Thread(target=ask, args=(path,)) for path in ("/-/health/", "/")]
            for thread in waiting:
                thread.start()
            ping = HTTPConnection("127.0.0.1", port, timeout=1)
            ping.request("GET", "/-/ping/")
            assert ping.getresponse().status == 200
            for thread in waiting:
                thread.join(10)
            postgres.resume()  # the stack's graceful stop needs no long wait then
            assert answers["/"][0] == 503 and "Career Quiz cannot" in answers["/"][1]
            assert answers["/-/health/"][0] == 503
    finally:
        postgres.close()
