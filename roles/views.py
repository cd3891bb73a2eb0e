"""The role explorer: every role, one role in depth, and two roles side by side."""

from __future__ import annotations

from collections.abc import Mapping
from itertools import groupby

from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from .charts import build_chart
from .forms import CompareForm
from .models import Competency, Role, RoleCompetency, Transition
from .routes import Edge, shortest_route


def _with_profile(queryset):
    return queryset.prefetch_related(
        Prefetch("profile", queryset=RoleCompetency.objects.select_related("competency"))
    )


def expected_rows(competencies: list[Competency], levels: Mapping[int, int]) -> list[dict]:
    """The profile chart's rows: each competency with the level a role expects (``levels``
    by competency id; None where its profile leaves the competency out)."""
    return [
        {
            "name": c.name,
            "kind": c.kind,
            "user": None,
            "expected": levels.get(c.pk),
            "low_label": c.low_label,
            "high_label": c.high_label,
        }
        for c in competencies
    ]


def _profile_rows(role: Role, competencies: list[Competency]) -> list[dict]:
    return expected_rows(competencies, {rc.competency_id: rc.level for rc in role.profile.all()})


def ordered_competencies() -> list[Competency]:
    """The competencies in the order the profile chart shows them: skills first."""
    return sorted(Competency.objects.all(), key=lambda c: (c.kind != Competency.Kind.SKILL, c.order, c.name))


def _matches_title(role: Role, query: str) -> bool:
    query = query.casefold()
    return any(query in title.casefold() for title in [role.name, *role.alias_list()])


@require_safe
def index(request: HttpRequest) -> HttpResponse:
    """Every role by family and seniority; ``?q=`` finds roles by their name or another title."""
    query = request.GET.get("q", "").strip()[:100]
    all_roles = list(Role.objects.active().order_by("family", "seniority", "order", "name"))
    roles = [r for r in all_roles if _matches_title(r, query)] if query else all_roles
    family_order = [choice.value for choice in Role.Family]
    roles.sort(key=lambda r: (family_order.index(r.family), r.seniority, r.order, r.name))
    families = [
        {
            "label": Role.Family(family).label,
            "key": family,
            "levels": [
                {"label": Role.Seniority(level).label, "roles": list(level_roles)}
                for level, level_roles in groupby(family_roles, key=lambda r: r.seniority)
            ],
        }
        for family, family_roles in groupby(roles, key=lambda r: r.family)
    ]
    return render(
        request,
        "roles/index.html",
        {"families": families, "compare_form": CompareForm(all_roles), "query": query, "found": roles},
    )


def _transitions():
    return list(
        Transition.objects.select_related("from_role", "to_role").filter(
            from_role__active=True, to_role__active=True
        )
    )


def _route(transitions: list[Transition], start: Role, goal: Role) -> list[Transition] | None:
    edges = [Edge(t.from_role.slug, t.to_role.slug, t.typical_months, t, t.commonness) for t in transitions]
    route = shortest_route(edges, start.slug, goal.slug)
    return None if route is None else [edge.row for edge in route]


@require_safe
def detail(request: HttpRequest, slug: str) -> HttpResponse:
    role = get_object_or_404(_with_profile(Role.objects.active()), slug=slug)
    competencies = ordered_competencies()
    transitions = _transitions()
    return render(
        request,
        "roles/detail.html",
        {
            "role": role,
            "chart": build_chart(_profile_rows(role, competencies)),
            "routes_in": [t for t in transitions if t.to_role_id == role.pk],
            "routes_out": [t for t in transitions if t.from_role_id == role.pk],
        },
    )


@require_safe
def compare(request: HttpRequest) -> HttpResponse:
    roles = list(_with_profile(Role.objects.active()).order_by("order", "name"))
    form = CompareForm(roles, data=request.GET or None)
    context = {"form": form, "roles": roles}
    status = 200
    if request.GET and form.is_valid():
        by_slug = {r.slug: r for r in roles}
        a, b = by_slug[form.cleaned_data["a"]], by_slug[form.cleaned_data["b"]]
        competencies = ordered_competencies()
        rows_a, rows_b = _profile_rows(a, competencies), _profile_rows(b, competencies)
        transitions = _transitions()
        context.update(
            {
                "a": a,
                "b": b,
                "rows": [
                    {
                        "name": ra["name"],
                        "kind": ra["kind"],
                        "a": ra["expected"],
                        "b": rb["expected"],
                        "low_label": ra["low_label"],
                        "high_label": ra["high_label"],
                    }
                    for ra, rb in zip(rows_a, rows_b, strict=True)
                ],
                # Role A's levels drawn as bars, role B's as markers.
                "chart": build_chart(
                    [
                        {**ra, "user": ra["expected"], "expected": rb["expected"]}
                        for ra, rb in zip(rows_a, rows_b, strict=True)
                    ]
                ),
                "route_ab": _route(transitions, a, b) if a != b else [],
                "route_ba": _route(transitions, b, a) if a != b else [],
            }
        )
    elif request.GET:
        status = 400
    return render(request, "roles/compare.html", context, status=status)
