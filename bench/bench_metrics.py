"""Metrics vs check: ``blamelint metrics`` over 1,000+ postmortems generated from the
real ones, against ``blamelint check`` over the same folder, in the same run.

    python bench/bench_metrics.py [--repeat N] [--copies K] [CORPUS]

The corpus (default ``../shared/corpus/real``) is copied ``K`` times into a temporary
folder (never into the repository): each copy gets another date in its file name, its
clock times shifted, and a reference number on every prose line, so neither command's
parse cache can answer a copy from an earlier one. Both commands run as fresh processes,
interleaved, medians of ``--repeat`` runs. Target: metrics takes less than half the time
check takes (it parses only timeline events and root causes).
"""
from __future__ import annotations

import argparse
import json
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _common import REAL_CORPUS, REPO, machine, verdict

TARGET = 0.5
EXTS = {".md", ".markdown", ".txt", ".yaml", ".yml"}
_CLOCK = re.compile(r"\b([01]?\d|2[0-3]):([0-5]\d)\b")
_DATE = re.compile(r"\b(19|20)(\d\d)-(\d\d)-(\d\d)\b")
_PROSE_LINE = re.compile(r"^(\s{0,3}(?:[-*]\s+|\d+\.\s+)?)([A-Za-z].*\S)\s*$")


def blamelint_cmd() -> list[str]:
    exe = Path(sys.executable).with_name("blamelint")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "lint_service.cli"]


def variant(text: str, k: int, rng: random.Random) -> str:
    shift = rng.randrange(1, 600)

    def clock(m: re.Match[str]) -> str:
        total = (int(m.group(1)) * 60 + int(m.group(2)) + shift) % 1440
        return f"{total // 60:02d}:{total % 60:02d}"

    out = []
    in_code = False
    for i, line in enumerate(text.split("\n")):
        if line.lstrip().startswith(("```", "~~~")):
            in_code = not in_code
        m = _PROSE_LINE.match(line) if not in_code else None
        if m and not line.lstrip().startswith(("#", "|", "<", ">")):
            line = f"{m.group(1)}{m.group(2)} Ref {k}-{i}."
        out.append(_CLOCK.sub(clock, line))
    return "\n".join(out)


def generate(corpus: Path, copies: int, target: Path) -> list[Path]:
    rng = random.Random(13)
    sources = sorted(p for p in corpus.rglob("*") if p.suffix in EXTS and p.name != "MANIFEST.md")
    made = []
    for k in range(copies):
        year = 2015 + k % 10
        for src in sources:
            name = _DATE.sub(lambda m: f"{year}-{m.group(3)}-{m.group(4)}", src.name)
            path = target / f"{k:03d}-{name}"
            path.write_text(variant(src.read_text(encoding="utf-8"), k, rng), encoding="utf-8")
            made.append(path)
    return made


def run_timed(cmd: list[str]) -> tuple[float, subprocess.CompletedProcess]:
    started = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=REPO, env={**os.environ, "NO_COLOR": "1"})
    return time.perf_counter() - started, proc


def run(corpus: Path, repeat: int, copies: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory(prefix="blamelint-metrics-bench-") as tmp:
        files = generate(corpus, copies, Path(tmp))
        sides = {
            "blamelint check": blamelint_cmd() + ["check", "--format", "json", "--fail-on", "never", "-q", tmp],
            "blamelint metrics": blamelint_cmd() + ["metrics", "--format", "json", "-q", tmp],
        }
        times: dict[str, list[float]] = {k: [] for k in sides}
        summary = None
        for _ in range(repeat):
            for name, cmd in sides.items():
                elapsed, proc = run_timed(cmd)
                if proc.returncode not in (0, 1):
                    raise SystemExit(f"bench_metrics: {name} exited {proc.returncode}:\n{proc.stderr[-2000:]}")
                times[name].append(elapsed)
                if name.endswith("metrics") and summary is None:
                    summary = json.loads(proc.stdout)["summary"]
    med = {k: statistics.median(v) for k, v in times.items()}
    ratio = med["blamelint metrics"] / med["blamelint check"]
    print(f"== metrics vs check: {len(files)} postmortems generated from {corpus} ({copies} copies); median of {repeat}")
    print(f"   blamelint check      {med['blamelint check']:7.2f} s")
    print(f"   blamelint metrics    {med['blamelint metrics']:7.2f} s   "
          f"({summary['incidents']} incidents, {summary['with_all_milestones']} with all four milestones)")
    print(f"   metrics / check      {ratio:.2f}   target < {TARGET}  {verdict(ratio < TARGET)}")
    return {"metrics_ratio": ratio}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", nargs="?", type=Path, default=REAL_CORPUS)
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--copies", type=int, default=20)
    args = ap.parse_args(argv)
    if not args.corpus.is_dir():
        print(f"bench_metrics: {args.corpus} is not a folder (the real corpus lives in ../shared)", file=sys.stderr)
        return 2
    print(f"machine: {machine()}")
    run(args.corpus, args.repeat, args.copies)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
