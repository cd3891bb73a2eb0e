"""The adaptive quiz: ask only the questions that still decide the recommendation.

**Opening.** The questions of the quiz's first section (where the person is now: current
role, experience, what they have done) and every question with a purpose (the roles the
person is weighing, managing or not, company, time horizon: where they want to go) are
always asked, in the quiz's order.

**Next question.** A belief over the recommendable roles starts even and is updated by
every answer with how likely a person in each role is to give it:

    P(answer | role) ∝ exp(−d / TEMPERATURE)

where d is the mean distance, in levels, between what the answer shows and the role's
expected levels over the competencies they share (the distance ``answer_as_role`` uses;
for a 1–5 statement each value 1–5 is an answer). The next question is the one with the
largest expected information gain about the CONTENDERS most likely roles, plus the share
of their profiles' weight it would assess for the first time:

    score(q) = H(belief) − Σ_a P(a) · H(belief | a)  +  COVERAGE_WEIGHT · Σ_r belief(r) · new(q, r)

Ties go to the question that comes first in the quiz. Checklists and questions without
scores are only asked in the opening (or when the person answers everything).

**Stopping.** The opening is always finished first. Then the quiz stops when the answers
so far give a clear leader by the result page's own measures: confidence *high*
(``confidence.assess``), the top two at least ``margin`` apart, and the answers assessing
at least ``coverage`` of the weight of each of the three leading roles; or, for a person
who named the roles they are weighing, when the headline among those roles is settled
(``direction_settled``); or after ``max_questions`` (the result then says the call is
open); or when nothing is left to ask.
The person can ask for a few more questions, or answer everything.

**Deterministic.** ``walk`` replays the answers: at each step the next question is chosen
from the answers to the questions asked before it, so the same answers always lead to the
same questions; changing an earlier answer may change what comes after it.
"""

from __future__ import annotations

import math
import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from .confidence import HIGH, LOW, MIN_ASSESSED, MIN_POSITIONS, assess, assessed_share
from .direction import chosen_roles
from .match import rank_roles
from .noise import move_answers
from .personas import answer_as_role
from .profile import build_profile, is_not_applicable, question_values
from .types import MULTIPLE, PLAIN, SCALE, SCALE_MAX, SCALE_MIN, AnswerValue, Bank, QuestionInfo

TEMPERATURE = 0.6
CONTENDERS = 5
# Weight of a question's new coverage of the contenders' profiles against its information:
# a question on a competency not yet measured is worth more (calibrated with
# `benchmarks/quality.py`, section 7: 1.0 halves the questions of pure information gain).
COVERAGE_WEIGHT = 1.0
LEADERS_COVERED = 3

OPENING, INFORMATIVE = "opening", "most-informative"
CLEAR_LEADER, MAX_QUESTIONS, ALL_ASKED = "clear-leader", "max-questions", "all-asked"
DIRECTION_SETTLED = "direction-settled"


@dataclass(frozen=True)
class Settings:
    """An editor's choices for one quiz (Quiz.adaptive_max, Quiz.adaptive_margin)."""

    max_questions: int = 28
    margin: float = 4.0
    # The share of each leading role's weight the answers must assess: the result page's
    # own line between "few answers" and enough.
    coverage: float = MIN_ASSESSED


@dataclass(frozen=True)
class Step:
    question: str
    reason: str  # OPENING or INFORMATIVE
    gain: float = 0.0


@dataclass(frozen=True)
class Path:
    """Where an adaptive quiz stands: the questions asked so far, in order, and either the
    question to ask now or why the quiz stopped."""

    steps: tuple[Step, ...]
    next: Step | None
    stopped: str | None  # CLEAR_LEADER, MAX_QUESTIONS, ALL_ASKED, or None while asking
    # The decisions taken on the way, for the next walk over the same bank (see ``walk``).
    memo: tuple[dict, ...] = field(default=(), compare=False, repr=False)

    @property
    def asked(self) -> tuple[str, ...]:
        return tuple(s.question for s in self.steps)


Likelihoods = dict[str, dict[object, dict[str, float]]]  # question → answer → role → P


def _distance(values: Mapping[str, float], levels: Mapping[str, float]) -> float | None:
    shared = [c for c in values if c in levels]
    if not shared:
        return None
    return sum(abs(values[c] - levels[c]) for c in shared) / len(shared)


def _answers_of(q: QuestionInfo) -> list[AnswerValue]:
    if q.kind == SCALE:
        return list(range(SCALE_MIN, SCALE_MAX + 1))
    return [(o.slug,) for o in q.answer_options]


def _question_likelihoods(q: QuestionInfo, roles) -> dict[object, dict[str, float]] | None:
    """P(answer | role) for each answer to one question, or None if it tells no role apart."""
    answers = _answers_of(q)
    weights: dict[str, list[float]] = {}
    for role in roles:
        levels = {c: e.level for c, e in role.profile.items()}
        distances = [_distance(question_values(q, a), levels) for a in answers]
        if all(d is None for d in distances):
            continue
        weights[role.slug] = [math.exp(-(d if d is not None else 4.0) / TEMPERATURE) for d in distances]
    if not weights:
        return None
    table: dict[object, dict[str, float]] = {_key(a): {} for a in answers}
    for role, row in weights.items():
        total = sum(row)
        for a, w in zip(answers, row, strict=True):
            table[_key(a)][role] = w / total
    return table


def _key(answer: AnswerValue) -> object:
    return answer if isinstance(answer, int) else answer[0]


def likelihoods(bank: Bank) -> Likelihoods:
    """P(answer | role) for every question that can be chosen, computed once per bank."""
    cached = bank.__dict__.get("_adaptive_likelihoods")
    if cached is None:
        roles = bank.recommendable_roles()
        cached = {}
        for q in bank.questions.values():
            if q.is_complete and q.purpose == PLAIN and not q.is_current_role and q.kind != MULTIPLE:
                table = _question_likelihoods(q, roles)
                if table is not None:
                    cached[q.slug] = table
        bank.__dict__["_adaptive_likelihoods"] = cached  # the bank is immutable: safe to keep
    return cached


def _walker_tables(bank: Bank) -> tuple[list[str], dict[str, frozenset], dict[str, dict[str, int]]]:
    """What every walk over this bank reads and never changes, computed once per bank (a
    quiz step walks once or twice): the opening questions, the competencies each question
    measures and each role's weight per competency."""
    cached = bank.__dict__.get("_adaptive_walker_tables")
    if cached is None:
        measures = {
            q.slug: frozenset(c for o in q.options for c in o.scores) for q in bank.questions.values()
        }
        weights = {
            r.slug: {c: w for c, *_, w in bank.match_terms.get(r.slug, ())}
            for r in bank.recommendable_roles()
        }
        cached = (opening(bank), measures, weights)
        bank.__dict__["_adaptive_walker_tables"] = cached  # the bank is immutable: safe to keep
    return cached


def opening(bank: Bank) -> list[str]:
    """The questions always asked, in order: the quiz's first section and every question
    with a purpose (current role, roles weighed, where the person wants to go)."""
    questions = [q for q in bank.questions.values() if q.is_complete]
    if not questions:
        return []
    first = questions[0].section
    return [
        q.slug
        for i, q in enumerate(questions)
        if q.purpose != PLAIN or (q.section == first if first else i == 0)
    ]


def _entropy(p: Mapping[str, float]) -> float:
    return -sum(x * math.log(x) for x in p.values() if x > 0)


def _normalised(p: Mapping[str, float]) -> dict[str, float]:
    total = sum(p.values())
    return {r: x / total for r, x in p.items()} if total > 0 else dict(p)


def _gain(table: dict[object, dict[str, float]], belief: dict[str, float]) -> float:
    after = 0.0
    for by_role in table.values():
        joint = {r: belief[r] * by_role.get(r, 0.0) for r in belief}
        chance = sum(joint.values())
        if chance > 0:
            after += chance * _entropy({r: x / chance for r, x in joint.items()})
    return _entropy(belief) - after


@dataclass
class Walker:
    """Asks one question after another; ``answer`` feeds each answer back."""

    bank: Bank
    settings: Settings = field(default_factory=Settings)
    steps: list[Step] = field(default_factory=list)
    belief: dict[str, float] = field(default_factory=dict)
    answers: dict[str, AnswerValue] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.belief = {r.slug: 1.0 for r in self.bank.recommendable_roles()}
        self._table = likelihoods(self.bank)
        self._opening, self._measures, self._weights = _walker_tables(self.bank)

    def propose(self) -> Step | None:
        """The question to ask next, or None when nothing is left to ask."""
        asked = {s.question for s in self.steps}
        for slug in self._opening:
            if slug not in asked:
                return Step(slug, OPENING)
        ranked = sorted(self.belief.items(), key=lambda item: -item[1])[:CONTENDERS]
        contenders = _normalised(dict(ranked))
        measured = {c for slug in self.answers for c in self._measures.get(slug, ())}
        best: Step | None = None
        for slug, table in self._table.items():
            if slug not in asked:
                new = self._measures[slug] - measured
                gain = _gain(table, contenders) + COVERAGE_WEIGHT * sum(
                    p * self._share(role, new) for role, p in contenders.items()
                )
                if best is None or gain > best.gain + 1e-12:
                    best = Step(slug, INFORMATIVE, gain)
        return best

    def _share(self, role: str, competencies: set[str]) -> float:
        weights = self._weights[role]
        return sum(weights.get(c, 0) for c in competencies) / (sum(weights.values()) or 1)

    def answer(self, step: Step, value: AnswerValue | None) -> None:
        """Record the answer to the proposed question (None: asked, left unanswered)."""
        self.steps.append(step)
        if value is None:
            return
        self.answers[step.question] = value
        table = self._table.get(step.question)
        question = self.bank.questions[step.question]
        if table is None or is_not_applicable(question, value):
            return
        by_role = table.get(_key(value), {})
        self.belief = _normalised({r: p * by_role.get(r, 1.0) for r, p in self.belief.items()})

    def stop_reason(self) -> str | None:
        """Why the quiz may stop now, or None (the opening is always finished first)."""
        if len(self.steps) < len(self._opening):
            return None
        if len(self.steps) >= self.settings.max_questions:
            return MAX_QUESTIONS
        # High confidence needs this many answers: no need to rank before.
        if len(self.answers) < MIN_POSITIONS:
            return None
        if clear_leader(self.bank, self.answers, self.settings):
            return CLEAR_LEADER
        if direction_settled(self.bank, self.answers, self.settings):
            return DIRECTION_SETTLED
        return None


def clear_leader(bank: Bank, answers: Mapping[str, AnswerValue], settings: Settings) -> bool:
    """The answers give a leader the result page would call clear (see the docstring)."""
    profile = build_profile(bank, answers)
    ranking = rank_roles(bank, profile)
    if len(ranking) < 2:
        return bool(ranking)
    confidence = assess(bank, answers, profile, ranking)
    if confidence.level != HIGH or (confidence.margin or 0) < settings.margin:
        return False
    return all(assessed_share(bank, profile, m.role) >= settings.coverage for m in ranking[:LEADERS_COVERED])


def direction_settled(bank: Bank, answers: Mapping[str, AnswerValue], settings: Settings) -> bool:
    """The person named the roles they are weighing, and the headline among them is
    settled: the answers are trusted (confidence not low), they assess at least
    ``coverage`` of each named role's weight (so its fit and gaps are measured), and the
    best named role leads the other named ones by ``margin``."""
    chosen = chosen_roles(bank, answers)
    if not chosen:
        return False
    profile = build_profile(bank, answers)
    ranking = rank_roles(bank, profile)
    if assess(bank, answers, profile, ranking).level == LOW:
        return False
    if any(assessed_share(bank, profile, role) < settings.coverage for role in chosen):
        return False
    # The line "closest to what you do today" must be settled too: its lead over the next
    # role at least the margin.
    if len(ranking) > 1 and ranking[0].match - ranking[1].match < settings.margin:
        return False
    matches = sorted((m.match for m in ranking if m.role in chosen), reverse=True)
    return len(matches) < 2 or matches[0] - matches[1] >= settings.margin


def _given(value: AnswerValue) -> int | list[str]:
    """An answer as the memo keeps it (JSON)."""
    return value if isinstance(value, int) else list(value)


def walk(
    bank: Bank,
    answers: Mapping[str, AnswerValue],
    settings: Settings | None = None,
    *,
    at_least: int = 0,
    memo: Sequence[Mapping] = (),
) -> Path:
    """Replays the answers given: the questions asked so far and the one to ask now (or
    why the quiz stopped). ``at_least``: the person asked to answer this many before the
    quiz may stop.

    ``memo``: ``Path.memo`` of an earlier walk over the same bank and settings. Each
    decision (stop here? which question next?) depends only on the answers before it, so
    decisions are reused while the answers they followed are unchanged, and computed from
    the first changed answer on. A quiz step then costs one decision, not one per answer."""
    walker = Walker(bank, settings or Settings())
    decisions: list[dict] = []
    reusable = True
    while True:
        known = memo[len(decisions)] if reusable and len(decisions) < len(memo) else {}
        decision: dict = {}
        # The quiz stops where it stopped when these answers were given: answers kept from
        # questions asked on another path (before an earlier answer changed) never count
        # past that point, unless the person asked for more.
        if len(walker.steps) >= at_least:
            decision["stop"] = known["stop"] if "stop" in known else walker.stop_reason()
            if decision["stop"] is not None:
                return Path(tuple(walker.steps), None, decision["stop"], (*decisions, decision))
        ask = known["ask"] if "ask" in known else _proposal(walker.propose())
        decision["ask"] = ask
        if ask is None:
            return Path(tuple(walker.steps), None, ALL_ASKED, (*decisions, decision))
        step = Step(*ask)
        if step.question not in answers:
            return Path(tuple(walker.steps), step, None, (*decisions, decision))
        decision["given"] = _given(answers[step.question])
        reusable = reusable and known.get("given") == decision["given"]
        decisions.append(decision)
        walker.answer(step, answers[step.question])


def _proposal(step: Step | None) -> list | None:
    return None if step is None else [step.question, step.reason, step.gain]


def simulate(
    bank: Bank, respondent: Mapping[str, AnswerValue], settings: Settings | None = None
) -> tuple[Path, dict[str, AnswerValue]]:
    """The adaptive quiz taken by someone who would answer as ``respondent`` (questions
    they would skip are asked and left unanswered): its path and the answers given."""
    walker = Walker(bank, settings or Settings())
    while True:
        reason = walker.stop_reason()
        step = walker.propose() if reason is None else None
        if step is None:
            return Path(tuple(walker.steps), None, reason or ALL_ASKED), dict(walker.answers)
        walker.answer(step, respondent.get(step.question))


# Real people answer less neatly than a profile: the usual length is measured on typical
# answers with this share moved one step (a fixed seed, so it is the same for a bank).
USUAL_NOISE, USUAL_SEED = 0.2, 20261208


def typical_length(bank: Bank, settings: Settings) -> int:
    """How many questions the quiz usually asks: the median over every recommendable role's
    typical answers with a fifth of them moved one step, once naming that role as the one
    weighed and once "not sure" (two dozen simulated quizzes: callers cache it per bank
    version)."""
    rnd = random.Random(USUAL_SEED)
    question = bank.target_roles_question
    unsure = next((o.slug for o in question.options if o.exclusive), None) if question else None
    lengths = []
    for r in bank.recommendable_roles():
        typical = move_answers(bank, answer_as_role(bank, r.slug), USUAL_NOISE, rnd)
        variants = [typical]
        if question is not None and unsure is not None:
            variants.append({**typical, question.slug: (unsure,)})
        lengths += [len(simulate(bank, answers, settings)[0].steps) for answers in variants]
    lengths.sort()
    return lengths[len(lengths) // 2] if lengths else len(bank.questions)


@dataclass(frozen=True)
class Progress:
    """What the progress line may say while the quiz asks (the template words it).

    ``more``: "about N more" after the current question, while the quiz is within its usual
    length; it falls by one with every answer, so it never repeats a count. None once the
    quiz is past its usual length: an estimate that proved wrong is never said again, and
    ``at_most`` (the most that can remain, from the quiz's maximum) and ``deciding`` (the two
    roles the next answers decide between) are said instead. (A simulated finish of the
    quiz as the leading role would answer was tried: worse, see benchmarks/RESULTS.md.)"""

    more: int | None
    at_most: int
    deciding: tuple[str, ...] = ()


def progress(
    bank: Bank,
    path: Path,
    answers: Mapping[str, AnswerValue],
    settings: Settings,
    usual: int,
    at_least: int = 0,
) -> Progress:
    """Where the quiz stands for the progress line (see ``Progress``)."""
    if path.next is None:
        return Progress(0, 0)
    asked = len(path.steps) + 1  # the current question counts as asked
    at_most = max(0, settings.max_questions - asked)
    expected = min(settings.max_questions, max(usual, at_least, len(opening(bank)) + 1))
    if asked < expected:
        return Progress(min(expected - asked, at_most), at_most)
    given = {q: answers[q] for q in path.asked if q in answers}
    ranking = rank_roles(bank, build_profile(bank, given))
    return Progress(None, at_most, tuple(m.role for m in ranking[:2]))


def record(bank: Bank, path: Path, answers: Mapping[str, AnswerValue]) -> dict:
    """What the snapshot keeps of an adaptive quiz: each question asked, why, and the role
    leading after its answer; and why the quiz stopped."""
    given: dict[str, AnswerValue] = {}
    steps = []
    for step in path.steps:
        if step.question in answers:
            given[step.question] = answers[step.question]
        ranking = rank_roles(bank, build_profile(bank, given))
        steps.append(
            {
                "question": step.question,
                "reason": step.reason,
                "leader": ranking[0].role if ranking else "",
            }
        )
    return {"stopped": path.stopped, "asked": len(path.steps), "steps": steps}
