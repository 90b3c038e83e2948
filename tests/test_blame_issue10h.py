"""Round 6's training sentences for the learned recall net
(``tests/data/blame_sentences_issue10h.tsv``): the N side of real documents that
sentence sets chosen for blame do not teach (models/README.md, round 5), written
in their styles -- people as victims, chat lines, bot and tool output, credit and
thanks, investigation steps, recovery actions, paging, deliberate and sanctioned
actions, denied blame, timeline entries and action items with owners -- with B
twins that differ from them in the blame only ("14:02 Mei paged the DB on-call" /
"14:02 Mei ran the migration against prod by mistake"). The file is checked for
its format, and the linter is measured on it with a floor just below what it
scores when the set was written (P 0.947, R 0.769; the 12 false positives are
recovery 5, decision 3, victim 3, chat 1). Every sentence was written for the file;
none is quoted from a document."""
from __future__ import annotations

import csv
import sys
from collections import Counter
from pathlib import Path

import pytest

from lint_service import Linter

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "bench"))
import labelled  # noqa: E402
from blame_support import load_eval_blame  # noqa: E402

DATA = REPO / "tests" / "data"
OWN = DATA / "blame_sentences_issue10h.tsv"
eval_blame = load_eval_blame()

# The styles the N rows are written in (the kind column of an N row).
N_STYLES = frozenset({
    "action-item", "bot", "chat", "conditional", "credit", "decision", "denial", "general",
    "impact", "investigation", "paging", "quote", "recovery", "timeline", "victim",
})


def _earlier_kinds() -> set[str]:
    """The kinds of the earlier issue-10 sets, which the B rows reuse."""
    kinds: set[str] = set()
    for path in DATA.glob("blame_sentences_issue10*.tsv"):
        if path != OWN:
            kinds |= {r.kind for r in labelled.load_path(path)}
    return kinds


@pytest.fixture(scope="module")
def rows() -> list[labelled.Row]:
    return labelled.load_path(OWN)


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter()


def test_format(rows: list[labelled.Row]) -> None:
    with OWN.open(encoding="utf-8", newline="") as fh:
        raw = list(csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
    assert raw[0] == ["label", "kind", "sentence"]
    assert all(len(r) == 3 and all(cell == cell.strip() and cell for cell in r) for r in raw[1:])
    assert len(rows) == len(raw) - 1 >= 700
    assert {r.label for r in rows} == {"B", "N"}
    n_share = sum(r.label == "N" for r in rows) / len(rows)
    assert 0.60 <= n_share <= 0.70, n_share


def test_kinds(rows: list[labelled.Row]) -> None:
    earlier = _earlier_kinds()
    assert {r.kind for r in rows if r.label == "B"} <= earlier, {r.kind for r in rows if r.label == "B"} - earlier
    assert {r.kind for r in rows if r.label == "N"} <= N_STYLES
    # every style of the brief has rows of its own
    assert all(n >= 15 for style, n in Counter(r.kind for r in rows if r.label == "N").items() if style != "conditional")


def test_no_duplicates(rows: list[labelled.Row]) -> None:
    seen = Counter(" ".join(r.sentence.lower().split()) for r in rows)
    assert not [s for s, n in seen.items() if n > 1]
    # and none repeats a sentence of the earlier issue-10 sets
    earlier = {" ".join(r.sentence.lower().split()) for p in DATA.glob("blame_sentences_issue10*.tsv") if p != OWN
               for r in labelled.load_path(p)}
    assert not set(seen) & earlier


def test_own_sentences_floor(linter: Linter, rows: list[labelled.Row]) -> None:
    """The rules on the round's sentences. The misses left are mostly blame said in
    chat or bot idiom, hedged attributions, and acts framed as faults by their
    circumstances; the false positives are people doing recovery or deliberate work
    ("Freya took the broken node out of the pool") and people as victims."""
    res = eval_blame.evaluate(linter, rows)
    fp_by_style = Counter(kind for label, kind, _, _ in res["misses"] if label == "N")
    misses = "\n".join(f"{label} [{kind}] {sentence} {rule}" for label, kind, sentence, rule in res["misses"])
    assert res["precision"] >= 0.94 and res["recall"] >= 0.76, (
        f"P {res['precision']:.3f} R {res['recall']:.3f} FP by style {dict(fp_by_style)}\n{misses}")
