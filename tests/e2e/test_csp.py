"""Every page under the production Content-Security-Policy: no violation in the console."""

from playwright.sync_api import expect

from .conftest import answer_with_mouse


def test_no_page_violates_the_content_security_policy(page, site, persona_labels, django_user_model):
    violations = []
    page.on(
        "console",
        lambda m: (
            violations.append(f"{page.url}: {m.text}")
            if "Content Security Policy" in m.text or "Content-Security-Policy" in m.text
            else None
        ),
    )
    response = page.goto(site + "/")
    assert "default-src 'none'" in response.headers["content-security-policy"]
    page.get_by_role("button", name="Start the quiz").click()
    page.get_by_role("button", name="Next").click()  # an inline error, swapped in by htmx
    expect(page.get_by_text("Choose an answer to continue.").first).to_be_visible()
    answer_with_mouse(page, persona_labels("group-pm"))
    page.get_by_role("button", name="See my result").first.click()
    expect(page.locator("h1")).to_have_text("Group Product Manager")
    page.get_by_label("See the plan for another role").select_option("cpo")
    page.get_by_role("button", name="Show the plan").click()
    expect(page.locator("#plan h3")).to_contain_text("Chief Product Officer")
    page.get_by_role("button", name="Copy link").click()
    for path in [
        "/roles/",
        "/roles/cpo/",
        "/roles/compare/?a=product-owner&b=product-manager",
        "/no/such/page/",
    ]:
        page.goto(site + path)
    django_user_model.objects.create_superuser("admin", "admin@example.com", "a-long-admin-password")
    page.goto(site + "/admin/")
    page.get_by_label("Username").fill("admin")
    page.get_by_label("Password").fill("a-long-admin-password")
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", name="Site administration")).to_be_visible()
    for path in ["/admin/quiz/question/", "/admin/quiz/question/1/change/", "/admin/roles/role/1/change/"]:
        page.goto(site + path)
    # The previews, redrawn in their frames as the page changes.
    page.get_by_label("Expected level of “Customer insight”").select_option("4")
    expect(
        page.frame_locator("#workbench-preview-frame")
        .locator(".pc-row", has_text="Customer insight")
        .locator(".pc-role")
    ).to_have_class("pc-role s-16")
    page.goto(site + "/admin/quiz/question/add/")
    page.get_by_label("Question", exact=True).fill("A question typed in the admin?")
    expect(page.frame_locator("#workbench-preview-frame").locator("#question-heading")).to_have_text(
        "A question typed in the admin?"
    )
    assert violations == []
