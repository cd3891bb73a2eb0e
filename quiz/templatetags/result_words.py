"""Template filters for the result page: a person's level in words a reader can use."""

from __future__ import annotations

import math

from django import template
from django.utils.translation import gettext as _

from .quiz_extras import person_level

register = template.Library()


@register.filter
def level_reached(level, kind: str = "skill") -> str:
    """A person's level on the 0–4 scale as the page says it: "not checked" when no answer
    measured it, a whole level as it is (0 of a skill: none yet), and a level the answers
    put between two (an average such as 2.3) as "between 2 and 3", never a bare decimal."""
    if level is None or level == "":
        return _("not checked")
    value = float(level)
    if value == int(value):
        return person_level(value, kind)
    return _("between %(low)d and %(high)d") % {"low": math.floor(value), "high": math.ceil(value)}
