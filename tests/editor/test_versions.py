"""Every change applied in the admin records a version of the whole bank; editors see what
changed between two versions and go back to one in one click."""

import copy
import re

import pytest
from django.core.management import call_command
from django.urls import reverse

from quiz.bank import export_bank, import_bank
from quiz.bank.diff import ADDED, CHANGED, REMOVED, REORDERED, bank_diff
from quiz.models import Answer, Attempt, BankRevision, Persona, Question
from quiz.revisions import bank_of, record_revision, restore_revision
from quiz.services import answer_save
from tests.editor.test_permissions import VIEW_ALL, staff_client


@pytest.fixture
def baseline(default_content):
    """The version loading the default content recorded."""
    return record_revision(summary="Default content loaded") or BankRevision.objects.get()


def delete_in_admin(client, obj):
    url = reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_delete", args=[obj.pk])
    return client.post(url, {"post": "yes"})


def test_a_change_applied_in_the_admin_records_a_version_with_who_and_what(
    baseline, admin_client, admin_user
):
    persona = Persona.objects.order_by("name").first()
    assert delete_in_admin(admin_client, persona).status_code == 302
    latest = BankRevision.objects.first()
    assert latest.pk != baseline.pk
    assert latest.author == admin_user and persona.name[:40] in latest.summary
    removed = [c for c in bank_diff(bank_of(baseline), bank_of(latest)) if c.kind == REMOVED]
    assert [c.place for c in removed] == [f"Quiz ‘{persona.quiz.slug}’ › Persona ‘{persona.name}’"]


def test_the_diff_page_shows_each_change_readably(baseline, admin_client):
    persona = Persona.objects.order_by("name").first()
    delete_in_admin(admin_client, persona)
    latest = BankRevision.objects.first()
    page = admin_client.get(reverse("admin:bank_version_diff") + f"?from={baseline.pk}&to={latest.pk}")
    html = page.content.decode()
    assert page.status_code == 200
    assert "Persona ‘" in html and "removed" in html


def test_restoring_a_version_is_checked_first_then_brings_the_bank_back(baseline, admin_client):
    persona = Persona.objects.order_by("name").first()
    delete_in_admin(admin_client, persona)
    latest = BankRevision.objects.first()
    versions = admin_client.get(reverse("admin:bank_versions")).content.decode()
    restore = reverse("admin:bank_version_restore", args=[baseline.pk])
    assert f'href="{restore}"' in versions
    labels = re.findall(r'aria-label="(Restore version [^"]*)"', versions)
    assert labels and len(labels) == len(set(labels))  # each restore control named apart

    check = admin_client.get(restore)
    page = check.content.decode()
    assert check.status_code == 200
    assert f"Restoring version {baseline.pk} of" in page and f"Restore version {baseline.pk}<" in page
    assert "Persona ‘" in page and "added" in page  # before → after
    assert "No persona would start or stop passing." in page  # the same effect check as any change
    assert not Persona.objects.filter(name=persona.name).exists(), "nothing restored before the confirm"
    assert BankRevision.objects.first() == latest

    response = admin_client.post(restore)
    assert response.status_code == 302
    assert Persona.objects.filter(name=persona.name).exists()
    assert export_bank() == bank_of(baseline)
    newest = BankRevision.objects.first()
    assert (
        newest.summary.startswith(f"Restored version {baseline.pk} of") and newest.digest == baseline.digest
    )
    history = admin_client.get(reverse("admin:quiz_quiz_history", args=[persona.quiz_id])).content.decode()
    assert f"Version {baseline.pk} restored" in history


def test_restoring_keeps_the_order_numbers_it_does_not_change(baseline, admin_client):
    from roles.models import Role

    for step, role in enumerate(Role.objects.order_by("order", "pk")):
        Role.objects.filter(pk=role.pk).update(order=10 * step + 5)  # gaps, as hand edits leave them
    numbers = dict(Role.objects.values_list("slug", "order"))
    persona = Persona.objects.order_by("name").first()
    delete_in_admin(admin_client, persona)
    assert admin_client.post(reverse("admin:bank_version_restore", args=[baseline.pk])).status_code == 302
    assert dict(Role.objects.values_list("slug", "order")) == numbers


def test_restoring_keeps_answered_questions_deactivated_rather_than_deleted(baseline, default_content):
    without = copy.deepcopy(bank_of(baseline))
    quiz = without["quizzes"][0]
    quiz["questions"] = [q for q in quiz["questions"] if q["slug"] != "widest-scope"]
    for persona in quiz["personas"]:
        persona["answers"].pop("widest-scope", None)
    import_bank(without)
    old = record_revision(summary="without widest-scope")
    import_bank(bank_of(baseline))
    record_revision(summary="back")
    question = Question.objects.get(quiz=default_content, slug="widest-scope")
    attempt = Attempt.objects.create(quiz=default_content, owner_key="k")
    answer_save(attempt=attempt, question=question, options=[question.options.first()])
    restore_revision(old)
    question.refresh_from_db()
    assert question.active is False
    assert Answer.objects.filter(attempt=attempt, question=question).exists()


def test_a_change_that_fails_validation_records_no_version(baseline, admin_client):
    persona = Persona.objects.first()
    url = reverse("admin:quiz_persona_change", args=[persona.pk])
    response = admin_client.post(url, {"name": "", "quiz": persona.quiz_id})
    assert response.status_code == 422  # the form with its errors
    assert list(BankRevision.objects.all()) == [baseline]


def test_an_unchanged_bank_records_no_new_version(baseline):
    assert record_revision(summary="again") is None
    assert list(BankRevision.objects.all()) == [baseline]


def test_loading_the_default_content_records_the_first_version(db):
    call_command("load_default_content", stdout=None)
    assert BankRevision.objects.get().summary == "Default content loaded"


def test_a_view_only_editor_sees_versions_but_cannot_restore(baseline, admin_client):
    delete_in_admin(admin_client, Persona.objects.first())
    viewer = staff_client("viewer", VIEW_ALL)
    page = viewer.get(reverse("admin:bank_versions"))
    assert page.status_code == 200 and "Restore version" not in page.content.decode()
    assert viewer.get(reverse("admin:bank_version_restore", args=[baseline.pk])).status_code == 403
    assert viewer.post(reverse("admin:bank_version_restore", args=[baseline.pk])).status_code == 403
    assert BankRevision.objects.first().pk != baseline.pk  # nothing restored


@pytest.mark.parametrize("query,status", [("", 400), ("?from=x&to=1", 400), ("?from=999999&to=999998", 404)])
def test_comparing_unknown_versions_is_a_clear_4xx(baseline, admin_client, query, status):
    assert admin_client.get(reverse("admin:bank_version_diff") + query).status_code == status


def test_restoring_an_unknown_version_is_404(baseline, admin_client):
    assert admin_client.post(reverse("admin:bank_version_restore", args=[999999])).status_code == 404


# --------------------------------------------------------------------------- the diff itself


def test_the_diff_matches_entries_by_slug_and_names_each_field():
    before = {
        "roles": [{"slug": "pm", "name": "PM", "profile": {"c": {"level": 2}}}, {"slug": "po", "name": "PO"}]
    }
    after = {
        "roles": [
            {"slug": "po", "name": "PO"},
            {"slug": "pm", "name": "Product manager", "profile": {"c": {"level": 3}}},
            {"slug": "cpo", "name": "CPO"},
        ]
    }
    changes = {(c.place, c.kind): (c.before, c.after) for c in bank_diff(before, after)}
    assert changes[("Role ‘pm’ › name", CHANGED)] == ("PM", "Product manager")
    assert changes[("Role ‘pm’ › profile › c › level", CHANGED)] == (2, 3)
    assert changes[("Role ‘cpo’", ADDED)][1]["name"] == "CPO"
    assert changes[("roles", REORDERED)] == (["pm", "po"], ["po", "pm"])
    assert bank_diff(after, after) == []
