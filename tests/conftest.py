import pytest
from django.core.cache import cache
from django.core.management import call_command

from quiz import caching
from quiz.content import QUIZ_SLUG
from quiz.models import Quiz


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
