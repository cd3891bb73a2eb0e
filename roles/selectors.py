"""Reads of roles that pages outside the role explorer need."""

from __future__ import annotations

from .models import Role


def job_search_for(slug: str) -> dict[str, list] | None:
    """The job-search hop for a target role (see ``Role.job_search``), or None when the role
    is unknown, inactive or has none: the last hop every plan ends with."""
    role = Role.objects.active().filter(slug=slug).first()
    return role.job_search() if role else None
