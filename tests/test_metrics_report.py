"""Across incidents: percentiles (never a bare mean), action items, overdue against
--as-of, and recurrence matched by meaning (with near misses)."""
from __future__ import annotations

import datetime as dt
import statistics

import pytest
from hypothesis import given
from hypothesis import strategies as st
from metrics_samples import FIELDS_YAML, MARKERS, NO_TIMELINE, generated

from lint_service.metrics import MetricsBuilder, find_recurrence, percentile


@pytest.fixture(scope="module")
def builder() -> MetricsBuilder:
    return MetricsBuilder()


@given(st.lists(st.integers(min_value=0, max_value=10_000), min_size=2, max_size=50))
def test_percentiles_match_statistics(values: list[int]) -> None:
    assert percentile(values, 50) == pytest.approx(statistics.median(values), abs=0.05)
    deciles = statistics.quantiles(values, n=10, method="inclusive")
    assert percentile(values, 90) == pytest.approx(deciles[8], abs=0.05)


def test_percentile_of_nothing_is_none() -> None:
    assert percentile([], 50) is None


def test_summary_fields_of_the_contract(builder: MetricsBuilder) -> None:
    report = builder.build([("a.md", MARKERS), ("b.yaml", FIELDS_YAML), ("c.md", NO_TIMELINE)], dt.date(2024, 7, 1))
    d = report.to_dict()
    assert set(d) >= {"incidents", "summary"}
    inc = d["incidents"][0]
    assert set(inc) >= {"path", "id", "title", "date", "severity", "milestones", "minutes", "action_items", "root_causes"}
    assert set(inc["milestones"]) == {"started", "detected", "mitigated", "resolved"}
    assert set(inc["milestones"]["started"]) >= {"at", "line", "source"}
    s = d["summary"]
    assert s["incidents"] == 3
    assert s["minutes"]["to_detect"] == {"count": 2, "median": 10, "p90": 12.4, "min": 7, "max": 13}
    assert set(s["action_items"]) >= {"total", "done", "open", "overdue", "closure_rate"}
    assert set(s["recurrence"]) >= {"rate", "groups"}


def test_overdue_counts_open_items_due_before_as_of(builder: MetricsBuilder) -> None:
    early = builder.build([("b.yaml", FIELDS_YAML)], dt.date(2024, 6, 19)).items_summary()
    late = builder.build([("b.yaml", FIELDS_YAML)], dt.date(2024, 6, 21)).items_summary()
    assert (early["overdue"], late["overdue"]) == (0, 1)  # due 2024-06-20; the other item has no deadline
    assert late["closure_rate"] == 0.0


def test_recurrence_groups_repeated_causes(builder: MetricsBuilder) -> None:
    report = builder.build(generated(24), dt.date(2025, 1, 1))
    rec = report.recurrence
    assert rec.groups, "the generated set repeats causes"
    for g in rec.groups:
        assert len(g.paths) >= 2 and len(g.shared) >= 3
    assert rec.rate == round(rec.repeats / 24, 3)


def _incident(builder: MetricsBuilder, path: str, date: str, cause: str):
    text = f"# Incident\n\n**Date:** {date}\n\n## Root causes\n\n- {cause}\n"
    return builder.incident(path, text, dt.date(2025, 1, 1))


def test_recurrence_matches_meaning_not_spelling(builder: MetricsBuilder) -> None:
    a = _incident(builder, "a.md", "2024-01-05", "The config service accepted a connection pool size of zero without validation.")
    b = _incident(builder, "b.md", "2024-03-05", "Config service accepts connection pool sizes of 0 with no validation.")
    rec = find_recurrence([b, a], builder.parse)
    assert [g.paths for g in rec.groups] == [("a.md", "b.md")]  # earliest first
    assert rec.rate == 0.5


def test_recurrence_near_miss(builder: MetricsBuilder) -> None:
    a = _incident(builder, "a.md", "2024-01-05", "The database ran out of connections during the sale.")
    b = _incident(builder, "b.md", "2024-03-05", "The database ran out of disk space after logging was enabled.")
    rec = find_recurrence([a, b], builder.parse)
    assert rec.groups == () and rec.rate == 0.0


REPORTED_WORK = """# Cache node exhausted its disk

## Action items

- We moved the cache's scratch files to their own volume.
- Move the build logs to their own volume (owner: @kim, due 2031-03-01)
"""


def test_items_reporting_finished_work_count_as_done(builder: MetricsBuilder) -> None:
    inc = builder.build([("w.md", REPORTED_WORK)], dt.date(2030, 1, 1)).incidents[0]
    assert inc.action_items.to_dict() == {"total": 2, "done": 1, "open": 1, "overdue": 0}
    # the near miss: an imperative is work still to do, and stays open
    assert [i.description.startswith("Move the build logs") for i in inc.open_items] == [True]


PLACEHOLDERS_AND_RULES = """# Cache volume filled

## Action items

| Action | Owner | Due |
|---|---|---|
| Move the build logs to their own volume | @kim | 2031-03-01 |
|  |  |  |

- All cache volumes will require a usage alert.
- [ ]
"""


def test_blank_placeholders_are_no_items_and_standing_rules_count_as_done(builder: MetricsBuilder) -> None:
    inc = builder.build([("p.md", PLACEHOLDERS_AND_RULES)], dt.date(2030, 1, 1)).incidents[0]
    # the empty row and the empty checkbox are not counted; the rule is practice in place
    assert inc.action_items.to_dict() == {"total": 2, "done": 1, "open": 1, "overdue": 0}
    assert [i.description.startswith("Move the build logs") for i in inc.open_items] == [True]
