"""Behind the documented proxy, the client's address is the one the proxy sets, and only
the proxy: the admin lockout and the rate limits count the client, never the proxy, and
a client that reaches the app directly cannot name an address of its choosing."""

import pytest
from django.contrib.auth.models import User
from django.test import Client, override_settings
from django.urls import reverse

HEADER = "HTTP_X_REAL_IP"
behind_proxy = override_settings(CLIENT_IP_HEADER=HEADER)


def login(client, password, address):
    return client.post(
        reverse("admin:login"), {"username": "editor", "password": password}, **{HEADER: address}
    )


@behind_proxy
@pytest.mark.django_db
def test_five_wrong_passwords_lock_out_that_client_only():
    User.objects.create_superuser("editor", password="right-password")
    attacker, editor = Client(), Client()
    for _ in range(4):
        assert login(attacker, "wrong", "203.0.113.7").status_code == 200
    assert login(attacker, "wrong", "203.0.113.7").status_code == 429  # the fifth locks out
    assert login(attacker, "right-password", "203.0.113.7").status_code == 429
    # The same proxy (REMOTE_ADDR 127.0.0.1) forwards the real editor from another address.
    assert login(editor, "right-password", "198.51.100.2").status_code == 302


@behind_proxy
@pytest.mark.django_db
def test_a_request_that_bypassed_the_proxy_is_a_clear_400(default_content):
    response = Client().post(reverse("quiz:start", args=[default_content.slug]))
    assert response.status_code == 400
    assert "proxy" in response.content.decode()
    assert (
        Client()
        .post(reverse("quiz:start", args=[default_content.slug]), **{HEADER: "not an address"})
        .status_code
        == 400
    )
    ok = Client().post(reverse("quiz:start", args=[default_content.slug]), **{HEADER: "198.51.100.9"})
    assert ok.status_code == 302


@behind_proxy
@pytest.mark.django_db
def test_a_client_that_reaches_the_app_directly_cannot_choose_its_address(default_content):
    """Only the proxy's header is believed: from any other peer the header is ignored and
    the rate limit counts the connection's own address, however the header is varied."""
    from django.core.cache import cache

    cache.clear()
    start = reverse("quiz:start", args=[default_content.slug])
    with override_settings(RATELIMIT_ENABLE=True, RATELIMIT_START="2/m"):
        statuses = [
            Client(REMOTE_ADDR="192.0.2.50").post(start, **{HEADER: f"198.51.100.{n}"}).status_code
            for n in range(3)
        ]
        # The proxy's requests still count per client behind it.
        through_proxy = Client().post(start, **{HEADER: "198.51.100.77"}).status_code
    cache.clear()
    assert statuses == [302, 302, 429]
    assert through_proxy == 302


@pytest.mark.django_db
def test_the_proxy_list_takes_networks_and_the_header_is_read_only_from_them(rf, settings):
    from careerquiz.clientip import client_ip

    settings.CLIENT_IP_HEADER = HEADER
    settings.TRUSTED_PROXY_IPS = ["10.0.0.0/8"]
    assert client_ip(rf.get("/", REMOTE_ADDR="10.1.2.3", **{HEADER: "203.0.113.5"})) == "203.0.113.5"
    assert client_ip(rf.get("/", REMOTE_ADDR="127.0.0.1", **{HEADER: "203.0.113.5"})) == "127.0.0.1"
    assert client_ip(rf.get("/", REMOTE_ADDR="11.0.0.1", **{HEADER: "203.0.113.5"})) == "11.0.0.1"


@behind_proxy
@pytest.mark.django_db
def test_the_load_balancers_probes_need_no_header():
    assert Client().get("/-/ping/").status_code == 200


@pytest.mark.django_db
def test_varying_the_port_in_the_host_header_cannot_fill_the_result_cache(default_content, settings):
    from django.core.cache import cache

    from quiz.models import Attempt
    from quiz.services import attempt_complete
    from tests.factories import answer_everything

    settings.ALLOWED_HOSTS = ["testserver", "careerquiz.example"]
    attempt = Attempt.objects.create(quiz=default_content, owner_key="k")
    answer_everything(attempt)
    url = attempt_complete(attempt=attempt).get_absolute_url()
    cache.clear()
    client = Client()
    assert client.get(url, HTTP_HOST="careerquiz.example").status_code == 200
    stored = cached_result_pages()
    assert stored >= 1
    for port in range(1, 30):
        assert client.get(url, HTTP_HOST=f"careerquiz.example:{port}").status_code == 200
    assert cached_result_pages() == stored


def cached_result_pages():
    """How many result pages the cache holds, in the local-memory cache or in Redis."""
    from django.core.cache import caches
    from django.core.cache.backends.locmem import LocMemCache

    cache = caches["default"]
    if isinstance(cache, LocMemCache):
        return sum(1 for key in cache._cache if "careerquiz:result:" in key)
    from django_redis import get_redis_connection

    return len(get_redis_connection("default").keys("*careerquiz:result:*"))
