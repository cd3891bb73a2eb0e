"""Bank health: every problem in a quiz's bank that would make recommendations wrong or
weak, each with a link to fix it."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext as _

from quiz import engine
from quiz.bank import load_bank
from quiz.caching import bank_cached
from quiz.calibration import persona_outcomes
from quiz.editing import OptionState, question_gaps
from quiz.models import Question, Quiz
from roles.models import Competency, Role

ERROR, WARNING = "error", "warning"
# Two roles whose expected levels differ by less than this in all (summed over every
# competency) are too alike for the quiz to tell apart.
NEAR_IDENTICAL = 2


@dataclass(frozen=True)
class Problem:
    level: str
    kind: str
    message: str
    url: str = ""


def _admin(name: str, *args) -> str:
    return reverse(f"admin:{name}", args=args)


def check_bank(quiz: Quiz) -> list[Problem]:
    """Every problem of one quiz's bank, errors first."""
    bank = load_bank(quiz)
    role_pks = dict(Role.objects.active().values_list("slug", "pk"))
    problems = [
        *_question_problems(quiz),
        *_profile_problems(bank, role_pks),
        *_distinct_role_problems(bank, role_pks),
        *_reachability_problems(bank, role_pks),
        *_role_completeness_problems(quiz, bank, role_pks),
        *_persona_problems(quiz, bank),
    ]
    return sorted(problems, key=lambda p: (p.level != ERROR, p.kind, p.message))


# The problems that keep a bank from being published: a change that brings one in is
# refused (editor/preview.py, the bank upload), with these messages as the reasons.
COMPLETENESS = frozenset(
    {
        "question-without-options",
        "incomplete-question",
        "role-not-a-current-role",
        "role-without-route-in",
    }
)


def completeness_gaps() -> set[str]:
    """Every completeness problem of the published quizzes, as its message."""
    gaps = set()
    for quiz in Quiz.objects.published():
        role_pks = dict(Role.objects.active().values_list("slug", "pk"))
        problems = [*_question_problems(quiz), *_role_completeness_problems(quiz, load_bank(quiz), role_pks)]
        gaps |= {p.message for p in problems if p.kind in COMPLETENESS}
    return gaps


def _question_problems(quiz: Quiz) -> Iterator[Problem]:
    """Questions without options, options without scores, under-measured competencies."""
    measured: dict[int, set[str]] = {}
    # Every active question, the unanswerable ones included (the live quiz leaves those out).
    for q in quiz.questions.active().order_by("order", "pk").prefetch_related("options__scores"):
        options = [o for o in q.options.all() if o.active]
        if not options:
            yield Problem(
                ERROR,
                "question-without-options",
                _("Question “%(q)s” has no options.") % {"q": q.text},
                _admin("quiz_question_change", q.pk),
            )
        else:
            states = [OptionState(o.label, o.active, o.not_applicable, bool(o.scores.all())) for o in options]
            gaps = question_gaps(kind=q.kind, measures=q.purpose == Question.Purpose.PLAIN, options=states)
            if gaps:
                yield Problem(
                    ERROR,
                    "incomplete-question",
                    _(
                        "Question “%(q)s” is active but not complete: %(gaps)s. The quiz leaves it out until it is."
                    )
                    % {"q": q.text, "gaps": "; ".join(gaps)},
                    _admin("quiz_question_change", q.pk)
                    + "#options-group",  # options and scores are set there
                )
        for o in options:
            for score in o.scores.all():
                measured.setdefault(score.competency_id, set()).add(q.slug)
    for comp in Competency.objects.all():
        count = len(measured.get(comp.pk, ()))
        # A fact (years, people managed) is asked once; skills and wishes need two
        # questions so that one careless click cannot decide them.
        need = 1 if comp.kind == Competency.Kind.EXPERIENCE else 2
        if count < need:
            yield Problem(
                ERROR,
                "competency-under-measured",
                _("Competency “%(c)s” is measured by %(n)d question(s); it needs at least %(need)s.")
                % {"c": comp.name, "n": count, "need": need},
                _admin("roles_competency_change", comp.pk),
            )


def _profile_problems(bank: engine.Bank, role_pks: dict[str, int]) -> Iterator[Problem]:
    # Preferences may be left out where they do not apply (leadership style without reports),
    # and so may an experience fact no role expects (years in related work only sets a career
    # changer's entry point): every role must say what it expects of the others.
    expected = {c for role in bank.recommendable_roles() for c in role.profile}
    for role in bank.recommendable_roles():
        missing = [
            info.name
            for c, info in bank.competencies.items()
            if c not in role.profile and c in expected and info.kind != engine.KIND_PREFERENCE
        ]
        if missing:
            yield Problem(
                ERROR,
                "incomplete-profile",
                _("Role “%(r)s” has no expected level for %(c)s.")
                % {"r": role.name, "c": ", ".join(missing)},
                _admin("roles_role_change", role_pks[role.slug]),
            )


def _distinct_role_problems(bank: engine.Bank, role_pks: dict[str, int]) -> Iterator[Problem]:
    unset = engine.Expectation(0, 1)
    for a, b in itertools.combinations(bank.recommendable_roles(), 2):
        diff = sum(
            abs(a.profile.get(c, unset).level - b.profile.get(c, unset).level) for c in bank.competencies
        )
        if diff < NEAR_IDENTICAL:
            yield Problem(
                ERROR,
                "near-identical-roles",
                _("Roles “%(a)s” and “%(b)s” have nearly the same profile.") % {"a": a.name, "b": b.name},
                _admin("roles_role_change", role_pks[a.slug]),
            )


def _reachability_problems(bank: engine.Bank, role_pks: dict[str, int]) -> Iterator[Problem]:
    """Roles that answering as them cannot recommend, and starting roles with no route."""
    for role in bank.recommendable_roles():
        result = engine.rank_roles(bank, engine.build_profile(bank, engine.answer_as_role(bank, role.slug)))
        if not result or result[0].role != role.slug:
            top = bank.roles[result[0].role].name if result else "-"
            yield Problem(
                ERROR,
                "unreachable-role",
                _("Role “%(r)s” cannot be the top recommendation: answering as it would gives “%(t)s”.")
                % {"r": role.name, "t": top},
                _admin("roles_role_change", role_pks[role.slug]),
            )
    targets = [r.slug for r in bank.recommendable_roles()]
    for role in bank.roles.values():
        if not role.recommendable and not any(
            engine.shortest_route(bank.transitions, role.slug, t) for t in targets
        ):
            yield Problem(
                ERROR,
                "origin-without-route",
                _("Starting role “%(r)s” has no route to any recommendable role.") % {"r": role.name},
                _admin("roles_role_change", role_pks[role.slug]),
            )


def _role_completeness_problems(quiz: Quiz, bank: engine.Bank, role_pks: dict[str, int]) -> Iterator[Problem]:
    """A recommendable role a job seeker cannot name as their current role, or without a
    route into it (a result for it would show no way there) or out of it (no next step)."""
    current = quiz.questions.active().filter(is_current_role=True).first()
    offered = (
        set(current.options.active().exclude(role=None).values_list("role__slug", flat=True))
        if current
        else None
    )
    routes_in = {t.to_role for t in bank.transitions}
    routes_out = {t.from_role for t in bank.transitions}
    for role in bank.recommendable_roles():
        url = _admin("roles_role_change", role_pks[role.slug])
        if offered is not None and role.slug not in offered:
            yield Problem(
                ERROR,
                "role-not-a-current-role",
                _("Role “%(r)s” is not offered in the question “%(q)s”: add an option for it there.")
                % {"r": role.name, "q": current.text},
                _admin("quiz_question_change", current.pk) + "#options-group",
            )
        # No route in: no one could be shown the way there (an error, refused on publishing).
        # No route out: the top of a ladder may have none, so it is a warning to look at.
        missing = [
            (
                ERROR,
                "role-without-route-in",
                _("Role “%(r)s” has no route into it from another role."),
                routes_in,
            ),
            (
                WARNING,
                "role-without-route-out",
                _("Role “%(r)s” has no route out of it to a next role."),
                routes_out,
            ),
        ]
        for level, kind, message, routes in missing:
            if role.slug not in routes:
                yield Problem(level, kind, message % {"r": role.name}, url)


def _persona_problems(quiz: Quiz, bank: engine.Bank) -> Iterator[Problem]:
    for outcome in persona_outcomes(quiz, bank):
        if not outcome.passed:
            detail = outcome.error or (
                _("got %(top)s (its role ranks %(rank)s)") % {"top": outcome.top, "rank": outcome.rank or "-"}
            )
            yield Problem(
                WARNING if outcome.in_top_three else ERROR,
                "failing-persona",
                _("Persona “%(p)s” should get %(e)s but %(d)s.")
                % {"p": outcome.name, "e": outcome.expected, "d": detail},
                _admin("quiz_persona_change", outcome.persona_id),
            )


def bank_problems() -> list[Problem]:
    """The problems of every published quiz, cached under the bank version."""
    return bank_cached("problems", lambda: [p for quiz in Quiz.objects.published() for p in check_bank(quiz)])
