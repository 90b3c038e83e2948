"""Baselines: adopt blamelint on a repository that already has postmortems.

``blamelint check --write-baseline FILE`` records today's findings;
``blamelint check --baseline FILE`` reports (and fails on) only findings that are
not in it, as ruff, detekt and phpstan users expect. A finding matches a
baseline entry by rule, file and the flagged text (whitespace runs count as one
space), never by line, so editing other parts of a postmortem does not make old
findings new. Entries carry a count: a second identical finding in the same file
is new.

The file is JSON, sorted, one entry per (path, rule, text), paths relative to
the baseline file's folder with "/" separators (docs/ci.md)::

    {"tool": "blamelint", "version": 1,
     "findings": [{"path": "postmortems/2024-03-11.md", "rule": "blame.person-subject",
                   "text": "Kenji forgot to renew the certificate.", "count": 1}]}
"""
from __future__ import annotations

import dataclasses
import json
import os
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..findings import Finding
from .inputs import STDIN
from .runner import FileResult

VERSION = 1
_SPACES = re.compile(r"\s+")


class BaselineError(ValueError):
    """The baseline file cannot be read or is not a blamelint baseline (message names it)."""


@dataclass(frozen=True)
class Key:
    path: str
    rule: str
    text: str


def _normal_text(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


def _relative(path: str, folder: Path) -> str:
    """A result's path as the baseline stores it: relative to the baseline's folder."""
    if path == STDIN:
        return path
    rel = os.path.relpath(os.path.abspath(path), folder)
    return Path(rel).as_posix()


def _key(path: str, finding: Finding) -> Key:
    return Key(path, finding.rule, _normal_text(finding.text))


def _counts(results: list[FileResult], folder: Path) -> Counter[Key]:
    counts: Counter[Key] = Counter()
    for r in results:
        if r.report is None:
            continue
        rel = _relative(r.path, folder)
        counts.update(_key(rel, f) for f in r.report.findings)
    return counts


def write_baseline(path: str | Path, results: list[FileResult]) -> int:
    """Record the findings of ``results`` in ``path``; returns how many were recorded."""
    path = Path(path)
    counts = _counts(results, path.resolve().parent)
    entries = [
        {"path": k.path, "rule": k.rule, "text": k.text, "count": n}
        for k, n in sorted(counts.items(), key=lambda kv: (kv[0].path, kv[0].rule, kv[0].text))
    ]
    payload = {"tool": "blamelint", "version": VERSION, "findings": entries}
    try:
        path.write_text(json.dumps(payload, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    except OSError as exc:
        raise BaselineError(f"{path}: cannot write the baseline: {exc.strerror or exc}") from exc
    return sum(counts.values())


def _entry(item: Any, k: int, path: Path) -> tuple[Key, int]:
    where = f"{path}: findings[{k}]"
    if not isinstance(item, dict):
        raise BaselineError(f"{where} must be an object with path, rule, text and count")
    for name in ("path", "rule", "text"):
        if not isinstance(item.get(name), str):
            raise BaselineError(f"{where}: {name!r} must be a string")
    count = item.get("count", 1)
    if not isinstance(count, int) or isinstance(count, bool) or count < 1:
        raise BaselineError(f"{where}: 'count' must be a whole number of at least 1")
    return Key(item["path"], item["rule"], _normal_text(item["text"])), count


@dataclass
class Baseline:
    """Recorded findings, by key, and the folder their paths are relative to."""

    counts: Counter[Key]
    folder: Path
    path: str = ""

    def filter(self, results: list[FileResult]) -> tuple[list[FileResult], int, int]:
        """``results`` without the findings the baseline records; also how many findings
        it hid and how many recorded ones no longer occur (fixed, so the file can shrink)."""
        left = Counter(self.counts)
        out: list[FileResult] = []
        hidden = 0
        for r in results:
            if r.report is None:
                out.append(r)
                continue
            rel = _relative(r.path, self.folder)
            kept = []
            for f in r.report.findings:
                key = _key(rel, f)
                if left[key] > 0:
                    left[key] -= 1
                    hidden += 1
                else:
                    kept.append(f)
            out.append(dataclasses.replace(r, report=dataclasses.replace(r.report, findings=kept)))
        checked = {_relative(r.path, self.folder) for r in results if r.report is not None}
        stale = sum(n for k, n in left.items() if n > 0 and k.path in checked)
        return out, hidden, stale


def load_baseline(path: str | Path) -> Baseline:
    """Read a baseline written by :func:`write_baseline` (errors name the file and entry)."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BaselineError(f"{path}: no such baseline file (create it with --write-baseline {path})") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise BaselineError(f"{path}: cannot read the baseline: {exc}") from exc
    except json.JSONDecodeError as exc:
        raise BaselineError(f"{path}: invalid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}") from exc
    if not isinstance(data, dict) or data.get("tool") != "blamelint" or not isinstance(data.get("findings"), list):
        raise BaselineError(f"{path}: not a blamelint baseline (expected {{\"tool\": \"blamelint\", \"findings\": [...]}})")
    if data.get("version") != VERSION:
        raise BaselineError(f"{path}: baseline version {data.get('version')!r} is not supported (expected {VERSION})")
    counts: Counter[Key] = Counter()
    for k, item in enumerate(data["findings"]):
        key, n = _entry(item, k, path)
        counts[key] += n
    return Baseline(counts, path.resolve().parent, str(path))


def baseline_note(path: str, hidden: int, stale: int) -> str:
    """The line `check --baseline` prints on standard error."""
    note = f"blamelint: {hidden} finding{'s' if hidden != 1 else ''} recorded in {path} not reported"
    if stale:
        note += (f"; {stale} recorded finding{'s' if stale != 1 else ''} no longer "
                 f"occur{'s' if stale == 1 else ''} (run --write-baseline {path} to drop {'it' if stale == 1 else 'them'})")
    return note + "."
