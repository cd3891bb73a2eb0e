"""WCAG 2.2 checks that axe-core cannot make: titles that follow the quiz, focus rings and
control borders with enough contrast, keys that act only in the question, no sideways
scrolling at 320 px, and the error pattern."""

import re

import pytest
from playwright.sync_api import expect

from quiz.models import Quiz

from .conftest import DESKTOP, PHONE, current_slug, sign_in, tab_into_the_question

CONTRAST = """
(selector) => {
  const el = document.querySelector(selector);
  const parse = (c) => c.match(/[\\d.]+/g).slice(0, 3).map(Number);
  const lum = (rgb) => {
    const [r, g, b] = rgb.map((v) => {
      v /= 255;
      return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const ratio = (a, b) => {
    const [x, y] = [lum(parse(a)), lum(parse(b))].sort((p, q) => q - p);
    return (x + 0.05) / (y + 0.05);
  };
  let bg = "rgb(255, 255, 255)";
  for (let node = el.parentElement; node; node = node.parentElement) {
    const c = getComputedStyle(node).backgroundColor;
    if (c && !c.startsWith("rgba(0, 0, 0, 0)") && c !== "transparent") { bg = c; break; }
  }
  const style = getComputedStyle(el);
  return {
    outline: style.outlineStyle !== "none" ? ratio(style.outlineColor, bg) : 0,
    outlineWidth: parseFloat(style.outlineWidth),
    border: ratio(style.borderTopColor, bg),
    text: ratio(style.color, bg),
  };
}
"""


def start(page, site):
    page.goto(site + "/")
    page.get_by_role("button", name="Start the quiz").click()
    page.wait_for_selector("#question-heading")


def test_the_title_says_where_the_person_is_at_every_htmx_step_and_on_errors(page, site):
    start(page, site)
    # The adaptive quiz says how many questions are about to come.
    assert re.match(r"Question 1, about \d+ more: ", page.title()), page.title()
    page.get_by_role("button", name="Next").click()
    page.wait_for_function("() => document.title.startsWith('Error:')")
    assert "Question 1, about" in page.title()
    # The error summary takes focus and names the problem above the options.
    page.wait_for_function("() => document.activeElement.hasAttribute('data-error-summary')")
    expect(page.locator("[data-error-summary]")).to_contain_text("Choose an answer to continue.")
    page.locator(".quiz-form input[name=answer]").first.check()
    page.get_by_role("button", name="Next").click()
    page.wait_for_function("() => document.title.startsWith('Question 2, about ')")
    # A polite live region outside the swapped card announces the new position.
    expect(page.locator("#quiz-status[aria-live=polite]")).to_have_text(
        re.compile(r"^Question 2, about \d+ more$")
    )
    assert page.locator("#quiz-status").count() == 1
    page.go_back()
    page.wait_for_function("() => document.title.startsWith('Question 1, about ')")


def test_only_one_option_turns_red_never_all_of_them(page, site):
    start(page, site)
    page.get_by_role("button", name="Next").click()
    page.wait_for_selector("[data-error-summary]")
    colors = page.locator(".quiz-form .form-check-label").evaluate_all(
        "els => els.map(e => getComputedStyle(e).color)"
    )
    assert "rgb(220, 53, 69)" not in colors  # Bootstrap's invalid red


@pytest.mark.parametrize(
    "selector", [".site-header .site-name", ".quiz-form .form-check-input", ".quiz-form button[type=submit]"]
)
def test_every_focus_ring_has_three_to_one_contrast(page, site, selector):
    start(page, site)
    for _ in range(80):  # by keyboard, as a keyboard user gets there: :focus-visible applies
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            break
    else:
        raise AssertionError(f"Tab never reached {selector}")
    measured = page.evaluate(
        CONTRAST.replace("document.querySelector(selector)", "document.activeElement"), selector
    )
    assert measured["outline"] >= 3 and measured["outlineWidth"] >= 2, measured


def test_unselected_controls_and_option_cards_stand_out_at_three_to_one(page, site):
    start(page, site)
    assert page.evaluate(CONTRAST, ".quiz-form .form-check-input")["border"] >= 3
    assert page.evaluate(CONTRAST, ".quiz-form .form-check")["border"] >= 3


def test_number_keys_act_only_when_focus_is_in_the_question(page, site):
    start(page, site)
    page.locator(".site-header .site-name").focus()
    page.keyboard.press("2")
    assert page.locator(".quiz-form input[name=answer]:checked").count() == 0
    page.locator("#question-heading").focus()
    page.keyboard.press("2")
    assert page.locator(".quiz-form input[name=answer]").nth(1).is_checked()


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/roles/",
        "/roles/head-of-product/",
        "/roles/program-manager/",
        "/roles/compare/?a=product-manager&b=cpo",
    ],
)
def test_no_page_scrolls_sideways_at_320_pixels(browser, site, path):
    context = browser.new_context(viewport={"width": 320, "height": PHONE["height"]})
    page = context.new_page()
    page.goto(site + path)
    overflow = page.evaluate(
        "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    context.close()
    assert overflow <= 0, f"{path} scrolls {overflow}px sideways"


def test_the_question_is_the_legend_of_its_options_and_read_once(page, site):
    """GOV.UK's legend-as-heading: the h1 is inside the options' legend, no hidden copy of
    the question and no "star" for screen readers."""
    start(page, site)
    legend = page.locator(".quiz-form fieldset > legend")
    expect(legend).to_have_count(1)
    expect(legend.locator("h1#question-heading")).to_have_count(1)
    assert page.locator("h1").count() == 1
    assert "*" not in legend.inner_text() and page.locator(".asteriskField").count() == 0
    group = page.get_by_role("group", name=page.locator("h1").inner_text())
    expect(group).to_have_count(1)


@pytest.mark.parametrize("path", ["/roles/head-of-product/", "/roles/compare/?a=product-manager&b=cpo"])
def test_profile_chart_text_never_clips_and_stays_readable_at_320_pixels(browser, site, path):
    """Names wrap instead of clipping, at 12 px or more; preferences are a scale with both
    ends named; the role is a triangle and the person a bar or dot (not colour alone)."""
    context = browser.new_context(viewport={"width": 320, "height": PHONE["height"]})
    page = context.new_page()
    page.goto(site + path)
    texts = page.locator(
        ".profile-chart .pc-name, .profile-chart .pc-ends span, .profile-chart .pc-scale span"
    )
    measured = texts.evaluate_all(
        """els => els.map(e => ({text: e.textContent.trim(), size: parseFloat(getComputedStyle(e).fontSize),
                               clipped: e.scrollWidth > e.clientWidth + 1 || e.getBoundingClientRect().right > innerWidth}))"""
    )
    assert len(measured) > 20
    assert [m for m in measured if m["size"] < 12 or m["clipped"]] == []
    preferences = page.locator(".pc-pref")
    assert preferences.count() >= 4
    for i in range(preferences.count()):
        ends = preferences.nth(i).locator(".pc-ends span").all_inner_texts()
        assert len(ends) == 2 and all(end.strip() for end in ends)
    role = page.locator(".pc-role").first.evaluate("e => getComputedStyle(e).borderTopWidth")
    assert float(role.rstrip("px")) > 0  # drawn as a triangle, from its border
    context.close()


def test_question_one_reads_as_a_few_named_groups(browser, site):
    """The 21 current roles come in named groups by role family, each a labelled group."""
    context = browser.new_context(viewport={"width": 320, "height": PHONE["height"]})
    page = context.new_page()
    start(page, site)
    assert page.locator(".answer-options [role=group]").count() >= 3
    leadership = page.get_by_role("group", name="Product leadership")
    expect(leadership).to_be_visible()
    expect(leadership.get_by_label("Chief Product Officer", exact=True)).to_have_count(1)
    context.close()


# --- Keys, hints and focus (issue #27): each of these failed before its fix.

BADGES = """els => els.map(e => {
  const c = getComputedStyle(e, "::before").content;
  return c === "none" || c === "normal" || c === "" ? null : c.replace(/["\\\\/ ]/g, "");
})"""


def answer_until(page, labels, found, *, max_steps=40):
    """Answers with the mouse until ``found(page)`` holds on the current question."""
    for _ in range(max_steps):
        if found(page):
            return
        heading = page.locator("#question-heading").inner_text()
        for label in labels[current_slug(page)]:
            page.locator(".quiz-form").get_by_label(label, exact=True).check()
        page.get_by_role("button", name="Next").click()
        page.wait_for_function(
            "h => { const el = document.getElementById('question-heading'); return el && el.innerText !== h; }",
            arg=heading,
        )
    raise AssertionError("never reached the question looked for")


def test_number_keys_do_nothing_while_nothing_has_focus(page, site):
    """WCAG 2.1.4: a single-key shortcut acts only while the question has focus."""
    start(page, site)
    assert page.evaluate("() => document.activeElement === document.body")
    page.keyboard.press("4")
    assert page.locator(".quiz-form input[name=answer]:checked").count() == 0
    tab_into_the_question(page)
    page.keyboard.press("4")
    assert page.locator(".quiz-form input[name=answer]").nth(3).is_checked()


def test_key_badges_number_only_the_nine_answers_the_keys_reach(page, site):
    start(page, site)
    badges = page.locator(".quiz-form .form-check-label").evaluate_all(BADGES)
    assert len(badges) > 9  # question 1 has every current role
    assert badges[:9] == [str(n) for n in range(1, 10)]
    assert set(badges[9:]) == {None}
    tip = page.locator(".keyboard-hint")
    expect(tip).to_be_visible()
    expect(tip).to_contain_text("1 to 9")


def test_no_key_badges_or_tip_on_a_touch_screen(browser, site):
    context = browser.new_context(viewport=PHONE, has_touch=True, is_mobile=True)
    page = context.new_page()
    start(page, site)
    assert page.evaluate("() => matchMedia('(pointer: coarse)').matches")
    badges = page.locator(".quiz-form .form-check-label").evaluate_all(BADGES)
    assert set(badges) == {None}
    expect(page.locator(".keyboard-hint")).to_be_hidden()
    context.close()


def test_a_scale_answer_shows_its_number_once_and_the_checklist_tip_promises_no_arrow_keys(
    page, site, bank, persona_labels
):
    # Every question in order: the hints of both kinds are met whatever the adaptive quiz
    # would choose to ask.
    Quiz.objects.update(adaptive=False)
    start(page, site)
    labels = persona_labels("product-manager")
    checked = set()

    def check(page):
        kind = bank.questions[current_slug(page)].kind
        if kind == "scale":
            texts = page.locator(".quiz-form .form-check-label").all_inner_texts()
            badges = page.locator(".quiz-form .form-check-label").evaluate_all(BADGES)
            assert texts[0].startswith("1 · ") and badges[0] is None, (texts[0], badges[0])  # never "1 1 · …"
            for text, badge in zip(texts, badges, strict=True):
                assert badge is None or not text.startswith(badge), text
        elif kind == "multiple" and page.locator(".quiz-form input[name=answer]").count() > 9:
            tip = page.locator(".keyboard-hint").inner_text()
            assert "arrow" not in tip and "1 to 9" in tip, tip
        else:
            return False
        checked.add(kind)
        return {"scale", "multiple"} <= checked

    answer_until(page, labels, check)


FAILED_STEPS = {
    "network": lambda route: route.abort(),
    "timeout": lambda route: None,  # never answered
    "429": lambda route: route.fulfill(status=429, body="slow down"),
    "409": lambda route: route.fulfill(status=409, body="finished"),
    "500": lambda route: route.fulfill(status=500, body="boom"),
}


@pytest.mark.parametrize("failure", sorted(FAILED_STEPS))
def test_after_a_failed_step_focus_returns_to_next_not_the_body(page, site, failure):
    """WCAG 2.4.3: Next is disabled during the request, which drops its focus; a failed
    request gives it back."""
    start(page, site)
    page.evaluate("htmx.config.timeout = 1500")
    page.route(
        "**/questions/**",
        lambda route: FAILED_STEPS[failure](route) if route.request.method == "POST" else route.continue_(),
    )
    page.locator(".quiz-form input[name=answer]").first.check()
    page.get_by_role("button", name="Next").click()
    expect(page.locator(".quiz-form [data-request-error]")).to_be_visible()
    expect(page.get_by_role("button", name="Next")).to_be_focused()


def test_the_error_summary_link_leads_to_the_first_answer(page, site):
    start(page, site)
    page.get_by_role("button", name="Next").click()
    link = page.locator("[data-error-summary] a")
    expect(link).to_have_count(1)
    target = link.get_attribute("href")
    assert page.locator(target).count() == 1, target
    link.click()
    expect(page.locator(".quiz-form input[name=answer]").first).to_be_focused()


def test_the_progress_line_names_no_section_in_the_adaptive_order(page, site, persona_labels):
    """The adaptive quiz asks across sections: a section name beside the position would
    jump back and forth."""
    start(page, site)
    seen = []

    def record(page):
        seen.append(page.locator("label[for=quiz-progress]").inner_text())
        return len(seen) == 6

    answer_until(page, persona_labels("product-manager"), record)
    assert all(re.fullmatch(r"Question \d+, about \d+ more", text) for text in seen), seen


def test_admin_validation_errors_reach_aa_contrast_in_the_dark_theme(browser, site, django_user_model):
    """WCAG 1.4.3: the editors' error summary and cell errors were #ba2121 on #121212 (2.96:1)."""
    from quiz.models import Question

    django_user_model.objects.create_superuser("editor", "editor@example.com", "a-long-editor-password")
    context = browser.new_context(viewport=DESKTOP, color_scheme="dark")
    page = context.new_page()
    sign_in(page, site, "editor", "a-long-editor-password")
    question = Question.objects.get(slug="unused-feature")
    page.goto(site + f"/admin/quiz/question/{question.pk}/change/")
    page.locator("input.score-input").first.fill("5")
    page.get_by_role("button", name="Save and continue editing").first.click()
    expect(page.locator(".error-summary")).to_be_focused()
    measured = {
        selector: page.evaluate(CONTRAST, selector)
        for selector in (".error-summary", ".error-summary h2", ".error-summary a", ".cell-error")
    }
    context.close()
    assert measured[".error-summary"]["border"] >= 3 and measured[".error-summary"]["outline"] >= 3, measured
    for selector in (".error-summary h2", ".error-summary a", ".cell-error"):
        assert measured[selector]["text"] >= 4.5, (selector, measured[selector])
