"""A role's page in the admin: the role and its whole profile on one page and one save,
a preview of its profile chart, and “Duplicate this role”."""

import re

import pytest
from django.urls import reverse

from editor.permissions import VIEW_BANK
from roles.models import Competency, Role, RoleCompetency
from tests.factories import staff_client
from tests.pageforms import page_form

pytestmark = pytest.mark.usefixtures("default_content")

# These tests are about the page's save: they apply the change at once (the preview that
# comes first is tested in tests/editor/test_preview.py).
APPLIED = {"_apply": "1"}


def _change_url(role):
    return reverse("admin:roles_role_change", args=[role.pk])


def _profile(role):
    return {rc.competency.slug: (rc.level, rc.importance) for rc in role.profile.select_related("competency")}


def _level(competency_slug):
    return f"profile-{Competency.objects.get(slug=competency_slug).pk}-level"


def _importance(competency_slug):
    return f"profile-{Competency.objects.get(slug=competency_slug).pk}-importance"


def test_the_role_page_has_a_row_for_every_competency_with_its_level_words(admin_client):
    role = Role.objects.get(slug="product-manager")
    html = admin_client.get(_change_url(role)).content.decode()
    levels = re.findall(r'<select name="profile-(\d+)-level"', html)
    assert sorted(map(int, levels)) == sorted(Competency.objects.values_list("pk", flat=True))
    assert len(re.findall(r"<select name=\"profile-\d+-importance\"", html)) == len(levels)
    # Levels in the competency's own words, every input named for its competency.
    assert "3 · runs regular discovery and acts on it" in html
    assert '<label class="visually-hidden" for="id_profile-' in html
    assert "Expected level of “Customer insight”" in html
    assert [
        m for m in ("Skills", "Preferences", "Experience facts") if f"<caption>{m}</caption>" in html
    ] == [
        "Skills",
        "Preferences",
        "Experience facts",
    ]


def test_one_save_of_the_role_page_changes_levels_importance_and_what_is_in_the_profile(admin_client):
    role = Role.objects.get(slug="product-manager")
    before = _profile(role)
    data = page_form(admin_client.get(_change_url(role)).content.decode(), "role_form")
    data[_level("customer-insight")] = "4"
    data[_importance("business-acumen")] = "3"
    data[_level("compliance-risk")] = ""  # out of the profile
    data["_save"] = "Save"
    response = admin_client.post(_change_url(role), {**data, **APPLIED})
    assert response.status_code == 302
    after = _profile(role)
    assert after["customer-insight"] == (4, before["customer-insight"][1])
    assert after["business-acumen"] == (before["business-acumen"][0], 3)
    assert "compliance-risk" not in after
    untouched = set(before) - {"customer-insight", "business-acumen", "compliance-risk"}
    assert {c: after[c] for c in untouched} == {c: before[c] for c in untouched}


def test_a_new_role_is_added_with_its_whole_profile_in_one_post(admin_client):
    data = page_form(admin_client.get(reverse("admin:roles_role_add")).content.decode(), "role_form")
    competencies = list(Competency.objects.all())
    data.update(
        {
            "name": "Growth Product Manager",
            "slug": "growth-pm",
            "family": "product",
            "seniority": "2",
            "summary": "Owns the funnel.",
            "responsibilities": "Run experiments",
            "_save": "Save",
        }
    )
    for n, competency in enumerate(competencies):
        data[f"profile-{competency.pk}-level"] = str(n % 5)
        data[f"profile-{competency.pk}-importance"] = str(n % 3 + 1)
    response = admin_client.post(reverse("admin:roles_role_add"), {**data, **APPLIED})
    assert response.status_code == 302
    role = Role.objects.get(slug="growth-pm")
    assert not role.recommendable, "a new role starts as a draft"
    assert {rc.competency_id: (rc.level, rc.importance) for rc in role.profile.all()} == {
        c.pk: (n % 5, n % 3 + 1) for n, c in enumerate(competencies)
    }


def test_a_level_off_the_scale_is_shown_at_its_row_and_nothing_is_saved(admin_client):
    role = Role.objects.get(slug="product-manager")
    before = _profile(role)
    data = page_form(admin_client.get(_change_url(role)).content.decode(), "role_form")
    data[_level("customer-insight")] = "7"
    data["name"] = "Renamed PM"
    data["_save"] = "Save"
    response = admin_client.post(_change_url(role), data)
    html = response.content.decode()
    assert response.status_code == 200
    field_id = "id_" + _level("customer-insight")
    # The summary links to the row's input; the message stands above the input itself.
    assert f'<a href="#{field_id}">Expected level of “Customer insight”: Select a valid choice.' in html
    assert f'<p class="cell-error" id="{field_id}_error">' in html
    assert "<title>Error:" in html
    role.refresh_from_db()
    assert role.name == "Product Manager" and _profile(role) == before


def test_the_chart_preview_draws_the_unsaved_profile_and_saves_nothing(admin_client):
    role = Role.objects.get(slug="product-manager")
    page = admin_client.get(_change_url(role))
    assert "frame-src 'self'" in page["Content-Security-Policy"]
    data = page_form(page.content.decode(), "role_form")
    preview_url = reverse("admin:roles_role_preview", args=[role.pk])
    assert f'formaction="{preview_url}"' in page.content.decode()
    saved = admin_client.get(preview_url).content.decode()
    data[_level("people-leadership")] = "4"  # saved: 0
    data["name"] = "PM, previewed"
    preview = admin_client.post(preview_url, data)
    assert preview.status_code == 200
    assert "frame-ancestors 'self'" in preview["Content-Security-Policy"]
    assert preview["X-Frame-Options"] == "SAMEORIGIN"
    html = preview.content.decode()
    assert "PM, previewed" in html

    def marker(page_html, name):
        row = page_html.split(f'<span class="pc-name">{name}</span>')[1]
        return re.search(r"pc-role s-(\d+)", row).group(1)

    assert marker(saved, "People leadership and mentoring") == "0"
    assert marker(html, "People leadership and mentoring") == "16"  # level 4, in quarter steps
    assert _profile(role)["people-leadership"][0] == 0
    assert Role.objects.get(pk=role.pk).name == "Product Manager"


def test_duplicating_a_role_opens_an_inactive_copy_with_its_profile(admin_client):
    role = Role.objects.get(slug="product-manager")
    url = reverse("admin:roles_role_duplicate", args=[role.pk])
    assert admin_client.get(url).status_code == 405
    response = admin_client.post(url)
    copy = Role.objects.get(name="Copy of Product Manager")
    assert response.status_code == 302 and response["Location"] == _change_url(copy)
    assert copy.slug == "copy-of-product-manager" and not copy.active
    assert _profile(copy) == _profile(role)
    assert copy.summary == role.summary and copy.transitions_out.count() == 0
    admin_client.post(url)
    assert Role.objects.filter(name="Copy of Product Manager (2)", slug="copy-of-product-manager-2").exists()
    page = admin_client.get(_change_url(copy)).content.decode()
    assert "is a copy of “Product Manager”" in page and "It is inactive" in page


def test_a_view_only_editor_sees_the_profile_and_cannot_change_or_duplicate_it(client):
    viewer = staff_client("viewer", VIEW_BANK)
    role = Role.objects.get(slug="product-manager")
    html = viewer.get(_change_url(role)).content.decode()
    assert "3 · runs regular discovery and acts on it" in html
    assert (
        'name="profile-' not in html and "Duplicate this role" not in html and "Preview the chart" not in html
    )
    assert viewer.get(reverse("admin:roles_role_preview", args=[role.pk])).status_code == 200
    assert viewer.post(_change_url(role), {"name": "x"}).status_code == 403
    assert viewer.post(reverse("admin:roles_role_duplicate", args=[role.pk])).status_code == 403
    assert not Role.objects.filter(name__startswith="Copy of").exists()


def test_without_permissions_on_expected_levels_the_role_saves_but_its_profile_does_not_change():
    editor = staff_client("role-editor", (*VIEW_BANK, "roles.change_role"))
    role = Role.objects.get(slug="product-manager")
    before = _profile(role)
    html = editor.get(_change_url(role)).content.decode()
    assert 'name="profile-' not in html
    data = page_form(html, "role_form")
    data.update({"name": "Product Manager (renamed)", _level("customer-insight"): "0", "_save": "Save"})
    assert editor.post(_change_url(role), {**data, **APPLIED}).status_code == 302
    role.refresh_from_db()
    assert role.name == "Product Manager (renamed)" and _profile(role) == before


def test_a_preview_or_duplicate_of_a_role_that_does_not_exist_is_a_404(admin_client):
    assert admin_client.get("/admin/roles/role/999999/preview/").status_code == 404
    assert admin_client.get("/admin/roles/role/abc/preview/").status_code == 404
    assert admin_client.post("/admin/roles/role/abc/duplicate/").status_code == 404
    assert RoleCompetency.objects.filter(role__name__startswith="Copy").count() == 0
