import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from quiz import caching
from quiz.content import QUIZ_SLUG
from quiz.models import Attempt, Quiz


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
    """The default bank, loaded the way `make run` loads it."""
    call_command("load_default_content", verbosity=0)
    return Quiz.objects.get(slug=QUIZ_SLUG)


@pytest.fixture
def started(default_content):
    """A browser session that started the default quiz: its client and attempt."""
    client = Client(raise_request_exception=False)
    client.post(reverse("quiz:start", args=[default_content.slug]))
    return client, Attempt.objects.get()
