"""The JSON API through Flask's test client: every endpoint, every error status, JSON always."""
from __future__ import annotations

import json

import pytest

from http_support import FLAG_RULE, FLAG_SUGGESTION, flagging_linter
from lint_service import Linter
from lint_service.web.app import DEFAULT_MAX_BODY, SettingsError, create_app, settings_from_env
from lint_service.web.openapi import openapi_document

TEXT = "The renewal job failed.\nKenji forgot to renew the certificate.\n"


@pytest.fixture(scope="module")
def linter() -> Linter:
    return flagging_linter()


@pytest.fixture(scope="module")
def client(linter):
    return create_app(linter=linter).test_client()


def error_of(response, status: int) -> dict:
    assert response.status_code == status, response.data
    assert response.mimetype == "application/json"
    body = response.get_json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message"}
    assert body["error"]["message"]
    return body["error"]


# --- health, readiness, OpenAPI -------------------------------------------------------------

def test_healthz(client):
    r = client.get("/healthz")
    assert r.status_code == 200 and r.get_json()["status"] == "ok"


def test_readyz_reports_the_loaded_pipeline(client):
    body = client.get("/readyz").get_json()
    assert body["status"] == "ready"
    assert body["pipeline"].startswith("en_core_web_sm")
    assert body["rules"] > 0


def test_readyz_is_503_json_when_the_linter_cannot_lint(linter):
    broken = flagging_linter()

    def crash(ctx):
        raise RuntimeError("model missing")

    broken.checks = [((FLAG_RULE,), crash)]
    error = error_of(create_app(linter=broken).test_client().get("/readyz"), 503)
    assert "model missing" in error["message"]


def test_openapi_describes_every_route(client):
    doc = client.get("/openapi.json").get_json()
    assert doc["openapi"].startswith("3.1")
    app_routes = {
        (rule.rule, method.lower())
        for rule in client.application.url_map.iter_rules()
        for method in rule.methods - {"HEAD", "OPTIONS"}
        if rule.endpoint.split(".")[0] in ("api", "languagetool")
    }
    documented = {(path, method) for path, item in doc["paths"].items() for method in item}
    assert app_routes <= documented
    assert all("config" in b["properties"] for b in doc["components"]["schemas"]["LintRequest"]["oneOf"])
    bare = openapi_document([FLAG_RULE], request_config=False)["components"]["schemas"]["LintRequest"]["oneOf"]
    assert not any("config" in b["properties"] for b in bare)
    rules = doc["components"]["schemas"]["LintConfig"]["properties"]["disable"]["anyOf"][0]["enum"]
    assert FLAG_RULE in rules and "blame." in rules and "blame" in rules


# --- POST /v1/lint --------------------------------------------------------------------------

def test_lint_returns_the_library_report(client, linter):
    r = client.post("/v1/lint", json={"text": TEXT})
    assert r.status_code == 200
    body = r.get_json()
    expected = linter.lint(TEXT).to_dict()
    assert body["findings"] == expected["findings"]
    assert list(body) == ["findings", "stats"]
    assert {k: v for k, v in body["stats"].items() if k != "elapsed_ms"} == {
        k: v for k, v in expected["stats"].items() if k != "elapsed_ms"
    }
    (finding,) = body["findings"]
    assert finding["rule"] == FLAG_RULE and finding["suggestions"] == [FLAG_SUGGESTION]
    assert TEXT[finding["start"] : finding["end"]] == finding["text"] == "forgot"
    assert (finding["line"], finding["column"]) == (2, 7)


def test_offsets_are_code_points_in_utf8_bodies(client):
    text = "Ünïcödé 😀🚀 𝔘 — Kenji forgot the renewal."
    body = json.dumps({"text": text}, ensure_ascii=False).encode("utf-8")
    r = client.post("/v1/lint", data=body, content_type="application/json; charset=utf-8")
    (finding,) = r.get_json()["findings"]
    assert text[finding["start"] : finding["end"]] == "forgot"
    assert finding["start"] == text.index("forgot")


@pytest.mark.parametrize("fmt", ["markdown", "text", "yaml", None])
def test_every_format_is_accepted(client, fmt):
    text = "incident: {id: X}\n" if fmt == "yaml" else TEXT
    assert client.post("/v1/lint", json={"text": text, "format": fmt}).status_code == 200


def test_a_broken_yaml_report_is_400(client):
    error = error_of(client.post("/v1/lint", json={"text": "- just\n- a list\n", "format": "yaml"}), 400)
    assert error["code"] == "invalid_document" and "line 1" in error["message"]


def test_non_utf8_body_is_400(client):
    body = '{"text": "caf\u00e9"}'.encode("latin-1")
    assert error_of(client.post("/v1/lint", data=body, content_type="application/json"), 400)["code"] == "invalid_encoding"


@pytest.mark.parametrize(
    "body, code",
    [
        (b"{", "invalid_json"),
        (b"", "invalid_json"),
        (b"   ", "invalid_json"),
        (b'["text"]', "invalid_json"),
        (b'"just a string"', "invalid_json"),
        (b"[" * 100000, "invalid_json"),
        (b'{"text": "a", "text2": 1}', "unknown_field"),
        (b"{}", "missing_field"),
        (b'{"format": "text"}', "missing_field"),
        (b'{"text": 5}', "invalid_field"),
        (b'{"text": null}', "invalid_field"),
        (b'{"text": ["a"]}', "invalid_field"),
        (b'{"text": {"a": 1}}', "invalid_field"),
        (b'{"text": true}', "invalid_field"),
        (b'{"text": "a", "format": "html"}', "invalid_field"),
        (b'{"text": "a", "format": 3}', "invalid_field"),
        (b'{"text": "a", "format": "Markdown"}', "invalid_field"),
    ],
)
def test_bad_bodies_are_400_with_a_code(client, body, code):
    assert error_of(client.post("/v1/lint", data=body, content_type="application/json"), 400)["code"] == code


@pytest.mark.parametrize(
    "content_type", ["text/plain", "application/x-www-form-urlencoded", None, "application/json; charset=latin-1"]
)
def test_non_json_bodies_are_415(client, content_type):
    r = client.post("/v1/lint", data=b'{"text": "a"}', content_type=content_type)
    assert error_of(r, 415)["code"] == "unsupported_media_type"


def test_json_suffix_media_types_are_json(client):
    assert client.post("/v1/lint", data=b'{"text": "a"}', content_type="application/vnd.blamelint+json").status_code == 200


def test_body_over_the_limit_is_413(linter):
    small = create_app({"MAX_CONTENT_LENGTH": 100}, linter=linter).test_client()
    assert small.post("/v1/lint", json={"text": "a" * 50}).status_code == 200
    error = error_of(small.post("/v1/lint", json={"text": "a" * 200}), 413)
    assert error["code"] == "payload_too_large" and "100 bytes" in error["message"]
    assert create_app(linter=linter).config["MAX_CONTENT_LENGTH"] == DEFAULT_MAX_BODY == 1024 * 1024


def test_text_longer_than_the_pipeline_accepts_is_413(client, linter):
    nlp = linter.parser.nlp
    saved = nlp.max_length
    nlp.max_length = 50  # the shared pipeline: restored below
    try:
        error = error_of(client.post("/v1/lint", json={"text": "word " * 20}), 413)
    finally:
        nlp.max_length = saved
    assert error["code"] == "text_too_long"


def test_a_lint_over_its_time_budget_is_413_and_the_app_recovers(linter):
    import time

    slow = flagging_linter()

    def crawl(ctx):
        time.sleep(5)
        return []

    slow.checks = [((FLAG_RULE,), crawl)]
    c = create_app({"BLAMELINT_LINT_TIMEOUT": 0.2}, linter=slow).test_client()
    started = time.monotonic()
    error = error_of(c.post("/v1/lint", json={"text": "a"}), 413)
    assert error["code"] == "lint_timeout" and time.monotonic() - started < 3
    slow.checks = linter.checks
    assert c.post("/v1/lint", json={"text": TEXT}).status_code == 200
    time.sleep(0.3)  # the alarm was cancelled: nothing fires after the request


# --- per-request config ---------------------------------------------------------------------

def test_request_config_disables_a_rule(client):
    r = client.post("/v1/lint", json={"text": TEXT, "config": {"disable": [FLAG_RULE]}})
    assert r.status_code == 200 and r.get_json()["findings"] == []
    r = client.post("/v1/lint", json={"text": TEXT, "config": {"severity": {"blame.": "error"}}})
    assert [f["severity"] for f in r.get_json()["findings"]] == ["error"]


@pytest.mark.parametrize(
    "config, needle",
    [
        ([], "must be an object"),
        ("disable", "must be an object"),
        ({"pipeline": "en_core_web_lg"}, "pipeline"),
        ({"colour": "red"}, "unknown key 'colour'"),
        ({"disable": [""]}, "disable"),
        ({"disable": [3]}, "disable"),
        ({"disable": ["no-such-rule"]}, "no-such-rule"),
        ({"severity": {"blame.": "fatal"}}, "fatal"),
        ({"severity": ["error"]}, "severity"),
    ],
)
def test_invalid_request_config_is_400(client, config, needle):
    error = error_of(client.post("/v1/lint", json={"text": "a", "config": config}), 400)
    assert error["code"] == "invalid_config" and needle in error["message"]


def test_request_config_can_be_turned_off(linter):
    strict = create_app({"BLAMELINT_REQUEST_CONFIG": False}, linter=linter).test_client()
    error = error_of(strict.post("/v1/lint", json={"text": "a", "config": {}}), 400)
    assert error["code"] == "config_not_accepted"


def test_request_config_does_not_leak_into_the_next_request(client):
    client.post("/v1/lint", json={"text": TEXT, "config": {"disable": [FLAG_RULE]}})
    assert len(client.post("/v1/lint", json={"text": TEXT}).get_json()["findings"]) == 1


# --- other errors ---------------------------------------------------------------------------

def test_unknown_path_is_404_json(client):
    assert error_of(client.get("/v1/nothing"), 404)["code"] == "not_found"


def test_wrong_method_is_405_json_with_allow(client):
    r = client.get("/v1/lint")
    assert error_of(r, 405)["code"] == "method_not_allowed"
    assert "POST" in r.headers["Allow"]


def test_a_bug_is_a_json_500(linter):
    broken = flagging_linter()

    def crash(ctx):
        raise KeyError("bug")

    broken.checks = [((FLAG_RULE,), crash)]
    app = create_app(linter=broken)
    assert error_of(app.test_client().post("/v1/lint", json={"text": "a"}), 500)["code"] == "internal_error"


# --- CORS and settings ----------------------------------------------------------------------

def test_no_cors_headers_by_default(client):
    r = client.post("/v1/lint", json={"text": "a"}, headers={"Origin": "https://editor.example"})
    assert "Access-Control-Allow-Origin" not in r.headers


def test_cors_for_configured_origins(linter):
    c = create_app({"BLAMELINT_CORS_ORIGINS": "https://editor.example, https://other.example"}, linter=linter).test_client()
    r = c.post("/v1/lint", json={"text": "a"}, headers={"Origin": "https://editor.example"})
    assert r.headers["Access-Control-Allow-Origin"] == "https://editor.example"
    assert "Origin" in r.headers["Vary"]
    assert "Access-Control-Allow-Origin" not in c.get("/healthz", headers={"Origin": "https://evil.example"}).headers
    pre = c.options("/v2/check", headers={"Origin": "https://other.example", "Access-Control-Request-Method": "POST",
                                          "Access-Control-Request-Headers": "content-type"})
    assert pre.status_code == 200
    assert "POST" in pre.headers["Access-Control-Allow-Methods"]
    assert pre.headers["Access-Control-Allow-Headers"] == "content-type"
    star = create_app({"BLAMELINT_CORS_ORIGINS": ["*"]}, linter=linter).test_client()
    assert star.get("/healthz", headers={"Origin": "https://x.example"}).headers["Access-Control-Allow-Origin"] == "*"


@pytest.mark.parametrize(
    "settings",
    [{"MAX_CONTENT_LENGTH": 0}, {"MAX_CONTENT_LENGTH": "1MB"}, {"BLAMELINT_CORS_ORIGINS": [3]},
     {"BLAMELINT_REQUEST_CONFIG": "yes"}, {"BLAMELINT_LINT_TIMEOUT": -1}, {"BLAMELINT_LINT_TIMEOUT": "5"}, {"BLAMELINT_LINTER_CONFIG": {"colour": 1}}, {"BLAMELINT_TYPO": 1}],
)
def test_bad_settings_raise(linter, settings):
    with pytest.raises(SettingsError):
        create_app(settings, linter=linter)


def test_settings_from_env(tmp_path):
    cfg = tmp_path / "blamelint.yaml"
    cfg.write_text("disable: [timeline.]\n")
    settings = settings_from_env({"BLAMELINT_MAX_BODY_BYTES": "2048", "BLAMELINT_CORS_ORIGINS": "*",
                                  "BLAMELINT_CONFIG": str(cfg), "BLAMELINT_REQUEST_CONFIG": "false"})
    assert settings["MAX_CONTENT_LENGTH"] == 2048
    assert settings["BLAMELINT_LINTER_CONFIG"].disable == ("timeline.",)
    assert settings["BLAMELINT_REQUEST_CONFIG"] is False
    with pytest.raises(SettingsError, match="BLAMELINT_MAX_BODY_BYTES"):
        settings_from_env({"BLAMELINT_MAX_BODY_BYTES": "lots"})
    with pytest.raises(SettingsError, match="cannot read"):
        settings_from_env({"BLAMELINT_CONFIG": str(tmp_path / "missing.yaml")})


# --- the real blame engine ------------------------------------------------------------------

def test_real_engine_flags_a_person_with_a_rewrite():
    c = create_app().test_client()
    body = c.post("/v1/lint", json={"text": "John forgot to renew the certificate."}).get_json()
    blame = [f for f in body["findings"] if f["rule"].startswith("blame.")]
    assert blame and blame[0]["suggestions"]
