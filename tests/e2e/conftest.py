"""Browser tests: Playwright driving Debian's Chromium against Django's live server."""

import shutil
from pathlib import Path

import pytest

from quiz.bank import load_bank
from quiz.engine.explain import scale_choice
from quiz.models import Quiz
from tests import bank_snapshot
from tests.factories import typical_answers

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"
PHONE = {"width": 320, "height": 720}
TABLET = {"width": 768, "height": 1024}
DESKTOP = {"width": 1280, "height": 900}


def pytest_collection_modifyitems(items):
    for item in items:
        if "/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    # Never `playwright install`: the browser is Debian's.
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@pytest.fixture
def site(live_server, transactional_db):
    """The live server with the default content, as `make run` serves it."""
    bank_snapshot.restore()
    return live_server.url


@pytest.fixture
def bank(site):
    return load_bank(Quiz.objects.get())


def labels_for(bank, answers):
    """What a person clicks for each answer: option labels, or the scale's label."""
    labels = {}
    for slug, value in answers.items():
        question = bank.questions[slug]
        if question.kind == "scale":
            labels[slug] = [scale_choice(value)]
        else:
            labels[slug] = [question.option(o).label for o in value]
    return labels


@pytest.fixture
def persona_labels(bank):
    def labels(role, **overrides):
        answers = {**typical_answers(bank, role), **overrides}
        return labels_for(bank, answers)

    return labels


def screenshot(page, name):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def current_slug(page):
    return page.url.rstrip("/").split("/")[-1]


def wait_for_question_focus(page):
    """After an htmx swap, focus lands on the new question's heading."""
    page.wait_for_function("() => document.activeElement && document.activeElement.id === 'question-heading'")


def tab_into_the_question(page, *, max_tabs=10):
    """A new page starts with nothing in focus, where the number keys do nothing (WCAG
    2.1.4): Tab until the focus is in the question card."""
    for _ in range(max_tabs):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.getElementById('quiz-card').contains(document.activeElement)"):
            return
    raise AssertionError("Tab never reached the question")


def answer_with_mouse(page, labels, *, js=True, max_steps=80):
    """Answers each question by clicking its labels and Next, until the summary."""
    for _ in range(max_steps):
        if "/summary/" in page.url:
            return
        page.wait_for_selector("#question-heading")
        slug = current_slug(page)
        heading = page.locator("#question-heading").inner_text()
        for label in labels[slug]:
            page.locator(".quiz-form").get_by_label(label, exact=True).check()
        page.get_by_role("button", name="Next").or_(
            page.get_by_role("button", name="Review my answers")
        ).click()
        if js:
            page.wait_for_function(
                "h => { const el = document.getElementById('question-heading'); return el && el.innerText !== h; }",
                arg=heading,
            )
        else:
            page.wait_for_load_state()
    raise AssertionError("the quiz did not reach the summary")


def sign_in(page, site, username, password):
    """Signs in to the admin from its login page (where the page already is, or opened)."""
    if "/admin/login/" not in page.url:
        page.goto(site + "/admin/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()
