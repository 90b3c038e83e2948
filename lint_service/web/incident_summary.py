"""The draft's incident summary for the web form: times to detect / mitigate / resolve
and its open action items, from ``lint_service.metrics`` (surfaces only translate).

``draft_incident`` serves the server-rendered page; ``POST /v1/incident`` (JSON
``{"text": ..., "format": ...}`` -> ``{"incident": {...}}``) serves the script path.
Both parse through the app's linter's parser, so the pipeline is loaded once.
"""
from __future__ import annotations

import datetime as dt
import logging
from typing import Any

from flask import Blueprint, Response, current_app, jsonify

from ..metrics import KINDS, IncidentMetrics, MetricsBuilder
from .app import get_linter
from .body import document_fields, json_object
from .errors import ApiError

bp = Blueprint("incident", __name__)
log = logging.getLogger(__name__)
_FIELDS = ("text", "format")
_LABELS = {"to_detect": "To detect", "to_mitigate": "To mitigate", "to_resolve": "To resolve"}


def _builder() -> MetricsBuilder:
    return MetricsBuilder(parse=get_linter(current_app).parser.parse)


def summary_of(m: IncidentMetrics) -> dict[str, Any]:
    """What the form shows, JSON-ready: the three times with where their ends came from,
    and the open action items."""
    start = m.milestones["started"]
    times = []
    for key, kind in zip(_LABELS, KINDS[1:]):
        end = m.milestones[kind]
        times.append({
            "key": key, "label": _LABELS[key], "minutes": m.minutes[key],
            "from": start.to_dict() if start else None, "to": end.to_dict() if end else None,
        })
    return {
        "times": times,
        "reasons": list(m.reasons),
        "action_items": m.action_items.to_dict(),
        "open_items": [{"description": i.description, "owner": i.owner, "deadline": i.deadline,
                        "overdue": i.overdue, "line": i.line} for i in m.open_items],
    }


def draft_incident(text: str, fmt: str | None, as_of: dt.date | None = None) -> dict[str, Any] | None:
    """The summary of a draft, or None when it cannot be read as a document (the
    findings are the page's main answer: a failure here must not cost them)."""
    try:
        return summary_of(_builder().incident("draft", text, as_of or dt.date.today(), fmt))
    except ValueError:
        return None
    except Exception:
        log.exception("the incident summary of a draft failed")
        return None


@bp.post("/v1/incident")
def incident() -> Response:
    data = json_object()
    text, fmt = document_fields(data, _FIELDS)
    limit = get_linter(current_app).parser.nlp.max_length  # the same limit as /v1/lint
    if len(text) > limit:
        raise ApiError(413, "text_too_long", f"the text has {len(text)} characters; the limit is {limit}")
    try:
        summary = summary_of(_builder().incident("draft", text, dt.date.today(), fmt))
    except ValueError as exc:
        raise ApiError(400, "invalid_document", str(exc)) from None
    return jsonify({"incident": summary})
