"""Incremental re-lint (an editor re-sending a document with one sentence changed) vs cold lint.

    python bench/bench_incremental.py [--repeat N] [FILE]

Each round lints the original document (untimed, as the editor's previous
request), then times the lint of a copy with one sentence changed, with a number
that makes the new text unseen so it really is parsed again. The cold side lints
an equally edited copy with an empty parse cache. Target: incremental / cold <= 0.15.
Every incremental report is compared with a cold lint of the same text.
"""
from __future__ import annotations

import gc
import statistics
import time
from pathlib import Path

from _common import FIXTURE, bench_main, verdict

from lint_service import Linter

TARGET = 0.15

# (sentence in the fixture, its replacement with {n} filled in per round): a plain
# edit, an edit that adds a blame finding, one that removes one, one in a table row
# and one that lengthens a sentence early on so every later offset shifts.
EDITS = (
    ("Three merchants with contractual uptime commitments received service credits.",
     "{n} merchants with contractual uptime commitments received service credits."),
    ("The incident is closed after two hours without new errors.",
     "Wei forgot to close the incident for {n} minutes."),
    ("Lukas pushed the change without checking which regions used the override.",
     "The change was applied at {n} past the hour without a per-region check."),
    ("Add a ledger degradation scenario to the payments game day",
     "Add a ledger degradation scenario {n} to the payments game day"),
    ("The change itself was small and reviewed.",
     "The change itself was small, touched {n} lines and was reviewed by two people."),
)


def edited(text: str, round_no: int) -> str:
    old, new = EDITS[round_no % len(EDITS)]
    if old not in text:
        raise SystemExit(f"bench_incremental: the fixture no longer contains {old!r}")
    return text.replace(old, new.format(n=1000 + round_no), 1)


def timed(fn) -> tuple[float, float]:
    gc.collect()
    w0, c0 = time.perf_counter(), time.process_time()
    fn()
    return time.perf_counter() - w0, time.process_time() - c0


def run(path: Path, repeat: int) -> dict[str, float]:
    text = path.read_text(encoding="utf-8")
    linter = Linter()
    reference = Linter(cache_size=0)  # never reuses a parse: the cold answer for comparison
    linter.lint(text)
    cold_w, cold_c, inc_w, inc_c, reparsed = [], [], [], [], []
    mismatches = 0
    for i in range(repeat):
        # cold: an edited copy, empty cache
        cold_text = edited(text, 2 * i)
        linter.parser.clear()
        w, c = timed(lambda: linter.lint(cold_text))
        cold_w.append(w)
        cold_c.append(c)
        # incremental: the editor's previous request, then the edit
        linter.lint(text)
        new_text = edited(text, 2 * i + 1)
        before = linter.parser.parsed_count
        result = {}
        w, c = timed(lambda: result.setdefault("r", linter.lint(new_text)))
        inc_w.append(w)
        inc_c.append(c)
        reparsed.append(linter.parser.parsed_count - before)
        reference.parser.clear()
        if [f.to_dict() for f in result["r"].findings] != [f.to_dict() for f in reference.lint(new_text).findings]:
            mismatches += 1
    cold = (statistics.median(cold_w), statistics.median(cold_c))
    inc = (statistics.median(inc_w), statistics.median(inc_c))
    ratio = inc[1] / cold[1]
    print(f"== incremental re-lint: {path.name}, {len(EDITS)} kinds of one-sentence edit, {repeat} rounds")
    print(f"   lint (cold)          {cold[0] * 1000:7.1f} ms wall {cold[1] * 1000:7.1f} ms cpu")
    print(f"   re-lint (1 edit)     {inc[0] * 1000:7.1f} ms wall {inc[1] * 1000:7.1f} ms cpu   "
          f"texts parsed per re-lint: median {statistics.median(reparsed):g}, max {max(reparsed)}")
    print(f"   re-lint / cold       cpu {ratio:.3f}  wall {inc[0] / cold[0]:.3f}   target <= {TARGET}  {verdict(ratio <= TARGET)}")
    print(f"   findings identical to a cold lint: {repeat - mismatches}/{repeat}  {verdict(mismatches == 0)}")
    return {"incremental_ratio": ratio, "incremental_mismatches": mismatches}


def main(argv: list[str] | None = None) -> int:
    return bench_main(__doc__, run, "file", FIXTURE, 15, argv)


if __name__ == "__main__":
    raise SystemExit(main())
