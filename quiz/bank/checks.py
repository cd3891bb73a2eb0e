"""Every problem in a bank file, each naming its place (``roles[3].profile.x.level: …``).

Three passes, each only on what the one before accepted:
1. the format (``schema``): shapes, types, ranges, required keys, unknown keys;
2. references between entries: unknown or duplicate slugs, one current-role question;
3. the models' own validation (lengths, links, choices) on every row, without writing.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterator
from typing import Any

from django.core.exceptions import ValidationError as ModelError
from pydantic import ValidationError

from . import schema


class BankError(ValueError):
    """A bank file that cannot be imported; ``errors`` name each place that is wrong."""

    def __init__(self, errors: list[str]):
        self.errors = errors
        super().__init__("; ".join(errors))


def parse(data: Any) -> schema.Bank:
    """The bank file as entries, or BankError naming every problem."""
    if not isinstance(data, dict):
        raise BankError([f"bank: expected an object, got {type(data).__name__}"])
    # First and alone: later messages quote the file's text, which must be encodable.
    surrogates = [f"{place}: {_NOT_TEXT}" for place in _lone_surrogates(data, ())]
    if surrogates:
        raise BankError(surrogates)
    try:
        bank = schema.Bank.model_validate(data)
    except ValidationError as exc:
        raise BankError([_describe(error) for error in exc.errors()]) from exc
    errors = [*references(bank), *row_problems(bank)]
    if errors:
        raise BankError(errors)
    return bank


def validate_bank(data: Any) -> list[str]:
    """Every problem in a bank file; an empty list means it can be imported."""
    try:
        parse(data)
    except BankError as exc:
        return exc.errors
    return []


# --------------------------------------------------------------------------- 0. text

_NOT_TEXT = (
    "contains a character that is not valid Unicode (a lone surrogate: a \\ud800–\\udfff "
    "escape without its pair); remove the escape or save the file again as UTF-8 text"
)


def _has_lone_surrogate(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _lone_surrogates(value: Any, loc: tuple) -> Iterator[str]:
    """The place of every key or string in the parsed file that UTF-8 cannot hold (JSON
    allows ``"\\ud800"``; the database and every page would fail on it)."""
    if isinstance(value, str):
        if _has_lone_surrogate(value):
            yield _place(loc)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _lone_surrogates(item, (*loc, index))
    elif isinstance(value, dict):
        for key, item in value.items():
            if _has_lone_surrogate(key):
                yield _place((*loc, key.encode("utf-8", "backslashreplace").decode("ascii")))
            else:
                yield from _lone_surrogates(item, (*loc, key))


# --------------------------------------------------------------------------- 1. format


def _place(loc: tuple) -> str:
    place = ""
    for part in loc:
        place += f"[{part}]" if isinstance(part, int) else f".{part}" if place else str(part)
    return place or "bank"


_TYPES = {
    "string_type": "text",
    "int_type": "a whole number",
    "bool_type": "true or false",
    "list_type": "a list",
    "dict_type": "an object",
    "model_type": "an object",
    "model_attributes_type": "an object",
}


def _describe(error: dict) -> str:
    """One pydantic error in the words the rest of the app uses."""
    kind, loc, value, ctx = error["type"], error["loc"], error.get("input"), error.get("ctx", {})
    if kind == "missing":
        return f'{_place(loc[:-1])}: missing "{loc[-1]}"'
    if kind == "extra_forbidden":
        return f"{_place(loc)}: not part of the bank format (a misspelt key?)"
    if kind in _TYPES:
        shown = type(value).__name__ if isinstance(value, list | dict) else repr(value)
        return f"{_place(loc)}: expected {_TYPES[kind]}, got {shown}"
    if kind == "literal_error":
        return f"{_place(loc)}: unknown {loc[-1]} {value!r} (expected {ctx.get('expected')})"
    if kind == "string_pattern_mismatch":
        if loc[-1] == "done_when":
            return f"{_place(loc)}: write it as question-slug/option-slug"
        return f"{_place(loc)}: not a valid slug: {value!r}"
    if kind == "string_too_long":
        return f"{_place(loc)}: longer than {ctx.get('max_length')} characters"
    if kind in ("greater_than_equal", "less_than_equal"):
        bound = ctx.get("ge", ctx.get("le"))
        side = "less" if kind == "greater_than_equal" else "more"
        return f"{_place(loc)}: {value} is {side} than {bound}"
    return f"{_place(loc)}: {error['msg'].removeprefix('Value error, ')}"


# --------------------------------------------------------------------------- 2. references


def _duplicates(slugs: list[str], place: str, what: str) -> Iterator[str]:
    seen: set[str] = set()
    for i, slug in enumerate(slugs):
        if slug in seen:
            yield f'{place}[{i}].{what}: duplicate {what} "{slug}"'
        seen.add(slug)


def references(bank: schema.Bank) -> list[str]:
    """Entries that name something the file does not hold, or hold twice."""
    competencies = {c.slug for c in bank.competencies}
    roles = {r.slug for r in bank.roles}
    errors = [
        *_duplicates([c.slug for c in bank.competencies], "competencies", "slug"),
        *_duplicates([r.slug for r in bank.roles], "roles", "slug"),
        *_duplicates([q.slug for q in bank.quizzes], "quizzes", "slug"),
    ]
    for i, role in enumerate(bank.roles):
        errors += [
            f'roles[{i}].profile: unknown competency "{c}"' for c in role.profile if c not in competencies
        ]
    errors += _transition_references(bank, roles, competencies)
    for i, quiz in enumerate(bank.quizzes):
        errors += _quiz_references(quiz, f"quizzes[{i}]", roles, competencies)
    return errors


def _transition_references(bank: schema.Bank, roles: set[str], competencies: set[str]) -> list[str]:
    errors = []
    pairs = Counter()
    for i, tr in enumerate(bank.transitions):
        place = f"transitions[{i}]"
        errors += [
            f'{place}.{key}: unknown role "{getattr(tr, key + "_role")}"'
            for key in ("from", "to")
            if getattr(tr, key + "_role") not in roles
        ]
        pairs[tr.from_role, tr.to_role] += 1
        if pairs[tr.from_role, tr.to_role] == 2:
            errors.append(f"{place}: duplicate transition {tr.from_role} → {tr.to_role}")
        errors += [
            f'{place}.steps[{j}].competency: unknown competency "{step.competency}"'
            for j, step in enumerate(tr.steps)
            if step.competency is not None and step.competency not in competencies
        ]
    return errors


def _quiz_references(quiz: schema.Quiz, place: str, roles: set[str], competencies: set[str]) -> list[str]:
    errors = [*_duplicates([q.slug for q in quiz.questions], f"{place}.questions", "slug")]
    if sum(q.current_role for q in quiz.questions) > 1:
        errors.append(f"{place}.questions: only one question may ask for the current role")
    if sum(q.purpose == "target-roles" for q in quiz.questions) > 1:
        errors.append(f"{place}.questions: only one question may ask for the roles a person is weighing")
    for j, question in enumerate(quiz.questions):
        qplace = f"{place}.questions[{j}]"
        errors += _duplicates([o.slug for o in question.options], f"{qplace}.options", "slug")
        for k, option in enumerate(question.options):
            oplace = f"{qplace}.options[{k}]"
            if option.role is not None and option.role not in roles:
                errors.append(f'{oplace}.role: unknown role "{option.role}"')
            errors += [
                f'{oplace}.scores: unknown competency "{c}"' for c in option.scores if c not in competencies
            ]
    names = [p.name for p in quiz.personas]
    errors += [
        e.replace("duplicate name", "duplicate persona")
        for e in _duplicates(names, f"{place}.personas", "name")
    ]
    errors += [
        f'{place}.personas[{j}].expected_role: unknown role "{p.expected_role}"'
        for j, p in enumerate(quiz.personas)
        if p.expected_role not in roles
    ]
    return errors


# --------------------------------------------------------------------------- 3. rows


def _entries(bank: schema.Bank) -> Iterator[tuple[str, schema.Row]]:
    """Every entry kept as a row, with its place in the file."""
    for i, c in enumerate(bank.competencies):
        yield f"competencies[{i}]", c
        yield from (
            (f"competencies[{i}].development_actions[{j}]", a) for j, a in enumerate(c.development_actions)
        )
    for i, r in enumerate(bank.roles):
        yield f"roles[{i}]", r
        yield from ((f"roles[{i}].profile.{slug}", e) for slug, e in r.profile.items())
    for i, t in enumerate(bank.transitions):
        yield f"transitions[{i}]", t
        yield from ((f"transitions[{i}].steps[{j}]", s) for j, s in enumerate(t.steps))
    for i, quiz in enumerate(bank.quizzes):
        yield f"quizzes[{i}]", quiz
        for j, q in enumerate(quiz.questions):
            yield f"quizzes[{i}].questions[{j}]", q
            yield from ((f"quizzes[{i}].questions[{j}].options[{k}]", o) for k, o in enumerate(q.options))
        yield from ((f"quizzes[{i}].personas[{j}]", p) for j, p in enumerate(quiz.personas))


def row_problems(bank: schema.Bank) -> list[str]:
    """The models' own validation on every row (what an editor could not type in the
    admin cannot come in by file either). Relations and uniqueness are checked above and
    by the database."""
    errors = []
    for place, entry in _entries(bank):
        row = entry.model_row()
        relations = [f.name for f in row._meta.fields if f.is_relation]
        try:
            row.full_clean(exclude=relations, validate_unique=False, validate_constraints=False)
        except ModelError as exc:
            for column, messages in exc.message_dict.items():
                where = place if column == "__all__" else f"{place}.{type(entry).field_for(column)}"
                errors.append(f"{where}: {' '.join(messages)}")
    return errors


# --------------------------------------------------------------------------- where, for people

_ENTRY = {
    "competencies": "competency",
    "development_actions": "development action",
    "roles": "role",
    "transitions": "transition",
    "steps": "step",
    "quizzes": "quiz",
    "questions": "question",
    "options": "option",
    "personas": "persona",
}
_PART = re.compile(r"\[(\d+)\]|([^.\[\]]+)")
SHOWN_TEXT = 60


def _parts(place: str) -> list[str | int]:
    return [int(index) if index else name for index, name in _PART.findall(place)]


def _line_after(text: str, key: str, value: str, start: int) -> int:
    """Where ``"key": "value"`` first appears at or after ``start`` (or ``start``)."""
    pattern = re.compile(rf'"{re.escape(key)}"\s*:\s*{re.escape(json.dumps(value))}')
    found = pattern.search(text, start)
    return found.start() if found else start


def _shown(value: str) -> str:
    """Text of the file, short, and encodable (a lone surrogate shown as its escape)."""
    value = value.encode("utf-8", "backslashreplace").decode("utf-8")
    return value if len(value) <= SHOWN_TEXT else value[: SHOWN_TEXT - 1] + "…"


def located(errors: list[str], data: Any, text: str) -> list[str]:
    """Each error of ``parse`` with where it is, in words: the entries it is in (1-based
    positions, their slugs and text) and the line of the file. ``data`` is the parsed file,
    ``text`` the file as uploaded."""
    return [_located(error, data, text) for error in errors]


def _located(error: str, data: Any, text: str) -> str:
    place, sep, message = error.partition(": ")
    if not sep or not isinstance(data, dict):
        return error
    node, previous, offset, where = data, "", 0, []
    for part in _parts(place):
        if isinstance(part, int) and isinstance(node, list) and 0 <= part < len(node):
            node = node[part]
            words = f"{_ENTRY.get(previous, previous)} {part + 1}"
            if isinstance(node, dict):
                key = next(
                    (k for k in ("slug", "name", "from_role", "title") if isinstance(node.get(k), str)), None
                )
                if key is not None:
                    words += f" “{_shown(node[key])}”"
                    offset = _line_after(text, key, node[key], offset)
                label = next((node[k] for k in ("text", "label") if isinstance(node.get(k), str)), "")
                if label and label != node.get(key):
                    words += f" (“{_shown(label)}”)"
            where.append(words)
        elif isinstance(node, dict) and part in node:
            node = node[part]
        previous = part if isinstance(part, str) else previous
    if not where:
        return error
    line = text.count("\n", 0, offset) + 1
    return f"{', '.join(where)}, line {line}: {place}: {message}"
