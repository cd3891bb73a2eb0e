"""Versions of the bank: every applied change and upload records the whole bank in its
file format; editors compare two versions and restore one.

Restoring goes through the same validated import as an upload (quiz/bank/writer.py), so
questions, options and roles that job seekers answered are deactivated rather than
deleted, and in-progress attempts stay consistent as after any edit."""

from __future__ import annotations

import hashlib
import json
import zlib
from contextlib import contextmanager
from contextvars import ContextVar

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext as _

from .bank import export_bank, import_bank
from .bank.writer import ImportReport
from .caching import BANK_MODELS
from .models import BankRevision

SUMMARY_LIMIT = 500


def _encoded(bank: dict) -> tuple[str, bytes]:
    text = json.dumps(bank, sort_keys=True, ensure_ascii=False).encode()
    return hashlib.sha256(text).hexdigest(), zlib.compress(text, 6)


def bank_of(revision: BankRevision) -> dict:
    return json.loads(zlib.decompress(bytes(revision.compressed)))


def record_revision(*, author=None, summary: str) -> BankRevision | None:
    """Records the bank as it stands now, unless it equals the latest version."""
    digest, compressed = _encoded(export_bank())
    latest = BankRevision.objects.only("digest").first()
    if latest is not None and latest.digest == digest:
        return None
    return BankRevision.objects.create(
        author=author, summary=summary[:SUMMARY_LIMIT], digest=digest, compressed=compressed
    )


def restore_revision(revision: BankRevision, *, author=None) -> ImportReport:
    """Brings the bank back to this version (raises BankError, writing nothing, if the
    version no longer fits the bank's rules) and records the result as a new version."""
    # One transaction: concurrent restores each record the bank they left behind.
    with transaction.atomic():
        report = import_bank(bank_of(revision))
        record_revision(
            author=author,
            summary=_("Restored version %(n)d of %(when)s (%(summary)s)")
            % {
                "n": revision.pk,
                "when": f"{revision.created_at:%Y-%m-%d %H:%M}",
                "summary": revision.summary,
            },
        )
    return report


# --------------------------------------------------------------------------- watching requests

_seen: ContextVar[list | None] = ContextVar("careerquiz_bank_changes", default=None)


def _noted(**kwargs) -> None:
    seen = _seen.get()
    if seen is not None:
        seen.append(kwargs.get("sender"))


@contextmanager
def watching():
    """Notes whether any bank row was saved or deleted inside the block (in this thread or
    task): yields the list that fills up."""
    seen: list = []
    token = _seen.set(seen)
    try:
        yield seen
    finally:
        _seen.reset(token)


def connect_revision_signals() -> None:
    for model in BANK_MODELS:
        post_save.connect(_noted, sender=model, dispatch_uid=f"bank-revision-save-{model.__name__}")
        post_delete.connect(_noted, sender=model, dispatch_uid=f"bank-revision-delete-{model.__name__}")
