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
    assert "Product managers, often still a small team" in html  # the head of product's reports
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
