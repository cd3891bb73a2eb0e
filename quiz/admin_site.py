"""The bank editor's workspace in the admin: bank health, re-score preview and exports."""

from __future__ import annotations

import csv
import json
from datetime import date, datetime, time, timedelta
from functools import wraps

from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.apps import AdminConfig
from django.core.exceptions import BadRequest, PermissionDenied
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.template.defaultfilters import filesizeformat
from django.template.response import TemplateResponse
from django.urls import path
from django.utils import timezone
from django.utils.dateparse import parse_date
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

# Cells a spreadsheet would read as a formula (or that hide one after a tab or return).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value) -> str:
    """Neutralises formula injection: such a cell starts with an apostrophe instead."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


class _Echo:
    def write(self, value):
        return value


FIRST_DAY, LAST_DAY = date(2000, 1, 1), date(2999, 12, 31)


def _day(request: HttpRequest, name: str, default: date) -> date:
    raw = request.GET.get(name) or ""
    try:
        day = parse_date(raw) if raw else default
    except ValueError:
        day = None
    if day is None or not FIRST_DAY <= day <= LAST_DAY:
        raise BadRequest(
            _("“%(value)s” is not a date from 2000-01-01 to 2999-12-31 (write it as YYYY-MM-DD).")
            % {"value": raw}
        )
    return day


def date_range(request: HttpRequest) -> tuple[datetime, datetime, str, str]:
    """[start, end) from ?start=YYYY-MM-DD&end=YYYY-MM-DD; the last 30 days by default.
    A date that does not exist or is out of range is a 400 with a message."""
    today = timezone.localdate()
    start = _day(request, "start", today - timedelta(days=29))
    end = _day(request, "end", today)
    if end < start:
        start, end = end, start
    tz = timezone.get_current_timezone()
    return (
        datetime.combine(start, time.min, tzinfo=tz),
        datetime.combine(end + timedelta(days=1), time.min, tzinfo=tz),
        start.isoformat(),
        end.isoformat(),
    )


BANK_MODELS = [
    ("roles", "competency"),
    ("roles", "developmentaction"),
    ("roles", "role"),
    ("roles", "rolecompetency"),
    ("roles", "transition"),
    ("roles", "transitionstep"),
    ("quiz", "quiz"),
    ("quiz", "question"),
    ("quiz", "option"),
    ("quiz", "optionscore"),
    ("quiz", "persona"),
]
# The model permissions each editor tool needs; checked in the view, before anything is read.
VIEW_BANK = tuple(f"{app}.view_{model}" for app, model in BANK_MODELS)
EDIT_BANK = tuple(
    f"{app}.{action}_{model}" for app, model in BANK_MODELS for action in ("add", "change", "delete")
)
VIEW_RESULTS = ("quiz.view_result", "quiz.view_attempt")


def requires(*permissions):
    """A view of the editor's workspace that needs every one of these model permissions."""

    def decorate(view):
        @wraps(view)
        def checked(self, request, *args, **kwargs):
            if not request.user.has_perms(permissions):
                raise PermissionDenied(_("You do not have permission to use this tool."))
            return view(self, request, *args, **kwargs)

        return checked

    return decorate


class CareerQuizAdminSite(admin.AdminSite):
    site_header = gettext_lazy("Career Quiz administration")
    site_title = gettext_lazy("Career Quiz admin")
    index_template = "admin/careerquiz_index.html"

    def get_urls(self):
        return [
            path("bank/health/", self.admin_view(self.bank_health_view), name="bank_health"),
            path("bank/rescore/", self.admin_view(self.rescore_view), name="bank_rescore"),
            path("bank/results.csv", self.admin_view(self.results_csv_view), name="results_csv"),
            path("bank/analytics/", self.admin_view(self.analytics_view), name="bank_analytics"),
            path("bank/export.json", self.admin_view(self.bank_export_view), name="bank_export"),
            path("bank/import/", self.admin_view(self.bank_import_view), name="bank_import"),
        ] + super().get_urls()

    def index(self, request, extra_context=None):
        from .bank_health import ERROR, bank_problems

        user = request.user
        can_view_bank = user.has_perms(VIEW_BANK)
        problems = bank_problems() if can_view_bank else []
        return super().index(
            request,
            {
                "bank_errors": [p for p in problems if p.level == ERROR],
                "bank_warnings": [p for p in problems if p.level != ERROR],
                "can_view_bank": can_view_bank,
                "can_edit_bank": can_view_bank and user.has_perms(EDIT_BANK),
                "can_view_results": user.has_perms(VIEW_RESULTS),
                "can_rescore": can_view_bank and user.has_perms(VIEW_RESULTS),
                "can_see_analytics": user.has_perms((*VIEW_RESULTS, "quiz.view_quiz")),
                **(extra_context or {}),
            },
        )

    @requires(*VIEW_BANK)
    def bank_health_view(self, request):
        from .bank_health import bank_problems

        problems = bank_problems()
        return TemplateResponse(
            request,
            "admin/bank_health.html",
            {
                **self.each_context(request),
                "title": _("Bank health"),
                "problems": problems,
                "errors": sum(1 for p in problems if p.level == "error"),
            },
        )

    @requires(*VIEW_BANK, *VIEW_RESULTS)
    def rescore_view(self, request):
        from .rescore import rescore_preview

        return TemplateResponse(
            request,
            "admin/rescore.html",
            {**self.each_context(request), "title": _("Re-score preview"), "preview": rescore_preview()},
        )

    @requires(*VIEW_RESULTS, "quiz.view_quiz")
    def analytics_view(self, request):
        from .analytics import quiz_analytics
        from .charts import bar_chart
        from .models import Quiz

        start, end, start_label, end_label = date_range(request)
        quizzes = list(Quiz.objects.order_by("title"))
        quiz = next(
            (q for q in quizzes if q.slug == request.GET.get("quiz")), quizzes[0] if quizzes else None
        )
        data = quiz_analytics(quiz, start, end) if quiz else None
        sections = []
        if data:
            sections = [
                {
                    "title": _("Attempts started per day"),
                    "chart": bar_chart([(d.isoformat(), n) for d, n in data.started_per_day]),
                    "headers": [_("day"), _("started")],
                    "rows": [(d.isoformat(), n) for d, n in data.started_per_day],
                },
                {
                    "title": _("Attempts completed per day"),
                    "chart": bar_chart([(d.isoformat(), n) for d, n in data.completed_per_day]),
                    "headers": [_("day"), _("completed")],
                    "rows": [(d.isoformat(), n) for d, n in data.completed_per_day],
                },
                {
                    "title": _("Drop-off per question (exits ÷ views)"),
                    "chart": bar_chart(
                        [(f"{q['position']}. {q['text']}", q["rate"]) for q in data.drop_off], unit="%"
                    ),
                    "headers": [_("question"), _("views"), _("exits"), _("drop-off")],
                    "rows": [
                        (f"{q['position']}. {q['text']}", q["views"], q["exits"], f"{q['rate']:.1f}%")
                        for q in data.drop_off
                    ],
                },
                {
                    "title": _("Recommended roles"),
                    "chart": bar_chart(data.roles),
                    "headers": [_("role"), _("results")],
                    "rows": data.roles,
                },
                {
                    "title": _("Median time per question"),
                    "chart": bar_chart(
                        [
                            (f"{q['position']}. {q['text']}", q["seconds"] or 0.0)
                            for q in data.median_question_seconds
                        ],
                        unit=" s",
                    ),
                    "headers": [_("question"), _("median seconds")],
                    "rows": [
                        (
                            f"{q['position']}. {q['text']}",
                            "–" if q["seconds"] is None else f"{q['seconds']:.1f}",
                        )
                        for q in data.median_question_seconds
                    ],
                },
            ]
        return TemplateResponse(
            request,
            "admin/analytics.html",
            {
                **self.each_context(request),
                "title": _("Quiz analytics"),
                "quizzes": quizzes,
                "quiz": quiz,
                "start": start_label,
                "end": end_label,
                "data": data,
                "sections": sections,
            },
        )

    @requires(*VIEW_BANK)
    def bank_export_view(self, request):
        from .bank import export_bank

        response = HttpResponse(
            json.dumps(export_bank(), indent=2, ensure_ascii=False) + "\n",
            content_type="application/json; charset=utf-8",
        )
        response["Content-Disposition"] = (
            f'attachment; filename="careerquiz-bank-{timezone.localdate().isoformat()}.json"'
        )
        return response

    @requires(*VIEW_BANK, *EDIT_BANK)
    def bank_import_view(self, request):
        """Upload a bank file: a dry run first shows what would be added, changed and
        removed; applying it is a second, explicit step. A malformed file changes nothing."""
        from django.contrib.admin.models import CHANGE, LogEntry

        from .bank import BankError, import_bank
        from .models import Quiz

        context = {**self.each_context(request), "title": _("Upload a question bank")}
        status = 200
        if request.method == "POST":
            raw = request.POST.get("bank_json") if request.POST.get("action") == "apply" else None
            if raw is None:
                upload = request.FILES.get("bank_file")
                if upload is not None and upload.size > settings.BANK_UPLOAD_MAX_BYTES:
                    # Refused before reading it: what can be previewed must also fit the
                    # form that applies it.
                    context["errors"] = [
                        _("The file is %(size)s; a bank file may be at most %(limit)s.")
                        % {
                            "size": filesizeformat(upload.size),
                            "limit": filesizeformat(settings.BANK_UPLOAD_MAX_BYTES),
                        }
                    ]
                    return TemplateResponse(request, "admin/bank_import.html", context, status=413)
                raw = upload.read().decode("utf-8", errors="replace") if upload else ""
            try:
                data = json.loads(raw)
            except (json.JSONDecodeError, RecursionError) as exc:
                context["errors"] = [_("Not valid JSON: %(error)s") % {"error": exc}]
                status = 422
            else:
                apply = request.POST.get("action") == "apply"
                try:
                    report = import_bank(data, dry_run=not apply)
                except BankError as exc:
                    context["errors"] = exc.errors
                    status = 422
                else:
                    context.update({"report": report, "applied": apply, "bank_json": raw})
                    if apply:
                        for quiz in Quiz.objects.all():
                            LogEntry.objects.log_actions(
                                request.user.pk,
                                [quiz],
                                CHANGE,
                                change_message=_("Bank uploaded: %(summary)s")
                                % {"summary": report.summary()},
                                single_object=True,
                            )
                        messages.success(
                            request, _("Bank uploaded: %(summary)s.") % {"summary": report.summary()}
                        )
        return TemplateResponse(request, "admin/bank_import.html", context, status=status)

    @requires(*VIEW_RESULTS)
    def results_csv_view(self, request):
        from .models import Result

        start, end, start_label, end_label = date_range(request)
        rows = (
            Result.objects.real()
            .filter(created_at__gte=start, created_at__lt=end)
            .order_by("created_at")
            .values_list(
                "uuid",
                "created_at",
                "attempt__quiz__slug",
                "attempt__started_at",
                "recommended_role_slug",
                "match",
                "snapshot__current_role",
                "engine_version",
            )
        )
        writer = csv.writer(_Echo())
        header = [
            _("result"),
            _("completed"),
            _("quiz"),
            _("started"),
            _("recommended role"),
            _("match"),
            _("current role"),
            _("engine"),
        ]

        def lines():
            yield "\ufeff" + writer.writerow(header)
            for row in rows.iterator(chunk_size=2000):
                yield writer.writerow([spreadsheet_safe(cell) for cell in row])

        response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = (
            f'attachment; filename="careerquiz-results-{start_label}-{end_label}.csv"'
        )
        return response


class CareerQuizAdminConfig(AdminConfig):
    default_site = "quiz.admin_site.CareerQuizAdminSite"
