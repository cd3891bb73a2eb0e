"""One source of truth per role (issue #26.1): the years and the reports a role page states
are the ones the compare page and the result page state, word for word, and the role's own
text never adds a second figure for them."""

import html as html_lib
import re

import pytest

from quiz.bank import load_bank
from quiz.models import Attempt
from quiz.services import attempt_complete
from roles.models import Role
from tests.factories import answer_everything

YEARS = re.compile(r"\d+ years or more|less than \d+ years|\d+(?:–\d+)?\+? years", re.IGNORECASE)


def _cells(html: str, css_class: str) -> list[str]:
    """The text of every element with ``css_class``, tags dropped and spaces squeezed."""
    found = re.findall(rf'class="{css_class}"[^>]*>(.*?)</(?:dd|td)>', html, re.S)
    return [re.sub(r"\s+", " ", html_lib.unescape(re.sub(r"<[^>]+>", " ", f))).strip() for f in found]


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", html_lib.unescape(re.sub(r"<[^>]+>", " ", html)))


@pytest.fixture
def result(default_content):
    attempt = Attempt.objects.create(quiz=default_content, owner_key="k")
    answer_everything(attempt, "senior-pm")
    return attempt_complete(attempt=attempt)


def test_the_role_page_the_compare_page_and_the_result_state_the_same_years_and_reports(
    default_content, client, result
):
    bank = load_bank(default_content)
    for role in Role.objects.recommendable():
        page = client.get(role.get_absolute_url()).content.decode()
        other = "cpo" if role.slug != "cpo" else "product-manager"
        compare = client.get("/roles/compare/", {"a": role.slug, "b": other}).content.decode()
        years, reports = _cells(page, "role-years"), _cells(page, "role-reports")
        assert len(years) == 1 and len(reports) == 1, role.slug
        assert _cells(compare, "role-years")[0] == years[0], role.slug
        assert _cells(compare, "role-reports")[0] == reports[0], role.slug
        # What the engine writes into a result (its card and its reasons) comes from the same words.
        assert bank.roles[role.slug].experience == years[0], role.slug
        assert bank.roles[role.slug].scope_reports in (reports[0], ""), role.slug
        card = result.snapshot["roles"].get(role.slug)
        if card:  # the result keeps each ranked role's card, and renders the recommended one's
            assert card["experience"] == years[0], role.slug
    recommended = result.snapshot["recommended"]
    article = _text(client.get(result.get_absolute_url()).content.decode())
    assert Role.objects.get(slug=recommended).experience_words() in article


def _without_chart_and_sources(html: str) -> str:
    # The chart's scale is labelled from "less than 3 years" to "15 years or more" on every
    # role page, and the sources cite what a source says (a certificate's rules): neither
    # is the role's own figure.
    html = re.sub(r'<section[^>]*aria-labelledby="profile-heading".*?</section>', "", html, flags=re.S)
    return re.sub(r"<section[^>]*>\s*<h2[^>]*>Sources</h2>.*?</section>", "", html, flags=re.S)


def test_no_role_text_adds_a_second_figure_for_years_or_reports(default_content, client):
    for role in Role.objects.recommendable():
        page = _text(_without_chart_and_sources(client.get(role.get_absolute_url()).content.decode()))
        stated = set(YEARS.findall(role.experience_words()))
        assert stated, role.slug
        assert set(YEARS.findall(page)) == stated, role.slug
        assert not re.search(r"\d", role.experience + role.scope_reports), role.slug


def test_the_result_says_each_role_usually_comes_with_the_years_its_page_states(default_content, result):
    compared = 0
    for item in result.snapshot["ranking"]:
        sentence = item["level_fit_sentence"]
        # A role that asks for no years (an entry role) names none.
        usual = (
            YEARS.search(sentence.split("usually comes with", 1)[1])
            if "usually comes with" in sentence
            else None
        )
        if usual:
            page = YEARS.search(Role.objects.get(slug=item["role"]).experience_words()).group(0)
            assert usual.group(0).casefold() == page.casefold(), item["role"]
            compared += 1
    assert compared >= 3


def test_the_principal_pm_is_listed_as_an_individual_contributor_not_a_manager(default_content, client):
    index = client.get("/roles/").content.decode()
    cells = re.findall(r'<section class="ladder-cell[^"]*" aria-label="([^"]*)">.*?</section>', index, re.S)
    principal = next(
        cell
        for cell in re.findall(r'<section class="ladder-cell.*?</section>', index, re.S)
        if 'role-card-name"><a href="/roles/principal-pm/"' in cell
    )
    assert "Product management: Principal (individual contributor)" in cells
    assert "<h4" in principal and "Principal (individual contributor)" in principal
    assert "manager</h4>" not in principal.lower()
