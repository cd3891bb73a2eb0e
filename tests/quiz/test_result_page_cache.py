"""A result page never changes: after its first view it comes from the cache alone
(django.core.cache, keyed by validated values), with an ETag, and may be kept by browsers
and shared caches."""

import gzip

import pytest
from django.test import Client
from django.test.utils import override_script_prefix

from tests.factories import own


def test_a_viewed_result_page_is_served_without_a_database_query(result, django_assert_num_queries):
    url = result.get_absolute_url()
    first = Client().get(url)
    with django_assert_num_queries(0):
        again = Client().get(url)
    assert again.status_code == 200
    assert again.content == first.content


def test_a_result_page_carries_validators_and_may_be_kept_by_shared_caches(result):
    response = Client().get(result.get_absolute_url())
    assert response.status_code == 200
    assert response["ETag"].startswith('"')
    assert "public" in response["Cache-Control"] and "max-age=" in response["Cache-Control"]
    vary = {v.strip().lower() for v in response["Vary"].split(",")}
    assert {"hx-request", "accept-encoding"} <= vary
    assert "cookie" not in vary
    assert not response.cookies  # nothing about the visitor: one copy serves everyone


def test_the_owner_gets_the_same_cookie_free_page_as_anyone(result):
    owner = own(Client(), "owner")
    mine = owner.get(result.get_absolute_url())
    theirs = Client().get(result.get_absolute_url())
    assert mine.content == theirs.content
    assert "cookie" not in mine["Vary"].lower() and not mine.cookies
    assert "csrf" not in mine.content.decode().lower()


def test_a_conditional_request_for_an_unchanged_result_gets_304(result):
    first = Client().get(result.get_absolute_url())
    response = Client().get(result.get_absolute_url(), headers={"If-None-Match": first["ETag"]})
    assert response.status_code == 304
    assert response.content == b""
    assert response["ETag"] == first["ETag"]


def test_a_stale_validator_gets_the_whole_page(result):
    response = Client().get(result.get_absolute_url(), headers={"If-None-Match": '"something-else"'})
    assert response.status_code == 200 and b"<article" in response.content


def test_the_page_is_compressed_for_clients_that_take_gzip_and_each_encoding_has_its_own_etag(result):
    plain = Client().get(result.get_absolute_url())
    zipped = Client().get(result.get_absolute_url(), headers={"Accept-Encoding": "gzip, br"})
    assert zipped["Content-Encoding"] == "gzip" and "Content-Encoding" not in plain
    assert gzip.decompress(zipped.content) == plain.content
    assert len(zipped.content) < len(plain.content) / 3
    assert zipped["ETag"] != plain["ETag"]
    not_modified = Client().get(
        result.get_absolute_url(), headers={"Accept-Encoding": "gzip", "If-None-Match": zipped["ETag"]}
    )
    assert not_modified.status_code == 304


def test_the_full_page_and_the_htmx_fragment_are_kept_apart(result):
    url = result.get_absolute_url()
    page = Client().get(url)
    fragment = Client().get(url, headers={"HX-Request": "true"})
    again = Client().get(url)
    assert page.content.decode().startswith("<!doctype html>")
    assert not fragment.content.decode().lstrip().startswith("<!doctype")
    assert again.content == page.content


def test_tracking_parameters_do_not_make_another_copy(result, django_assert_num_queries):
    Client().get(result.get_absolute_url())
    with django_assert_num_queries(0):
        response = Client().get(result.get_absolute_url() + "?utm_source=newsletter")
    assert response.status_code == 200


def test_a_plan_nobody_can_choose_is_400_and_not_kept(result):
    url = result.get_absolute_url() + "?role=astronaut"
    first = Client().get(url)
    second = Client().get(url)
    assert first.status_code == second.status_code == 400
    assert "ETag" not in first and "public" not in first.get("Cache-Control", "")


def test_a_page_served_under_a_script_prefix_is_kept_apart_from_the_root_one(result):
    url = result.get_absolute_url()
    with override_script_prefix("/careers/"):
        behind_a_proxy = Client().get(url).content.decode()
    at_the_root = Client().get(url).content.decode()
    assert 'href="/careers/' in behind_a_proxy
    assert 'href="/careers/' not in at_the_root and 'href="/quiz/' in at_the_root


@pytest.mark.parametrize(
    "spelling", ["LOCALHOST", "localhost.", "LoCaLhOsT", "localhost:80", "Localhost.:80"]
)
def test_every_spelling_of_the_host_is_served_from_the_one_cached_page(
    result, spelling, django_assert_num_queries
):
    url = result.get_absolute_url()
    first = Client().get(url, headers={"Host": "localhost"})
    with django_assert_num_queries(0):
        again = Client().get(url, headers={"Host": spelling})
    assert again.status_code == 200 and again.content == first.content
    assert f'value="http://localhost{url}"' in again.content.decode()  # the share link


def test_a_host_with_a_port_the_server_does_not_listen_on_is_not_cached(
    result, django_assert_max_num_queries
):
    url = result.get_absolute_url()
    for _ in range(2):
        response = Client().get(url, headers={"Host": "localhost:8081"})
        assert response.status_code == 200
    assert f'value="http://localhost:8081{url}"' in response.content.decode()
    with django_assert_max_num_queries(10) as captured:
        Client().get(url, headers={"Host": "localhost:8081"})
    assert len(captured) > 0  # rendered again, not served from a cache entry
