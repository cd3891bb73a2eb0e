"""What one request of the quiz costs inside the process, in milliseconds.

Times a question page, an answer and a result page (plain and gzipped) with Django's test client (no
network, no app server) over ``--iterations`` requests each, on a fresh SQLite file with
the default content, and prints the median and the 90th percentile of the CPU time each took, and the
median wall-clock time. Run it from
the repository's root (SQLite, no Redis):

    .venv/bin/python benchmarks/step_cost.py --iterations 300

It touches nothing but a temporary directory it creates and removes.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def configure(workdir: str) -> None:
    sys.path.insert(0, str(ROOT))
    os.environ.update(
        {
            # The app's settings with plain static files (no collectstatic needed).
            "DJANGO_SETTINGS_MODULE": "tests.settings",
            "DATABASE_URL": f"sqlite:///{workdir}/bench.sqlite3",
            "ALLOWED_HOSTS": "testserver",
            "RATELIMIT_CACHE_DIR": f"{workdir}/ratelimit",
            "DEBUG": "false",
        }
    )
    os.environ.pop("REDIS_URL", None)
    import django

    django.setup()


def timed(call, iterations: int) -> tuple[list[float], list[float]]:
    """Milliseconds of each of ``iterations`` calls, after a few untimed ones (caches
    filled): the CPU time this thread spent, which other work on a shared machine hardly
    changes, and the wall-clock time."""
    for _ in range(5):
        call()
    cpu, wall = [], []
    for _ in range(iterations):
        start_cpu, start_wall = time.thread_time(), time.perf_counter()
        call()
        cpu.append((time.thread_time() - start_cpu) * 1000)
        wall.append((time.perf_counter() - start_wall) * 1000)
    return cpu, wall


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--iterations", type=int, default=300)
    args = parser.parse_args()
    workdir = tempfile.mkdtemp(prefix="step-cost-")
    try:
        configure(workdir)
        run(args.iterations)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def run(iterations: int) -> None:
    from django.core.management import call_command
    from django.test import Client
    from django.urls import reverse

    from quiz.models import Attempt, Quiz
    from quiz.services import attempt_complete

    call_command("migrate", verbosity=0)
    call_command("load_default_content", verbosity=0)
    quiz = Quiz.objects.get()
    client = Client()
    step = client.post(reverse("quiz:start", args=[quiz.slug]))["Location"]
    page = client.get(step).content.decode()
    option = re.findall(r'name="answer" value="(\d+)"', page)[0]

    def question_page():
        assert client.get(step).status_code == 200

    def answer():
        assert client.post(step, {"answer": option}).status_code == 302

    figures = {
        "question page (GET)": timed(question_page, iterations),
        "answer (POST)": timed(answer, iterations),
    }

    # A finished attempt's result page, as a person who follows the shared link sees it.
    from tests.factories import answer_everything

    attempt = Attempt.objects.create(quiz=quiz, owner_key="benchmark")
    answer_everything(attempt)
    result_url = attempt_complete(attempt=attempt).get_absolute_url()
    visitor = Client()

    def result_page():
        assert visitor.get(result_url).status_code == 200

    def result_page_gzipped():
        assert visitor.get(result_url, headers={"Accept-Encoding": "gzip"}).status_code == 200

    figures["result page (GET)"] = timed(result_page, iterations)
    figures["result page, gzip"] = timed(result_page_gzipped, iterations)
    print(f"{'':22} {'CPU median':>10} {'CPU p90':>8} {'wall median':>12}")
    for name, (cpu, wall) in figures.items():
        cpu.sort()
        print(
            f"{name:22} {statistics.median(cpu):7.2f} ms {cpu[int(len(cpu) * 0.9)]:5.2f} ms"
            f" {statistics.median(wall):9.2f} ms   (n={len(cpu)})"
        )


if __name__ == "__main__":
    main()
