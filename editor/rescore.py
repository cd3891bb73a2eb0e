"""Re-score preview: what the current bank would recommend for past attempts, without
touching their stored results."""

from __future__ import annotations

from collections import Counter, OrderedDict
from collections.abc import Iterable

from quiz import engine
from quiz.bank import load_bank
from quiz.models import Answer, Quiz, Result
from quiz.selectors import Saved, engine_answers, saved_answers

CHUNK = 2000  # results read (and their answers) at a time
REMEMBERED = 10_000  # answer sets whose recommendation is kept while paging


class Recommender:
    """The role ``bank`` recommends first for a result's stored answers. Scoring depends only
    on the bank and the answers, so people who gave the same answers are scored once (the
    last ``remembered`` answer sets are kept); ``scored`` counts the scorings."""

    def __init__(self, bank: engine.Bank, remembered: int = REMEMBERED):
        self.bank, self.remembered, self.scored = bank, remembered, 0
        self._roles: OrderedDict[tuple, str] = OrderedDict()

    def page(self, attempt_ids: Iterable[int]) -> dict[int, str]:
        """The recommendation for each of these attempts, by id, reading their answers in
        one query."""
        attempt_ids = list(attempt_ids)
        saved = saved_answers(Answer.objects.filter(attempt_id__in=attempt_ids))
        return {attempt_id: self.role(saved.get(attempt_id, {})) for attempt_id in attempt_ids}

    def role(self, saved: dict[int, Saved]) -> str:
        answers = engine_answers(saved)
        key = tuple(sorted(answers.items()))
        role = self._roles.get(key)
        if role is None:
            ranking = engine.rank_roles(self.bank, engine.build_profile(self.bank, answers))
            role = ranking[0].role if ranking else ""
            self.scored += 1
            self._roles[key] = role
            if len(self._roles) > self.remembered:
                self._roles.popitem(last=False)
        else:
            self._roles.move_to_end(key)
        return role


def rescore_preview(chunk: int = CHUNK, remembered: int = REMEMBERED) -> dict:
    """For every completed (non-preview) attempt: its stored recommendation and the one the
    current bank gives its stored answers. Pages through the results ``chunk`` at a time
    (two queries each), keeping only the counts: memory does not grow with the results."""
    changes: Counter = Counter()
    total = changed = scored = 0
    for quiz in Quiz.objects.all():
        recommender = Recommender(load_bank(quiz), remembered)
        for stored in _pages(quiz, chunk):
            for attempt_id, now in recommender.page(stored).items():
                was = stored[attempt_id]
                total += 1
                if now != was:
                    changed += 1
                    changes[(was, now)] += 1
        scored += recommender.scored
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
