"""Load benchmark: gunicorn on PostgreSQL (and Redis), driven by wrk, in one run.

    make loadbench        (or: .venv/bin/python benchmarks/load.py [--duration 20] [--connections 50])

Reports, for a bare Django view through the same middleware (the floor), the question
page, answering a question (an htmx POST that returns the next question) and the result
page: requests/s, p50/p95/p99 latency, errors, and each as a ratio to the floor; then the
first-visit page weight and the size of an htmx question swap. Needs `wrk` (Debian's
package; `make loadbench` installs it) and the PostgreSQL and Redis given by DATABASE_URL
and REDIS_URL (default: the local ones, database careerquiz_bench).

Rate limits are off for the run: every request comes from one address.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import textwrap
import time
from http.client import HTTPConnection
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable

PREPARE = textwrap.dedent(
    """
    import json, sys
    import django
    django.setup()
    from django.conf import settings
    from django.contrib.sessions.backends.cache import SessionStore as CacheStore
    from importlib import import_module
    from django.middleware.csrf import _get_new_csrf_string
    from quiz import engine
    from quiz.bank import load_bank
    from quiz.models import Attempt, Quiz
    from quiz.services import answer_save, attempt_complete

    SessionStore = import_module(settings.SESSION_ENGINE).SessionStore
    quiz = Quiz.objects.get(slug="product-careers")
    bank = load_bank(quiz)
    questions = list(quiz.active_questions())
    roles = [r.slug for r in bank.recommendable_roles()]
    middle = questions[len(questions) // 2]
    Attempt.objects.filter(quiz=quiz, owner_key__startswith="bench-").delete()
    users = []
    for i in range(int(sys.argv[1])):
        owner = f"bench-{i}"
        session = SessionStore()
        session["careerquiz_owner"] = owner
        session.create()
        attempt = Attempt.objects.create(quiz=quiz, owner_key=owner)
        answers = engine.answer_as_role(bank, roles[i % len(roles)])
        for q in questions[:-1]:
            value = answers[q.slug]
            if q.kind == "scale":
                answer_save(attempt=attempt, question=q, scale_value=value)
            else:
                answer_save(attempt=attempt, question=q, options=list(q.options.filter(slug__in=value)))
        done = Attempt.objects.create(quiz=quiz, owner_key=owner + "-done")
        for q in questions:
            value = answers[q.slug] if q.slug in answers else None
            if value is None:
                continue
            if q.kind == "scale":
                answer_save(attempt=done, question=q, scale_value=value)
            else:
                answer_save(attempt=done, question=q, options=list(q.options.filter(slug__in=value)))
        result = attempt_complete(attempt=done)
        option = middle.options.order_by("order")[2] if middle.kind != "scale" else None
        users.append({
            "session": session.session_key,
            "csrf": _get_new_csrf_string(),
            "question": f"/attempts/{attempt.uuid}/questions/{middle.slug}/",
            "answer": str(option.pk) if option else "3",
            "result": result.get_absolute_url(),
        })
    print(json.dumps({"users": users, "session_cookie": settings.SESSION_COOKIE_NAME, "csrf_cookie": settings.CSRF_COOKIE_NAME}))
    """
)

LUA = textwrap.dedent(
    """
    local list = {}
    local counter = 0
    init = function(args)
      %(requests)s
    end
    request = function()
      counter = counter + 1
      return list[(counter %% #list) + 1]
    end
    done = function(summary, latency, requests)
      local e = summary.errors
      io.write(string.format('{"requests": %%d, "duration_us": %%d, "errors": %%d, "non2xx": %%d, "p50": %%d, "p95": %%d, "p99": %%d}\\n',
        summary.requests, summary.duration, e.connect + e.read + e.write + e.timeout + e.status, e.status,
        latency:percentile(50), latency:percentile(95), latency:percentile(99)))
    end
    """
)


def lua_string(text: str) -> str:
    return json.dumps(text)  # a JSON string is a valid Lua string literal for our ASCII text


def scenario_script(entries: list[dict]) -> str:
    lines = []
    for e in entries:
        headers = (
            "{"
            + ", ".join(f"[{lua_string(k)}] = {lua_string(v)}" for k, v in e.get("headers", {}).items())
            + "}"
        )
        body = lua_string(e["body"]) if e.get("body") else "nil"
        lines.append(
            f"table.insert(list, wrk.format({lua_string(e['method'])}, {lua_string(e['path'])}, {headers}, {body}))"
        )
    return LUA % {"requests": "\n      ".join(lines)}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def ensure_database(url: str) -> None:
    import psycopg

    name = url.rsplit("/", 1)[1]
    admin = url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin, autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone():
            conn.execute(f'CREATE DATABASE "{name}"')


def fetch(port, path, headers=None, method="GET", body=None):
    conn = HTTPConnection("127.0.0.1", port, timeout=10)
    conn.request(method, path, body=body, headers=headers or {})
    response = conn.getresponse()
    return response.status, dict(response.getheaders()), response.read()


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--duration", type=int, default=20, help="seconds per scenario")
    parser.add_argument("--connections", type=int, default=50, help="concurrent users")
    parser.add_argument("--users", type=int, default=200, help="prepared attempts to spread the load over")
    parser.add_argument("--json", help="also write the figures to this file")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is not installed: apt-get install wrk (make loadbench does it)")

    database_url = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/careerquiz_bench")
    ensure_database(database_url)
    static_root = tempfile.mkdtemp(prefix="careerquiz-static-")
    env = {
        **{k: v for k, v in os.environ.items() if k not in {"DJANGO_ALLOW_ASYNC_UNSAFE"}},
        "DJANGO_SETTINGS_MODULE": "careerquiz.settings",
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": database_url,
        "REDIS_URL": os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/1"),
        "SECURE_SSL_REDIRECT": "false",
        "SECURE_COOKIES": "false",
        "RATELIMIT_ENABLE": "false",
        "STATIC_ROOT": static_root,
        "ACCESS_LOG": "/dev/null",
        "LOG_LEVEL": "warning",
    }

    def run(*cmd):
        done = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True)
        if done.returncode:
            sys.exit(f"{' '.join(cmd[:3])} failed:\n{done.stderr[-3000:]}")
        return done

    run(PY, "manage.py", "migrate", "--noinput")
    run(PY, "manage.py", "load_default_content")
    run(PY, "manage.py", "collectstatic", "--noinput")
    prepared = json.loads(run(PY, "-c", PREPARE, str(args.users)).stdout)
    users, session_cookie, csrf_cookie = (
        prepared["users"],
        prepared["session_cookie"],
        prepared["csrf_cookie"],
    )

    port = free_port()
    server = subprocess.Popen(
        [PY, "-m", "gunicorn", "-c", "gunicorn.conf.py", "--bind", f"127.0.0.1:{port}", "careerquiz.wsgi"],
        cwd=ROOT,
        env=env,
    )
    try:
        for _ in range(100):
            try:
                if fetch(port, "/-/health/")[0] == 200:
                    break
            except OSError:
                time.sleep(0.2)
        else:
            sys.exit("gunicorn did not start")

        def cookie(u):
            return f"{session_cookie}={u['session']}; {csrf_cookie}={u['csrf']}"

        scenarios = {
            "floor: bare view": [{"method": "GET", "path": "/-/ping/"}],
            "question page": [
                {"method": "GET", "path": u["question"], "headers": {"Cookie": cookie(u)}} for u in users
            ],
            "answer (POST + next question)": [
                {
                    "method": "POST",
                    "path": u["question"],
                    "headers": {
                        "Cookie": cookie(u),
                        "X-CSRFToken": u["csrf"],
                        "HX-Request": "true",
                        "Content-Type": "application/x-www-form-urlencoded",
                    },
                    "body": f"answer={u['answer']}",
                }
                for u in users
            ],
            "result page": [{"method": "GET", "path": u["result"]} for u in users],
        }
        # Warm up every worker and connection pool before measuring.
        subprocess.run(
            ["wrk", "-t2", "-c10", "-d3s", f"http://127.0.0.1:{port}/-/ping/"], capture_output=True
        )
        figures = {}
        with tempfile.TemporaryDirectory() as tmp:
            for name, entries in scenarios.items():
                script = Path(tmp) / "s.lua"
                script.write_text(scenario_script(entries))
                out = subprocess.run(
                    [
                        "wrk",
                        "-t2",
                        f"-c{args.connections}",
                        f"-d{args.duration}s",
                        "--timeout",
                        "10s",
                        "-s",
                        str(script),
                        f"http://127.0.0.1:{port}",
                    ],
                    capture_output=True,
                    text=True,
                    check=True,
                ).stdout
                stats = json.loads(out.strip().splitlines()[-1])
                stats["rps"] = stats["requests"] / (stats["duration_us"] / 1e6)
                figures[name] = stats

        # Page weight of a first visit, as a browser asks for it (Brotli, else gzip).
        status, headers, html = fetch(port, "/", {"Accept-Encoding": "br, gzip"})
        assets = re.findall(rb'(?:href|src)="(/static/[^"]+\.(?:css|js|svg))"', html)
        weight = {"html": len(html)}
        for asset in assets:
            _, h, body = fetch(port, asset.decode(), {"Accept-Encoding": "br, gzip"})
            kind = asset.decode().rsplit(".", 1)[1]
            weight[kind] = weight.get(kind, 0) + len(body)
            weight.setdefault("cache", h.get("Cache-Control", ""))
        u = users[0]
        _, swap_headers, swap = fetch(
            port,
            u["question"],
            {
                "Cookie": cookie(u),
                "X-CSRFToken": u["csrf"],
                "HX-Request": "true",
                "Content-Type": "application/x-www-form-urlencoded",
            },
            "POST",
            f"answer={u['answer']}",
        )
        swap_sizes = {"raw": len(swap), "gzip": len(gzip.compress(swap))}
    finally:
        server.terminate()
        server.wait(20)
        shutil.rmtree(static_root, ignore_errors=True)

    floor = figures["floor: bare view"]
    print(
        f"\nwrk: {args.connections} connections, {args.duration}s per scenario, gunicorn {os.cpu_count()} cores\n"
    )
    print("| scenario | requests/s | ratio | p50 ms | p95 ms | p99 ms | errors |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for name, s in figures.items():
        print(
            f"| {name} | {s['rps']:.0f} | {s['rps'] / floor['rps']:.2f} | {s['p50'] / 1000:.1f} | {s['p95'] / 1000:.1f} | "
            f"{s['p99'] / 1000:.1f} | {s['errors']} |"
        )
    print(
        f"\nFirst visit, compressed: HTML {weight['html'] / 1024:.1f} KB, CSS {weight.get('css', 0) / 1024:.1f} KB, "
        f"JS {weight.get('js', 0) / 1024:.1f} KB, total {(weight['html'] + weight.get('css', 0) + weight.get('js', 0) + weight.get('svg', 0)) / 1024:.1f} KB"
        f" (static Cache-Control: {weight.get('cache')})"
    )
    print(
        f"htmx question swap: {swap_sizes['raw'] / 1024:.2f} KB raw, {swap_sizes['gzip'] / 1024:.2f} KB gzip"
    )
    if args.json:
        Path(args.json).write_text(
            json.dumps({"figures": figures, "weight": weight, "swap": swap_sizes}, indent=2)
        )


if __name__ == "__main__":
    main()
