"""Re-score preview: what the current bank would recommend for past attempts, without
touching their stored results."""

from __future__ import annotations

from collections import Counter, defaultdict

from . import engine
from .loader import load_bank
from .models import Answer, Quiz, Result


def rescore_preview() -> dict:
    """For every completed (non-preview) attempt: its stored recommendation and the one the
    current bank gives its stored answers. Reads answers in one query per quiz."""
    changes: Counter = Counter()
    total = changed = 0
    for quiz in Quiz.objects.all():
        bank = load_bank(quiz)
        stored = dict(
            Result.objects.filter(attempt__quiz=quiz, attempt__is_preview=False).values_list(
                "attempt_id", "recommended_role_slug"
            )
        )
        if not stored:
            continue
        answers: dict[int, dict] = defaultdict(dict)
        rows = Answer.objects.filter(attempt_id__in=stored.keys()).values_list(
            "attempt_id", "question__slug", "scale_value", "choices__option__slug"
        )
        for attempt_id, slug, scale_value, option_slug in rows.order_by(
            "attempt_id", "question_id", "choices__option__order"
        ):
            if slug not in bank.questions:
                continue  # deactivated since: it counts for nothing, as for new attempts
            if scale_value is not None:
                answers[attempt_id][slug] = scale_value
            elif option_slug is not None:
                answers[attempt_id][slug] = (*answers[attempt_id].get(slug, ()), option_slug)
        for attempt_id, was in stored.items():
            ranking = engine.rank_roles(bank, engine.build_profile(bank, answers.get(attempt_id, {})))
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
