"""Which model permissions each editor tool needs. Checked by ``requires`` on the view,
before anything is read; the admin index shows a tool only to those who may use it."""

from __future__ import annotations

from functools import wraps

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

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
VIEW_BANK = tuple(f"{app}.view_{model}" for app, model in BANK_MODELS)
EDIT_BANK = tuple(
    f"{app}.{action}_{model}" for app, model in BANK_MODELS for action in ("add", "change", "delete")
)
VIEW_RESULTS = ("quiz.view_result", "quiz.view_attempt")
VIEW_ANALYTICS = (*VIEW_RESULTS, "quiz.view_quiz")


class MissingPermissions(PermissionDenied):
    """Refused for want of these permissions ("app.codename"): the admin's refusal page
    names those the user lacks (editor/refusals.py)."""

    def __init__(self, message: str, permissions):
        super().__init__(message)
        self.permissions = list(permissions)


def requires(*permissions):
    """An editor view that needs every one of these model permissions (staff login is
    the admin site's own check, around it)."""

    def decorate(view):
        @wraps(view)
        def checked(request, *args, **kwargs):
            if not request.user.has_perms(permissions):
                raise MissingPermissions(_("You do not have permission to use this tool."), permissions)
            return view(request, *args, **kwargs)

        checked.permissions = permissions
        return checked

    return decorate


def tools(user) -> dict[str, bool]:
    """What the index offers this user: each tool only with its permissions."""
    can_view_bank = user.has_perms(VIEW_BANK)
    return {
        "can_view_bank": can_view_bank,
        "can_edit_bank": can_view_bank and user.has_perms(EDIT_BANK),
        "can_view_results": user.has_perms(VIEW_RESULTS),
        "can_rescore": can_view_bank and user.has_perms(VIEW_RESULTS),
        "can_see_analytics": user.has_perms(VIEW_ANALYTICS),
    }
