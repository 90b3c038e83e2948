"""blamelint's own JSON API: ``POST /v1/lint``, health, readiness and the OpenAPI document."""
from __future__ import annotations

import time
from typing import Any

from flask import Blueprint, Response, current_app, jsonify

from .. import __version__
from .app import get_linter
from .body import document_fields, json_object, json_type
from .errors import ApiError, error_response
from .linting import request_config, run_lint
from .openapi import openapi_document

bp = Blueprint("api", __name__)

_LINT_FIELDS = ("text", "format", "config")
_READY_PROBE = "The certificate expired because the renewal job had no alert."


@bp.post("/v1/lint")
def lint() -> Response:
    data = json_object()
    text, fmt = document_fields(data, _LINT_FIELDS)
    config = _config_field(data.get("config"))
    return jsonify(run_lint(text, fmt, config).to_dict())


def _config_field(value: Any):
    if value is None:
        return None
    if not current_app.config["BLAMELINT_REQUEST_CONFIG"]:
        raise ApiError(400, "config_not_accepted", "this server does not accept a per-request 'config'")
    if not isinstance(value, dict):
        raise ApiError(400, "invalid_config", f"'config' must be an object, not {json_type(value)}")
    return request_config(value)


@bp.get("/healthz")
def healthz() -> Response:
    return jsonify({"status": "ok", "version": __version__})


@bp.get("/readyz")
def readyz() -> Response:
    # Ready means the pipeline is loaded and a real lint goes through every check;
    # the probe sentence's parse is cached after the first call, so this stays cheap.
    linter = get_linter(current_app)
    started = time.perf_counter()
    try:
        linter.lint(_READY_PROBE)
    except Exception as err:  # not ready: say why, without a 500
        current_app.logger.exception("readiness probe failed")
        return error_response(503, "not_ready", f"the linter cannot lint yet: {type(err).__name__}: {err}")
    return jsonify(
        {
            "status": "ready",
            "version": __version__,
            "pipeline": "{lang}_{name}-{version}".format(**{"lang": "", "name": "", "version": "", **linter.parser.nlp.meta}),
            "rules": len(linter.infos),
            "probe_ms": round((time.perf_counter() - started) * 1000, 2),
        }
    )


@bp.get("/openapi.json")
def openapi() -> Response:
    return jsonify(openapi_document(list(get_linter(current_app).infos), current_app.config["BLAMELINT_REQUEST_CONFIG"]))
