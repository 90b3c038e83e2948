"""Precision, recall and F1 of blame detection on every labelled sentence set.

    python bench/eval_blame.py                       # every set (bench/labelled.py), per kind
    python bench/eval_blame.py real-tune --misses    # one set, listing its misses
    python bench/eval_blame.py my_sentences.tsv      # a TSV file of your own
    python bench/eval_blame.py real-tune-a real-tune-b  # real-tune's two halves (bench/tune_halves.py)

A sentence counts as flagged when linting it as plain text gives at least one
``blame.*`` finding. ``real-test`` (the held-back half of the real sentences) and
``synthetic-4`` (written blind to everything else) are held out:
report them, never tune on their misses (``--misses`` refuses to list them unless
``--show-test-misses`` is given). ``blind-c`` and ``blind-d`` (check sets by two more
writers) are check-only: ``--misses`` never lists them, by name or by path.
"""
from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from labelled import BLIND_FILES, CHECK_ONLY, HALVES, HELD_OUT, SET_NAMES, Row, load_path, load_set  # noqa: E402
from lint_service import Linter  # noqa: E402


def evaluate(linter: Linter, rows: list[Row] | list[tuple[str, str, str]]) -> dict:
    tp = fp = fn = tn = 0
    per_kind: dict[str, list[int]] = defaultdict(lambda: [0, 0])  # correct, total
    misses = []
    for row in rows:
        label, kind, sentence = (row.label, row.kind, row.sentence) if isinstance(row, Row) else row[:3]
        findings = [f for f in linter.lint(sentence, format="text").findings if f.category == "blame"]
        flagged = bool(findings)
        gold = label == "B"
        tp += gold and flagged
        fn += gold and not flagged
        fp += flagged and not gold
        tn += not gold and not flagged
        per_kind[f"{label} {kind}"][1] += 1
        if flagged == gold:
            per_kind[f"{label} {kind}"][0] += 1
        else:
            misses.append((label, kind, sentence, findings[0].rule if findings else ""))
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {"tp": tp, "fp": fp, "fn": fn, "tn": tn, "precision": p, "recall": r, "f1": f1, "per_kind": per_kind, "misses": misses}


def _check_only(name: str) -> bool:
    """A check-only set, named or given as its file."""
    return name in CHECK_ONLY or Path(name).name in {BLIND_FILES[n] for n in CHECK_ONLY}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("sets", nargs="*", default=list(SET_NAMES), help=f"set names ({', '.join(SET_NAMES)}) or TSV paths")
    ap.add_argument("--misses", action="store_true", help="list every false positive and false negative")
    ap.add_argument("--show-test-misses", action="store_true", help="also list real-test misses (reporting only)")
    ap.add_argument("--no-kinds", action="store_true", help="omit the per-kind table")
    args = ap.parse_args(argv)
    if missing := [n for n in args.sets if n not in SET_NAMES + HALVES and not Path(n).is_file()]:
        ap.error(f"{missing[0]!r} is neither a set ({', '.join(SET_NAMES + HALVES)}) nor a TSV file")
    linter = Linter()
    print(f"{'set':14s} {'B':>4s} {'N':>4s}  {'P':>5s}  {'R':>5s}  {'F1':>5s}   tp  fp  fn  tn")
    results = []
    for name in args.sets:
        rows = load_set(name) if name in SET_NAMES + HALVES else load_path(Path(name))
        if rows is None:
            print(f"{name:14s} skipped: its files are absent (../shared not found)")
            continue
        res = evaluate(linter, rows)
        results.append((name, res))
        print(f"{name:14s} {res['tp'] + res['fn']:4d} {res['fp'] + res['tn']:4d}  {res['precision']:.3f}  {res['recall']:.3f}  "
              f"{res['f1']:.3f}  {res['tp']:3d} {res['fp']:3d} {res['fn']:3d} {res['tn']:3d}")
    for name, res in results:
        if not args.no_kinds:
            print(f"\n{name}: correct / total per kind")
            for kind, (ok, total) in sorted(res["per_kind"].items()):
                print(f"    {kind:34s} {ok:3d}/{total:<3d}")
        if args.misses and _check_only(name):
            print(f"\n{name}: check-only set, misses not listed (tests/data/README.md)")
        elif args.misses and (name not in HELD_OUT or args.show_test_misses):
            for label, kind, sentence, rule in res["misses"]:
                tag = "FN" if label == "B" else f"FP {rule}"
                print(f"  {tag:28s} [{kind}] {sentence}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
