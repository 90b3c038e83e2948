"""Shared helpers for the bench/ scripts: the fixture, the pipeline, timing.

Every figure the scripts print is a ratio against a baseline measured in the
same run, so a busy machine slows both sides alike. Timings are medians of
repeated, interleaved runs; CPU time (this process) is reported beside wall
time because the machine is shared and wall time picks up other people's load.
"""
from __future__ import annotations

import gc
import platform
import statistics
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
FIXTURE = REPO / "bench" / "data" / "postmortem-1500.md"
REAL_CORPUS = SHARED / "corpus" / "real"
sys.path.insert(0, str(REPO))


@dataclass
class Timing:
    """Median wall and CPU seconds of repeated runs."""

    wall: float
    cpu: float
    runs: int

    def ms(self) -> str:
        return f"{self.wall * 1000:7.1f} ms wall {self.cpu * 1000:7.1f} ms cpu"


def measure(fns: dict[str, Callable[[], object]], repeat: int, setup: Callable[[], object] | None = None) -> dict[str, Timing]:
    """Time each function ``repeat`` times, interleaved (a, b, a, b, ...) so that
    load changes on the machine hit every side alike; ``setup`` runs untimed before
    each call. Garbage collection runs between calls, never inside one."""
    walls: dict[str, list[float]] = {k: [] for k in fns}
    cpus: dict[str, list[float]] = {k: [] for k in fns}
    for _ in range(repeat):
        for name, fn in fns.items():
            if setup is not None:
                setup()
            gc.collect()
            w0, c0 = time.perf_counter(), time.process_time()
            fn()
            cpus[name].append(time.process_time() - c0)
            walls[name].append(time.perf_counter() - w0)
    return {k: Timing(statistics.median(walls[k]), statistics.median(cpus[k]), repeat) for k in fns}


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        import os

        cores = len(os.sched_getaffinity(0))
    except AttributeError:
        cores = 0
    load = ""
    try:
        load = " load " + Path("/proc/loadavg").read_text().split()[0]
    except OSError:
        pass
    import spacy

    return f"{cpu}, {cores} cores{load}; Python {platform.python_version()}, spaCy {spacy.__version__}"


def words(text: str) -> int:
    """Whitespace-separated words: the unit of the words-per-second figures."""
    return len(text.split())


def verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def bench_main(doc: str | None, run: Callable[[Path, int], object], target_name: str, default: Path,
               repeat: int, argv: list[str] | None = None) -> int:
    """The command line every benchmark script shares: an optional path and --repeat."""
    import argparse

    ap = argparse.ArgumentParser(description=doc, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument(target_name, nargs="?", type=Path, default=default)
    ap.add_argument("--repeat", type=int, default=repeat)
    args = ap.parse_args(argv)
    print(f"machine: {machine()}")
    run(getattr(args, target_name), args.repeat)
    return 0


def stop_server(proc) -> None:
    """SIGTERM a server started by a bench, and kill it if it has not gone in 30 s."""
    import signal
    import subprocess

    proc.send_signal(signal.SIGTERM)
    try:
        proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=10)
