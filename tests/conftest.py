import pytest
from django.core.management import call_command

from quiz.content import QUIZ_SLUG
from quiz.models import Quiz


@pytest.fixture
def default_content(db):
    """The default bank, loaded the way `make run` loads it."""
    call_command("load_default_content", verbosity=0)
    return Quiz.objects.get(slug=QUIZ_SLUG)
