"""What the admin index opens on for bank editors: the bank's health, how many
calibration personas get their role, results of the last seven days, and the first things
an editor does. Each figure only for those allowed to see what it counts."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from quiz.caching import bank_cached
from quiz.calibration import persona_outcomes
from quiz.models import Quiz, Result

from .permissions import VIEW_BANK, VIEW_RESULTS

RECENT_DAYS = 7


def persona_summary() -> dict[str, int]:
    """How many personas get their own role first and in the top three, of how many."""

    def count():
        outcomes = [o for quiz in Quiz.objects.all() for o in persona_outcomes(quiz)]
        return {
            "total": len(outcomes),
            "first": sum(1 for o in outcomes if o.passed),
            "top_three": sum(1 for o in outcomes if o.in_top_three),
        }

    return bank_cached("persona-summary", count)


def landing(user) -> dict:
    """The index's figures and first actions that ``user`` may see and take."""
    context: dict = {
        "may_add_question": user.has_perm("quiz.add_question"),
        "may_add_role": user.has_perm("roles.add_role"),
        "preview_quiz": Quiz.objects.published().order_by("pk").first()
        if user.has_perm("quiz.view_quiz")
        else None,
    }
    if user.has_perms(VIEW_BANK):
        context["personas"] = persona_summary()
    if user.has_perms(VIEW_RESULTS):
        since = timezone.now() - timedelta(days=RECENT_DAYS)
        context["recent_results"] = Result.objects.real().filter(created_at__gte=since).count()
        context["recent_days"] = RECENT_DAYS
    return context
