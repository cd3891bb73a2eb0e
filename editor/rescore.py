"""Re-score preview: what the current bank would recommend for past attempts, without
touching their stored results."""

from __future__ import annotations

from collections import Counter

from quiz import engine
from quiz.bank import load_bank
from quiz.models import Answer, Quiz, Result
from quiz.selectors import engine_answers, saved_answers


def rescore_preview() -> dict:
    """For every completed (non-preview) attempt: its stored recommendation and the one the
    current bank gives its stored answers. Reads answers in one query per quiz."""
    changes: Counter = Counter()
    total = changed = 0
    for quiz in Quiz.objects.all():
        bank = load_bank(quiz)
        stored = dict(
            Result.objects.real()
            .filter(attempt__quiz=quiz)
            .values_list("attempt_id", "recommended_role_slug")
        )
        if not stored:
            continue
        saved = saved_answers(Answer.objects.filter(attempt_id__in=stored.keys()))
        for attempt_id, was in stored.items():
            ranking = engine.rank_roles(
                bank, engine.build_profile(bank, engine_answers(saved.get(attempt_id, {})))
            )
            now = ranking[0].role if ranking else ""
            total += 1
            if now != was:
                changed += 1
                changes[(was, now)] += 1
    return {
        "total": total,
        "changed": changed,
        "changes": [{"from": a, "to": b, "count": n} for (a, b), n in changes.most_common()],
    }
