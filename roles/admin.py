from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from careerquiz.adminlabels import LabelledFieldsMixin
from careerquiz.workbench import OnePageAdminMixin, object_action_url

from .charts import build_chart
from .editing import RowValues, role_duplicate, role_page_save
from .models import Competency, DevelopmentAction, Role, RoleCompetency, Transition, TransitionStep
from .views import expected_rows, ordered_competencies

PROFILE_PERMISSIONS = tuple(f"roles.{action}_rolecompetency" for action in ("add", "change", "delete"))


def _chosen_text(field: forms.BoundField) -> str:
    """The words of a select's chosen value, for a page shown read-only."""
    value = str(field.value() if field.value() is not None else "")
    return next((str(text) for key, text in field.field.choices if str(key) == value), "")


class RoleForm(forms.ModelForm):
    """A role's own fields and its whole profile: for every competency an expected level
    (0–4, with what each level means for it, or left out of the profile) and an importance
    (1–3). Rows are read from the database; a competency id is never taken from the page."""

    profile_editable = True

    class Meta:
        model = Role
        fields = "__all__"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.competencies = list(Competency.objects.by_kind())
        saved = {row.competency_id: row for row in self.instance.profile.all()} if self.instance.pk else {}
        importance = [(value, f"{value} · {label}") for value, label in RoleCompetency.Importance.choices]
        for competency in self.competencies:
            row = saved.get(competency.pk)
            level_choices = [(n, f"{n} · {words}") for n, words in enumerate(competency.level_words())]
            self.fields[self.level_name(competency)] = forms.TypedChoiceField(
                label=gettext("Expected level of “%(name)s”") % {"name": competency.name},
                choices=[("", gettext("not in this profile")), *level_choices],
                coerce=int,
                empty_value=None,
                required=False,
                initial=row.level if row else None,
                disabled=not self.profile_editable,
            )
            self.fields[self.importance_name(competency)] = forms.TypedChoiceField(
                label=gettext("Importance of “%(name)s”") % {"name": competency.name},
                choices=importance,
                coerce=int,
                initial=row.importance if row else RoleCompetency.Importance.MEDIUM,
                disabled=not self.profile_editable,
            )

    @staticmethod
    def level_name(competency: Competency) -> str:
        return f"profile-{competency.pk}-level"

    @staticmethod
    def importance_name(competency: Competency) -> str:
        return f"profile-{competency.pk}-importance"

    def cleaned_profile(self) -> dict[Competency, RowValues]:
        """After validation: each competency's level and importance, None where left out."""
        profile = {}
        for c in self.competencies:
            level = self.cleaned_data[self.level_name(c)]
            importance = self.cleaned_data[self.importance_name(c)]
            profile[c] = None if level is None else {"level": level, "importance": importance}
        return profile

    def profile_levels(self) -> dict[int, int]:
        """The expected levels on the page, by competency id: as posted (those that are
        valid) or as saved. What the preview draws."""
        if self.is_bound:
            self.is_valid()
            values = self.cleaned_data
        else:
            values = {name: field.initial for name, field in self.fields.items()}
        levels = {c.pk: values.get(self.level_name(c)) for c in self.competencies}
        return {pk: level for pk, level in levels.items() if level is not None}

    def profile_groups(self) -> list[dict]:
        """The profile's rows for the page, one table per kind of competency."""
        groups = []
        captions = {
            Competency.Kind.SKILL: gettext("Skills"),
            Competency.Kind.PREFERENCE: gettext("Preferences"),
            Competency.Kind.EXPERIENCE: gettext("Experience facts"),
        }
        for kind in Competency.Kind:
            rows = []
            for c in (c for c in self.competencies if c.kind == kind):
                level, importance = self[self.level_name(c)], self[self.importance_name(c)]
                rows.append(
                    {
                        "competency": c,
                        "level": level,
                        "importance": importance,
                        "level_text": _chosen_text(level),
                        "importance_text": _chosen_text(importance)
                        if level.value() not in ("", None)
                        else "",
                    }
                )
            if rows:
                groups.append({"label": captions[kind], "rows": rows})
        return groups


class TransitionOutInline(LabelledFieldsMixin, admin.TabularInline):
    model = Transition
    fk_name = "from_role"
    extra = 0
    fields = ["to_role", "typical_months", "commonness", "summary"]
    show_change_link = True
    verbose_name = _("route out")
    verbose_name_plural = _("routes out (edit the steps on the transition)")


@admin.register(Role)
class RoleAdmin(OnePageAdminMixin, LabelledFieldsMixin, admin.ModelAdmin):
    """A role and its whole profile on one page, with a live preview of its profile chart,
    and “Duplicate this role” to start a new role from a similar one."""

    form = RoleForm
    preview_title = _("Preview: the profile chart as job seekers see it on the role's page")
    list_display = [
        "name",
        "family",
        "seniority",
        "recommendable",
        "active",
        "salary_median",
        "salary_year",
        "order",
    ]
    list_editable = ["order"]
    list_filter = ["family", "seniority", "recommendable", "active"]
    search_fields = ["name", "slug", "summary"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [TransitionOutInline]
    fieldsets = [
        (None, {"fields": ["name", "slug", "family", "seniority", "recommendable", "active", "order"]}),
        (
            _("Description"),
            {
                "fields": [
                    "summary",
                    "aliases",
                    "responsibilities",
                    "typical_week",
                    "leadership_style",
                    "company_context",
                    "sources",
                ]
            },
        ),
        (
            _("Scope"),
            {
                "fields": [
                    "scope_teams",
                    "scope_reports",
                    "scope_budget",
                    "scope_horizon",
                    "reports_to",
                    "experience",
                ]
            },
        ),
        (
            _("Salary (always with source and year)"),
            {
                "fields": [
                    ("salary_low", "salary_median", "salary_high", "salary_currency"),
                    ("salary_low_percentile", "salary_high_percentile", "salary_high_open"),
                    ("salary_occupation", "salary_proxy"),
                    "salary_source",
                    "salary_source_url",
                    ("salary_year", "salary_region", "salary_basis"),
                    "pay_note",
                ]
            },
        ),
        (
            _("Getting hired (the last step of every plan to this role)"),
            {
                "fields": [
                    "search_titles",
                    "search_evidence",
                    "search_network",
                    "search_interviews",
                    "search_offer",
                ]
            },
        ),
    ]

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        # Without the permissions on expected levels, the profile is shown but not changed.
        editable = request.user.has_perms(PROFILE_PERMISSIONS)
        return type(form.__name__, (form,), {"profile_editable": editable})

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        form = context["adminform"].form
        context["profile_editable"] = form.profile_editable and (
            self.has_add_permission(request) if add else self.has_change_permission(request, obj)
        )
        context["can_duplicate"] = obj is not None and self._may_duplicate(request)
        return super().render_change_form(request, context, add, change, form_url, obj)

    def save_page(self, request, form, formsets, change):
        role_page_save(form=form, formsets=formsets)

    def render_preview(self, request, obj, form, formsets):
        chart = build_chart(expected_rows(ordered_competencies(), form.profile_levels()))
        name = (form.cleaned_data.get("name") if form.is_bound else None) or (obj.name if obj else "")
        return TemplateResponse(
            request,
            "roles/profile-preview.html",
            {"role": {"name": name or gettext("New role")}, "chart": chart},
        )

    def get_urls(self):
        return [object_action_url(self, "duplicate", self.duplicate_view), *super().get_urls()]

    def _may_duplicate(self, request) -> bool:
        return self.has_add_permission(request) and request.user.has_perm("roles.add_rolecompetency")

    def duplicate_view(self, request, object_id):
        role = self.get_object(request, object_id)
        if role is None:
            raise Http404(gettext("No such role."))
        if not (self.has_view_or_change_permission(request, role) and self._may_duplicate(request)):
            raise PermissionDenied
        copy = role_duplicate(role=role)
        self.log_addition(request, copy, gettext("Duplicated from “%(name)s”.") % {"name": role.name})
        self.message_user(
            request,
            gettext(
                "“%(copy)s” is a copy of “%(name)s” with its profile. It is inactive: job seekers do not see "
                "it until you give it a name and profile of its own and make it active."
            )
            % {"copy": copy.name, "name": role.name},
            messages.SUCCESS,
        )
        return HttpResponseRedirect(reverse("admin:roles_role_change", args=[copy.pk]))


class DevelopmentActionInline(LabelledFieldsMixin, admin.TabularInline):
    model = DevelopmentAction
    extra = 0
    fields = ["level", "text", "order"]


@admin.register(Competency)
class CompetencyAdmin(LabelledFieldsMixin, admin.ModelAdmin):
    inlines = [DevelopmentActionInline]
    list_display = ["name", "kind", "order"]
    list_editable = ["order"]
    list_filter = ["kind"]
    search_fields = ["name", "slug", "description"]
    prepopulated_fields = {"slug": ["name"]}


class TransitionStepInline(LabelledFieldsMixin, admin.StackedInline):
    model = TransitionStep
    extra = 0
    fields = [("order", "title"), "detail", ("competency", "resource_url"), ("done_when", "done_at_level")]


@admin.register(Transition)
class TransitionAdmin(LabelledFieldsMixin, admin.ModelAdmin):
    list_display = ["__str__", "typical_months", "commonness"]
    fields = ["from_role", "to_role", "typical_months", "commonness", "months_basis", "summary", "sources"]
    list_filter = ["from_role", "to_role"]
    search_fields = ["from_role__name", "to_role__name", "summary"]
    inlines = [TransitionStepInline]


@admin.register(RoleCompetency)
class RoleCompetencyAdmin(LabelledFieldsMixin, admin.ModelAdmin):
    list_display = ["role", "competency", "level", "importance"]
    list_filter = ["role", "competency__kind", "importance"]
    search_fields = ["role__name", "competency__name"]


@admin.register(TransitionStep)
class TransitionStepAdmin(LabelledFieldsMixin, admin.ModelAdmin):
    list_display = ["title", "transition", "order", "competency"]
    list_filter = ["competency"]
    search_fields = ["title", "detail"]
