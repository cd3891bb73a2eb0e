import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from quiz import caching
from quiz.content import QUIZ_SLUG
from quiz.models import Attempt, Quiz
from tests import bank_snapshot


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The test database, with a copy of the default bank put aside (tests/bank_snapshot.py)."""
    with django_db_blocker.unblock():
        bank_snapshot.take()


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache: cached pages never leak between tests."""
    cache.clear()
    caching.forget()
    yield
    cache.clear()
    caching.forget()


@pytest.fixture
def default_content(db):
    """The default bank, as `make run` loads it (imported once per session)."""
    bank_snapshot.restore()
    return Quiz.objects.get(slug=QUIZ_SLUG)


@pytest.fixture
def started(default_content):
    """A browser session that started the default quiz: its client and attempt."""
    client = Client(raise_request_exception=False)
    client.post(reverse("quiz:start", args=[default_content.slug]))
    return client, Attempt.objects.get()
