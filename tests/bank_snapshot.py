"""The default bank, imported once per test session and copied into each test that asks.

Importing the default bank runs every row through the models' validation: about 2,000
rows and as many queries, which made fixture set-up most of the suite's time. The session
imports it once with ``load_default_content`` (the command ``make run`` uses), copies
every table it filled into a ``snapshot_`` table beside it and empties the originals. A
test that wants the bank gets the rows back with one ``INSERT … SELECT`` per table, inside
its own transaction, so it is rolled back (or flushed) with the rest of the test.

``test_the_session_copy_is_the_default_bank`` checks that the copy exports to exactly
what a fresh import of the default content exports to.
"""

from __future__ import annotations

from django.core.management import call_command
from django.db import connection, transaction

PREFIX = "snapshot_"
_tables: list[str] = []


def _q(name: str) -> str:
    return connection.ops.quote_name(name)


def _counts() -> dict[str, int]:
    counts = {}
    with connection.cursor() as cursor:
        for table in connection.introspection.django_table_names(only_existing=True, include_views=False):
            cursor.execute(f"SELECT COUNT(*) FROM {_q(table)}")
            counts[table] = cursor.fetchone()[0]
    return counts


def take() -> None:
    """Import the default bank, keep a copy of every table it filled, empty them again."""
    before = _counts()
    call_command("load_default_content", verbosity=0)
    after = _counts()
    tables = sorted(table for table, count in after.items() if count > before.get(table, 0))
    assert all(before[table] == 0 for table in tables), "the test database was not empty"
    with transaction.atomic(), connection.cursor() as cursor:
        for table in tables:
            cursor.execute(f"DROP TABLE IF EXISTS {_q(PREFIX + table)}")
            cursor.execute(f"CREATE TABLE {_q(PREFIX + table)} AS SELECT * FROM {_q(table)}")
            # Foreign keys are deferred to the end of the transaction on both databases.
            cursor.execute(f"DELETE FROM {_q(table)}")
    _tables[:] = tables


def restore() -> None:
    """The default bank's rows, as the session's import wrote them."""
    assert _tables, "take() runs once per session, before any test"
    with transaction.atomic(), connection.cursor() as cursor:
        for table in _tables:
            cursor.execute(f"INSERT INTO {_q(table)} SELECT * FROM {_q(PREFIX + table)}")
