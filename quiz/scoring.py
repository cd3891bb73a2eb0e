"""The scoring engine and transition planner: pure Python over plain data, no ORM.

Levels are on the 0–4 scale (0 not expected · 1 basics · 2 independent · 3 advanced ·
4 expert). Preferences use the same scale between their two ends.

Profile
    For each competency c, the user's level u_c is the mean, over the answered questions
    that score c, of the question's value for c. A single-choice answer gives its option's
    value; a multiple-choice answer the mean of its chosen options' values; a 1–5 scale
    answer v interpolates between the low anchor (first option, v = 1) and the high anchor
    (last option, v = 5): low + (high − low)·(v − 1)/4. Coverage is the number of questions
    that informed c. Unanswered questions neither reward nor penalise.

Match of role r (0–100)
    Over the competencies of r's profile that the answers cover, with importance w_c (1–3)
    and expected level e_c:
        skill:       d_c = max(0, e_c − u_c)   (a shortfall costs, a surplus costs nothing;
                                                skills with e_c = 0 are not expected and
                                                are left out)
        preference:  d_c = |e_c − u_c|          (distance in either direction costs)
        lost_c = w_c · d_c / 4
        match_r = 100 · (1 − Σ lost_c / Σ w_c)
    Unlike cosine similarity this keeps magnitude: all-1 answers against a role that expects
    4 everywhere lose three quarters of every weight and match 25. Roles are ranked by match,
    ties broken by the role's order in the bank, then its slug.

Route
    The fastest route from the current role to the target is Dijkstra's shortest path over
    the transitions, weighted by typical months (ties: fewer hops, then alphabetical).
"""

from __future__ import annotations

import heapq
import math
import statistics
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import NamedTuple

from django.utils.translation import gettext as _

ENGINE_VERSION = "1.0"
MAX_LEVEL = 4
SCALE_MIN, SCALE_MAX = 1, 5

# Fit labels by match threshold, best first: the one place they are kept.
FIT_THRESHOLDS = (
    (85.0, "best"),
    (70.0, "great"),
    (55.0, "good"),
)
FIT_BELOW = "partial"

# Flat answers: answer positions (0 = first option or scale 1, 1 = last option or 5)
# with a standard deviation below this, or with this share of identical positions.
FLAT_STDEV = 0.12
FLAT_SAME_SHARE = 0.85
MIN_ANSWERS_FOR_CONFIDENCE = 8

# A rough allowance for closing a skill gap when no transition route exists.
MONTHS_PER_GAP_LEVEL = 4

KIND_SKILL = "skill"
KIND_PREFERENCE = "preference"
SINGLE, MULTIPLE, SCALE = "single", "multiple", "scale"

# The answer to one question: option slugs for choice questions, 1–5 for scales.
AnswerValue = tuple[str, ...] | int


# --------------------------------------------------------------------------- input data


@dataclass(frozen=True)
class CompetencyInfo:
    slug: str
    name: str
    kind: str
    order: int = 0
    actions: tuple[str, ...] = ()
    low_label: str = ""
    high_label: str = ""


class Expectation(NamedTuple):
    level: int
    importance: int


@dataclass(frozen=True)
class RoleInfo:
    slug: str
    name: str
    recommendable: bool = True
    order: int = 0
    family: str = ""
    seniority: int = 0
    summary: str = ""
    salary: Mapping | None = None
    profile: Mapping[str, Expectation] = field(default_factory=dict)


@dataclass(frozen=True)
class OptionInfo:
    slug: str
    label: str
    scores: Mapping[str, int] = field(default_factory=dict)
    role: str | None = None
    exclusive: bool = False


@dataclass(frozen=True)
class QuestionInfo:
    slug: str
    text: str
    kind: str
    options: tuple[OptionInfo, ...]
    is_current_role: bool = False

    def option(self, slug: str) -> OptionInfo | None:
        return self._by_slug.get(slug)

    @cached_property
    def _by_slug(self) -> dict[str, OptionInfo]:
        return {o.slug: o for o in self.options}


@dataclass(frozen=True)
class StepInfo:
    title: str
    detail: str = ""
    competency: str | None = None
    resource_url: str = ""


@dataclass(frozen=True)
class TransitionInfo:
    from_role: str
    to_role: str
    months: int
    summary: str = ""
    steps: tuple[StepInfo, ...] = ()


@dataclass(frozen=True)
class Bank:
    competencies: Mapping[str, CompetencyInfo]
    roles: Mapping[str, RoleInfo]
    questions: Mapping[str, QuestionInfo]
    transitions: tuple[TransitionInfo, ...] = ()

    def recommendable_roles(self) -> list[RoleInfo]:
        return self._recommendable

    # Derived once per bank (the bank is immutable): what ranking needs on every score.
    @cached_property
    def _recommendable(self) -> list[RoleInfo]:
        return sorted((r for r in self.roles.values() if r.recommendable), key=lambda r: (r.order, r.slug))

    @cached_property
    def match_terms(self) -> dict[str, tuple]:
        return {slug: match_terms(role, self.competencies) for slug, role in self.roles.items()}


# --------------------------------------------------------------------------- profile


class Level(NamedTuple):
    level: float
    coverage: int
    questions: tuple[str, ...]


def question_values(question: QuestionInfo, answer: AnswerValue) -> dict[str, float]:
    """What one answer says about each competency the question measures."""
    if question.kind == SCALE:
        low, high = question.options[0].scores, question.options[-1].scores
        t = (int(answer) - SCALE_MIN) / (SCALE_MAX - SCALE_MIN)
        return {c: low.get(c, 0) + (high.get(c, 0) - low.get(c, 0)) * t for c in sorted(set(low) | set(high))}
    if len(answer) == 1:
        option = question.option(answer[0])
        return dict(option.scores) if option is not None else {}
    sums: dict[str, list[float]] = {}
    for slug in answer:
        option = question.option(slug)
        if option is None:
            continue
        for comp, value in option.scores.items():
            sums.setdefault(comp, []).append(value)
    return {comp: sum(values) / len(values) for comp, values in sorted(sums.items())}


def build_profile(bank: Bank, answers: Mapping[str, AnswerValue]) -> dict[str, Level]:
    """The user's level and coverage per competency (see the module docstring)."""
    collected: dict[str, list[tuple[str, float]]] = {}
    for q_slug in sorted(answers):
        question = bank.questions.get(q_slug)
        if question is None:
            continue
        for comp, value in question_values(question, answers[q_slug]).items():
            if comp in bank.competencies:
                collected.setdefault(comp, []).append((q_slug, value))
    return {
        comp: Level(math.fsum(v for _, v in items) / len(items), len(items), tuple(q for q, _ in items))
        for comp, items in sorted(collected.items())
    }


# --------------------------------------------------------------------------- match


class Contribution(NamedTuple):
    competency: str
    kind: str
    expected: int
    importance: int
    user: float
    lost: float  # w · d / 4

    @property
    def earned(self) -> float:
        return self.importance - self.lost


@dataclass(frozen=True)
class RoleMatch:
    role: str
    match: float
    contributions: tuple[Contribution, ...]
    total_weight: float

    def share(self, competency: str) -> float:
        """Match points this competency earned for the role (0 when not counted)."""
        for c in self.contributions:
            if c.competency == competency:
                return 100 * c.earned / self.total_weight
        return 0.0

    def points_lost(self, contribution: Contribution) -> float:
        return 100 * contribution.lost / self.total_weight


def counted(kind: str, expected: int) -> bool:
    return kind == KIND_PREFERENCE or expected > 0


Term = tuple[str, str, int, int]  # competency, kind, expected level, importance


def match_terms(role: RoleInfo, competencies: Mapping[str, CompetencyInfo]) -> tuple[Term, ...]:
    """The competencies that count for a role's match, in a fixed order."""
    terms = []
    for comp in sorted(role.profile):
        info = competencies.get(comp)
        if info is not None and counted(info.kind, role.profile[comp].level):
            expected, importance = role.profile[comp]
            terms.append((comp, info.kind, expected, importance))
    return tuple(terms)


def _match(slug: str, terms: tuple[Term, ...], profile: Mapping[str, Level]) -> RoleMatch:
    contributions = []
    total = lost_total = 0.0
    for comp, kind, expected, importance in terms:
        level = profile.get(comp)
        if level is None:
            continue
        user = level.level
        if kind == KIND_PREFERENCE:
            distance = abs(expected - user)
        else:
            distance = expected - user if user < expected else 0.0
        lost = importance * distance / MAX_LEVEL
        total += importance
        lost_total += lost
        contributions.append(Contribution(comp, kind, expected, importance, user, lost))
    if total == 0:
        return RoleMatch(slug, 0.0, (), 0.0)
    match = 100 * (1 - lost_total / total)
    return RoleMatch(slug, max(0.0, min(100.0, match)), tuple(contributions), total)


def match_role(
    role: RoleInfo, profile: Mapping[str, Level], competencies: Mapping[str, CompetencyInfo]
) -> RoleMatch:
    """Match of one role, 0–100 (see the module docstring for the formula)."""
    return _match(role.slug, match_terms(role, competencies), profile)


def rank_roles(bank: Bank, profile: Mapping[str, Level]) -> list[RoleMatch]:
    """Every recommendable role by match, best first; ties by bank order, then slug."""
    roles = bank.recommendable_roles()
    position = {r.slug: i for i, r in enumerate(roles)}
    terms = bank.match_terms
    matches = [_match(role.slug, terms[role.slug], profile) for role in roles]
    # Round away float noise so that equal matches tie and the tie-break decides.
    return sorted(matches, key=lambda m: (-round(m.match, 9), position[m.role], m.role))


def fit_label(match: float) -> str:
    for threshold, label in FIT_THRESHOLDS:
        if match >= threshold:
            return label
    return FIT_BELOW


# --------------------------------------------------------------------------- flat answers


def answer_position(question: QuestionInfo, answer: AnswerValue) -> float | None:
    """Where an answer sits among its question's choices, 0 (first) to 1 (last)."""
    if question.kind == SCALE:
        return (int(answer) - SCALE_MIN) / (SCALE_MAX - SCALE_MIN)
    if question.is_current_role or question.kind == MULTIPLE or len(question.options) < 2:
        return None
    slugs = [o.slug for o in question.options]
    if not answer or answer[0] not in slugs:
        return None
    return slugs.index(answer[0]) / (len(slugs) - 1)


def assess_confidence(bank: Bank, answers: Mapping[str, AnswerValue]) -> dict:
    """Detects answers too few or too uniform to tell roles apart."""
    positions = [
        p
        for slug in sorted(answers)
        if slug in bank.questions and (p := answer_position(bank.questions[slug], answers[slug])) is not None
    ]
    if len(positions) < MIN_ANSWERS_FOR_CONFIDENCE:
        return {
            "weak": True,
            "reason": "few-answers",
            "message": _(
                "You answered only %(count)d questions, too few for a reliable recommendation. "
                "Answer more questions for a better match."
            )
            % {"count": len(positions)},
        }
    spread = statistics.pstdev(positions)
    most_common = max(positions.count(p) for p in set(positions)) / len(positions)
    if spread < FLAT_STDEV or most_common >= FLAT_SAME_SHARE:
        return {
            "weak": True,
            "reason": "flat",
            "message": _(
                "Almost all your answers sit at the same point of their scales (%(share)d%% identical), "
                "so the quiz cannot tell your strengths apart and this recommendation is weak. "
                "Retake the quiz and answer each question on its own."
            )
            % {"share": round(100 * most_common)},
        }
    return {"weak": False, "reason": "", "message": ""}


# --------------------------------------------------------------------------- explanation


def level_word(level: float) -> str:
    words = {
        0: _("not expected"),
        1: _("basics"),
        2: _("independent"),
        3: _("advanced"),
        4: _("expert"),
    }
    return words[max(0, min(MAX_LEVEL, round(level)))]


def answer_text(question: QuestionInfo, answer: AnswerValue) -> str:
    if question.kind == SCALE:
        labels = {
            1: _("strongly disagree"),
            2: _("disagree"),
            3: _("neutral"),
            4: _("agree"),
            5: _("strongly agree"),
        }
        return f"{int(answer)} – {labels[int(answer)]}"
    return "; ".join(o.label for slug in answer if (o := question.option(slug)) is not None)


def evidence(
    bank: Bank, answers: Mapping[str, AnswerValue], profile: Mapping[str, Level], comp: str
) -> list[dict]:
    level = profile.get(comp)
    if level is None:
        return []
    return [
        {"question": q, "text": bank.questions[q].text, "answer": answer_text(bank.questions[q], answers[q])}
        for q in level.questions
    ]


def _contribution_dict(bank, answers, profile, role_match: RoleMatch, c: Contribution) -> dict:
    comp = bank.competencies[c.competency]
    if c.kind == KIND_PREFERENCE:
        words = _("you lean towards “%(user)s”, the role towards “%(expected)s”") % {
            "user": _preference_words(comp, c.user),
            "expected": _preference_words(comp, c.expected),
        }
    else:
        words = _("you: %(user)s, the role expects: %(expected)s") % {
            "user": level_word(c.user),
            "expected": level_word(c.expected),
        }
    return {
        "words": words,
        "competency": c.competency,
        "name": comp.name,
        "kind": c.kind,
        "expected": c.expected,
        "importance": c.importance,
        "user": round(c.user, 2),
        "points": round(role_match.share(c.competency), 1),
        "points_lost": round(role_match.points_lost(c), 1),
        "answers": evidence(bank, answers, profile, c.competency),
    }


def explain(
    bank: Bank, answers: Mapping[str, AnswerValue], profile: Mapping[str, Level], ranking: list[RoleMatch]
) -> dict:
    """Why the top role won: what raised and lowered its match, and what would change it."""
    if not ranking:
        return {"raised": [], "lowered": [], "change": None, "sentences": []}
    top = ranking[0]
    top_role = bank.roles[top.role]
    met = sorted(
        (c for c in top.contributions if c.lost == 0 or c.earned > c.importance * 0.75),
        key=lambda c: (-c.earned, c.competency),
    )
    raised = [_contribution_dict(bank, answers, profile, top, c) for c in met[:3]]
    short = sorted((c for c in top.contributions if c.lost > 0), key=lambda c: (-c.lost, c.competency))
    lowered = [_contribution_dict(bank, answers, profile, top, c) for c in short[:3]]
    sentences = []
    if raised:
        sentences.append(
            _("%(role)s fits you best because of your %(strengths)s.")
            % {"role": top_role.name, "strengths": _join([r["name"].lower() for r in raised])}
        )
    for item in lowered:
        comp = bank.competencies[item["competency"]]
        if comp.kind == KIND_PREFERENCE:
            sentences.append(
                _(
                    "Your preference for %(name)s differs from the role's (you %(user)s, the role %(expected)s)."
                )
                % {
                    "name": comp.name.lower(),
                    "user": _preference_words(comp, item["user"]),
                    "expected": _preference_words(comp, item["expected"]),
                }
            )
        else:
            sentences.append(
                _("Your %(name)s (%(user)s) is below what the role expects (%(expected)s).")
                % {
                    "name": comp.name.lower(),
                    "user": level_word(item["user"]),
                    "expected": level_word(item["expected"]),
                }
            )
    change = None
    if len(ranking) > 1:
        runner = ranking[1]
        comps = sorted(
            {c.competency for c in top.contributions} | {c.competency for c in runner.contributions}
        )
        diffs = sorted(
            ((top.share(c) - runner.share(c), c) for c in comps),
            key=lambda item: (-item[0], item[1]),
        )
        decisive = [
            {
                "competency": comp,
                "name": bank.competencies[comp].name,
                "points": round(diff, 1),
                "answers": evidence(bank, answers, profile, comp),
            }
            for diff, comp in diffs[:3]
            if diff > 0
        ]
        runner_role = bank.roles[runner.role]
        change = {
            "runner_up": runner.role,
            "runner_up_name": runner_role.name,
            "gap": round(top.match - runner.match, 1),
            "decisive": decisive,
            "sentence": _(
                "%(runner)s is %(gap)s points behind. The answers that decided between them were about %(what)s."
            )
            % {
                "runner": runner_role.name,
                "gap": f"{top.match - runner.match:.1f}",
                "what": _join([d["name"].lower() for d in decisive])
                if decisive
                else _("nothing in particular"),
            },
        }
    return {"raised": raised, "lowered": lowered, "change": change, "sentences": sentences}


def _preference_words(comp: CompetencyInfo, level: float) -> str:
    if level <= 1:
        return comp.low_label or level_word(level)
    if level >= 3:
        return comp.high_label or level_word(level)
    return _("a balance of both")


def _join(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return _("%(first)s and %(last)s") % {"first": ", ".join(items[:-1]), "last": items[-1]}


# --------------------------------------------------------------------------- gaps and plan


def find_gaps(bank: Bank, profile: Mapping[str, Level], target: str) -> list[dict]:
    """Skills below the target role's expected level, largest gap × importance first.
    A skill no answer covered counts as a gap from level 0."""
    role = bank.roles[target]
    gaps = []
    for comp, expectation in role.profile.items():
        info = bank.competencies.get(comp)
        if info is None or info.kind != KIND_SKILL or expectation.level == 0:
            continue
        level = profile.get(comp)
        user = level.level if level else 0.0
        gap = expectation.level - user
        if gap > 1e-9:
            gaps.append(
                {
                    "competency": comp,
                    "name": info.name,
                    "user": round(user, 2),
                    "expected": expectation.level,
                    "importance": expectation.importance,
                    "gap": round(gap, 2),
                    "priority": round(gap * expectation.importance, 2),
                    "measured": level is not None,
                    "actions": list(info.actions),
                }
            )
    return sorted(gaps, key=lambda g: (-g["priority"], -g["importance"], g["competency"]))


def shortest_route(
    transitions: tuple[TransitionInfo, ...], start: str, goal: str
) -> list[TransitionInfo] | None:
    """Dijkstra by months; ties go to fewer hops, then alphabetical paths. None if unreachable."""
    if start == goal:
        return []
    edges: dict[str, list[TransitionInfo]] = {}
    for t in transitions:
        edges.setdefault(t.from_role, []).append(t)
    queue: list[tuple[int, int, tuple[str, ...], tuple[TransitionInfo, ...]]] = [(0, 0, (start,), ())]
    settled: set[str] = set()
    while queue:
        months, hops, path, route = heapq.heappop(queue)
        node = path[-1]
        if node == goal:
            return list(route)
        if node in settled:
            continue
        settled.add(node)
        for t in edges.get(node, []):
            if t.to_role not in settled:
                heapq.heappush(queue, (months + t.months, hops + 1, (*path, t.to_role), (*route, t)))
    return None


def plan_transition(bank: Bank, gaps: list[dict], current: str | None, target: str) -> dict:
    """A plan from the current role to the target (whose gaps ``find_gaps`` gave): route
    hops with their steps, then the gap actions; a gap-based fallback when there is no
    route; a growth plan in place."""
    gap_actions = [
        {
            "competency": g["competency"],
            "name": g["name"],
            "gap": g["gap"],
            "action": g["actions"][0] if g["actions"] else "",
        }
        for g in gaps
    ]
    target_name = bank.roles[target].name
    gap_months = sum(math.ceil(g["gap"] - 1e-9) * MONTHS_PER_GAP_LEVEL for g in gaps)

    if current == target:
        role = bank.roles[target]
        strengths = sorted(
            (
                c
                for c, e in role.profile.items()
                if bank.competencies.get(c)
                and bank.competencies[c].kind == KIND_SKILL
                and e.level > 0
                and c not in {g["competency"] for g in gaps}
            ),
            key=lambda c: (-role.profile[c].importance, c),
        )[:2]
        grow = [
            {
                "competency": c,
                "name": bank.competencies[c].name,
                "gap": 0,
                "action": bank.competencies[c].actions[-1] if bank.competencies[c].actions else "",
            }
            for c in strengths
        ]
        return {
            "kind": "grow",
            "from": current,
            "to": target,
            "hops": [],
            "gap_actions": gap_actions + grow,
            "total_months": max(gap_months, 6),
            "summary": _("You are already a %(role)s: here is how to grow in the role.")
            % {"role": target_name},
        }

    route = shortest_route(bank.transitions, current, target) if current else None
    if route:
        hops = [
            {
                "from": t.from_role,
                "from_name": bank.roles[t.from_role].name,
                "to": t.to_role,
                "to_name": bank.roles[t.to_role].name,
                "months": t.months,
                "summary": t.summary,
                "steps": [
                    {
                        "title": s.title,
                        "detail": s.detail,
                        "competency": s.competency,
                        "resource_url": s.resource_url,
                    }
                    for s in t.steps
                ],
            }
            for t in route
        ]
        total = sum(t.months for t in route)
        return {
            "kind": "route",
            "from": current,
            "to": target,
            "hops": hops,
            "gap_actions": gap_actions,
            "total_months": total,
            "summary": _("From %(from)s to %(to)s in %(count)d steps, about %(months)d months.")
            % {"from": bank.roles[current].name, "to": target_name, "count": len(hops), "months": total},
        }

    if current and current in bank.roles:
        why = _(
            "We know no usual route from %(from)s to %(to)s, so this plan is built from your skill gaps."
        ) % {
            "from": bank.roles[current].name,
            "to": target_name,
        }
    else:
        why = _("You did not tell us your current role, so this plan is built from your skill gaps.")
    if not gap_actions:
        gap_actions = [
            {
                "competency": "",
                "name": target_name,
                "gap": 0,
                "action": _(
                    "Your skills already meet what the role expects: look for an opening and talk to people who hold the role."
                ),
            }
        ]
    return {
        "kind": "fallback",
        "from": current,
        "to": target,
        "hops": [],
        "gap_actions": gap_actions,
        "total_months": max(gap_months, 3),
        "summary": why,
    }


# --------------------------------------------------------------------------- result


def current_role(bank: Bank, answers: Mapping[str, AnswerValue]) -> str | None:
    for question in bank.questions.values():
        if question.is_current_role and question.slug in answers:
            answer = answers[question.slug]
            if isinstance(answer, tuple) and answer:
                option = question.option(answer[0])
                if option is not None and option.role in bank.roles:
                    return option.role
    return None


def role_card(role: RoleInfo) -> dict:
    return {
        "slug": role.slug,
        "name": role.name,
        "summary": role.summary,
        "family": role.family,
        "seniority": role.seniority,
        "salary": dict(role.salary) if role.salary else None,
    }


def recommend(bank: Bank, answers: Mapping[str, AnswerValue], target: str | None = None) -> dict:
    """The full, JSON-ready result: ranking, explanation, profile, gaps and plans.

    Plans are included for every recommendable role so the result page can show any of
    them later from this snapshot alone; ``target`` picks the one shown first."""
    profile = build_profile(bank, answers)
    ranking = rank_roles(bank, profile)
    top = ranking[0].role if ranking else None
    current = current_role(bank, answers)
    chosen = target or top
    plans = {}
    for m in ranking:
        gaps = find_gaps(bank, profile, m.role)
        plans[m.role] = {"gaps": gaps, "plan": plan_transition(bank, gaps, current, m.role)}
    return {
        "engine_version": ENGINE_VERSION,
        "recommended": top,
        "target": chosen,
        "current_role": current,
        "current_role_name": bank.roles[current].name if current else None,
        "confidence": assess_confidence(bank, answers),
        "ranking": [
            {
                "role": m.role,
                "name": bank.roles[m.role].name,
                "match": round(m.match, 1),
                "fit": fit_label(m.match),
            }
            for m in ranking
        ],
        "roles": {m.role: role_card(bank.roles[m.role]) for m in ranking},
        "explanation": explain(bank, answers, profile, ranking),
        "profile": [
            {
                "competency": comp.slug,
                "name": comp.name,
                "kind": comp.kind,
                "low_label": comp.low_label,
                "high_label": comp.high_label,
                "user": round(profile[comp.slug].level, 2) if comp.slug in profile else None,
                "coverage": profile[comp.slug].coverage if comp.slug in profile else 0,
                "expected": {
                    m.role: bank.roles[m.role].profile[comp.slug].level
                    for m in ranking
                    if comp.slug in bank.roles[m.role].profile
                },
            }
            for comp in sorted(
                bank.competencies.values(), key=lambda c: (c.kind != KIND_SKILL, c.order, c.slug)
            )
        ],
        "plans": plans,
        "answers": {slug: list(v) if isinstance(v, tuple) else v for slug, v in sorted(answers.items())},
    }


# --------------------------------------------------------------------------- personas


def answer_as_role(bank: Bank, role_slug: str) -> dict[str, AnswerValue]:
    """Answers a person in this role would give: for each question, the option whose scores
    are closest to the role's profile (mean absolute distance over the competencies it
    scores). Multiple choice takes every option within one level of the profile on all its
    scores, else the closest; scales take the closest of 1–5. Used to check that each role
    can be recommended (personas, bank health, tests)."""
    role = bank.roles[role_slug]
    levels = {c: e.level for c, e in role.profile.items()}

    def distance(scores: Mapping[str, float]) -> float | None:
        shared = [c for c in scores if c in levels]
        if not shared:
            return None
        return sum(abs(scores[c] - levels[c]) for c in shared) / len(shared)

    answers: dict[str, AnswerValue] = {}
    for q in sorted(bank.questions.values(), key=lambda q: q.slug):
        if q.is_current_role:
            match = next((o for o in q.options if o.role == role_slug), None)
            if match:
                answers[q.slug] = (match.slug,)
            continue
        if q.kind == SCALE:
            scored = [(distance(question_values(q, v)), v) for v in range(SCALE_MIN, SCALE_MAX + 1)]
            scored = [(d, v) for d, v in scored if d is not None]
            if scored:
                answers[q.slug] = min(scored)[1]
            continue
        scored = [(d, i, o) for i, o in enumerate(q.options) if (d := distance(o.scores)) is not None]
        if not scored:
            continue
        if q.kind == MULTIPLE:
            close = [
                o
                for _, _, o in scored
                if not o.exclusive
                and all(abs(v - levels[c]) <= 1 for c, v in o.scores.items() if c in levels)
            ]
            if close:
                answers[q.slug] = tuple(o.slug for o in close)
                continue
        answers[q.slug] = (min(scored, key=lambda item: (item[0], item[1]))[2].slug,)
    return answers
