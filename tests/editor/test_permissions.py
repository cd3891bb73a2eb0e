"""Every tool of the editor's workspace checks the model permissions it needs, in the view:
a staff user sees and uses only what their permissions allow."""

import pytest
from django.urls import reverse

from editor.permissions import EDIT_BANK, VIEW_BANK, VIEW_RESULTS
from quiz.models import Question
from tests.factories import staff_client

TOOLS = {
    "bank_health": VIEW_BANK,
    "bank_rescore": (*VIEW_BANK, *VIEW_RESULTS),
    "results_csv": VIEW_RESULTS,
    "bank_analytics": (*VIEW_RESULTS, "quiz.view_quiz"),
    "bank_export": VIEW_BANK,
    "bank_import": (*VIEW_BANK, *EDIT_BANK),
    "bank_versions": VIEW_BANK,
}
VIEW_ALL = tuple(sorted({*VIEW_BANK, *VIEW_RESULTS, "quiz.view_quiz"}))
ROLES = {
    "no permissions": (),
    "view only": VIEW_ALL,
    "change quiz only": ("quiz.change_quiz", "quiz.view_quiz"),
    "results viewer": (*VIEW_RESULTS, "quiz.view_quiz"),
    "bank editor": (*VIEW_ALL, *EDIT_BANK),
}


@pytest.mark.parametrize("who", sorted(ROLES))
def test_every_editor_tool_opens_only_with_the_permissions_it_needs(default_content, who):
    client = staff_client(who, ROLES[who])
    granted = set(ROLES[who])
    for tool, needed in TOOLS.items():
        response = client.get(reverse(f"admin:{tool}"))
        allowed = set(needed) <= granted
        assert response.status_code == (200 if allowed else 403), (who, tool, response.status_code)
        if tool == "bank_import":
            posted = client.post(reverse(f"admin:{tool}"), {"action": "apply", "bank_json": "{}"})
            assert posted.status_code in ((200, 422) if allowed else (403,)), (who, tool)


@pytest.mark.parametrize("who", sorted(ROLES))
def test_the_admin_index_links_only_the_tools_a_user_may_use(default_content, who):
    page = staff_client(who, ROLES[who]).get(reverse("admin:index")).content.decode()
    for tool, needed in TOOLS.items():
        if tool == "bank_export" and set(EDIT_BANK) <= set(ROLES[who]):
            continue  # offered through the upload page
        assert (reverse(f"admin:{tool}") in page) == (set(needed) <= set(ROLES[who])), (who, tool)


def test_a_view_only_user_cannot_deactivate_a_question(default_content):
    client = staff_client("viewer", VIEW_ALL)
    question = Question.objects.get(slug="unused-feature")
    response = client.post(reverse("admin:quiz_question_deactivate", args=[question.pk]))
    assert response.status_code == 403
    changelist = client.get(reverse("admin:quiz_question_changelist")).content.decode()
    assert 'value="deactivate"' not in changelist
    client.post(
        reverse("admin:quiz_question_changelist"),
        {"action": "deactivate", "_selected_action": [question.pk]},
    )
    question.refresh_from_db()
    assert question.active


def test_an_editor_with_change_permission_can_deactivate(default_content):
    client = staff_client("editor", (*VIEW_ALL, "quiz.change_question"))
    question = Question.objects.get(slug="unused-feature")
    response = client.post(reverse("admin:quiz_question_deactivate", args=[question.pk]))
    assert response.status_code == 302
    question.refresh_from_db()
    assert not question.active


def test_a_non_numeric_id_in_a_deactivate_link_is_a_404_not_a_500(default_content, admin_client):
    response = admin_client.post("/admin/quiz/question/abc/deactivate/")
    assert response.status_code == 404


def test_a_refusal_is_an_admin_page_naming_the_missing_permission_and_who_grants_it(default_content):
    from django.contrib.auth.models import User

    User.objects.create_superuser("grace", "grace@example.com", "x")
    viewer = staff_client("viewer", VIEW_ALL)
    question = Question.objects.get(slug="unused-feature")
    refused = viewer.post(reverse("admin:quiz_question_change", args=[question.pk]), {"text": "x"})
    page = refused.content.decode()
    assert refused.status_code == 403
    assert 'id="site-name"' in page  # the admin's layout, not the public site's
    assert "“Can change question” (quiz.change_question)" in page
    assert "can grant it in Users: grace" in page
    assert reverse("admin:index") in page

    tool = viewer.get(reverse("admin:bank_import")).content.decode()
    assert "You do not have permission to use this tool." in tool
    assert "“Can add question” (quiz.add_question)" in tool and "(quiz.view_question)" not in tool

    adding = viewer.get(reverse("admin:quiz_persona_add")).content.decode()
    assert "“Can add calibration persona” (quiz.add_persona)" in adding
