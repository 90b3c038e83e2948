"""The LanguageTool HTTP API (``/v2/check``, ``/v2/languages``) for existing editor clients.

LTeX, the LanguageTool browser extensions, Obsidian's plugin and
``language_tool_python`` can point at blamelint as their server unchanged. The
adapter only reads parameters, lints through the app's linter and translates
the report (see :mod:`.lt_format`); it never computes findings of its own.

Real clients differ in how they send the same parameters, and all are accepted:
LTeX (ltex-ls) sends a URL-encoded form body labelled ``Content-Type:
application/json``, with ``data``, ``level=picky``, ``motherTongue``,
``enabledRules`` and its LanguageTool account (``username``, ``apiKey``); the VS Code
"LanguageTool Linter" and Obsidian's plugin send proper forms with ``data``,
``language=auto``, ``preferredVariants`` and category lists. Account and
mother-tongue parameters mean nothing to blamelint and are ignored.
``level=picky`` turns on the info-level rules that are off by default, as
LanguageTool's picky level turns on its extra style rules.

Rule ids are blamelint's (``blame.person-subject``), so an editor's "disable
rule" action sends back an id the linter knows. Ids it does not know (an
editor's defaults for LanguageTool's own rules) are ignored, as LanguageTool does.
"""
from __future__ import annotations

import json
from typing import Any

from flask import Blueprint, Response, current_app, jsonify, request

from ..config import Config
from ..document import FORMATS
from .app import get_linter
from .body import FORM_TYPE, MULTIPART_TYPE, body_text, form_fields, is_json_request, json_object, json_type
from .errors import ApiError
from .linting import request_config, run_lint
from .lt_format import LANGUAGES, Annotated, category_id, check_response, language_entry

bp = Blueprint("languagetool", __name__, url_prefix="/v2")

_LIST_PARAMS = ("enabledRules", "disabledRules", "enabledCategories", "disabledCategories")
_LOWER_CODES = {code.lower(): code for code in LANGUAGES}
_LEVELS = ("default", "picky")


@bp.get("/languages")
def languages() -> Response:
    return jsonify([language_entry(code) for code in LANGUAGES])


@bp.post("/check")
def check() -> Response:
    params = _params()
    language = _language(params.get("language"))
    annotated = _annotated(params)
    fmt = _string(params, "format")
    if fmt is not None and fmt not in FORMATS:
        raise ApiError(400, "invalid_parameter", f"'format' must be one of {', '.join(FORMATS)}, not {fmt!r}")
    if params.get("data") is not None:
        if fmt is not None:
            raise ApiError(400, "invalid_parameter", "'format' applies to 'text' only: with 'data' the markup is already separated out")
        fmt = "text"  # what remains after the markup is prose
    infos = get_linter(current_app).infos
    config = request_config(_rule_choices(params, infos), source="LanguageTool parameters")
    report = run_lint(annotated.lint_text, fmt, config)
    return jsonify(check_response(report, annotated, infos, language))


def _params() -> dict[str, Any]:
    mimetype = request.mimetype
    if is_json_request():
        if _is_form_body(body_text()):
            return form_fields()  # LTeX: a form body under a JSON content type
        params = json_object()
        for name in ("language", "text", "data", "format", "enabledOnly", *_LIST_PARAMS):
            if name in params and params[name] is None:
                raise ApiError(400, "invalid_parameter", f"'{name}' must not be null; leave it out instead")
        return params
    if mimetype == FORM_TYPE or (not mimetype and request.content_length == 0):
        return form_fields()
    if mimetype == MULTIPART_TYPE:
        return request.form.to_dict()
    raise ApiError(
        415,
        "unsupported_media_type",
        f"send the parameters as {FORM_TYPE} (as LanguageTool clients do) or as application/json, not {mimetype or 'no content type'}",
    )


def _is_form_body(text: str) -> bool:
    # A JSON body for this API is an object; anything else that holds "name=value"
    # pairs is a form, whatever its label says.
    head = text.lstrip()[:1]
    return bool(head) and head not in "{[\"" and "=" in text


def _string(params: dict[str, Any], name: str) -> str | None:
    value = params.get(name)
    if value is None:
        return None
    if not isinstance(value, str):
        raise ApiError(400, "invalid_parameter", f"'{name}' must be a string, not {json_type(value)}")
    return value


def _language(value: Any) -> str:
    if value is None or (isinstance(value, str) and not value.strip()):
        raise ApiError(400, "missing_parameter", "the parameter 'language' is required (e.g. 'en-US' or 'auto')")
    if not isinstance(value, str):
        raise ApiError(400, "invalid_parameter", f"'language' must be a string, not {json_type(value)}")
    code = value.strip().replace("_", "-")
    if code.lower() == "auto":
        return "en-US"
    if code.lower() in _LOWER_CODES:
        return _LOWER_CODES[code.lower()]
    if code.lower().startswith("en-"):
        return "en"  # another English variant: checked as English
    raise ApiError(400, "unsupported_language", f"blamelint checks English only; got language {value!r} (use 'en-US', 'en' or 'auto')")


def _annotated(params: dict[str, Any]) -> Annotated:
    has_text, has_data = params.get("text") is not None, params.get("data") is not None
    if has_text == has_data:
        raise ApiError(400, "missing_parameter" if not has_text else "invalid_parameter", "send exactly one of the parameters 'text' and 'data'")
    if has_text:
        text = params["text"]
        if not isinstance(text, str):
            raise ApiError(400, "invalid_parameter", f"'text' must be a string, not {json_type(text)}")
        return Annotated.plain(text)
    data = params["data"]
    if isinstance(data, str):  # form bodies carry the annotation as a JSON string
        try:
            data = json.loads(data)
        except (json.JSONDecodeError, RecursionError):
            raise ApiError(400, "invalid_data", "'data' is not valid JSON; expected {\"annotation\": [...]}") from None
    return Annotated.from_data(data)


def _id_list(params: dict[str, Any], name: str) -> list[str]:
    value = params.get(name)
    if value is None:
        return []
    if isinstance(value, str):
        value = value.split(",")
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ApiError(400, "invalid_parameter", f"'{name}' must be a comma-separated string of ids")
    return [v.strip() for v in value if v.strip()]


def _flag(params: dict[str, Any], name: str) -> bool:
    value = params.get(name, False)
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in ("true", "false", ""):
        return value.strip().lower() == "true"
    raise ApiError(400, "invalid_parameter", f"'{name}' must be 'true' or 'false'")


def _level(params: dict[str, Any]) -> str:
    level = _string(params, "level") or "default"
    if level not in _LEVELS:  # exact, as LanguageTool reads it
        raise ApiError(400, "invalid_parameter", f"'level' must be 'default' or 'picky', not {level!r}")
    return level


def _rule_choices(params: dict[str, Any], infos: dict) -> dict[str, list[str]]:
    """LanguageTool's rule and category parameters as a blamelint config override."""
    ids = {name: _id_list(params, name) for name in _LIST_PARAMS}

    def in_categories(names: list[str]) -> list[str]:
        wanted = {category_id(n) for n in names}
        return [rid for rid, info in infos.items() if category_id(info.category) in wanted]

    def known(names: list[str]) -> list[str]:
        # editors send LanguageTool's own rule ids too (MORFOLOGIK_RULE_EN_US...): ignored, as LanguageTool ignores unknown ids
        return [n for n in names if any(rid == n or rid.startswith(n.rstrip(".") + ".") for rid in infos)]

    enabled = known(ids["enabledRules"]) + in_categories(ids["enabledCategories"])
    disabled = known(ids["disabledRules"]) + in_categories(ids["disabledCategories"])
    only = _flag(params, "enabledOnly")
    if _level(params) == "picky" and not only:
        enabled += [rid for rid, info in infos.items() if info.severity == "info"]
    if only:
        # only the named rules run; naming none (or only unknown ids) runs nothing
        chosen = Config(enable=tuple(enabled))
        keep = [rid for rid in infos if chosen.is_enabled(rid, False)]
        return {"enable": keep, "disable": [rid for rid in infos if rid not in keep] + disabled}
    return {"enable": enabled, "disable": disabled}
