"""How far a result can be trusted, and the labels it may carry.

Confidence is *low* when any of these holds, *medium* for a close call, *high* otherwise:

    few answers    the answers assess less than MIN_ASSESSED of the top role's weight
                   (many "not applicable" answers), or fewer than MIN_POSITIONS
                   positioned answers
    flat           the answers sit at the same point of their scales (standard deviation
                   of positions below FLAT_STDEV, or FLAT_SAME_SHARE of them identical)
    incoherent     answers about the same competency disagree: the profile's
                   ``incoherence`` is above INCOHERENCE_MAX
    poor fit       the best match is below LOW_FIT: no role resembles the answers
    close call     the top two matches are less than CLOSE_MARGIN points apart

Labels (at most one role carries the top one):

    best        only the first role, only with high confidence, match ≥ BEST_MIN
    good        match ≥ GOOD_MIN and within GOOD_GAP points of the first role
                (the first role of a close call gets it, so does its runner-up)
    possible    match ≥ POSSIBLE_MIN
    unlikely    below that

With low confidence no role is labelled above "possible".

The thresholds are calibrated, not guessed: ``benchmarks/quality.py --calibrate`` answers the
quiz as every role would with 20 % of the answers moved one step (genuine respondents) and
as 2,000 random clickers, and prints the values that keep 95 % of genuine respondents
above the low-confidence line while flagging random ones. The README records the run.
"""

from __future__ import annotations

import statistics
from collections.abc import Mapping
from dataclasses import dataclass

from .match import RoleMatch
from .profile import Level, answer_position, incoherence
from .types import AnswerValue, Bank

HIGH, MEDIUM, LOW = "high", "medium", "low"
FEW_ANSWERS, FLAT, INCOHERENT, POOR_FIT, CLOSE_CALL = (
    "few-answers",
    "flat",
    "incoherent",
    "poor-fit",
    "close-call",
)
BEST, GOOD, POSSIBLE, UNLIKELY = "best", "good", "possible", "unlikely"

# Calibrated with `benchmarks/quality.py --calibrate` (see the README).
MIN_ASSESSED = 0.6
MIN_POSITIONS = 8
FLAT_STDEV = 0.12
FLAT_SAME_SHARE = 0.85
INCOHERENCE_MAX = 0.55
LOW_FIT = 65.0
CLOSE_MARGIN = 3.0
BEST_MIN = 72.0
GOOD_MIN = 68.0
GOOD_GAP = 6.0
POSSIBLE_MIN = 55.0


@dataclass(frozen=True)
class Confidence:
    level: str
    reasons: tuple[str, ...]
    margin: float | None
    incoherence: float | None
    assessed: float  # share of the top role's importance that the answers assess
    flat_share: float | None = None


def assessed_share(bank: Bank, profile: Mapping[str, Level], role: str) -> float:
    terms = bank.match_terms.get(role, ())
    total = sum(w for *_, w in terms)
    return sum(w for c, *_, w in terms if c in profile) / total if total else 0.0


def assess(
    bank: Bank, answers: Mapping[str, AnswerValue], profile: Mapping[str, Level], ranking: list[RoleMatch]
) -> Confidence:
    """The confidence a result deserves (see the module docstring)."""
    reasons = []
    positions = [
        p
        for slug in sorted(answers)
        if slug in bank.questions and (p := answer_position(bank.questions[slug], answers[slug])) is not None
    ]
    assessed = assessed_share(bank, profile, ranking[0].role) if ranking else 0.0
    if len(positions) < MIN_POSITIONS or assessed < MIN_ASSESSED:
        reasons.append(FEW_ANSWERS)
    flat_share = None
    if len(positions) >= MIN_POSITIONS:
        flat_share = max(positions.count(p) for p in set(positions)) / len(positions)
        if statistics.pstdev(positions) < FLAT_STDEV or flat_share >= FLAT_SAME_SHARE:
            reasons.append(FLAT)
    spread = incoherence(profile)
    if spread is not None and spread > INCOHERENCE_MAX:
        reasons.append(INCOHERENT)
    if ranking and ranking[0].match < LOW_FIT:
        reasons.append(POOR_FIT)
    margin = ranking[0].match - ranking[1].match if len(ranking) > 1 else None
    if margin is not None and margin < CLOSE_MARGIN:
        reasons.append(CLOSE_CALL)
    level = LOW if set(reasons) - {CLOSE_CALL} else (MEDIUM if reasons else HIGH)
    return Confidence(level, tuple(reasons), margin, spread, assessed, flat_share)


def fit_labels(ranking: list[RoleMatch], confidence: Confidence) -> list[str]:
    """One label per ranked role, in ranking order (see the module docstring)."""
    if not ranking:
        return []
    top = ranking[0].match
    labels = []
    for i, m in enumerate(ranking):
        if i == 0 and confidence.level == HIGH and m.match >= BEST_MIN:
            label = BEST
        elif m.match >= GOOD_MIN and top - m.match <= GOOD_GAP:
            label = GOOD
        elif m.match >= POSSIBLE_MIN:
            label = POSSIBLE
        else:
            label = UNLIKELY
        if confidence.level == LOW and label in (BEST, GOOD):
            label = POSSIBLE
        labels.append(label)
    return labels
