"""The editor's tools, one function view each, with its permissions on top. The admin
site (editor/site.py) mounts them under /admin/bank/ behind its staff login."""

from __future__ import annotations

import csv
import json
from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.models import CHANGE, LogEntry
from django.core.exceptions import BadRequest
from django.db import transaction
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.template.defaultfilters import filesizeformat
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.dateparse import parse_date
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_safe

from quiz.bank import BankError, export_bank, import_bank, located, parse
from quiz.caching import bank_changed
from quiz.jsonfile import NotJSON, read_json
from quiz.models import Quiz, Result

from .health import bank_problems, completeness_gaps
from .permissions import EDIT_BANK, VIEW_BANK, VIEW_RESULTS, requires
from .preview import changes_between, dry_run_effect
from .rescore import rescore_preview


def _page(request: HttpRequest, template: str, title: str, context: dict, status: int = 200):
    return TemplateResponse(
        request, template, {**admin.site.each_context(request), "title": title, **context}, status=status
    )


# --------------------------------------------------------------------------- bank health and re-score


@require_safe
@requires(*VIEW_BANK)
def bank_health(request: HttpRequest) -> HttpResponse:
    problems = bank_problems()
    return _page(
        request,
        "editor/bank_health.html",
        _("Bank health"),
        {"problems": problems, "errors": sum(1 for p in problems if p.level == "error")},
    )


@require_safe
@requires(*VIEW_BANK, *VIEW_RESULTS)
def rescore(request: HttpRequest) -> HttpResponse:
    return _page(request, "editor/rescore.html", _("Re-score preview"), {"preview": rescore_preview()})


# --------------------------------------------------------------------------- date ranges (analytics, results CSV)

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


# --------------------------------------------------------------------------- the bank as a file


@require_safe
@requires(*VIEW_BANK)
def bank_export(request: HttpRequest) -> HttpResponse:
    response = HttpResponse(
        json.dumps(export_bank(), indent=2, ensure_ascii=False) + "\n",
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = (
        f'attachment; filename="careerquiz-bank-{timezone.localdate().isoformat()}.json"'
    )
    return response


class _Refused(Exception):
    def __init__(self, message: str, status: int):
        super().__init__(message)
        self.status = status


def _uploaded_text(request: HttpRequest) -> str:
    """The bank file's text: the file uploaded for a preview, or the previewed text sent
    back to apply it. A file too large to apply is refused before it is read."""
    if request.POST.get("action") == "apply":
        return request.POST.get("bank_json") or ""
    upload = request.FILES.get("bank_file")
    if upload is not None and upload.size > settings.BANK_UPLOAD_MAX_BYTES:
        # What can be previewed must also fit the form that applies it.
        raise _Refused(
            _("The file is %(size)s; a bank file may be at most %(limit)s.")
            % {"size": filesizeformat(upload.size), "limit": filesizeformat(settings.BANK_UPLOAD_MAX_BYTES)},
            413,
        )
    return upload.read().decode("utf-8", errors="replace") if upload else ""


def _read_json(raw: str):
    try:
        return read_json(raw)
    except NotJSON as exc:
        raise BankError([_("Not valid JSON: %(error)s") % {"error": exc} + _json_hint(raw, exc)]) from exc


def _json_hint(raw: str, exc: NotJSON) -> str:
    """JSON's reader names the place where it noticed a mistake: for a missing comma or a
    trailing one, that is the next line. Names the line where the mistake is likely."""
    cause = exc.__cause__
    position = getattr(cause, "pos", None)
    if position is None:
        return ""
    text = raw.removeprefix("\ufeff")
    before = text[:position].rstrip()
    line = before.count("\n") + 1
    if not before or line == getattr(cause, "lineno", line):
        return ""
    return " " + _("The mistake is probably at the end of line %(n)d: “%(end)s”.") % {
        "n": line,
        "end": before.rsplit("\n", 1)[-1].strip()[-40:],
    }


def _checked_import(data, raw: str):
    """Imports the file; its mistakes say where they are (entry, position, line)."""
    try:
        return import_bank(data)
    except BankError as exc:
        raise BankError(located(exc.errors, data, raw)) from exc


def _import_unless_incomplete(data, raw: str):
    """Imports the file, unless the quiz it leaves is not complete (as any change)."""
    gaps_before = completeness_gaps()
    with transaction.atomic():
        report = _checked_import(data, raw)
        refused = sorted(completeness_gaps() - gaps_before)
        if refused:
            transaction.set_rollback(True)
    if refused:
        bank_changed()
        raise BankError([_("Not complete: %(reason)s") % {"reason": reason} for reason in refused])
    return report


def _log_upload(request: HttpRequest, summary: str) -> None:
    for quiz in Quiz.objects.all():
        LogEntry.objects.log_actions(
            request.user.pk,
            [quiz],
            CHANGE,
            change_message=_("Bank uploaded: %(summary)s") % {"summary": summary},
            single_object=True,
        )
    messages.success(request, _("Bank uploaded: %(summary)s.") % {"summary": summary})


@require_http_methods(["GET", "POST"])
@requires(*VIEW_BANK, *EDIT_BANK)
def bank_import(request: HttpRequest) -> HttpResponse:
    """Upload a bank file: a dry run first shows what would be added, changed and
    removed; applying it is a second, explicit step. A malformed file changes nothing."""
    context: dict = {}
    status = 200
    if request.method == "POST":
        apply = request.POST.get("action") == "apply"
        try:
            raw = _uploaded_text(request)
            data = _read_json(raw)
            if apply:
                report = _import_unless_incomplete(data, raw)
            else:
                report, effect, refused = dry_run_effect(lambda: _checked_import(data, raw))
                changes = changes_between(export_bank(), parse(data).dump())
                context.update({"effect": effect, "refused": refused, "changes": changes})
        except _Refused as exc:
            context["errors"], status = [str(exc)], exc.status
        except BankError as exc:
            context["errors"], status = exc.errors, 422
        else:
            context.update({"report": report, "applied": apply, "bank_json": raw})
            if apply:
                _log_upload(request, report.summary())
    return _page(request, "editor/bank_import.html", _("Upload a question bank"), context, status)


# --------------------------------------------------------------------------- results CSV

# Cells a spreadsheet would read as a formula (or that hide one after a tab or return).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value) -> str:
    """Neutralises formula injection: such a cell starts with an apostrophe instead."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


class _Echo:
    def write(self, value):
        return value


RESULT_COLUMNS = {
    "uuid": gettext_lazy("result"),
    "created_at": gettext_lazy("completed"),
    "attempt__quiz__slug": gettext_lazy("quiz"),
    "attempt__started_at": gettext_lazy("started"),
    "recommended_role_slug": gettext_lazy("recommended role"),
    "match": gettext_lazy("match"),
    "snapshot__current_role": gettext_lazy("current role"),
    "engine_version": gettext_lazy("engine"),
    "snapshot__confidence__level": gettext_lazy("confidence"),
    "snapshot__confidence__reasons": gettext_lazy("confidence reasons"),
    "snapshot__answers": gettext_lazy("answers"),
}


def _cell(value) -> str:
    """A cell's text: a list as its items joined by "|", the answers (question slug → option
    slugs or a scale value) as "question=answer" joined by "; "."""
    if isinstance(value, dict):
        return "; ".join(f"{key}={_cell(item)}" for key, item in sorted(value.items()))
    if isinstance(value, list | tuple):
        return "|".join(_cell(item) for item in value)
    return "" if value is None else str(value)


# Rows fetched from the database at a time (a server-side cursor on PostgreSQL), and rows
# sent to the client in one piece of the response.
CSV_FETCH_ROWS = 2000
CSV_SEND_ROWS = 500


@require_safe
@requires(*VIEW_RESULTS)
def results_csv(request: HttpRequest) -> StreamingHttpResponse:
    """Job seekers' results in a date range, streamed in chunks: memory stays the same for
    any number of results (the benchmark checks it over a million attempts)."""
    start, end, start_label, end_label = date_range(request)
    rows = (
        Result.objects.real()
        .filter(created_at__gte=start, created_at__lt=end)
        .order_by("created_at")
        .values_list(*RESULT_COLUMNS)
    )
    writer = csv.writer(_Echo())

    def lines():
        yield "\ufeff" + writer.writerow([str(name) for name in RESULT_COLUMNS.values()])
        piece = []
        for row in rows.iterator(chunk_size=CSV_FETCH_ROWS):
            piece.append(writer.writerow([spreadsheet_safe(_cell(cell)) for cell in row]))
            if len(piece) == CSV_SEND_ROWS:
                yield "".join(piece)
                piece = []
        if piece:
            yield "".join(piece)

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="careerquiz-results-{start_label}-{end_label}.csv"'
    )
    return response
