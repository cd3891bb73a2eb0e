"""The bank is cached per version; an edit to any table of the bank changes the version,
so no step, plan or health page ever reads a stale bank."""

import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from django.apps import apps
from django.db import connection, transaction
from django.test import override_settings

from editor.permissions import BANK_MODELS
from quiz import caching
from quiz.models import Question
from tests.servers import free_port, redis_caches


@pytest.mark.parametrize(("app", "model"), BANK_MODELS)
def test_saving_or_deleting_a_row_of_any_bank_table_changes_the_bank_version(default_content, app, model):
    row = apps.get_model(app, model).objects.order_by("pk").last()
    if model == "role":  # what protects a role from deletion goes first
        row.personas.all().delete()
        row.current_role_options.all().delete()
    before = caching.bank_version()
    caching.forget()
    row.save()
    saved = caching.bank_version()
    assert saved != before
    caching.forget()
    row.delete()
    assert caching.bank_version() != saved


def _question_text_in_cache(question_pk: int) -> str:
    """What a process serves for the question: its text cached under the bank version."""
    return caching.bank_cached(f"probe:{question_pk}", lambda: Question.objects.get(pk=question_pk).text)


@pytest.mark.django_db(transaction=True)
def test_an_edit_is_served_by_other_connections_right_after_it_commits_and_never_before(default_content):
    question = default_content.questions.order_by("pk").first()
    old_text = question.text
    assert _question_text_in_cache(question.pk) == old_text
    saved, checked = threading.Event(), threading.Event()
    errors = []

    def edit():
        try:
            with transaction.atomic():
                edited = Question.objects.get(pk=question.pk)
                edited.text = "A question edited in the admin"
                edited.save()
                saved.set()
                checked.wait(30)
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
        finally:
            connection.close()

    editor = threading.Thread(target=edit)
    editor.start()
    assert saved.wait(30)
    # Another request while the edit is open reads the committed rows, and caches them.
    assert _question_text_in_cache(question.pk) == old_text
    checked.set()
    editor.join(30)
    assert not errors, errors
    assert _question_text_in_cache(question.pk) == "A question edited in the admin"


def write_template(root: Path, text: str) -> None:
    (root / "templates").mkdir(exist_ok=True)
    (root / "templates" / "page.html").write_text(text)


def test_the_code_version_follows_the_templates_and_under_debug_an_edit_at_once(settings, tmp_path):
    settings.BASE_DIR = tmp_path
    write_template(tmp_path, "<p>before</p>")
    settings.DEBUG = True
    before = caching.code_version()
    write_template(tmp_path, "<p>after</p>")
    assert caching.code_version() != before


def test_without_debug_the_code_version_is_computed_once_per_process(settings, tmp_path):
    settings.DEBUG = False
    at_start = caching.code_version()
    settings.BASE_DIR = tmp_path  # what a deploy changes comes with a new process
    write_template(tmp_path, "<p>edited</p>")
    assert caching.code_version() == at_start


RENDER_TWICE = """
import pathlib, sys
import django
django.setup()
from django.conf import settings
from django.template.loader import render_to_string
page = pathlib.Path(sys.argv[1]) / "page.html"
settings.TEMPLATES[0]["DIRS"].insert(0, page.parent)
page.write_text("<p>before</p>")
print(render_to_string("page.html"))
page.write_text("<p>after</p>")
print(render_to_string("page.html"))
"""


@pytest.mark.parametrize(("debug", "second"), [("true", "<p>after</p>"), ("false", "<p>before</p>")])
def test_under_debug_an_edited_template_shows_on_the_next_render(tmp_path, debug, second):
    env = {**os.environ, "DEBUG": debug, "DJANGO_SETTINGS_MODULE": "tests.settings"}
    shown = subprocess.run(
        [sys.executable, "-c", RENDER_TWICE, str(tmp_path)],
        cwd=Path(__file__).resolve().parents[2],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    assert shown == ["<p>before</p>", second]


def test_an_edit_saved_while_redis_is_down_is_served_as_soon_as_it_commits(default_content):
    redis_down = {"default": redis_caches(f"redis://127.0.0.1:{free_port()}/0", timeout=0.2)["default"]}
    question = default_content.questions.order_by("pk").first()
    assert _question_text_in_cache(question.pk) == question.text
    with override_settings(CACHES=redis_down):
        question.text = "Saved while Redis was down"
        question.save()
        assert _question_text_in_cache(question.pk) == "Saved while Redis was down"
    # Redis back with what it held before: the version in the database decides.
    assert _question_text_in_cache(question.pk) == "Saved while Redis was down"
