"""Blame detection on the labelled sentence sets, through bench/eval_blame.py's
``evaluate``: the issue's floors on the dev set, a regression floor on the
held-out set, and no blame finding in the dev corpus's clean postmortem."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

from lint_service import Linter

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "bench"))
import labelled  # noqa: E402
from blame_support import load_eval_blame  # noqa: E402

CLEAN_DOC = labelled.CORPUS / "dev" / "docs" / "clean-postmortem.md"


eval_blame = load_eval_blame()


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter()


def _summary(res: dict, show_misses: bool = True) -> str:
    misses = "\n".join(f"  {'FN' if label == 'B' else 'FP ' + rule}: [{kind}] {s}" for label, kind, s, rule in res["misses"])
    return f"precision {res['precision']:.3f} recall {res['recall']:.3f} (tp {res['tp']} fp {res['fp']} fn {res['fn']})\n" + (misses if show_misses else "")


# Floors per set: (precision, recall). Raise them as the engine improves; never lower one
# without saying why in the commit.
FLOORS = {
    "dev": (0.97, 0.95),
    "synthetic-1": (0.98, 0.95),
    "synthetic-2": (0.98, 0.83),  # the second blind set (other idioms, insinuations)
    "synthetic-3": (0.98, 0.90),  # real-writing styles: chat, news, headlines, five whys (issue 10)
    "synthetic-4": (0.89, 0.58),  # held out: written blind to everything else, never tuned on
    "real-quotes": (0.90, 0.70),  # quotes from the real postmortems: mostly N, precision matters
    "real-tune": (0.97, 0.86),
    "real-test": (0.90, 0.58),
    # the second real set (bench/labelled.py): its text lives outside the repository and
    # ../shared, in ../collected; first measured at 0.868/0.590 (tune) and 0.847/0.545
    # (test), after its first round 0.927/0.664 and 0.849/0.553
    "real2-tune": (0.91, 0.64),
    "real2-test": (0.83, 0.53),
    # the third (2026-12-04, issue and PR threads, stored pages; text in ../collected/real3-*):
    # first measured at 0.772/0.506 (tune) and 0.811/0.459 (test); after the 2026-12-04
    # rounds on its tune half 0.861/0.565 and 0.813/0.465
    "real3-tune": (0.84, 0.54),
    "real3-test": (0.79, 0.44),
    # real-tune's halves (bench/tune_halves.py): a rule is developed on A and kept only if
    # it also gains on B or on a check set written before it
    "real-tune-a": (0.97, 0.89),
    "real-tune-b": (0.97, 0.79),
    # the cross-author checks (tests/data/README.md): four helpers who never saw the code wrote
    # 29 and 30 (developed on) and 31 and 32 (figures only); in the repository, so they hold
    # in a clone
    "blind-a": (0.96, 0.84),
    "blind-b": (0.96, 0.73),
    "blind-c": (0.97, 0.74),
    "blind-d": (0.97, 0.67),
    # a fifth writer, in the voices of real writing (bench/labelled.py); first read at
    # 0.976 / 0.846 before the 2026-12-03 rounds were merged
    "blind-e": (0.96, 0.82),
}
MIN_ROWS = {"real-tune-a": 80, "real-tune-b": 80}  # the halves are smaller than the sets
QUIET = (*labelled.HELD_OUT, *labelled.CHECK_ONLY, "real-tune-b")  # sets whose misses are not printed


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_labelled_set_floor(linter: Linter, name: str) -> None:
    rows = labelled.load_set(name)
    if rows is None:
        where = ("../collected (the collected real sentences; set BLAMELINT_COLLECTED)" if name.startswith(("real2", "real3"))
                 else "../shared (not found beside the repository; set BLAMELINT_SHARED)")
        pytest.skip(f"set {name} needs {where}")
    assert len(rows) > MIN_ROWS.get(name, 150) and {r.label for r in rows} == {"B", "N"}
    res = eval_blame.evaluate(linter, rows)
    min_p, min_r = FLOORS[name]
    # held-out misses are not printed: those sets are reported, never tuned on (nor is half B).
    assert res["precision"] >= min_p and res["recall"] >= min_r, _summary(res, show_misses=name not in QUIET)


def test_real_tune_halves_split_by_source() -> None:
    tune = labelled.load_set("real-tune")
    if tune is None:
        pytest.skip("../shared/corpus/real_sentences is absent")
    a, b = labelled.load_set("real-tune-a"), labelled.load_set("real-tune-b")
    assert len(a) + len(b) == len(tune) and a and b
    assert not {r.source for r in a} & {r.source for r in b}


# The check sets written before the rules they check (tests/data/README.md): in the
# repository, so these floors hold in a clone with nothing beside it.
def _check_sets(first: int, last: int) -> list[Path]:
    paths = (REPO / "tests" / "data").glob("blame_sentences_*_check.tsv")
    return sorted(p for p in paths if first <= int(p.name.split("_")[2]) <= last)


# Sets 5-18 checked the round that kept a rule only if it transferred; sets 19-28 are the
# precision probes of the next round, whose rules were not merged (they did not carry over
# to real-test), so their floor records how the engine reads them today.
CHECK_GROUPS = {
    "transfer (5-18)": (_check_sets(5, 18), 12, 280, (0.93, 0.72)),
    "precision (19-28)": (_check_sets(19, 28), 10, 600, (0.80, 0.78)),
}


@pytest.mark.parametrize("group", sorted(CHECK_GROUPS))
def test_check_sets_floor(linter: Linter, group: str) -> None:
    paths, n_sets, n_rows, floor = CHECK_GROUPS[group]
    rows = [row for path in paths for row in labelled.load_path(path)]
    assert len(paths) >= n_sets and len(rows) > n_rows and {r.label for r in rows} == {"B", "N"}
    res = eval_blame.evaluate(linter, rows)
    # their misses are not printed: the sets are read for their figures, not miss by miss
    assert res["precision"] >= floor[0] and res["recall"] >= floor[1], _summary(res, show_misses=False)


def test_real_sentence_split_is_by_source() -> None:
    rows = labelled.load_set("real-tune"), labelled.load_set("real-test")
    if rows[0] is None:
        pytest.skip("../shared/corpus/real_sentences is absent")
    tune, test = ({r.source for r in half} for half in rows)
    assert tune and test and not tune & test
    assert labelled.split_of("https://example.org/a") == labelled.split_of("https://example.org/a")


def test_real2_labels_find_their_sentences() -> None:
    halves = labelled.load_set("real2-tune"), labelled.load_set("real2-test")
    if halves[0] is None:
        pytest.skip("the collected real sentences (../collected) are absent")
    recorded = labelled.read_tsv(labelled.DATA / "real2_labels.tsv")
    # every recorded label finds its sentence, and the halves share no source
    assert len(halves[0]) + len(halves[1]) == len(recorded)
    assert not {r.source for r in halves[0]} & {r.source for r in halves[1]}
    # the repository keeps references, not the sentences
    assert all(len(r) == 4 and len(r[3]) == 12 for r in recorded)


def test_normalise_keeps_offsets() -> None:
    text = "See [the runbook](https://x.example/rb) and **bold** text,\n> quoted [09:12] line[^1]."
    out, where = labelled.normalise(text)
    assert out == "See the runbook and bold text, quoted [09:12] line."
    assert all(text[where[i]] == ch for i, ch in enumerate(out) if ch != " ")


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


@pytest.mark.parametrize("name", labelled.CHECK_ONLY)
def test_check_only_sets_never_list_misses(capsys: pytest.CaptureFixture[str], name: str) -> None:
    # by name and by path: the check sets are read for their figures only
    for arg in (name, str(labelled.DATA / labelled.BLIND_FILES[name])):
        eval_blame.main([arg, "--misses", "--no-kinds"])
        out = capsys.readouterr().out
        assert "check-only set, misses not listed" in out
        assert not any(line.lstrip().startswith(("FN", "FP")) for line in out.splitlines())
