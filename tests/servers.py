"""Real app servers for tests that need more than one process: gunicorn with the
production settings, started on free ports and stopped afterwards."""

import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
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


def redis_caches(url: str, timeout: float = 0.25) -> dict:
    def alias(client_class):
        return {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": url,
            "OPTIONS": {
                "CLIENT_CLASS": client_class,
                "SOCKET_CONNECT_TIMEOUT": timeout,
                "SOCKET_TIMEOUT": timeout,
                "IGNORE_EXCEPTIONS": True,
            },
        }

    return {
        "default": alias("careerquiz.cache.CircuitBreakerClient"),
        "ratelimit": alias("careerquiz.cache.RateLimitClient"),
    }


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


def manage(env: dict, *args: str) -> None:
    """Runs a management command under ``env`` (a production environment)."""
    result = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-3000:]


def stack_env(tmp_path, *, migrate: bool = True, **overrides) -> dict:
    """A production environment (its own SQLite file unless ``overrides`` name a database,
    no Redis unless they name one) with the collected static files and, with ``migrate``,
    the default content, ready for ``production_stack``. The proxy's header is the client's
    address, as in ``make prod``."""
    env = production_env(
        tmp_path,
        drop={"REDIS_URL", "TEST_DATABASE_NAME"},
        **{
            "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
            "CLIENT_IP_HEADER": "HTTP_X_REAL_IP",
            **overrides,
        },
    )
    if migrate:
        manage(env, "migrate", "--noinput", "-v0")
        manage(env, "load_default_content")
    manage(env, "collectstatic", "--noinput", "-v0")
    return env


@contextmanager
def production_stack(env: dict, run_dir: Path, *, timeout: float = 60):
    """nginx in front of gunicorn, started as ``make prod`` starts them
    (scripts/serve_prod.py), with one nginx worker. Yields ``(proxy_port, app_port,
    process)``; stops the stack gracefully afterwards."""
    proxy_port, app_port = free_port(), free_port()
    command = [
        sys.executable,
        "scripts/serve_prod.py",
        f"--port={proxy_port}",
        f"--app-port={app_port}",
        f"--run-dir={run_dir}",
        "--nginx-workers=1",
    ]
    log = run_dir.with_suffix(".log")
    with open(log, "wb") as output:
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=output, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                conn = HTTPConnection("127.0.0.1", proxy_port, timeout=2)
                conn.request("GET", "/-/ping/")
                if conn.getresponse().status == 200:
                    break
            except OSError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                raise AssertionError("the production stack did not start:\n" + log.read_text()[-3000:])
            time.sleep(0.2)
        yield proxy_port, app_port, process
    finally:
        process.terminate()
        process.wait(30)


def read_response(sock: socket.socket) -> tuple[int, bytes]:
    """One HTTP response from ``sock``: its status and body. Stops at the end of the
    response or when the peer closes; the socket's own timeout bounds every read."""
    from http.client import HTTPResponse

    response = HTTPResponse(sock)
    response.begin()
    return response.status, response.read()


def wait_for_port(port: int, process: subprocess.Popen, what: str, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                raise AssertionError(f"{what} did not start") from None
            time.sleep(0.1)


class OwnService:
    """A dependency of our own on a free port, never the machine's, in a process group of
    its own: paused with SIGSTOP (it hangs: the kernel still accepts connections and data,
    nothing answers), resumed, stopped."""

    process: subprocess.Popen
    stop_signal = signal.SIGTERM

    def pause(self) -> None:
        os.killpg(self.process.pid, signal.SIGSTOP)

    def resume(self) -> None:
        os.killpg(self.process.pid, signal.SIGCONT)

    def close(self) -> None:
        if self.process.poll() is None:
            self.resume()
            self.process.send_signal(self.stop_signal)
            try:
                self.process.wait(30)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(10)


class OwnRedis(OwnService):
    def __init__(self, directory: Path, *extra: str):
        self.port = free_port()
        self.directory = directory
        self.extra = extra
        self.start()

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        self.directory.mkdir(parents=True, exist_ok=True)
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--dir", str(self.directory)]
            + ["--save", "", "--appendonly", "yes", *self.extra],
            stdout=subprocess.DEVNULL,
            start_new_session=True,
        )
        wait_for_port(self.port, self.process, "redis-server")


class OwnPostgres(OwnService):
    """A PostgreSQL cluster of our own (initdb into a temporary directory, run as the
    postgres user when the tests run as root, since PostgreSQL refuses root)."""

    BIN = Path("/usr/lib/postgresql/15/bin")
    stop_signal = signal.SIGINT  # a fast shutdown: clients are disconnected, not waited for

    def __init__(self):
        self.port = free_port()
        # Not under pytest's temporary directory: the postgres user could not enter it.
        directory = self.directory = Path(tempfile.mkdtemp(prefix="careerquiz-pg-"))
        self.data = directory / "data"
        as_user = {"user": "postgres", "group": "postgres", "extra_groups": []} if os.geteuid() == 0 else {}
        if as_user:
            shutil.chown(directory, "postgres", "postgres")
        subprocess.run(
            [self.BIN / "initdb", "-D", self.data, "-A", "trust", "-U", "postgres", "--no-sync"],
            check=True,
            capture_output=True,
            **as_user,
        )
        self.process = subprocess.Popen(
            [self.BIN / "postgres", "-D", self.data, "-p", str(self.port), "-k", directory]
            + ["-c", "listen_addresses=127.0.0.1", "-c", "fsync=off"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
            **as_user,
        )
        wait_for_port(self.port, self.process, "postgres")

    @property
    def url(self) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/postgres"

    def _children(self) -> list[int]:
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children").read_text()
        return [int(pid) for pid in children.split()]

    # Each PostgreSQL backend makes itself a process-group leader: the postmaster first (no
    # new backend is forked meanwhile), then every process it started.
    def pause(self) -> None:
        self.process.send_signal(signal.SIGSTOP)
        for pid in self._children():
            os.kill(pid, signal.SIGSTOP)

    def resume(self) -> None:
        for pid in self._children():
            os.kill(pid, signal.SIGCONT)
        self.process.send_signal(signal.SIGCONT)

    def close(self) -> None:
        super().close()
        shutil.rmtree(self.directory, ignore_errors=True)


class BlackHole:
    """Accepts connections and reads what it is sent, never answers: a hung database or
    Redis on the network, which counts the bytes sent to it."""

    def __init__(self):
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(50)
        self.port = self.sock.getsockname()[1]
        self.received = 0
        self.held: list[socket.socket] = []
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self):
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            self.held.append(conn)
            threading.Thread(target=self._read, args=(conn,), daemon=True).start()

    def _read(self, conn):
        try:
            while data := conn.recv(65536):
                self.received += len(data)
        except OSError:
            return

    def close(self):
        for conn in self.held:
            conn.close()
        self.sock.close()
