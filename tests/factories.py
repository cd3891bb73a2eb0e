"""Small helpers that make just the rows a test needs."""

from datetime import timedelta
from itertools import count

from django.urls import reverse

from quiz import engine
from quiz.bank import load_bank
from quiz.models import Answer, Attempt, Option, OptionScore, Question, Quiz, Result
from quiz.services import answer_save
from roles.models import Competency, Role, RoleCompetency

_seq = count(1)


def make_competency(slug=None, kind="skill", **kwargs):
    slug = slug or f"competency-{next(_seq)}"
    return Competency.objects.create(slug=slug, name=kwargs.pop("name", slug.title()), kind=kind, **kwargs)


def make_role(slug=None, profile=None, **kwargs):
    slug = slug or f"role-{next(_seq)}"
    defaults = {
        "name": slug.replace("-", " ").title(),
        "family": "product",
        "seniority": 1,
        "summary": "s",
        "responsibilities": "r",
    }
    role = Role.objects.create(slug=slug, **{**defaults, **kwargs})
    for competency, (level, importance) in (profile or {}).items():
        RoleCompetency.objects.create(role=role, competency=competency, level=level, importance=importance)
    return role


def make_quiz(slug=None, **kwargs):
    slug = slug or f"quiz-{next(_seq)}"
    return Quiz.objects.create(
        slug=slug,
        title=kwargs.pop("title", slug),
        published=kwargs.pop("published", True),
        adaptive=kwargs.pop("adaptive", False),
        **kwargs,
    )


def make_question(quiz, slug=None, kind="single", options=(), **kwargs):
    """options: (slug, label, {competency: value}) tuples."""
    slug = slug or f"question-{next(_seq)}"
    question = Question.objects.create(
        quiz=quiz,
        slug=slug,
        text=kwargs.pop("text", f"Question {slug}?"),
        kind=kind,
        order=kwargs.pop("order", next(_seq)),
        **kwargs,
    )
    for order, (opt_slug, label, scores) in enumerate(options):
        option = Option.objects.create(question=question, slug=opt_slug, label=label, order=order)
        for competency, value in scores.items():
            OptionScore.objects.create(option=option, competency=competency, value=value)
    return question


def make_attempt(quiz, owner_key="owner", **kwargs):
    return Attempt.objects.create(quiz=quiz, owner_key=owner_key, **kwargs)


def own(client, owner_key="owner"):
    """Gives ``client`` the owner cookie a browser gets when it starts a quiz."""
    from django.conf import settings
    from django.core import signing

    from quiz.views import OWNER_COOKIE_SALT

    name = settings.OWNER_COOKIE_NAME
    client.cookies[name] = signing.get_cookie_signer(salt=name + OWNER_COOKIE_SALT).sign(owner_key)
    return client


def step_url(attempt, slug, then=""):
    url = reverse("quiz:question", args=[attempt.uuid, slug])
    return url + ("?then=summary" if then else "")


def typical_answers(bank, role):
    """The answers a person in the role would give, to every question: those that say
    nothing about the role's profile get the middle of the scale or the first option."""
    answers = engine.answer_as_role(bank, role)
    for question in bank.questions.values():
        if question.slug not in answers:
            answers[question.slug] = 3 if question.kind == "scale" else (question.answer_options[0].slug,)
    return answers


def answer_everything(attempt, role="product-manager"):
    """Saves the answers a person in the role would give to every active question."""
    bank = load_bank(attempt.quiz)
    questions = {q.slug: q for q in attempt.quiz.active_questions()}
    for slug, value in typical_answers(bank, role).items():
        question = questions[slug]
        if question.kind == "scale" and isinstance(value, int):
            answer_save(attempt=attempt, question=question, scale_value=value)
        else:
            answer_save(
                attempt=attempt, question=question, options=list(question.options.filter(slug__in=value))
            )


def make_attempts(quiz, questions, count, *, answered, completed_share, start):
    """count attempts; the first answered[i] of them answered question i; the last
    completed_share of the ones that answered all are completed with a result."""
    attempts = Attempt.objects.bulk_create(
        [
            Attempt(quiz=quiz, owner_key=f"o{i}", started_at=start + timedelta(days=i % 3, seconds=i % 3600))
            for i in range(count)
        ],
        batch_size=5000,
    )
    answers = []
    for index, question in enumerate(questions):
        for attempt in attempts[: answered[index]]:
            answers.append(
                Answer(
                    attempt=attempt,
                    question=question,
                    answered_at=attempt.started_at + timedelta(seconds=10 * (index + 1)),
                )
            )
    Answer.objects.bulk_create(answers, batch_size=5000)
    done = attempts[: int(answered[-1] * completed_share)]
    for attempt in done:
        attempt.completed_at = attempt.started_at + timedelta(seconds=60)
    Attempt.objects.bulk_update(done, ["completed_at"], batch_size=5000)
    Result.objects.bulk_create(
        [
            Result(
                attempt=a,
                engine_version="1.0",
                recommended_role_slug="product-manager" if i % 4 else "cpo",
                match=80,
                snapshot={},
            )
            for i, a in enumerate(done)
        ],
        batch_size=5000,
    )
    # answered_at is auto_now on save; bulk_create keeps the given times.
    return attempts


def staff_client(name, permissions):
    """A signed-in client of a staff user with just these permissions ("app.codename")."""
    from django.contrib.auth.models import Permission, User
    from django.test import Client

    user = User.objects.create_user(name.replace(" ", "-"), password="pw", is_staff=True)
    for perm in permissions:
        app, codename = perm.split(".")
        user.user_permissions.add(Permission.objects.get(content_type__app_label=app, codename=codename))
    client = Client()
    client.force_login(user)
    return client
