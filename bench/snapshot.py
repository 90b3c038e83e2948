"""Dump every finding blamelint reports on the corpora, to prove a change kept results identical.

    python bench/snapshot.py > /tmp/before.json     # before a performance change
    python bench/snapshot.py > /tmp/after.json      # after it
    cmp /tmp/before.json /tmp/after.json

Covers the dev documents, the real postmortems (with their templates), the bench
fixture and every labelled sentence (dev set and tests/data), each linted cold by
one Linter in a fixed order, so the output is deterministic for a given tree.
"""
from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared" / "corpus"
sys.path.insert(0, str(REPO))

from lint_service import Linter  # noqa: E402


def documents() -> list[Path]:
    roots = [SHARED / "dev" / "docs", SHARED / "real", REPO / "bench" / "data"]
    exts = {".md", ".markdown", ".txt", ".yaml", ".yml"}
    return sorted(p for root in roots for p in root.rglob("*") if p.suffix in exts)


def sentences() -> list[str]:
    out: list[str] = []
    for path in (SHARED / "dev" / "sentences.tsv", REPO / "tests" / "data" / "blame_sentences.tsv",
                 ):
        if path.exists():
            with path.open(encoding="utf-8", newline="") as fh:
                rows = list(csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
            out.extend(r[2] for r in rows[1:] if len(r) >= 3)
    return out


def main() -> int:
    linter = Linter()
    result: dict[str, object] = {}
    for path in documents():
        fmt = "yaml" if path.suffix in (".yaml", ".yml") else None
        try:
            report = linter.lint(path.read_text(encoding="utf-8"), format=fmt)
        except ValueError as exc:  # invalid input is a result too
            result[str(path.relative_to(REPO.parent))] = f"error: {exc}"
            continue
        result[str(path.relative_to(REPO.parent))] = [f.to_dict() for f in report.findings]
    result["sentences"] = [[f.to_dict() for f in linter.lint(s, format="text").findings] for s in sentences()]
    json.dump(result, sys.stdout, indent=1, sort_keys=True)
    print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
