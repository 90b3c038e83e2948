"""Running the app's linter for one request: per-request configuration and size limits.

Both APIs (``/v1/lint`` and the LanguageTool adapter) lint through here so they
agree on limits and on how a request's rule choices combine with the server's.
"""
from __future__ import annotations

import contextlib
import copy
import dataclasses
import signal
import threading
from typing import Any, Iterator, Mapping

from flask import current_app

from ..config import Config, ConfigError
from ..document import YamlReportError
from ..findings import Report
from ..linter import Linter
from .app import get_linter
from .errors import ApiError

# Keys whose request values are added to the server's (the request can turn more
# rules on or off, name more systems/people); other keys replace the server's value.
_ADDITIVE = ("enable", "disable", "severity", "systems", "people")
_REQUEST_KEYS = ("enable", "disable", "severity", "required_sections", "systems", "people")


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
    """Lint with the app's linter (sharing its pipeline and parse cache) under ``config``."""
    linter = get_linter(current_app)
    limit = linter.parser.nlp.max_length
    if len(text) > limit:
        raise ApiError(413, "text_too_long", f"the text has {len(text)} characters; the limit is {limit}")
    if config is not None and config is not linter.config:
        linter = _with_config(linter, config)
    budget = current_app.config["BLAMELINT_LINT_TIMEOUT"]
    try:
        with _time_budget(budget):
            return linter.lint(text, format=format)
    except YamlReportError as err:  # the text is not the YAML report the request said (or looked like) it was
        raise ApiError(400, "invalid_document", str(err)) from None
    except LintTimeout:
        raise ApiError(413, "lint_timeout", f"linting this text took longer than {budget:g} s; send smaller documents "
                       "(or split very long sentences)") from None


class LintTimeout(Exception):
    """The time budget of one lint ran out."""


@contextlib.contextmanager
def _time_budget(seconds: float) -> Iterator[None]:
    # A sync gunicorn worker would otherwise be killed at its timeout and the client
    # would get gunicorn's HTML 500; an alarm turns an overlong lint into a JSON 413
    # and keeps the worker. Only the main thread can take signals: elsewhere (threaded
    # development servers) there is no budget.
    usable = seconds and hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not usable:
        yield
        return

    def on_alarm(signum: int, frame: Any) -> None:
        raise LintTimeout()

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _with_config(linter: Linter, config: Config) -> Linter:
    # A shallow copy shares the loaded pipeline, checks and parse cache; only the
    # config (read by the checks and the filters) differs.
    other = copy.copy(linter)
    other.config = config
    return other
