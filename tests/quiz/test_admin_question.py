"""A question's page in the admin: the question, its options and each option's scores on
one page and one save (a matrix of options × competencies), a preview of the question as
job seekers see it, and order without numbers (move up and down)."""

import html
import re

import pytest
from django.conf import settings
from django.urls import reverse

from editor.permissions import VIEW_BANK
from quiz.models import Answer, AnswerChoice, Attempt, BankRevision, Option, Question
from quiz.revisions import record_revision
from roles.models import Competency
from tests.factories import staff_client
from tests.pageforms import page_form

pytestmark = pytest.mark.usefixtures("default_content")

# These tests are about the page's save: they apply the change at once (the preview that
# comes first is tested in tests/editor/test_preview.py).
APPLIED = {"_apply": "1"}


def _change_url(question):
    return reverse("admin:quiz_question_change", args=[question.pk])


def _scores(question):
    return {
        o.slug: {s.competency.slug: s.value for s in o.scores.select_related("competency")}
        for o in question.options.order_by("order", "pk")
    }


def _cell(option, competency_slug, data):
    """The name of an option's score cell for a competency, from the page's own form."""
    index = next(k for k, v in data.items() if v == str(option.pk) and k.endswith("-id")).split("-")[1]
    return f"options-{index}-score-{Competency.objects.get(slug=competency_slug).pk}"


def _page(client, url):
    html = client.get(url).content.decode()
    return html, page_form(html, "question_form")


def test_the_question_page_shows_each_option_with_its_scores_as_labelled_cells(admin_client):
    question = Question.objects.get(slug="unused-feature")
    html, data = _page(admin_client, _change_url(question))
    headers = re.findall(r'<th scope="col" class="score-column">([^<]+)</th>', html)
    assert sorted(headers) == sorted(
        [
            "Customer insight",
            "Stakeholder communication",
            "Data and metrics",
            "Decision-making under competing demands",
            "User experience design",
        ]
    )
    ask_sales = question.options.get(slug="ask-sales")
    cell = _cell(ask_sales, "stakeholder-communication", data)
    assert data[cell] == "2"
    assert (
        f'<label class="visually-hidden" for="id_{cell}">Score of option “Ask sales and support what customers '
        "say about it” for “Stakeholder communication”</label>" in html
    )
    assert "New column 1" in html and 'name="options-columns-column-0"' in html
    assert 'name="workbench-preview"' in html  # the preview's frame


def test_one_save_changes_scores_and_adds_an_option_scored_in_a_new_column(admin_client):
    question = Question.objects.get(slug="unused-feature")
    url = _change_url(question)
    html, data = _page(admin_client, url)
    call_users = question.options.get(slug="call-users")
    ask_sales = question.options.get(slug="ask-sales")
    new = f"options-{question.options.count()}"  # the blank row after the saved options
    data.update(
        {
            _cell(call_users, "customer-insight", data): "4",
            _cell(ask_sales, "stakeholder-communication", data): "",  # no longer scored
            f"{new}-label": "Ask the analytics team to dig in",
            f"{new}-slug": "ask-analytics",
            f"{new}-active": "on",
            f"{new}-score-{Competency.objects.get(slug='data-metrics').pk}": "2",
            "options-columns-column-0": str(Competency.objects.get(slug="business-acumen").pk),
            f"{new}-new-score-0": "1",
            "_save": "Save",
        }
    )
    response = admin_client.post(url, {**data, **APPLIED})
    assert response.status_code == 302, response.content.decode()[:2000]
    scores = _scores(question)
    assert scores["call-users"] == {"customer-insight": 4}
    assert scores["ask-sales"] == {"customer-insight": 2}
    assert scores["ask-analytics"] == {"data-metrics": 2, "business-acumen": 1}
    assert (
        list(question.options.order_by("order", "pk").values_list("slug", flat=True))[-1] == "ask-analytics"
    )
    assert scores["usage-data"] == {"data-metrics": 3}  # rows not touched stay as they were


def test_a_question_with_five_options_and_their_scores_is_added_in_one_post(admin_client, default_content):
    url = reverse("admin:quiz_question_add")
    html, data = _page(admin_client, url + f"?quiz={default_content.pk}")
    last_order = default_content.questions.order_by("-order").first().order
    discovery = Competency.objects.get(slug="customer-insight")
    data.update(
        {
            "text": "How often do you watch someone use your product?",
            "slug": "watch-users",
            "kind": "single",
            "options-columns-column-0": str(discovery.pk),
            "_save": "Save",
        }
    )
    for n, label in enumerate(["Never", "Once a year", "Every quarter", "Every month", "Every week"]):
        data.update(
            {
                f"options-{n}-label": label,
                f"options-{n}-slug": f"level-{n}",
                f"options-{n}-new-score-0": str(n),
            }
        )
    response = admin_client.post(url, {**data, **APPLIED})
    assert response.status_code == 302, response.content.decode()[:3000]
    question = Question.objects.get(slug="watch-users")
    assert question.quiz == default_content and question.order == last_order + 1
    assert [(o.label, o.order) for o in question.options.order_by("order")] == [
        ("Never", 0),
        ("Once a year", 1),
        ("Every quarter", 2),
        ("Every month", 3),
        ("Every week", 4),
    ]
    assert _scores(question) == {f"level-{n}": {"customer-insight": n} for n in range(5)}


def test_a_score_off_the_scale_is_shown_in_its_cell_and_nothing_is_saved(admin_client):
    question = Question.objects.get(slug="unused-feature")
    url = _change_url(question)
    before = _scores(question)
    html, data = _page(admin_client, url)
    cell = _cell(question.options.get(slug="usage-data"), "data-metrics", data)
    data.update({cell: "5", "text": "Reworded?", "_save": "Save"})
    response = admin_client.post(url, {**data, **APPLIED})
    page = response.content.decode()
    assert response.status_code == 200
    message = "Score of option “Pull the usage data to see where people drop off” for “Data and metrics”: Enter a level from 0 to 4"
    assert f'<a href="#id_{cell}">{message}' in page
    assert f'<p class="cell-error" id="id_{cell}_error">' in page and 'aria-invalid="true"' in page
    question.refresh_from_db()
    assert question.text.startswith("A feature your team") and _scores(question) == before


def test_a_new_column_needs_its_competency_and_a_competency_one_column(admin_client):
    question = Question.objects.get(slug="unused-feature")
    url = _change_url(question)
    html, data = _page(admin_client, url)
    data.update({"options-0-new-score-0": "2", "_save": "Save"})
    page = admin_client.post(url, data).content.decode()
    assert "Choose the competency new column 1 scores, or empty its cells." in page
    business = str(Competency.objects.get(slug="business-acumen").pk)
    data.update({"options-columns-column-0": business, "options-columns-column-1": business})
    page = admin_client.post(url, data).content.decode()
    assert "“Business acumen” is in new column 1 already." in page
    in_use = str(Competency.objects.get(slug="data-metrics").pk)
    data.update({"options-columns-column-1": in_use})
    page = admin_client.post(url, data).content.decode()
    assert "That competency has a column already" in page
    assert "business-acumen" not in str(_scores(question))


def test_moving_an_option_saves_the_page_then_swaps_it_with_its_neighbour(admin_client):
    question = Question.objects.get(slug="unused-feature")
    url = _change_url(question)
    html, data = _page(admin_client, url)
    check_flow = question.options.get(slug="check-flow")
    assert f'name="_move_option" value="{check_flow.pk}-up"' in html
    assert 'value="{}-up"'.format(question.options.get(slug="usage-data").pk) not in html  # first: no up
    data.update({"text": "Reworded: what do you do first?", "_move_option": f"{check_flow.pk}-up"})
    response = admin_client.post(url, {**data, **APPLIED})
    assert response.status_code == 302
    assert response["Location"] == f"{url}?moved={check_flow.pk}-up"
    assert list(question.options.order_by("order", "pk").values_list("slug", flat=True))[:3] == [
        "usage-data",
        "check-flow",
        "call-users",
    ]
    assert Question.objects.get(pk=question.pk).text == "Reworded: what do you do first?"
    again = admin_client.get(response["Location"]).content.decode()
    assert re.search(rf'value="{check_flow.pk}-up"[^>]*autofocus', again)
    assert "is now option 2" in again


def test_a_move_naming_another_questions_option_is_a_400_and_saves_nothing(admin_client):
    question = Question.objects.get(slug="unused-feature")
    other = Question.objects.get(slug="made-a-difference").options.first()
    url = _change_url(question)
    html, data = _page(admin_client, url)
    for bad in (f"{other.pk}-up", "x-up", f"{question.options.first().pk}-sideways"):
        data.update({"text": "Should not be saved", "_move_option": bad})
        assert admin_client.post(url, data).status_code == 400
    assert Question.objects.get(pk=question.pk).text.startswith("A feature your team")


def test_questions_move_up_and_down_on_their_quizs_page(admin_client, default_content):
    second, third = default_content.questions.order_by("order", "pk")[1:3]
    quiz_url = reverse("admin:quiz_quiz_change", args=[default_content.pk])
    page = admin_client.get(quiz_url).content.decode()
    assert f'action="{reverse("admin:quiz_question_move", args=[third.pk])}"' in page
    assert f"Move “{third.text}” up" in page
    response = admin_client.post(reverse("admin:quiz_question_move", args=[third.pk]), {"direction": "up"})
    assert response.status_code == 302 and response["Location"] == f"{quiz_url}?moved={third.pk}-up"
    assert list(default_content.questions.order_by("order", "pk")[1:3]) == [third, second]
    first = default_content.questions.order_by("order", "pk").first()
    admin_client.post(reverse("admin:quiz_question_move", args=[first.pk]), {"direction": "up"})
    assert default_content.questions.order_by("order", "pk").first() == first  # already first
    focused = admin_client.get(f"{quiz_url}?moved={first.pk}-up").content.decode()
    assert re.search(
        r'name="direction" value="down"[^>]*autofocus', focused.split(f'id="question-{first.pk}"')[1]
    )
    assert (
        admin_client.post(
            reverse("admin:quiz_question_move", args=[third.pk]), {"direction": "left"}
        ).status_code
        == 400
    )
    assert admin_client.get(reverse("admin:quiz_question_move", args=[third.pk])).status_code == 405


def _slugs(question):
    return list(question.options.order_by("order", "pk").values_list("slug", flat=True))


def test_an_option_moves_to_any_position_in_one_save_and_one_named_version(admin_client):
    question = Question.objects.get(slug="unused-feature")
    record_revision(summary="Before")
    versions = BankRevision.objects.count()
    before = _slugs(question)
    fifth = question.options.get(slug=before[4])
    url = _change_url(question)
    html, data = _page(admin_client, url)
    assert 'name="move_option"' in html and 'name="position"' in html and ">Save and move<" in html
    data.update({"move_option": str(fifth.pk), "position": "2", "_move_option": "to"})
    response = admin_client.post(url, data)
    assert response.status_code == 302 and response["Location"] == f"{url}?moved={fifth.pk}-to"
    assert _slugs(question) == [before[0], before[4], *before[1:4], *before[5:]]
    assert BankRevision.objects.count() == versions + 1
    assert BankRevision.objects.first().summary == (
        f"Moved option “{fifth.label}” of “{question.text}” from 5 to 2"
    )
    again = admin_client.get(response["Location"]).content.decode()
    assert "is now option 2" in again and re.search(r'value="to"[^>]*autofocus', again)
    # Saving the page without a change records no version ("No fields changed").
    assert admin_client.post(url, {**_page(admin_client, url)[1], **APPLIED}).status_code == 302
    assert BankRevision.objects.count() == versions + 1


def test_a_move_to_a_position_off_the_list_is_a_400_and_saves_nothing(admin_client):
    question = Question.objects.get(slug="unused-feature")
    before = _slugs(question)
    url = _change_url(question)
    _html, data = _page(admin_client, url)
    option = question.options.get(slug=before[2])
    for position in ("0", "99", "two", ""):
        data.update(
            {"text": "Not saved", "move_option": str(option.pk), "position": position, "_move_option": "to"}
        )
        assert admin_client.post(url, data).status_code == 400
    assert _slugs(question) == before and Question.objects.get(pk=question.pk).text != "Not saved"


def test_a_question_moves_to_any_position_on_its_quizs_page_in_one_version(admin_client, default_content):
    record_revision(summary="Before")
    versions = BankRevision.objects.count()
    before = list(default_content.questions.order_by("order", "pk"))
    moved = before[9]
    quiz_url = reverse("admin:quiz_quiz_change", args=[default_content.pk])
    move_url = reverse("admin:quiz_quiz_move_question", args=[default_content.pk])
    page = admin_client.get(quiz_url).content.decode()
    assert f'action="{move_url}"' in page and 'id="move-question-position"' in page
    response = admin_client.post(move_url, {"question": moved.pk, "position": "3"})
    assert response.status_code == 302 and response["Location"] == f"{quiz_url}?moved={moved.pk}-to"
    after = list(default_content.questions.order_by("order", "pk"))
    assert after == [*before[:2], moved, *before[2:9], *before[10:]]
    assert BankRevision.objects.count() == versions + 1
    assert BankRevision.objects.first().summary == f"Moved question “{moved.text}” from 10 to 3"
    assert admin_client.post(move_url, {"question": moved.pk, "position": "999"}).status_code == 400
    other_quiz_question = "999999"
    assert admin_client.post(move_url, {"question": other_quiz_question, "position": "1"}).status_code == 400
    viewer = staff_client("viewer", (*VIEW_BANK, "quiz.change_quiz"))
    assert viewer.post(move_url, {"question": moved.pk, "position": "1"}).status_code == 403
    assert 'id="move-question"' not in viewer.get(quiz_url).content.decode()


def test_ties_in_order_do_not_stop_a_move(admin_client, default_content):
    question = Question.objects.get(slug="unused-feature")
    question.options.update(order=0)
    last = question.options.order_by("order", "pk").last()
    admin_client.post(
        _change_url(question),
        {**_page(admin_client, _change_url(question))[1], "_move_option": f"{last.pk}-up"},
    )
    slugs = list(question.options.order_by("order").values_list("slug", flat=True))
    assert slugs[-2:] == [last.slug, "keep-or-remove"]
    assert sorted(question.options.values_list("order", flat=True)) == list(range(6))


def test_the_preview_shows_the_unsaved_question_as_job_seekers_see_it_and_saves_nothing(admin_client):
    question = Question.objects.get(slug="unused-feature")
    preview_url = reverse("admin:quiz_question_preview", args=[question.pk])
    saved = admin_client.get(preview_url)
    assert (
        saved["X-Frame-Options"] == "SAMEORIGIN"
        and "frame-ancestors 'self'" in saved["Content-Security-Policy"]
    )
    assert "Question 12 of 51" in saved.content.decode()
    html, data = _page(admin_client, _change_url(question))
    data.update(
        {
            "text": "What do you <b>really</b> do first?",
            "options-6-label": "Ask ChatGPT",
            "options-6-slug": "ask-ai",
        }
    )
    data["options-0-DELETE"] = "on"
    preview = admin_client.post(preview_url, data).content.decode()
    assert (
        '<h1 id="question-heading" class="h3 question-heading" tabindex="-1">What do you &lt;b&gt;really&lt;/b&gt; do first?</h1>'
        in preview
    )
    assert "Ask ChatGPT" in preview and "Pull the usage data" not in preview
    assert "I haven&#x27;t worked on a shipped product yet" in preview
    # Its own Next saves no answer and goes nowhere.
    assert admin_client.post(preview_url, {"answer": "1"}).status_code == 204
    assert Answer.objects.count() == 0 and not Option.objects.filter(slug="ask-ai").exists()
    assert Question.objects.get(pk=question.pk).text.startswith("A feature your team")


def test_a_view_only_editor_sees_the_matrix_and_cannot_change_or_move(client, default_content):
    viewer = staff_client("viewer", VIEW_BANK)
    question = Question.objects.get(slug="unused-feature")
    html = viewer.get(_change_url(question)).content.decode()
    assert "Options and their scores" in html and "Stakeholder communication" in html
    assert (
        'name="options-0-score-' not in html
        and "_move_option" not in html
        and "Preview the question" not in html
    )
    assert viewer.get(reverse("admin:quiz_question_preview", args=[question.pk])).status_code == 200
    assert viewer.post(_change_url(question), {"text": "x"}).status_code == 403
    assert (
        viewer.post(reverse("admin:quiz_question_move", args=[question.pk]), {"direction": "up"}).status_code
        == 403
    )
    quiz_page = viewer.get(reverse("admin:quiz_quiz_change", args=[default_content.pk])).content.decode()
    assert 'name="direction"' not in quiz_page


def test_a_view_only_editor_may_not_post_unsaved_edits_to_the_preview(admin_client, default_content):
    viewer = staff_client("viewer", VIEW_BANK)
    viewer.raise_request_exception = False
    question = Question.objects.get(slug="unused-feature")
    url = reverse("admin:quiz_question_preview", args=[question.pk])
    _html, crafted = _page(admin_client, _change_url(question))
    crafted.update({"text": "Crafted", "options-0-label": "<b>x</b>"})
    assert viewer.post(url, crafted).status_code == 403
    assert viewer.post(url, {"text": "x", "options-TOTAL_FORMS": "9"}).status_code == 403
    assert viewer.post(reverse("admin:quiz_question_preview"), {"text": "x"}).status_code == 403
    # The Next button inside the saved question's preview still does nothing, harmlessly.
    assert viewer.post(url, {"answer": "1"}).status_code == 204


def test_without_score_permissions_the_options_save_and_the_scores_stay():
    editor = staff_client(
        "option-editor", (*VIEW_BANK, "quiz.change_question", "quiz.change_option", "quiz.add_option")
    )
    question = Question.objects.get(slug="unused-feature")
    before = _scores(question)
    html, data = _page(editor, _change_url(question))
    assert not any("-score-" in name for name in data)
    data.update({"options-0-label": "Pull the usage data first", "_save": "Save"})
    assert editor.post(_change_url(question), {**data, **APPLIED}).status_code == 302
    assert question.options.get(slug="usage-data").label == "Pull the usage data first"
    assert _scores(question) == before


@pytest.mark.parametrize("slug", ["current-role", "done-recently"])
def test_the_biggest_questions_pages_post_under_the_field_limit(admin_client, slug):
    """A request may carry DATA_UPLOAD_MAX_NUMBER_FIELDS fields; the page of the question
    with the most options and the one with the most score columns stay well under it."""
    question = Question.objects.get(slug=slug)
    html, data = _page(admin_client, _change_url(question))
    fields = sum(len(v) if isinstance(v, list) else 1 for v in data.values())
    assert fields < settings.DATA_UPLOAD_MAX_NUMBER_FIELDS * 0.85, fields
    before = _scores(question)
    assert admin_client.post(_change_url(question), {**data, "_save": "Save", **APPLIED}).status_code == 302
    assert _scores(question) == before


def test_an_answered_option_cannot_be_deleted_from_the_matrix_and_the_page_says_why(
    admin_client, default_content
):
    question = Question.objects.get(slug="unused-feature")
    option = question.options.get(slug="usage-data")
    attempt = Attempt.objects.create(quiz=default_content, owner_key="k")
    AnswerChoice.objects.create(
        answer=Answer.objects.create(attempt=attempt, question=question), option=option
    )
    html, data = _page(admin_client, _change_url(question))
    index = next(k for k, v in data.items() if v == str(option.pk) and k.endswith("-id")).split("-")[1]
    data.update({f"options-{index}-DELETE": "on", "_save": "Save"})
    response = admin_client.post(_change_url(question), data)
    assert response.status_code == 200
    assert (
        "Job seekers have chosen “Pull the usage data to see where people drop off”: it cannot be deleted."
        in response.content.decode()
    )
    assert Option.objects.filter(pk=option.pk).exists()


@pytest.mark.parametrize(
    "posted",
    [
        {"text": "Only a text"},
        {"text": "x" * 400, "kind": "nonsense", "quiz": "abc", "options-TOTAL_FORMS": "zz"},
        {"text": "Rows without a count", "options-0-label": "A", "options-0-score-1": "9"},
    ],
    ids=["no-formset", "garbage", "no-management-form"],
)
def test_a_preview_of_a_malformed_page_is_still_a_page_never_a_500(admin_client, posted):
    question = Question.objects.get(slug="unused-feature")
    for url in (
        reverse("admin:quiz_question_preview"),
        reverse("admin:quiz_question_preview", args=[question.pk]),
    ):
        response = admin_client.post(url, posted)
        assert response.status_code == 200, url
        assert 'id="quiz-card"' in response.content.decode()
    assert (
        admin_client.post(
            reverse("admin:roles_role_preview"), {"profile-1-level": "x", "name": ""}
        ).status_code
        == 200
    )


def test_a_page_posted_without_its_rows_count_is_an_error_on_the_page_and_saves_nothing(admin_client):
    question = Question.objects.get(slug="unused-feature")
    html, data = _page(admin_client, _change_url(question))
    data = {k: v for k, v in data.items() if not k.startswith("options-") or k.endswith("-label")}
    data.update({"text": "Not saved", "_save": "Save"})
    response = admin_client.post(_change_url(question), data)
    assert response.status_code == 200
    assert "ManagementForm data is missing" in response.content.decode()
    assert Question.objects.get(pk=question.pk).text.startswith("A feature your team")


def test_the_persona_list_leads_with_pass_or_fail_and_filters_by_it(admin_client, default_content):
    from quiz.calibration import persona_outcomes
    from quiz.models import Persona

    outcomes = persona_outcomes(default_content)
    failing = {o.name for o in outcomes if not o.passed}
    url = reverse("admin:quiz_persona_changelist")
    page = admin_client.get(url).content.decode()
    header = re.search(r"<thead>(.*?)</thead>", page, re.S).group(1)
    assert header.index("Passes (first)") < header.index("Name")

    def listed(query):  # the list itself, not the banner that names failing personas
        page = admin_client.get(url + query).content.decode()
        return re.search(r'<table id="result_list">(.*?)</table>', page, re.S).group(1)

    fails, passes = listed("?passes=no"), listed("?passes=yes")
    for persona in Persona.objects.all():
        name = html.escape(persona.name)
        assert (name in fails) == (persona.name in failing)
        assert (name in passes) == (persona.name not in failing)


def test_the_preview_frame_is_out_of_the_tab_order(admin_client):
    question = Question.objects.get(slug="unused-feature")
    page = admin_client.get(_change_url(question)).content.decode()
    frame = re.search(r"<iframe[^>]*>", page).group(0)
    assert " inert" in frame
