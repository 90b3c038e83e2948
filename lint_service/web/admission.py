"""Admission control: at most N lints run at once in a worker process, the rest wait in order.

A worker's request threads share one interpreter, so two lints in one process
take turns on the GIL: both finish late, and both hold their parses (a 270 KB
document grows a worker by about 140 MB while it is linted) until the later one ends. Admitting one or two at
a time, in arrival order, finishes the first on time and bounds a worker's
memory by construction: a waiting request holds its text, never a parse.

Large texts (``LARGE_TEXT`` characters or more) have a lane, and a gate, of
their own: one first in, first out line for everything would let a document that
lints for the whole budget hold every editor's draft behind it until they all
time out. So a worker runs at most N large and N small lints at once, and a
large lint's memory (about half a kilobyte per character) is what the lanes bound.

The wait counts against the request's own time budget (:mod:`lint_service.web.linting`);
a request that cannot start within it is answered ``413 lint_timeout``. A slot
is given back with the answer. A lint that overran its budget stops at its next
check point (between sentences, checks and rewrites), so for that short while
it runs beside the next one; a step stuck past the budget (a bug) cannot hold
the worker's lints.
"""
from __future__ import annotations

import collections
import threading
import time
from dataclasses import dataclass

DEFAULT_LINTS_PER_WORKER = 1
# About 15,000 words: beyond any postmortem in the real corpus, well below the
# hostile documents (300 KB paragraphs, 900 KB of words) that lint for seconds.
LARGE_TEXT = 100_000


@dataclass(frozen=True)
class GateState:
    """What a gate holds at one moment: lints running and requests waiting in line."""

    running: int
    waiting: int
    limit: int


class AdmissionGate:
    """A FIFO counting semaphore whose waits have a deadline."""

    def __init__(self, limit: int) -> None:
        if limit < 1:
            raise ValueError(f"an admission gate needs a limit of at least 1, not {limit!r}")
        self.limit = limit
        self._cond = threading.Condition()
        self._running = 0
        self._queue: collections.deque[object] = collections.deque()

    def acquire(self, timeout: float | None) -> bool:
        """Wait in line for a slot for at most ``timeout`` seconds (None: as long as it
        takes); False if none came."""
        ticket = object()
        deadline = None if timeout is None else time.monotonic() + timeout
        with self._cond:
            self._queue.append(ticket)
            try:
                while self._queue[0] is not ticket or self._running >= self.limit:
                    left = None if deadline is None else deadline - time.monotonic()
                    if left is not None and left <= 0:
                        return False
                    self._cond.wait(left)
                self._queue.popleft()
                self._running += 1
                return True
            finally:
                if ticket in self._queue:  # gave up: the next in line may go now
                    self._queue.remove(ticket)
                    self._cond.notify_all()

    def release(self) -> None:
        with self._cond:
            if self._running <= 0:
                raise RuntimeError("AdmissionGate.release() without a matching acquire()")
            self._running -= 1
            self._cond.notify_all()

    def state(self) -> GateState:
        with self._cond:
            return GateState(self._running, len(self._queue), self.limit)
