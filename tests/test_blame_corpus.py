"""Blame detection on the labelled sentence sets, through bench/eval_blame.py's
``evaluate``: the issue's floors on the dev set, a regression floor on the
held-out set, and no blame finding in the dev corpus's clean postmortem."""
from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from lint_service import Linter

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(__file__).resolve().parents[2] / "shared"
DEV_SENTENCES = SHARED / "corpus" / "dev" / "sentences.tsv"
CLEAN_DOC = SHARED / "corpus" / "dev" / "docs" / "clean-postmortem.md"
HELD_OUT = REPO / "tests" / "data" / "blame_sentences.tsv"


def _load_bench():
    spec = importlib.util.spec_from_file_location("eval_blame", REPO / "bench" / "eval_blame.py")
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


eval_blame = _load_bench()


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter()


def _summary(res: dict) -> str:
    misses = "\n".join(f"  {'FN' if label == 'B' else 'FP ' + rule}: [{kind}] {s}" for label, kind, s, rule in res["misses"])
    return f"precision {res['precision']:.3f} recall {res['recall']:.3f} (tp {res['tp']} fp {res['fp']} fn {res['fn']})\n{misses}"


@pytest.mark.skipif(not DEV_SENTENCES.is_file(), reason=f"{DEV_SENTENCES} is absent")
def test_dev_set_meets_the_issue_floors(linter: Linter) -> None:
    rows = eval_blame.read_tsv(DEV_SENTENCES)
    assert len(rows) > 200 and {r[0] for r in rows} == {"B", "N"}
    res = eval_blame.evaluate(linter, rows)
    assert res["tp"] + res["fn"] == sum(1 for r in rows if r[0] == "B")
    assert res["precision"] >= 0.97 and res["recall"] >= 0.95, _summary(res)


def test_held_out_set_regression_floor(linter: Linter) -> None:
    rows = eval_blame.read_tsv(HELD_OUT)
    assert len(rows) > 300
    res = eval_blame.evaluate(linter, rows)
    assert res["precision"] >= 0.95 and res["recall"] >= 0.85, _summary(res)


@pytest.mark.parametrize("name, min_precision, min_recall", [
    # the second blind set (other idioms, marker-free blame, insinuations): measured 1.000 / 0.783
    ("blame_sentences_2.tsv", 0.95, 0.75),
    # verbatim quotes from the real postmortems: mostly N, precision is what matters
    ("real_sentences.tsv", 0.85, 0.65),
])
def test_more_labelled_sets_regression_floor(linter: Linter, name: str, min_precision: float, min_recall: float) -> None:
    rows = eval_blame.read_tsv(HELD_OUT.parent / name)
    assert len(rows) > 150
    res = eval_blame.evaluate(linter, rows)
    assert res["precision"] >= min_precision and res["recall"] >= min_recall, _summary(res)


@pytest.mark.skipif(not CLEAN_DOC.is_file(), reason=f"{CLEAN_DOC} is absent")
def test_clean_postmortem_has_no_blame_finding(linter: Linter) -> None:
    text = CLEAN_DOC.read_text(encoding="utf-8")
    blame = [f for f in linter.lint(text).findings if f.rule.startswith("blame.")]
    assert blame == [], [(f.rule, f.line, f.text) for f in blame]


def test_evaluate_counts_correctly(linter: Linter) -> None:
    """The bench's arithmetic on a tiny set with a known answer, so the floors above mean what they say."""
    rows = [
        ("B", "t", "Svetlana deleted the production database."),
        ("B", "t", "The storage array lost two disks."),  # a B label the linter will not flag: one FN
        ("N", "t", "We rolled back the release at 11:02."),
        ("N", "t", "Because of Xochitl, the checkout flow was down for an hour."),  # flagged: one FP
    ]
    res = eval_blame.evaluate(linter, rows)
    assert (res["tp"], res["fn"], res["tn"], res["fp"]) == (1, 1, 1, 1)
    assert res["precision"] == 0.5 and res["recall"] == 0.5
