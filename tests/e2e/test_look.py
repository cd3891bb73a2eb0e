"""The look, measured in the browser: one brand colour for everything a person acts on,
headings that read as headings, question 1 that fits a phone, the summary grouped by
section with its call to action at both ends, and the plan picker that returns to the plan
without JavaScript."""

import pytest
from playwright.sync_api import expect

from quiz.models import Attempt, Question, Quiz
from quiz.services import attempt_complete
from tests.factories import answer_everything

from .conftest import answer_with_mouse, screenshot

# The brand colour (--cq-brand, #2f5d8a) as the browser computes it.
BRAND = "rgb(47, 93, 138)"


def color_of(locator, prop="color"):
    return locator.evaluate("(el, p) => getComputedStyle(el).getPropertyValue(p)", prop)


def start(page, site):
    page.goto(site + "/")
    page.get_by_role("button", name="Start the quiz").click()
    page.wait_for_selector("#question-heading")


def result_url(role="director-of-product"):
    """A finished result, made without the browser: result links are public."""
    attempt = Attempt.objects.create(quiz=Quiz.objects.get(), owner_key="someone-else")
    answer_everything(attempt, role)
    return attempt_complete(attempt=attempt).get_absolute_url()


def test_links_link_buttons_and_checked_controls_share_the_buttons_brand_colour(page, site, persona_labels):
    page.goto(site + "/")
    assert color_of(page.get_by_role("button", name="Start the quiz"), "background-color") == BRAND
    assert color_of(page.locator(".site-header").get_by_role("link", name="Roles", exact=True)) == BRAND
    assert color_of(page.locator("main a[href*='compare']").first) == BRAND
    page.get_by_role("button", name="Start the quiz").click()
    page.wait_for_selector("#question-heading")
    choice = page.locator(".quiz-form input[name=answer]").first
    choice.check()
    assert color_of(choice, "background-color") == BRAND
    assert color_of(page.locator("#quiz-progress"), "accent-color") == BRAND
    answer_with_mouse(page, persona_labels("head-of-product"))
    assert color_of(page.get_by_role("button", name="Answer every question")) == BRAND


@pytest.mark.parametrize("viewport", [{"width": 320, "height": 640}, {"width": 1280, "height": 900}])
def test_the_landing_page_starts_the_quiz_from_its_first_screen(browser, site, viewport):
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    page.goto(site + "/")
    box = page.get_by_role("button", name="Start the quiz").bounding_box()
    assert box["y"] + box["height"] <= viewport["height"]
    context.close()


def test_every_heading_of_the_result_reads_as_a_heading(page, site):
    page.goto(site + result_url())
    measured = page.locator("main h1, main h2, main h3, main h4, main h5").evaluate_all(
        """els => els.filter(e => e.offsetParent !== null).map(e => ({
            level: Number(e.tagName[1]), text: e.textContent.trim().slice(0, 40),
            size: parseFloat(getComputedStyle(e).fontSize), weight: Number(getComputedStyle(e).fontWeight),
            section: e.closest('section, aside, header') ? e.closest('section, aside, header').id || e.closest('section, aside, header').getAttribute('aria-labelledby') : ''}))"""
    )
    body = float(page.evaluate("parseFloat(getComputedStyle(document.querySelector('main p')).fontSize)"))
    assert len(measured) > 10
    # Bolder than the text around them and never smaller.
    assert [h for h in measured if h["weight"] < 600 or h["size"] < body] == []
    # The page's title is the largest; in each section its h2 is larger than its h3s.
    h1 = next(h for h in measured if h["level"] == 1)
    assert all(h["size"] < h1["size"] for h in measured if h["level"] > 1)
    for h2 in (h for h in measured if h["level"] == 2):
        inside = [h for h in measured if h["level"] == 3 and h["section"] == h2["section"]]
        assert all(h["size"] < h2["size"] for h in inside), (h2, inside)


@pytest.mark.parametrize("width", [320, 375])
def test_question_one_offers_next_within_two_and_a_half_phone_screens(browser, site, width):
    """Every current role (25) on a 640 px high phone: with 21, Next sat 3.2 screens down. Every
    option stays a full-width labelled control at least 40 px high (WCAG 2.5.8 asks 24)."""
    context = browser.new_context(viewport={"width": width, "height": 640})
    page = context.new_page()
    start(page, site)
    options = page.locator(".quiz-form .form-check")
    assert options.count() == Question.objects.get(slug="current-role").options.active().count() >= 21
    heights = options.evaluate_all("els => els.map(e => e.getBoundingClientRect().height)")
    assert min(heights) >= 40
    for i in range(options.count()):  # each option is named by its label
        expect(page.locator(".quiz-form input[name=answer]").nth(i)).to_have_accessible_name(
            options.nth(i).locator("label").inner_text()
        )
    next_button = page.get_by_role("button", name="Next")
    box = next_button.bounding_box()
    assert box["y"] + box["height"] <= 2.5 * 640, f"Next ends {box['y'] + box['height']:.0f} px down"
    context.close()


def test_question_one_is_two_columns_from_576_pixels(browser, site):
    context = browser.new_context(viewport={"width": 768, "height": 1024})
    page = context.new_page()
    start(page, site)
    lefts = page.locator(".quiz-form .form-check").evaluate_all(
        "els => [...new Set(els.map(e => Math.round(e.getBoundingClientRect().left)))]"
    )
    assert len(lefts) == 2
    context.close()


def test_the_summary_puts_see_my_result_above_and_below_the_sections(page, site, persona_labels):
    start(page, site)
    answer_with_mouse(page, persona_labels("head-of-product"))
    headings = page.locator(".summary-section")
    assert headings.all_inner_texts()[:1] == ["Where you are now"] and headings.count() >= 2
    buttons = page.get_by_role("button", name="See my result")
    expect(buttons).to_have_count(2)
    tops = [buttons.first.bounding_box()["y"], headings.first.bounding_box()["y"]]
    last_row = page.locator(".summary-row").last.bounding_box()
    assert tops[0] < tops[1] and buttons.last.bounding_box()["y"] > last_row["y"] + last_row["height"]


def test_without_javascript_the_plan_picker_returns_to_the_plan(browser, site):
    # Reduced motion: the browser jumps to the fragment instead of scrolling smoothly.
    context = browser.new_context(
        java_script_enabled=False, viewport={"width": 320, "height": 640}, reduced_motion="reduce"
    )
    page = context.new_page()
    page.goto(site + result_url())
    page.get_by_label("See the plan for another role").select_option("head-of-product")
    page.get_by_role("button", name="Show the plan").click()
    page.wait_for_load_state()
    assert page.url.endswith("?role=head-of-product#plan")
    # The plan is at the top of the screen, not the top of the page.
    assert page.evaluate("scrollY") > 640
    assert abs(page.locator("#plan").bounding_box()["y"]) < 2
    expect(page.locator("#plan h3")).to_have_text("From Director of Product to Head of Product")
    context.close()


def test_the_roles_index_is_a_ladder_picture_at_1280_and_a_list_at_320(browser, site):
    """Families side by side at 1280 px, the most senior on top, in a page of a few screens
    (it was one row of cards per level, 5,291 px tall); one column at 320 px, no sideways scroll."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(site + "/roles/")
    families = page.locator(".ladder-family").evaluate_all(
        "els => els.map(e => e.getBoundingClientRect().bottom)"
    )
    assert len(families) >= 3 and max(families) - min(families) < 2  # one row of column headings
    cpo = page.locator(".role-card-name", has_text="Chief Product Officer").bounding_box()
    associate = page.locator(".role-card-name", has_text="Associate Product Manager").bounding_box()
    assert cpo["y"] < associate["y"] and cpo["x"] != associate["x"]
    height = page.evaluate("() => document.documentElement.scrollHeight")
    screenshot(page, "roles-ladder-1280")
    context.close()
    assert height <= 3 * 900, height
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    page.goto(site + "/roles/")
    lefts = page.locator(".ladder-family").evaluate_all("els => els.map(e => e.getBoundingClientRect().left)")
    assert len(set(lefts)) == 1
    assert page.evaluate("() => document.documentElement.scrollWidth <= innerWidth")
    screenshot(page, "roles-ladder-320")
    context.close()


@pytest.mark.parametrize("path", ["/", "/roles/", "/roles/compare/", "question"])
def test_the_header_is_one_row_on_a_phone(browser, site, path):
    """At most a tenth of a 320 x 640 screen (it took 22 %)."""
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    if path == "question":
        start(page, site)
    else:
        page.goto(site + path)
    header = page.locator(".site-header").bounding_box()
    links = page.locator(".site-header a").evaluate_all(
        "els => els.filter(e => e.offsetParent).map(e => e.getBoundingClientRect().top)"
    )
    context.close()
    assert header["height"] <= 64, header
    assert max(links) - min(links) < 8, links
