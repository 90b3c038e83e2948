"""``bench/eval_rewrites.py --list GRADE``: graded rows with the grader's reason, and the
held-back real-test rows counted, never printed."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parents[1] / "bench" / "eval_rewrites.py"


def _bench():
    spec = importlib.util.spec_from_file_location("eval_rewrites", BENCH)
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod  # its dataclasses look their module up
    spec.loader.exec_module(mod)
    return mod


def test_list_prints_reasons_beside_rewrites_and_hides_real_test(capsys) -> None:
    mod = _bench()
    tune = mod.Rewrite("synthetic-1", "row3", "", "blame.person-subject", "Aiko wiped the cache.", "The cache was wiped.")
    held = mod.Rewrite("real-test", "file:1-9", "", "blame.person-subject", "Held back words.", "Held back rewrite.")
    other = mod.Rewrite("dev", "row4", "", "blame.person-subject", "Bo lost the key.", "The key was lost.")
    grades = {tune.id: ("poor", "drops a fact"), held.id: ("poor", "anything"), other.id: ("good", "fine")}
    mod.list_grade([tune, held, other], grades, "poor")
    out = capsys.readouterr().out
    assert "drops a fact" in out and "The cache was wiped." in out
    assert "Held back" not in out and "anything" not in out and "1 real-test rows" in out
    assert "The key was lost." not in out  # another grade


def test_ungraded_keeps_each_new_rewrite_once_in_a_fixed_shuffle() -> None:
    mod = _bench()
    rows = [mod.Rewrite("dev", f"row{i}", "", "blame.person-subject", f"Bo lost key {i}.", f"Key {i} was lost.") for i in range(8)]
    graded = rows[0]
    alone_and_in_doc = mod.Rewrite("dev-docs", "a.md:1-9", "timeline", "blame.person-subject", rows[1].original, rows[1].applied)
    grades = {graded.id: ("good", "fine")}
    first = mod.ungraded([*rows, alone_and_in_doc], grades, 17)
    assert graded not in first and alone_and_in_doc not in first and len(first) == 7
    assert [r.id for r in first] == [r.id for r in mod.ungraded(list(reversed(rows)), grades, 17)]
    assert [r.id for r in first] != sorted(r.id for r in first)  # shuffled, not in id order


def test_list_and_missing_hold_back_blind_b_and_synthetic_4(capsys) -> None:
    mod = _bench()
    readable = mod.Rewrite("blind-a", "row2", "", "blame.person-subject", "Ravi dropped the index.", "The index was dropped.")
    check = mod.Rewrite("blind-b", "row5", "", "blame.person-subject", "Check words.", "Check rewrite.")
    held = mod.Rewrite("synthetic-4", "row6", "", "blame.person-subject", "Held words.", "Held rewrite.")
    grades = {r.id: ("wrong", f"reason {r.set}") for r in (readable, check, held)}
    mod.list_grade([readable, check, held], grades, "wrong")
    out = capsys.readouterr().out
    assert "The index was dropped." in out and "reason blind-a" in out
    assert "Check" not in out and "reason blind-b" not in out and "1 blind-b rows" in out
    assert "Held" not in out and "reason synthetic-4" not in out and "1 synthetic-4 rows" in out
    assert "blind-b" in mod.REWRITE_CHECK  # whatever labelled.CHECK_ONLY says
    assert {"blind-b", "synthetic-4", "real-test"} <= set(mod.NOT_READ)


def test_why_refuses_the_check_set() -> None:
    mod = _bench()
    import pytest

    with pytest.raises(SystemExit):
        mod.main(["blind-b", "--why"])


def test_blind_c_and_d_are_readable_rewrite_development_sets(capsys) -> None:
    # graded blind in round 8, they are read for rewrites from then on; the blame check
    # (labelled.CHECK_ONLY) still keeps their misses back
    mod = _bench()
    import labelled

    rows = [mod.Rewrite(name, "row1", "", "blame.person-subject", f"Mo reset {name}.", f"{name} was reset.")
            for name in ("blind-c", "blind-d")]
    mod.list_grade(rows, {r.id: ("wrong", f"reason {r.set}") for r in rows}, "wrong")
    out = capsys.readouterr().out
    assert "reason blind-c" in out and "blind-d was reset." in out
    assert not {"blind-c", "blind-d"} & set(mod.NOT_READ)
    assert {"blind-c", "blind-d"} <= set(labelled.CHECK_ONLY)
