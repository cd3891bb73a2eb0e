"""The admin site of Career Quiz: Django's admin with the editor's tools mounted under
/admin/bank/, an index that opens on the bank's health, and a banner on every page while
a calibration persona fails."""

from __future__ import annotations

from functools import wraps

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.urls import path
from django.utils.translation import gettext_lazy

from quiz.calibration import failing_personas

from . import item_analysis, versions, views
from .health import ERROR, bank_problems
from .landing import landing
from .permissions import VIEW_BANK, tools
from .preview import PREVIEWED, PreviewBeforeApply
from .refusals import refusal

TOOLS = [
    ("bank/health/", views.bank_health, "bank_health"),
    ("bank/rescore/", views.rescore, "bank_rescore"),
    ("bank/results.csv", views.results_csv, "results_csv"),
    ("bank/analytics/", item_analysis.analytics, "bank_analytics"),
    ("bank/analytics/questions/<int:pk>/", item_analysis.question_analytics, "bank_question_analytics"),
    ("bank/analytics/rollup/", item_analysis.analytics_rollup, "bank_analytics_rollup"),
    ("bank/export.json", views.bank_export, "bank_export"),
    ("bank/import/", views.bank_import, "bank_import"),
    ("bank/versions/", versions.versions, "bank_versions"),
    ("bank/versions/compare/", versions.version_diff, "bank_version_diff"),
    ("bank/versions/<int:pk>/restore/", versions.version_restore, "bank_version_restore"),
]


class CareerQuizAdminSite(admin.AdminSite):
    site_header = gettext_lazy("Career Quiz administration")
    site_title = gettext_lazy("Career Quiz admin")
    index_template = "editor/index.html"

    def register(self, model_or_iterable, admin_class=None, **options):
        """Bank tables whose changes move recommendations are previewed before they
        are applied (editor/preview.py)."""
        models = [model_or_iterable] if isinstance(model_or_iterable, type) else list(model_or_iterable)
        for model in models:
            chosen = admin_class or admin.ModelAdmin
            if (model._meta.app_label, model._meta.model_name) in PREVIEWED:
                chosen = type(chosen.__name__, (PreviewBeforeApply, chosen), {})
            super().register(model, chosen, **options)

    def admin_view(self, view, cacheable=False):
        """Every admin view, with a refusal in the admin's layout that names the missing
        permission (editor/refusals.py) instead of the public site's bare 403."""
        checked = super().admin_view(view, cacheable)

        @wraps(checked)
        def refusing_in_the_admin(request, *args, **kwargs):
            try:
                return checked(request, *args, **kwargs)
            except PermissionDenied as exc:
                return refusal(request, self, exc)

        return refusing_in_the_admin

    def get_urls(self):
        return [
            path(route, self.admin_view(view), name=name) for route, view, name in TOOLS
        ] + super().get_urls()

    def each_context(self, request):
        context = super().each_context(request)
        user = getattr(request, "user", None)
        match = getattr(request, "resolver_match", None)
        # Every bank page warns while an edit made a persona lose its role (the index says
        # it in its health summary instead).
        if (
            user is not None
            and user.is_active
            and user.has_perms(VIEW_BANK)
            and match
            and match.url_name != "index"
        ):
            context["failing_personas"] = failing_personas()
        return context

    def index(self, request, extra_context=None):
        allowed = tools(request.user)
        problems = bank_problems() if allowed["can_view_bank"] else []
        return super().index(
            request,
            {
                "bank_errors": [p for p in problems if p.level == ERROR],
                "bank_warnings": [p for p in problems if p.level != ERROR],
                **allowed,
                **landing(request.user),
                **(extra_context or {}),
            },
        )
