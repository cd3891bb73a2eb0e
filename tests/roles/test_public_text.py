"""What a job seeker reads carries no internal marker (issue #26.8): judgement calls are
said as "our estimate" with the reasoning, never as "(J)"."""

import re

from quiz.content import personas
from quiz.models import Attempt
from quiz.services import AttemptIncomplete, answer_save, attempt_complete
from roles.models import Role

MARKERS = re.compile(r"\(J\)|\bJ\)|\[J\]")


def _persona_result(quiz, answers):
    # Every question answered, as the persona wrote them: no adaptive walk to simulate.
    attempt = Attempt.objects.create(quiz=quiz, owner_key="k", answer_all=True)
    questions = {q.slug: q for q in quiz.active_questions()}
    for slug, value in answers.items():
        question = questions.get(slug)
        if question is None:
            continue
        if isinstance(value, int):
            answer_save(attempt=attempt, question=question, scale_value=value)
        else:
            chosen = value if isinstance(value, list) else [value]
            answer_save(
                attempt=attempt, question=question, options=list(question.options.filter(slug__in=chosen))
            )
    while True:
        try:
            return attempt_complete(attempt=attempt)
        except AttemptIncomplete as missing:
            # A question added after the persona was written: the neutral answer.
            _answer_neutrally(attempt, missing.question)


def _answer_neutrally(attempt, question):
    if question.kind == "scale":
        not_applicable = question.options.filter(not_applicable=True).first()
        if not_applicable:
            answer_save(attempt=attempt, question=question, options=[not_applicable])
        else:
            answer_save(attempt=attempt, question=question, scale_value=3)
    else:
        answer_save(attempt=attempt, question=question, options=[question.options.order_by("order").first()])


def _marked(html: str) -> list[str]:
    return [html[max(0, m.start() - 60) : m.end() + 20] for m in MARKERS.finditer(html)]


def test_no_role_page_or_comparison_carries_an_internal_marker(default_content, client):
    roles = list(Role.objects.active().order_by("order", "name"))
    pages = ["/roles/", *(role.get_absolute_url() for role in roles)]
    pages += [f"/roles/compare/?a={a.slug}&b={b.slug}" for a, b in zip(roles, roles[1:], strict=False)]
    for url in pages:
        assert _marked(client.get(url).content.decode()) == [], url


def test_no_persona_result_page_carries_an_internal_marker(default_content, client):
    # One persona per expected role: each result page shows its top three roles' cards,
    # reasons and plans, so together they cover every role's and route's text that a result
    # can show (all 51 would take a minute on a shared machine for no new text).
    one_per_role = {p["expected_role"]: p for p in personas()}
    for persona in one_per_role.values():
        result = _persona_result(default_content, persona["answers"])
        top_three = [item["role"] for item in result.snapshot["ranking"][:3]]
        for role in [None, *top_three]:
            url = result.get_absolute_url() + (f"?role={role}" if role else "")
            assert _marked(client.get(url).content.decode()) == [], (persona["name"], role)


def test_judgement_calls_read_as_our_estimate_with_a_reason(default_content):
    from roles.models import Transition

    for transition in Transition.objects.all():
        basis = transition.months_basis
        assert not MARKERS.search(basis), transition
        if "estimate" in basis:
            assert re.search(r"estimate[^.]*[:;,]", basis, re.IGNORECASE), transition
