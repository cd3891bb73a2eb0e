"""The engine's input: a question bank as plain, immutable data (no ORM)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import NamedTuple

from roles.levels import MAX_LEVEL as MAX_LEVEL  # the engine's levels are the roles'

ENGINE_VERSION = "2.0"
# The agreement scale of statements, 1 (strongly disagree) to 5 (strongly agree).
SCALE_MIN, SCALE_MAX = 1, 5

KIND_SKILL = "skill"
KIND_PREFERENCE = "preference"
KIND_EXPERIENCE = "experience"
SINGLE, MULTIPLE, SCALE = "single", "multiple", "scale"

# The answer to one question: option slugs for choice questions (and for a "not
# applicable" answer to a scale), 1–5 for a scale.
AnswerValue = tuple[str, ...] | int


@dataclass(frozen=True)
class CompetencyInfo:
    slug: str
    name: str
    kind: str
    order: int = 0
    # (level the action helps reach, text), ordered by level.
    actions: tuple[tuple[int, str], ...] = ()
    low_label: str = ""
    high_label: str = ""
    # What levels 0..4 mean, in words; empty when the editor wrote none.
    level_labels: tuple[str, ...] = ()


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
    pay_note: str = ""
    reports_to: str = ""
    experience: str = ""
    scope_reports: str = ""
    scope_teams: str = ""


@dataclass(frozen=True)
class OptionInfo:
    slug: str
    label: str
    scores: Mapping[str, int] = field(default_factory=dict)
    role: str | None = None
    exclusive: bool = False
    not_applicable: bool = False


@dataclass(frozen=True)
class QuestionInfo:
    slug: str
    text: str
    kind: str
    options: tuple[OptionInfo, ...]
    is_current_role: bool = False
    section: str = ""

    def option(self, slug: str) -> OptionInfo | None:
        return self._by_slug.get(slug)

    @cached_property
    def _by_slug(self) -> dict[str, OptionInfo]:
        return {o.slug: o for o in self.options}

    @cached_property
    def anchors(self) -> tuple[OptionInfo, OptionInfo] | None:
        """A scale's low (1) and high (5) anchors: its first and last scored options."""
        scored = [o for o in self.options if not o.not_applicable]
        return (scored[0], scored[-1]) if len(scored) >= 2 else None

    @cached_property
    def answer_options(self) -> tuple[OptionInfo, ...]:
        """The options that are an answer on the question's own terms (not "not applicable")."""
        return tuple(o for o in self.options if not o.not_applicable)

    @property
    def is_complete(self) -> bool:
        """A question the engine can use: a scale with both anchors, a choice with options."""
        if self.kind == SCALE:
            return self.anchors is not None
        return bool(self.options)


@dataclass(frozen=True)
class StepInfo:
    title: str
    detail: str = ""
    competency: str | None = None
    resource_url: str = ""
    # "question-slug/option-slug": done for people who chose that answer.
    done_when: str = ""
    # Done when the person's level of ``competency`` is at least this.
    done_at_level: int | None = None


@dataclass(frozen=True)
class TransitionInfo:
    from_role: str
    to_role: str
    months: int
    summary: str = ""
    steps: tuple[StepInfo, ...] = ()
    months_basis: str = ""
    commonness: int = 3  # 3 usual, 2 common, 1 occasional: routes prefer the usual ladder


@dataclass(frozen=True)
class Bank:
    competencies: Mapping[str, CompetencyInfo]
    roles: Mapping[str, RoleInfo]
    questions: Mapping[str, QuestionInfo]
    transitions: tuple[TransitionInfo, ...] = ()

    # Derived once per bank (the bank is immutable): what ranking needs on every score.
    def recommendable_roles(self) -> list[RoleInfo]:
        return self._recommendable

    @cached_property
    def _recommendable(self) -> list[RoleInfo]:
        return sorted((r for r in self.roles.values() if r.recommendable), key=lambda r: (r.order, r.slug))

    @cached_property
    def match_terms(self) -> dict[str, tuple[Term, ...]]:
        return {slug: match_terms(role, self.competencies) for slug, role in self.roles.items()}

    @cached_property
    def edges(self) -> dict[str, list[TransitionInfo]]:
        edges: dict[str, list[TransitionInfo]] = {}
        for t in self.transitions:
            edges.setdefault(t.from_role, []).append(t)
        return edges

    @cached_property
    def current_role_question(self) -> QuestionInfo | None:
        return next((q for q in self.questions.values() if q.is_current_role), None)


Term = tuple[str, str, int, int]  # competency, kind, expected level, importance


def match_terms(role: RoleInfo, competencies: Mapping[str, CompetencyInfo]) -> tuple[Term, ...]:
    """The competencies that count for a role's match, in a fixed order: every entry of the
    role's profile whose competency is in the bank."""
    terms = []
    for comp in sorted(role.profile):
        info = competencies.get(comp)
        if info is not None:
            expected, importance = role.profile[comp]
            terms.append((comp, info.kind, expected, importance))
    return tuple(terms)
