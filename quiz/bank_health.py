"""Bank health: every problem in a quiz's bank that would make recommendations wrong or
weak, each with a link to fix it; and calibration personas' outcomes."""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext as _

from roles.models import Competency, Role

from . import engine
from .answers import AnswerFileError, parse_answer
from .bank import load_bank
from .caching import bank_cached
from .models import Persona, Quiz

ERROR, WARNING = "error", "warning"
# Two roles whose expected levels differ by less than this in all (summed over every
# competency) are too alike for the quiz to tell apart.
NEAR_IDENTICAL = 2
TOP_THREE = 3


@dataclass(frozen=True)
class Problem:
    level: str
    kind: str
    message: str
    url: str = ""


@dataclass(frozen=True)
class PersonaOutcome:
    persona_id: int
    name: str
    expected: str
    top: str | None
    passed: bool
    error: str = ""
    rank: int | None = None  # where the expected role ranks: 1 passes, 2–3 is a near miss

    @property
    def in_top_three(self) -> bool:
        return self.rank is not None and self.rank <= TOP_THREE


def persona_answers(bank: engine.Bank, raw: dict) -> dict[str, engine.AnswerValue]:
    """A persona's answers to the questions still in the bank (answers to deactivated
    questions are skipped; anything else malformed raises AnswerFileError)."""
    if not isinstance(raw, dict):
        raise AnswerFileError(_("the answers must be an object of question slug → answer"))
    return {
        slug: parse_answer(bank.questions[slug], value)
        for slug, value in raw.items()
        if slug in bank.questions
    }


def persona_outcomes(quiz: Quiz, bank: engine.Bank | None = None) -> list[PersonaOutcome]:
    bank = bank or load_bank(quiz)
    outcomes = []
    for persona in Persona.objects.filter(quiz=quiz).select_related("expected_role"):
        expected = persona.expected_role.slug
        try:
            answers = persona_answers(bank, persona.answers)
        except AnswerFileError as exc:
            outcomes.append(PersonaOutcome(persona.pk, persona.name, expected, None, False, str(exc)))
            continue
        ranking = [m.role for m in engine.rank_roles(bank, engine.build_profile(bank, answers))]
        top = ranking[0] if ranking else None
        rank = ranking.index(expected) + 1 if expected in ranking else None
        outcomes.append(PersonaOutcome(persona.pk, persona.name, expected, top, top == expected, rank=rank))
    return outcomes


def _admin(name: str, *args) -> str:
    return reverse(f"admin:{name}", args=args)


def check_bank(quiz: Quiz) -> list[Problem]:
    """Every problem of one quiz's bank, errors first."""
    bank = load_bank(quiz)
    problems: list[Problem] = []
    questions = list(quiz.active_questions().prefetch_related("options__scores"))
    measured: dict[str, set[str]] = {}
    for q in questions:
        options = [o for o in q.options.all() if o.active]
        if not options:
            problems.append(
                Problem(
                    ERROR,
                    "question-without-options",
                    _("Question “%(q)s” has no options.") % {"q": q.text},
                    _admin("quiz_question_change", q.pk),
                )
            )
        for o in options:
            scores = list(o.scores.all())
            if not scores and not q.is_current_role and not o.not_applicable and q.kind != "multiple":
                problems.append(
                    Problem(
                        WARNING,
                        "option-without-scores",
                        _("Option “%(o)s” of “%(q)s” has no scores.") % {"o": o.label, "q": q.text},
                        _admin("quiz_option_change", o.pk),
                    )
                )
            for s in scores:
                measured.setdefault(s.competency_id, set()).add(q.slug)
    for comp in Competency.objects.all():
        count = len(measured.get(comp.pk, ()))
        # A fact (years, people managed) is asked once; skills and wishes need two
        # questions so that one careless click cannot decide them.
        if count < (1 if comp.kind == Competency.Kind.EXPERIENCE else 2):
            problems.append(
                Problem(
                    ERROR,
                    "competency-under-measured",
                    _("Competency “%(c)s” is measured by %(n)d question(s); it needs at least %(need)s.")
                    % {
                        "c": comp.name,
                        "n": count,
                        "need": 1 if comp.kind == Competency.Kind.EXPERIENCE else 2,
                    },
                    _admin("roles_competency_change", comp.pk),
                )
            )
    roles = {r.slug: r for r in Role.objects.active()}
    for role in bank.recommendable_roles():
        # Preferences may be left out where they do not apply (leadership style without reports).
        missing = [
            info.name
            for c, info in bank.competencies.items()
            if c not in role.profile and info.kind != engine.KIND_PREFERENCE
        ]
        if missing:
            problems.append(
                Problem(
                    ERROR,
                    "incomplete-profile",
                    _("Role “%(r)s” has no expected level for %(c)s.")
                    % {"r": role.name, "c": ", ".join(missing)},
                    _admin("roles_role_change", roles[role.slug].pk),
                )
            )
    comps = sorted(bank.competencies)
    for a, b in itertools.combinations(bank.recommendable_roles(), 2):
        diff = sum(
            abs(
                a.profile.get(c, engine.Expectation(0, 1)).level
                - b.profile.get(c, engine.Expectation(0, 1)).level
            )
            for c in comps
        )
        if diff < NEAR_IDENTICAL:
            problems.append(
                Problem(
                    ERROR,
                    "near-identical-roles",
                    _("Roles “%(a)s” and “%(b)s” have nearly the same profile.") % {"a": a.name, "b": b.name},
                    _admin("roles_role_change", roles[a.slug].pk),
                )
            )
    for role in bank.recommendable_roles():
        result = engine.rank_roles(bank, engine.build_profile(bank, engine.answer_as_role(bank, role.slug)))
        if not result or result[0].role != role.slug:
            top = bank.roles[result[0].role].name if result else "-"
            problems.append(
                Problem(
                    ERROR,
                    "unreachable-role",
                    _("Role “%(r)s” cannot be the top recommendation: answering as it would gives “%(t)s”.")
                    % {"r": role.name, "t": top},
                    _admin("roles_role_change", roles[role.slug].pk),
                )
            )
    targets = [r.slug for r in bank.recommendable_roles()]
    for role in bank.roles.values():
        if not role.recommendable and not any(
            engine.shortest_route(bank.transitions, role.slug, t) for t in targets
        ):
            problems.append(
                Problem(
                    ERROR,
                    "origin-without-route",
                    _("Starting role “%(r)s” has no route to any recommendable role.") % {"r": role.name},
                    _admin("roles_role_change", roles[role.slug].pk),
                )
            )
    for outcome in persona_outcomes(quiz, bank):
        if not outcome.passed:
            detail = outcome.error or (
                _("got %(top)s (its role ranks %(rank)s)") % {"top": outcome.top, "rank": outcome.rank or "-"}
            )
            problems.append(
                Problem(
                    WARNING if outcome.in_top_three else ERROR,
                    "failing-persona",
                    _("Persona “%(p)s” should get %(e)s but %(d)s.")
                    % {"p": outcome.name, "e": outcome.expected, "d": detail},
                    _admin("quiz_persona_change", outcome.persona_id),
                )
            )
    return sorted(problems, key=lambda p: (p.level != ERROR, p.kind, p.message))


def bank_problems() -> list[Problem]:
    """The problems of every published quiz, cached under the bank version."""
    return bank_cached("problems", lambda: [p for quiz in Quiz.objects.published() for p in check_bank(quiz)])


def failing_personas() -> list[PersonaOutcome]:
    return bank_cached(
        "failing-personas",
        lambda: [o for quiz in Quiz.objects.all() for o in persona_outcomes(quiz) if not o.in_top_three],
    )
