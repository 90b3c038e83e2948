"""The language server: documents in, diagnostics, code actions and hovers out.

One :class:`~lint_service.linter.Linter` is loaded at start and shared by every
document (copies differ only in their config, so they share the pipeline and the
parse cache: an edit re-parses only the paragraphs it changed). Lints run one at a
time on a worker thread so the server keeps answering while spaCy works; edits are
debounced, and a result is published only if the buffer is still the one linted.
A bad document or request is logged and answered (an error diagnostic or an error
response); it never stops the server.
"""
from __future__ import annotations

import asyncio
import copy
import logging
import traceback
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import PurePath
from typing import Any

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from .. import __version__
from ..config import Config, ConfigError
from ..document import YamlReportError
from ..findings import Report
from ..linter import Linter
from .actions import code_actions
from .diagnostics import problem_diagnostic, to_diagnostics
from .hover import to_hover
from .positions import PositionMap, encoding_name
from .protocol import AnsweringProtocol
from .settings import LANGUAGE_FORMATS, WATCHED_CONFIG_NAMES, ConfigFinder, ServerSettings

log = logging.getLogger("blamelint.lsp")


@dataclass
class Linted:
    """The last lint of one open document."""

    version: int | None
    text: str
    format: str
    report: Report
    positions: PositionMap
    diagnostics: list[types.Diagnostic]


class BlamelintServer(LanguageServer):
    def __init__(self, linter: Linter | None = None) -> None:
        super().__init__("blamelint", __version__, text_document_sync_kind=types.TextDocumentSyncKind.Incremental,
                         protocol_cls=AnsweringProtocol)
        self._linter = linter
        self._linters: dict[str | None, Linter] = {}
        self.settings = ServerSettings()
        self.configs = ConfigFinder()
        self.linted: dict[str, Linted] = {}
        self._pending: dict[str, asyncio.Task[None]] = {}
        # one worker: spaCy's pipeline is not shared between threads, and lints of
        # successive edits should finish in order
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="blamelint-lint")

    # --- linting ---------------------------------------------------------------------------

    def base_linter(self) -> Linter:
        if self._linter is None:
            self._linter = Linter()
        return self._linter

    def _linter_for(self, config: Config) -> Linter:
        base = self.base_linter()
        if config.pipeline not in (None, base.config.pipeline):
            base = self._linters.get(config.pipeline) or self._linters.setdefault(config.pipeline, Linter(config))
        other = copy.copy(base)
        other.config = config
        return other

    def format_of(self, uri: str) -> str | None:
        if uri not in self.workspace.text_documents:
            return None
        return LANGUAGE_FORMATS.get((self.workspace.get_text_document(uri).language_id or "").lower())

    def lint_now(self, uri: str, text: str, fmt: str, version: int | None) -> Linted:
        """Lint one buffer (on the worker thread); never raises for a bad document."""
        positions = PositionMap(text, encoding_name(self.workspace.position_encoding))
        problems: list[types.Diagnostic] = []
        path = to_fs_path(uri) if uri.startswith("file:") else None
        try:
            base = self.configs.for_path(path)
        except (ConfigError, OSError) as err:
            problems.append(problem_diagnostic(f"blamelint configuration: {err}", positions))
            base = Config()
        report = Report(findings=[])
        try:
            report = self._linter_for(self.settings.apply(base)).lint(text, format=fmt)
        except YamlReportError as err:
            problems.append(problem_diagnostic(f"blamelint cannot read this YAML report: {err}", positions))
        except ValueError as err:  # a text longer than the pipeline's limit, ...
            problems.append(problem_diagnostic(f"blamelint cannot lint this document: {err}", positions))
        except Exception as err:  # noqa: BLE001  (a bug must not take the editor's server down)
            log.error("linting %s failed:\n%s", uri, traceback.format_exc())
            problems.append(problem_diagnostic(f"blamelint failed on this document ({type(err).__name__}: {err}); "
                                               "see the language server's log", positions))
        diagnostics = problems + to_diagnostics(report, positions, self.settings.rule_href)
        return Linted(version, text, fmt, report, positions, diagnostics)

    async def lint_and_publish(self, uri: str) -> None:
        fmt = self.format_of(uri)
        if fmt is None:
            return
        doc = self.workspace.get_text_document(uri)
        text, version = doc.source, doc.version
        linted = await asyncio.get_running_loop().run_in_executor(self._worker, self.lint_now, uri, text, fmt, version)
        current = self.workspace.text_documents.get(uri)
        if current is None or current.version != version:
            return  # closed or edited meanwhile: a newer lint is on its way
        self.linted[uri] = linted
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, diagnostics=linted.diagnostics, version=version)
        )

    async def current(self, uri: str) -> Linted | None:
        """The lint of the buffer as it is now (linting it if an edit is still pending)."""
        fmt = self.format_of(uri)
        if fmt is None:
            return None
        doc = self.workspace.get_text_document(uri)
        linted = self.linted.get(uri)
        if linted is not None and linted.text == doc.source:
            return linted
        return await asyncio.get_running_loop().run_in_executor(self._worker, self.lint_now, uri, doc.source, fmt, doc.version)

    def schedule(self, uri: str, delay_ms: int) -> None:
        pending = self._pending.pop(uri, None)
        if pending is not None:
            pending.cancel()

        async def later() -> None:
            try:
                if delay_ms:
                    await asyncio.sleep(delay_ms / 1000)
                await self.lint_and_publish(uri)
            except asyncio.CancelledError:
                raise
            except Exception:  # noqa: BLE001
                log.error("linting %s failed:\n%s", uri, traceback.format_exc())
            finally:
                if self._pending.get(uri) is task:
                    del self._pending[uri]

        task = asyncio.get_running_loop().create_task(later())
        self._pending[uri] = task

    def forget(self, uri: str) -> None:
        pending = self._pending.pop(uri, None)
        if pending is not None:
            pending.cancel()
        self.linted.pop(uri, None)
        self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    def use_settings(self, raw: Any) -> bool:
        """Adopt the editor's settings; False (and a message) when they are invalid."""
        try:
            self.settings = ServerSettings.from_client(raw)
        except ConfigError as err:
            log.warning("%s", err)
            self.window_show_message(types.ShowMessageParams(type=types.MessageType.Error, message=f"blamelint: {err}"))
            return False
        return True

    def relint_all(self) -> None:
        for uri in list(self.workspace.text_documents):
            if self.format_of(uri) is not None:
                self.schedule(uri, 0)


def create_server(linter: Linter | None = None) -> BlamelintServer:
    """The server with its features registered (``linter``: one already loaded, for tests)."""
    server = BlamelintServer(linter)

    @server.feature(types.INITIALIZE)
    def initialize(ls: BlamelintServer, params: types.InitializeParams) -> None:
        if params.initialization_options:
            ls.use_settings(params.initialization_options)

    @server.feature(types.INITIALIZED)
    async def initialized(ls: BlamelintServer, params: types.InitializedParams) -> None:
        await asyncio.get_running_loop().run_in_executor(ls._worker, ls.base_linter)  # load spaCy before the first edit
        await pull_settings(ls)
        await watch_config_files(ls)

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def did_change_watched_files(ls: BlamelintServer, params: types.DidChangeWatchedFilesParams) -> None:
        # A project's .blamelint.yaml or pyproject.toml was edited, created or deleted
        # outside the open documents: their findings may change although their text did not.
        if any(PurePath(to_fs_path(c.uri) or c.uri).name in WATCHED_CONFIG_NAMES for c in params.changes):
            ls.configs.forget()
            ls.relint_all()

    @server.feature(types.WORKSPACE_DID_CHANGE_CONFIGURATION)
    async def did_change_configuration(ls: BlamelintServer, params: types.DidChangeConfigurationParams) -> None:
        settings = params.settings
        if isinstance(settings, dict) and "blamelint" in settings:
            changed = ls.use_settings(settings)
        else:  # an empty "something changed" event: ask for the section
            changed = await pull_settings(ls)
        if changed:
            ls.relint_all()

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: BlamelintServer, params: types.DidOpenTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri, 0)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: BlamelintServer, params: types.DidChangeTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri, ls.settings.debounce_ms)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: BlamelintServer, params: types.DidCloseTextDocumentParams) -> None:
        ls.forget(params.text_document.uri)

    @server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION,
        types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix, types.CodeActionKind.SourceFixAll]),
    )
    async def code_action(ls: BlamelintServer, params: types.CodeActionParams) -> list[types.CodeAction] | None:
        linted = await ls.current(params.text_document.uri)
        if linted is None:
            return None
        only = [str(getattr(k, "value", k)) for k in params.context.only] if params.context.only else None
        return code_actions(params.text_document.uri, linted.text, linted.format, linted.report, linted.positions,
                            params.range, only, ls.settings.rule_href)

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    async def hover(ls: BlamelintServer, params: types.HoverParams) -> types.Hover | None:
        linted = await ls.current(params.text_document.uri)
        if linted is None:
            return None
        at = linted.positions.offset(params.position)
        found = [f for f in linted.report.findings if f.start <= at < f.end or (f.start == f.end == at)]
        if not found:
            return None
        start, end = min(f.start for f in found), max(f.end for f in found)
        return to_hover(found, ls.base_linter().infos, linted.positions.range(start, end))

    return server


async def watch_config_files(ls: BlamelintServer) -> None:
    """Ask a client that can watch files for us to tell us when a project configuration changes."""
    caps = ls.client_capabilities.workspace
    watched = caps.did_change_watched_files if caps is not None else None
    if watched is None or not watched.dynamic_registration:
        return  # the file's modification time is still checked on the next lint
    watchers = [types.FileSystemWatcher(glob_pattern=f"**/{name}") for name in WATCHED_CONFIG_NAMES]
    try:
        await ls.client_register_capability_async(types.RegistrationParams(registrations=[types.Registration(
            id="blamelint-config-files", method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
            register_options=types.DidChangeWatchedFilesRegistrationOptions(watchers=watchers))]))
    except Exception as err:  # noqa: BLE001  (a client that refuses keeps working without it)
        log.warning("client/registerCapability for configuration files failed: %s", err)


async def pull_settings(ls: BlamelintServer) -> bool:
    """Ask a client that supports ``workspace/configuration`` for the ``blamelint`` section."""
    caps = ls.client_capabilities.workspace
    if caps is None or not caps.configuration:
        return False
    try:
        result = await ls.workspace_configuration_async(
            types.ConfigurationParams(items=[types.ConfigurationItem(section="blamelint")])
        )
    except Exception as err:  # noqa: BLE001  (a client that fails the request keeps the old settings)
        log.warning("workspace/configuration failed: %s", err)
        return False
    value = result[0] if result else None
    return ls.use_settings(value) if isinstance(value, dict) else False


def run_stdio() -> None:
    # stderr is the editor's log of the server; pygls at INFO would write every message
    # it sends there, diagnostics and all, on every edit
    logging.basicConfig(level=logging.WARNING, format="blamelint-lsp %(levelname)s %(name)s: %(message)s")
    log.setLevel(logging.INFO)
    create_server().start_io()
