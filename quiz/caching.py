"""Caches of what job seekers read on every step.

The question bank is cached under a version that every saved or deleted bank row bumps.
The version lives in the shared cache (Redis) and in the database (for setups without
Redis, or while it is down), so an admin's edit reaches every app server: the server that
saved it at once, the others within VERSION_TTL seconds. What is
cached under a version never changes, so each process also keeps it in memory and a quiz
step costs no cache round trip for the bank. Result pages are cached as rendered HTML for
good: a result is an immutable snapshot."""

from __future__ import annotations

import threading
import time
import uuid
from collections import OrderedDict

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save

from roles.models import Competency, DevelopmentAction, Role, RoleCompetency, Transition, TransitionStep

from .models import BankVersion, Option, OptionScore, Persona, Question, Quiz

BANK_VERSION_KEY = "careerquiz:bank-version"
TIMEOUT = 60 * 60 * 24
VERSION_TTL = 1.0
MEMO_LIMIT = 5000

_lock = threading.Lock()
_version: tuple[str, float] = ("", 0.0)  # (version, valid until)
_memo: dict[str, object] = {}


def forget() -> None:
    """Drops this process's memory of the bank (tests, and after a local edit)."""
    global _version
    with _lock:
        _version = ("", 0.0)
        _memo.clear()
        pages._pages.clear()


def _local_version() -> str | None:
    version = cache.get(BANK_VERSION_KEY)
    if version is None:
        cache.add(BANK_VERSION_KEY, uuid.uuid4().hex, None)
        version = cache.get(BANK_VERSION_KEY)
    return version


def _stored_version() -> str:
    """The version every process agrees on. With Redis it lives there. Without a shared
    cache (or while Redis is down) each process also reads the database's version, which
    every process's edits bump when they commit."""
    version = _local_version()
    if version is not None and not settings.BANK_VERSION_IN_DATABASE:
        return version
    return f"{BankVersion.current()}:{version}"


def bank_version() -> str:
    global _version
    version, valid_until = _version
    now = time.monotonic()
    if valid_until > now:
        return version
    version = _stored_version()
    with _lock:
        _version = (version, now + VERSION_TTL)
    return version


def shared_bank_version() -> str:
    """The part of the bank's version every process agrees on (without the per-process
    part used for in-memory caches when there is no Redis): for data kept in the database
    that must follow the bank, like an attempt's adaptive memo."""
    version = bank_version()
    return version.split(":", 1)[0] if settings.BANK_VERSION_IN_DATABASE else version


def _publish_to_database() -> None:
    BankVersion.bump(uuid.uuid4().hex)


def bank_changed(**kwargs) -> None:
    """The bank changed: this process sees it at once; other processes through the
    shared cache, or through the database once the change commits (one bump per
    transaction, however many rows it saved)."""
    cache.set(BANK_VERSION_KEY, uuid.uuid4().hex, None)
    forget()
    if settings.BANK_VERSION_IN_DATABASE:
        connection = transaction.get_connection()
        if not connection.in_atomic_block:
            _publish_to_database()
        elif not any(entry[1] is _publish_to_database for entry in connection.run_on_commit):
            transaction.on_commit(_publish_to_database)


def bank_cached(name: str, build):
    """``build()`` cached under the current bank version, in memory and in the shared cache."""
    key = f"careerquiz:bank:{bank_version()}:{name}"
    try:
        return _memo[key]
    except KeyError:
        pass
    value = cache.get(key)
    if value is None:
        value = build()
        cache.set(key, value, TIMEOUT)
    with _lock:
        if len(_memo) >= MEMO_LIMIT:
            _memo.clear()
        _memo[key] = value
    return value


class PageMemo:
    """Rendered pages kept in this process's memory under the bank's version, the least
    recently used dropped beyond ``limit`` (a question page is about 10 KB)."""

    def __init__(self, limit: int = 500):
        self.limit = limit
        self._pages: OrderedDict[tuple, str] = OrderedDict()

    def get(self, key: tuple, build) -> str:
        key = (bank_version(), *key)
        with _lock:
            page = self._pages.get(key)
            if page is not None:
                self._pages.move_to_end(key)
                return page
        page = build()
        with _lock:
            self._pages[key] = page
            while len(self._pages) > self.limit:
                self._pages.popitem(last=False)
        return page


# The quiz's step pages (quiz/views.py): one rendering per question, saved answer and place
# in the quiz, shared by every attempt that stands there.
pages = PageMemo()


# Every table of the bank: saving or deleting a row of any of them changes the version.
BANK_MODELS = (
    Persona,
    Quiz,
    Question,
    Option,
    OptionScore,
    Competency,
    DevelopmentAction,
    Role,
    RoleCompetency,
    Transition,
    TransitionStep,
)


def connect_bank_signals() -> None:
    for model in BANK_MODELS:
        post_save.connect(bank_changed, sender=model, dispatch_uid=f"bank-changed-save-{model.__name__}")
        post_delete.connect(bank_changed, sender=model, dispatch_uid=f"bank-changed-delete-{model.__name__}")
