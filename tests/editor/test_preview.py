"""Saving a question, option, score, role or transition in the admin first shows what the
change would do (personas, completed results, bank health); it is applied only when the
editor confirms."""

import re

import pytest
from django.urls import reverse

from quiz.models import Attempt, BankRevision, Persona
from quiz.revisions import record_revision
from quiz.services import attempt_complete
from roles.models import Role
from tests.admin_forms import form_fields
from tests.editor.test_permissions import VIEW_ALL, staff_client
from tests.factories import answer_everything

APPLY = "Apply this change"


@pytest.fixture
def versioned(default_content):
    return record_revision(summary="Default content loaded") or BankRevision.objects.get()


def role_form(client, role):
    url = reverse("admin:roles_role_change", args=[role.pk])
    return url, form_fields(client.get(url).content.decode(), form_id="role_form")


def test_making_a_role_unrecommendable_first_shows_who_it_would_affect(versioned, admin_client):
    persona = Persona.objects.filter(expected_role__slug="product-manager").first()
    attempt = Attempt.objects.create(quiz=persona.quiz, owner_key="k")
    answer_everything(attempt, "product-manager")
    assert attempt_complete(attempt=attempt).recommended_role_slug == "product-manager"
    role = Role.objects.get(slug="product-manager")
    url, data = role_form(admin_client, role)
    data.pop("recommendable")
    preview = admin_client.post(url, {**data, "_save": "Save"})
    page = preview.content.decode()
    assert preview.status_code == 200 and APPLY in page
    assert f"“{persona.name}” would stop passing" in page
    assert "Product Manager would not be ranked at all (not recommendable)" in page
    assert "1 of 1 completed results would get another recommendation" in page
    assert "From" in page and "Product Manager" in page
    role.refresh_from_db()
    assert role.recommendable, "nothing is saved before the editor confirms"
    assert list(BankRevision.objects.all()) == [versioned]
    assert "was changed successfully" not in admin_client.get(url).content.decode()

    confirm = {**form_fields(page, form_class="apply-change"), "_apply": "1"}  # the button clicked
    applied = admin_client.post(url, confirm)
    assert applied.status_code == 302
    role.refresh_from_db()
    assert not role.recommendable
    assert BankRevision.objects.first().pk != versioned.pk


def test_a_change_that_moves_nothing_says_so(versioned, admin_client):
    role = Role.objects.get(slug="product-manager")
    url, data = role_form(admin_client, role)
    data["summary"] = ["A reworded summary."]
    page = admin_client.post(url, data).content.decode()
    assert "No persona would start or stop passing." in page
    assert "The change would create no bank health problem." in page
    assert Role.objects.get(pk=role.pk).summary != "A reworded summary."


def test_a_change_with_errors_shows_the_form_and_no_preview(versioned, admin_client):
    role = Role.objects.get(slug="product-manager")
    url, data = role_form(admin_client, role)
    data["name"] = [""]
    response = admin_client.post(url, data)
    assert response.status_code == 200
    assert APPLY not in response.content.decode() and "errorlist" in response.content.decode()


def test_editor_text_in_the_preview_is_data(versioned, admin_client):
    role = Role.objects.get(slug="product-manager")
    url, data = role_form(admin_client, role)
    data["summary"] = ['<script>alert(1)</script>" onmouseover="x']
    page = admin_client.post(url, data).content.decode()
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;&quot; onmouseover=&quot;x" in page


def test_a_view_only_editor_can_neither_preview_nor_apply(versioned, admin_client):
    role = Role.objects.get(slug="product-manager")
    url, data = role_form(admin_client, role)
    viewer = staff_client("viewer", VIEW_ALL)
    assert viewer.post(url, data).status_code == 403
    assert viewer.post(url, {**data, "_apply": "1"}).status_code == 403


def test_going_back_from_the_check_page_keeps_everything_typed_and_saves_nothing(versioned, admin_client):
    role = Role.objects.get(slug="product-manager")
    url, data = role_form(admin_client, role)
    data["summary"] = ["A summary typed with care."]
    level = next(key for key in data if key.endswith("-level"))
    data[level] = ["4"] if data[level] != ["4"] else ["3"]
    page = admin_client.post(url, {**data, "_save": "Save"}).content.decode()
    assert "Back to the form, keeping this edit" in page

    back = {**form_fields(page, form_class="apply-change"), "_keep_editing": "1"}  # the button clicked
    form = admin_client.post(url, back)
    html = form.content.decode()
    assert form.status_code == 200
    kept = form_fields(html, form_id="role_form")
    assert kept["summary"] == ["A summary typed with care."] and kept[level] == data[level]
    assert Role.objects.get(pk=role.pk).summary != "A summary typed with care."
    assert list(BankRevision.objects.all()) == [versioned]


def test_a_persona_that_flips_is_explained_by_match_points_and_deciding_competencies(versioned):
    from editor.preview import why_it_flips
    from quiz.bank import load_bank

    persona = Persona.objects.filter(expected_role__slug="product-manager").first()
    banks = {persona.quiz_id: (persona.quiz, load_bank(persona.quiz))}
    why = why_it_flips(persona.pk, banks)
    match = re.fullmatch(r"Product Manager (\d+\.\d) vs (.+) (\d+\.\d) match points; deciding: (.+)", why)
    assert match, why
    assert float(match.group(1)) >= float(match.group(3))  # it passes: its role leads
    assert re.fullmatch(r"[^,]+ \(\+\d+\.\d\)(, [^,]+ \(\+\d+\.\d\)){0,2}", match.group(4))
