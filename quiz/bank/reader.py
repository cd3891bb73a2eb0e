"""The bank in the database, read as file entries (``schema``) in a constant number of
queries: the source of the export and of the scoring engine's input."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from django.db.models import Q

from roles import models as roles

from .. import models as quiz
from . import schema


def _grouped(queryset, key: str) -> dict[int, list]:
    groups: dict[int, list] = defaultdict(list)
    for row in queryset:
        groups[getattr(row, key)].append(row)
    return groups


def _entry(cls: type[schema.Row], row, **related: Any):
    # The database already holds valid rows: no second validation on the way out.
    return cls.model_construct(**cls.column_values(row), **related)


def read_bank(*, quiz_slug: str | None = None) -> schema.Bank:
    """Everything in the bank (or only one quiz's questions and personas), in file order."""
    competencies = list(roles.Competency.objects.order_by("order", "pk"))
    comp_slug = {c.pk: c.slug for c in competencies}
    actions = _grouped(roles.DevelopmentAction.objects.order_by("level", "order", "pk"), "competency_id")
    role_rows = list(roles.Role.objects.order_by("order", "pk"))
    role_slug = {r.pk: r.slug for r in role_rows}
    profiles = _grouped(
        roles.RoleCompetency.objects.order_by("competency__order", "competency__pk"), "role_id"
    )
    steps = _grouped(roles.TransitionStep.objects.order_by("order", "pk"), "transition_id")
    transitions = roles.Transition.objects.order_by(
        "from_role__order", "from_role__pk", "to_role__order", "to_role__pk"
    )
    return schema.Bank.model_construct(
        format=schema.FORMAT,
        version=schema.VERSION,
        competencies=[
            _entry(
                schema.Competency,
                c,
                development_actions=[_entry(schema.DevelopmentAction, a) for a in actions[c.pk]],
            )
            for c in competencies
        ],
        roles=[
            _entry(
                schema.Role,
                r,
                profile={
                    comp_slug[rc.competency_id]: _entry(schema.Expectation, rc) for rc in profiles[r.pk]
                },
            )
            for r in role_rows
        ],
        transitions=[
            _entry(
                schema.Transition,
                t,
                from_role=role_slug[t.from_role_id],
                to_role=role_slug[t.to_role_id],
                steps=[
                    _entry(schema.Step, s, competency=comp_slug.get(s.competency_id)) for s in steps[t.pk]
                ],
            )
            for t in transitions
        ],
        quizzes=_read_quizzes(quiz_slug, comp_slug, role_slug),
    )


def _read_quizzes(quiz_slug: str | None, comp_slug: dict, role_slug: dict) -> list[schema.Quiz]:
    quizzes = quiz.Quiz.objects.order_by("slug")
    in_quiz = Q()
    if quiz_slug is not None:
        quizzes = quizzes.filter(slug=quiz_slug)
        in_quiz = Q(quiz__slug=quiz_slug)
    scores = defaultdict(dict)
    for score in quiz.OptionScore.objects.filter(
        Q(option__question__quiz__slug=quiz_slug) if quiz_slug else Q()
    ).order_by("competency__order", "competency__pk"):
        scores[score.option_id][comp_slug[score.competency_id]] = score.value
    options = _grouped(
        quiz.Option.objects.filter(Q(question__quiz__slug=quiz_slug) if quiz_slug else Q()).order_by(
            "order", "pk"
        ),
        "question_id",
    )
    questions = _grouped(quiz.Question.objects.filter(in_quiz).order_by("order", "pk"), "quiz_id")
    personas = _grouped(quiz.Persona.objects.filter(in_quiz).order_by("name", "pk"), "quiz_id")
    return [
        _entry(
            schema.Quiz,
            q,
            questions=[
                _entry(
                    schema.Question,
                    question,
                    options=[
                        _entry(schema.Option, o, role=role_slug.get(o.role_id), scores=scores[o.pk])
                        for o in options[question.pk]
                    ],
                )
                for question in questions[q.pk]
            ],
            personas=[
                _entry(schema.Persona, p, expected_role=role_slug[p.expected_role_id]) for p in personas[q.pk]
            ],
        )
        for q in quizzes
    ]


def export_bank() -> dict[str, Any]:
    """The whole bank as a JSON-ready dict (the ``careerquiz-bank`` format)."""
    return read_bank().dump()
