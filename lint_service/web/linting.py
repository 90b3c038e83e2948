"""Running the app's linter for one request: per-request configuration, size limits,
the time budget and the findings cap.

Both APIs (``/v1/lint`` and the LanguageTool adapter) lint through here so they
agree on limits and on how a request's rule choices combine with the server's.
"""
from __future__ import annotations

import concurrent.futures
import copy
import dataclasses
import os
import threading
import time
from typing import Any, Callable, Mapping, TypeVar

from flask import Flask, current_app, g

from ..budget import LintTimeout
from ..config import Config, ConfigError
from ..document import YamlReportError
from ..findings import Report
from ..linter import Linter
from .admission import LARGE_TEXT, AdmissionGate
from .app import get_linter
from .errors import ApiError

# Keys whose request values are added to the server's (the request can turn more
# rules on or off, name more systems/people); other keys replace the server's value.
_ADDITIVE = ("enable", "disable", "severity", "systems", "people")
_REQUEST_KEYS = ("enable", "disable", "severity", "required_sections", "systems", "people")
_T = TypeVar("_T")


def request_config(overrides: Mapping[str, Any], source: str = "config") -> Config:
    """The server's config with a request's overrides applied (400 if they are invalid)."""
    base = get_linter(current_app).config
    if not overrides:
        return base
    keys = {str(k).replace("-", "_") for k in overrides}
    if "pipeline" in keys:
        raise ApiError(400, "invalid_config", f"{source}: 'pipeline' is a server setting and cannot be set per request")
    unknown = sorted(keys - set(_REQUEST_KEYS))
    if unknown:
        raise ApiError(400, "invalid_config", f"{source}: unknown key {unknown[0]!r} (known keys: {', '.join(_REQUEST_KEYS)})")
    try:
        extra = Config.from_mapping(overrides, source=source)
    except ConfigError as err:
        raise ApiError(400, "invalid_config", str(err)) from None
    changes: dict[str, Any] = {}
    for key in keys & set(_REQUEST_KEYS):
        value = getattr(extra, key)
        changes[key] = getattr(base, key) + value if key in _ADDITIVE else value
    return dataclasses.replace(base, source=source, **changes)


def run_lint(text: str, format: str | None = None, config: Config | None = None) -> Report:
    """Lint with the app's linter (sharing its pipeline and parse cache) under ``config``,
    within the request's time budget and findings cap."""
    linter = get_linter(current_app)
    limit = linter.parser.nlp.max_length
    if len(text) > limit:
        raise ApiError(413, "text_too_long", f"the text has {len(text)} characters; the limit is {limit}")
    if config is not None and config is not linter.config:
        linter = _with_config(linter, config)
    budget = current_app.config["BLAMELINT_LINT_TIMEOUT"]
    cap = current_app.config["BLAMELINT_MAX_FINDINGS"] or None  # 0: no cap
    gate = lint_gate(current_app, large=len(text) >= LARGE_TEXT)
    if not budget:
        gate.acquire(timeout=None)
        try:
            return linter.lint(text, format=format, max_findings=cap)
        except YamlReportError as err:
            raise ApiError(400, "invalid_document", str(err)) from None
        finally:
            gate.release()
    # One budget per request: the web form lints up to twice for one answer.
    deadline = g.setdefault("blamelint_deadline", time.monotonic() + budget)
    left = deadline - time.monotonic()
    if left <= 0:
        raise _timeout(budget)
    # Wait in line for one of the worker's lint slots (admission.py); the wait is
    # part of the budget.
    if not gate.acquire(timeout=left):
        raise _timeout(budget, waited=True)
    left = deadline - time.monotonic()
    # The lint runs in a thread of its own, under a cooperative deadline (checked
    # between parses, checks, sentences and rewrites). The request thread waits
    # at most the time left, so the answer is on time even when one step (a huge
    # parse, a slow check) runs past the deadline; that step's thread then stops
    # at its next check point. The slot is given back with the answer: a step
    # stuck past its budget must not keep the worker from linting.
    try:
        future = _executor(current_app).submit(linter.lint, text, format, budget=max(left, 0.001), max_findings=cap)
        return future.result(timeout=max(left, 0.0))
    except (concurrent.futures.TimeoutError, LintTimeout):
        raise _timeout(budget) from None
    except YamlReportError as err:  # the text is not the YAML report the request said (or looked like) it was
        raise ApiError(400, "invalid_document", str(err)) from None
    finally:
        gate.release()


def _timeout(budget: float, waited: bool = False) -> ApiError:
    if waited:
        return ApiError(413, "lint_timeout", f"the server was busy with other lints for the whole time budget of "
                        f"{budget:g} s; try again, or send smaller documents")
    return ApiError(413, "lint_timeout", f"linting this text took longer than {budget:g} s; send smaller documents "
                    "(or split very long sentences)")


_EXECUTOR = "blamelint.lint_threads"
_GATE = "blamelint.lint_gate"
_EXECUTOR_LOCK = threading.Lock()
# Threads for the lints of one process: its admitted lints (BLAMELINT_LINTS_PER_WORKER)
# plus as many that overran their budget and have not reached their next check
# point yet. More wait in the executor's queue, within their own budget.
LINT_THREADS = 8


def _executor(app: Flask) -> concurrent.futures.ThreadPoolExecutor:
    return _per_process(app, _EXECUTOR, lambda: concurrent.futures.ThreadPoolExecutor(
        max_workers=LINT_THREADS, thread_name_prefix="blamelint-lint"))


def lint_gate(app: Flask, large: bool = False) -> AdmissionGate:
    """The gate that admits ``app``'s lints of one lane in this process
    (``BLAMELINT_LINTS_PER_WORKER`` at once): texts of ``LARGE_TEXT`` characters or
    more have a lane of their own, so an editor's draft never waits behind one."""
    return _per_process(app, _GATE + (".large" if large else ".small"),
                        lambda: AdmissionGate(app.config["BLAMELINT_LINTS_PER_WORKER"]))


def _per_process(app: Flask, key: str, make: Callable[[], _T]) -> _T:
    # Per process: gunicorn forks workers after the app is built, and threads
    # (and the lints they count) do not survive a fork.
    with _EXECUTOR_LOCK:
        pid, value = app.extensions.get(key, (None, None))
        if value is None or pid != os.getpid():
            value = make()
            app.extensions[key] = (os.getpid(), value)
        return value


def _with_config(linter: Linter, config: Config) -> Linter:
    # A shallow copy shares the loaded pipeline, checks and parse cache; only the
    # config (read by the checks and the filters) differs.
    other = copy.copy(linter)
    other.config = config
    return other
