import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from quiz import caching
from quiz.content import QUIZ_SLUG
from quiz.models import Attempt, Quiz
from tests import bank_snapshot

# What a test module uses decides its marker, so `make unit` (pure Python: no Java, no
# servers, no browser) needs no list of files kept by hand.
SERVER_HELPERS = {"app_servers", "gunicorn", "production_stack", "proxy_stack"}
HTML_CHECKER = {"nu_errors"}


def pytest_collection_modifyitems(items):
    for item in items:
        names = set(vars(item.module)) if item.module is not None else set()
        if names & SERVER_HELPERS:
            item.add_marker(pytest.mark.server)
        # The HTML checker marks the tests that call it (or a module that defines it).
        function = getattr(item, "function", None)
        called = set(function.__code__.co_names) if function is not None else set()
        checker = getattr(item.module, "nu_errors", None)
        if called & HTML_CHECKER or (checker is not None and checker.__module__ == item.module.__name__):
            item.add_marker(pytest.mark.htmlcheck)


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
def linear_quiz(default_content):
    """The default quiz with every question asked in order (adaptive off): for the tests of
    step-by-step mechanics that hold in both modes, on questions they name."""
    Quiz.objects.filter(pk=default_content.pk).update(adaptive=False)
    default_content.refresh_from_db()
    return default_content


@pytest.fixture
def started(linear_quiz):
    """A browser session that started the default quiz (every question in order): its
    client and attempt."""
    client = Client(raise_request_exception=False)
    client.post(reverse("quiz:start", args=[linear_quiz.slug]))
    return client, Attempt.objects.get()


@pytest.fixture
def result(default_content):
    """A product manager's completed result (owner key "owner"), with an empty cache."""
    from django.core.cache import cache

    from quiz.models import Attempt
    from quiz.services import attempt_complete
    from tests.factories import answer_everything

    attempt = Attempt.objects.create(quiz=default_content, owner_key="owner")
    answer_everything(attempt, "product-manager")
    cache.clear()
    return attempt_complete(attempt=attempt)
