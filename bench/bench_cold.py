"""Cold lint vs the bare spaCy parse of the same text.

    python bench/bench_cold.py [--repeat N] [FILE]

Cold means an empty parse cache: ``Linter.lint`` after ``parser.clear()``. The
baseline is the same pipeline object (same components) parsing the same
document text with nothing else; target: cold / baseline <= 1.25. A second,
stricter baseline parses exactly the prose segments lint sends to spaCy (no
code block, table of numbers or timestamps), which shows blamelint's own work
(document parsing, checks, verification parses of rewrites) as a fraction.
"""
from __future__ import annotations

from pathlib import Path

from _common import FIXTURE, bench_main, measure, verdict, words

from lint_service import Linter

TARGET = 1.25


def prose_texts(linter: Linter, text: str) -> list[str]:
    """The texts a cold lint sends to spaCy in its one document pass."""
    seen: list[list[str]] = []
    real = linter.parser.parse

    def spy(texts):  # the first call is the document pass; later ones verify rewrites
        texts = list(texts)
        seen.append(texts)
        return real(texts)

    linter.parser.parse = spy  # type: ignore[method-assign]
    try:
        linter.parser.clear()
        linter.lint(text)
    finally:
        del linter.parser.parse
    return seen[0]


def run(path: Path, repeat: int) -> dict[str, float]:
    text = path.read_text(encoding="utf-8")
    linter = Linter()
    nlp = linter.parser.nlp
    linter.lint(text)  # warm-up: lazy imports, rule files, first-call allocations
    prose = prose_texts(linter, text)
    linter.parser.clear()
    before = linter.parser.parsed_count
    report = linter.lint(text)
    parsed = linter.parser.parsed_count - before
    t = measure(
        {
            "baseline: nlp(text)": lambda: nlp(text),
            "baseline: nlp.pipe(prose)": lambda: list(nlp.pipe(prose, batch_size=linter.parser.batch_size)),
            "lint (cold)": lambda: linter.lint(text),
        },
        repeat,
        setup=linter.parser.clear,
    )
    cold, whole, strict = t["lint (cold)"], t["baseline: nlp(text)"], t["baseline: nlp.pipe(prose)"]
    print(f"== cold lint: {path.name}, {words(text)} words, {len(prose)} prose segments, "
          f"{parsed - len(prose)} verification parses, {len(report.findings)} findings")
    print(f"   pipeline: {', '.join(nlp.pipe_names)}")
    for name, timing in t.items():
        print(f"   {name:28s} {timing.ms()}  (median of {timing.runs})")
    ratio_cpu, ratio_wall = cold.cpu / whole.cpu, cold.wall / whole.wall
    print(f"   cold / nlp(text)        cpu {ratio_cpu:.2f}  wall {ratio_wall:.2f}   target <= {TARGET}  {verdict(ratio_cpu <= TARGET)}")
    print(f"   cold / nlp.pipe(prose)  cpu {cold.cpu / strict.cpu:.2f}  wall {cold.wall / strict.wall:.2f}   (stricter: only the text lint parses)")
    return {"cold_ratio": ratio_cpu, "cold_ratio_wall": ratio_wall, "cold_ratio_strict": cold.cpu / strict.cpu,
            "cold_ms": cold.wall * 1000}


def main(argv: list[str] | None = None) -> int:
    return bench_main(__doc__, run, "file", FIXTURE, 15, argv)


if __name__ == "__main__":
    raise SystemExit(main())
