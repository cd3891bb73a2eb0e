"""The documented production stack (nginx in front of gunicorn, as ``make prod`` starts it)
against slow, idle and greedy clients.

gunicorn runs one sync worker here: one request at a time. If any of these clients reached
it, every other person's request would wait behind them. Each test keeps the troublesome
client open and proves that someone else's request is answered meanwhile; the bound is the
other person's socket timeout (5 s), never a measured duration."""

import re
import socket
import threading
from http.client import HTTPConnection

import pytest

from tests.servers import production_stack, read_response, stack_env

PATIENCE = 5  # seconds another person waits for an answer before the test fails
STATIC = "/static/vendor/bootstrap-5.3.8/css/bootstrap.min.css"


@pytest.fixture(scope="module")
def stack(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("stack")
    env = stack_env(tmp, WEB_CONCURRENCY="1", MAX_REQUESTS="7", MAX_REQUESTS_JITTER="0")
    with production_stack(env, tmp / "run") as (proxy_port, app_port, process):
        yield proxy_port, process, app_port


@pytest.fixture
def port(stack):
    return stack[0]


def connect(port, timeout=PATIENCE):
    return socket.create_connection(("127.0.0.1", port), timeout=timeout)


def request(port, path="/-/ping/", method="GET", body=b"", headers=()) -> tuple[int, bytes]:
    """Another person's request, answered within PATIENCE seconds or the test fails."""
    lines = [f"{method} {path} HTTP/1.1", "Host: 127.0.0.1", "Connection: close", *headers]
    if body:
        lines.append(f"Content-Length: {len(body)}")
    with connect(port) as sock:
        sock.sendall(("\r\n".join(lines) + "\r\n\r\n").encode() + body)
        return read_response(sock)


def still_open(sock) -> bool:
    """The server has neither answered nor closed this connection yet."""
    sock.setblocking(False)
    try:
        return sock.recv(1, socket.MSG_PEEK) != b""
    except BlockingIOError:
        return True
    finally:
        sock.setblocking(True)


def test_idle_connections_do_not_delay_anyone(port):
    idle = [connect(port) for _ in range(20)]
    try:
        assert request(port)[0] == 200
        assert all(still_open(sock) for sock in idle)
    finally:
        for sock in idle:
            sock.close()


def test_a_slow_request_head_does_not_delay_anyone(port):
    with connect(port) as slow:
        slow.sendall(b"GET /-/ping/ HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: one-header-at-a-")
        assert request(port)[0] == 200
        assert still_open(slow)


@pytest.mark.parametrize(
    ("head", "first_part"),
    [
        ("Content-Length: 600", b"answer=1&"),
        ("Transfer-Encoding: chunked", b"9\r\nanswer=1&\r\n"),
        ("Content-Length: 600\r\nExpect: 100-continue", b""),
    ],
    ids=["announced-length", "chunked", "expect-100-continue"],
)
def test_a_slow_request_body_does_not_delay_anyone(port, head, first_part):
    with connect(port) as slow:
        slow.sendall(f"POST / HTTP/1.1\r\nHost: 127.0.0.1\r\n{head}\r\n\r\n".encode() + first_part)
        assert request(port)[0] == 200
        assert request(port, "/")[0] == 200
        assert still_open(slow) or slow.recv(64).startswith(b"HTTP/1.1 100 Continue")


def test_a_body_over_the_limit_is_refused_with_a_clear_413(port):
    with connect(port) as sock:
        sock.sendall(b"POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 50000000\r\n\r\n")
        status, body = read_response(sock)
    assert status == 413
    assert b"That request is too large." in body


def test_a_truncated_body_never_reaches_the_app_and_is_a_4xx(port):
    """The client announces more than it sends, then closes its side: nginx answers 400
    itself; the app, which never saw a half request, goes on serving."""
    with connect(port) as sock:
        sock.sendall(
            b"POST /admin/login/ HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            b"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 500\r\n\r\nusername=a"
        )
        sock.shutdown(socket.SHUT_WR)
        answer = sock.recv(4096)
    assert answer == b"" or answer.startswith(b"HTTP/1.1 400")
    assert request(port)[0] == 200


@pytest.mark.parametrize(
    ("content_type", "part"),
    [
        ("application/x-www-form-urlencoded", b"username=a"),
        (
            "multipart/form-data; boundary=zz",
            b'--zz\r\nContent-Disposition: form-data; name="username"\r\n\r\nab',
        ),
    ],
    ids=["form", "multipart"],
)
def test_a_truncated_body_sent_straight_to_the_app_is_no_server_error(stack, content_type, part):
    """Should a request bypass nginx, a body cut off midway (with a valid CSRF token, so
    the form is read) is the client's mistake: never a 5xx."""
    app_port = stack[2]
    conn = HTTPConnection("127.0.0.1", app_port, timeout=PATIENCE)
    conn.request("GET", "/admin/login/", headers={"X-Real-IP": "203.0.113.4"})
    response = conn.getresponse()
    response.read()
    csrf = re.search(r"csrftoken=([^;]+)", response.getheader("Set-Cookie")).group(1)
    with connect(app_port) as sock:
        sock.sendall(
            f"POST /admin/login/ HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Real-IP: 203.0.113.4\r\n"
            f"Cookie: csrftoken={csrf}\r\nX-CSRFToken: {csrf}\r\n"
            f"Content-Type: {content_type}\r\nContent-Length: 500\r\n\r\n".encode()
            + part
        )
        sock.shutdown(socket.SHUT_WR)
        status, _ = read_response(sock)
    assert status < 500


def test_a_pipelining_client_that_never_reads_a_large_file_does_not_delay_anyone(port):
    with connect(port) as greedy:
        greedy.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
        one = f"GET {STATIC} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode()
        greedy.sendall(one * 30)
        for _ in range(3):
            assert request(port)[0] == 200
        assert request(port, STATIC)[0] == 200


def test_many_idle_sockets_from_one_client_do_not_delay_anyone(port):
    idle = []
    try:
        for _ in range(1000):
            idle.append(connect(port))
        assert request(port)[0] == 200
        assert request(port, "/")[0] == 200
    finally:
        for sock in idle:
            sock.close()


def test_one_client_cannot_hold_more_than_its_share_of_connections(port):
    """64 requests in progress from one address (nginx waiting for their bodies) are the
    most nginx lets one client have: the next is refused at once with the friendly 429 page."""
    held = []
    try:
        for _ in range(64):
            sock = connect(port)
            sock.sendall(
                b"POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 100\r\nExpect: 100-continue\r\n\r\n"
            )
            held.append(sock)
            # nginx asks for the body once it has counted the request: then it is in progress.
            assert sock.recv(64).startswith(b"HTTP/1.1 100 Continue")
        status, body = request(port)
        assert status == 429
        assert b"Too many connections from your address" in body
    finally:
        for sock in held:
            sock.close()


def test_workers_recycled_and_reloaded_under_load_lose_no_request(stack):
    """The worker is replaced after every 7 requests (MAX_REQUESTS) and the whole stack is
    reloaded twice (SIGHUP: nginx re-reads its configuration, gunicorn replaces its workers)
    while four clients send requests back to back: every request is answered 200."""
    import signal

    port, process, _ = stack
    statuses: list[int] = []
    errors: list[BaseException] = []

    def client():
        for _ in range(25):
            try:
                statuses.append(request(port, "/")[0])
            except OSError as exc:
                errors.append(exc)

    threads = [threading.Thread(target=client) for _ in range(4)]
    for thread in threads:
        thread.start()
    for _ in range(2):
        while len(statuses) < 20 * (_ + 1) and any(t.is_alive() for t in threads):
            threading.Event().wait(0.05)
        process.send_signal(signal.SIGHUP)
    for thread in threads:
        thread.join(120)
    assert errors == []
    assert statuses == [200] * 100
