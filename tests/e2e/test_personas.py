"""An editor records a calibration persona by taking the quiz, through the admin's pages
alone, and corrects it with the quiz's own controls. Each walk counts the pages it loaded
(htmx steps of the quiz load none); every new page passes axe."""

from django.contrib.auth.models import Permission, User
from playwright.sync_api import expect

from editor.permissions import EDIT_BANK, VIEW_BANK
from quiz.answers import answer_as_data
from quiz.engine.explain import scale_choice
from quiz.models import Persona, Result
from roles.models import Role
from tests.factories import typical_answers

from .conftest import answer_with_mouse, labels_for
from .test_accessibility import assert_accessible

PASSWORD = "a-long-editor-password"


def editor(username, permissions):
    user = User.objects.create_user(username, password=PASSWORD, is_staff=True)
    for perm in permissions:
        app, codename = perm.split(".")
        user.user_permissions.add(Permission.objects.get(content_type__app_label=app, codename=codename))
    return user


def count_page_loads(page) -> list[str]:
    """The address of every page the browser loads from now on: each document it receives,
    not the redirects on the way nor an htmx swap. (A response arrives before the page it
    brings can be seen, so the count is complete whenever a check of that page passes.)"""
    loads: list[str] = []

    def received(response):
        if response.request.resource_type == "document" and not 300 <= response.status < 400:
            loads.append(response.url)

    page.on("response", received)
    return loads


def log_in(page, site, username):
    page.goto(site + "/admin/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", name="Site administration")).to_be_visible()


def test_an_editor_records_a_persona_from_a_preview_and_corrects_an_answer(page, site, bank):
    editor("editor", (*VIEW_BANK, *EDIT_BANK))
    # "Not sure" of a direction: the quiz runs until a role leads clearly, statements included.
    answers = {
        **typical_answers(bank, "product-owner"),
        "current-role": ("product-owner",),
        "target-roles": ("not-sure",),
    }
    loads = count_page_loads(page)

    log_in(page, site, "editor")
    page.get_by_role("link", name="Quizzes").click()
    page.get_by_role("link", name="Which product role fits you?").click()
    page.get_by_role("button", name="Preview this quiz").click()
    answer_with_mouse(page, labels_for(bank, answers))
    page.get_by_role("button", name="See my result").first.click()
    expect(page.locator("h1")).to_have_text("Product Owner")
    assert_accessible(page, "preview-result")
    page.get_by_role("link", name="Save these answers as a calibration persona").click()

    expect(page.get_by_role("heading", name="Add calibration persona")).to_be_visible()
    # The preview's recommendation, to confirm or correct.
    recommended = Role.objects.get(slug="product-owner")
    expect(page.get_by_label("Should be recommended")).to_have_value(str(recommended.pk))
    current_role = page.get_by_role("group", name="Which of these is closest to your job today?")
    expect(current_role.get_by_label("Product Owner", exact=True)).to_be_checked()
    assert_accessible(page, "admin-persona-from-preview")
    taken = Persona.objects.order_by("name").first().name
    page.get_by_label("Name", exact=True).fill(taken)
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".errornote")).to_be_visible()
    expect(page.get_by_text("with this Quiz and Name already exists")).to_be_visible()
    expect(current_role.get_by_label("Product Owner", exact=True)).to_be_checked()  # nothing lost
    assert_accessible(page, "admin-persona-name-taken")
    page.get_by_label("Name", exact=True).fill("Noor, product owner at a bank")
    page.get_by_role("button", name="Save", exact=True).click()
    # The admin may also list personas the bank fails (another message list): read ours.
    expect(page.get_by_text("was added successfully")).to_be_visible()

    persona = Persona.objects.get(name="Noor, product owner at a bank")
    result = Result.objects.get(attempt__is_preview=True)
    asked = [step["question"] for step in result.snapshot["adaptive"]["steps"]]
    assert persona.answers == {slug: answer_as_data(bank.questions[slug], answers[slug]) for slug in asked}
    assert persona.expected_role.slug == "product-owner"
    # Login, index, quizzes, the quiz, its first question, the result, the add page, the
    # add page with its message about the name, the list.
    assert len(loads) == 9, loads

    # Its page: question text → the chosen words, in the quiz's controls.
    page.locator(".messagelist li.success").get_by_role("link", name="Noor, product owner at a bank").click()
    expect(page.get_by_text("Passes: Product Owner first, as expected.")).to_be_visible()
    assert_accessible(page, "admin-persona-change")
    statement = bank.questions[next(s for s in asked if bank.questions[s].kind == "scale")]
    group = page.get_by_role("group", name=statement.text)
    expect(group.get_by_label(scale_choice(answers[statement.slug]), exact=True)).to_be_checked()
    changed = 1 if answers[statement.slug] != 1 else 5
    group.get_by_label(scale_choice(changed), exact=True).check()
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.get_by_text("was changed successfully")).to_be_visible()
    persona.refresh_from_db()
    assert persona.answers[statement.slug] == changed
    assert len(loads) == 11, loads  # and the persona's page, then the list again


def test_a_view_only_editor_sees_a_personas_answers_as_text(page, site):
    editor("viewer", VIEW_BANK)
    persona = Persona.objects.order_by("name").first()
    question = persona.quiz.questions.get(slug="current-role")
    chosen = question.options.get(slug=persona.answers["current-role"]).label
    loads = count_page_loads(page)

    log_in(page, site, "viewer")
    page.get_by_role("link", name="Calibration personas").click()
    page.get_by_role("link", name=persona.name).click()

    expect(page.get_by_role("definition").filter(has_text=chosen).first).to_be_visible()
    expect(page.locator("dt", has_text=question.text)).to_be_visible()
    expect(page.get_by_role("radio")).to_have_count(0)
    expect(page.get_by_role("button", name="Save", exact=True)).to_have_count(0)
    assert_accessible(page, "admin-persona-view-only")
    assert len(loads) == 4, loads  # login, index, personas, the persona
