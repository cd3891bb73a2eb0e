"""The bank editor's workspace: live edits, personas, bank health, re-score, exports."""

import csv
import html
import io
import json
from collections import Counter

import pytest
from django.core.management import CommandError, call_command
from django.http import StreamingHttpResponse
from django.test import Client
from django.urls import reverse

from editor import views as editor_views
from editor.health import check_bank
from editor.rescore import rescore_preview
from editor.views import spreadsheet_safe
from quiz import engine
from quiz.bank import load_bank
from quiz.calibration import persona_outcomes
from quiz.models import Answer, Attempt, Option, Question, Result
from quiz.selectors import attempt_answers, engine_answers
from quiz.services import answer_save, attempt_complete
from roles.models import Competency, Role, RoleCompetency, Transition
from tests.factories import (
    KNOWN_PERSONA_MISSES,
    answer_everything,
    drop_known_persona_misses,
    make_attempt,
    make_question,
    step_url,
)


def break_a_weight():
    """A deliberately broken edit: typos make the product owner a role for people who
    lead organisations and want to lead leaders (level 4 instead of 0, high importance)."""
    for competency in ("people-management", "people-managed", "people-leadership"):
        rc = RoleCompetency.objects.get(role__slug="product-owner", competency__slug=competency)
        rc.level, rc.importance = 4, 3
        rc.save()


@pytest.mark.usefixtures("linear_quiz")
def test_an_attempt_started_before_questions_were_deactivated_and_added_completes(default_content):
    client = Client()
    client.post(reverse("quiz:start", args=[default_content.slug]))
    attempt = Attempt.objects.get()
    questions = list(default_content.active_questions())
    for q in questions[:5]:
        answer_save(
            attempt=attempt,
            question=q,
            options=[q.options.first()] if q.kind != "scale" else [],
            scale_value=3 if q.kind == "scale" else None,
        )
    total_before = len(questions)
    # An admin deactivates an answered and an unanswered question and adds a new one.
    Question.objects.filter(pk__in=[questions[2].pk, questions[10].pk]).update(active=False)
    Question.objects.get(pk=questions[2].pk).save()  # through the admin, a save: the bank changed
    skill = Competency.objects.get(slug="data-metrics")
    added = make_question(
        default_content,
        slug="new-question",
        options=[("low", "Low", {skill: 1}), ("high", "High", {skill: 4})],
        order=999,
    )
    page = client.get(step_url(attempt, questions[5].slug)).content.decode()
    assert (
        f"Question 5 of {total_before - 1}" in page
    )  # two gone, one added; one answered one removed before it
    assert client.get(step_url(attempt, questions[10].slug)).status_code == 404
    answer_everything(attempt)
    Answer.objects.filter(attempt=attempt, question=added).delete()
    summary = client.get(reverse("quiz:summary", args=[attempt.uuid])).content.decode()
    assert "Some questions are not answered yet." in summary and added.text in summary
    response = client.post(step_url(attempt, "new-question"), {"answer": added.options.get(slug="high").pk})
    assert response["Location"] == reverse("quiz:summary", args=[attempt.uuid])
    assert client.post(reverse("quiz:finish", args=[attempt.uuid])).status_code == 302
    result = Result.objects.get()
    assert (
        "new-question" in result.snapshot["answers"] and questions[2].slug not in result.snapshot["answers"]
    )


def test_the_hand_written_personas_meet_the_goals_of_the_default_bank(default_content):
    outcomes = persona_outcomes(default_content)
    recommendable = Role.objects.recommendable().count()
    assert len(outcomes) >= 2 * recommendable + Role.objects.filter(recommendable=False).count()
    # Issue #24's goals are 90 % first and all in the top three; engine 3.0 measures 62 of 77 and
    # two out of the top three (KNOWN_PERSONA_MISSES; benchmarks/RESULTS.md). These hold the
    # measured figures so that no change makes them worse unseen.
    assert sum(o.passed for o in outcomes) >= 0.8 * len(outcomes), [o for o in outcomes if not o.passed]
    missed = [o for o in outcomes if not o.in_top_three]
    assert len(missed) <= len(KNOWN_PERSONA_MISSES), missed


def test_a_broken_weight_drops_personas_out_of_the_top_three_with_a_banner(default_content, admin_client):
    break_a_weight()
    failing = [o for o in persona_outcomes(default_content) if not o.in_top_three]
    assert "product-owner" in {o.expected for o in failing}
    page = admin_client.get(reverse("admin:quiz_persona_changelist")).content.decode()
    for outcome in failing:
        assert html.escape(outcome.name) in page
    for url in (reverse("admin:quiz_quiz_changelist"), reverse("admin:roles_role_changelist")):
        assert "no longer have their role among the top three" in admin_client.get(url).content.decode()


def test_no_banner_while_every_persona_has_its_role_in_the_top_three(default_content, admin_client):
    drop_known_persona_misses()
    assert (
        "no longer have their role"
        not in admin_client.get(reverse("admin:quiz_quiz_changelist")).content.decode()
    )


def test_the_rescore_preview_counts_a_known_change_without_touching_results(default_content, admin_client):
    attempt = Attempt.objects.create(quiz=default_content, owner_key="k")
    answer_everything(attempt, "product-owner")
    result = attempt_complete(attempt=attempt)
    assert result.recommended_role_slug == "product-owner"
    page = admin_client.get(reverse("admin:bank_rescore")).content.decode()
    assert "0 of 1 completed results would get another recommendation" in page
    break_a_weight()
    page = admin_client.get(reverse("admin:bank_rescore")).content.decode()
    assert "1 of 1 completed results would get another recommendation" in page
    assert "<td>product-owner</td>" in page
    result.refresh_from_db()
    assert result.recommended_role_slug == "product-owner"


def test_the_rescore_preview_pages_through_results_and_scores_each_answer_set_once(default_content):
    roles = ["product-owner", "product-owner", "cpo", "head-of-product", "product-owner", "cpo", "student"]
    for i, role in enumerate(roles):
        attempt = make_attempt(default_content, f"k{i}")
        answer_everything(attempt, role)
        attempt_complete(attempt=attempt)
    preview = make_attempt(default_content, "staff", is_preview=True)
    answer_everything(preview, "cpo")
    attempt_complete(attempt=preview)
    break_a_weight()
    # One page, or pages of two and three across the boundaries, remembering answer sets or not.
    whole = rescore_preview()
    assert whole["total"] == 7 and whole["changed"] >= 1 and whole["scored"] == len(set(roles))
    for chunk, remembered in ((2, 10), (3, 0), (1, 1)):
        paged = rescore_preview(chunk=chunk, remembered=remembered)
        assert {k: v for k, v in paged.items() if k != "scored"} == {
            k: v for k, v in whole.items() if k != "scored"
        }, (chunk, remembered)
    assert rescore_preview(chunk=3, remembered=0)["scored"] == 7
    # Each result as the engine scores its stored answers now, one by one.
    bank = load_bank(default_content)
    expected = Counter()
    for result in Result.objects.real():
        answers = engine_answers(attempt_answers(result.attempt))
        now = engine.rank_roles(bank, engine.build_profile(bank, answers))[0].role
        if now != result.recommended_role_slug:
            expected[(result.recommended_role_slug, now)] += 1
    assert {(c["from"], c["to"]): c["count"] for c in whole["changes"]} == expected


def test_the_default_bank_has_no_errors_only_its_known_persona_near_misses(default_content, capsys):
    errors = [p for p in check_bank(default_content) if p.level == "error"]
    assert {p.kind for p in errors} <= {"failing-persona"}
    assert len(errors) <= len(KNOWN_PERSONA_MISSES), errors
    drop_known_persona_misses()
    problems = check_bank(default_content)
    assert [p for p in problems if p.level == "error"] == []
    # Content v3 has a top rung without a next step (Director of Program Management).
    assert {p.kind for p in problems} <= {"failing-persona", "role-without-route-out"}
    call_command("check_bank")
    assert ": error:" not in capsys.readouterr().out


def test_check_bank_finds_each_kind_of_problem(default_content, capsys):
    # A competency measured by one question only.
    Question.objects.filter(slug="stories-ready").update(active=False)
    # A recommendable role with an incomplete profile.
    RoleCompetency.objects.filter(role__slug="cpo", competency__slug="ux-design").delete()
    # Two roles with the same profile (and so one of them unreachable).
    gpm = Role.objects.get(slug="group-pm")
    for rc in RoleCompetency.objects.filter(role__slug="director-of-product"):
        RoleCompetency.objects.filter(role=gpm, competency=rc.competency).update(
            level=rc.level, importance=rc.importance
        )
    # A starting role with no route.
    Transition.objects.filter(from_role__slug="student").delete()
    # An option without scores, a question without options.
    question = Question.objects.get(slug="unused-feature")
    Option.objects.create(question=question, slug="shrug", label="Shrug", order=9)
    Question.objects.create(quiz=default_content, slug="empty", text="Empty?", order=99)
    # A failing persona.
    break_a_weight()
    kinds = {p.kind for p in check_bank(default_content)}
    assert kinds >= {
        "competency-under-measured",
        "incomplete-profile",
        "near-identical-roles",
        "unreachable-role",
        "origin-without-route",
        "incomplete-question",
        "question-without-options",
        "failing-persona",
    }
    with pytest.raises(CommandError, match="error"):
        call_command("check_bank")
    out = capsys.readouterr().out
    assert "Competency “Backlog management” is measured by 1 question(s); it needs at least 2" in out
    assert "/admin/" in out


def test_the_admin_shows_bank_problems_with_links_and_a_banner(default_content, admin_client):
    drop_known_persona_misses()
    assert "The question bank has 1" not in admin_client.get("/admin/").content.decode()
    Transition.objects.filter(from_role__slug="student").delete()
    index = admin_client.get("/admin/").content.decode()
    assert "The question bank has 1 problem." in index
    health = admin_client.get(reverse("admin:bank_health")).content.decode()
    student = Role.objects.get(slug="student")
    assert "Starting role “Student or career changer” has no route" in health
    assert reverse("admin:roles_role_change", args=[student.pk]) in health


@pytest.mark.parametrize(
    ("value", "safe"),
    [
        ("=1+1", "'=1+1"),
        ("+SUM(A1)", "'+SUM(A1)"),
        ("-2", "'-2"),
        ("@cmd", "'@cmd"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("plain", "plain"),
        (42, "42"),
        (None, ""),
    ],
)
def test_spreadsheet_cells_are_safe_against_formula_injection(value, safe):
    assert spreadsheet_safe(value) == safe


def test_results_export_is_a_streamed_utf8_csv_with_a_bom_for_the_date_range(default_content, admin_client):
    for owner, preview in (("a", False), ("b", True)):
        attempt = Attempt.objects.create(quiz=default_content, owner_key=owner, is_preview=preview)
        answer_everything(attempt, "head-of-product")
        attempt_complete(attempt=attempt)
    Result.objects.filter(attempt__owner_key="a").update(recommended_role_slug='=HYPERLINK("x")')
    response = admin_client.get(reverse("admin:results_csv"))
    assert isinstance(response, StreamingHttpResponse)
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    body = b"".join(response.streaming_content).decode("utf-8")
    assert body.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(body[1:])))
    assert rows[0][4] == "recommended role"
    assert len(rows) == 2  # the staff preview is not counted
    assert rows[1][4] == '\'=HYPERLINK("x")'
    empty = admin_client.get(reverse("admin:results_csv") + "?start=2001-01-01&end=2001-01-31")
    assert len(b"".join(empty.streaming_content).decode().strip().splitlines()) == 1


def test_the_export_is_the_same_whatever_the_pieces_it_is_read_and_sent_in(
    default_content, admin_client, monkeypatch
):
    for i, role in enumerate(["head-of-product", "cpo", "product-owner", "student", "cpo"]):
        attempt = make_attempt(default_content, f"k{i}")
        answer_everything(attempt, role)
        attempt_complete(attempt=attempt)

    def export():
        response = admin_client.get(reverse("admin:results_csv"))
        return [bytes(piece) for piece in response.streaming_content]

    whole = export()
    monkeypatch.setattr(editor_views, "CSV_FETCH_ROWS", 2)
    monkeypatch.setattr(editor_views, "CSV_SEND_ROWS", 2)
    pieces = export()
    assert b"".join(pieces) == b"".join(whole) and len(pieces) == 1 + 3
    rows = list(csv.reader(io.StringIO(b"".join(pieces).decode("utf-8")[1:])))
    assert len(rows) == 6 and sorted(r[4] for r in rows[1:]) == sorted(
        Result.objects.values_list("recommended_role_slug", flat=True)
    )


def test_the_export_is_for_staff_only(default_content, client):
    assert client.get(reverse("admin:results_csv")).status_code == 302


def test_previewing_a_quiz_as_staff_is_marked_as_preview(default_content, admin_client):
    page = admin_client.get(reverse("admin:quiz_quiz_change", args=[default_content.pk])).content.decode()
    assert "Preview this quiz" in page
    admin_client.post(reverse("quiz:start", args=[default_content.slug]), {"preview": "1", "restart": "1"})
    assert Attempt.objects.get().is_preview is True
    Client().post(reverse("quiz:start", args=[default_content.slug]), {"preview": "1"})
    assert Attempt.objects.filter(is_preview=False).count() == 1  # only staff can preview


def test_the_history_of_an_edit_shows_who_changed_what(default_content, admin_client):
    question = Question.objects.get(slug="unused-feature")
    url = reverse("admin:quiz_question_change", args=[question.pk])
    page = admin_client.get(url)
    form = page.context["adminform"].form
    data = {k: v for k, v in form.initial.items() if v is not None}
    data.update(
        {
            "text": "A reworded question?",
            "quiz": default_content.pk,
            "kind": "single",
            "order": question.order,
        }
    )
    inline = page.context["inline_admin_formsets"][0].formset
    data.update({f"{inline.prefix}-TOTAL_FORMS": "0", f"{inline.prefix}-INITIAL_FORMS": "0"})
    preview = admin_client.post(url, data)
    assert "Check this change before it goes live" in preview.content.decode()
    response = admin_client.post(url, {**data, "_apply": "1"})
    assert response.status_code == 302, response.context["adminform"].form.errors if response.context else ""
    history = admin_client.get(reverse("admin:quiz_question_history", args=[question.pk])).content.decode()
    assert "admin" in history and "Changed Question" in history
    assert Answer.objects.count() == 0


def test_the_bank_downloads_and_uploads_with_a_dry_run_first(default_content, admin_client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    exported = admin_client.get(reverse("admin:bank_export"))
    assert exported["Content-Disposition"].startswith("attachment")
    bank = json.loads(exported.content)
    bank["roles"][1]["name"] = "Product Owner (Scrum)"
    upload = SimpleUploadedFile("bank.json", json.dumps(bank).encode(), content_type="application/json")
    preview = admin_client.post(reverse("admin:bank_import"), {"action": "preview", "bank_file": upload})
    page = preview.content.decode()
    assert "Dry run, nothing changed yet: 0 added, 1 changed, 0 removed" in page
    assert Role.objects.get(slug="product-owner").name == "Product Owner"
    applied = admin_client.post(
        reverse("admin:bank_import"), {"action": "apply", "bank_json": json.dumps(bank)}
    )
    assert "Applied: 0 added, 1 changed, 0 removed" in applied.content.decode()
    assert Role.objects.get(slug="product-owner").name == "Product Owner (Scrum)"
    history = admin_client.get(reverse("admin:quiz_quiz_history", args=[default_content.pk])).content.decode()
    assert "Bank uploaded" in history


def test_a_malformed_upload_changes_nothing_and_says_where(default_content, admin_client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    bank = json.loads(admin_client.get(reverse("admin:bank_export")).content)
    bank["quizzes"][0]["questions"][3]["options"][1]["scores"]["foo"] = 2
    bank["roles"][1]["name"] = "Renamed"
    upload = SimpleUploadedFile("bank.json", json.dumps(bank).encode())
    response = admin_client.post(reverse("admin:bank_import"), {"action": "preview", "bank_file": upload})
    assert response.status_code == 422
    assert 'quizzes[0].questions[3].options[1].scores: unknown competency "foo"' in html.unescape(
        response.content.decode()
    )
    applied = admin_client.post(
        reverse("admin:bank_import"), {"action": "apply", "bank_json": json.dumps(bank)}
    )
    assert applied.status_code == 422 and "Nothing was changed" in applied.content.decode()
    assert Role.objects.get(slug="product-owner").name == "Product Owner"
    broken = admin_client.post(reverse("admin:bank_import"), {"action": "apply", "bank_json": "{nope"})
    assert broken.status_code == 422 and "Not valid JSON" in broken.content.decode()
