"""What an outside attack on a production-configured server found (2026-11-27), each kept
as the behaviour that must hold: the shared result cache cannot be poisoned, a staff
preview is not continued by the next person at the browser, the preview of an admin
change neither says it saved nor holds SQLite's write lock while it scores results, and
a client that refuses gzip gets none."""

import threading
import time

import pytest
from django.conf import settings
from django.contrib.auth.models import User
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.urls import reverse

from editor import preview as preview_module
from quiz.models import Attempt
from quiz.services import answer_save
from roles.models import Role
from tests.admin_forms import form_fields


def reword_a_role_summary(staff):
    """An editor saves a reworded role summary: the preview of the change comes back."""
    client = Client()
    client.force_login(staff)
    role = Role.objects.get(slug="product-manager")
    url = reverse("admin:roles_role_change", args=[role.pk])
    data = form_fields(client.get(url).content.decode(), form_id="role_form")
    data["summary"] = ["A reworded summary."]
    return client.post(url, data)


# --------------------------------------------------------------------------- 1. result cache poisoning


def test_a_history_restore_request_does_not_change_the_page_everyone_else_is_served(result):
    """HX-Request + HX-History-Restore-Request renders the *full* page (partial=False, so
    the same cache key as a plain visit) but with request.htmx truthy, so the template adds
    a second <title> inside #plan (result-article.html:115). It is then served to all."""
    url = result.get_absolute_url()
    clean = Client().get(url).content
    cache.clear()
    Client().get(url, HTTP_HX_REQUEST="true", HTTP_HX_HISTORY_RESTORE_REQUEST="true")
    after = Client().get(url).content
    assert after.count(b"<title>") == 1
    assert after == clean


def test_the_result_page_varies_on_every_header_that_changes_it(result):
    """A full page answered to HX-Request: true (history restore) and the plan partial
    answered to HX-Request: true carry the same Vary, so a shared cache (Cache-Control:
    public) cannot tell them apart."""
    url = result.get_absolute_url()
    restore = Client().get(url, HTTP_HX_REQUEST="true", HTTP_HX_HISTORY_RESTORE_REQUEST="true")
    partial = Client().get(url, HTTP_HX_REQUEST="true")
    assert restore.content != partial.content
    vary = {v.strip().lower() for v in restore["Vary"].split(",")}
    assert "hx-history-restore-request" in vary


# --------------------------------------------------------------------------- 2. staff preview after logout


def test_a_staff_preview_is_not_resumed_by_whoever_uses_the_browser_after_logout(default_content):
    staff = User.objects.create_superuser("boss", "b@example.com", "pw")
    client = Client()
    client.force_login(staff)
    client.post(reverse("quiz:start", args=[default_content.slug]), {"preview": "1", "restart": "1"})
    preview = Attempt.objects.get()
    assert preview.is_preview
    client.post(reverse("admin:logout"))
    # The next person at this browser starts the quiz from the landing page.
    client.post(reverse("quiz:start", args=[default_content.slug]))
    newest = Attempt.objects.order_by("-started_at", "-pk").first()
    resumed_preview = newest.pk == preview.pk
    assert not resumed_preview, "an anonymous visitor's answers would be saved into a staff preview"


# --------------------------------------------------------------------------- 3. preview page message


def test_the_preview_page_does_not_say_the_change_was_saved(default_content):
    staff = User.objects.create_superuser("boss", "b@example.com", "pw")
    page = reword_a_role_summary(staff).content.decode()
    assert "Check this change before it goes live" in page
    assert "was changed successfully" not in page


# --------------------------------------------------------------------------- 4. preview holds the write lock


@pytest.mark.skipif(
    settings.DATABASES["default"]["ENGINE"] != "django.db.backends.sqlite3", reason="SQLite's write lock"
)
@pytest.mark.django_db(transaction=True)
def test_a_job_seeker_can_answer_while_an_editor_previews_a_change(default_content, monkeypatch):
    """The preview scores results (bank_state) outside its transaction: on SQLite (BEGIN
    IMMEDIATE) scoring inside it held the write lock, and with 15,000 results answers
    waited over 20 s, then got 503 'database is locked'."""
    staff = User.objects.create_superuser("boss", "b@example.com", "pw")
    seeker = Attempt.objects.create(quiz=default_content, owner_key="seeker")
    question = default_content.active_questions().filter(kind="scale").first()
    real_state = preview_module.bank_state
    calls = {"n": 0}
    measuring = threading.Event()

    def slow_state(*args):
        calls["n"] += 1
        state = real_state(*args)
        if calls["n"] == 2:  # the state after the change, as a big bank of results takes
            measuring.set()
            time.sleep(3)
        return state

    monkeypatch.setattr(preview_module, "bank_state", slow_state)

    def editor_saves():
        try:
            reword_a_role_summary(staff)
        finally:
            connection.close()

    thread = threading.Thread(target=editor_saves)
    thread.start()
    assert measuring.wait(30)
    started = time.monotonic()
    answer_save(attempt=seeker, question=question, scale_value=3)
    waited = time.monotonic() - started
    thread.join(30)
    connection.close()
    assert waited < 1, f"the answer waited {waited:.1f} s for the editor's preview"
