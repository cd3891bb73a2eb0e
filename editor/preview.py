"""See the effect of a change before it goes live.

Saving a question, option, score, role (with its profile) or transition in the admin first
runs the admin's own save inside a transaction that is rolled back, measures the bank
before and after (calibration personas, the recommendation every completed result would
get, bank health) and shows the difference. The change is applied only when the editor
confirms it: the same form data is posted again with ``_apply``."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar

from django.contrib import messages
from django.db import transaction
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from quiz import engine
from quiz.answers import AnswerFileError
from quiz.bank import load_bank
from quiz.bank.diff import bank_diff
from quiz.caching import bank_changed
from quiz.calibration import PersonaOutcome, persona_answers, persona_outcomes
from quiz.models import Persona, Quiz, Result
from roles.models import Role

from .health import check_bank, completeness_gaps
from .rescore import Recommender

T = TypeVar("T")
APPLY = "_apply"
# "Back to the form": the check page posts the edit back to its form, filled in, unsaved.
KEEP_EDITING = "_keep_editing"
# A "move up/down" of an option reorders, which changes no recommendation: it applies at once
# (with the page's other edits, which it saves first).
APPLIED_AT_ONCE = ("_move_option",)
PREVIEWED = {
    ("quiz", "question"),
    ("quiz", "option"),
    ("quiz", "optionscore"),
    ("roles", "role"),
    ("roles", "rolecompetency"),
    ("roles", "transition"),
    ("roles", "transitionstep"),
}
# The preview scores this many of the most recent results per quiz (each twice: before and
# after); the re-score preview covers them all.
RECENT = 1000


def recommendations(quiz: Quiz, bank: engine.Bank, limit: int = RECENT) -> dict[int, str]:
    """The role the bank would recommend for each of the quiz's ``limit`` most recent
    completed (non-preview) results, by attempt id; the same answers are scored once."""
    page = (
        Result.objects.real()
        .filter(attempt__quiz=quiz)
        .order_by("-pk")
        .values_list("attempt_id", flat=True)[:limit]
    )
    return Recommender(bank).page(page)


@dataclass
class BankState:
    personas: dict[int, PersonaOutcome] = field(default_factory=dict)
    recommended: dict[int, str] = field(default_factory=dict)
    problems: set[tuple[str, str]] = field(default_factory=set)
    all_results: int = 0


def read_banks() -> tuple[dict[int, tuple[Quiz, engine.Bank]], set[tuple[str, str]]]:
    """Each quiz's bank and the bank's health problems, as the database has them now (in
    full: no cache). Quick enough to run inside the dry run's transaction."""
    banks, problems = {}, set()
    for quiz in Quiz.objects.all():
        banks[quiz.pk] = (quiz, load_bank(quiz))
        if quiz.published:
            problems |= {(p.level, p.message) for p in check_bank(quiz)}
    return banks, problems


def bank_state(banks: dict[int, tuple[Quiz, engine.Bank]], problems: set) -> BankState:
    """What these banks do: to the personas and to recent results. Runs outside any
    transaction: scoring results takes a while, and SQLite would hold its write lock."""
    state = BankState(problems=problems)
    for quiz, bank in banks.values():
        state.personas.update({o.persona_id: o for o in persona_outcomes(quiz, bank)})
        state.recommended.update(recommendations(quiz, bank))
        state.all_results += Result.objects.real().filter(attempt__quiz=quiz).count()
    return state


DECIDING = 3  # competencies named for a persona that flips


def why_it_flips(persona_id: int, banks: dict[int, tuple[Quiz, engine.Bank]]) -> str:
    """For a persona that starts or stops passing, in the bank after the change: how many
    match points separate its role from the role it competes with (the new first, or the
    runner-up), and the competencies that earn the leader the most points over it."""
    persona = Persona.objects.select_related("expected_role").filter(pk=persona_id).first()
    if persona is None or persona.quiz_id not in banks:
        return ""
    bank = banks[persona.quiz_id][1]
    try:
        answers = persona_answers(bank, persona.answers)
    except AnswerFileError:
        return ""
    ranking = engine.rank_roles(bank, engine.build_profile(bank, answers))
    own = next((m for m in ranking if m.role == persona.expected_role.slug), None)
    rivals = [m for m in ranking if m is not own]
    if own is None:
        return _("%(role)s would not be ranked at all (not recommendable)") % {
            "role": persona.expected_role.name
        }
    if not rivals:
        return ""
    leader, other = (own, rivals[0]) if ranking[0] is own else (ranking[0], own)
    gains = sorted(
        ((leader.share(c) - other.share(c), c) for c in bank.competencies),
        key=lambda item: (-item[0], item[1]),
    )
    deciding = ", ".join(
        f"{bank.competencies[c].name} (+{points:.1f})" for points, c in gains[:DECIDING] if points > 0
    )
    return _(
        "%(leader)s %(leader_match).1f vs %(other)s %(other_match).1f match points; deciding: %(deciding)s"
    ) % {
        "leader": bank.roles[leader.role].name,
        "leader_match": leader.match,
        "other": bank.roles[other.role].name,
        "other_match": other.match,
        "deciding": deciding or "-",
    }


def change_effect(before: BankState, after: BankState, banks: dict | None = None) -> dict:
    names = dict(Role.objects.values_list("slug", "name"))

    def name(slug: str | None) -> str:
        return names.get(slug or "", slug or _("no role"))

    def passed(state: BankState, pk: int) -> bool:
        return pk in state.personas and state.personas[pk].passed

    moved = Counter(
        (before.recommended[a], now)
        for a, now in after.recommended.items()
        if a in before.recommended and before.recommended[a] != now
    )
    return {
        "started_passing": [
            {"persona": o, "why": why_it_flips(pk, banks) if banks else ""}
            for pk, o in after.personas.items()
            if o.passed and not passed(before, pk)
        ],
        "stopped_passing": [
            {
                "persona": o,
                "expected": name(o.expected),
                "now": name(o.top),
                "why": why_it_flips(pk, banks) if banks else "",
            }
            for pk, o in after.personas.items()
            if not o.passed and passed(before, pk)
        ],
        "results": len(after.recommended),
        "all_results": after.all_results,
        "results_changed": sum(moved.values()),
        "moves": [
            {"from": name(a), "to": name(b), "count": n}
            for (a, b), n in sorted(moved.items(), key=lambda item: (-item[1], item[0]))
        ],
        "new_problems": sorted(after.problems - before.problems),
        "fixed_problems": sorted(before.problems - after.problems),
    }


SHOWN_CHARACTERS = 300


def _shown(value) -> str:
    if value is None:
        return ""
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, indent=1)
    return text if len(text) <= SHOWN_CHARACTERS else text[:SHOWN_CHARACTERS] + " …"


def changes_between(before: dict, after: dict) -> list[dict]:
    """Every difference between two bank files, before → after, shortened for a page."""
    return [
        {"place": c.place, "kind": c.kind, "before": _shown(c.before), "after": _shown(c.after)}
        for c in bank_diff(before, after)
    ]


def dry_run_effect(change: Callable[[], T]) -> tuple[T, dict, list[str]]:
    """Runs ``change`` (which writes the bank) in a transaction that is rolled back, and
    returns what it returned, its effect (``change_effect``) and the completeness problems it
    would bring in. Exceptions from ``change`` pass through, with nothing written."""
    before = bank_state(*read_banks())
    gaps_before = completeness_gaps()
    with transaction.atomic():
        outcome = change()
        changed = read_banks()
        new_gaps = sorted(completeness_gaps() - gaps_before)
        transaction.set_rollback(True)
    bank_changed()  # anything cached from the rolled-back bank goes with its version
    return outcome, change_effect(before, bank_state(*changed), changed[0]), new_gaps


def _resubmitted(request) -> list[tuple[str, str]]:
    """The form data to post again, as hidden fields (the CSRF token comes fresh)."""
    return [
        (key, value)
        for key, values in request.POST.lists()
        if key not in ("csrfmiddlewaretoken", APPLY, KEEP_EDITING)
        for value in values
    ]


class _KeptEditing:
    """The page's form, posted back from the check page: shown filled in, never saved (the
    admin saves only a valid form)."""

    def is_valid(self):
        super().is_valid()  # its errors, if any, are shown as after any post
        return False


class PreviewBeforeApply:
    """A ModelAdmin whose saves are previewed first (mixed in by the admin site)."""

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        allowed = self.has_change_permission(request) if object_id else self.has_add_permission(request)
        applying = request.POST.get(APPLY) == "1"
        at_once = any(key in request.POST for key in APPLIED_AT_ONCE)
        if request.method != "POST" or at_once or not allowed or KEEP_EDITING in request.POST:
            # Reordering, or refused (the admin's own checks answer 403): nothing to preview.
            return super().changeform_view(request, object_id, form_url, extra_context)
        if applying:
            return self._apply_unless_incomplete(request, object_id, form_url, extra_context)
        before = bank_state(*read_banks())
        gaps_before = completeness_gaps()
        with transaction.atomic():
            response = self._quiet_save(request, object_id, form_url, extra_context)
            saved = response.status_code == 302
            changed = read_banks() if saved else None
            new_gaps = sorted(completeness_gaps() - gaps_before) if saved else []
            transaction.set_rollback(True)
        # Anything cached from the rolled-back bank is dropped with its version.
        bank_changed()
        if not saved:
            return response  # the form with its errors: nothing was saved
        after = bank_state(*changed)
        request.bank_change_previewed = True
        effect = change_effect(before, after, changed[0])
        return self._check_page(request, object_id, effect=effect, refused=new_gaps)

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        if request.method == "POST" and KEEP_EDITING in request.POST:
            return type(form.__name__, (_KeptEditing, form), {})
        return form

    def message_user(self, request, message, level=messages.INFO, extra_tags="", fail_silently=False):
        """The admin's messages ("was changed successfully"), held back while a save is a dry
        run or waits for its completeness check (``_quiet_save``)."""
        held = getattr(request, "held_admin_messages", None)
        if held is not None:
            held.append((level, message, extra_tags))
            return
        super().message_user(request, message, level, extra_tags, fail_silently)

    def _quiet_save(self, request, object_id, form_url, extra_context, *, kept: list | None = None):
        """The admin's own save, with its messages kept from the page (or in ``kept``)."""
        request.held_admin_messages = []
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        finally:
            if kept is not None:
                kept += request.held_admin_messages
            request.held_admin_messages = None

    def _apply_unless_incomplete(self, request, object_id, form_url, extra_context):
        """Applies the confirmed change, unless it leaves the published bank incomplete (the
        check page refused it already; this holds for a post that skipped the check page)."""
        gaps_before = completeness_gaps()
        said: list = []
        with transaction.atomic():
            response = self._quiet_save(request, object_id, form_url, extra_context, kept=said)
            new_gaps = sorted(completeness_gaps() - gaps_before) if response.status_code == 302 else []
            if new_gaps:
                transaction.set_rollback(True)
        if not new_gaps:
            for level, message, extra_tags in said:  # "was changed successfully", once it is true
                messages.add_message(request, level, message, extra_tags=extra_tags)
            return response
        bank_changed()
        request.bank_change_previewed = True
        return self._check_page(request, object_id, effect=None, refused=new_gaps)

    def _check_page(self, request, object_id, *, effect: dict | None, refused: list[str]):
        return TemplateResponse(
            request,
            "editor/preview_change.html",
            {
                **self.admin_site.each_context(request),
                "title": _("Check this change before it goes live"),
                "opts": self.model._meta,
                "object_id": object_id,
                "effect": effect,
                "refused": refused,
                "fields": _resubmitted(request),
                "apply_field": APPLY,
                "keep_editing_field": KEEP_EDITING,
                "form_url": request.get_full_path(),
            },
            status=422 if refused else 200,
        )
