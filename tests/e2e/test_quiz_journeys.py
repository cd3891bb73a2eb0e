"""What a job seeker does, in a real browser."""

import re

import pytest
from playwright.sync_api import expect

from quiz import engine
from quiz.models import Attempt
from tests.factories import typical_answers

from .conftest import (
    answer_with_mouse,
    current_slug,
    labels_for,
    screenshot,
    tab_into_the_question,
    wait_for_question_focus,
)


def start(page, site):
    page.goto(site + "/")
    page.get_by_role("button", name="Start the quiz").click()
    page.wait_for_selector("#question-heading")


def test_the_whole_quiz_with_the_mouse(page, site, persona_labels):
    start(page, site)
    answer_with_mouse(page, persona_labels("program-manager", **{"current-role": ("project-manager",)}))
    expect(page.get_by_role("heading", name="Check your answers")).to_be_visible()
    page.get_by_role("button", name="See my result").first.click()
    expect(page.locator("h1")).to_have_text("Program Manager")
    expect(page.get_by_text("Best fit").first).to_be_visible()
    expect(page.get_by_role("heading", name="From Project Manager to Program Manager")).to_be_visible()
    expect(page.get_by_text("Your first step, in the next 30 days")).to_be_visible()
    expect(page.locator(".roadmap-hop h4").first).to_contain_text("Project Manager → Program Manager")


def test_the_whole_quiz_with_the_keyboard_only(page, site, bank):
    page.goto(site + "/")
    for _ in range(30):  # Tab to the start button
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent.trim()") == "Start the quiz":
            break
    page.keyboard.press("Enter")
    page.wait_for_selector("#question-heading")
    tab_into_the_question(page)
    answers = typical_answers(bank, "product-owner")
    answers["current-role"] = ("business-analyst",)
    first = True
    while "/summary/" not in page.url:
        if not first:
            wait_for_question_focus(page)
        first = False
        question = bank.questions[current_slug(page)]
        value = answers[question.slug]
        if question.kind == "scale":
            keys = [str(value)]
        else:
            keys = []
            for v in value:
                index = [o.slug for o in question.options].index(v)
                # Number keys reach the first nine options; arrow keys move within a radio group.
                keys += [str(index + 1)] if index < 9 else ["9"] + ["ArrowDown"] * (index - 8)
        heading = page.locator("#question-heading").inner_text()
        for key in keys:
            page.keyboard.press(key)
        page.keyboard.press("Enter")
        page.wait_for_function(
            "h => { const el = document.getElementById('question-heading'); return el && el.innerText !== h; }",
            arg=heading,
        )
    wait_for_question_focus(page)
    for _ in range(200):  # Tab to the finish button
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent.trim()") == "See my result":
            break
    page.keyboard.press("Enter")
    expect(page.locator("h1")).to_have_text("Product Owner")
    expect(page.get_by_role("heading", name="From Business Analyst to Product Owner")).to_be_visible()


def test_reload_mid_quiz_and_continue_where_you_left_off(page, site, persona_labels):
    labels = persona_labels("product-manager")
    start(page, site)
    for _ in range(3):
        heading = page.locator("#question-heading").inner_text()
        for label in labels[current_slug(page)]:
            page.locator(".quiz-form").get_by_label(label, exact=True).check()
        page.get_by_role("button", name="Next").click()
        page.wait_for_function(
            "h => document.getElementById('question-heading').innerText !== h", arg=heading
        )
    fourth = page.url
    page.reload()
    assert page.url == fourth
    expect(page.locator("progress")).to_have_attribute("value", "4")
    # Close the tab, come back later in the same browser.
    page.close()
    again = page.context.new_page()
    again.goto(site + "/")
    expect(again.get_by_role("heading", name="Continue where you left off")).to_be_visible()
    expect(again.get_by_text("You answered 3 questions.")).to_be_visible()
    again.get_by_role("link", name="Continue the quiz").click()
    assert again.url == fourth


def test_a_visitor_who_finished_reaches_their_result_from_the_home_page_in_one_click(
    page, site, persona_labels
):
    start(page, site)
    answer_with_mouse(page, persona_labels("senior-pm"))
    page.get_by_role("button", name="See my result").first.click()
    expect(page.locator("h1")).to_have_text("Senior Product Manager")
    result_url = page.url
    page.close()
    again = page.context.new_page()  # later, in the same browser
    again.goto(site + "/")
    expect(again.get_by_role("heading", name="Your last result")).to_be_visible()
    again.get_by_role("link", name="See your result").click()
    assert again.url == result_url
    expect(again.locator("h1")).to_have_text("Senior Product Manager")


def test_start_again_asks_first_without_javascript(browser, site, persona_labels):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    start(page, site)
    labels = persona_labels("product-manager")
    for label in labels[current_slug(page)]:
        page.locator(".quiz-form").get_by_label(label, exact=True).check()
    page.get_by_role("button", name="Next").click()
    second = page.url
    page.goto(site + "/")
    page.get_by_role("button", name="Start again").click()
    expect(page.get_by_role("heading", name="Start the quiz again?")).to_be_visible()
    page.get_by_role("link", name="No, continue the quiz").click()
    assert page.url == second
    page.goto(site + "/")
    page.get_by_role("button", name="Start again").click()
    page.get_by_role("button", name="Yes, start again").click()
    expect(page.locator("progress")).to_have_attribute("value", "1")
    assert Attempt.objects.count() == 2
    context.close()


def test_back_and_change_an_answer_changes_the_result(page, site, bank):
    # A head of product owns everything the company builds; one who wants an area across
    # several teams instead is closer to a group product manager. Not sure where to go, so
    # the page leads with the ranking (a named direction would lead instead).
    answers = {**typical_answers(bank, "head-of-product"), "target-roles": ("not-sure",)}
    assert engine.recommend(bank, answers)["recommended"] == "head-of-product"
    changed = {**answers, "next-scope": ("several-teams",), "many-products": 3}
    assert engine.recommend(bank, changed)["recommended"] == "group-pm"
    start(page, site)
    labels = labels_for(bank, answers)
    answer_with_mouse(page, labels)
    # Back through the last questions to the one to change; earlier answers stay checked.
    page.get_by_role("link", name="Back", exact=True).click()
    for _ in range(10):
        slug = current_slug(page)
        for label in labels[slug]:
            expect(page.locator(".quiz-form").get_by_label(label, exact=True)).to_be_checked()
        if slug == "next-scope":
            break
        heading = page.locator("#question-heading").inner_text()
        page.get_by_role("link", name="Back", exact=True).click()
        page.wait_for_function(
            "h => document.getElementById('question-heading').innerText !== h", arg=heading
        )
    assert current_slug(page) == "next-scope"
    new_labels = labels_for(bank, changed)
    answer_with_mouse(
        page, {**labels, "next-scope": new_labels["next-scope"], "many-products": new_labels["many-products"]}
    )
    page.get_by_role("button", name="See my result").first.click()
    expect(page.locator("h1")).to_have_text("Group Product Manager")


def test_the_share_link_opens_the_same_result_in_a_fresh_browser(page, site, browser, persona_labels):
    start(page, site)
    answer_with_mouse(page, persona_labels("senior-pm"))
    page.get_by_role("button", name="See my result").first.click()
    expect(page.locator("h1")).to_have_text("Senior Product Manager")
    share = page.get_by_label("Link to this result").input_value()
    match = page.locator(".match-number").inner_text()
    fresh = browser.new_context()
    other = fresh.new_page()
    other.goto(share)
    expect(other.locator("h1")).to_have_text("Senior Product Manager")
    expect(other.locator(".match-number")).to_have_text(match)
    fresh.close()


def test_the_whole_quiz_without_javascript(browser, site, persona_labels):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    start(page, site)
    answer_with_mouse(page, persona_labels("project-manager"), js=False)
    page.get_by_role("button", name="See my result").last.click()  # the one below the answers
    expect(page.locator("h1")).to_have_text("Project Manager")
    # Another role's plan without JavaScript: an ordinary GET form.
    page.get_by_label("See the plan for another role").select_option("program-manager")
    page.get_by_role("button", name="Show the plan").click()
    assert "role=program-manager" in page.url
    expect(page.get_by_role("heading", name=re.compile("Program Manager$"))).to_be_visible()
    assert Attempt.objects.get().is_completed
    context.close()


def test_picking_another_roles_plan_swaps_only_the_plan(page, site, persona_labels):
    start(page, site)
    answer_with_mouse(page, persona_labels("product-owner", **{"current-role": ("product-owner",)}))
    page.get_by_role("button", name="See my result").first.click()
    result_url = page.url
    page.get_by_label("See the plan for another role").select_option("head-of-product")
    page.get_by_role("button", name="Show the plan").click()
    expect(page.get_by_role("heading", name="From Product Owner to Head of Product")).to_be_visible()
    assert page.url.startswith(result_url) and "role=head-of-product" in page.url
    expect(page.locator("#plan-title")).to_be_focused()


def test_compare_two_roles(page, site):
    page.goto(site + "/roles/")
    page.get_by_label("Compare", exact=True).select_option("product-manager")
    page.get_by_label("with").select_option("head-of-product")
    page.get_by_role("button", name="Compare").click()
    expect(page.locator("h1")).to_have_text("Product Manager vs Head of Product: what is the difference?")
    expect(page.get_by_role("cell", name="A team of four to ten (product managers)")).to_be_visible()
    expect(page.get_by_role("heading", name="From Product Manager to Head of Product")).to_be_visible()


FAILURES = {
    "network": (lambda route: route.abort(), "could not reach Career Quiz"),
    "server": (lambda route: route.fulfill(status=500, body="boom"), "Something went wrong on our side"),
    "timeout": (lambda route: None, "took too long to answer"),  # never answered
}


@pytest.mark.parametrize("failure", sorted(FAILURES))
def test_a_failed_swap_shows_a_message_keeps_the_place_and_retry_works(page, site, persona_labels, failure):
    handler, message = FAILURES[failure]
    start(page, site)
    page.evaluate("htmx.config.timeout = 1500")
    labels = persona_labels("product-manager")
    url = page.url
    page.route(
        "**/questions/**",
        lambda route: handler(route) if route.request.method == "POST" else route.continue_(),
    )
    for label in labels[current_slug(page)]:
        page.locator(".quiz-form").get_by_label(label, exact=True).check()
    page.get_by_role("button", name="Next").click()
    expect(page.locator(".quiz-form [data-request-error]")).to_contain_text(message)
    assert page.url == url
    for label in labels[current_slug(page)]:
        expect(page.locator(".quiz-form").get_by_label(label, exact=True)).to_be_checked()
    screenshot(page, f"failed-swap-{failure}")
    page.unroute("**/questions/**")
    page.get_by_role("button", name="Next").click()
    page.wait_for_function("u => location.href !== u", arg=url)
    expect(page.locator("progress")).to_have_attribute("value", "2")
    expect(page.locator("[data-request-error]:visible")).to_have_count(0)


def test_the_adaptive_quiz_stops_early_and_answers_a_few_more_on_request(page, site, persona_labels):
    """Half the questions or fewer for a clear profile; "Answer 5 more" asks five more; the
    result says how many questions it took."""
    start(page, site)
    labels = persona_labels("head-of-product")
    answer_with_mouse(page, labels)
    expect(page.get_by_text("point clearly to one role")).to_be_visible()
    first_round = page.locator(".summary-row").count()
    assert first_round <= 45 // 2, first_round
    screenshot(page, "adaptive-summary-desktop")
    page.get_by_role("button", name="Answer 5 more to sharpen it").click()
    page.wait_for_selector("#question-heading")
    expect(page.locator("label[for=quiz-progress]")).to_contain_text(
        re.compile(r"Question \d+, about [45] more")
    )
    answer_with_mouse(page, labels)
    assert page.locator(".summary-row").count() == first_round + 5
    page.get_by_role("button", name="See my result").last.click()  # the one below the answers
    expect(page.locator("h1")).to_have_text("Head of Product")
