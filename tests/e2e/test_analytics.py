"""The analytics pages in a browser, with figures on them: axe finds no WCAG 2.2 A/AA
violation in the light or the dark admin theme, the table sorts by its headings, and a
question's options open from it."""

import pytest
from playwright.sync_api import expect

from .conftest import DESKTOP, sign_in
from .test_accessibility import assert_accessible


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_analytics_pages_are_accessible_and_sort_by_links(browser, site, django_user_model, scheme):
    from quiz import tallies
    from quiz.models import Attempt, Quiz
    from quiz.services import answer_save, attempt_complete
    from tests.factories import answer_everything

    quiz = Quiz.objects.get()
    for i, role in enumerate(["product-manager", "head-of-product", "cpo"]):
        attempt = Attempt.objects.create(quiz=quiz, owner_key=f"o{i}")
        answer_everything(attempt, role)
        attempt_complete(attempt=attempt)
    leaving = Attempt.objects.create(quiz=quiz, owner_key="left")
    question = quiz.active_questions().first()
    answer_save(attempt=leaving, question=question, options=[question.options.first()])
    tallies.rollup()
    django_user_model.objects.create_superuser("editor", "editor@example.com", "a-long-editor-password")

    context = browser.new_context(viewport=DESKTOP, color_scheme=scheme)
    page = context.new_page()
    sign_in(page, site, "editor", "a-long-editor-password")
    page.goto(site + "/admin/bank/analytics/")
    expect(page.get_by_text("4 attempts started in these days")).to_be_visible()
    assert_accessible(page, f"admin-analytics-{scheme}")
    # At 1280 px the page does not scroll sideways (a wide table scrolls in its own box).
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")

    table = page.locator(".analytics-table").first
    table.get_by_role("link", name="Left after it").click()
    expect(page.locator('th[aria-sort="ascending"]')).to_contain_text("Left after it")
    page.locator('th[aria-sort="ascending"]').get_by_role("link").click()
    expect(page.locator('th[aria-sort="descending"]')).to_contain_text("Left after it")
    # The one question someone left after comes first when sorted by it, highest first.
    expect(table.locator("tbody tr").first.locator("th")).to_have_text(question.text)

    page.get_by_role("button", name="Bring figures up to date now").click()
    expect(page.get_by_text("Figures brought up to date")).to_be_visible()
    expect(page.locator('th[aria-sort="descending"]')).to_contain_text("Left after it")

    table.locator("tbody tr").first.get_by_role("link").click()
    expect(page.locator(".analytics-table")).to_contain_text("Share of answers")
    assert_accessible(page, f"admin-question-analytics-{scheme}")
    context.close()
