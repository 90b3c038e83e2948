"""Helpers for the HTTP tests: a linter with a predictable check, and real servers.

The blame engine decides *what* to flag; the HTTP layer only has to carry
findings faithfully. To test offsets (UTF-16, annotations) independently of the
engine's evolving rules, ``flagging_linter`` is a real Linter (real pipeline,
filters, suppression, config) whose only check flags one word.
"""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Iterator

import requests

from lint_service import Linter
from lint_service.checks.registry import Context
from lint_service.findings import Hit

ROOT = Path(__file__).resolve().parent.parent
FLAG_WORD = "forgot"
FLAG_RULE = "blame.person-subject"
FLAG_SUGGESTION = "did not"


def flag_word_check(ctx: Context) -> Iterator[Hit]:
    for prose, doc in ctx.parses:
        for tok in doc:
            if tok.lower_ == FLAG_WORD:
                start, end = prose.original_span(tok.idx, tok.idx + len(tok.text))
                yield Hit(FLAG_RULE, start, end, f"'{tok.text}' makes a person the cause.", (FLAG_SUGGESTION,))


def flagging_linter() -> Linter:
    linter = Linter()
    linter.checks = [((FLAG_RULE,), flag_word_check)]
    return linter


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """A real gunicorn server started through ``lint_service.web.serve.run`` in a subprocess."""

    def __init__(self, wsgi_app: str | None = None, workers: int = 2, env: dict[str, str] | None = None) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        options = f"workers={workers}" + (f", wsgi_app={wsgi_app!r}" if wsgi_app else "")
        code = f"from lint_service.web.serve import run; run('127.0.0.1', {self.port}, {options})"
        full_env = {**os.environ, "PYTHONPATH": f"{ROOT / 'tests'}{os.pathsep}{os.environ.get('PYTHONPATH', '')}", **(env or {})}
        self.log_path = Path(os.environ.get("TMPDIR", "/tmp")) / f"blamelint-server-{self.port}.log"
        self._log = open(self.log_path, "wb")
        self.proc = subprocess.Popen(
            [sys.executable, "-c", code], cwd=ROOT, env=full_env, stdout=self._log, stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def wait_ready(self, timeout: float = 60.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"the server exited with {self.proc.returncode}:\n{self.log()}")
            try:
                if requests.get(self.url + "/readyz", timeout=2).status_code == 200:
                    return
            except requests.RequestException:
                pass
            time.sleep(0.2)
        raise TimeoutError(f"the server was not ready within {timeout}s:\n{self.log()}")

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")[-4000:]

    def stop(self) -> None:
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)  # the gunicorn master and its workers
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait(timeout=5)
        self._log.close()


def running_server(**kwargs: object) -> Iterator[Server]:
    """A started, ready server for a fixture (``yield from running_server(...)``);
    stopped however the tests end."""
    server = Server(**kwargs)  # type: ignore[arg-type]
    try:
        server.wait_ready()
        yield server
    finally:
        server.stop()
