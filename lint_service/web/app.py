"""The Flask application factory.

``create_app`` builds an app from a settings mapping; the app holds its one
:class:`~lint_service.Linter` in ``app.extensions["blamelint"]``, so every request
shares the loaded pipeline and the parse cache. Nothing else is global: the spaCy
pipeline itself is cached per process by :func:`lint_service.nlp.load_pipeline`,
which is what lets gunicorn's ``--preload`` share it between workers.

Settings (keys of the ``config`` mapping; :func:`settings_from_env` reads them
from the environment):

``MAX_CONTENT_LENGTH``          body limit in bytes (default 1 MiB)
``BLAMELINT_CORS_ORIGINS``      origins allowed to call from a browser: a list or a
                                comma-separated string, ``*`` for any (default none)
``BLAMELINT_LINTER_CONFIG``     the linter configuration (a Config or a mapping)
``BLAMELINT_REQUEST_CONFIG``    accept a per-request ``config`` in ``POST /v1/lint`` (default true)
``BLAMELINT_LINT_TIMEOUT``      seconds one lint may take before it is answered with 413
                                ``lint_timeout`` (default 30; 0: no limit). Keep it below
                                gunicorn's worker timeout, which kills the worker instead.
``BLAMELINT_MAX_FINDINGS``      findings per answer at most (default 1000; 0: no cap); beyond it the
                                answer says ``"truncated": true`` and ``stats.total`` counts them all
``BLAMELINT_CACHE_BYTES``       estimated bytes of parses kept for re-lints, per process
                                (default 32 MiB)
``BLAMELINT_LINTS_PER_WORKER``  lints that run at once in one process, per lane (small and large
                                texts; default 1); more wait in arrival order, within their time
                                budget (see admission.py)
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Mapping

import yaml
from flask import Flask, Response, request

from ..config import Config, ConfigError
from ..linter import Linter
from ..nlp import DEFAULT_CACHE_BYTES
from .admission import DEFAULT_LINTS_PER_WORKER
from .errors import register_error_handlers

DEFAULT_MAX_BODY = 1024 * 1024
EXTENSION = "blamelint"
_CORS_HEADERS = "Content-Type, Accept, Authorization"
DEFAULT_LINT_TIMEOUT = 30.0
DEFAULT_MAX_FINDINGS = 1000
_KNOWN = {"MAX_CONTENT_LENGTH", "BLAMELINT_CORS_ORIGINS", "BLAMELINT_LINTER_CONFIG", "BLAMELINT_REQUEST_CONFIG",
          "BLAMELINT_LINT_TIMEOUT", "BLAMELINT_MAX_FINDINGS", "BLAMELINT_CACHE_BYTES", "BLAMELINT_LINTS_PER_WORKER"}


class SettingsError(ValueError):
    """A server setting is invalid; the message names it."""


def create_app(config: Mapping[str, Any] | None = None, linter: Linter | None = None) -> Flask:
    """Build the blamelint HTTP app; ``linter`` (if given) is used instead of building one."""
    settings = _validate(dict(config or {}))
    app = Flask("lint_service.web")
    app.config.update(settings)
    # Form fields are limited by the same body limit, not Werkzeug's separate 500 kB default.
    app.config["MAX_FORM_MEMORY_SIZE"] = settings["MAX_CONTENT_LENGTH"]
    app.json.sort_keys = False  # keep fields in the SPEC's order
    if linter is None:
        linter = Linter(config=settings["BLAMELINT_LINTER_CONFIG"], cache_bytes=settings["BLAMELINT_CACHE_BYTES"])
    app.extensions[EXTENSION] = linter

    from . import api, incident_summary, languagetool, page

    app.register_blueprint(api.bp)
    app.register_blueprint(languagetool.bp)
    app.register_blueprint(page.bp)
    app.register_blueprint(incident_summary.bp)
    register_error_handlers(app)
    app.after_request(_add_cors_headers)
    return app


def get_linter(app: Flask) -> Linter:
    return app.extensions[EXTENSION]


def _validate(settings: dict[str, Any]) -> dict[str, Any]:
    unknown = sorted(k for k in settings if k.startswith("BLAMELINT_") and k not in _KNOWN)
    if unknown:
        raise SettingsError(f"unknown setting {unknown[0]!r} (known: {', '.join(sorted(_KNOWN))})")
    limit = settings.get("MAX_CONTENT_LENGTH", DEFAULT_MAX_BODY)
    if isinstance(limit, bool) or not isinstance(limit, int) or limit <= 0:
        raise SettingsError(f"MAX_CONTENT_LENGTH must be a positive number of bytes, not {limit!r}")
    settings["MAX_CONTENT_LENGTH"] = limit

    origins = settings.get("BLAMELINT_CORS_ORIGINS") or ()
    if isinstance(origins, str):
        origins = [o for o in (p.strip() for p in origins.split(",")) if o]
    if not all(isinstance(o, str) and o for o in origins):
        raise SettingsError("BLAMELINT_CORS_ORIGINS must be a list of origins such as 'https://example.com', or '*'")
    settings["BLAMELINT_CORS_ORIGINS"] = tuple(o.rstrip("/") for o in origins)

    try:
        settings["BLAMELINT_LINTER_CONFIG"] = Config.coerce(settings.get("BLAMELINT_LINTER_CONFIG"))
    except ConfigError as err:
        raise SettingsError(f"BLAMELINT_LINTER_CONFIG: {err}") from None
    allow = settings.get("BLAMELINT_REQUEST_CONFIG", True)
    if not isinstance(allow, bool):
        raise SettingsError(f"BLAMELINT_REQUEST_CONFIG must be true or false, not {allow!r}")
    settings["BLAMELINT_REQUEST_CONFIG"] = allow
    budget = settings.get("BLAMELINT_LINT_TIMEOUT", DEFAULT_LINT_TIMEOUT)
    if isinstance(budget, bool) or not isinstance(budget, (int, float)) or not 0 <= budget < 86400:
        raise SettingsError(f"BLAMELINT_LINT_TIMEOUT must be a number of seconds (0 for no limit), not {budget!r}")
    settings["BLAMELINT_LINT_TIMEOUT"] = float(budget)
    for key, default in (("BLAMELINT_MAX_FINDINGS", DEFAULT_MAX_FINDINGS), ("BLAMELINT_CACHE_BYTES", DEFAULT_CACHE_BYTES)):
        value = settings.get(key, default)
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise SettingsError(f"{key} must be a whole number, 0 or more, not {value!r}")
        settings[key] = value
    lints = settings.get("BLAMELINT_LINTS_PER_WORKER", DEFAULT_LINTS_PER_WORKER)
    if isinstance(lints, bool) or not isinstance(lints, int) or not 1 <= lints <= 64:
        raise SettingsError(f"BLAMELINT_LINTS_PER_WORKER must be a whole number from 1 to 64, not {lints!r}")
    settings["BLAMELINT_LINTS_PER_WORKER"] = lints
    return settings


def settings_from_env(environ: Mapping[str, str] | None = None) -> dict[str, Any]:
    """Settings from environment variables (see docs/http.md):

    ``BLAMELINT_MAX_BODY_BYTES``, ``BLAMELINT_CORS_ORIGINS``, ``BLAMELINT_CONFIG`` (path
    to a YAML linter config), ``BLAMELINT_REQUEST_CONFIG`` (``true``/``false``) and
    ``BLAMELINT_LINT_TIMEOUT`` (seconds), ``BLAMELINT_MAX_FINDINGS``, ``BLAMELINT_CACHE_BYTES`` and
    ``BLAMELINT_LINTS_PER_WORKER``.
    """
    env = os.environ if environ is None else environ
    settings: dict[str, Any] = {}
    for var, key, kind, unit in (
        ("BLAMELINT_MAX_BODY_BYTES", "MAX_CONTENT_LENGTH", int, "bytes"),
        ("BLAMELINT_LINT_TIMEOUT", "BLAMELINT_LINT_TIMEOUT", float, "seconds"),
        ("BLAMELINT_MAX_FINDINGS", "BLAMELINT_MAX_FINDINGS", int, "findings"),
        ("BLAMELINT_CACHE_BYTES", "BLAMELINT_CACHE_BYTES", int, "bytes"),
        ("BLAMELINT_LINTS_PER_WORKER", "BLAMELINT_LINTS_PER_WORKER", int, "lints"),
    ):
        if env.get(var):
            raw = env[var]
            try:
                settings[key] = kind(raw)
            except ValueError:
                raise SettingsError(f"{var} must be a number of {unit}, not {raw!r}") from None
    if env.get("BLAMELINT_CORS_ORIGINS"):
        settings["BLAMELINT_CORS_ORIGINS"] = env["BLAMELINT_CORS_ORIGINS"]
    if env.get("BLAMELINT_CONFIG"):
        settings["BLAMELINT_LINTER_CONFIG"] = _read_config_file(Path(env["BLAMELINT_CONFIG"]))
    if env.get("BLAMELINT_REQUEST_CONFIG"):
        raw = env["BLAMELINT_REQUEST_CONFIG"].strip().lower()
        if raw not in ("1", "0", "true", "false", "yes", "no"):
            raise SettingsError(f"BLAMELINT_REQUEST_CONFIG must be true or false, not {raw!r}")
        settings["BLAMELINT_REQUEST_CONFIG"] = raw in ("1", "true", "yes")
    return settings


def _read_config_file(path: Path) -> Config:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as err:
        raise SettingsError(f"BLAMELINT_CONFIG: cannot read {path}: {err.strerror}") from None
    except yaml.YAMLError as err:
        raise SettingsError(f"BLAMELINT_CONFIG: {path} is not valid YAML: {err}") from None
    try:
        return Config.from_mapping(data, source=str(path))
    except ConfigError as err:
        raise SettingsError(str(err)) from None


def _add_cors_headers(response: Response) -> Response:
    from flask import current_app

    allowed = current_app.config["BLAMELINT_CORS_ORIGINS"]
    origin = request.headers.get("Origin")
    if not allowed or not origin:
        return response
    if "*" in allowed:
        response.headers["Access-Control-Allow-Origin"] = "*"
    elif origin.rstrip("/") in allowed:
        response.headers["Access-Control-Allow-Origin"] = origin
        response.vary.add("Origin")
    else:
        return response
    if request.method == "OPTIONS":  # a preflight: Flask answers OPTIONS itself, with Allow
        response.headers["Access-Control-Allow-Methods"] = response.headers.get("Allow", "GET, POST, OPTIONS")
        response.headers["Access-Control-Allow-Headers"] = request.headers.get("Access-Control-Request-Headers", _CORS_HEADERS)
        response.headers["Access-Control-Max-Age"] = "600"
    return response
