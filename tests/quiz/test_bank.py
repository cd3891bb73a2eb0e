import copy
import html
import json

import jsonschema
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse

from quiz.bank import BankError, export_bank, import_bank
from quiz.content import default_bank
from quiz.models import Option, OptionScore, Question, Quiz
from roles.models import Competency, Role, Transition


def _counts():
    return [m.objects.count() for m in (Competency, Role, Transition, Quiz, Question, Option, OptionScore)]


def test_export_import_into_an_empty_database_export_is_identical(
    default_content, tmp_path, django_db_blocker
):
    first = export_bank()
    # Empty the bank, then load the export back.
    Quiz.objects.all().delete()
    Role.objects.all().delete()
    Competency.objects.all().delete()
    assert _counts() == [0] * 7
    path = tmp_path / "bank.json"
    path.write_text(json.dumps(first), encoding="utf-8")
    call_command("import_bank", str(path), verbosity=0)
    assert export_bank() == first


def test_the_export_command_writes_the_contract_keys(default_content, tmp_path):
    path = tmp_path / "out.json"
    call_command("export_bank", output=str(path))
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["format"] == "careerquiz-bank" and data["version"] == 1
    assert {"slug", "kind"} <= set(data["competencies"][0])
    role = data["roles"][0]
    assert {"slug", "recommendable", "profile"} <= set(role)
    assert set(next(iter(role["profile"].values()))) == {"level", "importance"}
    assert {"from", "to", "months", "steps"} <= set(data["transitions"][0])
    question = data["quizzes"][0]["questions"][0]
    assert {"slug", "kind", "current_role", "options"} <= set(question)
    assert {"slug", "role", "scores"} <= set(question["options"][0])


def test_a_malformed_bank_names_the_place_and_writes_nothing(db):
    bank = default_bank()
    bad = copy.deepcopy(bank)
    bad["quizzes"][0]["questions"][3]["options"][1]["scores"]["foo"] = 2
    with pytest.raises(BankError) as info:
        import_bank(bad)
    assert 'quizzes[0].questions[3].options[1].scores: unknown competency "foo"' in info.value.errors
    assert _counts() == [0] * 7


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda b: b.update(format="other"), "format: unknown format 'other' (expected 'careerquiz-bank')"),
        (
            lambda b: b["roles"][0]["profile"]["customer-insight"].update(level=7),
            "roles[0].profile.customer-insight.level: 7 is more than 4",
        ),
        (lambda b: b["transitions"][0].update(to="nowhere"), 'transitions[0].to: unknown role "nowhere"'),
        (
            lambda b: b["quizzes"][0]["questions"][2].update(kind="essay"),
            "quizzes[0].questions[2].kind: unknown kind 'essay'",
        ),
        (
            lambda b: b["quizzes"][0]["questions"][2].pop("options"),
            'quizzes[0].questions[2]: missing "options"',
        ),
        (
            lambda b: b["competencies"].append(dict(b["competencies"][0])),
            'competencies[23].slug: duplicate slug "customer-insight"',
        ),
        (
            lambda b: b["roles"][12]["salary"].update(year=None),
            "roles[12].salary.year: a salary needs the year",
        ),
        (
            lambda b: b["roles"][12]["salary"].update(source=" "),
            "roles[12].salary.source: a salary needs its source",
        ),
        # Mistakes that used to get through to the database (issue 11).
        (lambda b: b["roles"][0].update(slug="associate-pm\n"), "roles[0].slug: not a valid slug"),
        (
            lambda b: b["transitions"][0]["steps"][0].update(resource_url="javascript:alert(1)"),
            "resource_url: Enter a valid URL.",
        ),
        (
            lambda b: b["roles"][12]["salary"].update(source_url="javascript:alert(1)"),
            "roles[12].salary.source_url: Enter a valid URL.",
        ),
        (
            lambda b: b["roles"][12]["salary"].update(currency="EURO"),
            "roles[12].salary.currency: Ensure this value has at most 3",
        ),
        (
            lambda b: b["roles"][0].update(experience="x" * 201),
            "roles[0].experience: Ensure this value has at most 200 characters",
        ),
        (
            lambda b: b["roles"][12]["salary"].update(median=2**40, high=2**41),
            "roles[12].salary.median: 1099511627776 is outside 0–100000000",
        ),
        (lambda b: b["roles"][0].update(summary="a\x00b"), "roles[0].summary: contains a NUL character"),
        (lambda b: b["roles"][0].update(summary=["a", "list"]), "roles[0].summary: expected text, got list"),
        (lambda b: b["roles"][1].update(name=b["roles"][0]["name"]), "conflicts with the bank's rules"),
        # The format is declared once (quiz/bank/schema.py): types are strict, keys known.
        (
            lambda b: b["roles"][0].update(recomendable=True),
            "roles[0].recomendable: not part of the bank format",
        ),
        (lambda b: b["roles"][0].update(seniority="2"), "roles[0].seniority: unknown seniority '2'"),
        (
            lambda b: b["quizzes"][0]["questions"][0].update(active=1),
            "quizzes[0].questions[0].active: expected true or false, got 1",
        ),
        (
            lambda b: b["quizzes"][0].update(title="\ud800"),
            "quizzes[0].title: contains a character that is not valid Unicode",
        ),
        (lambda b: b.update(version=True), "version: expected a whole number, got True"),
        (lambda b: b.update(version=1.0), "version: expected a whole number, got 1.0"),
        (
            lambda b: b["quizzes"][0]["personas"][0]["answers"].update({"current-role": [[["deep"]]]}),
            "quizzes[0].personas[0].answers.current-role",
        ),
        (
            lambda b: b["transitions"][0]["steps"][0].update(done_when="no-slash"),
            "transitions[0].steps[0].done_when: write it as question-slug/option-slug",
        ),
    ],
)
def test_each_kind_of_mistake_is_named(db, mutate, message):
    bank = copy.deepcopy(default_bank())
    mutate(bank)
    with pytest.raises(BankError) as info:
        import_bank(bank)
    assert any(message in e for e in info.value.errors) or message in str(info.value), info.value.errors
    assert _counts() == [0] * 7


def test_a_malformed_file_fails_the_command_and_writes_nothing(db, tmp_path):
    path = tmp_path / "bank.json"
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(CommandError, match="not valid JSON"):
        call_command("import_bank", str(path))
    assert _counts() == [0] * 7


def test_a_dry_run_reports_and_writes_nothing(db, tmp_path):
    path = tmp_path / "bank.json"
    path.write_text(json.dumps(default_bank()), encoding="utf-8")
    call_command("import_bank", str(path), dry_run=True, verbosity=0)
    assert _counts() == [0] * 7


def test_reimporting_changes_what_changed_and_deactivates_answered_questions(default_content):
    from quiz.models import Answer, AnswerChoice, Attempt

    question = Question.objects.get(slug="unused-feature")
    attempt = Attempt.objects.create(quiz=default_content, owner_key="k")
    answer = Answer.objects.create(attempt=attempt, question=question)
    AnswerChoice.objects.create(answer=answer, option=question.options.first())
    bank = export_bank()
    questions = bank["quizzes"][0]["questions"]
    bank["quizzes"][0]["questions"] = [q for q in questions if q["slug"] != "unused-feature"]
    bank["roles"][0]["name"] = "Associate PM (renamed)"
    report = import_bank(bank)
    assert any("renamed" not in c and "role associate-pm" in c for c in report.changed)
    assert Role.objects.get(slug="associate-pm").name == "Associate PM (renamed)"
    question.refresh_from_db()
    assert question.active is False  # kept for the attempt that answered it
    assert any("deactivated" in r for r in report.removed)


def test_deeply_nested_json_is_a_named_error_not_a_traceback(db, tmp_path):
    path = tmp_path / "bank.json"
    path.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    with pytest.raises(CommandError, match="not valid JSON"):
        call_command("import_bank", str(path))
    assert _counts() == [0] * 7


def test_renaming_the_current_role_question_is_a_named_error_and_changes_nothing(db):
    import_bank(default_bank())
    before = _counts()
    bank = copy.deepcopy(default_bank())
    bank["quizzes"][0]["questions"][0]["slug"] = "current-role-renamed"
    with pytest.raises(BankError, match="conflicts with the bank's rules"):
        import_bank(bank)
    assert _counts() == before


def test_the_published_json_schema_accepts_the_bank_and_names_a_mistake(default_content, tmp_path):
    """Editors can check a file in their own tools against `export_bank --schema`."""
    path = tmp_path / "schema.json"
    call_command("export_bank", schema=True, output=str(path))
    schema = json.loads(path.read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    validator.check_schema(schema)
    bank = export_bank()
    assert list(validator.iter_errors(bank)) == []
    bank["roles"][0]["profile"]["customer-insight"]["importance"] = 5
    bank["quizzes"][0]["questions"][1]["kind"] = "essay"
    del bank["transitions"][2]["steps"]
    places = sorted("/".join(map(str, e.absolute_path)) for e in validator.iter_errors(bank))
    assert places == [
        "quizzes/0/questions/1/kind",
        "roles/0/profile/customer-insight/importance",
        "transitions/2",
    ]


def test_a_file_the_json_reader_refuses_is_a_422_with_a_message_and_a_bom_is_fine(
    default_content, admin_client
):
    def upload(content: bytes):
        bank_file = SimpleUploadedFile("bank.json", content, content_type="application/json")
        return admin_client.post(reverse("admin:bank_import"), {"action": "preview", "bank_file": bank_file})

    huge = upload(b'{"format": "careerquiz-bank", "version": ' + b"9" * 5000 + b"}")
    assert huge.status_code == 422 and "Not valid JSON" in huge.content.decode()
    with_bom = upload(b"\xef\xbb\xbf" + json.dumps(export_bank()).encode())
    assert with_bom.status_code == 200 and "0 added, 0 changed, 0 removed" in with_bom.content.decode()


@pytest.mark.parametrize(
    "place",
    ["transitions[0].from_role", "quizzes[0].questions[2].text", "roles[1].profile.<key>"],
)
def test_a_lone_surrogate_anywhere_is_a_422_naming_its_place(default_content, admin_client, place):
    before = export_bank()
    bank = copy.deepcopy(before)
    if place == "transitions[0].from_role":
        bank["transitions"][0]["from_role"] = "pm\ud800"
    elif place.startswith("quizzes"):
        bank["quizzes"][0]["questions"][2]["text"] += "\udfff"
    else:
        profile = bank["roles"][1]["profile"]
        key = next(iter(profile))
        profile[key + "\ud83d"] = profile.pop(key)
        place = f"roles[1].profile.{key}\\ud83d"
    text = json.dumps(bank)  # escapes the surrogate as \\udXXX, which JSON allows
    for action in ("preview", "apply"):
        data = {"action": action}
        if action == "preview":
            data["bank_file"] = SimpleUploadedFile(
                "bank.json", text.encode(), content_type="application/json"
            )
        else:
            data["bank_json"] = text
        response = admin_client.post(reverse("admin:bank_import"), data)
        page = response.content.decode()
        assert response.status_code == 422, action
        assert f"{place}: contains a character that is not valid Unicode" in page, action
    assert export_bank() == before


def _upload(admin_client, text: str):
    bank_file = SimpleUploadedFile("bank.json", text.encode(), content_type="application/json")
    return admin_client.post(reverse("admin:bank_import"), {"action": "preview", "bank_file": bank_file})


def test_upload_mistakes_name_the_entry_its_1_based_position_and_the_files_line(
    default_content, admin_client
):
    bank = export_bank()
    question = bank["quizzes"][0]["questions"][24]
    option = question["options"][1]
    option["scores"][next(iter(option["scores"]))] = 9
    bank["roles"][2]["order_hint"] = 1  # a misspelt key
    text = json.dumps(bank, indent=2, ensure_ascii=False)
    lines = text.splitlines()
    question_line = next(n for n, line in enumerate(lines, 1) if f'"slug": "{question["slug"]}"' in line)
    option_line = next(
        n for n, line in enumerate(lines, 1) if n > question_line and f'"slug": "{option["slug"]}"' in line
    )
    role_line = next(n for n, line in enumerate(lines, 1) if f'"slug": "{bank["roles"][2]["slug"]}"' in line)
    response = _upload(admin_client, text)
    page = html.unescape(response.content.decode())
    assert response.status_code == 422
    assert (
        f"quiz 1 “{bank['quizzes'][0]['slug']}”, question 25 “{question['slug']}” (“{question['text'][:59]}"
        in page
    )
    assert f"option 2 “{option['slug']}” (“{option['label'][:40]}" in page
    assert f"line {option_line}: quizzes[0].questions[24].options[1].scores." in page
    assert f"role 3 “{bank['roles'][2]['slug']}”, line {role_line}: roles[2].order_hint: not part of" in page


def test_a_json_syntax_error_names_the_line_of_the_mistake(default_content, admin_client):
    text = '{\n  "format": "careerquiz-bank"\n  "version": 1\n}\n'  # the comma missing on line 2
    page = html.unescape(_upload(admin_client, text).content.decode())
    assert "line 3 column 3" in page  # where JSON's reader noticed it
    assert 'The mistake is probably at the end of line 2: “"format": "careerquiz-bank"”.' in page


def test_the_upload_preview_shows_before_after_and_the_effect_as_the_admin_does(
    default_content, admin_client
):
    bank = export_bank()
    question = bank["quizzes"][0]["questions"][3]
    before_text = question["text"]
    question["text"] = "A reworded question"
    response = _upload(admin_client, json.dumps(bank))
    page = html.unescape(response.content.decode())
    assert response.status_code == 200
    assert before_text in page and "A reworded question" in page  # before → after
    assert "No persona would start or stop passing." in page
    assert "Apply these changes" in page
    assert Question.objects.get(slug=question["slug"]).text == before_text


def test_an_upload_that_leaves_a_question_unanswerable_is_refused_with_its_reason(
    default_content, admin_client
):
    bank = export_bank()
    question = bank["quizzes"][0]["questions"][3]
    question["options"] = question["options"][:1]
    text = json.dumps(bank)
    preview = html.unescape(_upload(admin_client, text).content.decode())
    assert "This file cannot be published" in preview and "Apply these changes" not in preview
    assert f"Question “{question['text']}” is active but not complete" in preview
    applied = admin_client.post(reverse("admin:bank_import"), {"action": "apply", "bank_json": text})
    assert applied.status_code == 422
    assert Option.objects.filter(question__slug=question["slug"], active=True).count() > 1
