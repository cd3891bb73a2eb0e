"""What the role's admin page changes, each page's save one function in one transaction:
the role, its profile (one expected level per competency) and its routes out; and a new
role started from a copy of another."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence

from django.db import transaction
from django.db.models import Model
from django.utils.text import slugify
from django.utils.translation import gettext as _

from .models import Competency, Role, RoleCompetency

# Values of one row per competency (``{"level": 2, "importance": 3}``); None: no row.
RowValues = Mapping[str, int] | None


@transaction.atomic
def role_page_save(*, form, formsets: Sequence = ()) -> Role:
    """Everything the role's page edits, together or not at all: the role's fields, its
    profile (``form.cleaned_profile()``) and its inline rows."""
    role = form.save()
    role_profile_set(role=role, profile=form.cleaned_profile())
    for formset in formsets:
        formset.instance = role
        formset.save()
    return role


def role_profile_set(*, role: Role, profile: Mapping[Competency, RowValues]) -> None:
    """Each competency given gets its expected level and importance in the role's
    profile, or leaves the profile with None."""
    competency_rows_set(
        rows=role.profile.all(), wanted=profile, new=lambda c: RoleCompetency(role=role, competency=c)
    )


@transaction.atomic
def competency_rows_set(
    *, rows: Iterable[Model], wanted: Mapping[Competency, RowValues], new: Callable[[Competency], Model]
) -> None:
    """Rows that hold values per competency (a role's expected levels, an option's
    scores): each competency in ``wanted`` gets its values, or loses its row with None.
    Rows that would not change are not written; each row written passes its model's
    validation and is saved or deleted through the ORM, so the bank's caches follow."""
    existing = {row.competency_id: row for row in rows}
    for competency, values in wanted.items():
        row = existing.get(competency.pk)
        if values is None:
            if row is not None:
                row.delete()
            continue
        if row is not None and all(getattr(row, name) == value for name, value in values.items()):
            continue
        row = row or new(competency)
        for name, value in values.items():
            setattr(row, name, value)
        row.full_clean()
        row.save()


def _unused(field: str, candidates) -> str:
    taken = set(Role.objects.filter(**{f"{field}__in": candidates}).values_list(field, flat=True))
    return next(c for c in candidates if c not in taken)


@transaction.atomic
def role_duplicate(*, role: Role) -> Role:
    """A new role that starts from ``role``: its description, scope, pay and profile,
    named “Copy of …” with a slug of its own. Routes are not copied (they are about the
    original). The copy is inactive, so job seekers neither see it in the role explorer
    nor get it recommended, until an editor has made it a role of its own and activates it:
    an active copy would tie with its original in every ranking."""
    name_field = Role._meta.get_field("name")
    base = _("Copy of %(name)s") % {"name": role.name}
    names = [base[: name_field.max_length]] + [
        f"{base[: name_field.max_length - 6]} ({n})" for n in range(2, 1000)
    ]
    slug_base = slugify(base)[:90]
    copy = Role.objects.get(pk=role.pk)
    copy.pk = None
    copy._state.adding = True
    copy.name = _unused("name", names)
    copy.slug = _unused("slug", [slug_base] + [f"{slug_base}-{n}" for n in range(2, 1000)])
    copy.active = False
    copy.full_clean()
    copy.save()
    for row in role.profile.all():
        RoleCompetency(
            role=copy, competency_id=row.competency_id, level=row.level, importance=row.importance
        ).save()
    return copy
