"""Builds the scoring engine's input from the database in a constant number of queries."""

from __future__ import annotations

from django.db.models import Prefetch

from roles.models import Competency, Role, RoleCompetency, Transition, TransitionStep

from . import scoring
from .models import Answer, Attempt, Option, OptionScore, Question, Quiz


def load_bank(quiz: Quiz) -> scoring.Bank:
    """The active bank of one quiz as plain data (5 queries, whatever its size)."""
    competencies = {
        c.slug: scoring.CompetencyInfo(
            slug=c.slug,
            name=c.name,
            kind=c.kind,
            order=c.order,
            actions=tuple(c.action_list()),
            low_label=c.low_label,
            high_label=c.high_label,
        )
        for c in Competency.objects.all()
    }
    roles = {}
    for role in Role.objects.active().prefetch_related(
        Prefetch("profile", queryset=RoleCompetency.objects.select_related("competency"))
    ):
        roles[role.slug] = scoring.RoleInfo(
            slug=role.slug,
            name=role.name,
            recommendable=role.recommendable,
            order=role.order,
            family=role.family,
            seniority=role.seniority,
            summary=role.summary,
            salary=role.salary,
            profile={
                rc.competency.slug: scoring.Expectation(rc.level, rc.importance) for rc in role.profile.all()
            },
        )
    options = (
        Option.objects.filter(active=True)
        .select_related("role")
        .prefetch_related(Prefetch("scores", queryset=OptionScore.objects.select_related("competency")))
    )
    questions = {}
    for q in quiz.active_questions().prefetch_related(Prefetch("options", queryset=options)):
        questions[q.slug] = scoring.QuestionInfo(
            slug=q.slug,
            text=q.text,
            kind=q.kind,
            is_current_role=q.is_current_role,
            options=tuple(
                scoring.OptionInfo(
                    slug=o.slug,
                    label=o.label,
                    scores={s.competency.slug: s.value for s in o.scores.all()},
                    role=o.role.slug if o.role and o.role.slug in roles else None,
                    exclusive=o.exclusive,
                )
                for o in q.options.all()
            ),
        )
    transitions = tuple(
        scoring.TransitionInfo(
            from_role=t.from_role.slug,
            to_role=t.to_role.slug,
            months=t.typical_months,
            summary=t.summary,
            steps=tuple(
                scoring.StepInfo(
                    title=s.title,
                    detail=s.detail,
                    competency=s.competency.slug if s.competency else None,
                    resource_url=s.resource_url,
                )
                for s in t.steps.all()
            ),
        )
        for t in Transition.objects.filter(from_role__active=True, to_role__active=True)
        .select_related("from_role", "to_role")
        .prefetch_related(Prefetch("steps", queryset=TransitionStep.objects.select_related("competency")))
    )
    transitions = tuple(sorted(transitions, key=lambda t: (t.from_role, t.to_role)))
    return scoring.Bank(competencies=competencies, roles=roles, questions=questions, transitions=transitions)


def load_answers(attempt: Attempt) -> dict[str, scoring.AnswerValue]:
    """An attempt's answers to its quiz's active questions, as the engine reads them."""
    answers: dict[str, scoring.AnswerValue] = {}
    for answer in (
        Answer.objects.filter(attempt=attempt, question__active=True)
        .select_related("question")
        .prefetch_related(
            Prefetch("options", queryset=Option.objects.filter(active=True).order_by("order", "pk"))
        )
    ):
        if answer.question.kind == Question.Kind.SCALE:
            if answer.scale_value is not None:
                answers[answer.question.slug] = answer.scale_value
        else:
            chosen = tuple(o.slug for o in answer.options.all())
            if chosen:
                answers[answer.question.slug] = chosen
    return answers
