"""blamelint's gunicorn worker: gthread, hardened against slow and idle clients.

gunicorn's threaded worker hands every new connection to a request thread,
which then waits up to 5 s for the first byte and, once a byte has come, reads
the request with no time limit at all: a few clients that connect and send
nothing, or send one header byte a second, hold every thread (see
docs/http.md). This worker changes three things:

- a new connection waits in the worker's poller (no thread) until it is
  readable, like a kept-alive one; it is closed after ``keepalive`` seconds of
  silence;
- reading one request (line, headers and body) has one deadline,
  ``BLAMELINT_REQUEST_READ_TIMEOUT`` seconds from its first byte, however
  slowly the bytes trickle in; past it the client gets a JSON 408;
- a response write that makes no progress for that long drops the connection;
- a worker whose threads already handle ``BLAMELINT_LINTS_PER_WORKER`` requests leaves a new connection to an idle worker for up to ``ACCEPT_DEFER``
  seconds, or until its own request ends: workers race on ``accept()``, and
  without this one worker can hold three lints while another idles;

and it answers gunicorn's own protocol errors (bad request line, header limits,
malformed chunks) in the contract's JSON instead of gunicorn's HTML page.
TLS is not terminated here (put a proxy in front); with ``certfile`` set the
worker falls back to gunicorn's own connection handling.
"""
from __future__ import annotations

import errno
import json
import re
import selectors
import socket
import time
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from gunicorn.http import errors as http_errors
from gunicorn.workers.gthread import TConn, ThreadWorker

from .. import __version__
from .env_settings import env_number
from .errors import RequestReadTimeout

DEFAULT_READ_TIMEOUT = 15.0

# gunicorn's exceptions -> (status, reason, code); the first match wins, ParseException last.
_CLIENT_ERRORS: tuple[tuple[type[BaseException], int, str, str], ...] = (
    (RequestReadTimeout, 408, "Request Timeout", "request_timeout"),
    (http_errors.LimitRequestLine, 414, "URI Too Long", "uri_too_long"),
    (http_errors.LimitRequestHeaders, 431, "Request Header Fields Too Large", "headers_too_large"),
    (http_errors.UnsupportedTransferCoding, 501, "Not Implemented", "unsupported_transfer_coding"),
    (http_errors.ExpectationFailed, 417, "Expectation Failed", "expectation_failed"),
    (http_errors.ForbiddenProxyRequest, 403, "Forbidden", "forbidden"),
    (http_errors.ParseException, 400, "Bad Request", "bad_request"),
)


def read_timeout_from_env(environ: dict[str, str] | None = None) -> float:
    return env_number("BLAMELINT_REQUEST_READ_TIMEOUT", DEFAULT_READ_TIMEOUT, "seconds", maximum=3600, environ=environ)


class GuardedSocket:
    """A client socket whose reads for one request share a deadline and whose
    writes time out; everything else is the socket's own."""

    def __init__(self, sock: socket.socket, read_timeout: float) -> None:
        self._sock = sock
        self._read_timeout = read_timeout
        self._deadline: float | None = None
        self._expired = False
        self._prefix = b""  # bytes the poller read ahead, served before the socket's

    def push_back(self, data: bytes) -> None:
        self._prefix = data + self._prefix

    def read_available(self, size: int) -> bytes:
        """A non-blocking read for the poller: b"" at end of stream, BlockingIOError if nothing yet."""
        return self._sock.recv(size)

    def start_request(self, deadline: float | None = None) -> None:
        self._deadline = time.monotonic() + self._read_timeout if deadline is None else deadline

    @property
    def reading(self) -> bool:
        return self._deadline is not None

    def end_request(self) -> None:
        self._deadline = None

    def _arm_read(self) -> None:
        if self._expired:
            # The timeout has been answered (408); gunicorn's drain of the rest of
            # the body must end the connection, not answer a second time.
            raise http_errors.NoMoreData()
        if self._deadline is None:
            return
        remaining = self._deadline - time.monotonic()
        if remaining <= 0:
            self._expire()
        self._sock.settimeout(remaining)

    def _expire(self) -> None:
        self._expired = True
        raise RequestReadTimeout(self._read_timeout)

    def recv(self, size: int, *flags: int) -> bytes:
        if self._prefix:
            data, self._prefix = self._prefix[:size], self._prefix[size:]
            return data
        self._arm_read()
        try:
            return self._sock.recv(size, *flags)
        except socket.timeout:
            self._expire()
            raise  # not reached

    def recv_into(self, buffer: Any, *args: int) -> int:
        if self._prefix:
            size = min(len(buffer), args[0] if args and args[0] else len(buffer), len(self._prefix))
            buffer[:size] = self._prefix[:size]
            self._prefix = self._prefix[size:]
            return size
        self._arm_read()
        try:
            return self._sock.recv_into(buffer, *args)
        except socket.timeout:
            self._expire()
            raise  # not reached

    def send(self, data: bytes, *flags: int) -> int:
        return self._write(self._sock.send, data, *flags)

    def sendall(self, data: bytes, *flags: int) -> None:
        return self._write(self._sock.sendall, data, *flags)

    def _write(self, fn: Any, data: bytes, *flags: int) -> Any:
        blocking = self._sock.gettimeout() != 0.0
        if blocking:  # gunicorn's error pages are written non-blocking on purpose; keep that
            self._sock.settimeout(self._read_timeout)
        try:
            return fn(data, *flags)
        except socket.timeout:
            # A client that stops reading its answer: drop it quietly, as gunicorn
            # does for a client that went away.
            raise BrokenPipeError(errno.EPIPE, "the client stopped reading the response") from None

    def fileno(self) -> int:
        return self._sock.fileno()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._sock, name)


@dataclass
class _Incoming:
    """A request being read in the poller, before any thread is given to it."""

    deadline: float
    buf: bytearray = field(default_factory=bytearray)


# How long a busy worker leaves a waiting connection to the others. /healthz waits
# this long at most when every worker is busy.
ACCEPT_DEFER = 0.05
# How much of a request the poller reads ahead before a thread takes it over.
_HEAD_LIMIT = 64 * 1024
_WORKER_BUFFER_LIMIT = 32 * 1024 * 1024
_HEALTHZ = re.compile(rb"GET /healthz(?:\?[^ ]*)? HTTP/1\.[01]\r\n")
_CONTENT_LENGTH = re.compile(rb"\r\ncontent-length:[ \t]*(\d{1,15})[ \t]*(?=\r\n|$)")


def request_is_buffered(buf: bytes | bytearray, max_body: int) -> bool:
    """Whether the poller has read enough of ``buf`` to hand the request to a thread:
    the whole head and the whole body (up to the body limit), or more than it may
    hold (gunicorn or the app then reject it), or a head that asks for ``100-continue``
    (the client waits for that answer before it sends the body)."""
    head_end = buf.find(b"\r\n\r\n")
    if head_end < 0:
        return len(buf) > _HEAD_LIMIT
    head = bytes(buf[:head_end]).lower()
    body = len(buf) - head_end - 4
    if b"\r\nexpect:" in head:
        return True
    if b"\r\ntransfer-encoding:" in head:
        return buf.endswith(b"0\r\n\r\n") or body > max_body
    match = _CONTENT_LENGTH.search(head)
    if match is None:
        return True
    return body >= min(int(match.group(1)), max_body + 1)


class BlamelintWorker(ThreadWorker):
    """gthread whose poller reads each request before a thread takes it, with a
    per-request read deadline and JSON protocol errors (see the module docstring)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.read_timeout = read_timeout_from_env()
        self._incoming: dict[TConn, _Incoming] = {}
        self._buffered = 0
        self._in_threads = 0  # requests handed to a thread and not finished
        self._defer_until: float | None = None  # a connection is being left to the other workers

    def _app_setting(self, key: str, default: int) -> int:
        config = getattr(self.wsgi, "config", None) or {}
        return int(config.get(key) or default)

    def _max_body(self) -> int:
        return self._app_setting("MAX_CONTENT_LENGTH", 1024 * 1024)

    # --- accept shaping: a busy worker lets an idle one take a new connection ---------

    def _busy(self) -> bool:
        # Requests still being read do not count: a slow client's half-sent request
        # costs the loop nothing, and counting it would let slowloris clients delay
        # every new connection.
        return self._in_threads >= self._app_setting("BLAMELINT_LINTS_PER_WORKER", 1)

    def _deferring(self) -> bool:
        if self._defer_until is None:
            return False
        if not self._busy():
            self._defer_until = None
            return False
        return time.monotonic() < self._defer_until

    def set_accept_enabled(self, enabled: bool) -> None:
        super().set_accept_enabled(enabled and not self._deferring())

    def wait_for_and_dispatch_events(self, timeout: float) -> None:
        if self._deferring():  # wake up when the deferral ends, to take the connection after all
            timeout = min(timeout, max(0.0, self._defer_until - time.monotonic()))
        super().wait_for_and_dispatch_events(timeout)

    def enqueue_req(self, conn: TConn) -> None:
        self._in_threads += 1
        super().enqueue_req(conn)

    def finish_request(self, conn: TConn, fs: Any) -> None:
        self._in_threads -= 1
        super().finish_request(conn, fs)

    def accept(self, listener: socket.socket) -> None:
        if self.cfg.is_ssl:
            return super().accept(listener)
        if self._defer_until is None and self._busy():
            # Leave this connection to a worker that is idle; take it after ACCEPT_DEFER
            # (or once this worker's request ends) if none has.
            self._defer_until = time.monotonic() + ACCEPT_DEFER
            super().set_accept_enabled(False)
            return
        # After a deferral ran out every worker is busy: take all that wait at once,
        # so a /healthz behind a crowd waits one deferral, not one per connection.
        drain, self._defer_until = self._defer_until is not None, None
        while True:
            try:
                client, addr = listener.accept()
            except OSError as err:
                if err.errno not in (errno.EAGAIN, errno.ECONNABORTED, errno.EWOULDBLOCK):
                    raise
                return
            self.nr_conns += 1
            conn = TConn(self.cfg, GuardedSocket(client, self.read_timeout), addr, listener.getsockname())
            self._read_in_poller(conn)
            if not drain or self.nr_conns >= self.worker_connections:
                return

    def on_client_socket_readable(self, conn: TConn, client: Any) -> None:
        """A kept-alive connection sends its next request: read it in the poller too."""
        if not isinstance(conn.sock, GuardedSocket):
            return super().on_client_socket_readable(conn, client)
        self.poller.unregister(client)
        self.keepalived_conns.remove(conn)
        self._read_in_poller(conn)

    def _read_in_poller(self, conn: TConn) -> None:
        conn.sock.setblocking(False)
        self._incoming[conn] = _Incoming(time.monotonic() + self.read_timeout)
        self.poller.register(conn.sock, selectors.EVENT_READ, partial(self._on_incoming_data, conn))

    def _on_incoming_data(self, conn: TConn, _client: Any) -> None:
        incoming = self._incoming[conn]
        try:
            data = conn.sock.read_available(65536)
        except (BlockingIOError, InterruptedError):
            return
        except OSError:
            data = b""
        if not data:  # the client went away
            self._forget(conn)
            conn.close()
            self.nr_conns -= 1
            return
        incoming.buf += data
        self._buffered += len(data)
        if request_is_buffered(incoming.buf, self._max_body()) or self._buffered > _WORKER_BUFFER_LIMIT:
            self._forget(conn)
            if _HEALTHZ.match(incoming.buf):
                # Liveness is the worker's own: answered from its loop, so it holds
                # even while every request thread is busy linting.
                write_json(conn.sock, 200, "OK", {"status": "ok", "version": __version__})
                conn.close()
                self.nr_conns -= 1
                return
            conn.sock.push_back(bytes(incoming.buf))
            conn.sock.start_request(incoming.deadline)
            conn.data_ready = True
            self.enqueue_req(conn)

    def _forget(self, conn: TConn) -> None:
        incoming = self._incoming.pop(conn)
        self._buffered -= len(incoming.buf)
        try:
            self.poller.unregister(conn.sock)
        except (KeyError, ValueError, OSError):
            pass

    def murder_pending(self) -> None:
        super().murder_pending()
        now = time.monotonic()
        for conn in [c for c, inc in self._incoming.items() if inc.deadline <= now]:
            started = bool(self._incoming[conn].buf)
            self._forget(conn)
            if started:  # a request begun and not finished in time: say so
                write_json_error(conn.sock, 408, "Request Timeout", "request_timeout",
                                 str(RequestReadTimeout(self.read_timeout)))
            conn.close()
            self.nr_conns -= 1

    def handle(self, conn: TConn) -> Any:
        sock = conn.sock
        if isinstance(sock, GuardedSocket) and not sock.reading:
            sock.start_request()
        try:
            return super().handle(conn)
        finally:
            if isinstance(sock, GuardedSocket):
                sock.end_request()

    def handle_error(self, req: Any, client: Any, addr: Any, exc: BaseException) -> None:
        match = next((m for m in _CLIENT_ERRORS if isinstance(exc, m[0])), None)
        if isinstance(exc, (http_errors.InvalidResponseHeader, http_errors.InvalidResponseHeaderName)):
            match = None  # a header the app tried to send is the app's bug
        if match is None:
            self.log.exception("Error handling request %s", getattr(req, "uri", "(no URI read)"))
            status, reason, code, message = 500, "Internal Server Error", "internal_error", (
                "blamelint failed on this request; the error is in the server log")
        else:
            _cls, status, reason, code = match
            message = str(exc) or reason
            self.log.warning("Invalid request from ip=%s: %s", (addr or ("",))[0], message)
        write_json_error(client, status, reason, code, message)


def write_json_error(client: Any, status: int, reason: str, code: str, message: str) -> None:
    """Write a whole JSON error response and let the connection close."""
    write_json(client, status, reason, {"error": {"code": code, "message": message}})


def write_json(client: Any, status: int, reason: str, payload: dict[str, Any]) -> None:
    """Write a whole small JSON response (``Connection: close``), without blocking."""
    body = json.dumps(payload, separators=(",", ":")).encode("utf-8")
    head = (
        f"HTTP/1.1 {status} {reason}\r\nConnection: close\r\nContent-Type: application/json\r\n"
        f"Content-Length: {len(body)}\r\n\r\n"
    ).encode("latin-1")
    try:
        client.setblocking(False)  # what the socket buffer cannot take at once is dropped
        client.send(head + body)
    except Exception:  # noqa: BLE001 - the client went away: nothing left to answer
        pass
