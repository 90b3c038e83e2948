"""Batch: ``blamelint check`` over a folder vs ``nlp.pipe`` over the same texts.

    python bench/bench_batch.py [--repeat N] [FOLDER]

Both sides run as fresh processes (imports and pipeline load included), timed
end to end by wall clock, interleaved, medians of ``--repeat`` runs. Words are
whitespace-separated words of every file blamelint checks. Targets: one job at
>= 0.8 of the baseline's words per second, and ``--jobs 2`` faster than one job.
"""
from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from _common import REAL_CORPUS, REPO, bench_main, verdict, words

TARGET = 0.8
EXTS = {".md", ".markdown", ".txt", ".yaml", ".yml"}


def blamelint_cmd() -> list[str]:
    exe = Path(sys.executable).with_name("blamelint")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "lint_service.cli"]


def run_timed(cmd: list[str]) -> tuple[float, subprocess.CompletedProcess]:
    started = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=REPO, env={**os.environ, "NO_COLOR": "1"})
    return time.perf_counter() - started, proc


def run(folder: Path, repeat: int) -> dict[str, float]:
    files = sorted(p for p in folder.rglob("*") if p.suffix in EXTS)
    total_words = sum(words(p.read_text(encoding="utf-8")) for p in files)
    check = blamelint_cmd() + ["check", "--format", "json", "--fail-on", "never", "-q"]
    sides = {
        "baseline: nlp.pipe": [sys.executable, str(REPO / "bench" / "_pipe_baseline.py"), *map(str, files)],
        "blamelint check --jobs 1": check + ["--jobs", "1", str(folder)],
        "blamelint check --jobs 2": check + ["--jobs", "2", str(folder)],
    }
    times: dict[str, list[float]] = {k: [] for k in sides}
    pipe_only: list[float] = []
    checked = None
    for _ in range(repeat):
        for name, cmd in sides.items():
            elapsed, proc = run_timed(cmd)
            if proc.returncode != 0:
                raise SystemExit(f"bench_batch: {' '.join(cmd[:4])} ... exited {proc.returncode}:\n{proc.stderr[-2000:]}")
            times[name].append(elapsed)
            if name.startswith("baseline"):
                pipe_only.append(float(proc.stdout.strip()))
            elif checked is None:
                out = json.loads(proc.stdout)
                checked = (len(out["files"]), sum(len(f["findings"]) for f in out["files"]))
    med = {k: statistics.median(v) for k, v in times.items()}
    base_wps = total_words / med["baseline: nlp.pipe"]
    one_wps = total_words / med["blamelint check --jobs 1"]
    two_wps = total_words / med["blamelint check --jobs 2"]
    print(f"== batch: {folder}, {len(files)} files, {total_words} words; blamelint checked {checked[0]} files, "
          f"{checked[1]} findings; median of {repeat}")
    print(f"   baseline: nlp.pipe           {med['baseline: nlp.pipe']:6.2f} s  {base_wps:7.0f} words/s  "
          f"(of which nlp.pipe alone {statistics.median(pipe_only):.2f} s)")
    print(f"   blamelint check --jobs 1     {med['blamelint check --jobs 1']:6.2f} s  {one_wps:7.0f} words/s")
    print(f"   blamelint check --jobs 2     {med['blamelint check --jobs 2']:6.2f} s  {two_wps:7.0f} words/s")
    print(f"   jobs 1 / baseline words/s    {one_wps / base_wps:.2f}   target >= {TARGET}  {verdict(one_wps / base_wps >= TARGET)}")
    print(f"   jobs 2 / jobs 1 words/s      {two_wps / one_wps:.2f}   target > 1.00  {verdict(two_wps > one_wps)}")
    return {"batch_ratio": one_wps / base_wps, "jobs2_speedup": two_wps / one_wps}


def main(argv: list[str] | None = None) -> int:
    return bench_main(__doc__, run, "folder", REAL_CORPUS, 3, argv)


if __name__ == "__main__":
    raise SystemExit(main())
