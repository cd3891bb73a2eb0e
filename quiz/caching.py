"""Caches of what job seekers read on every step.

The question bank is cached under a version: the token of the one BankVersion row, which
every saved or deleted bank row replaces in the same transaction. Other processes read
the row, so they see the new version exactly when the edit commits, never before (they
would rebuild from the old rows and keep them under the new version), and an edit saved
while Redis is down is served as soon as it commits. A request reads the row once (one
small query by primary key) and keeps it until it ends. What is cached under a version
never changes, so each process also keeps it in memory and a quiz step costs no cache
round trip for the bank. What is cached from a rendering (result pages) is keyed by
``code_version()`` as well."""

from __future__ import annotations

import functools
import hashlib
import threading
import uuid

from django.conf import settings
from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.db.models.signals import post_delete, post_save

from roles.models import Competency, DevelopmentAction, Role, RoleCompetency, Transition, TransitionStep

from .engine import ENGINE_VERSION
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


# What a rendered page depends on besides its data: the code and templates that render it.
CODE_DIRECTORIES = ("careerquiz", "quiz", "roles", "editor", "templates", "locale")
CODE_SUFFIXES = {".py", ".html", ".txt", ".mo"}


@functools.cache
def _code_digest_at_start() -> str:
    return _code_digest()


def _code_digest() -> str:
    """A digest of every file of our code and templates, and of the engine's version."""
    digest = hashlib.sha256(ENGINE_VERSION.encode())
    for directory in CODE_DIRECTORIES:
        for path in sorted((settings.BASE_DIR / directory).rglob("*")):
            if path.suffix in CODE_SUFFIXES and path.is_file():
                digest.update(str(path.relative_to(settings.BASE_DIR)).encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def code_version() -> str:
    """The version of the code and templates this process renders with, as part of the
    key of anything cached from a rendering: a deploy that changes them starts new
    entries without anyone bumping a setting. Under DEBUG it is computed afresh each time,
    so that a template edited under runserver shows at once (a code edit restarts it)."""
    return _code_digest() if settings.DEBUG else _code_digest_at_start()


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
