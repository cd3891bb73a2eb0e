"""axe-core finds no WCAG 2.2 A/AA violation on any page, at 320, 768 and 1280 px, nor on
the editors' admin pages. Screenshots of each page land in test-artifacts/screenshots/."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from .conftest import DESKTOP, PHONE, TABLET, answer_with_mouse, screenshot, sign_in

WCAG = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]}
}


def assert_accessible(page, name):
    screenshot(page, name)
    results = Axe().run(page, options=WCAG)
    assert results.violations_count == 0, f"{name}:\n{results.generate_report()}"


@pytest.mark.parametrize("viewport", [PHONE, TABLET, DESKTOP], ids=["phone", "tablet", "desktop"])
def test_every_page_is_accessible(browser, site, persona_labels, viewport):
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    width = viewport["width"]
    page.goto(site + "/")
    assert_accessible(page, f"landing-{width}")
    page.get_by_role("button", name="Start the quiz").click()
    page.wait_for_selector("#question-heading")
    assert_accessible(page, f"question-{width}")
    page.get_by_role("button", name="Next").click()
    expect(page.get_by_text("Choose an answer to continue.").first).to_be_visible()
    assert_accessible(page, f"question-error-{width}")
    answer_with_mouse(page, persona_labels("director-of-product", **{"current-role": ("group-pm",)}))
    assert_accessible(page, f"summary-{width}")
    page.get_by_role("button", name="See my result").first.click()
    expect(page.locator("h1")).to_have_text("Director of Product")
    page.locator("details").first.evaluate("d => d.open = true")
    assert_accessible(page, f"result-{width}")
    page.goto(site + "/roles/")
    assert_accessible(page, f"roles-{width}")
    page.goto(site + "/roles/head-of-product/")
    assert_accessible(page, f"role-{width}")
    page.goto(site + "/roles/compare/?a=product-manager&b=head-of-product")
    assert_accessible(page, f"compare-{width}")
    context.close()


ADMIN_PAGES = [
    "/admin/",
    "/admin/bank/health/",
    "/admin/bank/analytics/",
    "/admin/bank/rescore/",
    "/admin/bank/import/",
    "/admin/bank/versions/",
    "/admin/quiz/quiz/",
    "/admin/quiz/question/",
    "/admin/quiz/persona/",
    "/admin/roles/role/",
    "/admin/roles/transition/",
]


def test_every_admin_page_is_accessible(page, site, django_user_model):
    """The editors' pages, the change forms with their inline rows included."""
    from quiz.models import BankRevision, Persona, Question, Quiz
    from quiz.revisions import record_revision
    from roles.models import Role, Transition

    first = record_revision(summary="first") or BankRevision.objects.get()
    Persona.objects.filter(pk=Persona.objects.first().pk).update(name="Renamed persona")
    second = record_revision(summary="renamed a persona")

    django_user_model.objects.create_superuser("editor", "editor@example.com", "a-long-editor-password")
    page.goto(site + "/admin/login/")
    assert_accessible(page, "admin-login")
    sign_in(page, site, "editor", "a-long-editor-password")
    changes = [
        f"/admin/quiz/quiz/{Quiz.objects.get().pk}/change/",
        f"/admin/quiz/question/{Question.objects.get(slug='unused-feature').pk}/change/",
        f"/admin/roles/role/{Role.objects.get(slug='product-manager').pk}/change/",
        f"/admin/roles/transition/{Transition.objects.order_by('pk').first().pk}/change/",
        f"/admin/bank/versions/compare/?from={first.pk}&to={second.pk}",
    ]
    for path in ADMIN_PAGES + changes:
        page.goto(site + path)
        assert_accessible(page, "admin" + path.replace("/", "-").rstrip("-"))


def test_the_editors_one_page_editors_are_accessible_in_every_state(browser, site, django_user_model):
    """The question's and the role's pages new, with errors and read-only (a view-only
    editor), and their previews."""
    from django.contrib.auth.models import Permission

    from editor.permissions import VIEW_BANK
    from quiz.models import Question
    from roles.models import Role

    question = Question.objects.get(slug="unused-feature")
    role = Role.objects.get(slug="product-manager")
    django_user_model.objects.create_superuser("editor", "editor@example.com", "a-long-editor-password")
    viewer = django_user_model.objects.create_user("viewer", password="a-long-viewer-password", is_staff=True)
    for perm in VIEW_BANK:
        app, codename = perm.split(".")
        viewer.user_permissions.add(Permission.objects.get(content_type__app_label=app, codename=codename))
    for user, password in (("editor", "a-long-editor-password"), ("viewer", "a-long-viewer-password")):
        context = browser.new_context(viewport=DESKTOP)
        page = context.new_page()
        sign_in(page, site, user, password)
        pages = [
            f"/admin/quiz/question/{question.pk}/change/",
            f"/admin/roles/role/{role.pk}/change/",
            f"/admin/quiz/question/{question.pk}/preview/",
            f"/admin/roles/role/{role.pk}/preview/",
        ]
        if user == "editor":
            pages += ["/admin/quiz/question/add/", "/admin/roles/role/add/"]
        for path in pages:
            page.goto(site + path)
            assert_accessible(page, f"{user}{path.replace('/', '-').rstrip('-')}")
        if user == "editor":
            page.goto(site + f"/admin/quiz/question/{question.pk}/change/")
            page.locator("input.score-input").first.fill("9")
            page.get_by_label("New column 1: its competency").select_option(label="Business acumen")
            page.get_by_label("New column 2: its competency").select_option(label="Business acumen")
            page.get_by_role("button", name="Save and continue editing").first.click()
            expect(page.locator(".error-summary")).to_be_focused()
            assert_accessible(page, "editor-question-errors")
            page.goto(site + f"/admin/roles/role/{role.pk}/change/")
            page.get_by_label("Name", exact=True).fill("")
            page.get_by_role("button", name="Save and continue editing").first.click()
            expect(page.locator(".error-summary")).to_be_focused()
            assert_accessible(page, "editor-role-errors")
        context.close()


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_coming_back_and_the_role_explorer_are_accessible(browser, site, persona_labels, viewport):
    """The pages of issue #27: the landing page with a last result and a quiz in progress,
    the question before starting again, the ladder, near titles, the empty and the refused
    comparison, and the 429 page of a quiz step."""
    from django.test import override_settings

    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    width = viewport["width"]
    page.goto(site + "/")
    page.get_by_role("button", name="Start the quiz").click()
    answer_with_mouse(page, persona_labels("product-owner"))
    page.get_by_role("button", name="See my result").first.click()
    page.goto(site + "/")
    page.get_by_role("button", name="Take the quiz again").click()
    page.wait_for_selector("#question-heading")
    page.locator(".quiz-form input[name=answer]").first.check()
    page.get_by_role("button", name="Next").click()
    page.wait_for_function("() => document.title.startsWith('Question 2')")
    step = page.url
    page.goto(site + "/")
    expect(page.get_by_role("heading", name="Your last result")).to_be_visible()
    assert_accessible(page, f"landing-come-back-{width}")
    page.get_by_role("button", name="Start again").click()
    expect(page.get_by_role("heading", name="Start the quiz again?")).to_be_visible()
    assert_accessible(page, f"restart-{width}")
    for name, path in [
        ("roles-ladder", "/roles/"),
        ("roles-near", "/roles/?q=prodct+manger"),
        ("compare-popular", "/roles/compare/"),
        ("compare-same", "/roles/compare/?a=cpo&b=cpo"),
    ]:
        page.goto(site + path)
        assert_accessible(page, f"{name}-{width}")
    page.goto(step)
    with override_settings(RATELIMIT_ENABLE=True, RATELIMIT_ANSWER="0/m"):
        # A plain form post (htmx would show the message in place): the browser shows the 429 page.
        page.locator(".quiz-form").evaluate("f => { f.removeAttribute('data-hx-post'); htmx.process(f); }")
        page.locator(".quiz-form input[name=answer]").first.check()
        page.get_by_role("button", name="Next").click()
        expect(page.get_by_role("heading", name="Too many requests")).to_be_visible()
    expect(page.get_by_role("link", name="Continue the quiz")).to_have_attribute(
        "href", step.split(site, 1)[1]
    )
    assert_accessible(page, f"rate-limited-{width}")
    context.close()
