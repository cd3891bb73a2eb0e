"""Every change applied in the admin records a version of the bank (quiz/revisions.py).

Watching the request rather than each admin page covers them all alike: change and delete
pages with their inlines, list actions, the bank upload, reordering. The version is
recorded once the request's changes are committed, and only when the bank really differs
from the latest version (a previewed change that was rolled back records nothing)."""

from __future__ import annotations

from django.contrib.admin.models import CHANGE, LogEntry
from django.urls import reverse
from django.utils import timezone

from quiz.revisions import SUMMARY_LIMIT, record_revision, watching


def _summary(request, since) -> str:
    """What the request changed: what the view said it did (a move), then the admin's log of
    the request, without its "No fields changed" entries."""
    entries = (
        LogEntry.objects.filter(user=request.user, action_time__gte=since)
        .exclude(action_flag=CHANGE, change_message__in=["", "[]"])
        .order_by("action_time")[:20]
    )
    said = getattr(request, "bank_version_summary", "")
    text = "; ".join([said, *(str(entry) for entry in entries)] if said else [str(e) for e in entries])
    return (text or "Changed in the admin")[:SUMMARY_LIMIT]


def bank_versions_middleware(get_response):
    admin_root = None

    def middleware(request):
        nonlocal admin_root
        admin_root = admin_root or reverse("admin:index")
        if request.method != "POST" or not request.path.startswith(admin_root):
            return get_response(request)
        since = timezone.now()
        with watching() as changed:
            response = get_response(request)
        user = getattr(request, "user", None)
        previewed = getattr(request, "bank_change_previewed", False) or getattr(
            request, "bank_version_recorded", False
        )
        if (
            changed
            and not previewed
            and response.status_code < 400
            and user is not None
            and user.is_authenticated
        ):
            record_revision(author=user, summary=_summary(request, since))
        return response

    return middleware
