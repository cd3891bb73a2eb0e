"""The analytics pages: a quiz's figures as one sortable table of its questions (with
inline bars and the base of every figure named), each question's options on a page of
their own, and a button that brings the figures up to date.

The figures come from the rollup (``quiz.tallies``), never from the attempts themselves:
the pages read a few thousand rows however many people took the quiz."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import BadRequest
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST, require_safe

from quiz import tallies
from quiz.models import Quiz
from roles.models import Competency, Role

from .analytics import Analytics, QuestionFigures, quiz_analytics, whole_days
from .charts import bar_step
from .permissions import VIEW_ANALYTICS, requires
from .views import _page, date_range


@dataclass(frozen=True)
class Column:
    """A column of the questions table: what it sorts by (None last either way), what it
    shows, and whether it has a bar."""

    key: str
    heading: str
    value: object  # QuestionFigures -> number or text (the sort key)
    shown: object  # QuestionFigures -> text
    bar: bool = False
    adaptive_only: bool = False


def _number(value: float | None, digits: int = 0, unit: str = "") -> str:
    if value is None:
        return "–"
    return f"{value:.{digits}f}{unit}"


COLUMNS = [
    Column("position", gettext_lazy("No."), lambda q: q.position, lambda q: q.position or _("inactive")),
    Column("question", gettext_lazy("Question"), lambda q: q.text.casefold(), lambda q: q.text),
    Column("answered", gettext_lazy("Answered"), lambda q: q.answered, lambda q: str(q.answered), bar=True),
    Column(
        "left",
        gettext_lazy("Left after it (%)"),
        lambda q: q.left_rate,
        lambda q: _number(q.left_rate, 1, " %") + f" ({q.left_after})",
        bar=True,
    ),
    Column(
        "time",
        gettext_lazy("Median time (middle half), s"),
        lambda q: None if q.time is None else q.time.median,
        lambda q: "–" if q.time is None else f"{q.time.median:.1f} ({q.time.first:.1f}–{q.time.third:.1f})",
        bar=True,
    ),
    Column(
        "na",
        gettext_lazy("Not applicable (%)"),
        lambda q: q.not_applicable_share,
        lambda q: _number(q.not_applicable_share, 1, " %"),
        bar=True,
    ),
    Column(
        "separation",
        gettext_lazy("Separates roles"),
        lambda q: q.separation,
        lambda q: _number(q.separation, 2),
        bar=True,
    ),
    Column(
        "agreement",
        gettext_lazy("Agrees with its competency (r)"),
        lambda q: q.weakest_agreement,
        lambda q: _number(q.weakest_agreement, 2),
        bar=True,
    ),
    Column(
        "asked",
        gettext_lazy("Asked"),
        lambda q: q.asked,
        lambda q: str(q.asked),
        bar=True,
        adaptive_only=True,
    ),
    Column(
        "changed",
        gettext_lazy("Changed the leader"),
        lambda q: q.changed,
        lambda q: str(q.changed),
        bar=True,
        adaptive_only=True,
    ),
]


def _sorted(questions: list[QuestionFigures], column: Column, descending: bool) -> list[QuestionFigures]:
    present = [q for q in questions if column.value(q) is not None]
    missing = [q for q in questions if column.value(q) is None]
    return sorted(present, key=column.value, reverse=descending) + missing


def _table(request: HttpRequest, data: Analytics, adaptive: bool, query: dict) -> dict:
    """The questions table, sorted as the query asks (?sort=<column>&order=desc); each
    heading links to the table sorted by it (the other way round when it already is)."""
    columns = [c for c in COLUMNS if adaptive or not c.adaptive_only]
    by_key = {c.key: c for c in columns}
    sort = request.GET.get("sort") or "position"
    order = request.GET.get("order") or "asc"
    if sort not in by_key or order not in ("asc", "desc"):
        raise BadRequest(_("The table cannot be sorted that way."))
    rows = _sorted(data.questions, by_key[sort], order == "desc")
    tops = {c.key: max((c.value(q) or 0 for q in rows), default=0) for c in columns if c.bar}
    headings = []
    for c in columns:
        flipped = "desc" if c.key == sort and order == "asc" else "asc"
        headings.append(
            {
                "text": c.heading,
                "href": "?" + urlencode({**query, "sort": c.key, "order": flipped}),
                "sorted": ("ascending" if order == "asc" else "descending") if c.key == sort else "",
            }
        )
    return {
        "headings": headings,
        "rows": [
            {
                "question": q,
                "cells": [
                    {
                        "key": c.key,
                        "text": c.shown(q),
                        "bar": bar_step(c.value(q), tops[c.key]) if c.bar else None,
                    }
                    for c in columns
                ],
            }
            for q in rows
        ],
    }


def _bars(items: list[tuple], index: int = -1) -> list[dict]:
    """Rows of a small table with a bar on the number at ``index``."""
    top = max((item[index] for item in items), default=0)
    return [{"cells": item, "bar": bar_step(item[index], top)} for item in items]


def _quiz_and_days(request: HttpRequest):
    start, end, start_label, end_label = date_range(request)
    quizzes = list(Quiz.objects.order_by("title"))
    slug = request.GET.get("quiz")
    quiz = next((q for q in quizzes if q.slug == slug), None)
    if slug and quiz is None:
        raise Http404(_("No quiz is called “%(slug)s”.") % {"slug": slug})
    quiz = quiz or (quizzes[0] if quizzes else None)
    return quizzes, quiz, whole_days(start, end), start_label, end_label


@require_safe
@requires(*VIEW_ANALYTICS)
def analytics(request: HttpRequest) -> HttpResponse:
    quizzes, quiz, days, start_label, end_label = _quiz_and_days(request)
    context = {"quizzes": quizzes, "quiz": quiz, "start": start_label, "end": end_label}
    if quiz is not None:
        data = quiz_analytics(quiz, *days)
        names = dict(Role.objects.values_list("slug", "name"))
        query = {"quiz": quiz.slug, "start": start_label, "end": end_label}
        context.update(
            {
                "data": data,
                "query": urlencode(query),
                "table": _table(request, data, quiz.adaptive, query),
                "per_day": _bars(_per_day(data), 1),
                "positions": _bars(
                    [(p["position"], p["views"], p["exits"], p["rate"]) for p in data.drop_off_by_position]
                ),
                "roles": _bars([(names.get(slug, slug or _("none")), n) for slug, n in data.roles]),
                "flows": _bars(
                    [
                        (
                            names.get(current, current) if current else _("none given"),
                            names.get(role, role),
                            n,
                        )
                        for current, role, n in data.flows
                    ]
                ),
                "confidence": _bars(
                    [
                        (level, data.confidence[level])
                        for level in ("high", "medium", "low")
                        if level in data.confidence
                    ]
                ),
            }
        )
    return _page(request, "editor/analytics.html", _("Quiz analytics"), context)


def _per_day(data: Analytics) -> list[tuple]:
    completed = dict(data.completed_per_day)
    days = sorted({day for day, _ in data.started_per_day} | set(completed))
    started = dict(data.started_per_day)
    return [(day.isoformat(), started.get(day, 0), completed.get(day, 0)) for day in days]


@require_safe
@requires(*VIEW_ANALYTICS)
def question_analytics(request: HttpRequest, pk: int) -> HttpResponse:
    """One question's options: how often each was chosen, and which role those who chose
    it were recommended."""
    start, end, start_label, end_label = date_range(request)
    quiz = Quiz.objects.filter(questions__pk=pk).first()
    if quiz is None:
        raise Http404(_("No such question."))
    days = whole_days(start, end)
    data = quiz_analytics(quiz, *days)
    question = next((q for q in data.questions if q.pk == pk), None)
    if question is None:
        raise Http404(_("This question is inactive and was not answered in these days."))
    names = dict(Role.objects.values_list("slug", "name"))
    competencies = dict(Competency.objects.values_list("slug", "name"))
    agreement = [(competencies.get(slug, slug), r) for slug, r in sorted(question.agreement.items())]
    top = max((o.chosen for o in question.options), default=0)
    options = [
        {"option": o, "role": names.get(o.top_role, o.top_role), "bar": bar_step(o.chosen, top)}
        for o in question.options
    ]
    back = "?" + urlencode({"quiz": quiz.slug, "start": start_label, "end": end_label})
    return _page(
        request,
        "editor/question_analytics.html",
        _("Item analysis: %(question)s") % {"question": question.text},
        {
            "quiz": quiz,
            "question": question,
            "options": options,
            "agreement": agreement,
            "data": data,
            "back": back,
        },
    )


@require_POST
@requires(*VIEW_ANALYTICS)
def analytics_rollup(request: HttpRequest) -> HttpResponse:
    """Counts the attempts changed since the last rollup now, instead of at the timer's next
    run; back to the page it was asked from."""
    quiz = Quiz.objects.filter(slug=request.POST.get("quiz") or "").first()
    if quiz is None:
        raise Http404(_("No such quiz."))
    looked_at = tallies.rollup([quiz.pk])
    messages.success(
        request, _("Figures brought up to date: %(n)s attempts counted again.") % {"n": looked_at}
    )
    keep = {name: request.POST[name] for name in ("start", "end", "sort", "order") if request.POST.get(name)}
    return redirect(reverse("admin:bank_analytics") + "?" + urlencode({"quiz": quiz.slug, **keep}))
