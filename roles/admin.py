from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from careerquiz.adminlabels import LabelledFieldsMixin

from .models import Competency, DevelopmentAction, Role, RoleCompetency, Transition, TransitionStep


class RoleCompetencyInline(LabelledFieldsMixin, admin.TabularInline):
    model = RoleCompetency
    extra = 0


class TransitionOutInline(LabelledFieldsMixin, admin.TabularInline):
    model = Transition
    fk_name = "from_role"
    extra = 0
    fields = ["to_role", "typical_months", "summary"]
    show_change_link = True
    verbose_name = _("route out")
    verbose_name_plural = _("routes out (edit the steps on the transition)")


@admin.register(Role)
class RoleAdmin(LabelledFieldsMixin, admin.ModelAdmin):
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
    inlines = [RoleCompetencyInline, TransitionOutInline]
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
                    "salary_source",
                    "salary_source_url",
                    ("salary_year", "salary_region", "salary_basis"),
                    "pay_note",
                ]
            },
        ),
    ]


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
    list_display = ["__str__", "typical_months"]
    fields = ["from_role", "to_role", "typical_months", "months_basis", "summary", "sources"]
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
