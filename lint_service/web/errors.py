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
    408: "request_timeout",
    413: "payload_too_large",
    415: "unsupported_media_type",
    500: "internal_error",
    503: "unavailable",
}

# After a 413 the body is still in flight; reading (and discarding) a bounded
# amount of it lets the client finish sending and read the answer instead of
# seeing a connection reset.
_DRAIN_LIMIT = 64 * 1024 * 1024


class RequestReadTimeout(Exception):
    """The client took longer than the read deadline to send its request (408).

    Raised by the worker's socket (:mod:`.worker`) while gunicorn parses the
    head, or while the app reads the body; defined here, without gunicorn, so
    the app can answer it wherever it runs.
    """

    def __init__(self, seconds: float) -> None:
        super().__init__(f"the request was not received within {seconds:g} s; send it faster or in smaller parts")
        self.seconds = seconds


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


def _handle_read_timeout(err: RequestReadTimeout) -> Response:
    return error_response(408, "request_timeout", str(err))


def _handle_protocol_error(err: Exception) -> Response:
    # gunicorn parses a chunked body lazily, while the app reads it: a malformed
    # chunk size or terminator surfaces here, and it is the client's error.
    return error_response(400, "bad_request", f"the request body is malformed: {err}")


def _protocol_errors() -> tuple[type[Exception], ...]:
    try:
        from gunicorn.http.errors import ParseException
    except ImportError:  # no gunicorn here (Windows, or embedded elsewhere)
        return ()
    return (ParseException,)


def _handle_unexpected(err: Exception) -> Response:
    log.exception("internal error on %s %s", request.method, request.path)
    return error_response(500, "internal_error", "blamelint failed on this request; the error is in the server log")


def register_error_handlers(app: Flask) -> None:
    app.register_error_handler(ApiError, _handle_api_error)
    app.register_error_handler(RequestReadTimeout, _handle_read_timeout)
    for cls in _protocol_errors():
        app.register_error_handler(cls, _handle_protocol_error)
    app.register_error_handler(HTTPException, _handle_http_exception)
    app.register_error_handler(Exception, _handle_unexpected)
