"""A pytest-lsp client for ``blamelint lsp`` that records every published diagnostic
with its document version, so tests wait for the lint of the edit they made."""
from __future__ import annotations

import asyncio
import json
import re
import subprocess
import sys
import threading
from dataclasses import dataclass, field
from pathlib import Path

from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient, make_test_lsp_client

ROOT = Path(__file__).resolve().parent.parent
SERVER = [sys.executable, "-m", "lint_service.cli", "lsp"]
TIMEOUT = 120.0  # the first lint loads spaCy in the server process


@dataclass
class Published:
    events: list[types.PublishDiagnosticsParams] = field(default_factory=list)
    changed: asyncio.Event = field(default_factory=asyncio.Event)


def recording_client() -> LanguageClient:
    client = make_test_lsp_client()
    client.published = Published()  # type: ignore[attr-defined]
    original = client.protocol.fm.features[types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS]

    def record(params: types.PublishDiagnosticsParams) -> None:
        original(params)  # stored already bound to the client
        client.published.events.append(params)  # type: ignore[attr-defined]
        client.published.changed.set()  # type: ignore[attr-defined]

    client.protocol.fm.features[types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS] = record
    client.registrations = []  # type: ignore[attr-defined]

    @client.feature(types.CLIENT_REGISTER_CAPABILITY)
    def register(params: types.RegistrationParams) -> None:
        client.registrations.extend(params.registrations)  # type: ignore[attr-defined]

    return client


CONFIG = ClientServerConfig(server_command=SERVER, client_factory=recording_client)


async def diagnostics_for(client: LanguageClient, uri: str, version: int | None = None, since: int = 0,
                          timeout: float = TIMEOUT) -> list[types.Diagnostic]:
    """The first diagnostics published for ``uri`` (at ``version``) after event number ``since``."""
    published: Published = client.published  # type: ignore[attr-defined]
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    seen = since
    while True:
        for params in published.events[seen:]:
            if params.uri == uri and (version is None or params.version == version):
                return list(params.diagnostics)
        seen = len(published.events)
        published.changed.clear()
        remaining = deadline - loop.time()
        if remaining <= 0:
            raise TimeoutError(f"no diagnostics for {uri} version {version}")
        try:
            await asyncio.wait_for(published.changed.wait(), remaining)
        except asyncio.TimeoutError:
            raise TimeoutError(f"no diagnostics for {uri} version {version}") from None


def mark(client: LanguageClient) -> int:
    return len(client.published.events)  # type: ignore[attr-defined]


def open_doc(client: LanguageClient, uri: str, text: str, language: str = "markdown", version: int = 1) -> None:
    client.text_document_did_open(types.DidOpenTextDocumentParams(
        text_document=types.TextDocumentItem(uri=uri, language_id=language, version=version, text=text)))


def replace_all(client: LanguageClient, uri: str, text: str, version: int) -> None:
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
        content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)]))


_EOL = re.compile(r"\r\n|\r|\n")
_CODECS = {"utf-16": "utf-16-le", "utf-8": "utf-8", "utf-32": "utf-32-le"}
_WIDTH = {"utf-16": 2, "utf-8": 1, "utf-32": 4}


def lsp_position(text: str, offset: int, encoding: str = "utf-16") -> tuple[int, int]:
    """(line, character) of a code-point offset, computed the plain way (encode the line's prefix)."""
    line_start, line = 0, 0
    for m in _EOL.finditer(text):
        if m.end() > offset:
            break
        line_start, line = m.end(), line + 1
    prefix = text[line_start:offset]
    return line, len(prefix.encode(_CODECS[encoding])) // _WIDTH[encoding]


def offset_at(text: str, line: int, character: int, encoding: str = "utf-16") -> int:
    starts = [0] + [m.end() for m in _EOL.finditer(text)]
    pos, units = starts[line], 0
    while units < character:
        units += len(text[pos].encode(_CODECS[encoding])) // _WIDTH[encoding]
        pos += 1
    return pos


def apply_edits(text: str, edits: list[types.TextEdit], encoding: str = "utf-16") -> str:
    """Apply LSP text edits the way an editor does (positions in ``encoding`` units)."""
    def off(p: types.Position) -> int:
        return offset_at(text, p.line, p.character, encoding)

    spans = sorted(((off(e.range.start), off(e.range.end), e.new_text) for e in edits), reverse=True)
    for start, end, new in spans:
        text = text[:start] + new + text[end:]
    return text


class RawServer:
    """``blamelint lsp`` spoken to byte by byte, for messages no client library would send."""

    def __init__(self) -> None:
        self.proc = subprocess.Popen(SERVER, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, cwd=ROOT)
        # a server that never answers must fail the test, not hang it
        self._watchdog = threading.Timer(TIMEOUT, self.proc.kill)
        self._watchdog.daemon = True
        self._watchdog.start()

    def __enter__(self) -> "RawServer":
        return self

    def __exit__(self, *exc: object) -> None:
        self._watchdog.cancel()
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait()

    def send_raw(self, body: bytes) -> None:
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    def send(self, message: dict) -> None:
        self.send_raw(json.dumps(message).encode("utf-8"))

    def _read(self) -> dict:
        length = None
        while True:
            line = self.proc.stdout.readline()
            if not line:
                raise EOFError("the server closed its output")
            if line in (b"\r\n", b"\n"):
                break
            name, _, value = line.decode("ascii").partition(":")
            if name.lower() == "content-length":
                length = int(value)
        return json.loads(self.proc.stdout.read(length))

    def response(self, msg_id: int) -> dict:
        """The response to request ``msg_id`` (notifications and server requests are skipped)."""
        while True:
            message = self._read()
            if message.get("id") == msg_id and "method" not in message:
                return message
