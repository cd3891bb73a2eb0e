"""The scoring engine and transition planner: pure Python over plain data, no ORM.

- ``types``: the bank as immutable data.
- ``profile``: answers → the person's level of each competency.
- ``match``: the match formula, ranking and level fit.
- ``confidence``: how far a result can be trusted, and its labels.
- ``plan``: gaps, routes and personal plans.
- ``explain``: the words (the only module that translates).
- ``result``: the whole result, as the snapshot a completed attempt keeps.
- ``personas``: typical answers derived from a role's profile.

Each module's docstring states the formula it implements.
"""

from roles.routes import shortest_route

from . import adaptive
from .confidence import Confidence, assess, fit_labels
from .match import RoleMatch, distance, match_role, rank_roles
from .personas import answer_as_role
from .plan import find_gaps, plan_transition
from .profile import Level, answer_position, build_profile, incoherence, is_not_applicable, question_values
from .result import current_role, recommend
from .types import (
    ENGINE_VERSION,
    KIND_EXPERIENCE,
    KIND_PREFERENCE,
    KIND_SKILL,
    MAX_LEVEL,
    MAX_TARGET_ROLES,
    MULTIPLE,
    SCALE,
    SCALE_MAX,
    SCALE_MIN,
    SINGLE,
    TARGET_ROLES,
    AnswerValue,
    Bank,
    CompetencyInfo,
    Expectation,
    OptionInfo,
    QuestionInfo,
    RoleInfo,
    StepInfo,
    TransitionInfo,
)

__all__ = [
    "adaptive",
    "ENGINE_VERSION",
    "KIND_EXPERIENCE",
    "KIND_PREFERENCE",
    "KIND_SKILL",
    "MAX_LEVEL",
    "MAX_TARGET_ROLES",
    "TARGET_ROLES",
    "MULTIPLE",
    "SCALE",
    "SCALE_MAX",
    "SCALE_MIN",
    "SINGLE",
    "AnswerValue",
    "Bank",
    "CompetencyInfo",
    "Confidence",
    "Expectation",
    "Level",
    "OptionInfo",
    "QuestionInfo",
    "RoleInfo",
    "RoleMatch",
    "StepInfo",
    "TransitionInfo",
    "answer_as_role",
    "answer_position",
    "assess",
    "build_profile",
    "current_role",
    "distance",
    "find_gaps",
    "fit_labels",
    "incoherence",
    "is_not_applicable",
    "match_role",
    "plan_transition",
    "question_values",
    "rank_roles",
    "recommend",
    "shortest_route",
]
