"""Milestone readings a reader checked: a zone in a table's header, the incident's own
date against the post's, and event choices (each with a true positive and a near miss)."""
from __future__ import annotations

import datetime as dt

import pytest

from lint_service.document import parse_document
from lint_service.metrics import MetricsBuilder

AS_OF = dt.date(2024, 7, 1)


@pytest.fixture(scope="module")
def builder() -> MetricsBuilder:
    return MetricsBuilder()


def at(m, kind: str) -> str | None:
    v = m.milestones[kind]
    return None if v is None else v.moment.iso() + (f" {v.moment.zone}" if v.moment.zone else "")


def table(header: str) -> str:
    return ("# Queue outage\n\n## Timeline\n\n"
            f"| {header} | Event |\n|---|---|\n"
            "| 2024-05-02 09:10 | Workers crash and orders fail |\n"
            "| 2024-05-02 09:14 | Alert fired for the order queue |\n"
            "| 2024-05-02 09:30 | Rolled back the worker release |\n"
            "| 2024-05-02 09:45 | All systems fully restored |\n")


@pytest.mark.parametrize("header, zone", [("Date and Time in CET", "CET"), ("Time (UTC)", "UTC"),
                                          ("Timestamp (PDT)", "PDT")])
def test_a_zone_in_the_time_column_header_applies_to_every_row(builder: MetricsBuilder, header: str,
                                                                zone: str) -> None:
    m = builder.incident("pm.md", table(header), AS_OF)
    assert [at(m, k) for k in ("started", "detected", "mitigated", "resolved")] == [
        f"2024-05-02T09:10 {zone}", f"2024-05-02T09:14 {zone}", f"2024-05-02T09:30 {zone}",
        f"2024-05-02T09:45 {zone}"]


def test_a_zone_in_another_column_header_is_not_the_times_zone(builder: MetricsBuilder) -> None:
    text = table("Time").replace("| Event |", "| Event (seen from the CET office) |")
    m = builder.incident("pm.md", text, AS_OF)
    assert at(m, "started") == "2024-05-02T09:10"


def test_the_header_zone_stays_with_its_table(builder: MetricsBuilder) -> None:
    text = table("Time (UTC)") + ("\nThe day after:\n\n| Time | Event |\n|---|---|\n"
                                  "| 2024-05-03 10:00 | Review held |\n| 2024-05-03 11:00 | Notes sent |\n")
    doc = builder.incident("pm.md", text, AS_OF)
    assert doc.milestones["resolved"].moment.zone == "UTC"
    zones = [e.timezone for e in parse_document(text, "markdown").timeline]  # the second table has none
    assert zones[:4] == ["UTC"] * 4 and zones[4:] == [None, None]
