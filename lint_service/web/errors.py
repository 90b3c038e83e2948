"""JSON errors for every failure: ``{"error": {"code": "...", "message": "..."}}``.

Editors and CI scripts parse every answer as JSON, so even the errors Flask and
Werkzeug raise on their own (404, 405, 413 from the body limit) are rewritten.
Bad input is rejected with :class:`ApiError` (a 4xx) before it reaches the
linter; a 500 only ever means a bug in blamelint.
"""
from __future__ import annotations

import logging
from typing import Any

from flask import Flask, Response, jsonify, request
from werkzeug.exceptions import HTTPException

log = logging.getLogger("lint_service.web")

# Werkzeug's status codes -> our stable machine-readable codes.
_CODES = {
    400: "bad_request",
    404: "not_found",
    405: "method_not_allowed",
    413: "payload_too_large",
    415: "unsupported_media_type",
    500: "internal_error",
    503: "unavailable",
}

# After a 413 the body is still in flight; reading (and discarding) a bounded
# amount of it lets the client finish sending and read the answer instead of
# seeing a connection reset.
_DRAIN_LIMIT = 64 * 1024 * 1024


class ApiError(Exception):
    """A client error with a stable code, raised by the endpoints' input validation."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message


def error_response(status: int, code: str, message: str, headers: Any = None) -> Response:
    response = jsonify({"error": {"code": code, "message": message}})
    response.status_code = status
    if headers:
        for key, value in headers:
            if key.lower() not in ("content-type", "content-length"):
                response.headers[key] = value
    return response


def _drain_body() -> None:
    stream = request.environ.get("wsgi.input")
    if stream is None:
        return
    remaining = _DRAIN_LIMIT
    try:
        while remaining > 0:
            chunk = stream.read(min(65536, remaining))
            if not chunk:
                break
            remaining -= len(chunk)
    except Exception:  # the client went away: nothing left to protect
        log.debug("could not drain the request body after a 413", exc_info=True)


def _handle_api_error(err: ApiError) -> Response:
    return error_response(err.status, err.code, err.message)


def _handle_http_exception(err: HTTPException) -> Response:
    status = err.code or 500
    if status == 413:
        _drain_body()
        limit = request.max_content_length
        message = f"the request body is larger than the limit of {limit} bytes" if limit else "the request body is too large"
    elif status == 405:
        message = f"{request.method} is not allowed on {request.path}"
    elif status == 404:
        message = f"no endpoint at {request.path}"
    else:
        message = err.description or err.name
    headers = err.get_response().headers.items()
    return error_response(status, _CODES.get(status, err.name.lower().replace(" ", "_")), message, headers)


def _handle_unexpected(err: Exception) -> Response:
    log.exception("internal error on %s %s", request.method, request.path)
    return error_response(500, "internal_error", "blamelint failed on this request; the error is in the server log")


def register_error_handlers(app: Flask) -> None:
    app.register_error_handler(ApiError, _handle_api_error)
    app.register_error_handler(HTTPException, _handle_http_exception)
    app.register_error_handler(Exception, _handle_unexpected)
