"""A time budget for one lint that library code cannot swallow.

The budget is a deadline in a context variable (so each thread, e.g. each of a
gthread worker's request threads, has its own), checked cooperatively at the
points where linting loops: between parsed batches, between checks, between
sentences of the blame check and at the entry of every rewrite. When it has
passed, :func:`check_deadline` raises :class:`LintTimeout`, a ``BaseException``:
a rewrite or recognizer that guards itself with ``except Exception`` (as it
should, so one bug does not cost a finding) lets it through.

Signals are not used: only a process's main thread receives them, and a
threaded server lints in other threads.
"""
from __future__ import annotations

import contextlib
import contextvars
import time
from typing import Iterator

_DEADLINE: contextvars.ContextVar[tuple[float, float] | None] = contextvars.ContextVar("blamelint_deadline", default=None)


class LintTimeout(BaseException):
    """The time budget of one lint ran out (``seconds`` is the budget)."""

    def __init__(self, seconds: float) -> None:
        super().__init__(f"linting took longer than its budget of {seconds:g} s")
        self.seconds = seconds


@contextlib.contextmanager
def time_budget(seconds: float | None) -> Iterator[None]:
    """Run the block under a budget of ``seconds`` (None or 0: no budget of its own).

    Nested budgets keep the earlier deadline: a web request that lints twice has
    one budget for both.
    """
    if not seconds:
        yield
        return
    deadline = (time.monotonic() + seconds, seconds)
    outer = _DEADLINE.get()
    if outer is not None and outer[0] <= deadline[0]:
        deadline = outer
    token = _DEADLINE.set(deadline)
    try:
        yield
    finally:
        _DEADLINE.reset(token)


def check_deadline() -> None:
    """Raise :class:`LintTimeout` if the current budget has run out; cheap enough per sentence."""
    current = _DEADLINE.get()
    if current is not None and time.monotonic() > current[0]:
        raise LintTimeout(current[1])


def remaining() -> float | None:
    """Seconds left in the current budget (None without one)."""
    current = _DEADLINE.get()
    return None if current is None else max(0.0, current[0] - time.monotonic())
