"""A calibration persona's answers on its admin page: the quiz's own controls, one per
active question, grouped by the quiz's sections and labelled with the question's text.

What is saved is the JSON the bank file and calibration read (question slug → option slug,
a list of option slugs, or a 1–5 value; ``quiz.answers``), checked by the same
``parse_answer``. A persona may leave questions unanswered. Answers to questions that are
no longer active are kept as they are and shown as text."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from django import forms
from django.db.models import Prefetch
from django.forms.boundfield import BoundField
from django.utils.translation import gettext_lazy as _

from .answers import AnswerFileError, answer_as_data, parse_answer
from .bank import load_bank
from .engine.explain import scale_choice
from .engine.types import SCALE_MAX, SCALE_MIN
from .forms import NOT_APPLICABLE_PREFIX, answer_field, check_combination
from .models import Option, Persona, Question, Quiz, Result
from .selectors import result_answers

FIELD_PREFIX = "answer-"
NOT_ANSWERED = ""


def _slug(option: Option) -> str:
    return option.slug


@dataclass
class AnswerRow:
    """One question on the persona's page: its control, or, where the answer
    cannot be changed here, the saved answer in words (``text``; empty: not answered)."""

    label: str
    text: str
    control: BoundField | None = None
    warning: str = ""


@dataclass
class AnswerSection:
    name: str
    rows: list[AnswerRow] = field(default_factory=list)


def answer_words(question: Question, options: dict[str, Option], value: Any) -> str:
    """A saved answer as the quiz shows it: option labels, or the scale's words."""
    if value is None:
        return ""
    if isinstance(value, int) and not isinstance(value, bool) and SCALE_MIN <= value <= SCALE_MAX:
        return scale_choice(value)
    values = value if isinstance(value, list) else [value]
    return "; ".join(
        options[v].label if isinstance(v, str) and v in options else json.dumps(v) for v in values
    )


def _initial(question: Question, value: Any) -> str | list[str]:
    """A valid saved answer as the control's value; not answered when there is none."""
    if question.kind == Question.Kind.MULTIPLE:
        return [] if value is None else [value] if isinstance(value, str) else list(value)
    if value is None:
        return NOT_ANSWERED
    if question.kind == Question.Kind.SCALE and isinstance(value, str):
        return f"{NOT_APPLICABLE_PREFIX}{value}"
    return str(value)


def _as_data(question: Question, value: str | list[str]) -> str | int | list[str] | None:
    """The control's value as the persona's JSON stores it (None: not answered)."""
    if not value:
        return None
    if question.kind == Question.Kind.SCALE:
        return int(value) if value.isdigit() else value.removeprefix(NOT_APPLICABLE_PREFIX)
    return value


def preview_answers(result: Result) -> dict[str, str | int | list[str]]:
    """What a staff preview answered, as a persona's answers: the answers its result was
    computed from, to the questions still in the quiz."""
    bank = load_bank(result.attempt.quiz)
    return {
        slug: answer_as_data(bank.questions[slug], value)
        for slug, value in result_answers(result).items()
        if slug in bank.questions
    }


class PersonaForm(forms.ModelForm):
    """The persona's name, role and notes, and its answers to ``answers_quiz`` (set per
    request by ``for_quiz``). Without a quiz yet there are no answers to give; with
    ``answers_editable`` off the answers are text only (a view-only editor)."""

    answers_quiz: Quiz | None = None
    answers_editable: bool = True

    class Meta:
        model = Persona
        exclude = ["answers"]

    @classmethod
    def for_quiz(cls, quiz: Quiz | None, *, editable: bool) -> type[PersonaForm]:
        return type(cls.__name__, (cls,), {"answers_quiz": quiz, "answers_editable": editable})

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        saved = self.instance.answers if self.instance.pk else self.initial.get("answers")
        self.saved = saved if isinstance(saved, dict) else {}
        self.sections: list[AnswerSection] = []
        self._controls: dict[str, tuple[Question, dict[str, Option]]] = {}
        quiz = self.answers_quiz
        if quiz is None:
            return
        if "quiz" in self.fields:
            # The answers follow this quiz's questions: it is not changed here.
            self.fields["quiz"].queryset = Quiz.objects.filter(pk=quiz.pk)
            self.fields["quiz"].initial = quiz.pk
            self.fields["quiz"].disabled = True
        self._build_sections(quiz)

    def _build_sections(self, quiz: Quiz) -> None:
        self._bank = load_bank(quiz)
        questions = list(
            quiz.questions.order_by("order", "pk").prefetch_related(
                Prefetch("options", queryset=Option.objects.select_related("role").order_by("order", "pk"))
            )
        )
        sections: dict[str, AnswerSection] = {}
        for question in questions:
            if question.active:
                name = question.section or _("Questions")
                sections.setdefault(name, AnswerSection(name)).rows.append(self._row(question))
        self.sections = list(sections.values())
        # Answers to questions taken out of the quiz: kept, and shown as they were saved.
        active = {q.slug for q in questions if q.active}
        inactive = {q.slug: q for q in questions if not q.active}
        kept = [
            AnswerRow(inactive[slug].text, self._words(inactive[slug], value))
            if slug in inactive
            else AnswerRow(slug, json.dumps(value))
            for slug, value in self.saved.items()
            if slug not in active
        ]
        if kept:
            self.sections.append(AnswerSection(_("Answers to questions no longer in the quiz (kept)"), kept))

    @staticmethod
    def _words(question: Question, value: Any) -> str:
        return answer_words(question, {o.slug: o for o in question.options.all()}, value)

    def _row(self, question: Question) -> AnswerRow:
        value = self.saved.get(question.slug)
        row = AnswerRow(question.text, self._words(question, value))
        if not self.answers_editable:
            return row
        try:
            if value is not None:
                parse_answer(self._bank.questions[question.slug], value)
        except AnswerFileError:
            value = None
            row.warning = _(
                "Saved as “%(answer)s”, which this question no longer accepts: choose an answer "
                "or leave it not answered."
            ) % {"answer": row.text}
        active = [o for o in question.options.all() if o.active]
        control = answer_field(question, active, value=_slug)
        control.required = False
        control.initial = _initial(question, value)
        if question.kind != Question.Kind.MULTIPLE:
            control.choices = [*control.choices, (NOT_ANSWERED, _("Not answered"))]
        name = f"{FIELD_PREFIX}{question.slug}"
        self.fields[name] = control
        self._controls[name] = (question, {o.slug: o for o in active})
        row.control = self[name]
        return row

    def clean(self):
        cleaned = super().clean()
        answers = {}
        for name, (question, options) in self._controls.items():
            if question.kind != Question.Kind.MULTIPLE and name not in self.data:
                # The page always sends a radio ("Not answered" at least): a post without
                # one is not from it, and must not wipe the answer.
                self.add_error(name, _("Choose an answer, or “Not answered”."))
                continue
            value = _as_data(question, cleaned.get(name) or NOT_ANSWERED)
            if value is None:
                continue
            if question.kind == Question.Kind.MULTIPLE:
                try:
                    check_combination([options[v] for v in value])
                except forms.ValidationError as error:
                    self.add_error(name, error)
                    continue
            answers[question.slug] = value
        self._check_with_bank(answers)
        kept = {
            slug: value for slug, value in self.saved.items() if f"{FIELD_PREFIX}{slug}" not in self._controls
        }
        self.instance.answers = {**answers, **kept}
        return cleaned

    def _check_with_bank(self, answers: dict) -> None:
        """The answers pass the checks that calibration and the bank's import apply."""
        for slug, value in answers.items():
            try:
                parse_answer(self._bank.questions[slug], value)
            except AnswerFileError as error:
                self.add_error(f"{FIELD_PREFIX}{slug}", str(error))
