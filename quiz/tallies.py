"""The analytics rollup: daily tallies of what job seekers' attempts did, the counts the
editors' analytics add up (``editor/analytics.py``) so that a page over a million attempts
reads a few thousand rows.

Nothing here runs while a job seeker answers: ``manage.py rollup_analytics`` (a timer in
production, see docs/operations-analytics.md) calls ``rollup``, which counts again only the
attempts changed since its last run. For each it keeps what it counted
(``CountedAttempt``), so a change adds just the difference between what the attempt counts
for now and what it counted for before; running it twice changes nothing. A completed
attempt never changes again: it is then kept as counted for good, without its facts.

Everything is keyed by the day the attempt started (in the current time zone, as the
analytics' date range is), so any range of whole days adds up exactly. Staff previews
count for nothing.

The metrics (``Tally.metric``; ``key`` and ``number`` as given, else "" and 0):

- ``started``: attempts.
- ``answers`` / ``unfinished``: attempts (all / not completed) with ``number`` answers.
- ``answered``: answers to question ``key`` (its id).
- ``left_after``: unfinished attempts whose last answer (in time) was to question ``key``
  ("" for none): where people stop, by question, whatever order the quiz asked them in.
- ``chosen``: answers that chose option ``key`` (its id); ``scale``: answers to scale
  question ``key`` with value ``number``.
- ``completed``: attempts completed on the day with ordinal ``number``.
- ``role``: results recommending ``key``; ``flow``: results of current role → recommended
  role, keyed ``"<current>><recommended>"`` (current "" when the person gave none).
- ``chosen_by_role``: completed results that chose option ``o`` and were recommended role
  ``r``, keyed ``"<o>/<r>"``; ``scale_by_role`` the same for scale question ``q`` and value
  ``number``, keyed ``"<q>/<r>"``: how well an item separates the recommended roles.
- ``level_n`` / ``level_sum`` / ``level_squares``: for completed results that chose option
  ``o``, which scores competency ``c`` (key ``"<o>/<c>"``), and whose profile has a level
  for ``c``: how many, and in ``count`` the sum of those levels and of their squares, in
  tenths of a level (rounded): with the option's score, how well the item agrees with the
  other items of its competency (an item–total correlation). Which competencies an option
  scores is read from the bank when the attempt is counted.
- ``confidence``: results whose confidence is ``key``; ``close_call``: results whose
  confidence names a close call between the first two roles.
- ``asked`` / ``changed``: steps of adaptive results that asked question ``key`` (a slug) /
  whose answer changed the leading role.
- Times, for exact quantiles: ``answer_bucket`` counts answers to question ``key`` whose
  time (µs since the attempt's previous answer, or its start; answers in the order of their
  times, then of their ids) falls in bucket ``number``; ``answer_time`` counts those of
  time ``number`` µs under key ``"<question>/<bucket>"``. ``quiz_bucket`` and ``quiz_time``
  (key ``"<bucket>"``) do the same for completed attempts' start-to-completion times. A
  quantile reads the buckets to find the one holding its rank, then that bucket's times.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta
from typing import NamedTuple

from django.db import connection, transaction
from django.utils import timezone

STARTED = "started"
ANSWERS = "answers"
UNFINISHED = "unfinished"
ANSWERED = "answered"
LEFT_AFTER = "left_after"
CHOSEN = "chosen"
SCALE = "scale"
COMPLETED = "completed"
ROLE = "role"
FLOW = "flow"
CHOSEN_BY_ROLE = "chosen_by_role"
SCALE_BY_ROLE = "scale_by_role"
LEVEL_N = "level_n"
LEVEL_SUM = "level_sum"
LEVEL_SQUARES = "level_squares"
CONFIDENCE = "confidence"
CLOSE_CALL = "close_call"
ASKED = "asked"
CHANGED = "changed"
ANSWER_BUCKET = "answer_bucket"
ANSWER_TIME = "answer_time"
QUIZ_BUCKET = "quiz_bucket"
QUIZ_TIME = "quiz_time"

# The confidence reason of a close call (quiz.engine.confidence.CLOSE_CALL).
CLOSE_CALL_REASON = "close_call"

# An attempt changed by a transaction that began before a run but committed after it has an
# update time a little before the run's start; each run looks back this far, so such a change
# is counted by the next run (counting an unchanged attempt again adds nothing). No answer's
# or completion's transaction lasts anywhere near this long.
LOOKBACK = timedelta(minutes=10)

Fact = tuple[date, str, str, int]  # day, metric, key, number

# Sub-buckets per doubling of a time: each bucket spans at most 1/32 of its times.
_BUCKET_BITS = 5


def bucket(microseconds: int) -> int:
    """A time's bucket: never smaller for a longer time; exact below 64 µs, then 32
    buckets per doubling (about 3 % wide each)."""
    if microseconds < 0:
        return -bucket(-microseconds) - 1
    shift = microseconds.bit_length() - _BUCKET_BITS - 1
    if shift <= 0:
        return microseconds
    return (shift << _BUCKET_BITS) + (microseconds >> shift)


def microseconds(delta: timedelta) -> int:
    return (delta.days * 86_400 + delta.seconds) * 1_000_000 + delta.microseconds


EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def moment(value: datetime | None) -> int | None:
    """A stored time as whole microseconds since 1970 (UTC): times and durations in exact
    integers, the same on every database."""
    return None if value is None else microseconds(value - EPOCH)


def local_day(value: datetime) -> date:
    """The day of a time in the current time zone (the analytics' days)."""
    return timezone.localtime(value).date()


def _day(us: int, zone) -> date:
    return datetime.fromtimestamp(us // 1_000_000, zone).date()


class Answered(NamedTuple):
    id: int
    question: int
    at: int  # moment
    options: tuple[int, ...]
    scale: int | None


class Facts(NamedTuple):
    """What an attempt counts for is computed from these alone (times as ``moment``)."""

    started: int
    completed: int | None
    answers: tuple[Answered, ...]
    role: str | None = None  # the result's recommendation, when there is a result
    steps: list | None = None  # the adaptive result's steps
    current: str | None = None  # the current role the person gave
    confidence: str | None = None
    close_call: bool = False
    levels: dict | None = None  # competency slug -> the result's level, in tenths


Scored = dict[int, tuple[str, ...]]  # option id -> the competencies it scores


def _add(counts: Counter, facts: Facts | None, zone, scored: Scored, sign: int = 1) -> None:
    """Adds (or with sign -1 takes away) what one attempt counts for."""
    if facts is None:
        return
    day = _day(facts.started, zone)
    answers = sorted(facts.answers, key=lambda a: (a.at, a.id))
    counts[(day, STARTED, "", 0)] += sign
    counts[(day, ANSWERS, "", len(answers))] += sign
    _add_answers(counts, day, facts.started, answers, sign)
    if facts.completed is None:
        counts[(day, UNFINISHED, "", len(answers))] += sign
        counts[(day, LEFT_AFTER, str(answers[-1].question) if answers else "", 0)] += sign
        return
    time = facts.completed - facts.started
    where = bucket(time)
    counts[(day, COMPLETED, "", _day(facts.completed, zone).toordinal())] += sign
    counts[(day, QUIZ_BUCKET, "", where)] += sign
    counts[(day, QUIZ_TIME, str(where), time)] += sign
    if facts.role is not None:
        _add_result(counts, day, facts, answers, sign)
        _add_levels(counts, day, facts, answers, scored, sign)
    if facts.confidence:
        counts[(day, CONFIDENCE, facts.confidence, 0)] += sign
    if facts.close_call:
        counts[(day, CLOSE_CALL, "", 0)] += sign
    _add_steps(counts, day, facts.steps, sign)


def _add_answers(counts: Counter, day: date, started: int, answers: list[Answered], sign: int) -> None:
    previous = started
    for answer in answers:
        question, time = str(answer.question), answer.at - previous
        where = bucket(time)
        counts[(day, ANSWERED, question, 0)] += sign
        counts[(day, ANSWER_BUCKET, question, where)] += sign
        counts[(day, ANSWER_TIME, f"{question}/{where}", time)] += sign
        for option in answer.options:
            counts[(day, CHOSEN, str(option), 0)] += sign
        if answer.scale is not None:
            counts[(day, SCALE, question, answer.scale)] += sign
        previous = answer.at


def _add_result(counts: Counter, day: date, facts: Facts, answers: list[Answered], sign: int) -> None:
    role = facts.role
    counts[(day, ROLE, role, 0)] += sign
    counts[(day, FLOW, f"{facts.current or ''}>{role}", 0)] += sign
    for answer in answers:
        for option in answer.options:
            counts[(day, CHOSEN_BY_ROLE, f"{option}/{role}", 0)] += sign
        if answer.scale is not None:
            counts[(day, SCALE_BY_ROLE, f"{answer.question}/{role}", answer.scale)] += sign


def _add_levels(counts: Counter, day: date, facts: Facts, answers, scored: Scored, sign: int) -> None:
    levels = facts.levels or {}
    for answer in answers:
        for option in answer.options:
            for competency in scored.get(option, ()):
                level = levels.get(competency)
                if level is not None:
                    key = f"{option}/{competency}"
                    counts[(day, LEVEL_N, key, 0)] += sign
                    counts[(day, LEVEL_SUM, key, 0)] += sign * level
                    counts[(day, LEVEL_SQUARES, key, 0)] += sign * level * level


def _add_steps(counts: Counter, day: date, steps: list | None, sign: int) -> None:
    leader = None
    for step in steps or []:
        slug = step.get("question") or ""
        counts[(day, ASKED, slug, 0)] += sign
        if leader is not None and step.get("leader") != leader:
            counts[(day, CHANGED, slug, 0)] += sign
        leader = step.get("leader")


# --------------------------------------------------------------------------- reading attempts


def current_facts(attempt_ids: list[int]) -> dict[int, Facts]:
    """The facts of these attempts as stored now, in four queries."""
    from .models import Answer, AnswerChoice, Attempt, Result

    chosen: dict[int, list[int]] = {}
    for answer_id, option_id in (
        AnswerChoice.objects.filter(answer__attempt_id__in=attempt_ids)
        .order_by("option_id")
        .values_list("answer_id", "option_id")
    ):
        chosen.setdefault(answer_id, []).append(option_id)
    answers: dict[int, list[Answered]] = {}
    for attempt_id, pk, question_id, answered_at, scale in (
        Answer.objects.filter(attempt_id__in=attempt_ids)
        .order_by()
        .values_list("attempt_id", "pk", "question_id", "answered_at", "scale_value")
    ):
        answers.setdefault(attempt_id, []).append(
            Answered(pk, question_id, moment(answered_at), tuple(chosen.get(pk, ())), scale)
        )
    results = {
        row[0]: row[1:]
        for row in Result.objects.filter(attempt_id__in=attempt_ids).values_list(
            "attempt_id",
            "recommended_role_slug",
            "snapshot__adaptive__steps",
            "snapshot__current_role",
            "snapshot__confidence__level",
            "snapshot__confidence__reasons",
            "snapshot__profile",
        )
    }
    facts = {}
    for pk, started, completed in Attempt.objects.filter(pk__in=attempt_ids).values_list(
        "pk", "started_at", "completed_at"
    ):
        role, steps, current, level, reasons, profile = results.get(pk, (None,) * 6)
        facts[pk] = Facts(
            moment(started),
            moment(completed),
            tuple(answers.get(pk, ())),
            role,
            steps if isinstance(steps, list) else None,
            current if isinstance(current, str) else None,
            level if isinstance(level, str) else None,
            isinstance(reasons, list) and CLOSE_CALL_REASON in reasons,
            _levels(profile),
        )
    return facts


def _levels(profile) -> dict | None:
    """The result's level of each competency, in tenths (rounded half to even)."""
    if not isinstance(profile, list):
        return None
    return {
        row["competency"]: round(row["user"] * 10)
        for row in profile
        if isinstance(row, dict) and isinstance(row.get("user"), int | float)
    }


def scored_competencies(quiz_id: int) -> Scored:
    """Which competencies each option of the quiz scores, by the bank as it is now."""
    from .models import OptionScore

    scored: dict[int, list[str]] = {}
    for option_id, slug in (
        OptionScore.objects.filter(option__question__quiz_id=quiz_id)
        .order_by("option_id", "competency__slug")
        .values_list("option_id", "competency__slug")
    ):
        scored.setdefault(option_id, []).append(slug)
    return {option: tuple(slugs) for option, slugs in scored.items()}


def _kept(facts: Facts) -> dict | None:
    """What ``CountedAttempt.facts`` keeps of an attempt's facts: nothing once it completed
    (it never changes again)."""
    if facts.completed is not None:
        return None
    return {"started": facts.started, "answers": [list(a) for a in facts.answers]}


def _from_kept(kept: dict) -> Facts:
    answers = tuple(
        Answered(pk, q, at, tuple(options), scale) for pk, q, at, options, scale in kept["answers"]
    )
    return Facts(kept["started"], None, answers)


# --------------------------------------------------------------------------- the rollup


def rollup(quiz_ids: Iterable[int] | None = None, *, chunk: int = 2000) -> int:
    """Brings the tallies of the given quizzes (all by default) up to date: counts again
    every real attempt changed since the quiz's last run (all of them the first time), in
    transactions of ``chunk`` attempts. Returns how many attempts it looked at.

    Safe to run twice at once: each chunk's transaction first locks the quiz's
    ``AnalyticsRollup`` row, and reads what was counted before only while it holds it."""
    from .models import AnalyticsRollup, Quiz

    quiz_ids = list(Quiz.objects.values_list("pk", flat=True) if quiz_ids is None else quiz_ids)
    zone = timezone.get_current_timezone()
    looked_at = 0
    for quiz_id in quiz_ids:
        state, _ = AnalyticsRollup.objects.get_or_create(quiz_id=quiz_id)
        began = timezone.now()
        scored = scored_competencies(quiz_id)
        for ids in _changed(quiz_id, state.counted_until, chunk):
            _count(quiz_id, ids, zone, scored)
            looked_at += len(ids)
        with transaction.atomic():
            state = AnalyticsRollup.objects.select_for_update().get(quiz_id=quiz_id)
            if state.counted_until is None or state.counted_until < began:
                state.counted_until = began
                state.save(update_fields=["counted_until"])
    return looked_at


def _changed(quiz_id: int, counted_until, chunk: int):
    """The ids of the quiz's real attempts to count, ``chunk`` at a time, in order: all of
    them the first time (read by ranges of ids), else those changed since ``counted_until``
    less the look-back: two queries, each on its own index (one with OR would read every
    attempt), whose ids stay few, as many as people changed in a few minutes."""
    from .models import Attempt

    attempts = Attempt.objects.real().filter(quiz_id=quiz_id)
    if counted_until is None:
        last = 0
        while ids := list(attempts.filter(pk__gt=last).order_by("pk").values_list("pk", flat=True)[:chunk]):
            yield ids
            last = ids[-1]
        return
    since = counted_until - LOOKBACK
    changed = sorted(
        {*attempts.filter(updated_at__gte=since).values_list("pk", flat=True)}
        | {*attempts.filter(completed_at__gte=since).values_list("pk", flat=True)}
    )
    for start in range(0, len(changed), chunk):
        yield changed[start : start + chunk]


def _count(quiz_id: int, attempt_ids: list[int], zone, scored: Scored) -> None:
    """Counts these attempts again: what each counts for now, less what it counted for."""
    from .models import AnalyticsRollup, CountedAttempt

    with transaction.atomic():
        AnalyticsRollup.objects.select_for_update().get(quiz_id=quiz_id)
        counted = dict(
            CountedAttempt.objects.filter(attempt_id__in=attempt_ids).values_list("attempt_id", "facts")
        )
        # A completed attempt, once counted, is final.
        pending = [pk for pk in attempt_ids if pk not in counted or counted[pk] is not None]
        now = current_facts(pending)
        counts: Counter = Counter()
        for pk in pending:
            before = counted.get(pk)
            _add(counts, now.get(pk), zone, scored)
            _add(counts, None if before is None else _from_kept(before), zone, scored, -1)
        _write(quiz_id, counts)
        CountedAttempt.objects.bulk_create(
            [CountedAttempt(attempt_id=pk, facts=_kept(now[pk])) for pk in pending if pk in now],
            update_conflicts=True,
            unique_fields=["attempt"],
            update_fields=["facts"],
        )


def rebuild(quiz_ids: Iterable[int] | None = None, *, chunk: int = 2000) -> int:
    """Forgets the given quizzes' tallies (all by default) and counts every attempt again:
    after attempts were deleted or the time zone changed (the rollup sees only changes)."""
    from .models import AnalyticsRollup, CountedAttempt, Quiz, Tally

    quiz_ids = list(Quiz.objects.values_list("pk", flat=True) if quiz_ids is None else quiz_ids)
    with transaction.atomic():
        for state in AnalyticsRollup.objects.select_for_update().filter(quiz_id__in=quiz_ids):
            state.counted_until = None
            state.save(update_fields=["counted_until"])
        Tally.objects.filter(quiz_id__in=quiz_ids).delete()
        CountedAttempt.objects.filter(attempt__quiz_id__in=quiz_ids).delete()
    return rollup(quiz_ids, chunk=chunk)


def _write(quiz_id: int, changes: dict[Fact, int], chunk: int = 2000) -> None:
    """Adds the changes to the stored counts: one upsert per ``chunk`` facts. A count that
    falls to zero stays, as a zero (the analytics skip it; ``rebuild`` drops it).

    Raw SQL because the ORM's upsert (``bulk_create(update_conflicts=True)``) can only set
    a column to the new row's value, not add to what is stored."""
    from .models import Tally

    quote = connection.ops.quote_name
    table, key, count = quote(Tally._meta.db_table), quote("key"), quote("count")
    ordered = sorted((fact, n) for fact, n in changes.items() if n)
    with connection.cursor() as cursor:
        for start in range(0, len(ordered), chunk):
            rows = ordered[start : start + chunk]
            cursor.execute(
                f"INSERT INTO {table} (quiz_id, day, metric, {key}, number, {count}) VALUES "
                + ", ".join(["(%s, %s, %s, %s, %s, %s)"] * len(rows))
                + f" ON CONFLICT (quiz_id, metric, day, {key}, number)"
                f" DO UPDATE SET {count} = {table}.{count} + excluded.{count}",
                [
                    value
                    for (day, metric, k, number), n in rows
                    for value in (quiz_id, connection.ops.adapt_datefield_value(day), metric, k, number, n)
                ],
            )
