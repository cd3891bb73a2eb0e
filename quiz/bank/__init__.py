"""The question bank as data: the ``careerquiz-bank`` file format (``schema``), its checks,
export (``reader``), import (``writer``) and the scoring engine's input, side by side.

A new field of the bank is one line in ``schema``; export, import, the model validation
on import and the JSON Schema follow from it (and ``engine_input`` when the engine reads
it)."""

from .checks import BankError, located, parse, validate_bank
from .engine_input import engine_bank, load_bank
from .reader import export_bank, read_bank
from .schema import FORMAT, VERSION, json_schema
from .writer import ImportReport, import_bank

__all__ = [
    "FORMAT",
    "VERSION",
    "BankError",
    "ImportReport",
    "engine_bank",
    "export_bank",
    "import_bank",
    "json_schema",
    "load_bank",
    "located",
    "parse",
    "read_bank",
    "validate_bank",
]
