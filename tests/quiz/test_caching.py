"""The bank is cached per version; an edit to any table of the bank changes the version,
so no step, plan or health page ever reads a stale bank."""

import pytest
from django.apps import apps

from editor.permissions import BANK_MODELS
from quiz import caching


@pytest.mark.parametrize(("app", "model"), BANK_MODELS)
def test_saving_or_deleting_a_row_of_any_bank_table_changes_the_bank_version(default_content, app, model):
    row = apps.get_model(app, model).objects.order_by("pk").last()
    if model == "role":  # what protects a role from deletion goes first
        row.personas.all().delete()
        row.current_role_options.all().delete()
    before = caching.bank_version()
    caching.forget()
    row.save()
    saved = caching.bank_version()
    assert saved != before
    caching.forget()
    row.delete()
    assert caching.bank_version() != saved
