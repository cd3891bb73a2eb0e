"""Versions of the bank for editors: the list, a readable difference between any two, and
restoring one in one click (quiz/revisions.py does the work)."""

from __future__ import annotations

import json

from django.contrib import messages
from django.core.exceptions import BadRequest
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from quiz.bank import BankError
from quiz.bank.diff import bank_diff
from quiz.models import BankRevision
from quiz.revisions import bank_of, restore_revision

from .permissions import EDIT_BANK, VIEW_BANK, requires
from .views import _page

PER_PAGE = 50
SHOWN_CHARACTERS = 300


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


def _shown(value) -> str:
    if value is None:
        return ""
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, indent=1)
    return text if len(text) <= SHOWN_CHARACTERS else text[:SHOWN_CHARACTERS] + " …"


@require_safe
@requires(*VIEW_BANK)
def version_diff(request: HttpRequest) -> HttpResponse:
    """What changed from one version (``from``) to another (``to``)."""
    before, after = _revision_param(request, "from"), _revision_param(request, "to")
    changes = [
        {"place": c.place, "kind": c.kind, "before": _shown(c.before), "after": _shown(c.after)}
        for c in bank_diff(bank_of(before), bank_of(after))
    ]
    return _page(
        request,
        "editor/version_diff.html",
        _("Changes between two bank versions"),
        {"before": before, "after": after, "changes": changes},
    )


@require_POST
@requires(*VIEW_BANK, *EDIT_BANK)
def version_restore(request: HttpRequest, pk: int) -> HttpResponse:
    revision = get_object_or_404(BankRevision, pk=pk)
    request.bank_version_recorded = True  # by restore_revision itself, with its summary
    try:
        report = restore_revision(revision, author=request.user)
    except BankError as exc:
        messages.error(
            request,
            _("This version cannot be restored: %(errors)s") % {"errors": "; ".join(exc.errors[:5])},
        )
    else:
        messages.success(
            request,
            _("The bank is back to the version of %(when)s: %(summary)s.")
            % {"when": f"{revision.created_at:%Y-%m-%d %H:%M}", "summary": report.summary()},
        )
    return redirect("admin:bank_versions")
