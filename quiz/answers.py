"""Checks answers given as plain data (the ``score`` command's file, calibration
personas) against a bank, naming the offending entry."""

from __future__ import annotations

from typing import Any

from . import engine


class AnswerFileError(ValueError):
    pass


def parse_answer(question: engine.QuestionInfo, value: Any) -> engine.AnswerValue:
    if question.kind == engine.SCALE:
        return _scale_answer(question, value)
    values = _choice_values(question, value)
    known = {o.slug: o for o in question.options}
    slug = question.slug
    for v in values:
        if v not in known:
            raise AnswerFileError(f'"{slug}": unknown option "{v}"')
    if len(set(values)) != len(values):
        raise AnswerFileError(f'"{slug}": an option is listed twice')
    exclusive = next((v for v in values if known[v].exclusive), None)
    if len(values) > 1 and exclusive:
        raise AnswerFileError(f'"{slug}": "{exclusive}" cannot be combined with other options')
    if question.purpose == engine.TARGET_ROLES and len(values) > engine.MAX_TARGET_ROLES:
        raise AnswerFileError(f'"{slug}": name at most {engine.MAX_TARGET_ROLES} roles')
    order = [o.slug for o in question.options]
    return tuple(sorted(values, key=order.index))


def answer_as_data(question: engine.QuestionInfo, answer: engine.AnswerValue) -> str | int | list[str]:
    """An answer as a persona or the ``score`` command's file writes it (what
    ``parse_answer`` reads back): a 1–5 value, one option slug (a single choice, or a
    statement's not-applicable option) or a list of option slugs (a multiple choice)."""
    if isinstance(answer, int):
        return answer
    if question.kind == engine.MULTIPLE:
        return list(answer)
    return answer[0]


def _scale_answer(question: engine.QuestionInfo, value: Any) -> engine.AnswerValue:
    slug = question.slug
    if isinstance(value, str):
        option = question.option(value)
        if option is None or not option.not_applicable:
            raise AnswerFileError(
                f'"{slug}": expected a whole number from 1 to 5, or a not-applicable option, got {value!r}'
            )
        return (value,)
    if isinstance(value, bool) or not isinstance(value, int):
        raise AnswerFileError(
            f'"{slug}": expected a whole number from 1 to 5 for a scale question, got {value!r}'
        )
    if not engine.SCALE_MIN <= value <= engine.SCALE_MAX:
        raise AnswerFileError(f'"{slug}": {value} is off the 1–5 scale')
    return value


def _choice_values(question: engine.QuestionInfo, value: Any) -> list[str]:
    slug = question.slug
    if question.kind == engine.MULTIPLE:
        values = [value] if isinstance(value, str) else value
        if not isinstance(values, list) or not values or not all(isinstance(v, str) for v in values):
            raise AnswerFileError(
                f'"{slug}": expected a list of option slugs for a multiple-choice question, got {value!r}'
            )
        return values
    if not isinstance(value, str):
        raise AnswerFileError(
            f'"{slug}": expected one option slug for a single-choice question, got {value!r}'
        )
    return [value]


def parse_answer_file(bank: engine.Bank, raw: Any) -> dict[str, engine.AnswerValue]:
    if not isinstance(raw, dict):
        raise AnswerFileError("the answers file must be a JSON object of question slug → answer")
    answers = {}
    for slug, value in raw.items():
        question = bank.questions.get(slug)
        if question is None:
            raise AnswerFileError(f'unknown question "{slug}"')
        answers[slug] = parse_answer(question, value)
    return answers
