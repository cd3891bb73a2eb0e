"""The whole result of a quiz as JSON-ready data: the snapshot a completed attempt keeps."""

from __future__ import annotations

from collections.abc import Mapping

from . import confidence as conf
from .direction import direction
from .explain import (
    CURRENT,
    confidence_message,
    current_role_of,
    evidence,
    explain,
    level_fit_sentence,
    level_fit_words,
    plan_words,
)
from .match import rank_roles
from .plan import find_gaps, plan_transition
from .profile import build_profile
from .types import ENGINE_VERSION, KIND_SKILL, AnswerValue, Bank, RoleInfo


def current_role(bank: Bank, answers: Mapping[str, AnswerValue]) -> str | None:
    return current_role_of(bank, answers)


def role_card(role: RoleInfo) -> dict:
    return {
        "slug": role.slug,
        "name": role.name,
        "summary": role.summary,
        "family": role.family,
        "seniority": role.seniority,
        "salary": dict(role.salary) if role.salary else None,
        "pay_note": role.pay_note,
        "reports_to": role.reports_to,
        # "(J)" marks a judgement call in the content's notes; it is not for job seekers.
        "experience": role.experience.replace(" (J)", "").replace("(J)", ""),
    }


def recommend(bank: Bank, answers: Mapping[str, AnswerValue], target: str | None = None) -> dict:
    """The full result: ranking with labels and level fit, confidence, explanation,
    profile, and a plan for every recommendable role (so the result page can show any of
    them from this snapshot alone); ``target`` picks the plan shown first."""
    profile = build_profile(bank, answers)
    ranking = rank_roles(bank, profile)
    confidence = conf.assess(bank, answers, profile, ranking)
    labels = conf.fit_labels(ranking, confidence)
    top = ranking[0].role if ranking else None
    current = current_role(bank, answers)
    explanation = explain(bank, answers, profile, ranking, confidence)
    plans = {}
    for m in ranking:
        gaps = find_gaps(bank, profile, m.role)
        plan = plan_words(bank, plan_transition(bank, profile, answers, gaps, current, m.role))
        plans[m.role] = {"gaps": gaps, "plan": plan}
    heading = direction(bank, answers, profile, ranking, labels, plans, current)
    return {
        "engine_version": ENGINE_VERSION,
        "recommended": top,
        "target": target or heading["headline"] or top,
        "direction": heading,
        "current_role": current,
        "current_role_name": bank.roles[current].name if current else None,
        "confidence": {
            "level": confidence.level,
            "weak": confidence.level == conf.LOW,
            "reasons": list(confidence.reasons),
            "margin": None if confidence.margin is None else round(confidence.margin, 1),
            "incoherence": None if confidence.incoherence is None else round(confidence.incoherence, 2),
            "assessed": round(confidence.assessed, 2),
            "message": confidence_message(confidence, explanation["unassessed"]),
        },
        "ranking": [
            {
                "role": m.role,
                "name": bank.roles[m.role].name,
                "match": round(m.match, 1),
                "fit": label,
                # The current role is "your current role", never a step up or back from itself.
                "level_fit": CURRENT if m.role == current else m.level_fit,
                "level_fit_words": level_fit_words(CURRENT if m.role == current else m.level_fit),
                "level_fit_sentence": level_fit_sentence(bank, profile, m, current),
            }
            for m, label in zip(ranking, labels, strict=True)
        ],
        "roles": {m.role: role_card(bank.roles[m.role]) for m in ranking},
        "explanation": explanation,
        "profile": [
            {
                "competency": comp.slug,
                "name": comp.name,
                "kind": comp.kind,
                "low_label": comp.low_label,
                "high_label": comp.high_label,
                "user": round(profile[comp.slug].level, 2) if comp.slug in profile else None,
                "coverage": profile[comp.slug].coverage if comp.slug in profile else 0,
                # A level is stated only with the answers behind it; without, "not assessed".
                "assessed": comp.slug in profile,
                "evidence": evidence(bank, answers, profile, comp.slug),
                "expected": {
                    m.role: bank.roles[m.role].profile[comp.slug].level
                    for m in ranking
                    if comp.slug in bank.roles[m.role].profile
                },
            }
            for comp in sorted(
                bank.competencies.values(), key=lambda c: (c.kind != KIND_SKILL, c.kind, c.order, c.slug)
            )
        ],
        "plans": plans,
        "answers": {slug: list(v) if isinstance(v, tuple) else v for slug, v in sorted(answers.items())},
    }
