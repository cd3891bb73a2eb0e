"""Small helpers that make just the rows a test needs."""

import uuid
from datetime import UTC, datetime, timedelta
from itertools import count, islice

from django.db import connection, transaction
from django.urls import reverse
from django.utils import timezone

from quiz import engine, tallies
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
    tallies.rebuild([quiz.pk])
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


def bulk_attempts(quiz, questions, count, *, answered, completed_share, start, chunk=20_000, rollup=True):
    """The rows of ``make_attempts`` written by the database itself: the same attempts,
    answers and results (a test checks it), for the benchmarks' million attempts, counted
    by the analytics rollup unless ``rollup`` is false.
    PostgreSQL: INSERT … SELECT over generate_series; other databases: executemany in
    chunks. Holds no row objects."""
    done = int(answered[-1] * completed_share)
    bulk = _BulkPostgreSQL if connection.vendor == "postgresql" else _BulkExecutemany
    with transaction.atomic(), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET LOCAL statement_timeout = 0")  # minutes for a million rows
            cursor.execute("SET LOCAL synchronous_commit = off")
        cursor.execute(f"SELECT COALESCE(MAX(id), 0) FROM {Attempt._meta.db_table}")
        writer = bulk(cursor, quiz, cursor.fetchone()[0], chunk)
        writer.attempts(count, done, start)
        for index, question in enumerate(questions):
            writer.answers(question, answered[index], timedelta(seconds=10 * (index + 1)))
        writer.results(done)
        if connection.vendor == "postgresql":
            # Statistics for the recount's queries (autovacuum would take a while).
            cursor.execute(
                f"ANALYZE {Attempt._meta.db_table}, {Answer._meta.db_table}, {Result._meta.db_table}"
            )
    if rollup:
        tallies.rebuild([quiz.pk])


class _BulkExecutemany:
    """Rows made in Python, sent in chunks of ``chunk``."""

    def __init__(self, cursor, quiz, before, chunk):
        self.cursor, self.quiz, self.before, self.chunk = cursor, quiz, before, chunk
        self.now = timezone.now()

    def new_attempts(self, first: int, columns: str) -> str:
        """The first ``first`` attempts written here, in order: ``columns`` of each."""
        return (
            f"SELECT {columns} FROM {Attempt._meta.db_table} WHERE quiz_id = {int(self.quiz.pk)} "
            f"AND id > {int(self.before)} ORDER BY id LIMIT {int(first)}"
        )

    def insert(self, table: str, columns: str, rows) -> None:
        sql = f"INSERT INTO {table} ({columns}) VALUES ({', '.join(['%s'] * len(columns.split(',')))})"
        batch = list(islice(rows, self.chunk))
        while batch:
            self.cursor.executemany(sql, batch)
            batch = list(islice(rows, self.chunk))

    def attempts(self, count, done, start):
        walk = Attempt._meta.get_field("walk").get_db_prep_value({}, connection)

        def rows():
            for i in range(count):
                started = start + timedelta(days=i % 3, seconds=i % 3600)
                completed = started + timedelta(seconds=60) if i < done else None
                yield (
                    _db_uuid(),
                    self.quiz.pk,
                    f"o{i}",
                    False,
                    False,
                    0,
                    walk,
                    *_db_datetimes(started, self.now, completed),
                )

        self.insert(Attempt._meta.db_table, ATTEMPT_COLUMNS, rows())

    def answers(self, question, first, offset):
        with connection.cursor() as reader:
            reader.execute(self.new_attempts(first, "id, started_at"))
            rows = (
                (pk, question.pk, *_db_datetimes(_aware(started) + offset))
                for batch in iter(lambda: reader.fetchmany(self.chunk), [])
                for pk, started in batch
            )
            self.insert(Answer._meta.db_table, "attempt_id, question_id, answered_at", rows)

    def results(self, done):
        with connection.cursor() as reader:
            reader.execute(self.new_attempts(done, "id"))
            snapshot = Result._meta.get_field("snapshot").get_db_prep_value({}, connection)
            rows = (
                (
                    _db_uuid(),
                    pk,
                    *_db_datetimes(self.now),
                    "1.0",
                    "product-manager" if i % 4 else "cpo",
                    80,
                    snapshot,
                )
                for i, pk in enumerate(
                    pk for batch in iter(lambda: reader.fetchmany(self.chunk), []) for (pk,) in batch
                )
            )
            self.insert(Result._meta.db_table, RESULT_COLUMNS, rows)


class _BulkPostgreSQL(_BulkExecutemany):
    """The same rows from generate_series, without a round trip per chunk."""

    def attempts(self, count, done, start):
        self.cursor.execute(
            f"INSERT INTO {Attempt._meta.db_table} ({ATTEMPT_COLUMNS}) "
            "SELECT gen_random_uuid(), %s, 'o' || i, false, false, 0, '{}'::jsonb, s, %s, "
            "       CASE WHEN i < %s THEN s + interval '60 seconds' END "
            "FROM generate_series(0, %s - 1) AS i, "
            "     LATERAL (SELECT %s + make_interval(days => i %% 3, secs => i %% 3600) AS s) AS t "
            "ORDER BY i",
            [self.quiz.pk, self.now, done, count, start],
        )

    def answers(self, question, first, offset):
        self.cursor.execute(
            f"INSERT INTO {Answer._meta.db_table} (attempt_id, question_id, answered_at) "
            f"SELECT id, %s, started_at + %s FROM ({self.new_attempts(first, 'id, started_at')}) AS t ORDER BY id",
            [question.pk, offset],
        )

    def results(self, done):
        self.cursor.execute(
            f"INSERT INTO {Result._meta.db_table} ({RESULT_COLUMNS}) "
            "SELECT gen_random_uuid(), id, %s, '1.0', "
            "       CASE WHEN (ROW_NUMBER() OVER (ORDER BY id) - 1) %% 4 = 0 THEN 'cpo' ELSE 'product-manager' END, "
            "       80, '{}'::jsonb "
            f"FROM ({self.new_attempts(done, 'id')}) AS t ORDER BY id",
            [self.now],
        )


ATTEMPT_COLUMNS = (
    "uuid, quiz_id, owner_key, is_preview, answer_all, at_least, walk, started_at, updated_at, completed_at"
)
RESULT_COLUMNS = "uuid, attempt_id, created_at, engine_version, recommended_role_slug, match, snapshot"


def _db_uuid():
    return Attempt._meta.get_field("uuid").get_db_prep_value(uuid.uuid4(), connection)


def _db_datetimes(*values):
    return tuple(connection.ops.adapt_datetimefield_value(value) for value in values)


def _aware(value):
    """A datetime read by a raw cursor: SQLite gives naive UTC text."""
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return value if timezone.is_aware(value) else value.replace(tzinfo=UTC)


# The default bank's calibration personas whose role falls outside the top three today
# (`make quality` reports them; the admin rightly flags them as bank problems). Tests of
# how bank health behaves start from a bank without them, so that each test's own change is
# the only problem.
KNOWN_PERSONA_MISSES = (
    "Rafael, chief product and technology officer",
    "Sophie, 'Head of Product, Consumer Apps'",
)


def drop_known_persona_misses() -> None:
    from quiz import caching
    from quiz.models import Persona

    for name in KNOWN_PERSONA_MISSES:
        Persona.objects.filter(name__startswith=name).delete()
    caching.forget()
