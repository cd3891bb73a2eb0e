"""Builds the scoring engine's input from the database in a constant number of queries."""

from __future__ import annotations

from django.db.models import Prefetch

from roles.models import Competency, Role, RoleCompetency, Transition, TransitionStep

from . import engine
from .models import Answer, Attempt, Option, OptionScore, Question, Quiz


def load_bank(quiz: Quiz) -> engine.Bank:
    """The active bank of one quiz as plain data (5 queries, whatever its size)."""
    competencies = {
        c.slug: engine.CompetencyInfo(
            slug=c.slug,
            name=c.name,
            kind=c.kind,
            order=c.order,
            actions=tuple(sorted((a.level, a.text) for a in c.actions.all())),
            low_label=c.low_label,
            high_label=c.high_label,
            level_labels=tuple(c.level_label_list()),
        )
        for c in Competency.objects.prefetch_related("actions")
    }
    roles = {}
    for role in Role.objects.active().prefetch_related(
        Prefetch("profile", queryset=RoleCompetency.objects.select_related("competency"))
    ):
        roles[role.slug] = engine.RoleInfo(
            slug=role.slug,
            name=role.name,
            recommendable=role.recommendable,
            order=role.order,
            family=role.family,
            seniority=role.seniority,
            summary=role.summary,
            salary=role.salary,
            pay_note=role.pay_note,
            reports_to=role.reports_to,
            experience=role.experience,
            scope_reports=role.scope_reports,
            scope_teams=role.scope_teams,
            profile={
                rc.competency.slug: engine.Expectation(rc.level, rc.importance) for rc in role.profile.all()
            },
        )
    options = (
        Option.objects.filter(active=True)
        .select_related("role")
        .prefetch_related(Prefetch("scores", queryset=OptionScore.objects.select_related("competency")))
    )
    questions = {}
    for q in quiz.active_questions().prefetch_related(Prefetch("options", queryset=options)):
        questions[q.slug] = engine.QuestionInfo(
            slug=q.slug,
            text=q.text,
            kind=q.kind,
            is_current_role=q.is_current_role,
            options=tuple(
                engine.OptionInfo(
                    slug=o.slug,
                    label=o.label,
                    scores={s.competency.slug: s.value for s in o.scores.all()},
                    role=o.role.slug if o.role and o.role.slug in roles else None,
                    exclusive=o.exclusive,
                    not_applicable=o.not_applicable,
                )
                for o in q.options.all()
            ),
        )
    transitions = tuple(
        engine.TransitionInfo(
            from_role=t.from_role.slug,
            to_role=t.to_role.slug,
            months=t.typical_months,
            summary=t.summary,
            steps=tuple(
                engine.StepInfo(
                    title=s.title,
                    detail=s.detail,
                    competency=s.competency.slug if s.competency else None,
                    resource_url=s.resource_url,
                    done_when=s.done_when,
                    done_at_level=s.done_at_level,
                )
                for s in t.steps.all()
            ),
            months_basis=t.months_basis,
        )
        for t in Transition.objects.filter(from_role__active=True, to_role__active=True)
        .select_related("from_role", "to_role")
        .prefetch_related(Prefetch("steps", queryset=TransitionStep.objects.select_related("competency")))
    )
    transitions = tuple(sorted(transitions, key=lambda t: (t.from_role, t.to_role)))
    return engine.Bank(competencies=competencies, roles=roles, questions=questions, transitions=transitions)


def load_answers(attempt: Attempt) -> dict[str, engine.AnswerValue]:
    """An attempt's answers to its quiz's active questions, as the engine reads them."""
    answers: dict[str, engine.AnswerValue] = {}
    for answer in (
        Answer.objects.filter(attempt=attempt, question__active=True)
        .select_related("question")
        .prefetch_related(
            Prefetch("options", queryset=Option.objects.filter(active=True).order_by("order", "pk"))
        )
    ):
        chosen = tuple(o.slug for o in answer.options.all())
        if answer.question.kind == Question.Kind.SCALE and answer.scale_value is not None:
            answers[answer.question.slug] = answer.scale_value
        elif chosen:
            # Choice answers, and a "not applicable" answer to a scale.
            answers[answer.question.slug] = chosen
    return answers
