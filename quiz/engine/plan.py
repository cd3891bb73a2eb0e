"""Personal plans: the skill gaps for a target role and the route there from the current
role, with the steps the answers show done marked as done.

Gaps
    Every skill the target expects (e_c > 0) that the person is below, largest
    gap × importance first. Each comes with the development action for the *next* level
    up from where the person is (never one below their level). Skills the answers did not
    assess are listed apart, without a made-up gap and without an action.

Route
    The fastest route from the current role to the target: Dijkstra's shortest path over
    the transitions, weighted by typical months (ties: fewer hops, then alphabetical).

Personal months
    A hop of typical length m (its source or reasoning is in the transition's
    ``months_basis``) takes
        max(3, round(m · (1 − ½·s) · x))
    where s is the share of its steps the answers show done, and x is 0.6 when the person
    already has the target's experience (their level on each of its experience facts of
    importance 2 or more is at least the expected level), else 1. What is left for an
    experienced person is evidence, not years.

A role of lower seniority than the current one needs no route: it is a *direct* move, a
step back the person can apply for now. Without a route otherwise (or without a current
role) the plan is built from the gaps. Both take 4 months per level of gap, at least 3.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

from roles.routes import shortest_route

from .profile import Level
from .types import (
    KIND_EXPERIENCE,
    KIND_SKILL,
    MAX_LEVEL,
    AnswerValue,
    Bank,
    CompetencyInfo,
    StepInfo,
)

MONTHS_PER_GAP_LEVEL = 4
MIN_HOP_MONTHS = 3
DONE_SHARE_WEIGHT = 0.5
EXPERIENCED_FACTOR = 0.6
EXPERIENCE_MIN_IMPORTANCE = 2
ROUTE, GROW, DIRECT, FALLBACK = "route", "grow", "direct", "fallback"


def choose_action(comp: CompetencyInfo, user: float, expected: int) -> tuple[int, str] | None:
    """The development action for the next level up from ``user``, toward ``expected``:
    the lowest action whose level is above what the person has."""
    wanted = min(max(expected, 1), math.floor(user + 1e-9) + 1)
    above = [a for a in comp.actions if a[0] >= wanted]
    if above:
        return min(above, key=lambda a: a[0])
    return None


def find_gaps(bank: Bank, profile: Mapping[str, Level], target: str) -> list[dict]:
    """Skills below the target role's expected level, largest gap × importance first;
    then the expected skills the answers did not assess."""
    role = bank.roles[target]
    measured, unassessed = [], []
    for comp, expectation in role.profile.items():
        info = bank.competencies.get(comp)
        if info is None or info.kind != KIND_SKILL or expectation.level == 0:
            continue
        level = profile.get(comp)
        if level is None:
            # Not assessed: no made-up level, so no action pitched at one.
            unassessed.append(_gap(info, None, expectation, None))
            continue
        if expectation.level - level.level > 1e-9:
            action = choose_action(info, level.level, expectation.level)
            measured.append(_gap(info, level.level, expectation, action))
    measured.sort(key=lambda g: (-g["priority"], -g["importance"], g["competency"]))
    unassessed.sort(key=lambda g: (-g["importance"], -g["expected"], g["competency"]))
    return measured + unassessed


def _gap(info: CompetencyInfo, user: float | None, expectation, action) -> dict:
    gap = expectation.level - (user or 0.0)
    return {
        "competency": info.slug,
        "name": info.name,
        "user": None if user is None else round(user, 2),
        "expected": expectation.level,
        "importance": expectation.importance,
        "gap": round(gap, 2) if user is not None else None,
        "priority": round(gap * expectation.importance, 2) if user is not None else 0,
        "measured": user is not None,
        "action": action[1] if action else "",
        "action_level": action[0] if action else None,
    }


def step_done(step: StepInfo, answers: Mapping[str, AnswerValue], profile: Mapping[str, Level]) -> bool:
    """Whether the answers show a step done: the answer it names was chosen, or the
    person's level of its competency reaches ``done_at_level``."""
    if step.done_when:
        question, _, option = step.done_when.partition("/")
        answer = answers.get(question)
        if isinstance(answer, tuple) and option in answer:
            return True
    if step.done_at_level is not None and step.competency:
        level = profile.get(step.competency)
        if level is not None and level.level >= step.done_at_level - 1e-9:
            return True
    return False


def has_experience_for(bank: Bank, profile: Mapping[str, Level], target: str) -> bool:
    """The person meets every experience fact of importance 2+ that the target expects."""
    facts = [
        (comp, e)
        for comp, e in bank.roles[target].profile.items()
        if (info := bank.competencies.get(comp)) is not None
        and info.kind == KIND_EXPERIENCE
        and e.importance >= EXPERIENCE_MIN_IMPORTANCE
    ]
    return bool(facts) and all(comp in profile and profile[comp].level >= e.level - 1e-9 for comp, e in facts)


def personal_months(months: int, done_share: float, experienced: bool) -> int:
    factor = (1 - DONE_SHARE_WEIGHT * done_share) * (EXPERIENCED_FACTOR if experienced else 1.0)
    return max(MIN_HOP_MONTHS, round(months * factor))


def _hops(bank, route, answers, profile) -> list[dict]:
    hops = []
    for t in route:
        steps = [
            {
                "title": s.title,
                "detail": s.detail,
                "competency": s.competency,
                "resource_url": s.resource_url,
                "done": step_done(s, answers, profile),
            }
            for s in t.steps
        ]
        done = sum(1 for s in steps if s["done"])
        experienced = has_experience_for(bank, profile, t.to_role)
        hops.append(
            {
                "from": t.from_role,
                "from_name": bank.roles[t.from_role].name,
                "to": t.to_role,
                "to_name": bank.roles[t.to_role].name,
                "months": t.months,
                "personal_months": personal_months(
                    t.months, done / len(steps) if steps else 0.0, experienced
                ),
                "months_basis": t.months_basis,
                "summary": t.summary,
                "steps": steps,
                "done_count": done,
                "experienced": experienced,
            }
        )
    return hops


def _gap_actions(gaps: list[dict], covered: set[str]) -> list[dict]:
    return [
        {"competency": g["competency"], "name": g["name"], "gap": g["gap"], "action": g["action"]}
        for g in gaps
        if g["action"] and g["measured"] and g["competency"] not in covered
    ]


def _grow_actions(bank: Bank, profile: Mapping[str, Level], target: str) -> list[dict]:
    """For someone already in the role: the next level of its defining skills."""
    role = bank.roles[target]
    items = []
    for comp, e in sorted(
        role.profile.items(), key=lambda item: (-item[1].importance, -item[1].level, item[0])
    ):
        info = bank.competencies.get(comp)
        if info is None or info.kind != KIND_SKILL or e.importance < 3:
            continue
        user = profile[comp].level if comp in profile else None
        if user is None or user >= MAX_LEVEL - 1e-9:
            continue
        action = choose_action(info, user, MAX_LEVEL)
        if action:
            items.append({"competency": comp, "name": info.name, "gap": 0, "action": action[1]})
    return items[:3]


def plan_transition(
    bank: Bank,
    profile: Mapping[str, Level],
    answers: Mapping[str, AnswerValue],
    gaps: list[dict],
    current: str | None,
    target: str,
) -> dict:
    """The plan from the current role to the target (whose gaps ``find_gaps`` gave), as
    plain data; ``explain.plan_words`` adds the sentences."""
    plan = {
        "from": current,
        "to": target,
        "hops": [],
        "gap_actions": [],
        "first_step": None,
        "total_months": 0,
        "typical_months": 0,
    }
    if current == target:
        gap_actions = _gap_actions(gaps, set())
        listed = {g["competency"] for g in gap_actions}
        grow = [g for g in _grow_actions(bank, profile, target) if g["competency"] not in listed]
        plan.update(
            kind=GROW,
            gap_actions=gap_actions + grow,
            total_months=max(
                6, sum(math.ceil(g["gap"] - 1e-9) * MONTHS_PER_GAP_LEVEL for g in gaps if g["measured"])
            ),
        )
    else:
        route = shortest_route(bank.edges, current, target) if current else None
        if route:
            hops = _hops(bank, route, answers, profile)
            covered = {s["competency"] for h in hops for s in h["steps"] if s["competency"] and not s["done"]}
            plan.update(
                kind=ROUTE,
                hops=hops,
                gap_actions=_gap_actions(gaps, covered),
                total_months=sum(h["personal_months"] for h in hops),
                typical_months=sum(h["months"] for h in hops),
            )
        else:
            measured = [g for g in gaps if g["measured"]]
            # A role below the current one needs no route: the person can apply directly.
            step_down = current in bank.roles and bank.roles[current].seniority > bank.roles[target].seniority
            plan.update(
                kind=DIRECT if step_down else FALLBACK,
                gap_actions=_gap_actions(gaps, set()),
                total_months=max(
                    MIN_HOP_MONTHS, sum(math.ceil(g["gap"] - 1e-9) * MONTHS_PER_GAP_LEVEL for g in measured)
                ),
            )
    plan["first_step"] = _first_step(plan)
    return plan


def _first_step(plan: dict) -> dict | None:
    """What to do in the next 30 days: the first step not yet done, else the first action."""
    for hop in plan["hops"]:
        for step in hop["steps"]:
            if not step["done"]:
                return {"title": step["title"], "detail": step["detail"], "competency": step["competency"]}
    for item in plan["gap_actions"]:
        return {"title": item["name"], "detail": item["action"], "competency": item["competency"]}
    return None
