"""gunicorn's threaded worker, changed to give a thread only a request it has whole.

gunicorn's ``gthread`` worker hands a connection to one of its threads as soon as it is
accepted, or as soon as a kept-alive one has a byte to read; the thread then reads the
request from the socket. With our one thread per worker (the fastest for these CPU-bound
pages) that thread is the worker: a client that connects and sends nothing held it for
5 s, and one that sends its headers a few bytes at a time held it for as long as it
liked. Three such connections stopped a production server of three workers for every
job seeker, and a browser's speculative preconnect or a load generator that waits before
its first request did the same for seconds at a time.

Here the worker's event loop, which waits on every connection at once, reads each request
without blocking until it has the head and any body of announced length, as a buffering
proxy in front of an app server would, and a thread gets the connection with the request in
hand. A connection that has sent nothing is closed after the keep-alive time, as gunicorn
closes an idle kept-alive one; one that has started a request and not finished it within
``REQUEST_READ_TIMEOUT`` seconds is closed.

When gunicorn terminates TLS itself, the event loop does the handshake as well. Not
buffered, and bounded instead by a receive timeout on the socket (each read waits at most
``REQUEST_READ_TIMEOUT``): a chunked body and a request over ``MAX_BUFFERED``; HTTP/2, if
it is turned on, is left to gunicorn.
"""

from __future__ import annotations

import errno
import os
import selectors
import socket
import ssl
import struct
import time
from functools import partial

from gunicorn import http
from gunicorn.sock import ssl_context
from gunicorn.workers.gthread import TConn, ThreadWorker

# Seconds from a request's first byte to its last (the environment may change it).
REQUEST_READ_TIMEOUT = float(os.environ.get("REQUEST_READ_TIMEOUT", "10"))
MAX_BUFFERED = 1024 * 1024  # bytes read ahead at most; a longer request is read by its thread
_RECV = 64 * 1024


def request_is_whole(data: bytes) -> bool:
    """Whether ``data``, the start of what a client sent, holds a whole HTTP/1 request (its
    head and a body of the length it announced), or whether waiting for more would not help
    the thread anyway: a chunked body, a client waiting for ``100 Continue``, a malformed
    length (gunicorn answers 400), or more than ``MAX_BUFFERED`` bytes."""
    if len(data) >= MAX_BUFFERED:
        return True
    end = data.find(b"\r\n\r\n")
    if end < 0:
        return False
    length = 0
    for line in data[:end].split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        name, value = name.strip().lower(), value.strip().lower()
        if name == b"transfer-encoding" or (name == b"expect" and value == b"100-continue"):
            return True
        if name == b"content-length":
            if not value.isdigit():
                return True
            length = int(value)
    return len(data) - (end + 4) >= length


class BufferedConn(TConn):
    """A connection with what the event loop read of its request before a thread took it."""

    def __init__(self, *args):
        super().__init__(*args)
        self.received = bytearray()
        self.deadline = 0.0
        self.handshaking = False
        # Every blocking read a thread makes waits at most this long (the kernel's receive
        # timeout survives setblocking(), which resets Python's own).
        self.sock.setsockopt(
            socket.SOL_SOCKET,
            socket.SO_RCVTIMEO,
            struct.pack("ll", int(REQUEST_READ_TIMEOUT), int(REQUEST_READ_TIMEOUT % 1 * 1e6)),
        )

    def init(self):
        super().init()
        if self.received:
            self.parser.unreader.unread(bytes(self.received))
            self.received = bytearray()


class RequestBufferingWorker(ThreadWorker):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.reading: dict[BufferedConn, None] = {}  # connections whose request is being read
        self.next_sweep = 0.0
        # HTTP/2 starts with a preface, not a request: gunicorn's own handling then.
        self.buffering = "h2" not in self.cfg.http_protocols and self.cfg.http2_cleartext not in (
            "prior-knowledge",
            "both",
        )

    def accept(self, listener):
        try:
            client, address = listener.accept()
        except OSError as e:
            if e.errno not in (errno.EAGAIN, errno.ECONNABORTED, errno.EWOULDBLOCK):
                raise
            return
        self.nr_conns += 1
        conn = BufferedConn(self.cfg, client, address, listener.getsockname())
        if self.cfg.is_ssl and self.buffering:
            # The TLS handshake happens in the event loop too, a step per readable event.
            conn.sock = ssl_context(self.cfg).wrap_socket(
                conn.sock,
                server_side=True,
                suppress_ragged_eofs=self.cfg.suppress_ragged_eofs,
                do_handshake_on_connect=False,
            )
            conn.handshaking = True
        # Until its first byte, a connection may idle as long as a kept-alive one.
        self._read(conn, time.monotonic() + (self.cfg.keepalive or REQUEST_READ_TIMEOUT))

    def on_client_socket_readable(self, conn, client):
        """A kept-alive connection has something to read: read it here, not in a thread."""
        if not self.buffering:
            super().on_client_socket_readable(conn, client)
            return
        self.poller.unregister(client)
        self.keepalived_conns.remove(conn)
        # Usually the whole request is there already: then it goes straight to a thread.
        self.reading[conn] = None
        self._on_readable(conn, client)
        if conn in self.reading:
            del self.reading[conn]
            self._read(conn, time.monotonic() + REQUEST_READ_TIMEOUT)

    def enqueue_req(self, conn):
        # gunicorn also calls this for a kept-alive connection whose last read went past
        # the end of its request: the rest must be a whole request too.
        if self.buffering and conn.parser is not None and conn.parser.unreader.buf.getvalue():
            conn.received[:0] = conn.parser.unreader.take_buffered()
            if not request_is_whole(conn.received):
                self._read(conn, time.monotonic() + REQUEST_READ_TIMEOUT)
                return
        super().enqueue_req(conn)

    def _read(self, conn, deadline):
        conn.sock.setblocking(False)
        conn.deadline = deadline
        self.reading[conn] = None
        self.poller.register(conn.sock, selectors.EVENT_READ, partial(self._on_readable, conn))

    def _on_readable(self, conn, client):
        if conn not in self.reading:
            return
        if not self.buffering:  # its first bytes are here; a thread does the rest
            self._hand_over(conn)
            return
        try:
            if conn.handshaking:
                conn.sock.do_handshake()
                conn.handshaking = False
                # Made here so that the thread does not wrap the socket again.
                conn.parser = http.get_parser(self.cfg, conn.sock, conn.client)
            data = conn.sock.recv(_RECV)
            while data and isinstance(conn.sock, ssl.SSLSocket) and conn.sock.pending():
                data += conn.sock.recv(_RECV)
        except (BlockingIOError, InterruptedError, ssl.SSLWantReadError, ssl.SSLWantWriteError):
            return
        except OSError:  # ssl.SSLError too: a failed handshake, a reset
            data = b""
        if not data:  # the client went away
            self._close(conn)
            return
        if not conn.received:
            conn.deadline = time.monotonic() + REQUEST_READ_TIMEOUT
        conn.received += data
        if request_is_whole(conn.received):
            self._hand_over(conn)

    def _hand_over(self, conn):
        del self.reading[conn]
        if conn.sock.fileno() in self.poller.get_map():
            self.poller.unregister(conn.sock)
        conn.data_ready = True
        super().enqueue_req(conn)

    def _close(self, conn):
        del self.reading[conn]
        if conn.sock.fileno() in self.poller.get_map():
            self.poller.unregister(conn.sock)
        self.nr_conns -= 1
        conn.close()

    def murder_pending(self):
        """Also closes the connections that have been too slow to send a request and, once
        the worker is stopping, those that have not begun one."""
        super().murder_pending()
        now = time.monotonic()
        if now < self.next_sweep and self.alive:
            return
        self.next_sweep = now + 0.25
        for conn in [c for c in self.reading if c.deadline <= now or not (self.alive or c.received)]:
            self._close(conn)
