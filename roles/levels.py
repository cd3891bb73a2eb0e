"""Competency levels, the one scale roles and answers share: 0 (not expected) to 4 (expert).

Plain constants, so the scoring engine, the bank format, the models and the charts all
read the same numbers; and the generic words for each level, for a competency that has
none of its own."""

from django.utils.translation import gettext as _

MIN_LEVEL = 0
MAX_LEVEL = 4
LEVEL_COUNT = MAX_LEVEL - MIN_LEVEL + 1


def generic_level_words() -> tuple[str, ...]:
    """What levels 0–4 mean when a competency does not say it in its own words."""
    return (_("not expected"), _("basics"), _("independent"), _("advanced"), _("expert"))
