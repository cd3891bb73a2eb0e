"""Every page is valid HTML: the Nu HTML Checker (the W3C's validator, `vnu-jar` from npm,
installed by `make test`) finds no error on any public or admin page, in every state."""

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from django.test import Client, override_settings
from django.urls import reverse

from quiz.models import Attempt, BankRevision, Persona, Result
from quiz.revisions import record_revision
from quiz.services import attempt_complete
from tests.factories import answer_everything
from tests.pageforms import page_form

ROOT = Path(__file__).resolve().parent.parent
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
ADMIN_MODELS = [
    "quiz_quiz",
    "quiz_question",
    "quiz_option",
    "quiz_persona",
    "quiz_attempt",
    "quiz_result",
    "roles_role",
    "roles_competency",
    "roles_transition",
    "roles_transitionstep",
    "roles_rolecompetency",
]


def nu_errors(pages: dict[str, str], tmp_path: Path) -> list[str]:
    assert VNU.exists() and shutil.which("java"), "run `make test`: it installs Java and the Nu HTML Checker"
    files = []
    for name, html in pages.items():
        path = tmp_path / f"{name}.html"
        path.write_text(html, encoding="utf-8")
        files.append(str(path))
    run = subprocess.run(
        ["java", "-jar", str(VNU), "--errors-only", "--format", "json", "--stdout", *files],
        capture_output=True,
        text=True,
        timeout=300,
    )
    messages = json.loads(run.stdout or "{}").get("messages", [])
    return [
        f"{Path(m.get('url', '')).stem}: {m.get('message')} [{m.get('extract', '').strip()[:120]}]"
        for m in messages
        if m.get("type") in ("error", "non-document-error")
    ]


def _html(response) -> str:
    assert response.status_code < 500, response.status_code
    return response.content.decode()


@pytest.mark.usefixtures("linear_quiz")
def test_every_public_page_is_valid_html(default_content, tmp_path):
    client = Client(raise_request_exception=False)
    pages = {"landing": _html(client.get("/"))}
    step = client.post(reverse("quiz:start", args=[default_content.slug]))["Location"]
    pages["question"] = _html(client.get(step))
    pages["question-error"] = _html(client.post(step, {}))
    attempt = Attempt.objects.get()
    pages["question-scale"] = _html(client.get(step.replace("current-role", "own-queries")))
    pages["question-checklist"] = _html(client.get(step.replace("current-role", "done-recently")))
    pages["landing-resume"] = _html(client.get("/"))
    with override_settings(RATELIMIT_ENABLE=True, RATELIMIT_ANSWER="0/m"):
        pages["rate-limited"] = _html(client.post(step, {}))
    answer_everything(attempt, "head-of-product")
    pages["restart"] = _html(
        client.post(reverse("quiz:start", args=[default_content.slug]), {"restart": "ask"})
    )
    pages["summary"] = _html(client.get(reverse("quiz:summary", args=[attempt.uuid])))
    result = attempt_complete(attempt=attempt)
    pages["result"] = _html(client.get(result.get_absolute_url()))
    pages["result-plan"] = _html(client.get(result.get_absolute_url() + "?role=cpo"))
    pages["landing-last-result"] = _html(client.get("/"))
    pages["roles"] = _html(client.get("/roles/"))
    pages["roles-search"] = _html(client.get("/roles/?q=owner"))
    pages["roles-search-near"] = _html(client.get("/roles/?q=prodct+manger"))
    pages["role"] = _html(client.get("/roles/head-of-product/"))
    pages["compare"] = _html(client.get("/roles/compare/?a=product-manager&b=head-of-product"))
    pages["compare-empty"] = _html(client.get("/roles/compare/"))
    pages["compare-error"] = _html(client.get("/roles/compare/?a=nope&b=cpo"))
    pages["compare-same"] = _html(client.get("/roles/compare/?a=cpo&b=cpo"))
    pages["not-found"] = _html(client.get("/no/such/page/"))
    pages["forbidden"] = _html(Client().get(step))
    errors = nu_errors(pages, tmp_path)
    assert errors == [], "\n".join(errors)


def test_every_admin_page_is_valid_html(default_content, admin_client, tmp_path):
    attempt = Attempt.objects.create(quiz=default_content, owner_key="k")
    answer_everything(attempt, "product-manager")
    attempt_complete(attempt=attempt)
    pages = {"admin-index": _html(admin_client.get("/admin/"))}
    for name in ("bank_health", "bank_rescore", "bank_analytics", "bank_import"):
        pages[name] = _html(admin_client.get(reverse(f"admin:{name}")))
    for model in ADMIN_MODELS:
        pages[f"{model}-list"] = _html(admin_client.get(reverse(f"admin:{model}_changelist")))
        app, name = model.split("_", 1)
        from django.apps import apps

        row = apps.get_model(app, name).objects.order_by("pk").first()
        pages[f"{model}-change"] = _html(admin_client.get(reverse(f"admin:{model}_change", args=[row.pk])))
    pages["result-change"] = _html(
        admin_client.get(reverse("admin:quiz_result_change", args=[Result.objects.get().pk]))
    )
    first = record_revision(summary="first") or BankRevision.objects.get()
    Persona.objects.filter(pk=Persona.objects.first().pk).update(name="Renamed <persona>")
    second = record_revision(summary="renamed a persona")
    pages["versions"] = _html(admin_client.get(reverse("admin:bank_versions")))
    pages["version-diff"] = _html(
        admin_client.get(reverse("admin:bank_version_diff") + f"?from={first.pk}&to={second.pk}")
    )
    pages.update(_one_page_editors(admin_client))
    pages["login"] = _html(Client().get("/admin/login/"))
    errors = nu_errors(pages, tmp_path)
    assert errors == [], "\n".join(errors)


def _one_page_editors(admin_client) -> dict[str, str]:
    """The question's and the role's pages: new, with a score matrix, with errors, and
    their previews."""
    from quiz.models import Question
    from roles.models import Role

    question = Question.objects.get(slug="unused-feature")
    role = Role.objects.get(slug="product-manager")
    question_url = reverse("admin:quiz_question_change", args=[question.pk])
    role_url = reverse("admin:roles_role_change", args=[role.pk])
    broken_question = {**page_form(admin_client.get(question_url).content.decode(), "question_form")}
    broken_question.update({"options-0-score-1": "9", "options-0-new-score-0": "1", "text": ""})
    broken_role = {**page_form(admin_client.get(role_url).content.decode(), "role_form"), "name": ""}
    return {
        "question-add": _html(admin_client.get(reverse("admin:quiz_question_add"))),
        "question-matrix": _html(admin_client.get(question_url)),
        "question-errors": _html(admin_client.post(question_url, broken_question)),
        "question-preview": _html(
            admin_client.get(reverse("admin:quiz_question_preview", args=[question.pk]))
        ),
        "role-add": _html(admin_client.get(reverse("admin:roles_role_add"))),
        "role-errors": _html(admin_client.post(role_url, broken_role)),
        "role-preview": _html(admin_client.get(reverse("admin:roles_role_preview", args=[role.pk]))),
    }
