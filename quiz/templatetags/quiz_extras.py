from django import template
from django.utils.translation import gettext as _

register = template.Library()


@register.filter
def fit_label(fit: str) -> str:
    return {
        "best": _("Best fit"),
        "great": _("Great fit"),
        "good": _("Good fit"),
        "partial": _("Partial fit"),
    }.get(fit, fit)


@register.filter
def level_number(level) -> str:
    if level is None or level == "":
        return "–"
    value = float(level)
    return f"{value:.0f}" if value == int(value) else f"{value:.1f}"


@register.filter
def money(amount) -> str:
    return f"{int(amount):,}" if amount not in (None, "") else ""
