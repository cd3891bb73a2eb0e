"""The app uses only the documented APIs of Django, gunicorn and psycopg.

Private internals change without notice between releases, and break only where the tests
do not look (several did only on PostgreSQL). The app's code is read, not run: each
import and each attribute it names is checked against the lists below, each with the
reason the name is off limits. Documented names that begin with an underscore stay
allowed: ``Model._meta`` (the Model _meta API), ``instance._state`` and namedtuple's
``_replace``/``_fields``, and our own private names of course.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
APP_PACKAGES = ("careerquiz", "quiz", "roles", "editor")
THIRD_PARTY = ("django", "gunicorn", "psycopg")

# Modules of those packages that are internals as a whole.
PRIVATE_MODULES = {
    "django.db.models.sql": "the query compiler and Query objects; the ORM's public API is QuerySet",
    "psycopg.pq": "libpq's low-level wrapper (TransactionStatus and the like) under Django's connection",
    "gunicorn.workers": "worker internals (ThreadWorker, TConn); configure gunicorn through its settings",
}
# Names that reach into internals, wherever they appear (an import or an attribute).
PRIVATE_NAMES = {
    "SQLCompiler": "Django's query compiler; build queries with QuerySet",
    "get_compiler": "Django's query compiler; build queries with QuerySet",
    "get_converters": "the compiler's row conversion; QuerySet converts rows",
    "apply_converters": "the compiler's row conversion; QuerySet converts rows",
    "ServerBindingCursor": "a cursor class of Django's PostgreSQL backend; use connection.cursor()",
    "make_cursor": "cursor wrapping inside Django's connection; use connection.cursor()",
    "health_check_done": "a flag of Django's connection health check; CONN_HEALTH_CHECKS does the checking",
    "run_on_commit": "Django's queue of on_commit callbacks; use transaction.on_commit",
    "TransactionStatus": "libpq's transaction state; use transaction.atomic",
    "register_loader": "swaps psycopg's type loaders behind Django's back",
    "ThreadWorker": "gunicorn's gthread worker class; subclassing it reaches its internals",
    "TConn": "gunicorn's gthread connection class",
    "_messages": "the messages framework's storage on the request; use django.contrib.messages",
    "_create_formsets": "a private method of ModelAdmin",
    "_get_connection_pool_index": "a private method of Django's Redis cache",
    "_class": "the client class inside Django's Redis cache",
    "_cache": "the client inside a Django cache backend; use the cache's public methods",
}
# Every use is gone: the app uses no private API of Django, gunicorn or psycopg.
KNOWN: dict[tuple[str, str], str] = {}


def private_uses(source: str) -> list[tuple[int, str]]:
    """(line, name) of each private module or name the source imports or uses."""
    uses = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            modules = [(alias.name, []) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            modules = [(node.module, [alias.name for alias in node.names])]
        elif isinstance(node, ast.Attribute) and node.attr in PRIVATE_NAMES:
            uses.append((node.lineno, node.attr))
            continue
        else:
            continue
        for module, names in modules:
            parts = module.split(".")
            if parts[0] not in THIRD_PARTY:
                continue
            private_module = next(
                (m for m in PRIVATE_MODULES if module == m or module.startswith(m + ".")), None
            )
            if private_module:
                uses.append((node.lineno, private_module))
            elif any(part.startswith("_") for part in parts):
                uses.append((node.lineno, module))
            uses += [(node.lineno, name) for name in names if name.startswith("_") or name in PRIVATE_NAMES]
    return uses


def app_sources() -> list[Path]:
    return sorted(path for package in APP_PACKAGES for path in (ROOT / package).rglob("*.py"))


@pytest.mark.parametrize("path", app_sources(), ids=lambda path: str(path.relative_to(ROOT)))
def test_app_code_uses_no_private_api_of_django_gunicorn_or_psycopg(path):
    relative = str(path.relative_to(ROOT))
    found = [
        f"{relative}:{line} {name}: {PRIVATE_MODULES.get(name) or PRIVATE_NAMES.get(name) or 'a private module'}"
        for line, name in private_uses(path.read_text())
        if (relative, name) not in KNOWN
    ]
    assert not found, "\n".join(found)


@pytest.mark.parametrize(
    "source",
    [
        "from django.db.models.sql.compiler import SQLCompiler",
        "from django.db.backends.postgresql.base import ServerBindingCursor",
        "from psycopg.pq import TransactionStatus",
        "from psycopg._connection_base import BaseConnection",
        "import gunicorn.workers.gthread",
        "from django.utils.functional import _lazy_proxy",
        "connection.health_check_done = True",
        "rows = compiler.apply_converters(rows, converters)",
        "cursor.adapters.register_loader('timestamptz', Loader)",
    ],
)
def test_each_kind_of_private_use_is_found(source):
    assert private_uses(source)


@pytest.mark.parametrize(
    "source",
    [
        "from django.db import transaction",
        "fields = Attempt._meta.concrete_fields",
        "from quiz._private import helper",
        "adding = instance._state.adding",
    ],
)
def test_documented_apis_and_our_own_names_pass(source):
    assert private_uses(source) == []
