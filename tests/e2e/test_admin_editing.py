"""An admin adds an option and its scores to a question through the inlines, in a browser."""

from playwright.sync_api import expect

from quiz.models import Option, Question
from tests.e2e.test_accessibility import assert_accessible


def test_an_admin_adds_an_option_and_its_scores_through_the_inlines(page, site, django_user_model):
    django_user_model.objects.create_superuser("editor", "editor@example.com", "a-long-editor-password")
    question = Question.objects.get(slug="unused-feature")
    page.goto(site + "/admin/")
    page.get_by_label("Username").fill("editor")
    page.get_by_label("Password").fill("a-long-editor-password")
    page.get_by_role("button", name="Log in").click()
    page.goto(site + f"/admin/quiz/question/{question.pk}/change/")
    page.get_by_text("Add another Option").click()
    row = page.locator("#options-group tr.form-row.dynamic-options").last
    row.locator("input[name$='-order']").fill("9")
    row.locator("input[name$='-label']").press_sequentially("Ask the sales team what customers said")
    expect(row.locator("input[name$='-slug']")).to_have_value("ask-the-sales-team-what-customers-said")
    page.get_by_role("button", name="Save and continue editing").click()
    expect(page.get_by_role("heading", name="Check this change before it goes live")).to_be_visible()
    assert_accessible(page, "admin-preview-change")
    page.get_by_role("button", name="Apply this change").click()
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")
    option = Option.objects.get(question=question, slug="ask-the-sales-team-what-customers-said")
    page.goto(site + f"/admin/quiz/option/{option.pk}/change/")
    score_row = page.locator("#scores-group tr.form-row").first
    score_row.locator("select[name$='-competency']").select_option(label="Customer insight")
    score_row.locator("input[name$='-value']").fill("2")
    page.get_by_role("button", name="Save", exact=True).click()
    page.get_by_role("button", name="Apply this change").click()
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")
    assert {(s.competency.slug, s.value) for s in option.scores.all()} == {("customer-insight", 2)}
