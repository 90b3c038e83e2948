"""The batch baseline: load blamelint's spaCy pipeline and nlp.pipe every file's text.

    python bench/_pipe_baseline.py [--batch-size N] FILE...

Run as its own process by bench_batch.py so that it pays the same start-up
(imports, pipeline load) as ``blamelint check``. Prints the seconds spent in
nlp.pipe alone on stdout.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from lint_service.nlp import load_pipeline, read_pipeline_spec  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("files", nargs="+", type=Path)
    ap.add_argument("--batch-size", type=int, default=64)
    args = ap.parse_args(argv)
    nlp = load_pipeline(read_pipeline_spec())
    texts = [p.read_text(encoding="utf-8") for p in args.files]
    started = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=args.batch_size):
        pass
    print(f"{time.perf_counter() - started:.4f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
