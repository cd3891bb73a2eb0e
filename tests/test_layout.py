"""The layout's dependency rule, so that it survives the next change:
careers (``roles``) ← the quiz (``quiz``) ← the editors' tools (``editor``), and the
scoring engine is pure Python (no Django models, no database)."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def imported_modules(package: str) -> dict[str, set[str]]:
    """Every module each file of a package imports (absolute names)."""
    found = {}
    for path in (ROOT / package).rglob("*.py"):
        if "migrations" in path.parts:
            continue
        module = ".".join(path.relative_to(ROOT).with_suffix("").parts)
        names = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names |= {alias.name for alias in node.names}
            elif isinstance(node, ast.ImportFrom):
                base = module.rsplit(".", node.level)[0] if node.level else ""
                names.add(".".join(filter(None, [base, node.module or ""])))
        found[str(path.relative_to(ROOT))] = names
    return found


@pytest.mark.parametrize(
    ("package", "forbidden"),
    [
        ("roles", ("quiz", "editor")),
        ("quiz", ("editor",)),
        ("quiz/engine", ("django.db", "quiz.models", "roles.models", "quiz.bank")),
    ],
)
def test_no_package_imports_a_layer_above_it(package, forbidden):
    offending = {
        path: sorted(name for name in names if name.split(".")[0] in forbidden or name.startswith(forbidden))
        for path, names in imported_modules(package).items()
    }
    assert {path: names for path, names in offending.items() if names} == {}
