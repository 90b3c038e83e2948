"""The LanguageTool-compatible API: response shape, UTF-16 offsets, annotations, rule
parameters, and end to end with the real ``language_tool_python`` client."""
from __future__ import annotations

import dataclasses
import json

import language_tool_python
import pytest

from http_support import FLAG_RULE, FLAG_SUGGESTION, flag_word_check, flagging_linter, running_server
from lint_service import lint
from lint_service.web.app import create_app
from lint_service.web.lt_format import Annotated, Utf16Index


@pytest.fixture(scope="module")
def linter():
    return flagging_linter()


@pytest.fixture(scope="module")
def client(linter):
    return create_app(linter=linter).test_client()


def u16(s: str) -> int:
    return len(s.encode("utf-16-le")) // 2


def check(client, **params):
    r = client.post("/v2/check", data=params)
    assert r.status_code == 200, r.data
    return r.get_json()


def error_of(response, status: int) -> dict:
    assert response.status_code == status, response.data
    return response.get_json()["error"]


# --- shape ----------------------------------------------------------------------------------

def test_languages_lists_english_variants(client):
    langs = client.get("/v2/languages").get_json()
    assert {"name": "English (US)", "code": "en", "longCode": "en-US"} in langs
    assert all(set(lang) == {"name", "code", "longCode"} for lang in langs)


def test_response_has_languagetools_full_shape(client, linter):
    body = check(client, language="en-US", text="The job failed. Kenji forgot to renew it. Then it expired.")
    assert set(body) >= {"software", "warnings", "language", "matches"}
    assert set(body["software"]) >= {"name", "version", "buildDate", "apiVersion", "premium", "status"}
    assert body["software"]["apiVersion"] == 1
    assert body["language"]["code"] == "en-US" and body["language"]["name"] == "English (US)"
    assert body["language"]["detectedLanguage"]["code"] == "en-US"
    (m,) = body["matches"]
    assert set(m) == {"message", "shortMessage", "replacements", "offset", "length", "context", "sentence", "type",
                      "rule", "ignoreForIncompleteSentence", "contextForSureMatch"}
    assert m["replacements"] == [{"value": FLAG_SUGGESTION}]
    assert (m["offset"], m["length"]) == (22, 6)
    assert m["sentence"] == "Kenji forgot to renew it."
    ctx = m["context"]
    assert ctx["text"][ctx["offset"] : ctx["offset"] + ctx["length"]] == "forgot"
    assert m["rule"]["id"] == FLAG_RULE
    assert m["rule"]["description"] == linter.infos[FLAG_RULE].description
    assert m["rule"]["category"] == {"id": "BLAME", "name": "Blame"}
    assert m["rule"]["issueType"] == "style" and m["type"] == {"typeName": "Other"}


def test_context_is_trimmed_with_ellipses_and_no_line_breaks(client):
    text = "x" * 100 + "\nKenji forgot it.\n" + "y" * 100
    (m,) = check(client, language="en", text=text)["matches"]
    ctx = m["context"]
    assert ctx["text"].startswith("...") and ctx["text"].endswith("...") and "\n" not in ctx["text"]
    assert ctx["text"][ctx["offset"] : ctx["offset"] + ctx["length"]] == "forgot"


# --- UTF-16 offsets -------------------------------------------------------------------------

@pytest.mark.parametrize(
    "prefix",
    ["", "café — naïve. ", "😀 ", "😀🚀👩‍👩‍👧 family. ", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 math. ", "中文 and 𠀋 (CJK ext B). ", "🏳️‍🌈\n\n"],
)
def test_offsets_count_utf16_code_units(client, prefix):
    text = prefix + "Kenji forgot to renew the certificate 🔒."
    (m,) = check(client, language="en-US", text=text)["matches"]
    assert m["offset"] == u16(prefix + "Kenji ")
    assert m["length"] == 6
    # the context's offset is in UTF-16 units of the context text too
    ctx16 = m["context"]["text"].encode("utf-16-le")
    off, n = m["context"]["offset"], m["context"]["length"]
    assert ctx16[2 * off : 2 * (off + n)].decode("utf-16-le") == "forgot"


def test_utf16_index():
    text = "a😀b𝔘c"
    index = Utf16Index(text)
    assert [index.units(i) for i in range(len(text) + 1)] == [0, 1, 3, 4, 6, 7]


# --- form and JSON bodies -------------------------------------------------------------------

def test_form_and_json_bodies_agree(client):
    text = "😀 Kenji forgot the renewal."
    form = check(client, language="en-US", text=text)
    r = client.post("/v2/check", json={"language": "en-US", "text": text})
    assert r.status_code == 200 and r.get_json()["matches"] == form["matches"]


def test_json_body_takes_lists_and_booleans(client):
    r = client.post("/v2/check", json={"language": "en-US", "text": "Kenji forgot it.",
                                       "enabledRules": [FLAG_RULE], "enabledOnly": True})
    assert len(r.get_json()["matches"]) == 1


# --- annotated text (data) ------------------------------------------------------------------

ANNOTATION = [
    {"markup": "<p title='she forgot'>"},
    {"text": "😀 Kenji "},
    {"markup": "<b>"},
    {"text": "forgot"},
    {"markup": "</b>"},
    {"text": " the renewal."},
    {"markup": "<br/>", "interpretAs": "\n\n"},
    {"text": "Then 𝔘 Maya forgot the alert."},
    {"markup": "</p>"},
]


def full_text(annotation) -> str:
    return "".join(part.get("text", part.get("markup", "")) for part in annotation)


@pytest.mark.parametrize("as_json", [False, True])
def test_data_skips_markup_and_offsets_point_into_the_full_text(client, as_json):
    data = {"annotation": ANNOTATION}
    if as_json:
        r = client.post("/v2/check", json={"language": "en-US", "data": data})
        body = r.get_json()
    else:
        body = check(client, language="en-US", data=json.dumps(data))
    full = full_text(ANNOTATION)
    first = full.index("forgot", full.index("Kenji"))
    second = full.index("forgot", first + 1)
    assert [(m["offset"], m["length"]) for m in body["matches"]] == [(u16(full[:first]), 6), (u16(full[:second]), 6)]
    assert body["matches"][1]["sentence"] == "Then 𝔘 Maya forgot the alert."


def test_annotation_offsets_snap_to_interpreted_markup():
    a = Annotated.from_data({"annotation": [
        {"text": "ab"}, {"markup": "<x>", "interpretAs": "XY"}, {"text": "cd"}, {"markup": "<hidden>"}, {"text": "ef"},
    ]})
    assert a.lint_text == "abXYcdef" and a.full_text == "ab<x>cd<hidden>ef"
    assert [a.full_start(i) for i in range(9)] == [0, 1, 2, 2, 5, 6, 15, 16, 17]
    assert [a.full_end(i) for i in range(9)] == [0, 1, 2, 5, 5, 6, 7, 16, 17]


def test_yaml_reports_through_the_languagetool_api(client):
    ok = check(client, language="en", format="yaml", text="incident: {id: X}\ntimeline:\n  - {time: '08:02', event: Kenji forgot it}\n")
    assert [m["rule"]["id"] for m in ok["matches"]].count(FLAG_RULE) == 1
    r = client.post("/v2/check", data={"language": "en", "format": "yaml", "text": "- a\n- b\n"})
    assert error_of(r, 400)["code"] == "invalid_document"


@pytest.mark.parametrize(
    "data",
    ["not json", "[1, 2]", json.dumps({"annotations": []}), json.dumps({"annotation": [3]}),
     json.dumps({"annotation": [{"text": "a", "markup": "b"}]}), json.dumps({"annotation": [{}]}),
     json.dumps({"annotation": [{"text": 3}]}), json.dumps({"annotation": [{"text": "a", "interpretAs": "b"}]}),
     json.dumps({"annotation": [{"markup": "<b>", "interpretAs": None}]}),
     json.dumps({"annotation": [{"markup": "<b>", "note": "x"}]})],
)
def test_bad_data_is_400(client, data):
    assert error_of(client.post("/v2/check", data={"language": "en", "data": data}), 400)["code"] == "invalid_data"


# --- rule parameters ------------------------------------------------------------------------

TEXT = "Kenji forgot to renew it."


@pytest.mark.parametrize(
    "params, count",
    [
        ({}, 1),
        ({"disabledRules": FLAG_RULE}, 0),
        ({"disabledRules": f"MORFOLOGIK_RULE_EN_US, {FLAG_RULE}"}, 0),
        ({"disabledRules": "MORFOLOGIK_RULE_EN_US,UPPERCASE_SENTENCE_START"}, 1),
        ({"disabledCategories": "BLAME"}, 0),
        ({"disabledCategories": "TYPOS"}, 1),
        ({"enabledRules": FLAG_RULE, "enabledOnly": "true"}, 1),
        ({"enabledCategories": "blame", "enabledOnly": "true"}, 1),
        ({"enabledRules": "timeline.missing-timestamp", "enabledOnly": "true"}, 0),
        ({"enabledOnly": "true"}, 0),
        ({"enabledRules": FLAG_RULE, "disabledRules": FLAG_RULE}, 0),
        ({"enabledOnly": "false", "disabledRules": ""}, 1),
    ],
)
def test_rule_parameters(client, params, count):
    assert len(check(client, language="en-US", text=TEXT, **params)["matches"]) == count


@pytest.mark.parametrize("language, code", [("auto", "en-US"), ("en_GB", "en-GB"), ("EN-us", "en-US"),
                                            ("en", "en"), ("en-IE", "en"), (" en-US ", "en-US")])
def test_languages_accepted(client, language, code):
    assert check(client, language=language, text=TEXT)["language"]["code"] == code


# --- errors ---------------------------------------------------------------------------------

@pytest.mark.parametrize(
    "params, code",
    [
        ({"text": TEXT}, "missing_parameter"),
        ({"language": "", "text": TEXT}, "missing_parameter"),
        ({"language": "de-DE", "text": TEXT}, "unsupported_language"),
        ({"language": "en-US"}, "missing_parameter"),
        ({"language": "en-US", "text": TEXT, "data": '{"annotation": []}'}, "invalid_parameter"),
        ({"language": "en-US", "text": TEXT, "enabledOnly": "maybe"}, "invalid_parameter"),
        ({"language": "en-US", "text": TEXT, "format": "html"}, "invalid_parameter"),
        ({"language": "en-US", "data": '{"annotation": []}', "format": "markdown"}, "invalid_parameter"),
    ],
)
def test_bad_parameters_are_400(client, params, code):
    assert error_of(client.post("/v2/check", data=params), 400)["code"] == code


def test_wrong_types_in_json_are_400(client):
    for body in ({"language": 5, "text": TEXT}, {"language": "en", "text": TEXT, "enabledRules": None}, {"language": "en", "text": 5}, {"language": "en", "text": TEXT, "disabledRules": 5}):
        assert error_of(client.post("/v2/check", json=body), 400)["code"] == "invalid_parameter"


def test_non_utf8_form_is_400(client):
    r = client.post("/v2/check", data=b"language=en&text=caf%E9", content_type="application/x-www-form-urlencoded")
    assert error_of(r, 400)["code"] == "invalid_encoding"
    r = client.post("/v2/check", data="language=en&text=café".encode("latin-1"), content_type="application/x-www-form-urlencoded")
    assert error_of(r, 400)["code"] == "invalid_encoding"


def test_other_content_types_are_415_and_big_bodies_413(linter, client):
    assert error_of(client.post("/v2/check", data=b"text=a", content_type="text/plain"), 415)["code"] == "unsupported_media_type"
    small = create_app({"MAX_CONTENT_LENGTH": 100}, linter=linter).test_client()
    assert error_of(small.post("/v2/check", data={"language": "en", "text": "a" * 200}), 413)["code"] == "payload_too_large"


def test_multipart_form_is_accepted(client):
    r = client.post("/v2/check", data={"language": "en-US", "text": TEXT}, content_type="multipart/form-data")
    assert r.status_code == 200 and len(r.get_json()["matches"]) == 1


# --- replays of real clients' requests (written from how each client builds its body) --------

from urllib.parse import quote, urlencode  # noqa: E402

REPLAY_ANNOTATION = {"annotation": [
    {"markup": "# "}, {"text": "Timeline"}, {"markup": "\n\n"},
    {"text": "At noon 😀 Kenji "}, {"markup": "**"}, {"text": "forgot"}, {"markup": "**"},
    {"text": " the renewal. The pager stayed quiet."},
    {"markup": "\n\n- ", "interpretAs": "\n\n• "}, {"text": "Maya forgot the alert."},
]}
REPLAY_FULL = full_text(REPLAY_ANNOTATION["annotation"])


def replay_matches(client, body: str, content_type: str) -> list[dict]:
    r = client.post("/v2/check", data=body.encode("utf-8"), content_type=content_type)
    assert r.status_code == 200, r.data
    return r.get_json()


def expected_offsets() -> list[tuple[int, int]]:
    first = REPLAY_FULL.index("forgot")
    second = REPLAY_FULL.index("forgot", first + 1)
    return [(u16(REPLAY_FULL[:first]), 6), (u16(REPLAY_FULL[:second]), 6)]


def test_ltex_request_form_body_under_a_json_content_type(client):
    # ltex-ls: URL-encoded pairs (java URLEncoder: spaces as '+'), labelled application/json,
    # with its LanguageTool account, picky level, mother tongue and rules it enables.
    pairs = [("language", "en-US"), ("data", json.dumps(REPLAY_ANNOTATION, separators=(",", ":"))),
             ("username", "someone@example.org"), ("apiKey", "not-a-real-key"), ("level", "picky"),
             ("motherTongue", "de-DE"), ("enabledRules", f"{FLAG_RULE},EN_QUOTES")]
    body = replay_matches(client, urlencode(pairs), "application/json")
    assert [(m["offset"], m["length"]) for m in body["matches"]] == expected_offsets()
    assert all(m["rule"]["id"] == FLAG_RULE and m["replacements"] == [{"value": FLAG_SUGGESTION}] for m in body["matches"])
    assert body["matches"][0]["sentence"].endswith("forgot the renewal.")


def test_vscode_languagetool_linter_request(client):
    # the VS Code "LanguageTool Linter": a form (request's `form:`), its service parameters
    # and the remark annotation of a Markdown file.
    pairs = [("language", "auto"), ("motherTongue", "en-GB"), ("preferredVariants", "en-US"),
             ("disabledCategories", "TYPOS"), ("disabledRules", "WHITESPACE_RULE"), ("data", json.dumps(REPLAY_ANNOTATION))]
    body = replay_matches(client, urlencode(pairs), "application/x-www-form-urlencoded")
    assert [(m["offset"], m["length"]) for m in body["matches"]] == expected_offsets()
    assert body["language"]["code"] == "en-US"


def test_obsidian_plugin_request(client):
    # Obsidian's LanguageTool plugin: encodeURIComponent pairs, level=default, enabledOnly=false.
    params = {"data": json.dumps(REPLAY_ANNOTATION), "language": "auto", "enabledOnly": "false", "level": "default",
              "disabledCategories": "BLAME"}
    form = "&".join(f"{quote(k, safe='')}={quote(v, safe='')}" for k, v in params.items())
    assert replay_matches(client, form, "application/x-www-form-urlencoded")["matches"] == []
    del params["disabledCategories"]
    form = "&".join(f"{quote(k, safe='')}={quote(v, safe='')}" for k, v in params.items())
    matches = replay_matches(client, form, "application/x-www-form-urlencoded")["matches"]
    assert [(m["offset"], m["length"]) for m in matches] == expected_offsets()


def test_a_json_body_is_still_read_as_json(client):
    r = client.post("/v2/check", data=json.dumps({"language": "en", "text": "a=b. Kenji forgot it."}), content_type="application/json")
    assert r.status_code == 200 and len(r.get_json()["matches"]) == 1
    assert error_of(client.post("/v2/check", data=b"", content_type="application/json"), 400)["code"] == "invalid_json"
    assert error_of(client.post("/v2/check", data=b"{not json", content_type="application/json"), 400)["code"] == "invalid_json"


def test_sentence_ranges_are_the_parsers_sentences_in_utf16_units(client):
    text = "😀 The job failed. Kenji forgot to renew it.\n\nThe pager 🔔 stayed quiet."
    body = check(client, language="en-US", text=text)
    ranges = body["sentenceRanges"]
    as16 = text.encode("utf-16-le")
    shown = [as16[2 * a : 2 * b].decode("utf-16-le") for a, b in ranges]
    assert shown == ["😀 The job failed.", "Kenji forgot to renew it.", "The pager 🔔 stayed quiet."]


def test_sentence_ranges_point_into_the_annotated_full_text(client):
    body = check(client, language="en-US", data=json.dumps(REPLAY_ANNOTATION))
    as16 = REPLAY_FULL.encode("utf-16-le")
    shown = [as16[2 * a : 2 * b].decode("utf-16-le") for a, b in body["sentenceRanges"]]
    # markup inside a sentence stays inside its range
    assert any(s.endswith("At noon 😀 Kenji **forgot** the renewal.") for s in shown)
    assert shown[-2:] == ["The pager stayed quiet.", "Maya forgot the alert."]


@pytest.fixture(scope="module")
def info_client():
    # a linter whose only check reports an info-level rule that is off by default
    linter = flagging_linter()
    rule = next(rid for rid, info in linter.infos.items() if info.severity == "info" and not info.enabled)

    def check_info(ctx):
        for hit in flag_word_check(ctx):
            yield dataclasses.replace(hit, rule=rule)

    linter.checks = [((rule,), check_info)]
    return create_app(linter=linter).test_client(), rule


@pytest.mark.parametrize("level, count", [(None, 0), ("default", 0), ("picky", 1)])
def test_level_picky_turns_on_the_info_level_rules(info_client, level, count):
    client, rule = info_client
    params = {"language": "en-US", "text": TEXT} | ({"level": level} if level else {})
    matches = check(client, **params)["matches"]
    assert [m["rule"]["id"] for m in matches] == [rule] * count


def test_level_picky_does_not_override_disabled_rules_or_enabled_only(info_client):
    client, rule = info_client
    assert check(client, language="en-US", text=TEXT, level="picky", disabledRules=rule)["matches"] == []
    assert check(client, language="en-US", text=TEXT, level="picky", enabledOnly="true", enabledRules=FLAG_RULE)["matches"] == []


@pytest.mark.parametrize("level", ["pedantic", "PICKY", " picky"])
def test_unknown_level_is_400(client, level):
    assert error_of(client.post("/v2/check", data={"language": "en", "text": TEXT, "level": level}), 400)["code"] == "invalid_parameter"


# --- end to end: the real language_tool_python client against a real server ----------------

@pytest.fixture(scope="module")
def flagging_server():
    yield from running_server(wsgi_app="http_flagging_app:app", workers=1)


E2E_TEXT = "😀 Status: the 𝔘 job failed.\nKenji forgot to renew the certificate, and Maya forgot the alert 🔔."


def test_language_tool_python_client_end_to_end(flagging_server, linter):
    tool = language_tool_python.LanguageTool("en-US", remote_server=flagging_server.url)
    try:
        matches = tool.check(E2E_TEXT)
        corrected = tool.correct(E2E_TEXT)
    finally:
        tool.close()
    findings = linter.lint(E2E_TEXT).findings
    assert len(findings) == 2
    # the client turns UTF-16 offsets back into code points: they must equal ours
    assert [(m.offset, m.error_length, m.rule_id, m.replacements, m.message) for m in matches] == [
        (f.start, f.end - f.start, f.rule, f.suggestions, f.message) for f in findings
    ]
    assert [E2E_TEXT[m.offset : m.offset + m.error_length] for m in matches] == ["forgot", "forgot"]
    assert corrected == E2E_TEXT.replace("forgot", FLAG_SUGGESTION)


@pytest.fixture(scope="module")
def real_server():
    yield from running_server(workers=1)


def test_language_tool_python_with_the_real_engine(real_server):
    text = "🚀 John forgot to renew the certificate."
    tool = language_tool_python.LanguageTool("en-US", remote_server=real_server.url)
    try:
        matches = tool.check(text)
    finally:
        tool.close()
    findings = lint(text).findings
    assert any(f.rule.startswith("blame.") for f in findings)
    assert [(m.offset, m.error_length, m.rule_id, m.replacements) for m in matches] == [
        (f.start, f.end - f.start, f.rule, f.suggestions) for f in findings
    ]
