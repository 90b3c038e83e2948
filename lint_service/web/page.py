"""The facilitator's web form: ``GET /`` shows it, ``POST /`` checks a draft.

The page works without JavaScript: the form posts here and the server renders
the highlighted draft and the findings. ``static/page.js`` upgrades it in the
browser (checks through ``POST /v1/lint``, applies rewrites in place), using the
same markup and the same category/verdict wording, which it reads from a JSON
block the template embeds.

Whatever goes wrong, the draft comes back in the text area: the facilitator is
in a meeting and must never have to paste it again.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass

from flask import Blueprint, Response, render_template, request, url_for
from werkzeug.exceptions import RequestEntityTooLarge

from ..findings import REMOVAL_LABEL, Finding, Report
from .errors import ApiError
from .incident_summary import draft_incident
from .linting import run_lint
from .page_model import (
    FORMATS,
    Segment,
    apply_all,
    category_info,
    client_config,
    format_for_filename,
    grouped,
    highlight_segments,
    verdict,
)

log = logging.getLogger("lint_service.web.page")

bp = Blueprint(
    "page",
    __name__,
    template_folder="templates",
    static_folder="static",
    # Not /static: the app may have its own static route there.
    static_url_path="/page-static",
)

# No inline script or style anywhere, so the policy can forbid both; the JSON
# config block is data (type="application/json"), which browsers never execute.
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; form-action 'self'; base-uri 'none'; object-src 'none'; "
    "frame-ancestors 'none'"
)

# Bounded so a huge rejected upload cannot tie up a worker for long.
_DRAIN_LIMIT = 64 * 1024 * 1024


class DraftError(Exception):
    """Input the page cannot check; the message is shown to the facilitator."""

    def __init__(self, message: str, status: int = 400) -> None:
        super().__init__(message)
        self.message = message
        self.status = status


@dataclass
class PageState:
    """Everything the template needs; the draft is always present."""

    draft: str = ""
    format: str = ""
    report: Report | None = None
    error: str | None = None
    notice: str | None = None
    checked: bool = False
    incident: dict | None = None  # times and open action items (lint_service.metrics)


@bp.after_request
def _security_headers(response: Response) -> Response:
    response.headers.setdefault("Content-Security-Policy", CSP)
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("Referrer-Policy", "no-referrer")
    if response.mimetype == "text/html":
        # Drafts can be confidential: keep them out of shared caches and history.
        response.headers["Cache-Control"] = "no-store"
    return response


@bp.errorhandler(RequestEntityTooLarge)
def _too_large(_err: RequestEntityTooLarge) -> tuple[str, int]:
    _drain_body()
    limit = request.max_content_length
    size = f" ({limit // 1024} KiB)" if limit else ""
    state = PageState(
        error=(
            f"The draft is larger than this server accepts{size}, so it could not be checked or kept here. "
            "Use your browser's Back button to get it back, then check it in smaller parts."
        )
    )
    return _render(state), 413


@bp.get("/")
def index() -> str:
    return _render(PageState())


@bp.post("/")
def check() -> tuple[str, int]:
    """The no-JavaScript path: check, apply one rewrite, or apply all blame rewrites."""
    state = PageState(
        draft=_normalise_newlines(request.form.get("text", "")),
        format=request.form.get("format", ""),
    )
    status = 200
    try:
        _take_upload(state)
        if state.format not in {value for value, _label in FORMATS}:
            raise DraftError(f"Unknown format {state.format!r}: choose one of Auto-detect, Markdown, Plain text or YAML.")
        if not state.draft.strip():
            raise DraftError("The draft is empty: paste a postmortem or load a file, then press Check.")
        _run_action(state)
    except DraftError as err:
        state.error, status = err.message, err.status
    except Exception:  # a linter bug must not cost the facilitator their draft
        log.exception("checking a draft from the web form failed")
        state.error = "blamelint failed on this draft (an internal error, logged on the server). Your draft is kept below."
        status = 500
    return _render(state), status


def _run_action(state: PageState) -> None:
    fmt = state.format or None
    if "apply" in request.form:
        report = _lint(state.draft, fmt)
        edit = _parse_apply(request.form["apply"])
        target = next((f for f in report.findings if (f.start, f.end, f.rule) == edit[:3]), None)
        if target is None or edit[3] >= len(target.suggestions):
            state.report, state.checked = report, True
            state.notice = "That finding is no longer in the draft (it changed since the last check). The results below are current."
            return
        replacement = target.suggestions[edit[3]]
        state.draft = state.draft[: target.start] + replacement + state.draft[target.end :]
        state.notice = f"Applied: “{replacement}”." if replacement else f"Removed: “{target.text.strip()}”."
    elif request.form.get("apply_all") == "blame":
        report = _lint(state.draft, fmt)
        state.draft, count = apply_all(state.draft, report.findings, category="blame")
        state.notice = f"Applied {count} blame rewrite{'s' if count != 1 else ''}." if count else "No blame rewrites to apply."
    state.report = _lint(state.draft, fmt)
    state.incident = draft_incident(state.draft, fmt)
    state.checked = True
    if state.report.truncated:
        shown, total = len(state.report.findings), state.report.stats.get("total", 0)
        note = f"Showing the first {shown} of {total} findings; fix these and check again to see the rest."
        state.notice = f"{state.notice} {note}" if state.notice else note


def _parse_apply(value: str) -> tuple[int, int, str, int]:
    """``start:end:suggestion:rule`` as rendered on each Apply button."""
    try:
        start, end, index, rule = value.split(":", 3)
        return int(start), int(end), rule, int(index)
    except ValueError:
        raise DraftError("That Apply button sent a malformed request; press Check and try again.") from None


def _take_upload(state: PageState) -> None:
    upload = request.files.get("file")
    if upload is None or not upload.filename:
        return
    raw = upload.read()
    try:
        content = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise DraftError(f"{upload.filename} is not UTF-8 text; save it as UTF-8 and load it again.") from None
    if not content.strip():
        raise DraftError(f"{upload.filename} is empty.")
    state.draft = _normalise_newlines(content)
    if not state.format:
        state.format = format_for_filename(upload.filename) or ""
    state.notice = f"Loaded {upload.filename}."


def _lint(text: str, fmt: str | None) -> Report:
    # Through the same entry point as the JSON API, so the page has the same limits.
    try:
        return run_lint(text, fmt)
    except ApiError as err:
        raise DraftError(f"This draft could not be checked: {err.message}.", err.status) from None
    except ValueError as err:  # the parsers' way of saying the input is invalid
        raise DraftError(f"This draft could not be read: {err}") from None


def _normalise_newlines(text: str) -> str:
    # Browsers submit text areas with CRLF line breaks; offsets shown back in the
    # page must match the LF text the text area holds.
    return text.replace("\r\n", "\n")


def _drain_body() -> None:
    stream = request.environ.get("wsgi.input")
    remaining = _DRAIN_LIMIT
    try:
        while stream is not None and remaining > 0:
            chunk = stream.read(min(65536, remaining))
            if not chunk:
                break
            remaining -= len(chunk)
    except Exception:  # the client went away; nothing left to answer
        log.debug("could not drain a rejected request body", exc_info=True)


def _render(state: PageState) -> str:
    findings: list[Finding] = state.report.findings if state.report else []
    groups = grouped(findings)
    numbered = [item for _cat, _css, items in groups for item in items]
    segments: list[Segment] = highlight_segments(state.draft, numbered) if state.report else []
    return render_template(
        "page.html",
        state=state,
        findings=numbered,
        groups=groups,
        has_blame_rewrites=any(f.category == "blame" and f.suggestions for f in findings),
        removal_label=REMOVAL_LABEL,
        segments=segments,
        verdict=verdict(findings) if state.report else "",
        categories=category_info(findings),
        formats=FORMATS,
        client_config=client_config(url_for("page.index")),
    )
