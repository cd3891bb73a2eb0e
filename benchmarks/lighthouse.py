"""Lighthouse performance of every public page, on desktop and on mobile.

    make lighthouse      (or: .venv/bin/python benchmarks/lighthouse.py)

Serves the app as in production (gunicorn, DEBUG off, compressed static files with
far-future caching) on a throwaway SQLite database with the default content, a quiz in
progress and a finished result, then runs Lighthouse (npm, pinned below, installed into
a cache directory on first use) against Debian's Chromium for each page and prints the
performance scores and the main timings. Needs Node.js and npm (`make htmlchecker`
installs them) and /usr/bin/chromium (`make chromium`).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from load import PY, ROOT, app_env, free_port, install_app, run_python, wait_for  # noqa: E402

LIGHTHOUSE = "lighthouse@13.5.0"
CACHE = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "careerquiz-lighthouse"
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --no-first-run --disable-background-networking"

PREPARE = textwrap.dedent(
    """
    import json
    import django
    django.setup()
    from django.conf import settings
    from django.core import signing
    from quiz.models import Attempt, Quiz
    from quiz.services import attempt_complete, attempt_start
    from quiz.views import OWNER_COOKIE_SALT
    from tests.factories import answer_everything

    quiz = Quiz.objects.get(slug="product-careers")
    done = attempt_start(quiz=quiz, owner_key="lighthouse-done")
    answer_everything(done, "head-of-product")
    result = attempt_complete(attempt=done)
    attempt_start(quiz=quiz, owner_key="lighthouse")
    first = quiz.active_questions().first()
    signer = signing.get_cookie_signer(salt=settings.OWNER_COOKIE_NAME + OWNER_COOKIE_SALT)
    attempt = Attempt.objects.get(owner_key="lighthouse")
    print(json.dumps({
        "cookie": f"{settings.OWNER_COOKIE_NAME}={signer.sign('lighthouse')}",
        "question": f"/attempts/{attempt.uuid}/questions/{first.slug}/",
        "result": result.get_absolute_url(),
    }))
    """
)


def lighthouse_bin() -> Path:
    binary = CACHE / "node_modules" / ".bin" / "lighthouse"
    if not binary.exists():
        CACHE.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            ["npm", "install", "--no-audit", "--no-fund", "--silent", "--prefix", str(CACHE), LIGHTHOUSE],
            check=True,
        )
    return binary


def audit(binary: Path, url: str, desktop: bool, cookie: str | None) -> dict:
    cmd = [str(binary), url, "--only-categories=performance", "--output=json", "--quiet"]
    cmd += [f"--chrome-flags={CHROME_FLAGS}"]
    if desktop:
        cmd.append("--preset=desktop")
    if cookie:
        cmd.append("--extra-headers=" + json.dumps({"Cookie": cookie}))
    for _attempt in range(3):  # Lighthouse now and then fails to record a trace (NO_NAVSTART)
        done = subprocess.run(
            cmd, capture_output=True, text=True, env={**os.environ, "CHROME_PATH": "/usr/bin/chromium"}
        )
        if done.returncode == 0:
            break
    if done.returncode:
        sys.exit(f"lighthouse failed on {url}:\n{done.stderr[-2000:]}")
    report = json.loads(done.stdout)
    audits = report["audits"]
    return {
        "score": round(report["categories"]["performance"]["score"] * 100),
        "fcp": audits["first-contentful-paint"]["numericValue"],
        "lcp": audits["largest-contentful-paint"]["numericValue"],
        "tbt": audits["total-blocking-time"]["numericValue"],
        "cls": audits["cumulative-layout-shift"]["numericValue"],
    }


def main() -> None:
    binary = lighthouse_bin()
    work = Path(tempfile.mkdtemp(prefix="careerquiz-lighthouse-"))
    env = app_env(work, DATABASE_URL=f"sqlite:///{work}/db.sqlite3", WEB_CONCURRENCY="2")
    install_app(env)
    prepared = json.loads(run_python(env, "-c", PREPARE))
    port = free_port()
    server = subprocess.Popen(
        [PY, "-m", "gunicorn", "-c", "gunicorn.conf.py", "--bind", f"127.0.0.1:{port}", "careerquiz.wsgi"],
        cwd=ROOT,
        env=env,
    )
    pages = {
        "landing": ("/", None),
        "question 1": (prepared["question"], prepared["cookie"]),
        "result": (prepared["result"], None),
        "roles": ("/roles/", None),
        "role": ("/roles/head-of-product/", None),
        "compare": ("/roles/compare/?a=product-manager&b=head-of-product", None),
    }
    rows = []
    try:
        wait_for(port)
        for name, (path, cookie) in pages.items():
            url = f"http://127.0.0.1:{port}{path}"
            rows.append((name, audit(binary, url, True, cookie), audit(binary, url, False, cookie)))
    finally:
        server.terminate()
        server.wait(20)
        shutil.rmtree(work, ignore_errors=True)
    print(f"\n{LIGHTHOUSE}, performance only, Chromium {chromium_version()}\n")
    print("| page | desktop | mobile | mobile FCP ms | mobile LCP ms | mobile TBT ms | CLS |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for name, desktop, mobile in rows:
        print(
            f"| {name} | {desktop['score']} | {mobile['score']} | {mobile['fcp']:.0f} | {mobile['lcp']:.0f} "
            f"| {mobile['tbt']:.0f} | {mobile['cls']:.3f} |"
        )


def chromium_version() -> str:
    done = subprocess.run(["/usr/bin/chromium", "--version"], capture_output=True, text=True)
    words = done.stdout.split()
    return words[1] if done.returncode == 0 and len(words) > 1 else "?"


if __name__ == "__main__":
    main()
