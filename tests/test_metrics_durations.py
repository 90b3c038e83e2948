"""An impact start implied by a stated duration ("Time to repair: 0h 40m")."""
from __future__ import annotations

import datetime as dt

import pytest

from lint_service.metrics import MetricsBuilder
from lint_service.metrics.durations import parse_minutes

KEY_EVENTS = """# Queue backlog on 2030-04-02

- **Key events**
  - First detected 2030-04-02 09:10
  - Repaired 2030-04-02 09:50
  - Resolved 2030-04-02 11:00

- **Time to repair**: {repair}
"""


@pytest.fixture(scope="module")
def builder() -> MetricsBuilder:
    return MetricsBuilder()


@pytest.mark.parametrize("value,unit,minutes", [
    ("0h 40m", None, 40), ("2 hours 5 minutes", None, 125), ("1d 3h", None, 1620),
    ("47", 1, 47), ("47", None, None), ("3h after the deploy", None, None), ("N/A", None, None),
])
def test_parse_minutes(value: str, unit: int | None, minutes: int | None) -> None:
    assert parse_minutes(value, unit) == minutes


def test_start_is_the_repair_minus_the_time_to_repair(builder: MetricsBuilder) -> None:
    inc = builder.build([("q.md", KEY_EVENTS.format(repair="0h 55m"))], dt.date(2031, 1, 1)).incidents[0]
    start = inc.milestones["started"]
    assert start is not None and start.moment.iso() == "2030-04-02T08:55" and start.line == 8
    assert start.source == "field" and "0h 55m" in (start.note or "")
    assert inc.minutes == {"to_detect": 15, "to_mitigate": 55, "to_resolve": 125}


def test_a_duration_that_runs_from_the_detection_gives_no_start(builder: MetricsBuilder) -> None:
    # 09:50 - 40m is the first detection itself: the repair was timed from it
    inc = builder.build([("q.md", KEY_EVENTS.format(repair="0h 40m"))], dt.date(2031, 1, 1)).incidents[0]
    assert inc.milestones["started"] is None
    assert any("runs from the detection (line 4)" in r for r in inc.reasons)


def test_a_duration_that_puts_the_start_after_detection_gives_none(builder: MetricsBuilder) -> None:
    # the near miss: 09:50 - 20m = 09:30, after the first detection at 09:10
    inc = builder.build([("q.md", KEY_EVENTS.format(repair="0h 20m"))], dt.date(2031, 1, 1)).incidents[0]
    assert inc.milestones["started"] is None
    assert "the stated durations put the start after a later milestone" in inc.reasons


def test_yaml_duration_in_minutes(builder: MetricsBuilder) -> None:
    text = "incident_id: Q-1\nresolved_at: 2030-04-02 11:00\nduration_min: 90\n"
    inc = builder.build([("q.yaml", text, "yaml")], dt.date(2031, 1, 1)).incidents[0]
    assert inc.milestones["started"].moment.iso() == "2030-04-02T09:30"
    assert inc.minutes["to_resolve"] == 90


CHAINED = """# Cache cluster lost on 2030-05-06

## Timeline

All times in UTC.

| Time             | Event |
| ---------------- | ----- |
| 2030-05-05 08:00 | Nightly image rebuild changed the metrics agent |
| 2030-05-06 09:10 | Customers alerted us that dashboards were not working as expected |
| 2030-05-06 10:20 | Cache nodes all crash after the agent upgrade |
| 2030-05-06 10:23 | Alert: cache cluster has no members |
| 2030-05-06 10:30 | Nodes rebuilt from the previous image |
| 2030-05-06 10:{end} | Cache serving traffic again, back to normal |

## Stats

- Time to detection: 3 minutes
- Time to recovery: {recover} minutes
"""


def test_stated_durations_chain_the_start_and_detection(builder: MetricsBuilder) -> None:
    # 10:35 - 12 min = 10:23 (an entry), 3 min before it 10:20 (an entry): the recovery is
    # counted from the detection, and the 09:10 report was about something else
    text = CHAINED.format(end="35", recover="12")
    inc = builder.build([("c.md", text)], dt.date(2031, 1, 1)).incidents[0]
    start, seen = inc.milestones["started"], inc.milestones["detected"]
    assert (start.line, seen.line) == (11, 12)
    assert "replaces the detection inferred at line 10" in (seen.note or "")
    assert inc.minutes["to_detect"] == 3


def test_durations_that_land_on_no_entry_leave_the_detection(builder: MetricsBuilder) -> None:
    # the near miss: 10:35 - 20 min = 10:15, no entry: nothing to chain, the report stays
    text = CHAINED.format(end="35", recover="20")
    inc = builder.build([("c.md", text)], dt.date(2031, 1, 1)).incidents[0]
    assert inc.milestones["detected"].line == 10
    assert inc.milestones["started"] is None or inc.milestones["started"].line != 11
