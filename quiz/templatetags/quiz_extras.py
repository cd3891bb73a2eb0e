from django import template
from django.utils.translation import gettext as _

register = template.Library()


@register.filter
def fit_label(fit: str) -> str:
    return {
        "best": _("Best fit"),
        "good": _("Good fit"),
        "possible": _("Possible fit"),
        "unlikely": _("Unlikely fit"),
        # Labels of engine 1.0 snapshots.
        "great": _("Great fit"),
        "partial": _("Partial fit"),
    }.get(fit, fit)


@register.filter
def salary_basis(basis: str) -> str:
    from roles.models import Role

    return Role.SalaryBasis(basis).label if basis in Role.SalaryBasis.values else basis


@register.filter
def level_number(level) -> str:
    if level is None or level == "":
        return "–"
    value = float(level)
    return f"{value:.0f}" if value == int(value) else f"{value:.1f}"


@register.filter
def person_level(level, kind: str = "skill") -> str:
    """A person's level as a number, with 0 of a skill said for what it is: none yet.
    (On an experience or preference scale 0 is the named low end, not an absence.)"""
    if kind == "skill" and level not in (None, "") and float(level) == 0:
        return _("0 (none yet)")
    return level_number(level)


@register.filter
def expected_level(level, kind: str = "skill") -> str:
    """A role's expected level as a number; 0 of a skill means the role does not expect it."""
    if kind == "skill" and level not in (None, "") and float(level) == 0:
        return _("0 (not expected)")
    return level_number(level)


@register.filter
def money(amount) -> str:
    return f"{int(amount):,}" if amount not in (None, "") else ""
