"""What the question's admin page changes, the page's save one function in one
transaction (the question, its options, each option's scores), and the moves that put
questions and options in order without typing numbers."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Max, QuerySet
from django.utils.translation import gettext as _

from roles.editing import competency_rows_set
from roles.models import Competency

from .models import MIN_ANSWER_OPTIONS, Option, OptionScore, Question

UP, DOWN = "up", "down"


@dataclass(frozen=True)
class OptionState:
    """What the completeness rules need to know of an option."""

    label: str
    active: bool
    not_applicable: bool
    scored: bool


def question_gaps(*, kind: str, measures: bool, options: Iterable[OptionState]) -> list[str]:
    """Why a question is not ready for job seekers (empty when it is): it offers fewer than
    two answers, or an answer of a single-choice or 1–5 question that ``measures``
    competencies scores nothing (a checklist's ticks may score nothing; the questions that
    ask for the current role, the roles weighed and where the person wants to go shape the
    advice, not the scores). An active question must have no gaps; an inactive one is a
    draft."""
    answers = [o for o in options if o.active and not o.not_applicable]
    gaps = []
    if len(answers) < MIN_ANSWER_OPTIONS:
        gaps.append(
            _("it offers %(n)d answer(s); job seekers need at least %(min)d to choose from")
            % {"n": len(answers), "min": MIN_ANSWER_OPTIONS}
        )
    if kind != Question.Kind.MULTIPLE and measures:
        unscored = [o.label for o in answers if not o.scored]
        if unscored:
            gaps.append(
                _("these answers score no competency: %(labels)s")
                % {"labels": ", ".join(f"“{label}”" for label in unscored)}
            )
    return gaps


@transaction.atomic
def question_page_save(*, form, options=None) -> Question:
    """Everything the question's page edits, together or not at all: the question (a new
    one goes to the end of its quiz), its options (new ones after the others; deleted
    ones removed) and each option's scores (``options.cleaned_scores()``)."""
    question = form.save(commit=False)
    if question.pk is None:
        question.order = _next_order(question.quiz.questions.all())
    question.save()
    if options is not None:
        _options_save(question, options)
    return question


def _options_save(question: Question, options) -> None:
    options.instance = question
    changed = options.save(commit=False)
    order = _next_order(question.options.all())
    for option in changed:
        if option.pk is None:
            option.order, order = order, order + 1
        option.save()
    for option in options.deleted_objects:
        option.delete()
    for option, scores in options.cleaned_scores():
        option_scores_set(option=option, scores=scores)


def option_scores_set(*, option: Option, scores: Mapping[Competency, int | None]) -> None:
    """Each competency given gets this score (0–4) on the option, or none with None."""
    competency_rows_set(
        rows=option.scores.all(),
        wanted={c: None if value is None else {"value": value} for c, value in scores.items()},
        new=lambda c: OptionScore(option=option, competency=c),
    )


def _next_order(siblings: QuerySet) -> int:
    highest = siblings.aggregate(highest=Max("order"))["highest"]
    return 0 if highest is None else highest + 1


@transaction.atomic
def _move(siblings: QuerySet, item, *, step: int = 0, position: int | None = None) -> tuple[int, int]:
    """Moves ``item`` among ``siblings`` (in their order) by ``step`` places or to
    ``position`` (from 1; kept within the list), numbering them 0, 1, 2… as it goes, so
    that ties in ``order`` cannot stop a move. Only rows whose number changes are saved.
    Returns the item's position before and after, from 1."""
    rows = list(siblings.select_for_update().order_by("order", "pk"))
    index = next(i for i, row in enumerate(rows) if row.pk == item.pk)
    target = index + step if position is None else position - 1
    target = min(max(target, 0), len(rows) - 1)
    rows.insert(target, rows.pop(index))
    for number, row in enumerate(rows):
        if row.order != number:
            row.order = number
            row.save(update_fields=["order"])
    return index + 1, target + 1


def _step(direction: str) -> int:
    return -1 if direction == UP else 1


def question_move(*, question: Question, direction: str) -> int:
    """Moves a question one place up or down in its quiz; returns its new position."""
    return _move(Question.objects.filter(quiz_id=question.quiz_id), question, step=_step(direction))[1]


def option_move(*, option: Option, direction: str) -> int:
    """Moves an option one place up or down in its question; returns its new position."""
    return _move(Option.objects.filter(question_id=option.question_id), option, step=_step(direction))[1]


def question_move_to(*, question: Question, position: int) -> tuple[int, int]:
    """Puts a question at this position (from 1) in its quiz, in one move; returns its
    position before and after."""
    return _move(Question.objects.filter(quiz_id=question.quiz_id), question, position=position)


def option_move_to(*, option: Option, position: int) -> tuple[int, int]:
    """Puts an option at this position (from 1) in its question, in one move; returns its
    position before and after."""
    return _move(Option.objects.filter(question_id=option.question_id), option, position=position)
