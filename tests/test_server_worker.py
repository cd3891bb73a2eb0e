"""The production server reads each request whole before a worker thread takes it
(careerquiz/worker.py): a client that connects and sends nothing, or sends its request a few
bytes at a time, must not hold a worker that job seekers are waiting for.

The servers here have one worker with one thread, so any connection a thread waits on would
stop every other request."""

import socket
import ssl
import subprocess
import time
from http.client import HTTPConnection, HTTPSConnection

import pytest

from careerquiz.worker import MAX_BUFFERED, request_is_whole
from tests.servers import app_servers, free_port, gunicorn, production_env

GET = b"GET /-/ping/ HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"


@pytest.fixture(scope="module")
def port(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("worker")
    env = production_env(
        tmp,
        WEB_CONCURRENCY="1",
        THREADS="1",
        REQUEST_READ_TIMEOUT="2",
        DATABASE_URL=f"sqlite:///{tmp}/db.sqlite3",
    )
    with app_servers(env, ready="/-/ping/") as (port,):
        yield port


def ping(port, timeout=3):
    """A job seeker's request; fails if it is not answered within ``timeout`` seconds (the
    thread of the only worker busy with someone else)."""
    conn = HTTPConnection("127.0.0.1", port, timeout=timeout)
    conn.request("GET", "/-/ping/")
    response = conn.getresponse()
    response.read()
    conn.close()
    return response.status


def connect(port):
    return socket.create_connection(("127.0.0.1", port), timeout=5)


def read_response(sock) -> bytes:
    data = b""
    while b"\r\n\r\n" not in data:
        data += sock.recv(65536)
    head, _, body = data.partition(b"\r\n\r\n")
    length = int(
        next(
            line.split(b":")[1] for line in head.split(b"\r\n") if line.lower().startswith(b"content-length")
        )
    )
    while len(body) < length:
        body += sock.recv(65536)
    return head + b"\r\n\r\n" + body


class TestAWholeRequest:
    def test_is_a_head_and_the_body_it_announces(self):
        assert not request_is_whole(b"GET / HTTP/1.1\r\nHost: x\r\n")
        assert request_is_whole(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")
        post = b"POST /a/ HTTP/1.1\r\nHost: x\r\nContent-Length: 8\r\n\r\n"
        assert not request_is_whole(post + b"answer=")
        assert request_is_whole(post + b"answer=1")

    def test_reads_header_names_in_any_case(self):
        assert not request_is_whole(b"POST / HTTP/1.1\r\ncontent-LENGTH:  3\r\n\r\nab")

    def test_is_not_waited_for_where_waiting_would_not_help(self):
        # The client waits for "100 Continue" before its body; a chunked body's end is read
        # by the thread; gunicorn answers a malformed length with 400; a huge request is
        # read on by its thread.
        assert request_is_whole(b"POST / HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: 9\r\n\r\n")
        assert request_is_whole(b"POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n")
        assert request_is_whole(b"POST / HTTP/1.1\r\nContent-Length: -1\r\n\r\n")
        assert request_is_whole(b"GET / HTTP/1.1\r\nX: " + b"a" * MAX_BUFFERED)


class TestSlowClientsDoNotHoldTheWorker:
    def test_connections_that_send_nothing(self, port):
        idle = [connect(port) for _ in range(3)]
        time.sleep(0.2)  # accepted by the worker by now
        assert [ping(port) for _ in range(3)] == [200, 200, 200]
        for sock in idle:
            sock.close()

    def test_requests_sent_a_few_bytes_at_a_time(self, port):
        slow = [connect(port) for _ in range(3)]
        for sock in slow:
            sock.sendall(b"GET /-/ping/ HTTP/1.1\r\nHost: 127.0.0.1\r\n")
        for _ in range(3):
            assert ping(port) == 200
            for sock in slow:
                sock.sendall(b"X-Slow: 1\r\n")
        # Each slow request, once whole, is answered as well.
        for sock in slow:
            sock.sendall(b"\r\n")
            assert read_response(sock).startswith(b"HTTP/1.1 200")
            sock.close()

    def test_a_kept_alive_connection_that_sends_its_next_request_slowly(self, port):
        sock = connect(port)
        sock.sendall(GET)
        assert read_response(sock).startswith(b"HTTP/1.1 200")
        sock.sendall(GET[:25])
        time.sleep(0.2)
        assert ping(port) == 200
        sock.sendall(GET[25:])
        assert read_response(sock).startswith(b"HTTP/1.1 200")
        sock.close()

    def test_a_request_not_sent_in_time_is_dropped(self, port):
        sock = connect(port)
        sock.sendall(b"GET /-/ping/ HTTP/1.1\r\n")
        started = time.monotonic()
        assert sock.recv(100) == b""  # closed by the server (REQUEST_READ_TIMEOUT=2 here)
        assert time.monotonic() - started < 4.5
        sock.close()
        assert ping(port) == 200


class TestEveryRequestIsStillAnswered:
    def test_a_post_whose_body_comes_in_pieces(self, port):
        sock = connect(port)
        sock.sendall(b"POST /-/ping/ HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 10\r\n\r\nabc")
        sock.settimeout(0.5)
        with pytest.raises(TimeoutError):  # no answer to a request not yet whole
            sock.recv(100)
        sock.settimeout(5)
        sock.sendall(b"defghij")
        # Django refuses a POST without a CSRF token: the whole request reached it ...
        assert read_response(sock).startswith(b"HTTP/1.1 403")
        # ... and the body's bytes were read as its body, not as the next request.
        sock.sendall(GET)
        assert read_response(sock).startswith(b"HTTP/1.1 200")
        sock.close()

    def test_requests_one_after_another_on_a_kept_alive_connection(self, port):
        conn = HTTPConnection("127.0.0.1", port, timeout=3)
        for _ in range(3):
            conn.request("GET", "/-/ping/")
            response = conn.getresponse()
            response.read()
            assert response.status == 200
        conn.close()

    def test_pipelined_requests_and_one_that_arrives_behind_them_in_pieces(self, port):
        sock = connect(port)
        # Two whole requests and the start of a third in one packet: the third is read on by
        # the event loop, not by a thread waiting for it.
        sock.sendall(GET + GET + GET[:20])
        assert read_response(sock).startswith(b"HTTP/1.1 200")
        assert read_response(sock).startswith(b"HTTP/1.1 200")
        assert ping(port) == 200
        sock.sendall(GET[20:])
        assert read_response(sock).startswith(b"HTTP/1.1 200")
        sock.close()


@pytest.fixture(scope="module")
def tls_port(tmp_path_factory):
    """A server that terminates TLS itself, as scripts/observatory.sh runs it."""
    tmp = tmp_path_factory.mktemp("worker-tls")
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1"]
        + ["-keyout", str(tmp / "key.pem"), "-out", str(tmp / "cert.pem")],
        check=True,
        capture_output=True,
    )
    env = production_env(
        tmp,
        WEB_CONCURRENCY="1",
        THREADS="1",
        TLS_CERT=str(tmp / "cert.pem"),
        TLS_KEY=str(tmp / "key.pem"),
        DATABASE_URL=f"sqlite:///{tmp}/db.sqlite3",
    )
    port = free_port()
    server = gunicorn(env, port)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                if tls_ping(port) == 200:
                    break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.2)
        yield port
    finally:
        server.terminate()
        server.wait(10)


def tls_client():
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    return context


def tls_ping(port, timeout=3):
    conn = HTTPSConnection("127.0.0.1", port, timeout=timeout, context=tls_client())
    conn.request("GET", "/-/ping/")
    response = conn.getresponse()
    response.read()
    conn.close()
    return response.status


class TestOverTLS:
    def test_connections_that_send_nothing_or_half_a_handshake(self, tls_port):
        idle = [connect(tls_port) for _ in range(2)]
        idle[1].sendall(b"\x16\x03\x01")  # the first bytes of a TLS ClientHello, then nothing
        time.sleep(0.2)
        assert [tls_ping(tls_port) for _ in range(3)] == [200, 200, 200]
        for sock in idle:
            sock.close()

    def test_a_request_sent_slowly_after_the_handshake(self, tls_port):
        slow = tls_client().wrap_socket(connect(tls_port), server_hostname="127.0.0.1")
        slow.sendall(GET[:20])
        assert tls_ping(tls_port) == 200
        slow.sendall(GET[20:])
        assert read_response(slow).startswith(b"HTTP/1.1 200")
        slow.sendall(GET)  # and again on the kept-alive connection
        assert read_response(slow).startswith(b"HTTP/1.1 200")
        slow.close()
