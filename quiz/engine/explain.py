"""The words of a result: why the top role fits, what lowered it, what decides a close
call, what the answers could not assess, and the sentences of each plan. The only part of
the engine that touches translation.

Rules that keep explanations honest:
- every reason comes from a real difference: a competency is listed as lowering the match
  only when it lost points *and* the person's level and the role's level read as
  different words; one listed as raising it lost nothing;
- a competency appears in one list at most;
- preferences are told in the person's own answers (quoted as given, or "between X and Y"
  where several answers were combined) and the role's own scope;
- no sentence speaks of points, internal markers or missing values.
"""

from __future__ import annotations

from collections.abc import Mapping

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from roles.levels import generic_level_words

from . import confidence as conf
from .match import AT_LEVEL, NEXT_STEP, STEP_BACK, STRETCH, Contribution, RoleMatch
from .plan import DIRECT, FALLBACK, GROW, ROUTE
from .profile import Level, question_values
from .types import (
    KIND_EXPERIENCE,
    KIND_PREFERENCE,
    MAX_LEVEL,
    SCALE_MAX,
    SCALE_MIN,
    AnswerValue,
    Bank,
    CompetencyInfo,
    QuestionInfo,
)

MAX_REASONS = 3
# A reason that lowered the match lost at least this share of its importance.
LOWERED_MIN_SHARE = 0.2


def scale_labels() -> dict[int, str]:
    return {
        1: _("Strongly disagree"),
        2: _("Disagree"),
        3: _("Neither agree nor disagree"),
        4: _("Agree"),
        5: _("Strongly agree"),
    }


def scale_choice(value: int) -> str:
    """A scale answer as the quiz shows and quotes it: "4 · Agree"."""
    return f"{value} · {scale_labels()[value]}"


def rounded_level(level: float) -> int:
    return max(0, min(MAX_LEVEL, int(level + 0.5)))


def level_words(comp: CompetencyInfo, level: float) -> str:
    """What a level means for this competency, in words."""
    labels = comp.level_labels if len(comp.level_labels) == MAX_LEVEL + 1 else generic_level_words()
    return labels[rounded_level(level)]


def answer_text(question: QuestionInfo, answer: AnswerValue) -> str:
    """The words the person chose: the option labels, or the scale's label."""
    if isinstance(answer, int):
        return scale_choice(answer) if SCALE_MIN <= answer <= SCALE_MAX else str(answer)
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
        if q in bank.questions and q in answers
    ]


def quoted(text: str) -> str:
    return _("“%(text)s”") % {"text": text}


def own_words(bank: Bank, answers, profile, comp: str) -> str:
    """The person's own answers about a competency, quoted as given: one answer alone, or
    "between “X” and “Y”" when several were combined (the lowest and the highest). Empty
    when no answer of theirs speaks to it."""
    level = profile.get(comp)
    given = []
    for q in level.questions if level else ():
        question = bank.questions.get(q)
        if question is None or q not in answers:
            continue
        value = question_values(question, answers[q]).get(comp)
        if value is not None:
            given.append((value, answer_text(question, answers[q])))
    if not given:
        return ""
    given.sort(key=lambda item: item[0])
    low, high = given[0][1], given[-1][1]
    if low == high or len(given) == 1:
        return quoted(low)
    return _("between %(low)s and %(high)s") % {"low": quoted(low), "high": quoted(high)}


def _join(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return _("%(first)s and %(last)s") % {"first": ", ".join(items[:-1]), "last": items[-1]}


# --------------------------------------------------------------------------- reasons


def _role_side(bank: Bank, role_slug: str, comp: CompetencyInfo, expected: int) -> str:
    role = bank.roles[role_slug]
    words = level_words(comp, expected)
    if comp.kind == KIND_PREFERENCE and comp.slug == "people-management" and role.scope_reports:
        if not _says_something(role.scope_reports):
            return _("%(words)s (no line reports)") % {"words": words}
        return _("%(words)s (reports: %(reports)s)") % {"words": words, "reports": role.scope_reports}
    if comp.kind == KIND_PREFERENCE and comp.slug == "scope-breadth" and _says_something(role.scope_teams):
        return _("%(words)s (%(teams)s)") % {"words": words, "teams": role.scope_teams}
    return words


def _says_something(text: str) -> bool:
    """A scope text worth quoting: not empty and not a "None" (which reads as a missing value)."""
    words = text.strip().lower()
    return bool(words) and not words.startswith(("none", "n/a", "-"))


def _reason(bank, answers, profile, top: RoleMatch, c: Contribution, raised: bool) -> dict:
    comp = bank.competencies[c.competency]
    you = level_words(comp, c.user)
    role = _role_side(bank, top.role, comp, c.expected)
    if comp.kind == KIND_PREFERENCE:
        own = own_words(bank, answers, profile, c.competency)
        if not own:
            words = _("your answers put you at: %(you)s; this role: %(role)s") % {"you": you, "role": role}
        elif raised:
            words = _("you answered %(you)s; this role: %(role)s") % {"you": own, "role": role}
        else:
            words = _("you answered %(you)s; this role offers: %(role)s") % {"you": own, "role": role}
    elif comp.kind == KIND_EXPERIENCE:
        words = _("you: %(you)s; usual for this role: %(role)s") % {"you": you, "role": role}
    elif raised and rounded_level(c.user) > c.expected:
        words = _("you: %(you)s; more than the role expects (%(role)s)") % {"you": you, "role": role}
    elif raised:
        words = _("you: %(you)s; what the role expects") % {"you": you}
    elif c.shortfall:
        words = _("you: %(you)s; the role expects: %(role)s") % {"you": you, "role": role}
    else:
        words = _("you: %(you)s; far more than this role uses (%(role)s)") % {"you": you, "role": role}
    return {
        "words": words,
        "competency": c.competency,
        "name": comp.name,
        "kind": c.kind,
        "expected": c.expected,
        "importance": c.importance,
        "user": round(c.user, 2),
        "points": round(top.share(c.competency), 1),
        "points_lost": round(top.points_lost(c), 1),
        "answers": evidence(bank, answers, profile, c.competency),
    }


def _is_real_difference(c: Contribution) -> bool:
    return c.lost >= LOWERED_MIN_SHARE * c.importance and rounded_level(c.user) != c.expected


def _raised(top: RoleMatch) -> list[Contribution]:
    met = [c for c in top.contributions if c.lost < 1e-9 and c.importance >= 2 and c.expected > 0]
    return sorted(met, key=lambda c: (-c.importance, -c.expected, c.competency))[:MAX_REASONS]


def _lowered(top: RoleMatch) -> list[Contribution]:
    short = [c for c in top.contributions if _is_real_difference(c)]
    return sorted(short, key=lambda c: (-c.lost, c.competency))[:MAX_REASONS]


# --------------------------------------------------------------------------- level fit


CURRENT = "current"


def level_fit_words(fit: str | None) -> str:
    return {
        CURRENT: _("your current role"),
        STRETCH: _("a stretch"),
        NEXT_STEP: _("the next step up"),
        AT_LEVEL: _("at your level"),
        STEP_BACK: _("a step back"),
    }.get(fit or "", "")


def level_fit_sentence(bank: Bank, profile, m: RoleMatch, current: str | None = None) -> str:
    """Why a role is a stretch or a step back, from the experience facts (nothing for the
    person's current role: it is neither a step up nor back from itself)."""
    fit = m.level_fit
    role = bank.roles[m.role]
    if m.role == current:
        return ""
    facts = [c for c in m.contributions if c.kind == KIND_EXPERIENCE and c.importance >= 2]
    if fit is None or not facts:
        return ""
    usual = _join([level_words(bank.competencies[c.competency], c.expected) for c in facts])
    yours = _join([level_words(bank.competencies[c.competency], c.user) for c in facts])
    if fit == STEP_BACK:
        return _(
            "A step back for you: %(role)s usually comes with %(usual)s; you bring %(yours)s. "
            "Choose it only if you want a smaller scope or a change of track."
        ) % {"role": role.name, "usual": usual, "yours": yours}
    if fit == STRETCH:
        return _(
            "A stretch: %(role)s usually comes with %(usual)s; you bring %(yours)s. "
            "Expect to get there through one or more roles in between."
        ) % {"role": role.name, "usual": usual, "yours": yours}
    if fit == NEXT_STEP:
        return _("The next step up from where you are: %(role)s usually comes with %(usual)s.") % {
            "role": role.name,
            "usual": usual,
        }
    if usual == yours:
        return _("At your level: %(role)s usually comes with %(usual)s, as you have.") % {
            "role": role.name,
            "usual": usual,
        }
    return _("About your level: %(role)s usually comes with %(usual)s; you bring %(yours)s.") % {
        "role": role.name,
        "usual": usual,
        "yours": yours,
    }


# --------------------------------------------------------------------------- confidence


def confidence_message(confidence: conf.Confidence, unassessed: list[dict]) -> str:
    """What the confidence means for the reader, and what to do about it."""
    reasons = set(confidence.reasons)
    parts = []
    if conf.FLAT in reasons:
        parts.append(
            _(
                "Almost all your answers sit at the same point of their scales, so the quiz cannot tell your "
                "strengths apart. Retake it and answer each question on its own."
            )
        )
    if conf.INCOHERENT in reasons:
        parts.append(
            _(
                "Your answers about the same skills point in different directions (for example a high answer "
                "on one question and a low one on its twin), so no role stands out reliably. Retake the quiz "
                "thinking of your current or last job."
            )
        )
    if conf.FEW_ANSWERS in reasons:
        parts.append(
            ngettext(
                "You marked many questions as not applicable, so the quiz could assess only %(count)d "
                "competency that matters here.",
                "You marked many questions as not applicable, so the quiz could assess only part of what "
                "matters here; %(count)d competencies are missing.",
                len(unassessed),
            )
            % {"count": len(unassessed)}
        )
    if conf.POOR_FIT in reasons:
        parts.append(
            _(
                "No role resembles your answers closely: the best match is modest. Read the top roles as "
                "directions to explore, not as a verdict."
            )
        )
    if not parts and conf.CLOSE_CALL in reasons:
        parts.append(_("A close call: the top two roles are almost level, so read both."))
    return " ".join(parts)


# --------------------------------------------------------------------------- plan words


def plan_words(bank: Bank, plan: dict) -> dict:
    """The sentences of a plan (``plan.plan_transition`` gives the data)."""
    target = bank.roles[plan["to"]].name
    months = plan["total_months"]
    if plan["kind"] == GROW:
        summary = _("You are already a %(role)s: here is how to grow in the role.") % {"role": target}
    elif plan["kind"] == ROUTE:
        hops = len(plan["hops"])
        summary = ngettext(
            "From %(from)s to %(to)s in %(count)d step, about %(months)d months for you.",
            "From %(from)s to %(to)s in %(count)d steps, about %(months)d months for you.",
            hops,
        ) % {"from": bank.roles[plan["from"]].name, "to": target, "count": hops, "months": months}
        done = sum(h["done_count"] for h in plan["hops"])
        experienced = any(h["experienced"] for h in plan["hops"])
        if plan["typical_months"] != months and (done or experienced):
            why = (
                _("the steps you have already done and the experience you bring")
                if done and experienced
                else _("the steps you have already done")
                if done
                else _("the experience you already bring")
            )
            summary += " " + _("(Typically %(typical)d months; shorter for you because of %(why)s.)") % {
                "typical": plan["typical_months"],
                "why": why,
            }
    elif plan["kind"] == DIRECT:
        summary = _(
            "%(to)s is a step back in seniority from %(from)s, so no preparation route is needed: you can apply "
            "directly. Use the months below to close the gaps that matter for the role."
        ) % {"from": bank.roles[plan["from"]].name, "to": target}
    elif plan["from"] and plan["from"] in bank.roles:
        summary = _(
            "We know no usual route from %(from)s to %(to)s, so this plan is built from your skill gaps."
        ) % {"from": bank.roles[plan["from"]].name, "to": target}
    else:
        summary = _("You did not name a current role we know, so this plan is built from your skill gaps.")
    first = plan["first_step"]
    if first is None and plan["kind"] in (FALLBACK, DIRECT):
        first = {
            "title": _("Talk to two people in the role"),
            "detail": _(
                "Your skills already meet what %(role)s expects: ask two people who hold the role what "
                "their week looks like, and look for an opening."
            )
            % {"role": target},
            "competency": None,
        }
    return {**plan, "summary": summary, "first_step": first}


# --------------------------------------------------------------------------- explanation


def decisive(bank, answers, profile, top: RoleMatch, other: RoleMatch, count: int = 3) -> list[dict]:
    """The competencies where the top role earned most over another, with the answers."""
    comps = sorted({c.competency for c in top.contributions} | {c.competency for c in other.contributions})
    diffs = sorted(((top.share(c) - other.share(c), c) for c in comps), key=lambda item: (-item[0], item[1]))
    return [
        {
            "competency": comp,
            "name": bank.competencies[comp].name,
            "points": round(diff, 1),
            "answers": evidence(bank, answers, profile, comp),
        }
        for diff, comp in diffs[:count]
        if diff > 0.05
    ]


def unassessed_competencies(bank: Bank, profile: Mapping[str, Level], role: str) -> list[dict]:
    """The competencies that matter for the role (importance 2+) that no answer assessed."""
    return [
        {"competency": comp, "name": bank.competencies[comp].name, "importance": e.importance}
        for comp, e in sorted(
            bank.roles[role].profile.items(), key=lambda item: (-item[1].importance, item[0])
        )
        if comp in bank.competencies and comp not in profile and e.importance >= 2
    ]


def explain(
    bank: Bank,
    answers: Mapping[str, AnswerValue],
    profile: Mapping[str, Level],
    ranking: list[RoleMatch],
    confidence: conf.Confidence,
) -> dict:
    """Why the top role won, what lowered it, and what decides between it and the next."""
    if not ranking:
        return {
            "raised": [],
            "lowered": [],
            "change": None,
            "sentences": [],
            "level_fit": "",
            "unassessed": [],
        }
    top = ranking[0]
    top_role = bank.roles[top.role]
    raised = [_reason(bank, answers, profile, top, c, raised=True) for c in _raised(top)]
    lowered = [_reason(bank, answers, profile, top, c, raised=False) for c in _lowered(top)]
    sentences = []
    if raised:
        sentences.append(
            _("%(role)s fits you because of %(what)s.")
            % {"role": top_role.name, "what": _join([r["name"].lower() for r in raised])}
        )
    if lowered:
        sentences.append(
            _("What holds the match back: %(what)s.") % {"what": _join([r["name"].lower() for r in lowered])}
        )
    change = None
    if len(ranking) > 1:
        runner = ranking[1]
        runner_role = bank.roles[runner.role]
        gap = top.match - runner.match
        deciding = decisive(bank, answers, profile, top, runner)
        what = _join([d["name"].lower() for d in deciding]) if deciding else _("nothing in particular")
        if conf.CLOSE_CALL in confidence.reasons:
            sentence = _(
                "%(runner)s is almost level with %(top)s (a %(match)s%% match). What tips it towards %(top)s are "
                "your answers about %(what)s; if they describe you less well, %(runner)s may fit better."
            ) % {
                "runner": runner_role.name,
                "match": f"{runner.match:.0f}",
                "top": top_role.name,
                "what": what,
            }
        else:
            sentence = _(
                "%(runner)s comes next (a %(match)s%% match). The answers that decided between them were "
                "about %(what)s."
            ) % {"runner": runner_role.name, "match": f"{runner.match:.0f}", "what": what}
        change = {
            "runner_up": runner.role,
            "runner_up_name": runner_role.name,
            "gap": round(gap, 1),
            "close_call": conf.CLOSE_CALL in confidence.reasons,
            "decisive": deciding,
            "sentence": sentence,
        }
    unassessed = unassessed_competencies(bank, profile, top.role)
    return {
        "raised": raised,
        "lowered": lowered,
        "change": change,
        "sentences": sentences,
        "level_fit": level_fit_sentence(bank, profile, top, current_role_of(bank, answers)),
        "unassessed": unassessed,
    }


def current_role_of(bank: Bank, answers: Mapping[str, AnswerValue]) -> str | None:
    """The role the person named as their job today, if the bank knows it."""
    question = bank.current_role_question
    answer = answers.get(question.slug) if question else None
    if isinstance(answer, tuple) and answer:
        option = question.option(answer[0])
        if option is not None and option.role in bank.roles:
            return option.role
    return None


__all__ = ["explain", "level_words", "plan_words"]
