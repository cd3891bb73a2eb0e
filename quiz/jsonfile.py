"""Reading JSON that people upload or point a command at (bank files, answer files): one
place that knows every way such a file can fail to be JSON, so that each becomes a clear
message and never a traceback."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any


class NotJSON(ValueError):
    """The text is not JSON this app can read; the message says why."""


def read_json(text: str) -> Any:
    """Parses the text. Malformed JSON, a number too long to convert and nesting too deep
    to read all raise NotJSON. A UTF-8 byte-order mark (some editors write one) is fine."""
    try:
        return json.loads(text.removeprefix("\ufeff"))
    except (ValueError, RecursionError) as exc:  # JSONDecodeError is a ValueError
        raise NotJSON(str(exc) or type(exc).__name__) from exc


def read_json_file(path: str | Path) -> Any:
    """Reads and parses a UTF-8 file; OSError when it cannot be opened, NotJSON otherwise."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise NotJSON(f"not UTF-8 text ({exc.reason})") from exc
    return read_json(text)
