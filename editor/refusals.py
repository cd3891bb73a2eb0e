"""Refusals inside the admin: a user who may not do something gets a page in the admin's
own layout that names the permission they lack, who can grant it, and a way back, never a
bare 403 in the public site's layout."""

from __future__ import annotations

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db.models import Q
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

# The actions of a model's admin URLs (``<app>_<model>_<action>``) and the permission each
# needs; any other action of ours changes the object.
_READS = {"changelist", "history", "change", "preview"}
GRANTERS_SHOWN = 3


def needed_permission(request, admin_site) -> str | None:
    """The permission an admin URL needs ("app.codename"), or None for the site's own views."""
    match = getattr(request, "resolver_match", None)
    name = match.url_name if match else ""
    for model in apps.get_models():
        if not admin_site.is_registered(model):
            continue
        prefix = f"{model._meta.app_label}_{model._meta.model_name}_"
        if name and name.startswith(prefix):
            action = name.removeprefix(prefix)
            if action in ("add", "delete"):
                verb = action
            elif action in _READS and request.method in ("GET", "HEAD"):
                verb = "view"
            else:
                verb = "change"
            return f"{model._meta.app_label}.{verb}_{model._meta.model_name}"
    return None


def permission_names(codes) -> list[str]:
    """ "app.codename" as people read it: “Can change question”."""
    names = []
    for code in codes:
        app, _dot, codename = code.partition(".")
        found = Permission.objects.filter(content_type__app_label=app, codename=codename).first()
        names.append(f"“{found.name}” ({code})" if found else code)
    return names


def granters() -> list[str]:
    """Who can grant a permission: active staff who can change users (superusers first)."""
    can_change_users = Q(user_permissions__codename="change_user") | Q(
        groups__permissions__codename="change_user"
    )
    users = (
        get_user_model()
        .objects.filter(is_active=True, is_staff=True)
        .filter(Q(is_superuser=True) | can_change_users)
        .distinct()
        .order_by("-is_superuser", "username")
    )
    return [user.get_username() for user in users[:GRANTERS_SHOWN]]


def refusal(request, admin_site, exception) -> TemplateResponse:
    """The admin's page for a PermissionDenied: its message, the permissions missing (those
    an ``editor.permissions.requires`` view names, or the one the admin URL needs)."""
    missing = getattr(exception, "permissions", None)
    if missing is None:
        needed = needed_permission(request, admin_site)
        missing = [needed] if needed and not request.user.has_perm(needed) else []
    else:
        missing = [code for code in missing if not request.user.has_perm(code)]
    return TemplateResponse(
        request,
        "admin/refused.html",
        {
            **admin_site.each_context(request),
            "title": _("You cannot do this here"),
            "reason": str(exception) if exception is not None and str(exception) else "",
            "missing": permission_names(missing),
            "granters": granters(),
            "back": request.META.get("HTTP_REFERER", "") if _same_site(request) else "",
        },
        status=403,
    )


def _same_site(request) -> bool:
    referer = request.META.get("HTTP_REFERER", "")
    return referer.startswith(request.build_absolute_uri("/"))
