"""Caches of what job seekers read on every step.

The question bank is cached under a version: the token of the one BankVersion row, which
every saved or deleted bank row replaces in the same transaction. Other processes read
the row, so they see the new version exactly when the edit commits, never before (they
would rebuild from the old rows and keep them under the new version), and an edit saved
while Redis is down is served as soon as it commits. A request reads the row once (one
small query by primary key) and keeps it until it ends. What is cached under a version
never changes, so each process also keeps it in memory and a quiz step costs no cache
round trip for the bank. Result pages are cached as rendered HTML for good: a result is an
immutable snapshot."""

from __future__ import annotations

import threading
import uuid
from collections import OrderedDict

from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.db.models.signals import post_delete, post_save

from roles.models import Competency, DevelopmentAction, Role, RoleCompetency, Transition, TransitionStep

from .models import BankVersion, Option, OptionScore, Persona, Question, Quiz

TIMEOUT = 60 * 60 * 24
MEMO_LIMIT = 5000

_lock = threading.Lock()
_memo: dict[str, object] = {}
# The version read by the request this thread is serving (None outside a request or
# before its first read).
_request = threading.local()


def forget() -> None:
    """Drops this process's memory of the bank (tests)."""
    with _lock:
        _memo.clear()
        pages._pages.clear()
    _request.version = None


def _request_started(**kwargs) -> None:
    _request.in_request, _request.version = True, None


def _request_finished(**kwargs) -> None:
    _request.in_request, _request.version = False, None


def bank_version() -> str:
    """The bank's version as this database connection sees it: committed edits of other
    processes, and this transaction's own. Read once per request."""
    version = getattr(_request, "version", None)
    if version is None:
        version = BankVersion.current()
        if getattr(_request, "in_request", False):
            _request.version = version
    return version


def bank_changed(**kwargs) -> None:
    """The bank changed: a new version in the same transaction as the change, which other
    processes see when it commits. Saving many rows in one transaction replaces the token
    of the same row many times (it is locked by the first)."""
    BankVersion.bump(uuid.uuid4().hex)
    _request.version = None


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
    request_started.connect(_request_started, dispatch_uid="bank-version-request-started")
    request_finished.connect(_request_finished, dispatch_uid="bank-version-request-finished")
    for model in BANK_MODELS:
        post_save.connect(bank_changed, sender=model, dispatch_uid=f"bank-changed-save-{model.__name__}")
        post_delete.connect(bank_changed, sender=model, dispatch_uid=f"bank-changed-delete-{model.__name__}")
