"""Career Quiz's production stack on this machine, in the foreground: nginx in front of gunicorn.

    make prod                                   # http://127.0.0.1:8080, SQLite
    DATABASE_URL=postgres://... REDIS_URL=redis://... make prod
    python scripts/serve_prod.py --port 8080 --app-port 8000 --run-dir /tmp/careerquiz-prod

The nginx configuration is rendered from deploy/nginx/*.template into the run directory,
with the friendly error pages nginx serves when the app cannot answer (rendered from the
app's own templates, so they are translated and styled like every other page).

Ctrl-C or SIGTERM stops both gracefully (each finishes the requests it has); SIGHUP reloads
both (nginx re-reads its configuration, gunicorn replaces its workers) without losing a
request. Migrations and collectstatic are the caller's business (the Makefile runs them).
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TEMPLATES = ROOT / "deploy" / "nginx"
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", nargs="?", choices=["serve", "render"], default="serve")
    parser.add_argument("--host", default=os.environ.get("PROD_HOST", "127.0.0.1"))
    parser.add_argument("--port", type=int, default=int(os.environ.get("PROD_PORT", "8080")))
    parser.add_argument("--app-port", type=int, default=int(os.environ.get("APP_PORT", "8000")))
    parser.add_argument(
        "--run-dir", type=Path, default=Path(os.environ.get("RUN_DIR", "/tmp/careerquiz-prod"))
    )
    parser.add_argument("--nginx-workers", default=os.environ.get("NGINX_WORKERS", "auto"))
    parser.add_argument("--access-log", default=os.environ.get("NGINX_ACCESS_LOG", "off"))
    return parser.parse_args(argv)


def render_error_pages(errors_dir: Path) -> None:
    """The pages nginx serves on its own: 503 (the app cannot answer), 413 and 429."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "careerquiz.settings")
    import django

    django.setup()
    from django.template.loader import render_to_string
    from django.test import RequestFactory
    from django.utils.translation import gettext as _

    request = RequestFactory().get("/")
    pages = {
        "503": (
            "503.html",
            _(
                "Career Quiz cannot answer right now. Your answers up to the last one are saved: try again in a minute."
            ),
        ),
        "413": ("400.html", _("That request is too large.")),
        "429": (
            "429.html",
            _(
                "Too many connections from your address at once. Wait a moment, then carry on: your answers are saved."
            ),
        ),
    }
    errors_dir.mkdir(parents=True, exist_ok=True)
    for status, (template, message) in pages.items():
        html = render_to_string(template, {"message": message}, request)
        (errors_dir / f"{status}.html").write_text(html, encoding="utf-8")


def render(args: argparse.Namespace) -> Path:
    """Writes nginx.conf, careerquiz.conf and the error pages into the run directory."""
    run_dir = args.run_dir.resolve()
    run_dir.mkdir(parents=True, exist_ok=True)
    render_error_pages(run_dir / "errors")  # sets Django up
    from django.conf import settings

    worker_timeout = int(os.environ.get("TIMEOUT", "10"))
    values = {
        # Running as root (a container), the workers keep root's access to the run directory.
        "USER_LINE": "user root;" if os.geteuid() == 0 else "",
        "WORKER_PROCESSES": args.nginx_workers,
        "RUN_DIR": str(run_dir),
        "ACCESS_LOG": args.access_log,
        "LISTEN": f"{args.host}:{args.port}",
        "UPSTREAM": f"127.0.0.1:{args.app_port}",
        "ERRORS_DIR": str(run_dir / "errors"),
        # Django's form limit plus room for a bank upload's multipart wrapping.
        "MAX_BODY": str(settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 131_072),
        "CONN_PER_CLIENT": os.environ.get("NGINX_CONN_PER_CLIENT", "64"),
        "READ_TIMEOUT": f"{worker_timeout + 5}s",
    }
    for name in ("nginx.conf", "careerquiz.conf"):
        text = (TEMPLATES / f"{name}.template").read_text()
        for key, value in values.items():
            text = text.replace(f"@{key}@", value)
        (run_dir / name).write_text(text)
    return run_dir / "nginx.conf"


def wait_for_port(port: int, process: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"{process.args[0]} exited with {process.returncode}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.1)
    raise SystemExit(f"nothing listens on port {port} after {timeout:.0f} s")


def serve(args: argparse.Namespace) -> int:
    config = render(args)
    app_env = {**os.environ, "BIND": f"127.0.0.1:{args.app_port}"}
    # Each in a session of its own: Ctrl-C in the terminal reaches only this script, which
    # then asks both for their graceful stop (for gunicorn and nginx, SIGINT is the quick one).
    app = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py", "careerquiz.wsgi"],
        cwd=ROOT,
        env=app_env,
        start_new_session=True,
    )
    wait_for_port(args.app_port, app)
    proxy = subprocess.Popen(
        [NGINX, "-p", str(config.parent), "-c", str(config), "-e", "stderr", "-g", "daemon off;"],
        start_new_session=True,
    )
    wait_for_port(args.port, proxy)
    print(
        f"Career Quiz on http://{args.host}:{args.port}/ (nginx -> gunicorn on 127.0.0.1:{args.app_port})",
        flush=True,
    )

    stopping = False

    def stop(signum, frame):
        nonlocal stopping
        stopping = True
        proxy.send_signal(signal.SIGQUIT)  # nginx: finish what is in flight, then exit
        app.send_signal(signal.SIGTERM)  # gunicorn: the same, within graceful_timeout

    def reload(signum, frame):
        proxy.send_signal(signal.SIGHUP)
        app.send_signal(signal.SIGHUP)

    signal.signal(signal.SIGINT, stop)
    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGHUP, reload)
    while app.poll() is None and proxy.poll() is None:
        time.sleep(0.2)
    if not stopping:  # one of them died: take the other down too
        stop(None, None)
    app.wait()
    proxy.wait()
    return 0 if stopping else 1


def main(argv: list[str]) -> int:
    args = parse_args(argv)
    if args.command == "render":
        print(render(args))
        return 0
    return serve(args)


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    sys.exit(main(sys.argv[1:]))
