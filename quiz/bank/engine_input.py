"""A bank as the scoring engine's input: active roles, questions and options only."""

from __future__ import annotations

from roles.facts import EXPERIENCE_YEARS, PEOPLE_MANAGED, fact_words

from .. import engine
from . import schema
from .checks import parse
from .reader import read_bank


def engine_bank(bank: schema.Bank | dict, quiz_slug: str) -> engine.Bank:
    """The engine's input for one quiz, from a bank file (a dict, checked first) or its
    entries, without a database."""
    if isinstance(bank, dict):
        bank = parse(bank)
    labels = {c.slug: c.level_labels for c in bank.competencies}
    roles = {r.slug: _role(r, order, labels) for order, r in enumerate(bank.roles) if r.active}
    quiz = next(q for q in bank.quizzes if q.slug == quiz_slug)
    transitions = sorted(
        (_transition(t) for t in bank.transitions if t.from_role in roles and t.to_role in roles),
        key=lambda t: (t.from_role, t.to_role),
    )
    return engine.Bank(
        competencies={c.slug: _competency(c, order) for order, c in enumerate(bank.competencies)},
        roles=roles,
        questions={q.slug: _question(q, roles) for q in quiz.questions if q.active},
        transitions=tuple(transitions),
    )


def _competency(c: schema.Competency, order: int) -> engine.CompetencyInfo:
    return engine.CompetencyInfo(
        slug=c.slug,
        name=c.name,
        kind=c.kind,
        order=order,
        actions=tuple(sorted((a.level, a.text) for a in c.development_actions)),
        low_label=c.low_label,
        high_label=c.high_label,
        level_labels=tuple(c.level_labels),
    )


def _role(r: schema.Role, order: int, labels: dict[str, list[str]]) -> engine.RoleInfo:
    # Years and reports in the words every page uses for them (roles/facts.py).
    levels = {c: e.level for c, e in r.profile.items()}
    return engine.RoleInfo(
        slug=r.slug,
        name=r.name,
        recommendable=r.recommendable,
        order=order,
        family=r.family,
        seniority=r.seniority,
        summary=r.summary,
        salary=r.salary.model_dump() if r.salary else None,
        profile={c: engine.Expectation(e.level, e.importance) for c, e in r.profile.items()},
        pay_note=r.pay_note,
        reports_to=r.reports_to,
        experience=fact_words(levels, labels, EXPERIENCE_YEARS, r.experience),
        scope_reports=fact_words(levels, labels, PEOPLE_MANAGED, r.scope.reports),
        scope_teams=r.scope.teams,
    )


def _question(q: schema.Question, roles: dict) -> engine.QuestionInfo:
    return engine.QuestionInfo(
        slug=q.slug,
        text=q.text,
        kind=q.kind,
        is_current_role=q.current_role,
        section=q.section,
        options=tuple(
            engine.OptionInfo(
                slug=o.slug,
                label=o.label,
                scores=dict(o.scores),
                role=o.role if o.role in roles else None,
                exclusive=o.exclusive,
                not_applicable=o.not_applicable,
            )
            for o in q.options
            if o.active
        ),
    )


def _transition(t: schema.Transition) -> engine.TransitionInfo:
    return engine.TransitionInfo(
        from_role=t.from_role,
        to_role=t.to_role,
        months=t.months,
        summary=t.summary,
        steps=tuple(
            engine.StepInfo(
                title=s.title,
                detail=s.detail,
                competency=s.competency,
                resource_url=s.resource_url,
                done_when=s.done_when,
                done_at_level=s.done_at_level,
            )
            for s in t.steps
        ),
        months_basis=t.months_basis,
        commonness=t.commonness,
    )


def load_bank(quiz) -> engine.Bank:
    """The engine's input for a quiz in the database (a fixed number of queries, whatever
    the bank's size), read the way the bank file is exported."""
    return engine_bank(read_bank(quiz_slug=quiz.slug), quiz.slug)
