"""How well a profile matches each role, and whether the role is a step back, the next
step or a stretch.

Match of role r (0–100)
    Over the competencies of r's profile that the answers assess, with importance w_c (1–3),
    expected level e_c and the person's level u_c:

        skill:       d_c = max(0, e_c − u_c) + ½·max(0, u_c − e_c − 1)
                     A shortfall costs in full. A surplus of more than one level costs
                     half: an expert people leader does not *resemble* a role without
                     reports, though a little more skill than needed is no drawback.
        preference:  d_c = |e_c − u_c|
        experience:  d_c = max(0, e_c − u_c − ½) + max(0, u_c − e_c)
                     Half a level of stretch costs nothing; more does. Being above the
                     role (a step back) costs from there, except for the years in
                     product work (FLOOR_FACTS): a role's years are a floor, never a
                     band, so more years never lower a match.

        lost_c  = w_c · min(d_c, 2) / 2     (two levels off loses the whole weight)
        match_r = 100 · (1 − Σ lost_c / Σ w_c)

    A floor fact the role expects at level 0 is left out: everyone meets it, so it would
    only add weight that every answer earns. Roles are ranked by match; ties go to the
    role's order in the bank, then its slug.

Level fit
    The signed gap g = Σ w_c (e_c − u_c) / Σ w_c over the role's experience facts of
    importance 2 or more that the answers assess:
        g ≥ 1.5   stretch      (more than a usual next step)
        g ≥ 0.5   next step
        g > −0.75 at your level
        otherwise step back
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import NamedTuple

from .profile import Level
from .types import (
    KIND_EXPERIENCE,
    KIND_PREFERENCE,
    Bank,
    CompetencyInfo,
    RoleInfo,
    Term,
    match_terms,
)

# A miss of this many levels loses a competency's whole weight.
FULL_MISS = 2.0
SURPLUS_FREE = 1.0
SURPLUS_WEIGHT = 0.5
STRETCH_FREE = 0.5
STEP_BACK_FREE = 0.0
# Experience facts that are a floor: more than the role asks never counts against it.
FLOOR_FACTS = frozenset({"experience-years"})

STRETCH, NEXT_STEP, AT_LEVEL, STEP_BACK = "stretch", "next-step", "level", "step-back"
STRETCH_GAP = 1.5
NEXT_STEP_GAP = 0.5
STEP_BACK_GAP = -0.75
LEVEL_FIT_MIN_IMPORTANCE = 2


def distance(kind: str, expected: float, user: float, competency: str = "") -> float:
    """d_c of the module docstring."""
    if kind == KIND_PREFERENCE:
        return abs(expected - user)
    if kind == KIND_EXPERIENCE and competency in FLOOR_FACTS:
        return max(0.0, expected - user - STRETCH_FREE)
    if kind == KIND_EXPERIENCE:
        return max(0.0, expected - user - STRETCH_FREE) + max(0.0, user - expected - STEP_BACK_FREE)
    return max(0.0, expected - user) + SURPLUS_WEIGHT * max(0.0, user - expected - SURPLUS_FREE)


class Contribution(NamedTuple):
    competency: str
    kind: str
    expected: int
    importance: int
    user: float
    lost: float  # w · min(d, 2) / 2

    @property
    def earned(self) -> float:
        return self.importance - self.lost

    @property
    def shortfall(self) -> bool:
        """The person is below what the role expects (for experience: a stretch)."""
        return self.user < self.expected


@dataclass(frozen=True)
class RoleMatch:
    role: str
    match: float
    contributions: tuple[Contribution, ...]
    total_weight: float
    level_gap: float | None = None

    @property
    def level_fit(self) -> str | None:
        return level_fit(self.level_gap)

    def contribution(self, competency: str) -> Contribution | None:
        return next((c for c in self.contributions if c.competency == competency), None)

    def share(self, competency: str) -> float:
        """Match points this competency earned for the role (0 when not counted)."""
        c = self.contribution(competency)
        return 100 * c.earned / self.total_weight if c else 0.0

    def points_lost(self, contribution: Contribution) -> float:
        return 100 * contribution.lost / self.total_weight


def level_fit(gap: float | None) -> str | None:
    if gap is None:
        return None
    if gap >= STRETCH_GAP:
        return STRETCH
    if gap >= NEXT_STEP_GAP:
        return NEXT_STEP
    if gap > STEP_BACK_GAP:
        return AT_LEVEL
    return STEP_BACK


def _match(slug: str, terms: tuple[Term, ...], profile: Mapping[str, Level]) -> RoleMatch:
    contributions = []
    total = lost_total = gap_sum = gap_weight = 0.0
    for comp, kind, expected, importance in terms:
        level = profile.get(comp)
        if level is None or (comp in FLOOR_FACTS and expected == 0):
            continue  # not assessed, or a floor of zero: met by everyone, it tells nothing
        user = level.level
        lost = importance * min(distance(kind, expected, user, comp), FULL_MISS) / FULL_MISS
        total += importance
        lost_total += lost
        contributions.append(Contribution(comp, kind, expected, importance, user, lost))
        if kind == KIND_EXPERIENCE and importance >= LEVEL_FIT_MIN_IMPORTANCE:
            # Years above the floor do not make a role a step back.
            gap = max(0.0, expected - user) if comp in FLOOR_FACTS else expected - user
            gap_sum += importance * gap
            gap_weight += importance
    gap = gap_sum / gap_weight if gap_weight else None
    if total == 0:
        return RoleMatch(slug, 0.0, (), 0.0, gap)
    match = 100 * (1 - lost_total / total)
    return RoleMatch(slug, max(0.0, min(100.0, match)), tuple(contributions), total, gap)


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


__all__ = [
    "AT_LEVEL",
    "NEXT_STEP",
    "STEP_BACK",
    "STRETCH",
    "Contribution",
    "RoleMatch",
    "distance",
    "level_fit",
    "match_role",
    "rank_roles",
]
