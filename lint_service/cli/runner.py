"""Linting many files: one Linter per process and config, optional worker processes.

The spaCy pipeline is the expensive part (load ~0.3 s), so a process builds one
:class:`Linter` per distinct config and keeps it. With ``--jobs N`` each worker
process does the same; results come back in any order and are sorted by path,
so the output is identical to a serial run.
"""
from __future__ import annotations

import concurrent.futures
import multiprocessing
import os
import sys
import time
from dataclasses import dataclass
from typing import Callable, TextIO

from ..config import Config
from ..findings import SEVERITY_RANK, Report
from .inputs import DEFAULT_MAX_BYTES, InputError, InputFileError, Source, detect_format, read_source

_LINTERS: dict[Config, object] = {}


def linter_for(config: Config):  # -> lint_service.Linter (imported lazily: spaCy is slow to import)
    linter = _LINTERS.get(config)
    if linter is None:
        from ..linter import Linter

        linter = _LINTERS[config] = Linter(config=config)
    return linter


@dataclass
class FileResult:
    """The outcome for one source: a report, or the reason it could not be linted."""

    path: str
    text: str = ""
    report: Report | None = None
    error: InputError | None = None

    def at_or_above(self, severity: str) -> int:
        if self.report is None:
            return 0
        floor = SEVERITY_RANK[severity]
        return sum(1 for f in self.report.findings if SEVERITY_RANK[f.severity] >= floor)


def lint_source(
    source: Source, config: Config, text: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES
) -> FileResult:
    """Read (unless ``text`` is given), detect the format and lint one source."""
    try:
        if text is None:
            text = read_source(source, max_bytes=max_bytes)
        fmt = detect_format(text, None if source.fs_path is None and source.path == "-" else source.path)
        report = linter_for(config).lint(text, format=fmt)
    except InputFileError as exc:
        return FileResult(source.path, error=exc.error)
    except ValueError as exc:  # the linter's word for invalid input (broken YAML, ...)
        return FileResult(source.path, text=text or "", error=InputError(source.path, f"invalid input: {exc}"))
    except Exception as exc:  # noqa: BLE001 - one broken file must not hide the others' findings
        reason = f"internal error: {type(exc).__name__}: {exc} (please report this with the file)"
        return FileResult(source.path, text=text or "", error=InputError(source.path, reason))
    return FileResult(source.path, text=text, report=report)


def _task(args: tuple[Source, Config, str | None, int]) -> FileResult:
    return lint_source(*args)


class Progress:
    """A one-line progress bar on a terminal stream; no-op when ``stream`` is None."""

    def __init__(self, total: int, stream: TextIO | None) -> None:
        self.total, self.done, self.stream = total, 0, stream
        self._last = 0.0

    def advance(self, path: str) -> None:
        self.done += 1
        if self.stream is None:
            return
        now = time.monotonic()
        if now - self._last < 0.05 and self.done < self.total:
            return  # redrawing faster than the eye can see costs time on slow terminals
        self._last = now
        width = 30
        filled = width * self.done // max(self.total, 1)
        name = path if len(path) <= 40 else "…" + path[-39:]
        self.stream.write(f"\r\x1b[2K[{'#' * filled}{'.' * (width - filled)}] {self.done}/{self.total} {name}")
        self.stream.flush()

    def close(self) -> None:
        if self.stream is not None:
            self.stream.write("\r\x1b[2K")
            self.stream.flush()


def lint_all(
    sources: list[Source],
    config_for: Callable[[Source], Config],
    jobs: int = 1,
    progress: TextIO | None = None,
    stdin_text: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> list[FileResult]:
    """Lint every source; results sorted by path. ``stdin_text`` is the text of a
    standard-input source, already read by the caller; files over ``max_bytes`` are refused."""
    tasks = [(s, config_for(s), stdin_text if s.fs_path is None else None, max_bytes) for s in sources]
    bar = Progress(len(tasks), progress)
    results: list[FileResult] = []
    workers = min(jobs, len(tasks))
    try:
        if workers <= 1:
            for task in tasks:
                results.append(_task(task))
                bar.advance(task[0].path)
        else:
            # Build the linters here first: forked workers inherit the loaded pipeline and
            # rules instead of each loading its own (about a second apiece).
            for config in dict.fromkeys(t[1] for t in tasks):
                # one small lint also loads what loads lazily (lemminflect's tables)
                linter_for(config).lint("# Summary\n\nKenji forgot to renew the certificate.\n")
            context = multiprocessing.get_context("fork") if "fork" in multiprocessing.get_all_start_methods() else None
            with concurrent.futures.ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
                futures = [pool.submit(_task, t) for t in tasks]
                for fut in concurrent.futures.as_completed(futures):
                    result = fut.result()
                    results.append(result)
                    bar.advance(result.path)
    finally:
        bar.close()
    results.sort(key=lambda r: r.path)
    return results


def default_jobs(requested: int) -> int:
    """``--jobs 0`` means one worker per available CPU."""
    if requested > 0:
        return requested
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def progress_stream(count: int, quiet: bool) -> TextIO | None:
    """Standard error when a human is watching many files, else None."""
    if quiet or count < 10 or not sys.stderr.isatty() or os.environ.get("TERM") == "dumb":
        return None
    return sys.stderr
