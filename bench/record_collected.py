"""Record the labels of the collected real sentences in the repository, without their text.

    python bench/record_collected.py            # ../collected/*/sentences.tsv -> tests/data/real2_labels.tsv
    python bench/record_collected.py --collections 'real3-*' -o tests/data/real3_labels.tsv

The collected sentences (``bench/labelled.py``: ``real2-*``, ``real3-*``) are other
people's words, so they stay outside the repository; what the repository keeps is each
row's label, kind, source URL (the reference that finds it again if ../collected is lost:
the collectors' READMEs there give their queries) and the hash of its sentence (:func:`labelled.sentence_key`),
which is enough to find the sentence again in the collected files and to notice when a
label there changed.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from labelled import COLLECTED, DATA, read_tsv, sentence_key  # noqa: E402

OUT = DATA / "real2_labels.tsv"


def collected_rows(root: Path, collections: str = "*") -> list[tuple[str, str, str, str]]:
    """(label, kind, source, key) of every collected row of the collections matching
    ``collections`` (a folder glob), first occurrence of a sentence wins."""
    rows, seen = [], set()
    for path in sorted(root.glob(f"{collections}/sentences.tsv")):
        for number, r in enumerate(read_tsv(path), start=2):
            if len(r) < 4 or r[0] not in ("B", "N"):
                raise SystemExit(f"{path}:{number}: expected label (B or N), kind, source, sentence")
            key = (r[2], sentence_key(r[3]))
            if key not in seen:
                seen.add(key)
                rows.append((r[0], r[1], r[2], key[1]))
    return rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--root", type=Path, default=COLLECTED, help="folder holding */sentences.tsv")
    ap.add_argument("--collections", default="*", help="folder glob of the collections to record (default: all)")
    ap.add_argument("-o", "--output", type=Path, default=OUT)
    args = ap.parse_args(argv)
    rows = collected_rows(args.root, args.collections)
    if not rows:
        ap.error(f"no collected sentences under {args.root}")
    with args.output.open("w", encoding="utf-8", newline="") as fh:
        fh.write("label\tkind\tsource\tkey\n")
        for row in rows:
            fh.write("\t".join(row) + "\n")
    print(f"{len(rows)} labels ({sum(r[0] == 'B' for r in rows)} B) into {args.output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
