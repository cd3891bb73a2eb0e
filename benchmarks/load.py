"""Load benchmark: the production stack (nginx in front of gunicorn, as `make prod` starts
it) on PostgreSQL and Redis, driven by wrk, in one run.

    make loadbench        (or: .venv/bin/python benchmarks/load.py [--duration 10] [--rounds 3])

Reports, for a bare Django view through the same middleware (the floor), the question
page, answering a question (an htmx POST that returns the next question), the result page
and a whole quiz taken end to end (start, every step of the adaptive quiz with random
answers, finish, result): requests/s, p50/p95/p99 latency, errors, and each as a ratio to
the floor of the same round, and the server's CPU time per request; every figure is the median
of ``--rounds`` rounds. Then each scenario once more at half the rate it reached (every
connection waiting between requests), for the latency below the limit; the resident memory
of each gunicorn worker after the run, the first-visit page weight and the size of an htmx
question swap. Every request goes through nginx.

The stack we start (nginx and gunicorn) runs on the first half of the cores and wrk on the
other half (``taskset`` on our own processes only): the load generator never takes the
server's CPU. The machine's PostgreSQL and Redis are left exactly as they are: they share
the cores with everything else, so on a small or busy machine the figures include their
work and other people's; compare runs only from the same quiet machine. Needs `wrk`
(Debian's package; `make loadbench` installs it), nginx (`make nginx`) and the PostgreSQL
and Redis given by BENCH_DATABASE_URL and BENCH_REDIS_URL (default: the local ones,
database careerquiz_bench, Redis db 1).

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
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from concurrent.futures import ThreadPoolExecutor
from http.client import HTTPConnection
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
sys.path.insert(0, str(ROOT))

from tests.servers import production_env  # noqa: E402

PREPARE = textwrap.dedent(
    """
    import json, sys
    import django
    django.setup()
    from django.conf import settings
    from django.core import signing
    from django.middleware.csrf import _get_new_csrf_string
    from quiz import engine, tallies
    from quiz.bank import load_bank
    from quiz.models import Attempt, Quiz
    from quiz.services import answer_save, attempt_complete, attempt_start
    from quiz.views import OWNER_COOKIE_SALT, _progress, _walk_memo
    from tests.factories import typical_answers

    signer = signing.get_cookie_signer(salt=settings.OWNER_COOKIE_NAME + OWNER_COOKIE_SALT)
    quiz = Quiz.objects.get(slug="product-careers")
    bank = load_bank(quiz)
    by_slug = {q.slug: q for q in quiz.active_questions()}
    roles = [r.slug for r in bank.recommendable_roles()]
    Attempt.objects.filter(quiz=quiz, owner_key__startswith="bench-").delete()
    tallies.rebuild([quiz.pk])  # the deleted attempts no longer count

    def save(attempt, slugs, answers):
        for slug in slugs:
            q, value = by_slug[slug], answers[slug]
            if q.kind == "scale" and isinstance(value, int):
                answer_save(attempt=attempt, question=q, scale_value=value)
            else:
                answer_save(attempt=attempt, question=q, options=list(q.options.filter(slug__in=value)))

    users = []
    for i in range(int(sys.argv[1])):
        owner = f"bench-{i}"
        answers = typical_answers(bank, roles[i % len(roles)])
        # The adaptive quiz's own path for these answers: the attempt stands halfway along
        # it, so the question page and the answer are real steps of its quiz.
        asked = engine.adaptive.walk(bank, answers, quiz.adaptive_settings).asked
        middle = by_slug[asked[len(asked) // 2]]
        attempt = attempt_start(quiz=quiz, owner_key=owner)
        save(attempt, asked[: len(asked) // 2], answers)
        # The memo the app keeps with each answer (the last answer would have saved it).
        Attempt.objects.filter(pk=attempt.pk).update(walk=_walk_memo(attempt, _progress(attempt)))
        done = attempt_start(quiz=quiz, owner_key=owner + "-done")
        save(done, asked, answers)
        result = attempt_complete(attempt=done)
        options = list(middle.options.active().order_by("order"))
        value = answers[middle.slug]
        users.append({
            "owner": signer.sign(owner),
            "csrf": _get_new_csrf_string(),
            "question": f"/attempts/{attempt.uuid}/questions/{middle.slug}/",
            "answer": str(value) if isinstance(value, int) else str(next(o.pk for o in options if o.slug in value)),
            "result": result.get_absolute_url(),
        })
    print(json.dumps({"users": users, "owner_cookie": settings.OWNER_COOKIE_NAME, "csrf_cookie": settings.CSRF_COOKIE_NAME, "start": f"/quiz/{quiz.slug}/start/"}))
    """
)

LUA = textwrap.dedent(
    """
    local list = {}
    local counter = 0
    local threads = 0
    function setup(thread) threads = threads + 1; thread:set("seed", threads) end
    init = function(args)
      math.randomseed(seed)
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


# A whole quiz per connection (wrk runs one connection per thread here, so each thread is
# one job seeker going through the quiz in order): start, then each question's first page
# and an htmx answer with a random option, the summary, finish and the result page. The
# quiz is adaptive, so the next step is read from the answer's HX-Push-Url header.
WHOLE_QUIZ_LUA = textwrap.dedent(
    """
    local threads = {}
    -- Each thread is one person and draws its own answers: without a seed of its own,
    -- every thread's Lua would draw the same ones and all would take the same quiz.
    function setup(thread) table.insert(threads, thread); thread:set("seed", #threads) end
    init = function(args) math.randomseed(seed) end

    quizzes, failures = 0, 0
    local start_path, csrf_cookie, csrf = %(start)s, %(csrf_cookie)s, %(csrf)s
    local owner_cookie = %(owner_cookie)s
    local state, path, owner, answer = "start", nil, "", nil

    local function cookies()
      local c = csrf_cookie .. "=" .. csrf
      if owner ~= "" then c = c .. "; " .. owner_cookie .. "=" .. owner end
      return c
    end
    local function post(p, body, hx)
      local h = {["Cookie"] = cookies(), ["X-CSRFToken"] = csrf,
                 ["Content-Type"] = "application/x-www-form-urlencoded"}
      if hx then h["HX-Request"] = "true" end
      return wrk.format("POST", p, h, body)
    end
    local function pick(body)
      local values = {}
      for v in string.gmatch(body, 'name="answer" value="(%%d+)"') do table.insert(values, v) end
      if #values == 0 then return nil end
      return values[math.random(#values)]
    end

    request = function()
      if state == "start" then return post(start_path, "", false) end
      if state == "answer" then return post(path, "answer=" .. answer, true) end
      if state == "finish" then return post(path, "", false) end
      return wrk.format("GET", path, {["Cookie"] = cookies()})
    end

    response = function(status, headers, body)
      if status >= 400 then
        failures = failures + 1
        state = "start"
        return
      end
      if state == "start" then
        local set = headers["Set-Cookie"] or ""
        local value = string.match(set, owner_cookie:gsub("%%-", "%%%%-") .. "=([^;]+)")
        if value then owner = value end
        path, state = headers["Location"], "question"
      elseif state == "question" then
        answer, state = pick(body), "answer"
        if answer == nil then failures, state = failures + 1, "start" end
      elseif state == "answer" then
        local pushed = headers["HX-Push-Url"] or headers["hx-push-url"] or ""
        if string.find(pushed, "/summary/", 1, true) then
          path, state = string.gsub(pushed, "/summary/$", "/finish/"), "finish"
        else
          path, answer = pushed, pick(body)
          if answer == nil then failures, state = failures + 1, "start" end
        end
      elseif state == "finish" then
        path, state = headers["Location"], "result"
      elseif state == "result" then
        quizzes, state = quizzes + 1, "start"
      end
    end

    done = function(summary, latency, requests)
      local q, f = 0, 0
      for _, t in ipairs(threads) do q, f = q + t:get("quizzes"), f + t:get("failures") end
      local e = summary.errors
      io.write(string.format('{"requests": %%d, "duration_us": %%d, "errors": %%d, "non2xx": %%d, "p50": %%d, "p95": %%d, "p99": %%d, "quizzes": %%d}\\n',
        summary.requests, summary.duration, e.connect + e.read + e.write + e.timeout + e.status + f, e.status,
        latency:percentile(50), latency:percentile(95), latency:percentile(99), q))
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


def app_env(work: Path, **overrides) -> dict:
    """The environment of a production-configured app for a benchmark (tests/servers.py's,
    quieter), its files in ``work``; no database or Redis unless ``overrides`` name them."""
    return production_env(
        work,
        drop={"DATABASE_URL", "REDIS_URL"},
        SECRET_KEY=secrets.token_urlsafe(50),
        LOG_LEVEL="warning",
        **overrides,
    )


def run_python(env: dict, *args: str) -> str:
    """Runs Python in the project with ``env``; its output, or the end of its errors and exit."""
    done = subprocess.run([PY, *args], cwd=ROOT, env=env, capture_output=True, text=True)
    if done.returncode:
        sys.exit(f"{' '.join(args[:2])} failed:\n{done.stderr[-3000:]}")
    return done.stdout


def install_app(env: dict) -> None:
    """Migrates, loads the default content and collects the static files, as a deploy does."""
    for command in (("migrate", "--noinput"), ("load_default_content",), ("collectstatic", "--noinput")):
        run_python(env, "manage.py", *command)


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
    parser.add_argument("--duration", type=int, default=10, help="seconds per scenario and round")
    parser.add_argument("--rounds", type=int, default=3, help="rounds; every figure is their median")
    parser.add_argument("--workers", type=int, help="gunicorn workers (default: 2 per server core + 1)")
    parser.add_argument("--connections", type=int, default=50, help="concurrent users")
    parser.add_argument("--users", type=int, default=200, help="prepared attempts to spread the load over")
    parser.add_argument("--json", help="also write the figures to this file")
    parser.add_argument(
        "--only",
        help="comma-separated start of scenario names to run (the floor always runs), e.g. answer,question",
    )
    args = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is not installed: apt-get install wrk (make loadbench does it)")

    database_url = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/careerquiz_bench")
    ensure_database(database_url)
    work = Path(tempfile.mkdtemp(prefix="careerquiz-load-"))
    env = app_env(
        work,
        DATABASE_URL=database_url,
        REDIS_URL=os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/1"),
        RATELIMIT_ENABLE="false",
    )
    install_app(env)
    prepared = json.loads(run_python(env, "-c", PREPARE, str(args.users)))
    server_cpus, client_cpus = split_cpus()
    env["WEB_CONCURRENCY"] = str(args.workers or 2 * len(server_cpus.split(",")) + 1)

    port = free_port()
    env["CLIENT_IP_HEADER"] = "HTTP_X_REAL_IP"
    stack = subprocess.Popen(
        ["taskset", "-c", server_cpus, PY, "scripts/serve_prod.py", f"--port={port}"]
        + [f"--app-port={free_port()}", f"--run-dir={work / 'run'}", "--nginx-workers=1"],
        cwd=ROOT,
        env=env,
    )
    try:
        wait_for(port)
        master = gunicorn_master(stack.pid)
        scenarios = build_scenarios(prepared)
        if args.only:
            wanted = tuple(name.strip() for name in args.only.split(","))
            scenarios = {k: v for k, v in scenarios.items() if k.startswith(("floor", *wanted))}
        # Warm up: every result page once (a result is rendered on its first view, then
        # served from the cache), then one short round of everything, not counted.
        with ThreadPoolExecutor(4) as pool:
            list(pool.map(lambda u: fetch(port, u["result"]), prepared["users"]))
        measure(scenarios, port, argparse.Namespace(**{**vars(args), "duration": 2}), client_cpus, master)
        rounds = [measure(scenarios, port, args, client_cpus, master) for _ in range(args.rounds)]
        # Then each scenario at half the rate it reached (its median), every connection
        # waiting between requests: the latency a page has below its limit, which a closed
        # loop of 50 connections at full speed cannot show (there a request waits about
        # 50 ÷ requests a second).
        pace = {
            name: args.connections / (statistics.median(r[name]["rps"] for r in rounds) / 2) * 1000
            for name in scenarios
        }
        paced = measure(scenarios, port, args, client_cpus, master, pace=pace)
        rss = worker_rss(master)
        weight, swap_sizes = page_weight(port, prepared)
    finally:
        stack.terminate()
        stack.wait(30)
        shutil.rmtree(work, ignore_errors=True)
    report(rounds, rss, weight, swap_sizes, args, server_cpus, client_cpus, env["WEB_CONCURRENCY"])
    report_paced(paced, pace, rounds)


def gunicorn_master(stack: int) -> int:
    """The gunicorn master that scripts/serve_prod.py (process ``stack``) started."""
    for status in Path("/proc").glob("[0-9]*/status"):
        if f"\nPPid:\t{stack}\n" in _read(status) and b"gunicorn" in _read_bytes(status.with_name("cmdline")):
            return int(status.parent.name)
    sys.exit("no gunicorn master under the stack")


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError:
        return b""


def split_cpus() -> tuple[str, str]:
    """The server's cores and the load generator's: the first half and the rest."""
    cpus = sorted(os.sched_getaffinity(0))
    if len(cpus) < 2:
        return str(cpus[0]), str(cpus[0])
    half = len(cpus) // 2
    return ",".join(map(str, cpus[:half])), ",".join(map(str, cpus[half:]))


def idle_fraction(cpus: str, seconds: float) -> float:
    """How much of ``seconds`` the given cores spent idle (from /proc/stat)."""

    def sample() -> tuple[int, int]:
        idle = total = 0
        for line in Path("/proc/stat").read_text().splitlines():
            name, *fields = line.split()
            if name.startswith("cpu") and name[3:] in cpus.split(","):
                values = list(map(int, fields[:8]))
                idle += values[3] + values[4]  # idle and iowait
                total += sum(values)
        return idle, total

    idle_before, total_before = sample()
    time.sleep(seconds)
    idle_after, total_after = sample()
    return (idle_after - idle_before) / max(total_after - total_before, 1)


def wait_until_quiet(cpus: str, timeout: float = 30) -> None:
    """Waits (at most ``timeout`` seconds) until the load generator's cores are nearly idle:
    after a scenario of writes, PostgreSQL goes on working there (autovacuum, the background
    writer) and would slow wrk down in the next scenario, whose latency it measures."""
    deadline = time.monotonic() + timeout
    while idle_fraction(cpus, 1.0) < 0.9 and time.monotonic() < deadline:
        pass


def wait_for(port: int) -> None:
    for _ in range(100):
        try:
            if fetch(port, "/-/health/")[0] == 200:
                return
        except OSError:
            time.sleep(0.2)
    sys.exit("the stack did not start")


def user_cookie(prepared: dict, u: dict) -> str:
    return f"{prepared['owner_cookie']}={u['owner']}; {prepared['csrf_cookie']}={u['csrf']}"


def build_scenarios(prepared: dict) -> dict[str, str]:
    """Each scenario's wrk script."""
    users = prepared["users"]
    answer_headers = {
        "X-CSRFToken": None,
        "HX-Request": "true",
        "Content-Type": "application/x-www-form-urlencoded",
    }
    return {
        "floor: bare view": scenario_script([{"method": "GET", "path": "/-/ping/"}]),
        "question page": scenario_script(
            [
                {"method": "GET", "path": u["question"], "headers": {"Cookie": user_cookie(prepared, u)}}
                for u in users
            ]
        ),
        "answer (POST + next question)": scenario_script(
            [
                {
                    "method": "POST",
                    "path": u["question"],
                    "headers": {
                        **answer_headers,
                        "Cookie": user_cookie(prepared, u),
                        "X-CSRFToken": u["csrf"],
                    },
                    "body": f"answer={u['answer']}",
                }
                for u in users
            ]
        ),
        "result page": scenario_script([{"method": "GET", "path": u["result"]} for u in users]),
        "whole quiz (start to result)": WHOLE_QUIZ_LUA
        % {
            "start": lua_string(prepared["start"]),
            "csrf_cookie": lua_string(prepared["csrf_cookie"]),
            "csrf": lua_string(users[0]["csrf"]),
            "owner_cookie": lua_string(prepared["owner_cookie"]),
        },
    }


def server_cpu_seconds(master: int) -> float:
    """CPU time the server has used so far: the master's, its workers' and that of
    workers already replaced (the kernel adds a reaped child's time to its parent's)."""
    tick = os.sysconf("SC_CLK_TCK")

    def times(pid: int, children: bool = False) -> int:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:  # a worker that just exited: its time moves to the master's
            return 0
        # utime, stime (and cutime, cstime): fields 14 to 17 of proc(5), here from 12.
        return sum(int(f) for f in fields[11 : 15 if children else 13])

    workers = [
        int(status.parent.name)
        for status in Path("/proc").glob("[0-9]*/status")
        if f"\nPPid:\t{master}\n" in _read(status)
    ]
    return (times(master, children=True) + sum(times(pid) for pid in workers)) / tick


def _read(path: Path) -> str:
    try:
        return path.read_text()
    except OSError:
        return ""


def measure(
    scenarios: dict[str, str], port: int, args, client_cpus: str, master: int, pace: dict | None = None
) -> dict[str, dict]:
    """One round: every scenario once, on the load generator's cores; with ``pace``, each
    connection waits that many milliseconds before each request of the scenario named."""
    figures = {}
    with tempfile.TemporaryDirectory() as tmp:
        for name, lua in scenarios.items():
            wait_until_quiet(client_cpus)
            cpu_before = server_cpu_seconds(master)
            script = Path(tmp) / "s.lua"
            if pace:
                # Waits drawn from an exponential distribution of that mean, as independent
                # people arrive: a constant wait would keep the connections in step, all
                # sending at once, and measure the queue of a burst of 50. Cut at 4 s: the
                # server closes a connection idle for 5 s (gunicorn's keep-alive), which a
                # browser reopens but wrk counts as an error.
                lua += (
                    f"\ndelay = function() return math.min(4000,"
                    f" math.floor(-{pace[name]:.1f} * math.log(1 - math.random()))) end\n"
                )
            script.write_text(lua)
            # The whole quiz needs one connection per thread: each thread is one person.
            # A whole quiz takes many steps: three times as long, so that quizzes finish.
            whole = name.startswith("whole quiz")
            threads = args.connections if whole else 2
            duration = args.duration * 3 if whole else args.duration
            out = subprocess.run(
                ["taskset", "-c", client_cpus, "wrk", f"-t{threads}", f"-c{args.connections}"]
                + [f"-d{duration}s", "--timeout", "10s", "-s", str(script), f"http://127.0.0.1:{port}"],
                capture_output=True,
                text=True,
                check=True,
            ).stdout
            stats = json.loads(out.strip().splitlines()[-1])
            stats["rps"] = stats["requests"] / (stats["duration_us"] / 1e6)
            # The server's CPU per request: steadier than requests/s on a shared machine,
            # where the core's speed varies from one run to the next.
            stats["cpu_ms"] = (server_cpu_seconds(master) - cpu_before) * 1000 / max(stats["requests"], 1)
            if "quizzes" in stats:
                stats["quizzes_per_s"] = stats["quizzes"] / (stats["duration_us"] / 1e6)
            figures[name] = stats
    floor = figures["floor: bare view"]
    for stats in figures.values():
        stats["ratio"] = stats["rps"] / floor["rps"]
        stats["cpu_ratio"] = floor["cpu_ms"] / stats["cpu_ms"] if stats["cpu_ms"] else 0.0
    return figures


def worker_rss(master: int) -> list[float]:
    """Resident memory (MB) of each gunicorn worker: the children of the master."""
    sizes = []
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            fields = dict(line.split(":", 1) for line in status.read_text().splitlines() if ":" in line)
        except OSError:
            continue
        if fields.get("PPid", "").strip() == str(master):
            sizes.append(int(fields["VmRSS"].split()[0]) / 1024)
    return sorted(sizes)


def page_weight(port: int, prepared: dict) -> tuple[dict, dict]:
    """A first visit as a browser asks for it (Brotli, else gzip), and one htmx swap."""
    _, _, html = fetch(port, "/", {"Accept-Encoding": "br, gzip"})
    _, _, plain = fetch(port, "/")
    assets = re.findall(rb'(?:href|src)="(/static/[^"]+\.(?:css|js|svg))"', plain)
    weight = {"html": len(html)}
    for asset in assets:
        _, h, body = fetch(port, asset.decode(), {"Accept-Encoding": "br, gzip"})
        kind = asset.decode().rsplit(".", 1)[1]
        weight[kind] = weight.get(kind, 0) + len(body)
        weight.setdefault("cache", h.get("Cache-Control", ""))
    u = prepared["users"][0]
    headers = {
        "Cookie": user_cookie(prepared, u),
        "X-CSRFToken": u["csrf"],
        "HX-Request": "true",
        "Content-Type": "application/x-www-form-urlencoded",
    }
    _, _, swap = fetch(port, u["question"], headers, "POST", f"answer={u['answer']}")
    return weight, {"raw": len(swap), "gzip": len(gzip.compress(swap))}


def report_paced(paced: dict[str, dict], pace: dict[str, float], rounds: list[dict]) -> None:
    print(
        "\nAt half the rate each scenario reached (every connection waits between requests, a time"
        " drawn at random around the mean wait):\n"
    )
    print("| scenario | mean wait ms | requests/s | p50 ms | p95 ms | p99 ms | errors |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for name, stats in paced.items():
        print(
            f"| {name} | {pace[name]:.0f} | {stats['rps']:.0f} | {stats['p50'] / 1000:.1f} | "
            f"{stats['p95'] / 1000:.1f} | {stats['p99'] / 1000:.1f} | {stats['errors']} |"
        )


def report(rounds, rss, weight, swap_sizes, args, server_cpus, client_cpus, workers) -> None:
    print(
        f"\nwrk: {args.connections} connections, {args.duration} s per scenario, median of {len(rounds)} rounds;"
        f" nginx and gunicorn ({workers} workers) on cores {server_cpus}, wrk on cores {client_cpus}\n"
    )
    print(
        "| scenario | requests/s | ratio to floor | server CPU ms per request | CPU ratio to floor"
        " | p50 ms | p95 ms | p99 ms | errors | quizzes/s |"
    )
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    summary = {}
    for name in rounds[0]:
        runs = [r[name] for r in rounds]
        row = {
            key: statistics.median([r.get(key, 0) for r in runs])
            for key in ("rps", "ratio", "cpu_ms", "cpu_ratio", "p50", "p95", "p99")
        }
        row["errors"] = sum(r["errors"] for r in runs)
        row["quizzes_per_s"] = (
            statistics.median([r["quizzes_per_s"] for r in runs]) if "quizzes_per_s" in runs[0] else None
        )
        summary[name] = row
        quizzes = f"{row['quizzes_per_s']:.1f}" if row["quizzes_per_s"] is not None else ""
        print(
            f"| {name} | {row['rps']:.0f} | {row['ratio']:.2f} | {row['cpu_ms']:.2f} | {row['cpu_ratio']:.2f} | "
            f"{row['p50'] / 1000:.1f} | {row['p95'] / 1000:.1f} | "
            f"{row['p99'] / 1000:.1f} | {row['errors']} | {quizzes} |"
        )
    print(
        "\nRatios per round: "
        + "; ".join(
            f"{name}: " + ", ".join(f"{r[name]['ratio']:.2f}" for r in rounds)
            for name in rounds[0]
            if not name.startswith("floor")
        )
    )
    print("Worker memory after the run (RSS): " + ", ".join(f"{mb:.0f} MB" for mb in rss))
    total = weight["html"] + weight.get("css", 0) + weight.get("js", 0) + weight.get("svg", 0)
    print(
        f"First visit, compressed: HTML {weight['html'] / 1024:.1f} KB, CSS {weight.get('css', 0) / 1024:.1f} KB, "
        f"JS {weight.get('js', 0) / 1024:.1f} KB, total {total / 1024:.1f} KB"
        f" (static Cache-Control: {weight.get('cache')})"
    )
    print(
        f"htmx question swap: {swap_sizes['raw'] / 1024:.2f} KB raw, {swap_sizes['gzip'] / 1024:.2f} KB gzip"
    )
    if args.json:
        Path(args.json).write_text(
            json.dumps(
                {"rounds": rounds, "summary": summary, "rss_mb": rss, "weight": weight, "swap": swap_sizes},
                indent=2,
            )
        )


if __name__ == "__main__":
    main()
