"""Editors' analytics over many attempts: the time and queries of the analytics page and
the peak memory of building it. Runs in a throwaway test database (SQLite by default,
PostgreSQL with DATABASE_URL), never in the app's own.

    make bench-analytics                  (100,000 attempts)
    .venv/bin/python benchmarks/analytics.py --attempts 1000000
"""

import argparse
import os
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
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils import timezone  # noqa: E402

from editor.analytics import quiz_analytics  # noqa: E402
from roles.models import Competency  # noqa: E402
from tests.factories import make_attempts, make_question, make_quiz  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--attempts", type=int, default=100_000)
    count = parser.parse_args().attempts
    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        skill = Competency.objects.create(slug="s", name="S", kind="skill", description="d")
        quiz = make_quiz("three")
        questions = [
            make_question(quiz, slug=f"q{i}", order=i, options=[("a", "A", {skill: 1})]) for i in range(3)
        ]
        start = timezone.now().replace(hour=0, minute=0, second=0, microsecond=0) - timedelta(days=5)
        began = time.perf_counter()
        make_attempts(
            quiz, questions, count, answered=[count, count // 2, count // 5], completed_share=0.5, start=start
        )
        print(f"{count:,} attempts on {connection.vendor}, written in {time.perf_counter() - began:.1f} s")

        tracemalloc.start()
        began = time.perf_counter()
        data = quiz_analytics(quiz, start, start + timedelta(days=10))
        seconds = time.perf_counter() - began
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        assert data.started == count
        print(f"analytics figures: {seconds * 1000:.0f} ms, peak Python memory {peak / 1e6:.1f} MB")

        client = Client()
        client.force_login(get_user_model().objects.create_superuser("bench", "bench@example.com", None))
        url = reverse("admin:bank_analytics") + f"?quiz={quiz.slug}"
        client.get(url)  # warm up templates
        with CaptureQueriesContext(connection) as queries:
            began = time.perf_counter()
            response = client.get(url)
            seconds = time.perf_counter() - began
        assert response.status_code == 200, response.status_code
        print(f"analytics page: {seconds * 1000:.0f} ms, {len(queries)} queries")
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
