"""The role explorer: every role, one role in depth, and two roles side by side."""

from __future__ import annotations

import difflib
from collections.abc import Mapping

from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
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


# difflib's similarity (0 to 1) from which a title counts as near a search that found
# nothing: "prodcut manger" finds Product Manager, "head of engineering" no role at all.
NEAR_TITLE_CUTOFF = 0.6
NEAR_TITLE_LIMIT = 3


def _near_roles(query: str, roles: list[Role]) -> list[Role]:
    """Roles whose name or other title is close to a search that matched none (a typo, a
    word left out), the closest first."""
    titles: dict[str, Role] = {}
    for role in roles:
        for title in [role.name, *role.alias_list()]:
            titles.setdefault(title.casefold(), role)
    near: list[Role] = []
    for title in difflib.get_close_matches(query.casefold(), titles, n=20, cutoff=NEAR_TITLE_CUTOFF):
        if titles[title] not in near:
            near.append(titles[title])
    return near[:NEAR_TITLE_LIMIT]


def _ladder(roles: list[Role], transitions: list[Transition]) -> dict:
    """The roles as a career ladder: one column per family (in Role.Family's order), one row
    per seniority that has a role, the most senior on top; each role with the roles people
    usually move on to. The template places cells by these numbers (CSS grid, row 1 the
    families' names, column 1 the levels' names), and reads family by family without CSS."""
    shown = {role.pk for role in roles}
    for role in roles:
        # The conventional next steps, then other frequent moves; occasional ones are on the role's page.
        moves = sorted(
            (t for t in transitions if t.from_role_id == role.pk and t.to_role_id in shown),
            key=lambda t: (t.to_role.seniority, t.to_role.order, t.to_role.name),
        )
        role.usual_moves = [t.to_role for t in moves if t.commonness == Transition.Commonness.USUAL]
        role.common_moves = [t.to_role for t in moves if t.commonness == Transition.Commonness.COMMON]
    levels = sorted({role.seniority for role in roles}, reverse=True)
    row_of = {level: row for row, level in enumerate(levels, start=2)}
    families = []
    for column, family in enumerate([f for f in Role.Family if any(r.family == f for r in roles)], start=2):
        family_roles = [r for r in roles if r.family == family]
        cells = [
            {
                "row": row_of[level],
                # A rung is named by its roles: the product track's lead rung is a principal's
                # (an individual contributor), not a manager's.
                "label": next(r for r in family_roles if r.seniority == level).seniority_label(),
                "roles": [r for r in family_roles if r.seniority == level],
            }
            for level in reversed(levels)  # entry first: read without the grid, the ladder climbs
            if any(r.seniority == level for r in family_roles)
        ]
        families.append({"key": family.value, "label": family.label, "column": column, "cells": cells})
    return {
        "families": families,
        "levels": [{"row": row_of[level], "label": Role.Seniority(level).label} for level in levels],
    }


@require_safe
def index(request: HttpRequest) -> HttpResponse:
    """Every role on a career ladder; ``?q=`` finds roles by their name or another title,
    and a search that finds none suggests near titles."""
    query = request.GET.get("q", "").strip()[:100]
    all_roles = list(Role.objects.active().order_by("family", "seniority", "order", "name"))
    roles = [r for r in all_roles if _matches_title(r, query)] if query else all_roles
    roles.sort(key=lambda r: (r.seniority, r.order, r.name))
    return render(
        request,
        "roles/index.html",
        {
            "ladder": _ladder(roles, _transitions()),
            "compare_form": CompareForm(all_roles),
            "query": query,
            "found": roles,
            "near": _near_roles(query, all_roles) if query and not roles else [],
        },
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


# Comparisons people often look for, offered on the empty compare page (a pair with an
# inactive role is left out).
POPULAR_PAIRS = [
    ("product-manager", "head-of-product"),
    ("product-owner", "product-manager"),
    ("project-manager", "program-manager"),
    ("program-manager", "technical-program-manager"),
    ("senior-pm", "principal-pm"),
    ("group-pm", "director-of-product"),
    ("director-of-product", "vp-product"),
    ("vp-product", "cpo"),
]


@require_safe
def compare(request: HttpRequest) -> HttpResponse:
    roles = list(_with_profile(Role.objects.active()).order_by("order", "name"))
    form = CompareForm(roles, data=request.GET or None)
    by_slug = {r.slug: r for r in roles}
    context = {
        "form": form,
        "roles": roles,
        "popular": [(by_slug[a], by_slug[b]) for a, b in POPULAR_PAIRS if a in by_slug and b in by_slug],
    }
    status = 200
    same = form.is_bound and form.is_valid() and form.cleaned_data["a"] == form.cleaned_data["b"]
    if same:
        # A role beside itself shows no difference: say so, with the pickers to choose again.
        context["error"] = _("Choose two different roles: a role compared with itself has no differences.")
        status = 400
    elif request.GET and form.is_valid():
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
                "route_ab": _route(transitions, a, b),
                "route_ba": _route(transitions, b, a),
            }
        )
    elif request.GET:
        context["error"] = _("Choose two roles from the lists.")
        status = 400
    return render(request, "roles/compare.html", context, status=status)
