"""Precision, recall and F1 of blame detection on labelled sentences.

    python bench/eval_blame.py                      # the dev set (../shared/corpus/dev/sentences.tsv)
    python bench/eval_blame.py tests/data/blame_sentences.tsv --misses

Each file is TSV with columns label (B/N), kind, sentence. A sentence counts as
flagged when linting it as plain text gives at least one ``blame.*`` finding.
Prints overall and per-kind figures and lists every miss.
"""
from __future__ import annotations

import argparse
import csv
import sys
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT = REPO.parent / "shared" / "corpus" / "dev" / "sentences.tsv"
sys.path.insert(0, str(REPO))

from lint_service import Linter  # noqa: E402


def read_tsv(path: Path) -> list[tuple[str, str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
    return [(r[0].strip(), r[1].strip(), r[2]) for r in rows[1:] if len(r) >= 3]


def evaluate(linter: Linter, rows: list[tuple[str, str, str]]) -> dict:
    tp = fp = fn = tn = 0
    per_kind: dict[str, list[int]] = defaultdict(lambda: [0, 0])  # correct, total
    misses = []
    for label, kind, sentence in rows:
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


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("files", nargs="*", type=Path, default=[DEFAULT])
    ap.add_argument("--misses", action="store_true", help="list every false positive and false negative")
    ap.add_argument("--per-kind", action="store_true", help="accuracy per label kind")
    args = ap.parse_args(argv)
    linter = Linter()
    for path in args.files:
        res = evaluate(linter, read_tsv(path))
        print(f"{path}: {res['tp'] + res['fn']} B, {res['fp'] + res['tn']} N")
        print(f"  precision {res['precision']:.3f}  recall {res['recall']:.3f}  F1 {res['f1']:.3f}  (tp {res['tp']} fp {res['fp']} fn {res['fn']} tn {res['tn']})")
        if args.per_kind:
            for kind, (ok, total) in sorted(res["per_kind"].items()):
                print(f"    {kind:32s} {ok:3d}/{total:<3d}")
        if args.misses or len(args.files) == 1:
            for label, kind, sentence, rule in res["misses"]:
                tag = "FN" if label == "B" else f"FP {rule}"
                print(f"  {tag:28s} [{kind}] {sentence}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
