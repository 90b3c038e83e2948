"""The facilitator's web form through Flask's test client: the no-JavaScript path.

Most tests give ``create_app`` a scripted linter (fixed findings for fixed
phrases) so they test the page itself, whatever the rules flag today; the
tests at the end use the real linter.
"""
from __future__ import annotations

import io
import re
from html.parser import HTMLParser
from types import SimpleNamespace

import pytest

from lint_service.config import Config
from lint_service.findings import Finding, LineIndex, Report, summarize
from lint_service.web.app import create_app
from lint_service.web.page_model import apply_all, grouped, highlight_segments, verdict

BLAME = "John forgot to renew the certificate."
BLAME_FIX = "The certificate was not renewed."


class ScriptedLinter:
    """Flags every occurrence of each scripted phrase; records what it was asked."""

    def __init__(self, script: list[tuple[str, str, str, list[str]]], fail: Exception | None = None) -> None:
        self.script = script  # (phrase, rule, category, suggestions)
        self.fail = fail
        self.calls: list[tuple[str, str | None]] = []
        self.config = Config()
        self.parser = SimpleNamespace(nlp=SimpleNamespace(max_length=1_000_000))

    def lint(self, text: str, format: str | None = None, **_limits: object) -> Report:
        self.calls.append((text, format))
        if self.fail is not None:
            raise self.fail
        index = LineIndex(text)
        findings = []
        for phrase, rule, category, suggestions in self.script:
            for m in re.finditer(re.escape(phrase), text):
                (line, col), (end_line, end_col) = index.position(m.start()), index.position(m.end())
                findings.append(Finding(rule, category, "warning", f"{rule} says why.", m.start(), m.end(),
                                        line, col, end_line, end_col, m.group(), list(suggestions)))
        findings.sort(key=lambda f: (f.start, f.end, f.rule))
        return Report(findings, summarize(findings))


SCRIPT = [
    (BLAME, "blame.person-subject", "blame", [BLAME_FIX, "Nobody renewed the certificate."]),
    ("Mateo carelessly deployed", "blame.judgement", "blame", ["The job was deployed"]),
    ("| Close connections |  |", "action-item.missing-owner", "action-item", []),
    ("- Ngozi compares graphs.", "timeline.missing-timestamp", "timeline", []),
    ("<script>alert(1)</script>", "blame.person-subject", "blame", ['"><img src=x onerror=alert(1)>']),
]


@pytest.fixture()
def scripted() -> ScriptedLinter:
    return ScriptedLinter(SCRIPT)


@pytest.fixture()
def client(scripted: ScriptedLinter):
    return create_app(linter=scripted).test_client()


class Page(HTMLParser):
    """The parts of a page the tests look at."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.texts: dict[str, str] = {}  # id -> text content
        self._open: list[tuple[str, str | None]] = []
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        self.elements.append((tag, a))
        if tag not in ("input", "meta", "link", "br", "img"):
            self._open.append((tag, a.get("id")))
            for _, el_id in self._open:
                if el_id is not None:
                    self.texts.setdefault(el_id, "")

    def handle_endtag(self, tag: str) -> None:
        for i in range(len(self._open) - 1, -1, -1):
            if self._open[i][0] == tag:
                del self._open[i:]
                break

    def handle_data(self, data: str) -> None:
        for _, el_id in self._open:
            if el_id is not None:
                self.texts[el_id] += data

    def by_class(self, cls: str) -> list[dict[str, str | None]]:
        return [a for _, a in self.elements if cls in (a.get("class") or "").split()]

    def textarea(self) -> str:
        # The template writes one newline after <textarea>, which HTML parsing drops.
        text = self.texts["draft"]
        return text[1:] if text.startswith("\n") else text


def post(client, text: str, **fields):
    data = {"text": text, "format": "", **fields}
    return client.post("/", data=data, content_type="multipart/form-data")


# ---- the page itself ---------------------------------------------------------


def test_get_serves_the_form_with_labelled_controls_and_a_csp(client) -> None:
    response = client.get("/")
    assert response.status_code == 200
    csp = response.headers["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "script-src 'self'" in csp and "'unsafe-inline'" not in csp
    assert response.headers["Cache-Control"] == "no-store"
    page = Page(response.get_data(as_text=True))
    labels = {a.get("for") for tag, a in page.elements if tag == "label"}
    controls = [a for tag, a in page.elements if tag in ("textarea", "select", "input")]
    assert {a["id"] for a in controls} == {"draft", "file", "format"}
    assert all(a["id"] in labels for a in controls)
    assert [tag for tag, _ in page.elements].count("h1") == 1
    form = next(a for tag, a in page.elements if tag == "form")
    assert form["method"] == "post" and form["enctype"] == "multipart/form-data"


def test_page_has_no_inline_script_style_or_event_handlers(client) -> None:
    page = Page(post(client, BLAME).get_data(as_text=True))
    for tag, attrs in page.elements:
        assert not [k for k in attrs if k.startswith("on")], (tag, attrs)
        assert "style" not in attrs, (tag, attrs)
        if tag == "script":
            assert attrs.get("src") or attrs.get("type") == "application/json", attrs
        assert tag != "style"


@pytest.mark.parametrize("name, mimetype", [
    ("page.css", "text/css"), ("page.js", "text/javascript"), ("view.js", "text/javascript"), ("favicon.svg", "image/svg+xml"),
])
def test_static_assets_are_served_locally(client, name: str, mimetype: str) -> None:
    response = client.get(f"/page-static/{name}")
    assert response.status_code == 200
    assert response.mimetype == mimetype
    assert "Content-Security-Policy" in response.headers


def test_javascript_never_writes_html_strings() -> None:
    from pathlib import Path

    import lint_service.web as web

    for name in ("page.js", "view.js"):
        script = (Path(web.__file__).parent / "static" / name).read_text(encoding="utf-8")
        assert not re.search(r"innerHTML|outerHTML|insertAdjacentHTML|document\.write|\beval\(|new Function", script), name


# ---- checking without JavaScript ---------------------------------------------


def test_post_renders_highlights_findings_and_verdict(client) -> None:
    draft = "# Postmortem\n\n" + BLAME + " It expired.\n\n- Ngozi compares graphs.\n"
    response = post(client, draft)
    assert response.status_code == 200
    page = Page(response.get_data(as_text=True))
    assert page.texts["verdict"] == "1 sentence blames a person; 1 timeline entry has no time."
    marks = page.by_class("hl-blame")
    assert any(a.get("data-findings") == "1" for a in marks)
    # The draft, with each finding's numbered badge after its span.
    assert page.texts["highlighted"] == draft.replace(BLAME, BLAME + "1").replace("graphs.", "graphs.2")
    assert page.texts["finding-1"].count(BLAME_FIX) == 2  # the rewrite and its Apply button's hidden label
    applies = [a for tag, a in page.elements if tag == "button" and a.get("name") == "apply"]
    start = draft.index(BLAME)
    assert applies[0]["value"] == f"{start}:{start + len(BLAME)}:0:blame.person-subject"
    assert all(a.get("form") == "draft-form" and a.get("type") == "submit" for a in applies)
    results = next(a for tag, a in page.elements if a.get("id") == "results")
    assert "autofocus" in results and "hidden" not in results


def test_draft_is_kept_exactly_after_a_check(client) -> None:
    draft = "\nLeading newline, <angle> & \"quotes\"\r\nand CRLF.\n  indented\n"
    page = Page(post(client, draft).get_data(as_text=True))
    # Browsers post text areas with CRLF; the page answers with the LF text it holds.
    assert page.textarea() == draft.replace("\r\n", "\n")


@pytest.mark.parametrize("payload", ["<script>alert(1)</script>", '"><img src=x onerror=alert(1)>'])
def test_user_text_is_escaped_everywhere(client, payload: str) -> None:
    draft = f"Intro {payload} and {BLAME}\n<script>alert(1)</script>\n"
    html = post(client, draft).get_data(as_text=True)
    assert "<script>alert" not in html and "<img" not in html
    page = Page(html)
    assert page.textarea() == draft
    assert payload in page.texts["highlighted"]
    assert not any(tag == "img" for tag, _ in page.elements)
    scripts = [a for tag, a in page.elements if tag == "script"]
    assert len(scripts) == 2  # page.js and the JSON config block, nothing from the draft


def test_no_js_apply_replaces_the_span_and_rechecks(client, scripted: ScriptedLinter) -> None:
    draft = f"Summary.\n{BLAME} Then it expired.\n"
    start = draft.index(BLAME)
    response = post(client, draft, apply=f"{start}:{start + len(BLAME)}:0:blame.person-subject")
    page = Page(response.get_data(as_text=True))
    assert page.textarea() == f"Summary.\n{BLAME_FIX} Then it expired.\n"
    assert page.texts["notice"] == f"Applied: “{BLAME_FIX}”."
    assert page.texts["verdict"].startswith("No problems found")
    assert scripted.calls[-1][0] == page.textarea()  # re-checked the new text


def test_no_js_apply_of_a_stale_finding_keeps_the_draft(client) -> None:
    draft = f"Edited since.\n{BLAME}\n"
    page = Page(post(client, draft, apply="0:37:0:blame.person-subject").get_data(as_text=True))
    assert page.textarea() == draft
    assert "no longer in the draft" in page.texts["notice"]
    assert page.texts["verdict"] == "1 sentence blames a person."


def test_no_js_apply_all_blame_rewrites(client) -> None:
    draft = f"{BLAME}\nThen Mateo carelessly deployed it.\n- Ngozi compares graphs.\n"
    page = Page(post(client, draft, apply_all="blame").get_data(as_text=True))
    assert page.textarea() == f"{BLAME_FIX}\nThen The job was deployed it.\n- Ngozi compares graphs.\n"
    assert page.texts["notice"] == "Applied 2 blame rewrites."
    assert page.texts["verdict"] == "1 timeline entry has no time."


def test_emoji_before_a_finding_highlights_the_right_text(client) -> None:
    draft = f"🔥🔥 Outage 🚨: {BLAME}"
    page = Page(post(client, draft).get_data(as_text=True))
    marks = page.texts["highlighted"]
    assert marks == draft + "1"
    html = post(client, draft).get_data(as_text=True)
    assert f'data-findings="1">{BLAME}</mark>' in html


def test_file_upload_replaces_the_draft_and_sets_the_format(client, scripted: ScriptedLinter) -> None:
    content = "incident: {id: X}\nroot_causes:\n  - " + BLAME + "\n"
    data = {"text": "old draft", "format": "", "file": (io.BytesIO(content.encode()), "report.yaml")}
    page = Page(client.post("/", data=data, content_type="multipart/form-data").get_data(as_text=True))
    assert page.textarea() == content
    assert scripted.calls[-1] == (content, "yaml")
    selected = [a["value"] for tag, a in page.elements if tag == "option" and "selected" in a]
    assert selected == ["yaml"]


# ---- errors never lose the draft ---------------------------------------------


def test_empty_draft_is_a_clear_error(client) -> None:
    response = post(client, "   \n")
    assert response.status_code == 400
    assert "The draft is empty" in Page(response.get_data(as_text=True)).texts["error"]


def test_unknown_format_keeps_the_draft(client) -> None:
    response = post(client, BLAME, format="docx")
    page = Page(response.get_data(as_text=True))
    assert response.status_code == 400 and "Unknown format 'docx'" in page.texts["error"]
    assert page.textarea() == BLAME


def test_binary_upload_keeps_the_typed_draft(client) -> None:
    data = {"text": BLAME, "format": "", "file": (io.BytesIO(b"\xff\xfe\x00bad"), "draft.md")}
    response = client.post("/", data=data, content_type="multipart/form-data")
    page = Page(response.get_data(as_text=True))
    assert response.status_code == 400 and "draft.md is not UTF-8" in page.texts["error"]
    assert page.textarea() == BLAME


@pytest.mark.parametrize("failure, status, message", [
    (ValueError("line 3: bad YAML"), 400, "could not be read: line 3: bad YAML"),
    (RuntimeError("boom"), 500, "blamelint failed on this draft"),
])
def test_linter_failure_keeps_the_draft(failure: Exception, status: int, message: str) -> None:
    client = create_app(linter=ScriptedLinter(SCRIPT, fail=failure)).test_client()
    draft = "Keep me <b>safe</b>.\n"
    response = post(client, draft)
    assert response.status_code == status
    assert response.mimetype == "text/html"
    page = Page(response.get_data(as_text=True))
    assert message in page.texts["error"] and page.textarea() == draft


def test_text_over_the_linter_limit_keeps_the_draft(scripted: ScriptedLinter) -> None:
    scripted.parser.nlp.max_length = 10
    client = create_app(linter=scripted).test_client()
    response = post(client, BLAME)
    page = Page(response.get_data(as_text=True))
    assert response.status_code == 413 and "the limit is 10" in page.texts["error"]
    assert page.textarea() == BLAME


def test_body_over_the_server_limit_answers_with_the_page(scripted: ScriptedLinter) -> None:
    client = create_app({"MAX_CONTENT_LENGTH": 2048}, linter=scripted).test_client()
    response = post(client, "x" * 5000)
    assert response.status_code == 413 and response.mimetype == "text/html"
    page = Page(response.get_data(as_text=True))
    assert "larger than this server accepts (2 KiB)" in page.texts["error"] and "Back button" in page.texts["error"]


def test_malformed_apply_value_is_a_clear_error(client) -> None:
    page = Page(post(client, BLAME, apply="nonsense").get_data(as_text=True))
    assert "malformed" in page.texts["error"] and page.textarea() == BLAME


# ---- the page model ----------------------------------------------------------


def _finding(rule: str, category: str, start: int, end: int, text: str, suggestions: tuple[str, ...] = ()) -> Finding:
    return Finding(rule, category, "warning", "m", start, end, 1, start + 1, 1, end + 1, text[start:end], list(suggestions))


def test_verdict_wording_order_and_plurals() -> None:
    t = "x" * 50
    findings = [
        _finding("timeline.missing-timestamp", "timeline", 0, 1, t),
        _finding("action-item.missing-owner", "action-item", 1, 2, t),
        _finding("action-item.missing-owner", "action-item", 2, 3, t),
        _finding("blame.a", "blame", 3, 4, t),
        _finding("blame.b", "blame", 4, 5, t),
        _finding("blame.c", "blame", 5, 6, t),
        _finding("action-item.missing-deadline", "action-item", 6, 7, t),
        _finding("readability.long", "readability", 7, 8, t),
    ]
    assert verdict(findings) == (
        "3 sentences blame people; 1 action item has no deadline; 2 action items have no owner; "
        "1 timeline entry has no time; 1 readability finding."
    )
    assert verdict([]).startswith("No problems found")


def test_segments_nest_blame_inside_a_row_and_show_zero_width_findings() -> None:
    text = "| Fix it | Bob forgot |"
    row = _finding("action-item.missing-deadline", "action-item", 0, len(text), text)
    blame = _finding("blame.person-subject", "blame", 11, 21, text)
    missing = _finding("structure.missing-section", "structure", 0, 0, text)
    numbered = [n_f for _cat, _css, items in grouped([missing, row, blame]) for n_f in items]
    assert [(n, f.category) for n, f in numbered] == [(1, "blame"), (2, "action-item"), (3, "structure")]
    segments = highlight_segments(text, numbered)
    assert [(s.text, s.css, s.numbers, [b[0] for b in s.badges]) for s in segments] == [
        ("", None, (), [3]),
        ("| Fix it | ", "action-item", (2,), []),
        ("Bob forgot", "blame", (1, 2), [1]),
        (" |", "action-item", (2,), [2]),
    ]


def test_apply_all_skips_overlapping_spans() -> None:
    text = "Bob forgot it and Ann too."
    findings = [
        _finding("blame.a", "blame", 0, 10, text, ("It was missed",)),
        _finding("blame.b", "blame", 4, 13, text, ("overlap",)),
        _finding("blame.c", "blame", 18, 21, text, ("the runbook",)),
        _finding("timeline.x", "timeline", 0, 3, text, ("never",)),
    ]
    new, count = apply_all(text, findings, category="blame")
    # From the end: c, then b; a overlaps b and is skipped; the timeline finding is not blame.
    assert (new, count) == ("Bob overlap and the runbook too.", 2)


# ---- with the real linter ----------------------------------------------------


@pytest.fixture(scope="module")
def real_client():
    return create_app().test_client()


def test_real_linter_flags_blame_in_the_no_js_path(real_client) -> None:
    page = Page(post(real_client, f"Summary\n\n{BLAME}\n").get_data(as_text=True))
    assert page.by_class("hl-blame")
    assert "blame" in page.texts["verdict"]


def test_real_linter_renders_a_clean_draft(real_client) -> None:
    draft = "The deploy pipeline promoted a staging config to production."
    response = post(real_client, draft)
    page = Page(response.get_data(as_text=True))
    assert response.status_code == 200 and page.textarea() == draft
    assert "verdict" in page.texts
