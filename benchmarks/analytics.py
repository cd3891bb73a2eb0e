"""The editors' tools over many attempts: the analytics rollup (its first run over every
attempt, then, as if an hour later, a run with nothing new and one after 1,000 attempts
changed), the analytics and
item-analysis pages, the results CSV and the re-score preview, each with its time, peak
Python memory and queries. Runs in a throwaway
test database (SQLite by default, PostgreSQL with DATABASE_URL), never in the app's own.

    make bench-analytics                  (100,000 attempts)
    make bench-analytics ATTEMPTS=1000000 DATABASE_URL=postgres://postgres@127.0.0.1:5432/careerquiz

The data is that of tests/factories.make_attempts (written by the database itself): a
three-question quiz over three days, every attempt answering the first question, half the
second, a fifth the third, half of those completed with a result; here the completed
attempts' answers also choose options (one of five, so the re-score preview has something
to score). Each tool runs once timed (with the queries counted) and once under tracemalloc
for its peak memory (tracemalloc slows Python down, so that run is not timed).
"""

import argparse
import os
import platform
import sys
import time
import tracemalloc
import warnings
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")

import django  # noqa: E402

warnings.filterwarnings("ignore", "No directory at", UserWarning)
django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.core.signals import request_finished, request_started  # noqa: E402
from django.db import close_old_connections, connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils import timezone  # noqa: E402

from quiz import tallies  # noqa: E402
from quiz.models import AnalyticsRollup, Answer, AnswerChoice, Attempt, Option, Question, Result  # noqa: E402
from roles.models import Competency  # noqa: E402
from tests.factories import bulk_attempts, make_question, make_quiz, make_role  # noqa: E402

OPTIONS = 5


def build(count: int, spread: bool = False):
    skill = Competency.objects.create(slug="s", name="S", kind="skill", description="d")
    for level, slug in enumerate(["associate", "product-manager", "senior", "principal", "cpo"]):
        make_role(slug, profile={skill: (level, 3)})
    quiz = make_quiz("three")
    questions = [
        make_question(
            quiz,
            slug=f"q{i}",
            order=i,
            options=[(f"o{j}", f"O{j}", {skill: j % 5}) for j in range(OPTIONS)],
        )
        for i in range(3)
    ]
    start = timezone.now().replace(hour=0, minute=0, second=0, microsecond=0) - timedelta(days=5)
    bulk_attempts(
        quiz,
        questions,
        count,
        answered=[count, count // 2, count // 5],
        completed_share=0.5,
        start=start,
        rollup=False,
    )
    # The completed attempts' answers choose an option each.
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET statement_timeout = 0")
        cursor.execute(
            f"INSERT INTO {AnswerChoice._meta.db_table} (answer_id, option_id) "
            f"SELECT a.id, o.id FROM {Answer._meta.db_table} a "
            f"JOIN {Result._meta.db_table} r ON r.attempt_id = a.attempt_id "
            f"JOIN {Question._meta.db_table} q ON q.id = a.question_id "
            f'JOIN {Option._meta.db_table} o ON o.question_id = q.id AND o."order" = '
            f'(a.attempt_id / CASE q."order" WHEN 0 THEN 1 WHEN 1 THEN {OPTIONS} ELSE {OPTIONS**2} END) % {OPTIONS}'
        )
        if spread:
            _spread(cursor)
        if connection.vendor == "postgresql":
            cursor.execute("RESET statement_timeout")
            cursor.execute("VACUUM ANALYZE")  # as autovacuum would after such a load
        else:
            cursor.execute("ANALYZE")
    return quiz


def _spread(cursor) -> None:
    """Answer and completion times spread over minutes, as people's are (the same each run):
    each median then reads thousands of exact times instead of a handful."""
    if connection.vendor == "postgresql":
        later = "{} + make_interval(secs => (id * 7919 % 300000) / 1000.0)"
    else:
        later = "strftime('%Y-%m-%d %H:%M:%f', {}, '+' || ((id * 7919 % 300000) / 1000.0) || ' seconds')"
    cursor.execute(f"UPDATE {Answer._meta.db_table} SET answered_at = {later.format('answered_at')}")
    cursor.execute(
        f"UPDATE {Attempt._meta.db_table} SET completed_at = {later.format('completed_at')} "
        "WHERE completed_at IS NOT NULL"
    )


def database() -> str:
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SHOW server_version")
            return f"PostgreSQL {cursor.fetchone()[0]}"
    return f"SQLite {connection.Database.sqlite_version}"


def timed(name: str, work) -> None:
    """Runs ``work`` once, timed (work that changes what a second run would do)."""
    with CaptureQueriesContext(connection) as queries:
        began = time.perf_counter()
        note = work()
        seconds = time.perf_counter() - began
    print(f"{name:<20} {seconds * 1000:>9,.0f} ms {'':>11} {len(queries):>8,}   {note}")


def measure(name: str, request) -> None:
    """Runs ``request`` (which returns what to report after the figures) timed, then traced."""
    with CaptureQueriesContext(connection) as queries:
        began = time.perf_counter()
        note = request()
        seconds = time.perf_counter() - began
    queries = len(queries)
    tracemalloc.start()
    request()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    print(f"{name:<20} {seconds * 1000:>9,.0f} ms {peak / 1e6:>8.1f} MB {queries:>8,}   {note}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--attempts", type=int, default=100_000)
    parser.add_argument("--spread", action="store_true", help=_spread.__doc__.split(":")[0])
    arguments = parser.parse_args()
    count = arguments.attempts
    setup_test_environment()
    # One connection throughout, as with persistent connections (CONN_MAX_AGE) in production:
    # the queries of each request stay countable.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        began = time.perf_counter()
        quiz = build(count, arguments.spread)
        results = Result.objects.count()
        print(
            f"{count:,} attempts ({results:,} results) on {database()}, Python {platform.python_version()}, "
            f"{os.cpu_count()} cores; written in {time.perf_counter() - began:.0f} s"
        )
        print(f"{'':<20} {'time':>12} {'peak':>11} {'queries':>8}")
        timed("rollup, first run", lambda: f"{tallies.rollup([quiz.pk]):,} attempts counted")
        # An hour later, every five minutes: a run reads the attempts changed since the last.
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                cursor.execute("SET statement_timeout = 0")  # a million rows at once
            Attempt.objects.update(updated_at=timezone.now() - timedelta(hours=1))
            if connection.vendor == "postgresql":
                cursor.execute("RESET statement_timeout")
                # Statistics of the new times, as autovacuum keeps them on a live table:
                # without them the planner expects every attempt to have changed.
                cursor.execute(f"ANALYZE {Attempt._meta.db_table}")
        AnalyticsRollup.objects.update(counted_until=timezone.now() - timedelta(minutes=5))
        timed("rollup, nothing new", lambda: f"{tallies.rollup([quiz.pk]):,} attempts looked at")
        recent = list(Attempt.objects.filter(completed_at__isnull=True).values_list("pk", flat=True)[:1000])
        Attempt.objects.filter(pk__in=recent).update(updated_at=timezone.now())
        timed("rollup, 1,000 changed", lambda: f"{tallies.rollup([quiz.pk]):,} attempts counted again")
        client = Client()
        client.force_login(get_user_model().objects.create_superuser("bench", "bench@example.com", None))
        analytics_url = reverse("admin:bank_analytics") + f"?quiz={quiz.slug}"
        client.get(analytics_url)  # templates and the bank's health, cached

        def analytics():
            response = client.get(analytics_url)
            assert response.status_code == 200, response.status_code
            assert f"{count} attempts started" in response.content.decode()
            return ""

        def results_csv():
            response = client.get(reverse("admin:results_csv"))
            size = lines = 0
            for piece in response.streaming_content:
                size += len(piece)
                lines += piece.count(b"\n")
            assert lines == results + 1, (lines, results)
            return f"{lines - 1:,} rows, {size / 1e6:.1f} MB streamed"

        def rescore():
            response = client.get(reverse("admin:bank_rescore"))
            assert response.status_code == 200, response.status_code
            preview = response.context["preview"]
            assert preview["total"] == results
            return f"{preview['total']:,} results, {preview['scored']:,} distinct answer sets scored"

        def sorted_by_time():
            response = client.get(analytics_url + "&sort=time&order=desc")
            assert response.status_code == 200, response.status_code
            return ""

        question_url = reverse("admin:bank_question_analytics", args=[quiz.questions.get(slug="q0").pk])

        def question_page():
            response = client.get(question_url)
            assert response.status_code == 200, response.status_code
            assert f"the {count} attempts started" in response.content.decode()
            return ""

        measure("analytics page", analytics)
        measure("… sorted by time", sorted_by_time)
        measure("question page", question_page)
        measure("results CSV", results_csv)
        measure("re-score preview", rescore)
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
