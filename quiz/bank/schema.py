"""The ``careerquiz-bank`` file format, declared once.

Each class below is one kind of entry in a bank file. A field is written once, here, and
every other part of ``quiz.bank`` follows from it:

- its **type and range** are checked by pydantic when a file is read, and published as a
  JSON Schema (``manage.py export_bank --schema``) that editors can use in their own tools;
- its **column** in the database has the field's name unless the field says otherwise
  (``Column``), a list of text is kept one item per line (``Lines``) and a group of fields
  (``scope``, ``salary``) lives in columns with the group's prefix. ``Row.columns`` and
  ``Row.from_row`` convert both ways, so export and import need no list of fields;
- the **model's own validation** (lengths, links, choices) runs on every row before
  anything is written (``quiz.bank.checks``), with the place in the file named.

Fields in ``related`` are rows of their own (a role's profile, a question's options) and
are written by ``quiz.bank.writer``. Lists are ordered: the position in the file is the
``order`` in the database.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any, ClassVar, Literal

from django.db import models
from pydantic import AfterValidator, BaseModel, ConfigDict, Field, field_validator, model_validator

from roles import models as roles
from roles.levels import LEVEL_COUNT, MAX_LEVEL, MIN_LEVEL

from .. import models as quiz

FORMAT = "careerquiz-bank"
VERSION = 1


def _no_nul(value: str) -> str:
    if "\x00" in value:
        raise ValueError("contains a NUL character")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise ValueError("contains a character that is not valid Unicode (a lone surrogate)") from None
    return value


def _not_blank(value: str) -> str:
    if not value.strip():
        raise ValueError("must not be empty")
    return value


def _choices(choices: type[models.Choices]) -> Any:
    """The values a Django choices class allows, as a type (and a JSON Schema enum)."""
    return Literal[tuple(choices.values)]


Text = Annotated[str, AfterValidator(_no_nul)]
Required = Annotated[Text, AfterValidator(_not_blank)]
Slug = Annotated[str, Field(pattern=r"^[-a-zA-Z0-9_]+$", max_length=100)]
Level = Annotated[int, Field(ge=MIN_LEVEL, le=MAX_LEVEL)]
Importance = Annotated[int, Field(ge=1, le=3)]


@dataclass(frozen=True)
class Column:
    """The database column of a field not stored under its own name."""

    name: str


@dataclass(frozen=True)
class Lines:
    """A list of text kept in one text column, one item per line."""


@dataclass(frozen=True)
class Group:
    """A group of fields kept in the row's columns that start with ``prefix``; ``None``
    when every one of them holds its default."""

    prefix: str


Lined = Annotated[list[Text], Lines()]


class Entry(BaseModel):
    """Something in a bank file: strict types (``"1"`` is not 1, 1 is not true), no
    unknown keys (a misspelt key is an error, not silently ignored)."""

    model_config = ConfigDict(strict=True, extra="forbid", populate_by_name=True)


class Row(Entry):
    """An entry kept as one row of ``model``."""

    model: ClassVar[type[models.Model]]
    related: ClassVar[frozenset[str]] = frozenset()

    @classmethod
    def _fields(cls):
        for name, info in cls.model_fields.items():
            if name in cls.related:
                continue
            marks = {type(m): m for m in info.metadata}
            column = marks[Column].name if Column in marks else name
            yield name, column, marks.get(Lines), marks.get(Group), info

    def columns(self) -> dict[str, Any]:
        """The row's column values (without order and relations)."""
        values: dict[str, Any] = {}
        for name, column, lines, group, _ in self._fields():
            value = getattr(self, name)
            if group is not None:
                sub = type(value) if value is not None else _group_type(type(self), name)
                for sub_name in sub.model_fields:
                    field = f"{group.prefix}{sub_name}"
                    values[field] = (
                        getattr(value, sub_name)
                        if value is not None
                        else self.model._meta.get_field(field).get_default()
                    )
            else:
                values[column] = "\n".join(value) if lines else value
        return values

    @classmethod
    def column_values(cls, row: models.Model) -> dict[str, Any]:
        """The fields of this entry read from a database row, ready for ``cls(**…)``."""
        values: dict[str, Any] = {}
        for name, column, lines, group, info in cls._fields():
            if group is not None:
                sub = _group_type(cls, name)
                fields = {s: getattr(row, f"{group.prefix}{s}") for s in sub.model_fields}
                defaults = {s: cls.model._meta.get_field(f"{group.prefix}{s}").get_default() for s in fields}
                optional = type(None) in getattr(info.annotation, "__args__", ())
                values[name] = None if optional and fields == defaults else sub.model_construct(**fields)
            elif lines:
                values[name] = [line.strip() for line in getattr(row, column).splitlines() if line.strip()]
            else:
                values[name] = getattr(row, column)
        return values

    def model_row(self) -> models.Model:
        """An unsaved row with these columns, for the model's own validation."""
        return self.model(**self.columns())

    @classmethod
    def field_for(cls, column: str) -> str:
        """The file's name for a database column, to name the place of a model error."""
        for name, col, _, group, _info in cls._fields():
            if group is not None and column.startswith(group.prefix):
                return f"{name}.{column.removeprefix(group.prefix)}"
            if col == column:
                return name
        return column


def _group_type(cls: type[Row], name: str) -> type[Entry]:
    annotation = cls.model_fields[name].annotation
    return next(arg for arg in getattr(annotation, "__args__", (annotation,)) if arg is not type(None))


# --------------------------------------------------------------------------- entries


class DevelopmentAction(Row):
    model = roles.DevelopmentAction
    level: Annotated[int, Field(ge=MIN_LEVEL + 1, le=MAX_LEVEL)]
    text: Required


class Competency(Row):
    model = roles.Competency
    related = frozenset({"development_actions"})
    slug: Slug
    name: Text = ""
    kind: _choices(roles.Competency.Kind)
    description: Text = ""
    low_label: Text = ""
    high_label: Text = ""
    level_labels: Lined = []
    development_actions: list[DevelopmentAction] = []

    @field_validator("level_labels")
    @classmethod
    def _five_or_none(cls, labels: list[str]) -> list[str]:
        if len(labels) not in (0, LEVEL_COUNT):
            raise ValueError(f"write {LEVEL_COUNT} labels, for levels {MIN_LEVEL} to {MAX_LEVEL}, or none")
        return labels

    @model_validator(mode="after")
    def _named(self):
        self.name = self.name or self.slug.replace("-", " ").capitalize()
        return self


class Expectation(Row):
    model = roles.RoleCompetency
    level: Level
    importance: Importance


class Scope(Entry):
    teams: Text = ""
    reports: Text = ""
    budget: Text = ""
    horizon: Text = ""


class Salary(Entry):
    low: int | None = None
    median: int | None = None
    high: int | None = None
    currency: Text = "USD"
    source: Text
    source_url: Text = ""
    year: int | None
    region: Text = ""
    basis: Literal["", *roles.Role.SalaryBasis.values] = ""
    occupation: Text = ""
    proxy: bool = False
    low_percentile: Literal[10, 25] | None = None
    high_percentile: Literal[75, 90] | None = None
    high_open: bool = False

    @field_validator("low", "median", "high")
    @classmethod
    def _figure(cls, value: int | None) -> int | None:
        if value is not None and not 0 <= value <= 100_000_000:
            raise ValueError(f"{value} is outside 0–100000000")
        return value

    @field_validator("year")
    @classmethod
    def _year(cls, value: int | None) -> int:
        if value is None:
            raise ValueError("a salary needs the year of its figures")
        if not 1990 <= value <= 2100:
            raise ValueError(f"{value} is outside 1990–2100")
        return value

    @field_validator("source")
    @classmethod
    def _sourced(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("a salary needs its source")
        return value

    @model_validator(mode="after")
    def _ordered(self):
        figures = [f for f in (self.low, self.median, self.high) if f is not None]
        if figures != sorted(figures):
            raise ValueError("low ≤ median ≤ high does not hold")
        return self


class Role(Row):
    model = roles.Role
    related = frozenset({"profile"})
    slug: Slug
    name: Text = ""
    family: _choices(roles.Role.Family) = roles.Role.Family.PRODUCT.value
    seniority: _choices(roles.Role.Seniority) = roles.Role.Seniority.MID.value
    recommendable: bool
    active: bool = True
    summary: Text = ""
    responsibilities: Lined = []
    typical_week: Text = ""
    scope: Annotated[Scope, Group("scope_")] = Scope()
    reports_to: Text = ""
    experience: Text = ""
    aliases: Lined = []
    company_context: Text = ""
    leadership_style: Text = ""
    salary: Annotated[Salary | None, Group("salary_")] = None
    pay_note: Text = ""
    sources: Lined = []
    search_titles: Lined = []
    search_evidence: Lined = []
    search_network: Lined = []
    search_interviews: Lined = []
    search_offer: Lined = []
    profile: dict[str, Expectation]

    @model_validator(mode="after")
    def _named(self):
        self.name = self.name or self.slug.replace("-", " ").capitalize()
        return self


class Step(Row):
    model = roles.TransitionStep
    related = frozenset({"competency"})
    title: Required
    detail: Text = ""
    competency: str | None = None
    resource_url: Text = ""
    done_when: Annotated[Text, Field(pattern=r"^([-a-zA-Z0-9_]+/[-a-zA-Z0-9_]+)?$")] = ""
    done_at_level: Level | None = None


class Transition(Row):
    model = roles.Transition
    related = frozenset({"from_role", "to_role", "steps"})
    from_role: str = Field(alias="from")
    to_role: str = Field(alias="to")
    months: Annotated[int, Field(ge=1, le=240), Column("typical_months")]
    months_basis: Text = ""
    summary: Text = ""
    sources: Lined = []
    commonness: _choices(roles.Transition.Commonness) = roles.Transition.Commonness.COMMON.value
    steps: list[Step]

    @model_validator(mode="after")
    def _two_roles(self):
        if self.from_role == self.to_role:
            raise ValueError("a transition needs two different roles")
        return self


class Option(Row):
    model = quiz.Option
    related = frozenset({"role", "scores"})
    slug: Slug
    label: Required | None = None
    role: str | None
    active: bool = True
    exclusive: bool = False
    not_applicable: bool = False
    scores: dict[str, Level]

    @model_validator(mode="after")
    def _labelled(self):
        self.label = self.label or self.slug
        return self


class Question(Row):
    model = quiz.Question
    related = frozenset({"options"})
    slug: Slug
    section: Text = ""
    text: Required
    help_text: Text = ""
    kind: _choices(quiz.Question.Kind)
    current_role: Annotated[bool, Column("is_current_role")]
    active: bool = True
    options: list[Option]

    @model_validator(mode="after")
    def _scale_has_two_anchors(self):
        anchors = [o for o in self.options if not o.not_applicable]
        if self.kind == quiz.Question.Kind.SCALE and len(anchors) != 2:
            raise ValueError(
                "a scale question has exactly two anchor options (1 and 5), besides any not-applicable one"
            )
        return self


class Persona(Row):
    model = quiz.Persona
    related = frozenset({"expected_role"})
    name: Required
    expected_role: str
    # Answers to questions no longer in the quiz are ignored, as for deactivated ones;
    # the rest are checked against the bank when personas are scored. Each is what the
    # quiz can record: an option slug, a 1–5 value or a checklist's option slugs.
    answers: dict[Text, Text | int | list[Text]]
    notes: Text = ""
    held_out: bool = False


class Quiz(Row):
    model = quiz.Quiz
    related = frozenset({"questions", "personas"})
    slug: Slug
    title: Text = ""
    intro: Text = ""
    published: bool = False
    adaptive: bool = True
    adaptive_max: Annotated[int, Field(ge=5, le=200)] = 28
    adaptive_margin: Annotated[int, Field(ge=1, le=50)] = 4
    questions: list[Question]
    personas: list[Persona] = []

    @model_validator(mode="after")
    def _titled(self):
        self.title = self.title or self.slug
        return self


class Bank(Entry):
    """A whole bank file."""

    format: Literal[FORMAT]
    version: int  # strict: true or 1.0 is not 1
    competencies: list[Competency]
    roles: list[Role]
    transitions: list[Transition]
    quizzes: list[Quiz]

    @field_validator("version")
    @classmethod
    def _supported(cls, value: int) -> int:
        if value != VERSION:
            raise ValueError(f"unsupported version {value!r} (this app reads {VERSION})")
        return value

    def dump(self) -> dict[str, Any]:
        """The file's JSON-ready dict: every key written, relations by slug."""
        return self.model_dump(mode="json", by_alias=True)


def json_schema() -> dict[str, Any]:
    """The format as JSON Schema (draft 2020-12), for editors' own tools."""
    schema = Bank.model_json_schema(by_alias=True)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Career Quiz question bank",
        **schema,
    }
