"""Pay as a job seeker reads it: a range with its source on every page, and never a figure
beside a blank without the reason."""

import html as html_lib
import re

from roles.models import Role


def _pay_cells(html: str) -> list[str]:
    row = html.split(">Pay</th>", 1)[1].split("</tr>", 1)[0]
    cells = re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)
    return [re.sub(r"\s+", " ", html_lib.unescape(re.sub(r"<[^>]+>", " ", c))).strip() for c in cells]


def test_a_comparison_never_sets_a_figure_beside_no_figure_without_saying_why(default_content, client):
    with_figure = Role.objects.get(slug="product-manager")
    for other in Role.objects.filter(salary_median__isnull=True):
        html = client.get("/roles/compare/", {"a": with_figure.slug, "b": other.slug}).content.decode()
        figure, blank = _pay_cells(html)
        assert "USD" in figure and "USD" not in blank, other.slug
        assert blank == other.pay_note, other.slug


def test_a_role_page_says_the_range_the_region_the_occupation_and_links_its_table(default_content, client):
    role = Role.objects.get(slug="senior-pm")
    html = client.get(role.get_absolute_url()).content.decode()
    text = re.sub(r"\s+", " ", html_lib.unescape(re.sub(r"<[^>]+>", " ", html)))
    assert re.search(
        r"USD [\d,]+ a year, median; 10th to 90th percentile: USD [\d,]+ – USD [\d,]+ or more", text
    )
    assert "United States, national" in text and "Only United States figures are shown" in text
    assert "A proxy, not this role's own figure" in text and "(SOC 11-3021)" in text
    assert 'href="https://www.bls.gov/oes/2024/may/oes113021.htm"' in html
