"""Hostile input against the service and the library: every answer is the contract's
JSON (or the form with the draft kept), never a 500, a hang or a lost draft.

Fast cases only: each is a real request against the app (Flask's test client, the
real pipeline) or against a real gunicorn on a free loopback port. The slow and
load cases (100 idle connections, slowloris bodies, memory after hostile
sequences, latency at 4 clients) are in ``bench/attack.py``; the command line's
hostile inputs are in ``tests/test_hostile_cli.py``.
"""
from __future__ import annotations

import gzip
import json
import socket
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests
from hypothesis import given, settings
from hypothesis import strategies as st

from http_support import FLAG_RULE, flagging_linter, running_server
from lint_service import Linter
from lint_service.budget import LintTimeout, check_deadline, time_budget
from lint_service.findings import Finding
from lint_service.nlp import LONG_TEXT, Parser, pieces
from lint_service.web.app import create_app
from lint_service.web.page_model import css_class, highlight_segments
from lint_service.web.worker import request_is_buffered

LIMIT = 64 * 1024
BUDGET = 0.5
# These tests tell "answered on its budget / not starved" from the failures of the issue
# (a worker held for 60 s, /healthz down for 55 s), with slack for a loaded 2-core
# machine. The contract's figures (413 within the budget plus 1 s, /healthz within 1 s
# under 100 idle connections) are measured by bench/attack.py, not by timed tests.
SLACK = 5.0


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter()


@pytest.fixture(scope="module")
def client(linter):
    return create_app({"BLAMELINT_MAX_FINDINGS": 50}, linter=linter).test_client()


@pytest.fixture(scope="module")
def small(linter):
    return create_app({"MAX_CONTENT_LENGTH": LIMIT}, linter=linter).test_client()


def error_of(response, status: int) -> dict:
    assert response.status_code == status, response.data[:300]
    assert response.mimetype == "application/json"
    return response.get_json()["error"]


def post_raw(client, body: bytes, content_type: str = "application/json", **headers: str):
    return client.post("/v1/lint", data=body, headers={"Content-Type": content_type, **headers})


# --- bodies --------------------------------------------------------------------------------

def test_a_body_at_the_limit_is_read_and_one_byte_over_is_413(small):
    text = "x" * (LIMIT - len(b'{"text": ""}'))
    at = json.dumps({"text": text}).encode()
    assert len(at) == LIMIT
    assert post_raw(small, at).status_code == 200
    assert error_of(post_raw(small, at + b" "), 413)["code"] == "payload_too_large"


@pytest.mark.parametrize(
    "body, code",
    [
        (b'{"text": "caf\xe9"}', "invalid_encoding"),  # Latin-1, not UTF-8
        (b'{"text": "\xed\xa0\x80"}', "invalid_encoding"),  # a surrogate encoded in UTF-8
        (b"[" * 30_000 + b"]" * 30_000, "invalid_json"),  # deep JSON
        (b'{"text": "a", "format": ' + b"9" * 5000 + b"}", "invalid_json"),  # over Python's int digit limit
        (b'{"text": ' + b"1" * 4301 + b"}", "invalid_json"),
    ],
    ids=["latin-1", "utf8-surrogate", "deep-json", "huge-int-format", "huge-int-text"],
)
def test_undecodable_bodies_are_400(client, body, code):
    assert error_of(post_raw(client, body), 400)["code"] == code


@pytest.mark.parametrize("text", ["a\x00b Kenji forgot to renew it.\x00", "\ud800 Kenji forgot \udfff to renew it.", "\ufeff\u202e\u200b" * 50])
def test_nul_surrogates_and_control_characters_are_linted(client, text):
    r = client.post("/v1/lint", json={"text": text})
    assert r.status_code == 200, r.data[:300]
    for f in r.get_json()["findings"]:
        assert text[f["start"]:f["end"]] == f["text"]


def test_a_compressed_body_is_refused_not_inflated(small):
    bomb = gzip.compress(json.dumps({"text": "a" * 5_000_000}).encode())
    assert len(bomb) < LIMIT
    error = error_of(post_raw(small, bomb, **{"Content-Encoding": "gzip"}), 415)
    assert "gzip" in error["message"]


# --- YAML ----------------------------------------------------------------------------------

ALIAS_BOMB = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(8)
) + "timeline:\n  - {time: '08:00', event: *i}\n"


@pytest.mark.parametrize(
    "text",
    [
        "timeline:\n" + "  " + "[" * 5000 + "]" * 5000 + "\n",  # deep flow nesting
        "root_causes:\n" + "".join("  " * i + "- \n" for i in range(1, 600)),  # deep block nesting
        ALIAS_BOMB,  # a billion laughs: 9^9 leaves if expanded
        "incident: !!python/object/apply:os.mkdir ['{tmp}/pwned']\n",
        "timeline: !!python/name:os.system\n",
        "action_items: [{description: !!binary AAAA, owner: *x}]\n",  # an undefined alias
    ],
    ids=["deep-flow", "deep-block", "alias-bomb", "python-apply", "python-name", "undefined-alias"],
)
def test_hostile_yaml_is_answered_as_a_client_error_or_linted(client, text, tmp_path):
    r = client.post("/v1/lint", json={"text": text.replace("{tmp}", str(tmp_path)), "format": "yaml"})
    assert r.status_code in (200, 400), r.data[:300]
    if r.status_code == 400:
        assert r.get_json()["error"]["code"] == "invalid_document"
    assert not (tmp_path / "pwned").exists()  # no tag is ever constructed


# --- hostile Markdown ----------------------------------------------------------------------

HOSTILE_MARKDOWN = {
    "nested-quotes": "> " * 5000 + "Kenji forgot it.",
    "nested-lists": "".join("  " * i + "- item\n" for i in range(600)),
    "backticks": "`" * 30000,
    "brackets": "[" * 30000 + "x" + "]" * 30000,
    "emphasis": "*a " * 20000,
    "unclosed-comment": "<!-- " + "Kenji forgot to renew it. " * 2000,
    "link-definitions": "".join(f"[l{i}]: http://x/{i}\n" for i in range(5000)) + "[l1] [l2]\n",
    "table-columns": "|" + "a|" * 3000 + "\n|" + "-|" * 3000 + "\n|" + "Kenji forgot|" * 3000 + "\n",
    "entities": "&amp;" * 20000,
    "html": "<div>" * 10000 + "Kenji forgot it." + "</div>" * 10000,
}


@pytest.mark.parametrize("name", sorted(HOSTILE_MARKDOWN))
def test_hostile_markdown_gets_an_answer(linter, name):
    app = create_app({"BLAMELINT_LINT_TIMEOUT": 5.0, "BLAMELINT_MAX_FINDINGS": 50}, linter=linter)
    r = app.test_client().post("/v1/lint", json={"text": HOSTILE_MARKDOWN[name], "format": "markdown"})
    assert r.status_code in (200, 413), r.data[:300]
    if r.status_code == 413:
        assert r.get_json()["error"]["code"] in ("lint_timeout", "text_too_long")


# --- methods and paths ---------------------------------------------------------------------

@pytest.mark.parametrize("method", ["PUT", "DELETE", "PATCH", "TRACE"])
def test_wrong_methods_are_405_json(client, method):
    assert error_of(client.open("/v1/lint", method=method), 405)["code"] == "method_not_allowed"


@pytest.mark.parametrize(
    "path",
    ["/page-static/../app.py", "/page-static/%2e%2e/app.py", "/page-static/..%2fapp.py", "/page-static//etc/passwd",
     "/page-static/%00", "/../../etc/passwd", "/v1/lint/../../etc/passwd"],
)
def test_path_traversal_finds_nothing(client, path):
    r = client.get(path)
    assert r.status_code in (404, 405, 308), r.status_code
    if r.status_code == 308:  # Werkzeug merges slashes: still a path of this site, answered 404 there
        location = r.headers["Location"].removeprefix("http://localhost")
        assert location.startswith("/page-static/")
        r = client.get(location)
        assert r.status_code == 404
    assert r.mimetype == "application/json"
    assert b"create_app" not in r.data and b"root:" not in r.data


# --- output limits -------------------------------------------------------------------------

# A huge draft: 12,000 blank checkboxes (placeholders, no items) and, among them, enough
# real items without owner or deadline to overflow the findings cap.
EMPTY_ITEMS = "# Action items\n\n" + "\n".join("- [ ] " for _ in range(12_000)) + "\n" \
    + "".join(f"- [ ] Add disk alert {k}\n" for k in range(40))


def test_findings_are_capped_with_truncated_and_the_total(client):
    body = client.post("/v1/lint", json={"text": EMPTY_ITEMS}).get_json()
    assert len(body["findings"]) == 50 and body["truncated"] is True
    assert body["stats"]["total"] > 50 and body["stats"]["returned"] == 50
    assert [f["start"] for f in body["findings"]] == sorted(f["start"] for f in body["findings"])


def test_an_untruncated_answer_has_only_the_contracts_fields(client):
    body = client.post("/v1/lint", json={"text": "Kenji forgot to renew the certificate."}).get_json()
    assert list(body) == ["findings", "stats"]


def test_the_form_with_a_huge_draft_keeps_it_and_says_findings_were_cut(client):
    r = client.post("/", data={"text": EMPTY_ITEMS, "format": ""})
    assert r.status_code == 200
    page = r.get_data(as_text=True)
    assert "Showing the first 50 of" in page
    assert page.count("- [ ] ") >= 12_000  # the whole draft is back in the text area


def _naive_segments(text: str, numbered: list[tuple[int, Finding]]) -> list[tuple[str, str | None, tuple, tuple]]:
    # The quadratic definition the sweep must agree with.
    spans = sorted(((n, f) for n, f in numbered if 0 <= f.start <= f.end <= len(text)), key=lambda nf: nf[0])
    cuts = sorted({0, len(text)} | {f.start for _, f in spans} | {f.end for _, f in spans})
    out, previous = [], 0
    for point in cuts:
        covering = [(n, f) for n, f in spans if f.start <= previous and point <= f.end and f.start < f.end]
        inner = min(covering, key=lambda nf: nf[1].end - nf[1].start)[1] if covering and point > previous else None
        badges = tuple(n for n, f in spans if f.end == point)
        if point > previous or badges:
            out.append((text[previous:point], css_class(inner.category) if inner else None,
                        tuple(n for n, _ in covering) if inner else (), badges))
        previous = point
    return out


@settings(max_examples=200, deadline=None)
@given(st.integers(0, 40), st.lists(st.tuples(st.integers(0, 45), st.integers(0, 12), st.sampled_from(["blame", "timeline", "x"])), max_size=12))
def test_highlight_sweep_equals_the_quadratic_definition(size, raw):
    text = "abcdefghij" * 4
    text = text[:size]
    numbered = [(n, Finding("r", cat, "warning", "m", s, s + w, 1, 1, 1, 1, "", [])) for n, (s, w, cat) in enumerate(raw, 1)]
    got = [(s.text, s.css, s.numbers, tuple(b[0] for b in s.badges)) for s in highlight_segments(text, numbered)]
    assert got == _naive_segments(text, numbered)


# --- the time budget -----------------------------------------------------------------------

def _swallowing_linter() -> Linter:
    """A check that guards every step with ``except Exception``, as rewrites do."""
    slow = flagging_linter()

    def stubborn(ctx):
        while True:
            try:
                check_deadline()
                time.sleep(0.01)
            except Exception:  # noqa: BLE001 - what library code does; the budget must pass through
                pass

    slow.checks = [((FLAG_RULE,), stubborn)]
    return slow


def test_library_code_cannot_swallow_the_budget():
    assert not issubclass(LintTimeout, Exception)
    started = time.monotonic()
    with pytest.raises(LintTimeout):
        _swallowing_linter().lint("Kenji forgot it.", budget=0.2)
    assert time.monotonic() - started < 0.2 + SLACK


def test_nested_budgets_keep_the_earlier_deadline():
    with time_budget(0.05):
        with time_budget(100):
            time.sleep(0.06)
            with pytest.raises(LintTimeout):
                check_deadline()
    check_deadline()  # no budget outside


@pytest.mark.parametrize("endpoint", ["/v1/lint", "/v2/check", "/"])
def test_the_budget_is_answered_on_time_on_every_surface(endpoint):
    app = create_app({"BLAMELINT_LINT_TIMEOUT": BUDGET}, linter=_swallowing_linter())
    client = app.test_client()
    draft = "Kenji forgot to renew the certificate.\n"
    started = time.monotonic()
    if endpoint == "/v1/lint":
        r = client.post(endpoint, json={"text": draft})
    elif endpoint == "/v2/check":
        r = client.post(endpoint, data={"text": draft, "language": "en-US"})
    else:
        r = client.post(endpoint, data={"text": draft, "format": ""})
    assert time.monotonic() - started <= BUDGET + SLACK
    assert r.status_code == 413
    if endpoint == "/":
        page = r.get_data(as_text=True)
        assert "Kenji forgot to renew the certificate." in page and "took longer than" in page
    else:
        assert r.get_json()["error"]["code"] == "lint_timeout"


def test_a_chat_log_of_self_blame_is_413_within_the_budget(linter):
    chat = "\n".join(f"[{i // 60:02d}:{i % 60:02d}] dana: I messed up the deploy again, sorry" for i in range(10_000))
    client = create_app({"BLAMELINT_LINT_TIMEOUT": BUDGET}, linter=linter).test_client()
    started = time.monotonic()
    r = client.post("/v1/lint", json={"text": chat})
    assert time.monotonic() - started <= BUDGET + SLACK
    assert error_of(r, 413)["code"] == "lint_timeout"


# --- bounded caches and long texts ---------------------------------------------------------

def test_the_parse_cache_is_bounded_by_bytes(linter):
    parser = Parser(linter.parser.nlp, cache_bytes=200_000)
    for i in range(40):
        parser.parse([f"Paragraph {i}: " + "the service restarted and recovered. " * 20])
        assert parser.cached_bytes <= parser.cache_bytes
    assert 0 < len(parser._cache) < 40
    huge = "The job ran. " * 2000
    parser.parse([huge])
    assert huge not in parser._cache  # bigger than the whole cache: used once, not kept


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab .\n!?\"'"), min_size=LONG_TEXT + 1, max_size=LONG_TEXT * 3))
def test_pieces_cover_a_long_text_in_order_without_cutting_words(text):
    cuts = pieces(text)
    assert cuts[0][0] == 0 and cuts[-1][1] == len(text)
    assert all(a < b for a, b in cuts) and all(cuts[i][1] == cuts[i + 1][0] for i in range(len(cuts) - 1))
    for _a, b in cuts[:-1]:
        assert text[b - 1].isspace()  # a cut follows whitespace: no token is split


def test_a_long_paragraph_parsed_in_pieces_keeps_its_text_and_findings(linter):
    sentence = "Kenji forgot to renew the certificate. "
    text = sentence * (LONG_TEXT // len(sentence) + 200)
    report = linter.lint(text)
    assert len(report.findings) == text.count("Kenji")
    assert all(f.text == text[f.start:f.end] for f in report.findings)


# --- the request reader --------------------------------------------------------------------

@pytest.mark.parametrize(
    "data, ready",
    [
        (b"GET /healthz HTTP/1.1\r\nHost: x\r\n", False),
        (b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n", True),
        (b"POST / HTTP/1.1\r\nContent-Length: 10\r\n\r\n12345", False),
        (b"POST / HTTP/1.1\r\nContent-Length: 10\r\n\r\n1234567890", True),
        (b"POST / HTTP/1.1\r\nContent-Length: 99999999\r\n\r\n", False),
        (b"POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n", False),
        (b"POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n", True),
        (b"POST / HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: 10\r\n\r\n", True),
        (b"x" * (65 * 1024), True),  # no end of head in sight: gunicorn rejects it
    ],
)
def test_the_poller_hands_over_a_request_once_it_is_all_there(data, ready):
    assert request_is_buffered(data, max_body=1024) is ready


# --- a real gunicorn -----------------------------------------------------------------------

READ_TIMEOUT = 2


@pytest.fixture(scope="module")
def server():
    yield from running_server(workers=2, env={
        "BLAMELINT_REQUEST_READ_TIMEOUT": str(READ_TIMEOUT), "BLAMELINT_LINT_TIMEOUT": "2", "BLAMELINT_THREADS": "2"})


def raw_exchange(server, data: bytes, timeout: float = 10) -> tuple[int, dict | None, bytes]:
    """Send raw bytes, read the answer until the server closes; (status, JSON body or None, raw)."""
    with socket.create_connection(("127.0.0.1", server.port), timeout=timeout) as sock:
        sock.sendall(data)
        chunks = []
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                chunk = sock.recv(65536)
            except (socket.timeout, ConnectionResetError):
                break
            if not chunk:
                break
            chunks.append(chunk)
            raw = b"".join(chunks)
            head, _, body = raw.partition(b"\r\n\r\n")
            length = next((int(line.split(b":")[1]) for line in head.split(b"\r\n") if line.lower().startswith(b"content-length:")), None)
            if length is not None and len(body) >= length:
                break
    raw = b"".join(chunks)
    head, _, body = raw.partition(b"\r\n\r\n")
    status = int(head.split(b" ")[1]) if head.startswith(b"HTTP/") else 0
    content_type = next((line for line in head.split(b"\r\n") if line.lower().startswith(b"content-type:")), b"")
    return status, json.loads(body) if b"json" in content_type and body else None, raw


@pytest.mark.parametrize(
    "data, status, code",
    [
        (b"GARBAGE\r\n\r\n", 400, "bad_request"),
        (b"G\x00T / HTTP/1.1\r\nHost: x\r\n\r\n", 400, "bad_request"),
        (b"GET / HTTP/9.9\r\nHost: x\r\n\r\n", 400, "bad_request"),
        (b"GET /" + b"a" * 9000 + b" HTTP/1.1\r\nHost: x\r\n\r\n", 414, "uri_too_long"),
        (b"GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * 9000 + b"\r\n\r\n", 431, "headers_too_large"),
        (b"GET / HTTP/1.1\r\n" + b"".join(b"X-%d: a\r\n" % i for i in range(200)) + b"\r\n", 431, "headers_too_large"),
        (b"GET / HTTP/1.1\r\nHost: x\r\nBad Header: a\r\n\r\n", 400, "bad_request"),
        (b"POST /v1/lint HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
         b"zz\r\n{}\r\n0\r\n\r\n", 400, "bad_request"),
        (b"POST /v1/lint HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
         b"ffffffffffffffffffff\r\n{}\r\n0\r\n\r\n", 408, "request_timeout"),  # the claimed chunk never comes
        (b"POST /v1/lint HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: gzip, chunked\r\n\r\n"
         b"2\r\n{}\r\n0\r\n\r\n", 501, "unsupported_transfer_coding"),
        (b"POST /v1/lint HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello!", 400, "bad_request"),
    ],
    ids=["request-line", "nul-in-method", "http-version", "long-url", "long-header", "many-headers", "header-name",
         "chunk-size", "chunk-size-overflow", "transfer-coding", "double-length"],
)
def test_gunicorns_own_errors_are_json(server, data, status, code):
    got, body, raw = raw_exchange(server, data)
    assert got == status, raw[:300]
    assert body is not None and body["error"]["code"] == code, raw[:300]


def test_a_chunked_body_over_the_limit_is_413_json(server):
    chunk = b"a" * 65536
    data = (b"POST /v1/lint HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
            + (b"%x\r\n%s\r\n" % (len(chunk), chunk)) * 17 + b"0\r\n\r\n")
    status, body, raw = raw_exchange(server, data)
    assert status == 413 and body["error"]["code"] == "payload_too_large", raw[:300]


def test_a_slow_client_gets_408_json_and_others_are_served_meanwhile(server):
    slow = [socket.create_connection(("127.0.0.1", server.port)) for _ in range(8)]
    try:
        for s in slow:
            s.sendall(b"POST /v1/lint HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{\"te")
        started = time.monotonic()
        assert requests.get(server.url + "/healthz", timeout=5).status_code == 200
        assert time.monotonic() - started < SLACK
        slow[0].settimeout(READ_TIMEOUT + 5)
        answer = slow[0].recv(4096)
        assert answer.startswith(b"HTTP/1.1 408") and b'"request_timeout"' in answer
    finally:
        for s in slow:
            s.close()


def test_healthz_answers_while_every_worker_is_linting(server):
    text = "\n".join(f"{i:05d} Omar broke the deploy again, as usual." for i in range(4000))
    with ThreadPoolExecutor(4) as pool:
        busy = [pool.submit(requests.post, server.url + "/v1/lint", json={"text": text}, timeout=30) for _ in range(4)]
        time.sleep(0.5)
        started = time.monotonic()
        assert requests.get(server.url + "/healthz", timeout=5).status_code == 200
        assert time.monotonic() - started < SLACK
        for fut in busy:
            r = fut.result()
            assert r.status_code in (200, 413) and r.headers["Content-Type"].startswith("application/json")
