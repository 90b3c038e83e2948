"""The real gunicorn server (started through lint_service.web.serve) under bad input and load,
then schemathesis against its own /openapi.json."""
from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests
import yaml
import schemathesis
from schemathesis import GenerationMode
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from http_support import free_port, running_server
from lint_service.web.openapi import ANNOTATION_FORMAT, YAML_REPORT_FORMAT
from lint_service.web.serve import bind_address

LIMIT = 1024 * 1024


@pytest.fixture(scope="module")
def server():
    # a short lint budget, so an overlong lint is answered (413) well before gunicorn's worker timeout
    yield from running_server(workers=2, env={"BLAMELINT_LINT_TIMEOUT": "10"})


def post_json(server, path: str, body: bytes, content_type: str = "application/json", timeout: float = 60):
    return requests.post(server.url + path, data=body, headers={"Content-Type": content_type}, timeout=timeout)


def assert_json_error(response, status: int) -> dict:
    assert response.status_code == status, response.text[:500]
    assert response.headers["Content-Type"].startswith("application/json")
    return response.json()["error"]


@pytest.mark.parametrize(
    "body, status",
    [
        (b'{"text": "a"', 400),  # malformed JSON
        (b'{"text": 12}', 400),  # wrong type
        (b'{"text": ["a"], "format": 1}', 400),
        (b'{"format": "text"}', 400),  # missing field
        (b"{}", 400),
        (b'{"text": "caf\xe9"}', 400),  # not UTF-8
        (b"\xff\xfe{\x00}\x00", 400),
    ],
)
def test_bad_input_gets_a_json_4xx(server, body, status):
    assert_json_error(post_json(server, "/v1/lint", body), status)


def test_not_json_is_415(server):
    assert_json_error(post_json(server, "/v1/lint", b"text=a", "application/x-www-form-urlencoded"), 415)


def test_body_over_the_limit_is_413_and_the_client_reads_it(server):
    body = json.dumps({"text": "a " * LIMIT}).encode()
    error = assert_json_error(post_json(server, "/v1/lint", body), 413)
    assert str(LIMIT) in error["message"]
    form = {"language": "en-US", "text": "b" * (2 * LIMIT)}
    assert_json_error(requests.post(server.url + "/v2/check", data=form, timeout=60), 413)


def test_body_over_the_limit_without_content_length_is_413(server):
    def chunks():
        yield b'{"text": "'
        for _ in range(40):
            yield b"x" * 65536
        yield b'"}'

    r = requests.post(server.url + "/v1/lint", data=chunks(), headers={"Content-Type": "application/json"}, timeout=60)
    assert_json_error(r, 413)


def test_huge_single_line(server):
    line = "The deploy restarted the cache and the queue drained slowly " * 3000  # ~180k characters, one line
    r = post_json(server, "/v1/lint", json.dumps({"text": line}).encode(), timeout=120)
    assert r.headers["Content-Type"].startswith("application/json")
    if r.status_code == 200:
        assert r.json()["stats"]["characters"] == len(line)
    else:  # the engine is too slow on one sentence this long: answered within the budget
        assert_json_error(r, 413)["code"] == "lint_timeout"
    assert requests.get(server.url + "/healthz", timeout=10).status_code == 200
    too_long = "x" * 1_000_001  # under the body limit, over what the pipeline takes in one piece
    error = assert_json_error(post_json(server, "/v1/lint", json.dumps({"text": too_long}).encode()), 413)
    assert error["code"] == "text_too_long"


def test_raw_garbage_on_the_socket_does_not_hurt(server):
    with socket.create_connection(("127.0.0.1", server.port), timeout=10) as sock:
        sock.sendall(b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03garbage\r\n\r\n")
        sock.recv(4096)
    assert requests.get(server.url + "/healthz", timeout=10).status_code == 200


def _one(server, i: int) -> tuple[int, str, object]:
    if i % 4 == 3:
        r = requests.post(server.url + "/v2/check", timeout=120,
                          data={"language": "en-US", "text": f"😀 Request {i}: John forgot to renew the certificate."})
    elif i % 4 == 2:
        r = requests.post(server.url + "/v1/lint", data=b'{"text": ', headers={"Content-Type": "application/json"}, timeout=120)
    else:
        r = requests.post(server.url + "/v1/lint", timeout=120,
                          json={"text": f"Paragraph {i}. The pager did not fire because the alert had no route."})
    return r.status_code, r.headers.get("Content-Type", ""), r.json()


def test_200_concurrent_requests_then_still_healthy(server):
    with ThreadPoolExecutor(max_workers=32) as pool:
        results = list(pool.map(lambda i: _one(server, i), range(200)))
    for i, (status, content_type, body) in enumerate(results):
        assert content_type.startswith("application/json")
        if i % 4 == 2:
            assert status == 400 and body["error"]["code"] == "invalid_json"
        else:
            assert status == 200
            assert ("matches" in body) if i % 4 == 3 else ("findings" in body)
    assert requests.get(server.url + "/healthz", timeout=10).json()["status"] == "ok"
    assert requests.get(server.url + "/readyz", timeout=10).status_code == 200


# --- schemathesis ---------------------------------------------------------------------------

_text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)
_annotation_item = st.one_of(
    st.fixed_dictionaries({"text": _text}),
    st.fixed_dictionaries({"markup": _text}, optional={"interpretAs": _text}),
)
schemathesis.openapi.format(
    ANNOTATION_FORMAT,
    st.lists(_annotation_item, max_size=6).map(lambda items: json.dumps({"annotation": items})),
)

_line = st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=30)
schemathesis.openapi.format(
    YAML_REPORT_FORMAT,
    st.fixed_dictionaries(
        {"incident": st.fixed_dictionaries({"id": _line, "title": _line})},
        optional={
            "timeline": st.lists(st.fixed_dictionaries({"time": _line, "event": _line}), max_size=3),
            "root_causes": st.lists(_line, max_size=3),
            "action_items": st.lists(st.fixed_dictionaries({"description": _line, "owner": _line, "deadline": _line}), max_size=3),
        },
    ).map(lambda report: yaml.safe_dump(report, allow_unicode=True, sort_keys=False)),
)


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
def test_api_conforms_to_its_openapi(server, mode):
    # Driven through hypothesis directly: schemathesis's pytest plugin does not run
    # under pytest 9 (it sets Function._nodeid).
    schema = schemathesis.openapi.from_url(server.url + "/openapi.json")
    operations = [result.ok() for result in schema.get_all_operations()]
    assert {op.path for op in operations} >= {"/v1/lint", "/v2/check", "/v2/languages", "/healthz", "/readyz"}
    for operation in operations:
        if mode is GenerationMode.NEGATIVE and not len(operation.body):
            continue  # nothing to get wrong in a GET without parameters

        @given(case=operation.as_strategy(generation_mode=mode))
        @settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck), database=None)
        def conforms(case):
            case.call_and_validate(base_url=server.url, timeout=60)

        conforms()


def test_still_healthy_after_everything(server):
    assert requests.get(server.url + "/healthz", timeout=10).status_code == 200


def test_single_process_fallback_serves_the_same_app(tmp_path):
    port = free_port()
    code = ("import lint_service.web.serve as s; s.gunicorn_available = lambda: False; "
            f"s.run('127.0.0.1', {port})")
    proc = subprocess.Popen([sys.executable, "-c", code], cwd=tmp_path, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, start_new_session=True)
    try:
        deadline = time.monotonic() + 60
        while True:
            assert proc.poll() is None, proc.stderr.read().decode()[-2000:]
            try:
                if requests.get(f"http://127.0.0.1:{port}/readyz", timeout=2).status_code == 200:
                    break
            except requests.RequestException:
                assert time.monotonic() < deadline
                time.sleep(0.2)
        r = requests.post(f"http://127.0.0.1:{port}/v1/lint", data=b"{", headers={"Content-Type": "application/json"}, timeout=30)
        assert r.status_code == 400 and r.json()["error"]["code"] == "invalid_json"
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=20)


@pytest.mark.parametrize("host, port", [("", 8080), ("127.0.0.1", 70000), ("127.0.0.1", "8080")])
def test_bad_bind_addresses_are_refused(host, port):
    with pytest.raises(ValueError):
        bind_address(host, port)
    assert bind_address("::1", 8080) == "[::1]:8080"
