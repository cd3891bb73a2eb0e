"""Import: bring the database to exactly the bank in a file, in one transaction.

The file is checked completely first (``checks.parse``): an invalid file writes nothing.
Rows missing from the file are deleted, except what job seekers answered (questions,
options, current roles), which is deactivated so past attempts keep what they answered.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.db import IntegrityError, models, transaction

from roles import models as careers

from .. import models as quiz
from ..caching import bank_changed
from . import schema
from .checks import BankError, parse


@dataclass
class ImportReport:
    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return f"{len(self.added)} added, {len(self.changed)} changed, {len(self.removed)} removed"


class _DryRun(Exception):
    pass


def import_bank(data: Any, *, dry_run: bool = False) -> ImportReport:
    """Check the whole file, then bring the database to exactly this bank in one
    transaction. Raises BankError (writing nothing) when the file is invalid; with
    ``dry_run`` reports what would change and rolls everything back."""
    bank = parse(data)
    report = ImportReport()
    try:
        with transaction.atomic():
            _Writer(report).bank(bank)
            # Some rows were written in bulk, without signals: a new bank version, in the
            # same transaction, so every process sees the rows and the version together.
            bank_changed()
            if dry_run:
                raise _DryRun
    except _DryRun:
        pass
    except IntegrityError as exc:
        # A rule across rows the file breaks (two roles with one name, two questions asking
        # for the current role once a slug changes); nothing was written.
        raise BankError([f"the file conflicts with the bank's rules: {exc}".splitlines()[0]]) from exc
    return report


def _kept_orders(saved, entries) -> list[int]:
    """The ``order`` to write for each entry, in file order: an entry keeps its saved
    number while the numbers still rise, so a list in the same order as the database's is
    never renumbered (gaps and all); an entry that moved or is new takes the next number."""
    numbers = dict(saved)
    orders, last = [], -1
    for entry in entries:
        number = numbers.get(entry.slug)
        last = number if number is not None and number > last else last + 1
        orders.append(last)
    return orders


@dataclass
class _Writer:
    report: ImportReport
    competencies: dict[str, careers.Competency] = field(default_factory=dict)
    roles: dict[str, careers.Role] = field(default_factory=dict)

    def bank(self, bank: schema.Bank) -> None:
        competencies = careers.Competency.objects.values_list("slug", "order")
        for order, competency in zip(
            _kept_orders(competencies, bank.competencies), bank.competencies, strict=True
        ):
            self.competency(competency, order)
        for order, role in zip(
            _kept_orders(careers.Role.objects.values_list("slug", "order"), bank.roles),
            bank.roles,
            strict=True,
        ):
            self.role(role, order)
        kept = [self.transition(t).pk for t in bank.transitions]
        self.remove(careers.Transition.objects.exclude(pk__in=kept), lambda t: f"transition {t}")
        for entry in bank.quizzes:
            self.quiz(entry)
        self.remove_quizzes([q.slug for q in bank.quizzes])
        # Roles and competencies last: options and transitions that pointed at them are gone.
        self.remove(
            careers.Role.objects.exclude(slug__in=list(self.roles)),
            lambda r: f"role {r.slug}",
            deactivate_if_used=lambda r: r.current_role_options.exists(),
        )
        self.remove(
            careers.Competency.objects.exclude(slug__in=list(self.competencies)),
            lambda c: f"competency {c.slug}",
        )

    # ----------------------------------------------------------------------- rows

    def sync(self, model: type[models.Model], lookup: dict, values: dict, label: str) -> models.Model:
        """Create or update one row; record what happened."""
        values = {name: value for name, value in values.items() if name not in lookup}
        obj = model.objects.filter(**lookup).first()
        if obj is None:
            obj = model.objects.create(**lookup, **values)
            self.report.added.append(label)
            return obj
        dirty = [name for name, value in values.items() if getattr(obj, name) != value]
        if dirty:
            for name in dirty:
                setattr(obj, name, values[name])
            obj.save(update_fields=dirty)
            self.report.changed.append(f"{label} ({', '.join(dirty)})")
        return obj

    def replace(self, related, rows: list[models.Model], compare: Callable, label: str) -> None:
        """Ordered child rows without identity (development actions, steps) become exactly
        the file's when anything in them differs."""
        existing = list(related.order_by("order", "pk"))
        if [compare(e) for e in existing] == [compare(r) for r in rows]:
            return
        related.all().delete()
        related.model.objects.bulk_create(rows)
        if existing:
            self.report.changed.append(label)

    def remove(self, queryset, label: Callable, *, deactivate_if_used: Callable | None = None) -> None:
        """Delete rows missing from the file; rows answered by job seekers are deactivated
        instead, so past attempts keep what they answered."""
        for obj in queryset:
            if deactivate_if_used is not None and deactivate_if_used(obj):
                if obj.active:
                    obj.active = False
                    obj.save(update_fields=["active"])
                    self.report.removed.append(f"{label(obj)} (deactivated: job seekers answered it)")
            else:
                obj.delete()
                self.report.removed.append(label(obj))

    # ----------------------------------------------------------------------- careers

    def competency(self, entry: schema.Competency, order: int) -> None:
        competency = self.sync(
            careers.Competency,
            {"slug": entry.slug},
            {**entry.columns(), "order": order},
            f"competency {entry.slug}",
        )
        self.competencies[entry.slug] = competency
        actions = [
            careers.DevelopmentAction(competency=competency, order=i, **a.columns())
            for i, a in enumerate(sorted(entry.development_actions, key=lambda a: a.level))
        ]
        self.replace(
            competency.actions, actions, lambda a: (a.level, a.text), f"development actions of {entry.slug}"
        )

    def role(self, entry: schema.Role, order: int) -> None:
        role = self.sync(
            careers.Role, {"slug": entry.slug}, {**entry.columns(), "order": order}, f"role {entry.slug}"
        )
        self.roles[entry.slug] = role
        for slug, expectation in entry.profile.items():
            self.sync(
                careers.RoleCompetency,
                {"role": role, "competency": self.competencies[slug]},
                expectation.columns(),
                f"profile {entry.slug}.{slug}",
            )
        self.remove(
            careers.RoleCompetency.objects.filter(role=role).exclude(
                competency__slug__in=list(entry.profile)
            ),
            lambda rc: f"profile {rc.role.slug}.{rc.competency.slug}",
        )

    def transition(self, entry: schema.Transition) -> careers.Transition:
        label = f"transition {entry.from_role} → {entry.to_role}"
        transition = self.sync(
            careers.Transition,
            {"from_role": self.roles[entry.from_role], "to_role": self.roles[entry.to_role]},
            entry.columns(),
            label,
        )
        steps = [
            careers.TransitionStep(
                transition=transition, order=i, competency=self.competencies.get(s.competency), **s.columns()
            )
            for i, s in enumerate(entry.steps)
        ]
        self.replace(
            transition.steps,
            steps,
            lambda s: (
                s.order,
                s.competency_id,
                *(getattr(s, c) for c in schema.Step.model_fields if c != "competency"),
            ),
            f"steps of {entry.from_role} → {entry.to_role}",
        )
        return transition

    # ----------------------------------------------------------------------- quizzes

    def quiz(self, entry: schema.Quiz) -> None:
        quiz_row = self.sync(quiz.Quiz, {"slug": entry.slug}, entry.columns(), f"quiz {entry.slug}")
        orders = _kept_orders(quiz_row.questions.values_list("slug", "order"), entry.questions)
        for order, question in zip(orders, entry.questions, strict=True):
            self.question(quiz_row, question, order)
        for persona in entry.personas:
            self.sync(
                quiz.Persona,
                {"quiz": quiz_row, "name": persona.name},
                {**persona.columns(), "expected_role": self.roles[persona.expected_role]},
                f"persona {entry.slug}.{persona.name}",
            )
        self.remove(
            quiz_row.personas.exclude(name__in=[p.name for p in entry.personas]),
            lambda p: f"persona {p.name}",
        )
        self.remove(
            quiz_row.questions.exclude(slug__in=[q.slug for q in entry.questions]),
            lambda q: f"question {q.quiz.slug}.{q.slug}",
            deactivate_if_used=lambda q: q.answers.exists(),
        )

    def question(self, quiz_row: quiz.Quiz, entry: schema.Question, order: int) -> None:
        question = self.sync(
            quiz.Question,
            {"quiz": quiz_row, "slug": entry.slug},
            {**entry.columns(), "order": order},
            f"question {quiz_row.slug}.{entry.slug}",
        )
        orders = _kept_orders(question.options.values_list("slug", "order"), entry.options)
        for o_order, option in zip(orders, entry.options, strict=True):
            self.option(question, option, o_order)
        self.remove(
            question.options.exclude(slug__in=[o.slug for o in entry.options]),
            lambda o: f"option {o.question.slug}.{o.slug}",
            deactivate_if_used=lambda o: o.choices.exists(),
        )

    def option(self, question: quiz.Question, entry: schema.Option, order: int) -> None:
        option = self.sync(
            quiz.Option,
            {"question": question, "slug": entry.slug},
            {**entry.columns(), "order": order, "role": self.roles[entry.role] if entry.role else None},
            f"option {question.quiz.slug}.{question.slug}.{entry.slug}",
        )
        for slug, value in entry.scores.items():
            self.sync(
                quiz.OptionScore,
                {"option": option, "competency": self.competencies[slug]},
                {"value": value},
                f"score {question.slug}.{entry.slug}.{slug}",
            )
        self.remove(
            option.scores.exclude(competency__slug__in=list(entry.scores)),
            lambda s: f"score {s.option.slug}.{s.competency.slug}",
        )

    def remove_quizzes(self, kept: list[str]) -> None:
        """Quizzes missing from the file: deleted, or unpublished when people took them."""
        for quiz_row in quiz.Quiz.objects.exclude(slug__in=kept):
            if not quiz_row.attempts.exists():
                quiz_row.delete()
                self.report.removed.append(f"quiz {quiz_row.slug}")
            elif quiz_row.published:
                quiz_row.published = False
                quiz_row.save(update_fields=["published"])
                self.report.removed.append(f"quiz {quiz_row.slug} (unpublished: it has attempts)")
