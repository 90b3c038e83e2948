"""No catastrophic backtracking or quadratic tokenizing on hostile input.

Each input is linted in every format; each lint must finish within a generous
budget. The budget catches exponential or quadratic blowup (spaCy's tokenizer
took minutes on 50,000 colons before nlp.make_doc pre-split long runs), not
normal speed: a healthy lint of these inputs takes well under a few seconds.
"""
from __future__ import annotations

import time

import pytest

from lint_service import Linter
from lint_service.nlp import LONG_RUN

BUDGET_S = 30.0
N = 50_000

HOSTILE = {
    "digits": "1" * N,
    "colons": ":" * N,
    "hyphens": "-" * N,
    "digit-colon": "1:" * (N // 2),
    "brackets": "[" * N,
    "asterisks": "*" * N,
    "backticks": "`" * N,
    "hashes": "#" * N,
    "pipes": "|" * N,
    "quotes": '"' * N,
    "hyphenated-word-chain": "a-" * (N // 2),
    "relative-times": "T+1" * (N // 3),
    "date-times": "2024-01-01T" * (N // 11),
    "clock-times": "12:34 " * (N // 6),
    "unclosed-comments": "<!--" * (N // 4),
    "nested-list-markers": "- " * (N // 2),
    "yaml-keys": "a: " * (N // 3),
    "suppression-comments": "# blamelint: disable=" * (N // 21),
    "trailing-spaces": " " * N + "x",
}

# 100 KB on one line: a run-on sentence with blame cues, and one long list.
PROSE_LINE = ("Kenji forgot to renew the certificate and the deploy pipeline failed " * 1500)[:100_000]
COMMA_LINE = ("the queue, " * 10_000)[:100_000]


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter()


def lint_within_budget(linter: Linter, text: str, fmt: str | None) -> float:
    started = time.perf_counter()
    try:
        linter.lint(text, format=fmt)
    except ValueError:
        pass  # "not a YAML report" is a fine answer; only the time matters here
    elapsed = time.perf_counter() - started
    assert elapsed < BUDGET_S, f"linting took {elapsed:.1f} s (format {fmt}): super-linear work on this input"
    return elapsed


# Inputs whose characters mean something to the YAML reader are linted as YAML too.
YAML_TOO = ("colons", "yaml-keys", "hyphens", "suppression-comments", "quotes", "brackets")


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_input_lints_within_budget(linter: Linter, name: str) -> None:
    for fmt in (None, "markdown", "text") + (("yaml",) if name in YAML_TOO else ()):
        linter.parser.clear()  # no help from an earlier format's parse
        lint_within_budget(linter, HOSTILE[name], fmt)


@pytest.mark.parametrize("text", [PROSE_LINE, COMMA_LINE], ids=["prose", "commas"])
def test_100kb_single_line_lints_within_budget(linter: Linter, text: str) -> None:
    assert len(text) == 100_000 and "\n" not in text
    linter.parser.clear()
    lint_within_budget(linter, text, "markdown")


def test_long_runs_keep_exact_offsets(linter: Linter) -> None:
    # Pre-splitting a long run must not move anything: a finding after it keeps its offsets.
    junk = ":" * (LONG_RUN * 10)
    sentence = "Kenji forgot to renew the certificate."
    text = f"{junk} {sentence}\n\n{sentence}\n"
    report = linter.lint(text, format="text")
    blame = [f for f in report.findings if f.rule.startswith("blame.")]
    assert blame, "the blame sentence after the run must still be found"
    for f in blame:
        assert text[f.start:f.end] == f.text
    assert any(f.start == text.rindex(sentence) for f in blame)
