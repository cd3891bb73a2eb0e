"""Re-score preview: what the current bank would recommend for past attempts, without
touching their stored results."""

from __future__ import annotations

from collections import Counter, OrderedDict

from quiz import engine
from quiz.bank import load_bank
from quiz.models import Answer, Quiz, Result
from quiz.selectors import engine_answers, saved_answers

CHUNK = 2000  # results read (and their answers) at a time
REMEMBERED = 10_000  # answer sets whose recommendation is kept while paging


def rescore_preview(chunk: int = CHUNK, remembered: int = REMEMBERED) -> dict:
    """For every completed (non-preview) attempt: its stored recommendation and the one the
    current bank gives its stored answers. Pages through the results ``chunk`` at a time
    (two queries each), keeping only the counts: memory does not grow with the results.
    Scoring depends only on the bank and the answers, so people who gave the same answers
    are scored once (the last ``remembered`` answer sets are kept)."""
    changes: Counter = Counter()
    total = changed = scored = 0
    for quiz in Quiz.objects.all():
        bank = load_bank(quiz)
        recommended: OrderedDict = OrderedDict()
        for stored in _pages(quiz, chunk):
            saved = saved_answers(Answer.objects.filter(attempt_id__in=stored.keys()))
            for attempt_id, was in stored.items():
                answers = engine_answers(saved.get(attempt_id, {}))
                key = tuple(sorted(answers.items()))
                now = recommended.get(key)
                if now is None:
                    ranking = engine.rank_roles(bank, engine.build_profile(bank, answers))
                    now = ranking[0].role if ranking else ""
                    scored += 1
                    recommended[key] = now
                    if len(recommended) > remembered:
                        recommended.popitem(last=False)
                else:
                    recommended.move_to_end(key)
                total += 1
                if now != was:
                    changed += 1
                    changes[(was, now)] += 1
    return {
        "total": total,
        "changed": changed,
        "scored": scored,
        "changes": [
            {"from": a, "to": b, "count": n}
            for (a, b), n in sorted(changes.items(), key=lambda item: (-item[1], item[0]))
        ],
    }


def _pages(quiz: Quiz, chunk: int):
    """The quiz's real results, ``chunk`` at a time in id order (keyset pagination): each
    page as {attempt id: stored recommendation}."""
    last = 0
    while True:
        page = list(
            Result.objects.real()
            .filter(attempt__quiz=quiz, pk__gt=last)
            .order_by("pk")
            .values_list("pk", "attempt_id", "recommended_role_slug")[:chunk]
        )
        if not page:
            return
        yield {attempt_id: was for _, attempt_id, was in page}
        last = page[-1][0]
