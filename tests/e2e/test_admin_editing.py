"""The bank editor's jobs, walked through the admin in a browser, counting the pages each
job needs: a page is a load of the browser's page (the previews redraw inside theirs)."""

import pytest
from playwright.sync_api import expect

from quiz.models import Question, Quiz
from roles.models import Competency, Role

from .conftest import sign_in
from .test_accessibility import assert_accessible

PASSWORD = "a-long-editor-password"


@pytest.fixture
def editor(page, site, django_user_model):
    """A signed-in bank editor on the admin's index, and a count of the pages loaded."""
    django_user_model.objects.create_superuser("editor", "editor@example.com", PASSWORD)
    page.goto(site + "/admin/")
    sign_in(page, site, "editor", PASSWORD)
    expect(page.get_by_role("heading", name="The question bank")).to_be_visible()
    page.wait_for_load_state("load")  # the index itself is not part of a job
    loads = []
    page.on("load", lambda p: loads.append(p.url))
    return page, loads


def pages_loaded(page, loads) -> int:
    """How many pages the browser loaded, once the last one has (frames included)."""
    page.wait_for_load_state("load")
    return len(loads)


def apply_after_seeing_the_effect(page, check_accessibility=False):
    """Saving shows what the change would do first; nothing is saved until it is applied."""
    expect(page.get_by_role("heading", name="Check this change before it goes live")).to_be_visible()
    expect(page.get_by_role("heading", name="Calibration personas")).to_be_visible()
    if check_accessibility:
        assert_accessible(page, "admin-preview-change")
    page.get_by_role("button", name="Apply this change").click()


def preview(page):
    return page.frame_locator("#workbench-preview-frame")


def test_an_editor_adds_a_role_with_its_whole_profile_on_one_page(editor):
    page, loads = editor
    page.get_by_role("link", name="Add a role").click()
    page.get_by_label("Name", exact=True).press_sequentially("Growth Product Manager")
    expect(page.get_by_label("Slug", exact=True)).to_have_value("growth-product-manager")
    page.get_by_label("Family", exact=True).select_option(label="Product management")
    page.get_by_label("Seniority", exact=True).select_option(label="Senior")
    page.get_by_label("Summary", exact=True).first.fill(
        "Owns the funnel from first visit to paying customer."
    )
    page.get_by_label("Responsibilities", exact=True).fill("Run experiments\nOwn the activation metric")
    competencies = list(Competency.objects.by_kind())
    for n, competency in enumerate(competencies):
        page.get_by_label(f"Expected level of “{competency.name}”").select_option(str(n % 5))
        page.get_by_label(f"Importance of “{competency.name}”").select_option(str(n % 3 + 1))
    # The chart beside the rows follows them without a page load: the last skill at 4.
    last_skill = [c for c in competencies if c.kind == "skill"][-1]
    expect(preview(page).locator(".pc-row", has_text=last_skill.name).locator(".pc-role")).to_have_class(
        f"pc-role s-{competencies.index(last_skill) % 5 * 4}"
    )
    page.get_by_role("button", name="Save", exact=True).first.click()
    apply_after_seeing_the_effect(page)
    expect(page.locator(".messagelist .success")).to_contain_text("was added successfully")
    role = Role.objects.get(slug="growth-product-manager")
    assert {rc.competency_id: (rc.level, rc.importance) for rc in role.profile.all()} == {
        c.pk: (n % 5, n % 3 + 1) for n, c in enumerate(competencies)
    }
    # One page to fill in, one save, its effect to confirm (and the page that says it is saved).
    assert pages_loaded(page, loads) == 3


def test_an_editor_adds_a_question_with_five_options_and_their_scores_on_one_page(editor):
    page, loads = editor
    quiz = Quiz.objects.get()
    page.get_by_role("link", name="Add a question").click()
    page.get_by_label("Quiz", exact=True).select_option(label=quiz.title)
    page.get_by_label("Question", exact=True).press_sequentially(
        "How often do you watch someone use your product?"
    )
    expect(page.get_by_label("Slug", exact=True)).to_have_value(
        "how-often-do-you-watch-someone-use-your-product"
    )
    page.get_by_label("New column 1: its competency").select_option(label="Customer insight")
    labels = ["Never", "Once a year", "Every quarter", "Every month", "Every week"]
    for n, label in enumerate(labels, 1):
        page.get_by_label(f"Label, new option {n}").press_sequentially(label)
        page.get_by_label(f"Score of new option {n} for the competency of new column 1").fill(str(n - 1))
    # The question as job seekers will see it, drawn from the unsaved page.
    card = preview(page).locator("#quiz-card")
    expect(card.locator("#question-heading")).to_have_text("How often do you watch someone use your product?")
    expect(card.locator(".form-check-label")).to_have_text(labels)
    page.get_by_role("button", name="Save", exact=True).first.click()
    apply_after_seeing_the_effect(page, check_accessibility=True)
    expect(page.locator(".messagelist .success")).to_contain_text("was added successfully")
    question = Question.objects.get(slug="how-often-do-you-watch-someone-use-your-product")
    assert [
        (o.label, [(s.competency.slug, s.value) for s in o.scores.all()])
        for o in question.options.order_by("order")
    ] == [(label, [("customer-insight", n)]) for n, label in enumerate(labels)]
    assert question.order == quiz.questions.exclude(pk=question.pk).order_by("-order").first().order + 1
    assert pages_loaded(page, loads) == 3


def test_an_editor_moves_a_question_and_an_option_by_keyboard_one_page_each(editor, site):
    page, loads = editor
    quiz = Quiz.objects.get()
    second = quiz.questions.order_by("order", "pk")[1]
    page.goto(site + f"/admin/quiz/quiz/{quiz.pk}/change/")
    loads.clear()
    page.get_by_role("button", name=f"Move “{second.text}” up").focus()
    page.keyboard.press("Enter")
    expect(page.locator(".messagelist .success")).to_contain_text("is now question 1")
    assert quiz.questions.order_by("order", "pk").first() == second
    # First now: its “up” is gone, and focus is on its “down”.
    expect(page.get_by_role("button", name=f"Move “{second.text}” down")).to_be_focused()
    assert pages_loaded(page, loads) == 1
    question = Question.objects.get(slug="unused-feature")
    page.goto(site + f"/admin/quiz/question/{question.pk}/change/")
    loads.clear()
    ask_sales = question.options.get(slug="ask-sales")
    page.get_by_role("button", name=f"Move “{ask_sales.label}” down").click()
    expect(page.locator(".messagelist .success")).to_contain_text(f"“{ask_sales.label}” is now option 5")
    expect(page.get_by_role("button", name=f"Move “{ask_sales.label}” down")).to_be_focused()
    assert list(question.options.order_by("order").values_list("slug", flat=True))[3:5] == [
        "keep-or-remove",
        "ask-sales",
    ]
    assert pages_loaded(page, loads) == 1


def test_a_score_off_the_scale_is_shown_at_its_cell_and_in_the_summary(editor, site):
    page, loads = editor
    question = Question.objects.get(slug="unused-feature")
    page.goto(site + f"/admin/quiz/question/{question.pk}/change/")
    option = question.options.get(slug="usage-data")
    cell = page.get_by_label(f"Score of option “{option.label}” for “Data and metrics”")
    cell.fill("5")
    page.get_by_role("button", name="Save and continue editing").first.click()
    summary = page.locator(".error-summary")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("Enter a level from 0 to 4")
    summary.get_by_role("link").first.click()
    expect(page.get_by_label(f"Score of option “{option.label}” for “Data and metrics”")).to_be_focused()
    assert option.scores.get().value == 3


def test_going_back_from_the_check_page_keeps_the_edit_and_an_option_moves_anywhere_in_one_move(editor, site):
    page, loads = editor
    question = Question.objects.get(slug="unused-feature")
    before = list(question.options.order_by("order", "pk"))
    page.goto(site + f"/admin/quiz/question/{question.pk}/change/")
    page.get_by_label("Question", exact=True).fill("A reworded question, not yet applied")
    page.get_by_role("button", name="Save", exact=True).first.click()
    expect(page.get_by_role("heading", name="Check this change before it goes live")).to_be_visible()
    page.get_by_role("button", name="Back to the form, keeping this edit").click()
    expect(page.get_by_label("Question", exact=True)).to_have_value("A reworded question, not yet applied")
    assert Question.objects.get(pk=question.pk).text == question.text  # nothing saved
    page.goto(site + f"/admin/quiz/question/{question.pk}/change/")
    loads.clear()
    # By keyboard: choose the fifth option and position 2, then the button.
    page.get_by_label("Move option", exact=True).select_option(str(before[4].pk))
    page.get_by_label("to position", exact=True).select_option("2")
    page.get_by_role("button", name="Save and move").focus()
    page.keyboard.press("Enter")
    expect(page.locator(".messagelist .success")).to_contain_text(f"“{before[4].label}” is now option 2")
    expect(page.get_by_role("button", name="Save and move")).to_be_focused()
    assert list(question.options.order_by("order", "pk")) == [before[0], before[4], *before[1:4], *before[5:]]
    assert pages_loaded(page, loads) == 1


@pytest.mark.parametrize("slug", ["unused-feature", "current-role"])
def test_the_question_page_does_not_scroll_sideways_at_1280_px(editor, site, slug):
    page, _loads = editor
    page.set_viewport_size({"width": 1280, "height": 800})
    question = Question.objects.get(slug=slug)
    page.goto(site + f"/admin/quiz/question/{question.pk}/change/")
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, overflow
