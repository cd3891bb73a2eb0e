import re

import pytest


@pytest.mark.parametrize("slug", ["product-manager", "head-of-product", "student"])
def test_a_role_page_shows_summary_scope_chart_salary_and_routes(default_content, client, slug):
    response = client.get(f"/roles/{slug}/")
    html = response.content.decode()
    assert response.status_code == 200
    for text in (
        "Responsibilities",
        "Scope",
        "Pay",
        "Expected profile",
        "Routes in",
        "Routes out",
        "pc-track",
    ):
        assert text in html


def test_the_role_index_groups_roles_by_family_and_seniority(default_content, client):
    html = client.get("/roles/").content.decode()
    assert (
        "Product management" in html
        and "Product leadership" in html
        and "Delivery: programs and projects" in html
    )
    assert html.index("Associate Product Manager") < html.index("Senior Product Manager")


def test_comparing_product_manager_and_head_of_product_answers_the_question(default_content, client):
    response = client.get("/roles/compare/?a=product-manager&b=head-of-product")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Product Manager vs Head of Product: what is the difference?" in html
    assert "A team of four to ten (product managers)" in html  # the head of product's reports
    assert "A proxy, not this role's own figure" in html  # both are proxies, said in words
    assert "From Product Manager to Head of Product" in html
    assert "Product Manager → Head of Product" in html  # the first-product-hire move


def test_comparing_with_an_unknown_role_is_a_clear_400(default_content, client):
    response = client.get("/roles/compare/?a=product-manager&b=wizard")
    assert response.status_code == 400
    assert "Choose two roles from the lists." in response.content.decode()


def test_an_unknown_role_is_404(default_content, client):
    assert client.get("/roles/wizard/").status_code == 404


def test_the_compare_pickers_start_on_two_different_roles_so_compare_works_at_once(default_content, client):
    index = client.get("/roles/").content.decode()
    assert '<option value="product-manager" selected>' in index
    assert '<option value="head-of-product" selected>' in index
    empty = client.get("/roles/compare/").content.decode()
    assert '<option value="head-of-product" selected>' in empty
    compared = client.get("/roles/compare/?a=product-manager&b=head-of-product")
    assert compared.status_code == 200
    assert 'data-label="Head of Product"' in compared.content.decode()  # named cells for phones


def test_the_role_index_is_a_ladder_with_families_as_columns_and_the_most_senior_on_top(
    default_content, client
):
    html = client.get("/roles/").content.decode()
    levels = re.findall(r'<p class="ladder-level ladder-row-(\d)" aria-hidden="true">([^<]+)</p>', html)
    assert [label for _row, label in levels][0] == "Executive" and levels[-1][1] == "Entry"
    row = {label: number for number, label in levels}
    columns = dict(re.findall(r'class="ladder-family ladder-col-(\d)">([^<]+)<', html))
    assert set(columns.values()) >= {"Product management", "Product leadership"}
    column = {label: number for number, label in columns.items()}
    cell = re.search(
        rf'class="ladder-cell ladder-col-{column["Product leadership"]} ladder-row-{row["Executive"]}".*?</section>',
        html,
        re.S,
    ).group(0)
    assert "Chief Product Officer" in cell


def test_each_role_on_the_ladder_names_its_usual_next_steps_not_its_occasional_ones(default_content, client):
    html = client.get("/roles/").content.decode()
    card = re.search(
        r'role-card-name"><a href="/roles/product-manager/">Product Manager</a>.*?</li>', html, re.S
    ).group(0)
    assert "Usual next step:" in card and '<a href="/roles/senior-pm/">Senior Product Manager</a>' in card
    assert "/roles/product-owner/" not in card  # an occasional move: only on the role's own page


def test_a_search_that_finds_nothing_suggests_near_titles(default_content, client):
    html = client.get("/roles/", {"q": "prodct manger"}).content.decode()
    assert "0 roles match" in html
    near = re.search(r'<ul class="near-roles">(.*?)</ul>', html, re.S).group(1)
    assert '<a href="/roles/product-manager/">Product Manager</a>' in near


def test_a_search_for_something_unlike_any_title_suggests_nothing(default_content, client):
    html = client.get("/roles/", {"q": "zzzzqqq"}).content.decode()
    assert "0 roles match" in html and "near-roles" not in html


def test_a_role_cannot_be_compared_with_itself(default_content, client):
    response = client.get("/roles/compare/?a=product-manager&b=product-manager")
    assert response.status_code == 400
    html = response.content.decode()
    assert "Choose two different roles" in html and "compare-table" not in html


def test_the_empty_compare_page_offers_popular_pairs(default_content, client):
    html = client.get("/roles/compare/").content.decode()
    assert "Comparisons people often look for" in html
    assert (
        '<a href="/roles/compare/?a=project-manager&amp;b=program-manager">Project Manager vs Program Manager</a>'
        in html
    )
    compared = client.get("/roles/compare/?a=project-manager&b=program-manager").content.decode()
    assert "Comparisons people often look for" not in compared
