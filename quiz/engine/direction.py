"""The person's direction: the roles they said they are weighing, told before any ranking.

A result leads with what the person came for. For each role they named (in the quiz's
order of those roles: a form does not keep the order of the ticks): how they fit it today, what is missing, measured only, each gap
with the answers behind it, and the route there. Then, on its own line, the role closest
to what they do today (the top of the ranking), and other directions worth a look, each
with why. When the person named no role ("not sure", or an older quiz without the
question), the ranking is the headline, as a starting point.

Headline
    The named role that fits best today (ties: the person's first); else the top of the
    ranking.

Worth a look
    The best-ranked roles the person did not name and that are not the closest today,
    leaving out roles that go against what they said about managing people (someone who
    wants to stay an individual contributor is not sent to a role that manages a team, and
    the reverse).
"""

from __future__ import annotations

from collections.abc import Mapping

from django.utils.translation import gettext as _

from .explain import evidence, level_words, own_words, rounded_level
from .match import RoleMatch
from .profile import Level, question_values
from .types import KIND_EXPERIENCE, KIND_PREFERENCE, TARGET_ROLES, AnswerValue, Bank

WORTH_A_LOOK = 2
# A named role's experience facts count as missing when the person is this far below.
FACT_SHORTFALL = 0.75
MANAGES = 3  # people-management level of a role that manages a team
MANAGE_QUESTION, MANAGE, HANDS_ON, EITHER = "manage-or-ic", "manage", "hands-on", "either"


def chosen_roles(bank: Bank, answers: Mapping[str, AnswerValue]) -> list[str]:
    """The recommendable roles the person named as the ones they are weighing."""
    question = bank.target_roles_question
    answer = answers.get(question.slug) if question else None
    if question is None or not isinstance(answer, tuple):
        return []
    roles = []
    for slug in answer:
        option = question.option(slug)
        role = bank.roles.get(option.role) if option is not None and option.role else None
        if role is not None and role.recommendable and role.slug not in roles:
            roles.append(role.slug)
    return roles


def fit_words(label: str) -> str:
    return {
        "best": _("a strong fit today"),
        "good": _("a good fit today"),
        "possible": _("a partial fit today"),
        "unlikely": _("far from your answers today"),
    }.get(label, "")


def missing(bank: Bank, answers, profile: Mapping[str, Level], match: RoleMatch) -> list[dict]:
    """What the person lacks for a role, measured only: skills below what it expects and
    experience facts well below it, biggest shortfall first, each with its evidence."""
    items = []
    for c in match.contributions:
        if c.kind == KIND_PREFERENCE or c.expected <= 0:
            continue
        short = c.expected - c.user
        # Missing only when the level in words differs, not by a fraction of one.
        if rounded_level(c.user) >= c.expected or (c.kind == KIND_EXPERIENCE and short < FACT_SHORTFALL):
            continue
        comp = bank.competencies[c.competency]
        # A fact is said in the person's own answer (a floor proved by another fact, such
        # as related years, is not an answer to this one).
        own = own_words(bank, answers, profile, c.competency) if c.kind == KIND_EXPERIENCE else ""
        items.append(
            {
                "competency": c.competency,
                "name": comp.name,
                "kind": c.kind,
                "you": own or level_words(comp, c.user),
                "expected": level_words(comp, c.expected),
                "evidence": evidence(bank, answers, profile, c.competency),
                "_order": (-short * c.importance, c.competency),
            }
        )
    items.sort(key=lambda item: item.pop("_order"))
    return items


def _why(bank: Bank, match: RoleMatch) -> str:
    """Why a role resembles the answers: the skills and wishes it expects most that the
    answers meet in full (a floor of experience met says little of fit)."""
    met = sorted(
        (
            c
            for c in match.contributions
            if c.lost < 1e-9 and c.importance >= 2 and c.expected > 0 and c.kind != KIND_EXPERIENCE
        ),
        key=lambda c: (-c.importance, -c.expected, c.competency),
    )[:3]
    if not met:
        return _("Your answers resemble it more than most roles, though no strength stands out.")
    names = [bank.competencies[c.competency].name.lower() for c in met]
    what = (
        names[0]
        if len(names) == 1
        else _("%(first)s and %(last)s")
        % {
            "first": ", ".join(names[:-1]),
            "last": names[-1],
        }
    )
    return _("Your answers about %(what)s match what it asks.") % {"what": what}


def _against_wish(bank: Bank, answers, role: str) -> bool:
    """The role goes against what the person said about managing people."""
    answer = answers.get(MANAGE_QUESTION)
    expected = bank.roles[role].profile.get("people-management")
    if not isinstance(answer, tuple) or expected is None:
        return False
    if answer[0] == HANDS_ON:
        return expected.level >= MANAGES
    if answer[0] == MANAGE:
        return expected.level < MANAGES - 1
    return False


def _route(plan: dict) -> dict:
    first = plan.get("first_step")
    return {
        "from": plan.get("from"),
        "to": plan.get("to"),
        "months": plan.get("total_months"),
        "kind": plan.get("kind"),
        "summary": plan.get("summary", ""),
        "first_step": dict(first) if first else None,
    }


def direction(
    bank: Bank,
    answers: Mapping[str, AnswerValue],
    profile: Mapping[str, Level],
    ranking: list[RoleMatch],
    labels: list[str],
    plans: Mapping[str, dict],
    current: str | None,
) -> dict:
    """``snapshot["direction"]`` (see the module docstring)."""
    chosen = chosen_roles(bank, answers)
    by_role = {m.role: (m, label) for m, label in zip(ranking, labels, strict=True)}
    items = []
    for slug in chosen:
        m, label = by_role[slug]
        items.append(
            {
                "role": slug,
                "name": bank.roles[slug].name,
                "fit": label,
                "fit_words": fit_words(label),
                "match": round(m.match, 1),
                "missing": missing(bank, answers, profile, m),
                "route": _route(plans[slug]["plan"]),
                "is_current": slug == current,
            }
        )
    closest = ranking[0] if ranking else None
    best_chosen = max(items, key=lambda item: item["match"], default=None)  # first of equals wins
    headline = best_chosen["role"] if best_chosen else (closest.role if closest else None)
    worth = [
        {"role": m.role, "name": bank.roles[m.role].name, "why": _why(bank, m)}
        for m in ranking[1:]
        if m.role not in chosen and m.role != current and not _against_wish(bank, answers, m.role)
    ][:WORTH_A_LOOK]
    closest_today = None
    if closest is not None:
        why = (
            _("It is your current role, and your answers still match it most closely.")
            if closest.role == current
            else _("Closest to what you do today. %(why)s") % {"why": _why(bank, closest)}
        )
        closest_today = {"role": closest.role, "name": bank.roles[closest.role].name, "why": why}
    return {
        "chosen": chosen,
        "open": not chosen,
        "asked": bank.target_roles_question is not None and _asked(bank, answers),
        "headline": headline,
        "headline_name": bank.roles[headline].name if headline else None,
        "items": items,
        "closest_today": closest_today,
        "worth_a_look": worth,
        "entry_point": entry_point(bank, answers),
    }


def _asked(bank: Bank, answers) -> bool:
    return any(q.purpose == TARGET_ROLES and q.slug in answers for q in bank.questions.values())


ADJACENT_QUESTION = "adjacent-years"
ADJACENT_MANY = ("3-5", "6-9", "10-plus")
YEARS_COMPETENCY = "experience-years"


def entry_point(bank: Bank, answers) -> str:
    """For a career changer (under three years in product work, three or more in related
    work): where people usually enter, said plainly."""
    question = bank.questions.get(ADJACENT_QUESTION)
    answer = answers.get(ADJACENT_QUESTION)
    if question is None or not isinstance(answer, tuple) or answer[0] not in ADJACENT_MANY:
        return ""
    years = next(
        (
            v
            for q in bank.questions.values()
            if q.slug in answers
            for c, v in question_values(q, answers[q.slug]).items()
            if c == YEARS_COMPETENCY
        ),
        None,
    )
    if years is None or years >= 1:
        return ""
    option = question.option(answer[0])
    return _(
        "You bring %(years)s of related work and less than three years in product, project or program "
        "management. People who move across usually enter at the first level of their new track (for example "
        "Associate Product Manager, Product Owner or Product Manager, or Technical Program Manager from "
        "engineering); your related years make the way up faster, but they are not counted as years in product."
    ) % {"years": option.label.lower() if option else ""}
