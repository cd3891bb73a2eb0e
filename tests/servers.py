"""Real app servers for tests that need more than one process: gunicorn with the
production settings, started on free ports and stopped afterwards."""

import os
import socket
import subprocess
import sys
import time
import uuid
from contextlib import contextmanager
from http.client import HTTPConnection
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def production_env(tmp_path, *, drop=(), **overrides) -> dict:
    """The environment of a production-configured app server on this machine (one worker,
    plain HTTP), without the test runner's own variables and those in ``drop``."""
    env = {k: v for k, v in os.environ.items() if k not in {"DJANGO_ALLOW_ASYNC_UNSAFE", *drop}}
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "careerquiz.settings",
            "DEBUG": "0",
            "SECRET_KEY": "test-server-" + uuid.uuid4().hex,
            "ALLOWED_HOSTS": "127.0.0.1",
            "SECURE_SSL_REDIRECT": "false",
            "SECURE_COOKIES": "false",
            "STATIC_ROOT": str(tmp_path / "static"),
            "WEB_CONCURRENCY": "1",
            "ACCESS_LOG": "/dev/null",
            **overrides,
        }
    )
    return env


def gunicorn(env: dict, port: int, *, stderr=subprocess.DEVNULL) -> subprocess.Popen:
    """gunicorn with the production configuration (gunicorn.conf.py) on ``port``."""
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "-c",
            "gunicorn.conf.py",
            "--bind",
            f"127.0.0.1:{port}",
            "careerquiz.wsgi",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=stderr,
    )


@contextmanager
def app_servers(env: dict, count: int = 1, *, ready: str = "/-/health/", timeout: float = 30):
    """Starts ``count`` gunicorn servers and yields their ports once each answers 200 on
    ``ready``; stops them afterwards."""
    ports = [free_port() for _ in range(count)]
    procs = [gunicorn(env, port, stderr=subprocess.PIPE) for port in ports]
    try:
        deadline = time.monotonic() + timeout
        for port in ports:
            while True:
                try:
                    conn = HTTPConnection("127.0.0.1", port, timeout=2)
                    conn.request("GET", ready)
                    if conn.getresponse().status == 200:
                        break
                except OSError:
                    pass
                if time.monotonic() > deadline:
                    for proc in procs:
                        proc.terminate()
                    raise AssertionError(
                        "app servers did not start: " + procs[0].communicate(timeout=10)[1].decode()[-3000:]
                    )
                time.sleep(0.2)
        yield ports
    finally:
        for proc in procs:
            proc.terminate()
            proc.wait(10)
