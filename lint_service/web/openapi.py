"""The OpenAPI 3.1 description of every endpoint, served at ``GET /openapi.json``.

Schemathesis tests the running server against this document (tests/test_server_load.py),
so it must say exactly what the server accepts and answers: a schema-valid request
must get a 2xx, and every answer must match its schema.
"""
from __future__ import annotations

from typing import Any

from .. import __version__
from ..document import FORMATS
from ..findings import SEVERITIES

# A format (annotation only, per JSON Schema 2020-12) naming LanguageTool's `data`
# string; tests register a generator for it.
ANNOTATION_FORMAT = "languagetool-annotation"
YAML_REPORT_FORMAT = "yaml-postmortem-report"
LANGUAGE_PATTERN = r"^\s*([Aa][Uu][Tt][Oo]|[Ee][Nn]([-_][A-Za-z0-9]+)*)\s*$"

# "Contains a character that is not whitespace": spelled out, because generators and
# validators disagree on what \s covers; these are exactly Python's str.isspace().
_SPACE = r"\t\n\u000b\u000c\r\u001c-\u001f \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
_NON_BLANK = {"type": "string", "pattern": f"[^{_SPACE}]"}


def _one_or_many(item: dict[str, Any]) -> dict[str, Any]:
    """A list of items, or one item on its own (as in a config file)."""
    return {"anyOf": [item, {"type": "array", "items": item}]}


_NON_BLANK_LIST = _one_or_many(_NON_BLANK)


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def _json(schema: dict[str, Any], description: str) -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def _incident_schema() -> dict[str, Any]:
    minutes = {"type": ["integer", "null"], "minimum": 0}
    end = {"type": ["object", "null"], "required": ["at", "line", "source"],
           "properties": {"at": {"type": "string"}, "line": {"type": "integer"},
                          "source": {"enum": ["field", "timeline-marker", "timeline", "prose"]}}}
    time = {"type": "object", "required": ["key", "label", "minutes", "from", "to"],
            "properties": {"key": {"enum": ["to_detect", "to_mitigate", "to_resolve"]}, "label": {"type": "string"},
                           "minutes": minutes, "from": end, "to": end}}
    item = {"type": "object", "required": ["description", "owner", "deadline", "overdue", "line"],
            "properties": {"description": {"type": "string"}, "owner": {"type": ["string", "null"]},
                           "deadline": {"type": ["string", "null"]}, "overdue": {"type": "boolean"},
                           "line": {"type": "integer"}}}
    counts = {"type": "object", "required": ["total", "done", "open", "overdue"],
              "additionalProperties": {"type": "integer", "minimum": 0}}
    return {"type": "object", "required": ["incident"], "properties": {"incident": {
        "type": "object", "required": ["times", "reasons", "action_items", "open_items"],
        "properties": {"times": {"type": "array", "items": time}, "reasons": {"type": "array", "items": {"type": "string"}},
                       "action_items": counts, "open_items": {"type": "array", "items": item}}}}}


def _errors(*statuses: int) -> dict[str, Any]:
    text = {
        400: "Malformed body, wrong types or missing fields",
        413: "The body or the text is over the limit, or linting it (including the wait for one of the "
             "worker's lint slots) took longer than the time budget",
        415: "The body is not of a supported content type",
    }
    return {str(s): _json(_ref("Error"), text[s]) for s in statuses}


def rule_patterns(rule_ids: list[str]) -> list[str]:
    """Every rule id and the prefixes that name groups of them ("blame", "blame.")."""
    out: dict[str, None] = {}
    for rid in sorted(rule_ids):
        parts = rid.split(".")
        for i in range(1, len(parts)):
            prefix = ".".join(parts[:i])
            out.setdefault(prefix, None)
            out.setdefault(prefix + ".", None)
        out.setdefault(rid, None)
    return list(out)


def _schemas(rule_ids: list[str]) -> dict[str, Any]:
    integer = {"type": "integer", "minimum": 0}
    finding = {
        "type": "object",
        "required": ["rule", "category", "severity", "message", "start", "end", "line", "column",
                     "end_line", "end_column", "text", "suggestions"],
        "properties": {
            "rule": {"type": "string", "description": "Stable rule id, e.g. blame.person-subject"},
            "category": {"type": "string", "description": "blame, timeline, action-item, structure or style"},
            "severity": {"type": "string", "enum": list(SEVERITIES)},
            "message": {"type": "string"},
            "start": {**integer, "description": "Offset in code points into the linted text"},
            "end": integer,
            "line": {"type": "integer", "minimum": 1},
            "column": {"type": "integer", "minimum": 1},
            "end_line": {"type": "integer", "minimum": 1},
            "end_column": {"type": "integer", "minimum": 1},
            "text": {"type": "string", "description": "text[start:end]"},
            "suggestions": {"type": "array", "items": {"type": "string"}},
        },
    }
    rule = {"type": "string", "enum": rule_patterns(rule_ids)}
    rules = _one_or_many(rule)
    config = {
        "type": "object",
        "additionalProperties": False,
        "description": "Per-request configuration, combined with the server's: enable, disable, severity, "
        "systems and people add to the server's lists; required_sections replaces them.",
        "properties": {
            "enable": rules,
            "disable": rules,
            "severity": {"type": "object", "propertyNames": rule,
                         "additionalProperties": {"type": "string", "enum": list(SEVERITIES)}},
            "required_sections": _NON_BLANK_LIST,
            "systems": _NON_BLANK_LIST,
            "people": _NON_BLANK_LIST,
        },
    }
    annotation_item = {
        "oneOf": [
            {"type": "object", "required": ["text"], "additionalProperties": False,
             "properties": {"text": {"type": "string"}}},
            {"type": "object", "required": ["markup"], "additionalProperties": False,
             "properties": {"markup": {"type": "string"}, "interpretAs": {"type": "string"}}},
        ]
    }
    rule_ids = {"type": "string", "description": "Comma-separated rule ids (blamelint's, e.g. blame.person-subject)"}
    category_ids = {"type": "string", "description": "Comma-separated category ids: BLAME, TIMELINE, ACTION_ITEM, STRUCTURE, STYLE"}
    lt_common = {
        "language": {"type": "string", "pattern": LANGUAGE_PATTERN, "description": "en, en-US, en-GB, ... or auto"},
        "enabledRules": rule_ids,
        "disabledRules": rule_ids,
        "enabledCategories": category_ids,
        "disabledCategories": category_ids,
        "enabledOnly": {"type": "string", "enum": ["true", "false", ""]},
        "motherTongue": {"description": "Accepted and ignored"},
        "level": {"type": "string", "enum": ["", "default", "picky"],
                  "description": "picky also runs the info-level rules that are off by default; empty means default"},
    }

    def lt_request(data_schema: dict[str, Any], enabled_only: dict[str, Any], other: dict[str, Any],
                   as_lists: bool = False) -> dict[str, Any]:
        # Other LanguageTool parameters (preferredVariants, username, apiKey, ...) are
        # accepted and ignored, so clients that send them keep working.
        props = {**lt_common, "enabledOnly": enabled_only}
        if as_lists:  # JSON bodies may give the id lists as arrays
            for name in ("enabledRules", "disabledRules", "enabledCategories", "disabledCategories"):
                props[name] = {"anyOf": [props[name], {"type": "array", "items": {"type": "string"}}]}
        absent: dict[str, Any] = {"not": {}}
        text_formats = [f for f in FORMATS if f != "yaml"]

        def branch(required: list[str], extra: dict[str, Any]) -> dict[str, Any]:
            return {"type": "object", "required": ["language", *required], "additionalProperties": other,
                    "properties": {**props, **extra}}

        return {
            "oneOf": [
                branch(["text"], {"text": {"type": "string", "description": "Plain text or a whole document"},
                                  "format": {"type": "string", "enum": text_formats,
                                             "description": "blamelint extension: the document format (detected when absent)"},
                                  "data": absent}),
                branch(["text", "format"], {"text": {"type": "string", "format": YAML_REPORT_FORMAT},
                                            "format": {"const": "yaml"}, "data": absent}),
                branch(["data"], {"data": data_schema, "text": absent, "format": absent}),
            ]
        }

    annotation = {"type": "object", "required": ["annotation"],
                  "properties": {"annotation": {"type": "array", "items": _ref("AnnotationItem")}}}
    lt_match = {
        "type": "object",
        "required": ["message", "shortMessage", "replacements", "offset", "length", "context", "sentence",
                     "type", "rule", "ignoreForIncompleteSentence", "contextForSureMatch"],
        "properties": {
            "message": {"type": "string"},
            "shortMessage": {"type": "string"},
            "replacements": {"type": "array", "items": {"type": "object", "required": ["value"],
                                                        "properties": {"value": {"type": "string"}}}},
            "offset": {**integer, "description": "UTF-16 code units into the full (annotated) text"},
            "length": {**integer, "description": "UTF-16 code units"},
            "context": {"type": "object", "required": ["text", "offset", "length"],
                        "properties": {"text": {"type": "string"}, "offset": integer, "length": integer}},
            "sentence": {"type": "string"},
            "type": {"type": "object", "required": ["typeName"], "properties": {"typeName": {"type": "string"}}},
            "rule": {
                "type": "object",
                "required": ["id", "description", "issueType", "category"],
                "properties": {
                    "id": {"type": "string"}, "description": {"type": "string"}, "issueType": {"type": "string"},
                    "category": {"type": "object", "required": ["id", "name"],
                                 "properties": {"id": {"type": "string"}, "name": {"type": "string"}}},
                },
            },
            "ignoreForIncompleteSentence": {"type": "boolean"},
            "contextForSureMatch": {"type": "integer"},
        },
    }
    language_info = {"type": "object", "required": ["name", "code"],
                     "properties": {"name": {"type": "string"}, "code": {"type": "string"}}}
    return {
        "Finding": finding,
        # A YAML report must parse as one; no JSON Schema says that, so the YAML case is
        # its own branch whose text carries the (annotation-only) format below.
        "LintRequest": {"oneOf": [
            {
                "type": "object",
                "required": ["text"],
                "additionalProperties": False,
                "properties": {
                    "text": {"type": "string", "description": "The document; at most 1,000,000 characters"},
                    "format": {"type": ["string", "null"], "enum": [f for f in (*FORMATS, None) if f != "yaml"],
                               "description": "Detected from the content when absent or null"},
                    "config": _ref("LintConfig"),
                },
            },
            {
                "type": "object",
                "required": ["text", "format"],
                "additionalProperties": False,
                "properties": {
                    "text": {"type": "string", "format": YAML_REPORT_FORMAT,
                             "description": "A YAML postmortem report (a mapping; see SPEC.md)"},
                    "format": {"const": "yaml"},
                    "config": _ref("LintConfig"),
                },
            },
        ]},
        "LintConfig": config,
        "Report": {
            "type": "object",
            "required": ["findings", "stats"],
            "properties": {
                "findings": {"type": "array", "items": _ref("Finding")},
                "stats": {"type": "object", "required": ["total", "by_category", "by_severity"],
                          "properties": {"total": integer,
                                         "by_category": {"type": "object", "additionalProperties": integer},
                                         "by_severity": {"type": "object", "additionalProperties": integer}}},
            },
        },
        "Error": {
            "type": "object",
            "required": ["error"],
            "properties": {"error": {"type": "object", "required": ["code", "message"],
                                     "properties": {"code": {"type": "string"}, "message": {"type": "string"}}}},
        },
        "AnnotationItem": annotation_item,
        "CheckForm": lt_request({"type": "string", "format": ANNOTATION_FORMAT,
                                 "description": "JSON text of {\"annotation\": [...]}"}, lt_common["enabledOnly"],
                                {"type": "string"}),
        "CheckJson": lt_request(annotation, {"anyOf": [{"type": "boolean"}, lt_common["enabledOnly"]]}, {}, as_lists=True),
        "CheckResponse": {
            "type": "object",
            "required": ["software", "warnings", "language", "matches"],
            "properties": {
                "software": {"type": "object", "required": ["name", "version", "buildDate", "apiVersion", "premium", "status"],
                             "properties": {"name": {"type": "string"}, "version": {"type": "string"},
                                            "buildDate": {"type": "string"}, "apiVersion": {"type": "integer"},
                                            "premium": {"type": "boolean"}, "status": {"type": "string"}}},
                "warnings": {"type": "object", "properties": {"incompleteResults": {"type": "boolean"}}},
                "language": {**language_info, "required": ["name", "code", "detectedLanguage"],
                             "properties": {**language_info["properties"], "detectedLanguage": language_info}},
                "matches": {"type": "array", "items": _ref("LanguageToolMatch")},
                "sentenceRanges": {"type": "array", "description": "the parser's sentences as [offset, end] in UTF-16 units",
                                   "items": {"type": "array", "items": {"type": "integer", "minimum": 0},
                                             "minItems": 2, "maxItems": 2}},
            },
        },
        "LanguageToolMatch": lt_match,
    }


def openapi_document(rule_ids: list[str], request_config: bool = True) -> dict[str, Any]:
    """The OpenAPI 3.1 document for a linter with these rules; without per-request
    config, ``config`` is not offered."""
    schemas = _schemas(rule_ids)
    if not request_config:
        for branch in schemas["LintRequest"]["oneOf"]:
            del branch["properties"]["config"]
    ok = {"type": "object", "required": ["status"], "properties": {"status": {"type": "string"}}}
    # POST /v1/incident takes a document as /v1/lint does, without a config.
    schemas["IncidentRequest"] = {"oneOf": [
        {**b, "properties": {k: v for k, v in b["properties"].items() if k != "config"}}
        for b in schemas["LintRequest"]["oneOf"]]}
    schemas["Incident"] = _incident_schema()
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "blamelint",
            "version": __version__,
            "description": "A linter for blameless postmortems. Errors are JSON: "
            "{\"error\": {\"code\": ..., \"message\": ...}}.",
        },
        "paths": {
            "/v1/lint": {"post": {
                "operationId": "lint",
                "summary": "Lint a postmortem (Markdown, plain text or YAML report)",
                "requestBody": {"required": True, "content": {"application/json": {"schema": _ref("LintRequest")}}},
                "responses": {"200": _json(_ref("Report"), "The findings, sorted by start, and statistics"),
                              **_errors(400, 413, 415)},
            }},
            "/v1/incident": {"post": {
                "operationId": "incident",
                "summary": "A postmortem's times to detect / mitigate / resolve and open action items",
                "requestBody": {"required": True, "content": {"application/json": {"schema": _ref("IncidentRequest")}}},
                "responses": {"200": _json(_ref("Incident"), "The incident summary the web form shows"),
                              **_errors(400, 413, 415)},
            }},
            "/v2/check": {"post": {
                "operationId": "languagetoolCheck",
                "summary": "LanguageTool-compatible check; offsets count UTF-16 code units",
                "requestBody": {"required": True, "content": {
                    "application/x-www-form-urlencoded": {"schema": _ref("CheckForm")},
                    "application/json": {"schema": _ref("CheckJson")},
                }},
                "responses": {"200": _json(_ref("CheckResponse"), "LanguageTool's response shape"),
                              **_errors(400, 413, 415)},
            }},
            "/v2/languages": {"get": {
                "operationId": "languagetoolLanguages",
                "summary": "The languages blamelint checks (English variants)",
                "responses": {"200": _json({"type": "array", "items": {
                    "type": "object", "required": ["name", "code", "longCode"],
                    "properties": {"name": {"type": "string"}, "code": {"type": "string"}, "longCode": {"type": "string"}},
                }}, "LanguageTool's language list")},
            }},
            "/healthz": {"get": {"operationId": "healthz", "summary": "Liveness",
                                 "responses": {"200": _json(ok, "The process is serving")}}},
            "/readyz": {"get": {"operationId": "readyz", "summary": "Readiness: the pipeline is loaded and lints",
                                "responses": {"200": _json(ok, "Ready"), "503": _json(_ref("Error"), "Not ready")}}},
            "/openapi.json": {"get": {"operationId": "openapi", "summary": "This document",
                                      "responses": {"200": _json({"type": "object"}, "OpenAPI 3.1")}}},
            "/": {"get": {"operationId": "page", "summary": "The facilitators' web form",
                          "responses": {"200": {"description": "HTML page",
                                                "content": {"text/html": {"schema": {"type": "string"}}}}}}},
        },
        "components": {"schemas": schemas},
    }
