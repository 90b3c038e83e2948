"""Reading request bodies strictly: UTF-8 only, JSON objects only, clear 4xx errors.

Werkzeug's own parsers are lenient (they replace undecodable bytes); a linter
that silently lints U+FFFD instead of what the user sent would report offsets
into a text the client never had, so bodies are decoded here, strictly.
"""
from __future__ import annotations

import json
import sys
from typing import Any
from urllib.parse import parse_qsl

from flask import request
from werkzeug.exceptions import RequestEntityTooLarge

from .errors import ApiError

JSON_TYPES = ("application/json",)
FORM_TYPE = "application/x-www-form-urlencoded"
MULTIPART_TYPE = "multipart/form-data"


def is_json_request() -> bool:
    mimetype = request.mimetype
    return mimetype in JSON_TYPES or (mimetype.startswith("application/") and mimetype.endswith("+json"))


def _check_charset() -> None:
    charset = request.mimetype_params.get("charset")
    if charset is not None and charset.lower().replace("_", "-") not in ("utf-8", "utf8", "us-ascii", "ascii"):
        raise ApiError(415, "unsupported_media_type", f"the body must be UTF-8, not charset={charset}")


def body_text() -> str:
    """The request body decoded as UTF-8 (413 over the limit, 400 if not UTF-8, 415 if compressed)."""
    _check_charset()
    encoding = request.headers.get("Content-Encoding", "identity").strip().lower()
    if encoding not in ("", "identity"):
        # Never inflated here: a few kilobytes of gzip can expand to gigabytes.
        raise ApiError(415, "unsupported_media_type", f"send the body uncompressed, not with Content-Encoding: {encoding}")
    codings = [c.strip().lower() for c in request.headers.get("Transfer-Encoding", "").split(",") if c.strip()]
    if any(c not in ("chunked", "identity") for c in codings):
        raise ApiError(501, "unsupported_transfer_coding", f"only chunked transfer coding is supported, not {', '.join(codings)}")
    raw = request.get_data(cache=True)
    limit = request.max_content_length
    if request.content_length is None and limit is not None and len(raw) >= limit:
        # A chunked body is cut at the limit without an error by Werkzeug; anything
        # left in the stream means the body was over it.
        if request.environ["wsgi.input"].read(1):
            raise RequestEntityTooLarge()
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as err:
        raise ApiError(400, "invalid_encoding", f"the request body is not valid UTF-8 (byte {err.start})") from None


def json_object() -> dict[str, Any]:
    """The body as a JSON object; 415 unless the content type is JSON."""
    if not is_json_request():
        shown = request.mimetype or "none"
        raise ApiError(415, "unsupported_media_type", f"send JSON with 'Content-Type: application/json' (got {shown})")
    text = body_text()
    if not text.strip():
        raise ApiError(400, "invalid_json", "the request body is empty; send a JSON object")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        raise ApiError(400, "invalid_json", f"the body is not valid JSON: {err.msg} at line {err.lineno} column {err.colno}") from None
    except RecursionError:
        raise ApiError(400, "invalid_json", "the body is not valid JSON: nested too deeply") from None
    except ValueError:  # the only other ValueError: an integer beyond Python's digit limit
        limit = sys.get_int_max_str_digits()
        raise ApiError(400, "invalid_json", f"the body holds a number of more than {limit} digits") from None
    if not isinstance(data, dict):
        raise ApiError(400, "invalid_json", f"the body must be a JSON object, not {json_type(data)}")
    return data


def form_fields() -> dict[str, str]:
    """URL-encoded form fields, decoded strictly as UTF-8 (the last value of a repeated field wins)."""
    text = body_text()
    try:
        pairs = parse_qsl(text, keep_blank_values=True, encoding="utf-8", errors="strict", max_num_fields=1000)
    except UnicodeDecodeError:
        raise ApiError(400, "invalid_encoding", "a form field is not valid percent-encoded UTF-8") from None
    except ValueError as err:
        raise ApiError(400, "bad_request", f"the form body is malformed: {err}") from None
    return dict(pairs)


def json_type(value: Any) -> str:
    """The JSON name of a value's type, for error messages."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "an array"
    return "an object"


def document_fields(data: dict[str, Any], allowed: tuple[str, ...]) -> tuple[str, str | None]:
    """The ``text`` and ``format`` of a JSON request about one document, checked the
    same way on every endpoint: no unknown fields, ``text`` a string, ``format`` a
    known format or null."""
    from ..document import FORMATS  # the parsers load lazily; this is called per request

    unknown = sorted(set(data) - set(allowed))
    if unknown:
        raise ApiError(400, "unknown_field", f"unknown field {unknown[0]!r}; the fields are {', '.join(allowed)}")
    if "text" not in data:
        raise ApiError(400, "missing_field", "the field 'text' is required: the document, as a string")
    text = data["text"]
    if not isinstance(text, str):
        raise ApiError(400, "invalid_field", f"'text' must be a string, not {json_type(text)}")
    fmt = data.get("format")
    if fmt is not None and (not isinstance(fmt, str) or fmt not in FORMATS):
        shown = repr(fmt) if isinstance(fmt, str) else json_type(fmt)
        raise ApiError(400, "invalid_field", f"'format' must be one of {', '.join(FORMATS)} or null, not {shown}")
    return text, fmt
