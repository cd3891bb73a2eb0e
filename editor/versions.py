"""Versions of the bank for editors: the list, a readable difference between any two, and
restoring one after a check of what it would change (quiz/revisions.py does the work)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.admin.models import CHANGE, LogEntry
from django.core.exceptions import BadRequest
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from quiz.bank import BankError, export_bank, import_bank
from quiz.models import BankRevision, Quiz
from quiz.revisions import bank_of, restore_revision

from .permissions import EDIT_BANK, VIEW_BANK, requires
from .preview import changes_between, dry_run_effect
from .views import _page

PER_PAGE = 50


@require_safe
@requires(*VIEW_BANK)
def versions(request: HttpRequest) -> HttpResponse:
    page = Paginator(BankRevision.objects.select_related("author").defer("compressed"), PER_PAGE).get_page(
        request.GET.get("page")
    )
    rows = list(page.object_list)
    # Each version is compared with the one before it (the next row, or the next page's first).
    earlier = [*(r.pk for r in rows[1:]), _first_before(rows[-1]) if rows else None]
    return _page(
        request,
        "editor/versions.html",
        _("Bank versions"),
        {
            "page": page,
            "rows": list(zip(rows, earlier, strict=True)),
            "latest": BankRevision.objects.only("pk").first(),
            "can_restore": request.user.has_perms(EDIT_BANK),
        },
    )


def _first_before(revision: BankRevision) -> int | None:
    older = BankRevision.objects.filter(created_at__lte=revision.created_at).exclude(pk=revision.pk)
    return older.values_list("pk", flat=True).first()


def _revision_param(request: HttpRequest, name: str) -> BankRevision:
    raw = request.GET.get(name, "")
    if not raw.isdigit():
        raise BadRequest(_("Choose two versions to compare."))
    return get_object_or_404(BankRevision, pk=int(raw))


@require_safe
@requires(*VIEW_BANK)
def version_diff(request: HttpRequest) -> HttpResponse:
    """What changed from one version (``from``) to another (``to``)."""
    before, after = _revision_param(request, "from"), _revision_param(request, "to")
    changes = changes_between(bank_of(before), bank_of(after))
    return _page(
        request,
        "editor/version_diff.html",
        _("Changes between two bank versions"),
        {"before": before, "after": after, "changes": changes},
    )


@require_http_methods(["GET", "POST"])
@requires(*VIEW_BANK, *EDIT_BANK)
def version_restore(request: HttpRequest, pk: int) -> HttpResponse:
    """Restoring goes through the same check as any change: GET shows what would change
    (before → after) and what it would do (personas, results, bank health); the confirm
    button POSTs. A version that would leave the quiz incomplete is refused."""
    revision = get_object_or_404(BankRevision, pk=pk)
    target = bank_of(revision)
    try:
        report, effect, refused = dry_run_effect(lambda: import_bank(target))
    except BankError as exc:
        messages.error(
            request,
            _("Version %(n)d cannot be restored: %(errors)s")
            % {"n": revision.pk, "errors": "; ".join(exc.errors[:5])},
        )
        return redirect("admin:bank_versions")
    if request.method == "POST" and not refused:
        request.bank_version_recorded = True  # by restore_revision itself, with its summary
        try:
            report = restore_revision(revision, author=request.user)
        except BankError as exc:  # the bank changed since the check: nothing was written
            messages.error(
                request,
                _("This version cannot be restored: %(errors)s") % {"errors": "; ".join(exc.errors[:5])},
            )
            return redirect("admin:bank_versions")
        _log_restore(request, revision, report.summary())
        messages.success(
            request,
            _("The bank is back to version %(n)d of %(when)s: %(summary)s.")
            % {
                "n": revision.pk,
                "when": f"{revision.created_at:%Y-%m-%d %H:%M}",
                "summary": report.summary(),
            },
        )
        return redirect("admin:bank_versions")
    changes = changes_between(export_bank(), target)
    return _page(
        request,
        "editor/version_restore.html",
        _("Check this restore before it goes live"),
        {"revision": revision, "changes": changes, "effect": effect, "refused": refused, "report": report},
        status=422 if refused and request.method == "POST" else 200,
    )


def _log_restore(request: HttpRequest, revision: BankRevision, summary: str) -> None:
    """A restore in every quiz's History, as an upload is (editor/views.py)."""
    for quiz in Quiz.objects.all():
        LogEntry.objects.log_actions(
            request.user.pk,
            [quiz],
            CHANGE,
            change_message=_("Version %(n)d restored: %(summary)s") % {"n": revision.pk, "summary": summary},
            single_object=True,
        )
