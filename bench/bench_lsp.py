"""Language server latency: from an edit of the unsaved buffer to fresh diagnostics.

    python bench/bench_lsp.py [--repeat N] [FILE]

A real LSP client (pygls) starts ``blamelint lsp`` on stdio with a known debounce,
opens the 1,500-word fixture, then sends one-sentence edits as incremental
``didChange`` notifications, one at a time, and times each until the
``publishDiagnostics`` of that version arrives. The figure is that time minus the
debounce: what the server adds (re-lint through the parse cache, conversion,
JSON-RPC both ways). Target: median <= 50 ms past the debounce. The baseline in the
same run is a cold in-process lint of the same document (empty parse cache), and
every edit's diagnostics are compared with an in-process lint of the same text.
"""
from __future__ import annotations

import asyncio
import statistics
import sys
import time
from pathlib import Path

from _common import FIXTURE, REPO, bench_main, verdict
from bench_incremental import EDITS
from lsprotocol import types
from pygls.lsp.client import LanguageClient

from lint_service import Linter

TARGET_MS = 50.0
DEBOUNCE_MS = 150


class Client(LanguageClient):
    def __init__(self) -> None:
        super().__init__("bench-lsp", "1")
        self.published: dict[tuple[str, int | None], tuple[float, list[types.Diagnostic]]] = {}
        self.arrived = asyncio.Event()

        @self.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def on_diagnostics(params: types.PublishDiagnosticsParams) -> None:
            self.published[(params.uri, params.version)] = (time.perf_counter(), list(params.diagnostics))
            self.arrived.set()

    async def wait(self, uri: str, version: int, timeout: float = 300.0) -> tuple[float, list[types.Diagnostic]]:
        deadline = time.perf_counter() + timeout
        while (uri, version) not in self.published:
            self.arrived.clear()
            await asyncio.wait_for(self.arrived.wait(), max(0.001, deadline - time.perf_counter()))
        return self.published[(uri, version)]


def utf16_position(text: str, offset: int) -> types.Position:
    line = text.count("\n", 0, offset)
    start = text.rfind("\n", 0, offset) + 1
    return types.Position(line=line, character=len(text[start:offset].encode("utf-16-le")) // 2)


def as_tuples(diags: list[types.Diagnostic]) -> list[tuple]:
    return [(d.code, d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character, d.message)
            for d in diags]


async def session(path: Path, repeat: int) -> dict[str, float]:
    text = path.read_text(encoding="utf-8")
    linter = Linter()
    linter.parser.clear()
    t0 = time.perf_counter()
    linter.lint(text, format="markdown")
    cold_ms = (time.perf_counter() - t0) * 1000

    client = Client()
    await client.start_io(sys.executable, "-m", "lint_service.cli", "lsp", cwd=str(REPO))
    await client.initialize_async(types.InitializeParams(
        capabilities=types.ClientCapabilities(), initialization_options={"blamelint": {"debounceMs": DEBOUNCE_MS}}))
    client.initialized(types.InitializedParams())
    uri = "untitled:postmortem-1500.md"
    client.text_document_did_open(types.DidOpenTextDocumentParams(
        text_document=types.TextDocumentItem(uri=uri, language_id="markdown", version=1, text=text)))
    await client.wait(uri, 1)

    latencies: list[float] = []
    mismatches = 0
    for i in range(repeat):
        old, template = EDITS[i % len(EDITS)]
        new = template.format(n=2000 + i)
        if i >= len(EDITS):  # the sentence was edited before: edit that version again, to a new number
            old = template.format(n=2000 + i - len(EDITS))
        start = text.index(old)
        version = i + 2
        change = types.TextDocumentContentChangePartial(
            range=types.Range(start=utf16_position(text, start), end=utf16_position(text, start + len(old))), text=new)
        text = text[:start] + new + text[start + len(old):]
        sent = time.perf_counter()
        client.text_document_did_change(types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version), content_changes=[change]))
        arrived, diags = await client.wait(uri, version)
        latencies.append((arrived - sent) * 1000 - DEBOUNCE_MS)
        expected = linter.lint(text, format="markdown").findings
        got = as_tuples(diags)
        if [(f.rule, f.message) for f in expected] != [(g[0], g[5]) for g in got]:
            mismatches += 1

    await client.shutdown_async(None)
    client.exit(None)
    await client.stop()

    median = statistics.median(latencies)
    p90 = sorted(latencies)[max(0, int(len(latencies) * 0.9) - 1)]
    words = len(text.split())
    print(f"== language server: {path.name} ({words} words), {repeat} one-sentence edits, debounce {DEBOUNCE_MS} ms")
    print(f"   cold in-process lint (baseline)   {cold_ms:7.1f} ms")
    print(f"   edit -> diagnostics past debounce median {median:6.1f} ms  p90 {p90:6.1f} ms  max {max(latencies):6.1f} ms")
    print(f"   past-debounce / cold lint          {median / cold_ms:.3f}")
    print(f"   median <= {TARGET_MS:g} ms past the debounce  {verdict(median <= TARGET_MS)}")
    print(f"   diagnostics equal to an in-process lint: {repeat - mismatches}/{repeat}  {verdict(mismatches == 0)}")
    return {"lsp_past_debounce_ms": median, "lsp_mismatches": mismatches}


def run(path: Path, repeat: int) -> dict[str, float]:
    return asyncio.run(session(path, repeat))


def main(argv: list[str] | None = None) -> int:
    return bench_main(__doc__, run, "file", FIXTURE, 15, argv)


if __name__ == "__main__":
    raise SystemExit(main())
