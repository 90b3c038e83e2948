"""The language server's parts without a client: position conversion (property tests),
editor settings, where a suppression comment can go, and the raw JSON-RPC robustness."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lsprotocol import types

from lint_service.config import Config, ConfigError
from lint_service.findings import Finding, LineIndex
from lint_service.lsp.positions import PositionMap, encoding_name
from lint_service.lsp.settings import ServerSettings
from lint_service.lsp.suppression import disable_insertion
from lsp_support import RawServer, lsp_position, offset_at

ENCODINGS = ("utf-16", "utf-8", "utf-32")
TEXTS = st.lists(st.sampled_from(["a", " ", "é", "中", "😀", "𝔘", "\r", "\n", "\r\n", "\u200d"]), max_size=40).map("".join)


def _inside_crlf(text: str, offset: int) -> bool:
    return 0 < offset < len(text) and text[offset - 1] == "\r" and text[offset] == "\n"


@settings(max_examples=300, deadline=None)
@given(text=TEXTS, data=st.data(), encoding=st.sampled_from(ENCODINGS))
def test_positions_match_the_plain_computation_and_round_trip(text, data, encoding):
    offset = data.draw(st.integers(0, len(text)))
    if _inside_crlf(text, offset):
        offset -= 1
    positions = PositionMap(text, encoding)
    pos = positions.position(offset)
    assert (pos.line, pos.character) == lsp_position(text, offset, encoding)
    assert positions.offset(pos) == offset
    assert offset_at(text, pos.line, pos.character, encoding) == offset


@given(text=TEXTS)
def test_past_the_end_of_a_line_is_its_end(text):
    positions = PositionMap(text)
    for line in range(positions.line_count):
        start, end = positions.line_span(line)
        assert positions.offset(types.Position(line=line, character=10_000)) == end
    assert positions.offset(types.Position(line=positions.line_count + 3, character=0)) == len(text)


def test_encoding_names():
    assert encoding_name(types.PositionEncodingKind.Utf8) == "utf-8"
    assert encoding_name("utf-32") == "utf-32"
    assert encoding_name(None) == "utf-16" and encoding_name("latin-1") == "utf-16"


# --- editor settings ------------------------------------------------------------------------

def test_editor_settings_are_added_to_the_project_config():
    s = ServerSettings.from_client({"blamelint": {"disable": ["timeline."], "systems": ["Hermes"], "debounceMs": 50}})
    merged = s.apply(Config(disable=("blame.we-subject",), systems=("Atlas",)))
    assert merged.disable == ("blame.we-subject", "timeline.") and merged.systems == ("Atlas", "Hermes")
    assert s.debounce_ms == 50 and ServerSettings.from_client(None).apply(Config()) == Config()


@pytest.mark.parametrize("raw, key", [
    ({"blamelint": {"disable": ["no-such-rule"]}}, "no-such-rule"),
    ({"blamelint": {"colour": "red"}}, "colour"),
    ({"blamelint": {"pipeline": "en_core_web_md"}}, "pipeline"),
    ({"blamelint": {"debounceMs": -1}}, "debounceMs"),
    ({"blamelint": {"ruleDocsUrl": "https://example.org/rules"}}, "ruleDocsUrl"),
    ({"blamelint": 3}, "mapping"),
])
def test_bad_editor_settings_name_the_key(raw, key):
    with pytest.raises(ConfigError, match=key):
        ServerSettings.from_client(raw)


def test_rule_docs_link_template():
    s = ServerSettings.from_client({"ruleDocsUrl": "https://docs.example.org/rules/{rule}"})
    assert s.rule_href("blame.person-subject") == "https://docs.example.org/rules/blame.person-subject"


# --- where a suppression comment goes -------------------------------------------------------

RULE = "blame.person-subject"


def finding_at(text: str, needle: str) -> Finding:
    start = text.index(needle)
    end = start + len(needle)
    index = LineIndex(text)
    (line, col), (end_line, end_col) = index.position(start), index.position(end)
    return Finding(RULE, "blame", "warning", "m", start, end, line, col, end_line, end_col, needle)


def insert(text: str, fmt: str, needle: str) -> str | None:
    found = disable_insertion(text, fmt, finding_at(text, needle), PositionMap(text))
    if found is None:
        return None
    at, new = found
    return text[:at] + new + text[at:]


def test_markdown_comment_goes_above_the_line_with_its_indentation():
    text = "Intro.\n\n- first\n  - Kenji forgot it.\n"
    assert insert(text, "markdown", "Kenji forgot it.") == (
        "Intro.\n\n- first\n  <!-- blamelint-disable-next-line blame.person-subject -->\n  - Kenji forgot it.\n")


def test_markdown_table_row_and_code_block_get_no_comment():
    table = "| When | What |\n|---|---|\n| 08:00 | ok |\n| 08:10 | Kenji forgot it. |\n"
    assert insert(table, "markdown", "Kenji forgot it.") is None


def test_plain_text_comment_alone_above_keeps_crlf():
    text = "Notes:\r\nKenji forgot it.\r\n"
    assert insert(text, "text", "Kenji forgot it.") == "Notes:\r\n# blamelint: disable=blame.person-subject\r\nKenji forgot it.\r\n"


def test_yaml_comment_outside_strings_and_none_inside_a_block_scalar():
    flow = "timeline:\n  - {time: '08:02', event: Kenji forgot it}\n"
    assert insert(flow, "yaml", "Kenji forgot it") == (
        "timeline:\n  # blamelint: disable=blame.person-subject\n  - {time: '08:02', event: Kenji forgot it}\n")
    block = "root_causes:\n  - |\n    The job ran.\n    Kenji forgot it.\n"
    assert insert(block, "yaml", "Kenji forgot it.") is None


# --- raw JSON-RPC ---------------------------------------------------------------------------

def test_malformed_requests_are_answered_with_errors_and_the_server_lives():
    # raw JSON-RPC: a client library would refuse to send these
    with RawServer() as server:
        server.send({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}}})
        assert "capabilities" in server.response(1)["result"]
        server.send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
        server.send_raw(b"{this is not json")
        server.send({"jsonrpc": "2.0", "id": 2, "method": "textDocument/codeAction", "params": {"textDocument": 3, "range": "all"}})
        assert server.response(2)["error"]["code"] in (-32602, -32603)  # invalid params / internal error
        server.send({"jsonrpc": "2.0", "id": 3, "method": "blamelint/noSuchMethod", "params": {}})
        assert server.response(3)["error"]["code"] == -32601
        server.send({"jsonrpc": "2.0", "id": 4, "method": "textDocument/hover",
                     "params": {"textDocument": {"uri": "untitled:never-opened.md"}, "position": {"line": 0, "character": 0}}})
        assert server.response(4) == {"jsonrpc": "2.0", "id": 4, "result": None}
        server.send({"jsonrpc": "2.0", "id": 5, "method": "shutdown"})
        assert "error" not in server.response(5)
        server.send({"jsonrpc": "2.0", "method": "exit"})
        assert server.proc.wait(timeout=30) == 0




# --- the rule docs diagnostics link to ------------------------------------------------------

def test_rule_docs_page_has_a_section_for_every_rule():
    # (wording changes are caught by `python bench/rules_doc.py --check`; a rule without a
    # section is a dead link in every editor)
    import re

    from lint_service.checks.registry import rule_infos
    from lsp_support import ROOT

    page = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    # GitHub's anchor for a heading: lower case, punctuation other than '-' dropped
    anchors = {re.sub(r"[^\w\- ]", "", h.lower()).replace(" ", "-") for h in re.findall(r"^## (.+)$", page, re.M)}
    href = ServerSettings().rule_href
    assert {href(rid).rsplit("#", 1)[1] for rid in rule_infos()} <= anchors
