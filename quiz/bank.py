"""The question bank as data: export to, validate and import from the
``careerquiz-bank`` JSON format.

Contract (later tools rely on it): top-level keys ``format`` ("careerquiz-bank"),
``version``, ``competencies`` (each with ``slug``, ``kind``), ``roles`` (each with ``slug``,
``recommendable``, ``profile``: {competency slug: {``level``, ``importance``}}),
``transitions`` (each with ``from``, ``to``, ``months``, ``steps``) and ``quizzes`` (each with
``slug``, ``questions``: each with ``slug``, ``kind``, ``current_role``, ``options``: each with
``slug``, ``role`` (slug or null), ``scores``: {competency slug: value}). Every other key is
optional on import and always written on export, so export → import → export is identical.

Lists are ordered: the position in the file is the ``order`` in the database.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from roles.models import Competency, DevelopmentAction, Role, RoleCompetency, Transition, TransitionStep

from .caching import bank_changed
from .models import Option, OptionScore, Persona, Question, Quiz

FORMAT = "careerquiz-bank"
VERSION = 1
SLUG_RE = re.compile(r"[-a-zA-Z0-9_]+")
QUESTION_KINDS = {choice.value for choice in Question.Kind}
COMPETENCY_KINDS = {choice.value for choice in Competency.Kind}
FAMILIES = {choice.value for choice in Role.Family}
SENIORITIES = {choice.value for choice in Role.Seniority}
SALARY_BASES = {"", *(choice.value for choice in Role.SalaryBasis)}
DONE_WHEN_RE = re.compile(r"[-a-zA-Z0-9_]+/[-a-zA-Z0-9_]+")


class BankError(ValueError):
    """A bank file that cannot be imported; ``errors`` name each place that is wrong."""

    def __init__(self, errors: list[str]):
        self.errors = errors
        super().__init__("; ".join(errors))


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


# --------------------------------------------------------------------------- export


def export_bank() -> dict[str, Any]:
    """The whole bank as a JSON-ready dict, in a constant number of queries."""
    competencies = list(Competency.objects.order_by("order", "pk"))
    comp_slug = {c.pk: c.slug for c in competencies}
    actions: dict[int, list[dict]] = {}
    for action in DevelopmentAction.objects.order_by("level", "order", "pk"):
        actions.setdefault(action.competency_id, []).append({"level": action.level, "text": action.text})
    roles = list(Role.objects.order_by("order", "pk"))
    role_slug = {r.pk: r.slug for r in roles}
    profiles: dict[int, dict[str, dict[str, int]]] = {r.pk: {} for r in roles}
    for rc in RoleCompetency.objects.order_by("competency__order", "competency__pk"):
        profiles[rc.role_id][comp_slug[rc.competency_id]] = {"level": rc.level, "importance": rc.importance}
    steps: dict[int, list[TransitionStep]] = {}
    for step in TransitionStep.objects.order_by("order", "pk"):
        steps.setdefault(step.transition_id, []).append(step)
    scores: dict[int, dict[str, int]] = {}
    for score in OptionScore.objects.order_by("competency__order", "competency__pk"):
        scores.setdefault(score.option_id, {})[comp_slug[score.competency_id]] = score.value
    options: dict[int, list[Option]] = {}
    for option in Option.objects.order_by("order", "pk"):
        options.setdefault(option.question_id, []).append(option)
    questions: dict[int, list[Question]] = {}
    for question in Question.objects.order_by("order", "pk"):
        questions.setdefault(question.quiz_id, []).append(question)
    personas: dict[int, list[Persona]] = {}
    for persona in Persona.objects.order_by("name", "pk"):
        personas.setdefault(persona.quiz_id, []).append(persona)

    return {
        "format": FORMAT,
        "version": VERSION,
        "competencies": [
            {
                "slug": c.slug,
                "name": c.name,
                "kind": c.kind,
                "description": c.description,
                "low_label": c.low_label,
                "high_label": c.high_label,
                "level_labels": c.level_label_list(),
                "development_actions": actions.get(c.pk, []),
            }
            for c in competencies
        ],
        "roles": [
            {
                "slug": r.slug,
                "name": r.name,
                "family": r.family,
                "seniority": r.seniority,
                "recommendable": r.recommendable,
                "active": r.active,
                "summary": r.summary,
                "responsibilities": r.responsibility_list(),
                "typical_week": r.typical_week,
                "scope": {
                    "teams": r.scope_teams,
                    "reports": r.scope_reports,
                    "budget": r.scope_budget,
                    "horizon": r.scope_horizon,
                },
                "reports_to": r.reports_to,
                "experience": r.experience,
                "aliases": r.alias_list(),
                "company_context": r.company_context,
                "leadership_style": r.leadership_style,
                "salary": r.salary,
                "pay_note": r.pay_note,
                "sources": r.source_list(),
                "profile": profiles[r.pk],
            }
            for r in roles
        ],
        "transitions": [
            {
                "from": role_slug[t.from_role_id],
                "to": role_slug[t.to_role_id],
                "months": t.typical_months,
                "months_basis": t.months_basis,
                "summary": t.summary,
                "sources": _lines(t.sources),
                "steps": [
                    {
                        "title": s.title,
                        "detail": s.detail,
                        "competency": comp_slug.get(s.competency_id),
                        "resource_url": s.resource_url,
                        "done_when": s.done_when,
                        "done_at_level": s.done_at_level,
                    }
                    for s in steps.get(t.pk, [])
                ],
            }
            for t in Transition.objects.order_by(
                "from_role__order", "from_role__pk", "to_role__order", "to_role__pk"
            )
        ],
        "quizzes": [
            {
                "slug": quiz.slug,
                "title": quiz.title,
                "intro": quiz.intro,
                "published": quiz.published,
                "questions": [
                    {
                        "slug": q.slug,
                        "section": q.section,
                        "text": q.text,
                        "help_text": q.help_text,
                        "kind": q.kind,
                        "current_role": q.is_current_role,
                        "active": q.active,
                        "options": [
                            {
                                "slug": o.slug,
                                "label": o.label,
                                "role": role_slug.get(o.role_id),
                                "active": o.active,
                                "exclusive": o.exclusive,
                                "not_applicable": o.not_applicable,
                                "scores": scores.get(o.pk, {}),
                            }
                            for o in options.get(q.pk, [])
                        ],
                    }
                    for q in questions.get(quiz.pk, [])
                ],
                "personas": [
                    {
                        "name": p.name,
                        "expected_role": role_slug[p.expected_role_id],
                        "answers": p.answers,
                        "notes": p.notes,
                        "held_out": p.held_out,
                    }
                    for p in personas.get(quiz.pk, [])
                ],
            }
            for quiz in Quiz.objects.order_by("slug")
        ],
    }


def engine_bank(data: dict[str, Any], quiz_slug: str):
    """The scoring engine's input straight from a (valid) bank file, without a database:
    active roles, questions and options only, like ``quiz.loader.load_bank``."""
    from . import engine

    competencies = {
        c["slug"]: engine.CompetencyInfo(
            slug=c["slug"],
            name=c.get("name", c["slug"]),
            kind=c["kind"],
            order=order,
            actions=tuple(sorted((a["level"], a["text"]) for a in c.get("development_actions", []))),
            low_label=c.get("low_label", ""),
            high_label=c.get("high_label", ""),
            level_labels=tuple(c.get("level_labels", [])),
        )
        for order, c in enumerate(data["competencies"])
    }
    roles = {
        r["slug"]: engine.RoleInfo(
            slug=r["slug"],
            name=r.get("name", r["slug"]),
            recommendable=r["recommendable"],
            order=order,
            family=r.get("family", ""),
            seniority=r.get("seniority", 0),
            summary=r.get("summary", ""),
            salary=r.get("salary"),
            profile={c: engine.Expectation(v["level"], v["importance"]) for c, v in r["profile"].items()},
            pay_note=r.get("pay_note", ""),
            reports_to=r.get("reports_to", ""),
            experience=r.get("experience", ""),
            scope_reports=(r.get("scope") or {}).get("reports", ""),
            scope_teams=(r.get("scope") or {}).get("teams", ""),
        )
        for order, r in enumerate(data["roles"])
        if r.get("active", True)
    }
    quiz = next(q for q in data["quizzes"] if q["slug"] == quiz_slug)
    questions = {
        q["slug"]: engine.QuestionInfo(
            slug=q["slug"],
            text=q.get("text", ""),
            kind=q["kind"],
            is_current_role=q["current_role"],
            options=tuple(
                engine.OptionInfo(
                    slug=o["slug"],
                    label=o.get("label", o["slug"]),
                    scores=dict(o["scores"]),
                    role=o["role"] if o["role"] in roles else None,
                    exclusive=o.get("exclusive", False),
                    not_applicable=o.get("not_applicable", False),
                )
                for o in q["options"]
                if o.get("active", True)
            ),
        )
        for q in quiz["questions"]
        if q.get("active", True)
    }
    transitions = tuple(
        engine.TransitionInfo(
            from_role=t["from"],
            to_role=t["to"],
            months=t["months"],
            summary=t.get("summary", ""),
            steps=tuple(
                engine.StepInfo(
                    title=s["title"],
                    detail=s.get("detail", ""),
                    competency=s.get("competency"),
                    resource_url=s.get("resource_url", ""),
                    done_when=s.get("done_when", ""),
                    done_at_level=s.get("done_at_level"),
                )
                for s in t["steps"]
            ),
            months_basis=t.get("months_basis", ""),
        )
        for t in data["transitions"]
        if t["from"] in roles and t["to"] in roles
    )
    transitions = tuple(sorted(transitions, key=lambda t: (t.from_role, t.to_role)))
    return engine.Bank(competencies=competencies, roles=roles, questions=questions, transitions=transitions)


# --------------------------------------------------------------------------- validation


@dataclass
class _Validator:
    errors: list[str] = field(default_factory=list)

    def error(self, path: str, message: str) -> None:
        self.errors.append(f"{path}: {message}")

    def obj(self, value: Any, path: str, required: tuple[str, ...]) -> bool:
        if not isinstance(value, dict):
            self.error(path, f"expected an object, got {type(value).__name__}")
            return False
        ok = True
        for key in required:
            if key not in value:
                self.error(path, f'missing "{key}"')
                ok = False
        return ok

    def array(self, value: Any, path: str) -> list:
        if not isinstance(value, list):
            self.error(path, f"expected a list, got {type(value).__name__}")
            return []
        return value

    def slug(self, value: Any, path: str, seen: set[str]) -> None:
        if not isinstance(value, str) or not SLUG_RE.fullmatch(value) or len(value) > 100:
            self.error(path, f"not a valid slug: {value!r}")
        elif value in seen:
            self.error(path, f'duplicate slug "{value}"')
        else:
            seen.add(value)

    def text(self, data: dict, key: str, path: str, *, max_length: int | None = None, required=False) -> None:
        if key not in data:
            if required:
                self.error(path, f'missing "{key}"')
            return
        value = data[key]
        if not isinstance(value, str):
            self.error(f"{path}.{key}", f"expected text, got {type(value).__name__}")
        elif "\x00" in value:
            self.error(f"{path}.{key}", "contains a NUL character")
        elif required and not value.strip():
            self.error(f"{path}.{key}", "must not be empty")
        elif max_length and len(value) > max_length:
            self.error(f"{path}.{key}", f"longer than {max_length} characters")

    def boolean(self, data: dict, key: str, path: str) -> None:
        if key in data and not isinstance(data[key], bool):
            self.error(f"{path}.{key}", f"expected true or false, got {data[key]!r}")

    def integer(self, value: Any, path: str, low: int | None = None, high: int | None = None) -> bool:
        if isinstance(value, bool) or not isinstance(value, int):
            self.error(path, f"expected a whole number, got {value!r}")
            return False
        if (low is not None and value < low) or (high is not None and value > high):
            self.error(path, f"{value} is outside {low}–{high}")
            return False
        return True

    def text_list(self, data: dict, key: str, path: str) -> None:
        if key in data:
            items = self.array(data[key], f"{path}.{key}")
            for i, item in enumerate(items):
                if not isinstance(item, str):
                    self.error(f"{path}.{key}[{i}]", "expected text")
                elif "\x00" in item:
                    self.error(f"{path}.{key}[{i}]", "contains a NUL character")


def validate_bank(data: Any) -> list[str]:
    """Every problem in a bank file, each naming its place; an empty list means valid."""
    v = _Validator()
    if not v.obj(data, "bank", ("format", "version", "competencies", "roles", "transitions", "quizzes")):
        return v.errors
    if data["format"] != FORMAT:
        v.error("format", f'expected "{FORMAT}", got {data["format"]!r}')
    if data["version"] != VERSION:
        v.error("version", f"unsupported version {data['version']!r} (this app reads {VERSION})")

    competency_slugs: set[str] = set()
    for i, comp in enumerate(v.array(data["competencies"], "competencies")):
        path = f"competencies[{i}]"
        if not v.obj(comp, path, ("slug", "kind")):
            continue
        v.slug(comp["slug"], f"{path}.slug", competency_slugs)
        if comp["kind"] not in COMPETENCY_KINDS:
            v.error(f"{path}.kind", f"unknown kind {comp['kind']!r} (expected skill or preference)")
        for key in ("name", "description", "low_label", "high_label"):
            v.text(comp, key, path, max_length=100 if key != "description" else None)
        v.text_list(comp, "level_labels", path)
        if isinstance(comp.get("level_labels"), list) and len(comp["level_labels"]) not in (0, 5):
            v.error(f"{path}.level_labels", "write five labels, for levels 0 to 4, or none")
        for j, action in enumerate(
            v.array(comp.get("development_actions", []), f"{path}.development_actions")
        ):
            apath = f"{path}.development_actions[{j}]"
            if v.obj(action, apath, ("level", "text")):
                v.integer(action["level"], f"{apath}.level", 1, 4)
                v.text(action, "text", apath, max_length=300, required=True)

    role_slugs: set[str] = set()
    for i, role in enumerate(v.array(data["roles"], "roles")):
        path = f"roles[{i}]"
        if not v.obj(role, path, ("slug", "recommendable", "profile")):
            continue
        v.slug(role["slug"], f"{path}.slug", role_slugs)
        v.boolean(role, "recommendable", path)
        v.boolean(role, "active", path)
        v.text(role, "name", path, max_length=100)
        for key in ("summary", "typical_week", "company_context", "leadership_style", "pay_note"):
            v.text(role, key, path)
        for key in ("reports_to", "experience"):
            v.text(role, key, path, max_length=200)
        v.text_list(role, "aliases", path)
        if "family" in role and role["family"] not in FAMILIES:
            v.error(f"{path}.family", f"unknown family {role['family']!r}")
        if "seniority" in role and role["seniority"] not in SENIORITIES:
            v.error(f"{path}.seniority", f"unknown seniority {role['seniority']!r}")
        v.text_list(role, "responsibilities", path)
        v.text_list(role, "sources", path)
        if role.get("salary") is not None and v.obj(role["salary"], f"{path}.salary", ("source", "year")):
            salary = role["salary"]
            for key in ("low", "median", "high"):
                if salary.get(key) is not None:
                    v.integer(salary[key], f"{path}.salary.{key}", 0, 100_000_000)
            if salary.get("year") is None:
                v.error(f"{path}.salary.year", "a salary needs the year of its figures")
            else:
                v.integer(salary["year"], f"{path}.salary.year", 1990, 2100)
            figures = [salary.get(k) for k in ("low", "median", "high") if isinstance(salary.get(k), int)]
            if figures != sorted(figures):
                v.error(f"{path}.salary", "low ≤ median ≤ high does not hold")
            if not str(salary.get("source") or "").strip():
                v.error(f"{path}.salary.source", "a salary needs its source")
            if salary.get("basis", "") not in SALARY_BASES:
                v.error(f"{path}.salary.basis", f"unknown basis {salary.get('basis')!r}")
        if isinstance(role["profile"], dict):
            for comp_slug, level in role["profile"].items():
                lpath = f"{path}.profile.{comp_slug}"
                if comp_slug not in competency_slugs:
                    v.error(f"{path}.profile", f'unknown competency "{comp_slug}"')
                elif v.obj(level, lpath, ("level", "importance")):
                    v.integer(level["level"], f"{lpath}.level", 0, 4)
                    v.integer(level["importance"], f"{lpath}.importance", 1, 3)
        else:
            v.error(f"{path}.profile", "expected an object of competency slug → {level, importance}")

    pairs: set[tuple[str, str]] = set()
    for i, tr in enumerate(v.array(data["transitions"], "transitions")):
        path = f"transitions[{i}]"
        if not v.obj(tr, path, ("from", "to", "months", "steps")):
            continue
        for key in ("from", "to"):
            if tr[key] not in role_slugs:
                v.error(f"{path}.{key}", f'unknown role "{tr[key]}"')
        if tr["from"] == tr["to"]:
            v.error(path, "a transition needs two different roles")
        if (tr["from"], tr["to"]) in pairs:
            v.error(path, f"duplicate transition {tr['from']} → {tr['to']}")
        pairs.add((tr["from"], tr["to"]))
        v.integer(tr["months"], f"{path}.months", 1, 240)
        v.text(tr, "summary", path)
        v.text(tr, "months_basis", path)
        v.text_list(tr, "sources", path)
        for j, step in enumerate(v.array(tr["steps"], f"{path}.steps")):
            spath = f"{path}.steps[{j}]"
            if not v.obj(step, spath, ("title",)):
                continue
            v.text(step, "title", spath, max_length=200, required=True)
            v.text(step, "detail", spath)
            v.text(step, "resource_url", spath, max_length=500)
            if step.get("competency") is not None and step["competency"] not in competency_slugs:
                v.error(f"{spath}.competency", f'unknown competency "{step["competency"]}"')
            v.text(step, "done_when", spath, max_length=201)
            if step.get("done_when") and not DONE_WHEN_RE.fullmatch(str(step["done_when"])):
                v.error(f"{spath}.done_when", "write it as question-slug/option-slug")
            if step.get("done_at_level") is not None:
                v.integer(step["done_at_level"], f"{spath}.done_at_level", 0, 4)

    quiz_slugs: set[str] = set()
    for i, quiz in enumerate(v.array(data["quizzes"], "quizzes")):
        path = f"quizzes[{i}]"
        if not v.obj(quiz, path, ("slug", "questions")):
            continue
        v.slug(quiz["slug"], f"{path}.slug", quiz_slugs)
        v.text(quiz, "title", path, max_length=200)
        v.text(quiz, "intro", path)
        v.boolean(quiz, "published", path)
        question_slugs: set[str] = set()
        current_role_questions = 0
        for j, question in enumerate(v.array(quiz["questions"], f"{path}.questions")):
            qpath = f"{path}.questions[{j}]"
            if not v.obj(question, qpath, ("slug", "kind", "current_role", "options")):
                continue
            v.slug(question["slug"], f"{qpath}.slug", question_slugs)
            if question["kind"] not in QUESTION_KINDS:
                v.error(
                    f"{qpath}.kind", f"unknown kind {question['kind']!r} (expected single, multiple or scale)"
                )
            v.boolean(question, "current_role", qpath)
            v.boolean(question, "active", qpath)
            v.text(question, "text", qpath, max_length=300, required=True)
            v.text(question, "help_text", qpath, max_length=300)
            v.text(question, "section", qpath, max_length=100)
            if question["current_role"] is True:
                current_role_questions += 1
            option_slugs: set[str] = set()
            options = v.array(question["options"], f"{qpath}.options")
            anchors = [o for o in options if isinstance(o, dict) and not o.get("not_applicable")]
            if question["kind"] == Question.Kind.SCALE and len(anchors) != 2:
                v.error(
                    f"{qpath}.options",
                    "a scale question has exactly two anchor options (1 and 5), besides any not-applicable one",
                )
            for k, option in enumerate(options):
                opath = f"{qpath}.options[{k}]"
                if not v.obj(option, opath, ("slug", "role", "scores")):
                    continue
                v.slug(option["slug"], f"{opath}.slug", option_slugs)
                v.text(option, "label", opath, max_length=300, required=True)
                v.boolean(option, "active", opath)
                v.boolean(option, "exclusive", opath)
                v.boolean(option, "not_applicable", opath)
                if option["role"] is not None and option["role"] not in role_slugs:
                    v.error(f"{opath}.role", f'unknown role "{option["role"]}"')
                if not isinstance(option["scores"], dict):
                    v.error(f"{opath}.scores", "expected an object of competency slug → value")
                    continue
                for comp_slug, value in option["scores"].items():
                    if comp_slug not in competency_slugs:
                        v.error(f"{opath}.scores", f'unknown competency "{comp_slug}"')
                    else:
                        v.integer(value, f"{opath}.scores.{comp_slug}", 0, 4)
        if current_role_questions > 1:
            v.error(f"{path}.questions", "only one question may ask for the current role")
        persona_names: set[str] = set()
        for j, persona in enumerate(v.array(quiz.get("personas", []), f"{path}.personas")):
            ppath = f"{path}.personas[{j}]"
            if not v.obj(persona, ppath, ("name", "expected_role", "answers")):
                continue
            v.text(persona, "name", ppath, max_length=200, required=True)
            if persona["name"] in persona_names:
                v.error(f"{ppath}.name", f'duplicate persona "{persona["name"]}"')
            persona_names.add(persona["name"])
            if persona["expected_role"] not in role_slugs:
                v.error(f"{ppath}.expected_role", f'unknown role "{persona["expected_role"]}"')
            # Answers to questions no longer in the quiz are ignored, as for deactivated ones.
            if not isinstance(persona["answers"], dict):
                v.error(f"{ppath}.answers", "expected an object of question slug → answer")
            v.text(persona, "notes", ppath)
            v.boolean(persona, "held_out", ppath)
    return v.errors


# --------------------------------------------------------------------------- import


@dataclass
class ImportReport:
    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return f"{len(self.added)} added, {len(self.changed)} changed, {len(self.removed)} removed"


class _DryRun(Exception):
    pass


class _RowError(Exception):
    """A row the model's own validation refuses; names the row and the fields."""


def _validated(obj, label: str) -> None:
    """The model's own validation (lengths, URLs, ranges, uniqueness), as the admin's form
    would apply it: an import can never store what an editor could not type."""
    try:
        # Uniqueness is the database's job here (a clash rolls the import back as a named
        # error); checking it per row would cost a query per row.
        obj.full_clean(validate_unique=False, validate_constraints=False)
    except ValidationError as exc:
        problems = [f"{field}: {' '.join(messages)}" for field, messages in exc.message_dict.items()]
        raise _RowError(f"{label}: " + "; ".join(problems)) from exc


def _sync(model, lookup: dict, values: dict, label: str, report: ImportReport):
    """Create or update one row, validated by its model; record what happened."""
    obj = model.objects.filter(**lookup).first()
    if obj is None:
        obj = model(**lookup, **values)
        _validated(obj, label)
        obj.save()
        report.added.append(label)
        return obj
    dirty = [name for name, value in values.items() if getattr(obj, name) != value]
    if dirty:
        for name in dirty:
            setattr(obj, name, values[name])
        _validated(obj, label)
        obj.save(update_fields=dirty)
        report.changed.append(f"{label} ({', '.join(dirty)})")
    return obj


def _sync_actions(competency: Competency, wanted: list[dict], report: ImportReport) -> None:
    """A competency's development actions become exactly the file's, in its order."""
    existing = [(a.level, a.text) for a in competency.actions.order_by("level", "order", "pk")]
    rows = [(a["level"], a["text"]) for a in wanted]
    if sorted(existing) == sorted(rows):
        return
    competency.actions.all().delete()
    actions = [
        DevelopmentAction(competency=competency, level=level, text=text, order=i)
        for i, (level, text) in enumerate(rows)
    ]
    for i, action in enumerate(actions):
        _validated(action, f"competency {competency.slug}, development action {i + 1}")
    DevelopmentAction.objects.bulk_create(actions)
    if existing:
        report.changed.append(f"development actions of {competency.slug}")


def _remove(queryset, label, report: ImportReport, *, deactivate_if_used=None) -> None:
    """Delete rows missing from the file; rows answered by job seekers are deactivated
    instead, so past attempts keep what they answered."""
    for obj in queryset:
        if deactivate_if_used is not None and deactivate_if_used(obj):
            if obj.active:
                obj.active = False
                obj.save(update_fields=["active"])
                report.removed.append(f"{label(obj)} (deactivated: job seekers answered it)")
        else:
            obj.delete()
            report.removed.append(label(obj))


def import_bank(data: Any, *, dry_run: bool = False) -> ImportReport:
    """Validate the whole file, then bring the database to exactly this bank in one
    transaction. Raises BankError (writing nothing) when the file is invalid; with
    ``dry_run`` reports what would change and rolls everything back."""
    errors = validate_bank(data)
    if errors:
        raise BankError(errors)
    report = ImportReport()
    try:
        with transaction.atomic():
            _apply(data, report)
            if dry_run:
                raise _DryRun
            # Some rows were written in bulk, without signals: say the bank changed.
            transaction.on_commit(bank_changed)
    except _DryRun:
        pass
    except _RowError as exc:
        raise BankError([str(exc)]) from exc
    except IntegrityError as exc:
        # A constraint across rows the file breaks (for example two questions asking for
        # the current role once a slug changes); nothing was written.
        raise BankError([f"the file conflicts with the bank's rules: {exc}".splitlines()[0]]) from exc
    return report


def _apply(data: dict, report: ImportReport) -> None:
    competencies = {}
    for order, c in enumerate(data["competencies"]):
        competencies[c["slug"]] = _sync(
            Competency,
            {"slug": c["slug"]},
            {
                "name": c.get("name") or c["slug"].replace("-", " ").capitalize(),
                "kind": c["kind"],
                "description": c.get("description", ""),
                "low_label": c.get("low_label", ""),
                "high_label": c.get("high_label", ""),
                "level_labels": "\n".join(c.get("level_labels", [])),
                "order": order,
            },
            f"competency {c['slug']}",
            report,
        )
        _sync_actions(competencies[c["slug"]], c.get("development_actions", []), report)

    roles = {}
    for order, r in enumerate(data["roles"]):
        scope = r.get("scope") or {}
        salary = r.get("salary") or {}
        roles[r["slug"]] = role = _sync(
            Role,
            {"slug": r["slug"]},
            {
                "name": r.get("name") or r["slug"].replace("-", " ").capitalize(),
                "family": r.get("family", Role.Family.PRODUCT),
                "seniority": r.get("seniority", Role.Seniority.MID),
                "recommendable": r["recommendable"],
                "active": r.get("active", True),
                "summary": r.get("summary", ""),
                "responsibilities": "\n".join(r.get("responsibilities", [])),
                "typical_week": r.get("typical_week", ""),
                "scope_teams": scope.get("teams", ""),
                "scope_reports": scope.get("reports", ""),
                "scope_budget": scope.get("budget", ""),
                "scope_horizon": scope.get("horizon", ""),
                "salary_low": salary.get("low"),
                "salary_median": salary.get("median"),
                "salary_high": salary.get("high"),
                "salary_currency": salary.get("currency", "USD") if salary else "USD",
                "salary_source": salary.get("source", ""),
                "salary_source_url": salary.get("source_url", ""),
                "salary_year": salary.get("year"),
                "salary_region": salary.get("region", ""),
                "salary_basis": salary.get("basis", ""),
                "pay_note": r.get("pay_note", ""),
                "aliases": "\n".join(r.get("aliases", [])),
                "reports_to": r.get("reports_to", ""),
                "experience": r.get("experience", ""),
                "company_context": r.get("company_context", ""),
                "leadership_style": r.get("leadership_style", ""),
                "sources": "\n".join(r.get("sources", [])),
                "order": order,
            },
            f"role {r['slug']}",
            report,
        )
        for comp_slug, level in r["profile"].items():
            _sync(
                RoleCompetency,
                {"role": role, "competency": competencies[comp_slug]},
                {"level": level["level"], "importance": level["importance"]},
                f"profile {r['slug']}.{comp_slug}",
                report,
            )
        _remove(
            RoleCompetency.objects.filter(role=role).exclude(competency__slug__in=list(r["profile"])),
            lambda rc: f"profile {rc.role.slug}.{rc.competency.slug}",
            report,
        )

    kept_transitions = []
    for t in data["transitions"]:
        transition = _sync(
            Transition,
            {"from_role": roles[t["from"]], "to_role": roles[t["to"]]},
            {
                "typical_months": t["months"],
                "months_basis": t.get("months_basis", ""),
                "summary": t.get("summary", ""),
                "sources": "\n".join(t.get("sources", [])),
            },
            f"transition {t['from']} → {t['to']}",
            report,
        )
        kept_transitions.append(transition.pk)
        existing = list(transition.steps.order_by("order", "pk"))
        wanted = [
            {
                "order": order,
                "title": s["title"],
                "detail": s.get("detail", ""),
                "competency": competencies.get(s.get("competency")) if s.get("competency") else None,
                "resource_url": s.get("resource_url", ""),
                "done_when": s.get("done_when", ""),
                "done_at_level": s.get("done_at_level"),
            }
            for order, s in enumerate(t["steps"])
        ]
        changed = len(existing) != len(wanted) or any(
            (e.order, e.title, e.detail, e.competency_id, e.resource_url, e.done_when, e.done_at_level)
            != (
                w["order"],
                w["title"],
                w["detail"],
                w["competency"] and w["competency"].pk,
                w["resource_url"],
                w["done_when"],
                w["done_at_level"],
            )
            for e, w in zip(existing, wanted, strict=False)
        )
        if changed:
            transition.steps.all().delete()
            steps = [TransitionStep(transition=transition, **w) for w in wanted]
            for i, new_step in enumerate(steps):
                _validated(new_step, f"transition {t['from']} → {t['to']}, step {i + 1}")
            TransitionStep.objects.bulk_create(steps)
            if existing:
                report.changed.append(f"steps of {t['from']} → {t['to']}")
    _remove(Transition.objects.exclude(pk__in=kept_transitions), lambda t: f"transition {t}", report)

    for q in data["quizzes"]:
        quiz = _sync(
            Quiz,
            {"slug": q["slug"]},
            {
                "title": q.get("title") or q["slug"],
                "intro": q.get("intro", ""),
                "published": q.get("published", False),
            },
            f"quiz {q['slug']}",
            report,
        )
        for order, qu in enumerate(q["questions"]):
            question = _sync(
                Question,
                {"quiz": quiz, "slug": qu["slug"]},
                {
                    "order": order,
                    "section": qu.get("section", ""),
                    "text": qu.get("text", ""),
                    "help_text": qu.get("help_text", ""),
                    "kind": qu["kind"],
                    "is_current_role": qu["current_role"],
                    "active": qu.get("active", True),
                },
                f"question {q['slug']}.{qu['slug']}",
                report,
            )
            for o_order, op in enumerate(qu["options"]):
                option = _sync(
                    Option,
                    {"question": question, "slug": op["slug"]},
                    {
                        "order": o_order,
                        "label": op.get("label", op["slug"]),
                        "role": roles[op["role"]] if op["role"] else None,
                        "active": op.get("active", True),
                        "exclusive": op.get("exclusive", False),
                        "not_applicable": op.get("not_applicable", False),
                    },
                    f"option {q['slug']}.{qu['slug']}.{op['slug']}",
                    report,
                )
                for comp_slug, value in op["scores"].items():
                    _sync(
                        OptionScore,
                        {"option": option, "competency": competencies[comp_slug]},
                        {"value": value},
                        f"score {qu['slug']}.{op['slug']}.{comp_slug}",
                        report,
                    )
                _remove(
                    option.scores.exclude(competency__slug__in=list(op["scores"])),
                    lambda s: f"score {s.option.slug}.{s.competency.slug}",
                    report,
                )
            _remove(
                question.options.exclude(slug__in=[op["slug"] for op in qu["options"]]),
                lambda o: f"option {o.question.slug}.{o.slug}",
                report,
                deactivate_if_used=lambda o: o.choices.exists(),
            )
        for persona in q.get("personas", []):
            _sync(
                Persona,
                {"quiz": quiz, "name": persona["name"]},
                {
                    "expected_role": roles[persona["expected_role"]],
                    "answers": persona["answers"],
                    "notes": persona.get("notes", ""),
                    "held_out": persona.get("held_out", False),
                },
                f"persona {q['slug']}.{persona['name']}",
                report,
            )
        _remove(
            quiz.personas.exclude(name__in=[p["name"] for p in q.get("personas", [])]),
            lambda p: f"persona {p.name}",
            report,
        )
        _remove(
            quiz.questions.exclude(slug__in=[qu["slug"] for qu in q["questions"]]),
            lambda qu: f"question {qu.quiz.slug}.{qu.slug}",
            report,
            deactivate_if_used=lambda qu: qu.answers.exists(),
        )
    for quiz in Quiz.objects.exclude(slug__in=[q["slug"] for q in data["quizzes"]]):
        if quiz.attempts.exists():
            if quiz.published:
                quiz.published = False
                quiz.save(update_fields=["published"])
                report.removed.append(f"quiz {quiz.slug} (unpublished: it has attempts)")
        else:
            quiz.delete()
            report.removed.append(f"quiz {quiz.slug}")

    # Roles and competencies last: options and transitions that pointed at them are gone.
    _remove(
        Role.objects.exclude(slug__in=list(roles)),
        lambda r: f"role {r.slug}",
        report,
        deactivate_if_used=lambda r: r.current_role_options.exists(),
    )
    _remove(Competency.objects.exclude(slug__in=list(competencies)), lambda c: f"competency {c.slug}", report)
