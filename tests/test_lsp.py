"""``blamelint lsp`` driven by a real LSP client (pytest-lsp) over standard input/output.

The server runs the real engine; each test compares what the client receives with
what the library reports for the same text, so the tests check the translation
(positions, codes, edits), not the engine's current wording.
"""
from __future__ import annotations

import asyncio

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient

from lint_service import Linter
from lsp_support import CONFIG, apply_edits, diagnostics_for, lsp_position, mark, open_doc, recording_client, replace_all

pytestmark = pytest.mark.asyncio(loop_scope="module")

BLAME = "Kenji forgot to renew the certificate."
CLEAN = "The certificate was not renewed."


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter()


@pytest_lsp.fixture(scope="module", config=CONFIG)
async def client(lsp_client: LanguageClient):
    await lsp_client.initialize_session(types.InitializeParams(
        capabilities=types.ClientCapabilities(workspace=types.WorkspaceClientCapabilities(
            configuration=True,
            did_change_watched_files=types.DidChangeWatchedFilesClientCapabilities(dynamic_registration=True)))))
    yield
    await lsp_client.shutdown_session()


def blame(diags: list[types.Diagnostic]) -> list[types.Diagnostic]:
    return [d for d in diags if str(d.code).startswith("blame.")]


async def open_with_one_blame(client: LanguageClient, uri: str, text: str, language: str = "markdown") -> types.Diagnostic:
    since = mark(client)
    open_doc(client, uri, text, language=language)
    (diag,) = blame(await diagnostics_for(client, uri, 1, since))
    return diag


def expected_ranges(text: str, fmt: str, linter: Linter, encoding: str = "utf-16") -> list[tuple]:
    return [(f.rule, lsp_position(text, f.start, encoding), lsp_position(text, f.end, encoding))
            for f in linter.lint(text, format=fmt).findings]


def got_ranges(diags: list[types.Diagnostic]) -> list[tuple]:
    return [(d.code, (d.range.start.line, d.range.start.character), (d.range.end.line, d.range.end.character))
            for d in diags if d.code]


async def actions_at(client: LanguageClient, uri: str, diag: types.Diagnostic, only=None) -> list[types.CodeAction]:
    result = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=uri), range=diag.range,
        context=types.CodeActionContext(diagnostics=[diag], only=only)))
    return list(result or [])


# --- diagnostics ----------------------------------------------------------------------------

async def test_diagnostics_on_open_carry_rule_source_docs_and_severity(client: LanguageClient, linter):
    uri = "untitled:open.md"
    text = f"# Summary\n\nThe job failed. {BLAME}\n"
    since = mark(client)
    open_doc(client, uri, text)
    diags = await diagnostics_for(client, uri, 1, since)
    assert got_ranges(diags) == expected_ranges(text, "markdown", linter)
    (d,) = blame(diags)
    assert d.source == "blamelint" and d.severity == types.DiagnosticSeverity.Warning
    assert d.code_description is not None and str(d.code).replace(".", "") in d.code_description.href
    assert d.message == next(f.message for f in linter.lint(text, format="markdown").findings if f.rule == d.code)


async def test_every_edit_is_relinted_and_close_clears(client: LanguageClient):
    uri = "untitled:edits.md"
    since = mark(client)
    open_doc(client, uri, f"{CLEAN}\n")
    assert blame(await diagnostics_for(client, uri, 1, since)) == []
    since = mark(client)
    replace_all(client, uri, f"{CLEAN}\n", 2)
    replace_all(client, uri, f"{CLEAN} {BLAME}\n", 3)  # within the debounce: only the last is linted
    diags = await diagnostics_for(client, uri, 3, since)
    assert [d.code for d in blame(diags)] == ["blame.person-subject"]
    assert not [p for p in client.published.events[since:] if p.uri == uri and p.version == 2]
    since = mark(client)
    client.text_document_did_close(types.DidCloseTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=uri)))
    assert await diagnostics_for(client, uri, None, since) == []


@pytest.mark.parametrize("text", [
    "😀🚀 Status: degraded.\r\n\r\nWe shipped 👩‍👩‍👧 fast. " + BLAME + "\r\n",
    "Line one 𝔘.\rOld Mac line 🚀. " + BLAME + "\r\n\r\n" + "中文 then " + BLAME.replace("Kenji", "Maya") + "\n",
])
async def test_positions_around_emoji_and_crlf_are_utf16(client: LanguageClient, linter, text):
    uri = f"untitled:pos-{abs(hash(text))}.txt"
    since = mark(client)
    open_doc(client, uri, text, language="plaintext")
    diags = await diagnostics_for(client, uri, 1, since)
    assert blame(diags) and got_ranges(diags) == expected_ranges(text, "text", linter)


@pytest_lsp.fixture(scope="module", config=CONFIG)
async def utf8_client(lsp_client: LanguageClient):
    await lsp_client.initialize_session(types.InitializeParams(capabilities=types.ClientCapabilities(
        general=types.GeneralClientCapabilities(position_encodings=[types.PositionEncodingKind.Utf8]))))
    yield
    await lsp_client.shutdown_session()


async def test_a_client_offering_utf8_gets_utf8_positions(utf8_client: LanguageClient, linter):
    uri = "untitled:utf8.txt"
    text = "Café 😀 notes.\r\n" + BLAME + "\r\n"
    since = mark(utf8_client)
    open_doc(utf8_client, uri, text, language="plaintext")
    diags = await diagnostics_for(utf8_client, uri, 1, since)
    assert blame(diags) and got_ranges(diags) == expected_ranges(text, "text", linter, "utf-8")


# --- code actions ---------------------------------------------------------------------------

async def test_quick_fix_applied_and_the_relint_is_clean(client: LanguageClient, linter):
    uri = "untitled:fix.md"
    text = f"Status 🔥 update.\r\n\r\n{BLAME}\r\n"
    diag = await open_with_one_blame(client, uri, text)
    actions = await actions_at(client, uri, diag)
    fixes = [a for a in actions if a.title.startswith("Replace with")]
    suggestions = next(f.suggestions for f in linter.lint(text, format="markdown").findings if f.rule == diag.code)
    assert [a.title for a in fixes] == [f"Replace with “{s}”" for s in suggestions]
    assert fixes[0].is_preferred and fixes[0].kind == "quickfix" and list(fixes[0].diagnostics) == [diag]
    fixed = apply_edits(text, fixes[0].edit.changes[uri])
    assert fixed == text.replace(BLAME, suggestions[0])
    since = mark(client)
    replace_all(client, uri, fixed, 2)
    assert blame(await diagnostics_for(client, uri, 2, since)) == []


@pytest.mark.parametrize("language, text, comment", [
    ("markdown", f"# Notes\n\n- The deploy ran.\n- {BLAME}\n", "<!-- blamelint-disable-next-line blame.person-subject -->\n"),
    ("plaintext", f"Notes:\r\n{BLAME}\r\n", "# blamelint: disable=blame.person-subject\r\n"),
    ("yaml", "incident: {id: INC-1}\ntimeline:\n  - {time: '08:02', event: " + BLAME.rstrip(".") + "}\n",
     "# blamelint: disable=blame.person-subject\n"),
])
async def test_disable_for_this_line_writes_the_files_own_syntax(client: LanguageClient, language, text, comment):
    uri = f"untitled:disable-{language}"
    diag = await open_with_one_blame(client, uri, text, language)
    (action,) = [a for a in await actions_at(client, uri, diag) if a.title.startswith("Disable")]
    assert action.title == "Disable blame.person-subject for this line"
    disabled = apply_edits(text, action.edit.changes[uri])
    assert comment in disabled and disabled.replace(comment.strip(), "").split() == text.split()
    since = mark(client)
    replace_all(client, uri, disabled, 2)
    assert blame(await diagnostics_for(client, uri, 2, since)) == []


async def test_no_disable_action_where_a_comment_would_break_a_table(client: LanguageClient):
    uri = "untitled:table.md"
    text = f"| When | What |\n|---|---|\n| 08:02 | Deploy started. |\n| 08:10 | {BLAME} |\n"
    diag = await open_with_one_blame(client, uri, text)
    titles = [a.title for a in await actions_at(client, uri, diag)]
    assert titles and not [t for t in titles if t.startswith("Disable")]


async def test_apply_all_blame_rewrites_in_this_file(client: LanguageClient):
    uri = "untitled:all.md"
    text = f"# Timeline\n\n- 08:02 {BLAME}\n- 08:10 Maya forgot to page the on-call engineer.\n"
    since = mark(client)
    open_doc(client, uri, text)
    diags = blame(await diagnostics_for(client, uri, 1, since))
    assert len(diags) == 2
    (action,) = await actions_at(client, uri, diags[0], only=[types.CodeActionKind.SourceFixAll])
    assert action.title.startswith("Apply all blame rewrites in this file") and action.kind == "source.fixAll.blamelint"
    fixed = apply_edits(text, action.edit.changes[uri])
    since = mark(client)
    replace_all(client, uri, fixed, 2)
    assert blame(await diagnostics_for(client, uri, 2, since)) == []


# --- hover ----------------------------------------------------------------------------------

async def test_hover_on_a_finding_explains_the_rule(client: LanguageClient, linter):
    uri = "untitled:hover.md"
    text = f"{CLEAN} {BLAME}\n"
    diag = await open_with_one_blame(client, uri, text)
    inside = types.Position(line=diag.range.start.line, character=diag.range.start.character + 2)
    hover = await client.text_document_hover_async(types.HoverParams(text_document=types.TextDocumentIdentifier(uri=uri), position=inside))
    info = linter.infos[str(diag.code)]
    assert hover.contents.kind == types.MarkupKind.Markdown
    assert str(diag.code) in hover.contents.value and " ".join(info.explanation.split()) in hover.contents.value
    outside = types.Position(line=0, character=1)
    assert await client.text_document_hover_async(types.HoverParams(text_document=types.TextDocumentIdentifier(uri=uri), position=outside)) is None


# --- configuration --------------------------------------------------------------------------

async def test_project_config_is_found_upward_from_the_document(client: LanguageClient, tmp_path):
    (tmp_path / ".blamelint.yaml").write_text("disable: [blame.person-subject]\n", encoding="utf-8")
    (tmp_path / "postmortems").mkdir()
    uri = (tmp_path / "postmortems" / "pm.md").as_uri()
    since = mark(client)
    open_doc(client, uri, f"{BLAME}\n")
    diags = await diagnostics_for(client, uri, 1, since)
    assert "blame.person-subject" not in [d.code for d in diags]


async def test_a_broken_project_config_is_one_error_and_the_defaults_apply(client: LanguageClient, tmp_path):
    (tmp_path / ".blamelint.yaml").write_text("disable: [no-such-rule]\n", encoding="utf-8")
    uri = (tmp_path / "pm.md").as_uri()
    since = mark(client)
    open_doc(client, uri, f"{BLAME}\n")
    diags = await diagnostics_for(client, uri, 1, since)
    (problem,) = [d for d in diags if d.code is None]
    assert ".blamelint.yaml" in problem.message and "no-such-rule" in problem.message
    assert problem.severity == types.DiagnosticSeverity.Error
    assert blame(diags)


async def test_the_server_asks_to_be_told_of_config_file_changes(client: LanguageClient):
    for _ in range(100):  # registered right after "initialized", while spaCy loads
        if client.registrations:
            break
        await asyncio.sleep(0.1)
    (registration,) = [r for r in client.registrations if r.method == types.WORKSPACE_DID_CHANGE_WATCHED_FILES]
    # the client receives the options as plain JSON (they are typed only by the method)
    globs = [w["globPattern"] for w in registration.register_options["watchers"]]
    assert set(globs) >= {"**/.blamelint.yaml", "**/pyproject.toml"}


async def test_an_edited_project_config_relints_open_documents(client: LanguageClient, tmp_path):
    uri = (tmp_path / "pm.md").as_uri()
    since = mark(client)
    open_doc(client, uri, f"{BLAME}\n")
    assert blame(await diagnostics_for(client, uri, 1, since))
    config = tmp_path / ".blamelint.yaml"
    config.write_text("disable: [blame.person-subject]\n", encoding="utf-8")
    since = mark(client)
    client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(
        changes=[types.FileEvent(uri=config.as_uri(), type=types.FileChangeType.Created)]))
    assert "blame.person-subject" not in [d.code for d in await diagnostics_for(client, uri, None, since)]
    config.unlink()
    since = mark(client)
    client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(
        changes=[types.FileEvent(uri=config.as_uri(), type=types.FileChangeType.Deleted)]))
    assert blame(await diagnostics_for(client, uri, None, since))


async def test_editor_settings_change_the_rules_and_bad_ones_are_reported(client: LanguageClient):
    uri = "untitled:settings.md"
    since = mark(client)
    open_doc(client, uri, f"{BLAME}\n")
    assert blame(await diagnostics_for(client, uri, 1, since))
    since = mark(client)
    client.workspace_did_change_configuration(types.DidChangeConfigurationParams(settings={"blamelint": {"disable": ["blame."]}}))
    assert blame(await diagnostics_for(client, uri, 1, since)) == []
    shown = len(client.messages)
    client.workspace_did_change_configuration(types.DidChangeConfigurationParams(settings={"blamelint": {"disable": ["no-such-rule"]}}))
    for _ in range(100):
        if len(client.messages) > shown:
            break
        await asyncio.sleep(0.05)
    assert "no-such-rule" in client.messages[-1].message and client.messages[-1].type == types.MessageType.Error
    since = mark(client)
    client.workspace_did_change_configuration(types.DidChangeConfigurationParams(settings={"blamelint": {}}))
    assert blame(await diagnostics_for(client, uri, 1, since))


# --- robustness -----------------------------------------------------------------------------

async def test_a_bad_document_gets_one_error_diagnostic_and_other_languages_are_ignored(client: LanguageClient):
    since = mark(client)
    open_doc(client, "untitled:code.py", f"# {BLAME}\n", language="python")
    open_doc(client, "untitled:bad.yaml", "timeline: [unclosed\n", language="yaml")
    (diag,) = await diagnostics_for(client, "untitled:bad.yaml", 1, since)
    assert diag.severity == types.DiagnosticSeverity.Error and "YAML" in diag.message and diag.source == "blamelint"
    assert not [p for p in client.published.events[since:] if p.uri == "untitled:code.py"]
