"""Competency levels, the one scale roles and answers share: 0 (not expected) to 4 (expert).

Plain constants without Django, so the scoring engine, the bank format, the models and the
charts all read the same numbers."""

MIN_LEVEL = 0
MAX_LEVEL = 4
LEVEL_COUNT = MAX_LEVEL - MIN_LEVEL + 1
