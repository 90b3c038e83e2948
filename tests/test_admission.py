"""Admission control (lint_service/web/admission.py) and the worker's accept shaping.

No test here times anything: they count lints running at once, record the order
in which lints start, and drive the gate and the worker's accept decision step
by step.
"""
from __future__ import annotations

import selectors
import socket
import threading
import time

import pytest
from gunicorn.config import Config as GunicornConfig

from lint_service import Linter
from lint_service.web.admission import AdmissionGate
from lint_service.web.app import SettingsError, create_app, settings_from_env
from lint_service.web.admission import LARGE_TEXT
from lint_service.web.linting import lint_gate
from lint_service.web.worker import BlamelintWorker

DRAFT = "The deploy pipeline failed after the certificate expired.\n"


def wait_until(condition, what: str, limit: float = 20.0) -> None:
    """Poll ``condition`` until it holds (a bound against a hang, never a measurement)."""
    end = time.monotonic() + limit
    while not condition():
        if time.monotonic() > end:
            raise AssertionError(f"gave up waiting for {what}")
        time.sleep(0.005)


# --- the gate itself -----------------------------------------------------------------------

def test_the_gate_admits_up_to_its_limit_and_then_refuses_at_once():
    gate = AdmissionGate(2)
    assert gate.acquire(timeout=0) and gate.acquire(timeout=0)
    assert gate.acquire(timeout=0) is False  # full: a zero budget cannot wait
    assert (gate.state().running, gate.state().waiting) == (2, 0)  # the refused one left the line
    gate.release()
    assert gate.acquire(timeout=0)


def test_the_gate_admits_waiters_in_arrival_order():
    gate = AdmissionGate(1)
    assert gate.acquire(timeout=None)
    order: list[int] = []
    threads = []
    for i in range(4):
        t = threading.Thread(target=lambda i=i: (gate.acquire(timeout=None), order.append(i), gate.release()))
        t.start()
        threads.append(t)
        wait_until(lambda i=i: gate.state().waiting == i + 1, f"waiter {i} in line")
    gate.release()
    for t in threads:
        t.join(10)
    assert order == [0, 1, 2, 3]
    assert gate.state().running == 0 and gate.state().waiting == 0


def test_a_waiter_that_gives_up_lets_the_next_one_in():
    gate = AdmissionGate(1)
    assert gate.acquire(timeout=None)
    gave_up = threading.Event()
    got_in = threading.Event()
    first = threading.Thread(target=lambda: gate.acquire(timeout=0.05) or gave_up.set())
    first.start()
    wait_until(lambda: gate.state().waiting == 1, "the first waiter in line")
    second = threading.Thread(target=lambda: gate.acquire(timeout=None) and got_in.set())
    second.start()
    first.join(10)
    assert gave_up.is_set() and not got_in.is_set()
    gate.release()
    second.join(10)
    assert got_in.is_set()


def test_release_without_acquire_is_a_bug_not_a_silent_extra_slot():
    with pytest.raises(RuntimeError):
        AdmissionGate(1).release()
    with pytest.raises(ValueError):
        AdmissionGate(0)


# --- the app admits its lints through the gate -----------------------------------------------

class CountingLinter(Linter):
    """A real linter that records how many of its lints run at once and in what order
    they start, and holds each lint until the test lets it go."""

    def __init__(self) -> None:
        super().__init__()
        self.lock = threading.Lock()
        self.running = 0
        self.most = 0
        self.started: list[str] = []
        self.go = threading.Event()

    def lint(self, text, format=None, **kwargs):  # noqa: A002 - the library's own name
        with self.lock:
            self.running += 1
            self.most = max(self.most, self.running)
            self.started.append(text)
        try:
            self.go.wait(20)
            return super().lint(text, format=format, **kwargs)
        finally:
            with self.lock:
                self.running -= 1


@pytest.mark.parametrize("limit", [1, 2])
def test_at_most_the_configured_number_of_lints_run_at_once_in_arrival_order(limit):
    linter = CountingLinter()
    app = create_app({"BLAMELINT_LINTS_PER_WORKER": limit}, linter=linter)
    gate = lint_gate(app)
    statuses: list[int] = []
    threads = []
    texts = [f"Request {i}. {DRAFT}" for i in range(5)]
    for i, text in enumerate(texts):
        def post(text=text) -> None:
            statuses.append(app.test_client().post("/v1/lint", json={"text": text}).status_code)
        t = threading.Thread(target=post)
        t.start()
        threads.append(t)
        # Wait until this request holds a slot or its place in line, so arrival order is known.
        wait_until(lambda i=i: gate.state().running + gate.state().waiting == i + 1, f"request {i} admitted or queued")
    assert gate.state().running == limit and gate.state().waiting == len(texts) - limit
    linter.go.set()
    for t in threads:
        t.join(30)
    assert statuses == [200] * len(texts)
    assert linter.most == limit
    assert linter.started == texts  # first come, first linted
    assert gate.state().running == 0


@pytest.mark.parametrize("endpoint", ["/v1/lint", "/v2/check"])
def test_a_request_that_cannot_start_within_its_budget_gets_the_json_413(endpoint):
    app = create_app({"BLAMELINT_LINT_TIMEOUT": 0.2, "BLAMELINT_LINTS_PER_WORKER": 1})
    gate = lint_gate(app)
    assert gate.acquire(timeout=0)  # another lint holds the only slot
    try:
        client = app.test_client()
        if endpoint == "/v1/lint":
            r = client.post(endpoint, json={"text": DRAFT})
        else:
            r = client.post(endpoint, data={"text": DRAFT, "language": "en-US"})
    finally:
        gate.release()
    assert r.status_code == 413 and r.is_json
    error = r.get_json()["error"]
    assert error["code"] == "lint_timeout" and "busy" in error["message"]
    assert gate.state().waiting == 0
    assert app.test_client().post("/v1/lint", json={"text": DRAFT}).status_code == 200  # the slot is free again


def test_a_draft_never_waits_behind_a_large_document():
    app = create_app({"BLAMELINT_LINT_TIMEOUT": 0.2, "BLAMELINT_LINTS_PER_WORKER": 1})
    large = lint_gate(app, large=True)
    assert large.acquire(timeout=0)  # a large document holds its lane
    try:
        client = app.test_client()
        assert client.post("/v1/lint", json={"text": DRAFT}).status_code == 200
        # A text just at the threshold is large: it waits for that lane, and gets the 413.
        big = (DRAFT * (LARGE_TEXT // len(DRAFT) + 1))[:LARGE_TEXT]
        r = client.post("/v1/lint", json={"text": big})
        assert r.status_code == 413 and "busy" in r.get_json()["error"]["message"]
    finally:
        large.release()
    assert lint_gate(app, large=False).state().running == 0


def test_the_web_form_keeps_the_draft_when_it_cannot_start():
    app = create_app({"BLAMELINT_LINT_TIMEOUT": 0.2, "BLAMELINT_LINTS_PER_WORKER": 1})
    gate = lint_gate(app)
    assert gate.acquire(timeout=0)
    try:
        r = app.test_client().post("/", data={"text": DRAFT, "format": ""})
    finally:
        gate.release()
    assert r.status_code == 413
    assert "The deploy pipeline failed after the certificate expired." in r.get_data(as_text=True)


def test_a_lint_past_its_budget_gives_its_slot_back_with_the_answer():
    linter = CountingLinter()  # holds every lint until go is set: a step stuck past the budget
    app = create_app({"BLAMELINT_LINT_TIMEOUT": 0.2, "BLAMELINT_LINTS_PER_WORKER": 1}, linter=linter)
    gate = lint_gate(app)
    try:
        r = app.test_client().post("/v1/lint", json={"text": DRAFT})
        assert r.status_code == 413 and r.get_json()["error"]["code"] == "lint_timeout"
        assert linter.running == 1  # still stuck ...
        assert gate.state().running == 0  # ... but it does not keep the next request out
    finally:
        linter.go.set()
    wait_until(lambda: linter.running == 0, "the stuck lint to end")


def test_the_setting_is_checked_and_read_from_the_environment():
    assert create_app().config["BLAMELINT_LINTS_PER_WORKER"] == 1
    assert settings_from_env({"BLAMELINT_LINTS_PER_WORKER": "2"})["BLAMELINT_LINTS_PER_WORKER"] == 2
    for bad in (0, -1, True, 1.5, "2", 65):
        with pytest.raises(SettingsError, match="BLAMELINT_LINTS_PER_WORKER"):
            create_app({"BLAMELINT_LINTS_PER_WORKER": bad})
    with pytest.raises(SettingsError, match="BLAMELINT_LINTS_PER_WORKER"):
        settings_from_env({"BLAMELINT_LINTS_PER_WORKER": "two"})


# --- accept shaping in the worker --------------------------------------------------------------

class _App:
    config = {"BLAMELINT_LINTS_PER_WORKER": 1}


@pytest.fixture
def worker_and_listener():
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(16)
    # The worker's event-loop state without a gunicorn arbiter: what accept() and
    # set_accept_enabled() read and write.
    worker = BlamelintWorker.__new__(BlamelintWorker)
    worker.cfg = GunicornConfig()
    worker.wsgi = _App()
    worker.sockets = [listener]
    worker.poller = selectors.DefaultSelector()
    worker.read_timeout = 5.0
    worker.worker_connections = 1000
    worker.nr_conns = 0
    worker._accepting = False
    worker._incoming = {}
    worker._buffered = 0
    worker._in_threads = 0
    worker._defer_until = None
    worker.set_accept_enabled(True)
    clients: list[socket.socket] = []
    yield worker, listener, clients
    for conn in list(worker._incoming):
        worker._forget(conn)
        conn.close()
    for c in clients:
        c.close()
    worker.poller.close()
    listener.close()


def _connect(listener: socket.socket, clients: list[socket.socket], n: int = 1) -> None:
    for _ in range(n):
        clients.append(socket.create_connection(listener.getsockname()))


def _listening(worker: BlamelintWorker, listener: socket.socket) -> bool:
    return listener in {key.fileobj for key in worker.poller.get_map().values()}


def test_an_idle_worker_accepts_at_once(worker_and_listener):
    worker, listener, clients = worker_and_listener
    _connect(listener, clients)
    worker.accept(listener)
    assert worker.nr_conns == 1 and _listening(worker, listener)


def test_a_busy_worker_leaves_a_new_connection_to_the_others(worker_and_listener):
    worker, listener, clients = worker_and_listener
    worker._in_threads = 1  # a lint at work
    _connect(listener, clients)
    worker.accept(listener)
    assert worker.nr_conns == 0  # left in the backlog for an idle worker
    assert not _listening(worker, listener)
    worker.set_accept_enabled(True)  # the event loop's next turn, deferral not over
    assert not _listening(worker, listener)
    worker._in_threads = 0  # its request ended: it takes connections again
    worker.set_accept_enabled(True)
    assert _listening(worker, listener) and worker._defer_until is None
    worker.accept(listener)
    assert worker.nr_conns == 1


def test_a_slow_clients_half_sent_request_does_not_make_the_worker_busy(worker_and_listener):
    worker, listener, clients = worker_and_listener
    _connect(listener, clients)
    worker.accept(listener)
    clients[0].sendall(b"POST /v1/lint HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{")
    conn = next(iter(worker._incoming))
    wait_until(lambda: worker._on_incoming_data(conn, None) or worker._incoming[conn].buf, "the first bytes")
    _connect(listener, clients)
    worker.accept(listener)
    assert worker.nr_conns == 2 and _listening(worker, listener)


def test_when_the_deferral_runs_out_a_busy_worker_takes_everything_waiting(worker_and_listener):
    worker, listener, clients = worker_and_listener
    worker._in_threads = 1
    _connect(listener, clients, 3)
    worker.accept(listener)
    assert worker.nr_conns == 0
    worker._defer_until = time.monotonic() - 1  # the deferral is over and no idle worker came
    worker.set_accept_enabled(True)
    assert _listening(worker, listener)
    worker.accept(listener)
    assert worker.nr_conns == 3  # one deferral for all of them, not one each
    assert worker._defer_until is None
