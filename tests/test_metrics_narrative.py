"""Milestones of postmortems told as a narrative (no timeline section), a year typo in a
timeline's date column, and the coverage denominators: each reading with a true positive
and a near miss, on documents written for these tests."""
from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lint_service.document import parse_document
from lint_service.findings import LineIndex
from lint_service.metrics import MetricsBuilder
from lint_service.metrics.prose_timeline import events_of, prose_events

AS_OF = dt.date(2024, 7, 1)
KINDS = ("started", "detected", "mitigated", "resolved")


@pytest.fixture(scope="module")
def builder() -> MetricsBuilder:
    return MetricsBuilder()


def read(builder: MetricsBuilder, text: str, path: str = "pm.md"):
    m = builder.incident(path, text, AS_OF)
    return {k: (None if v is None else (v.line, v.moment.iso(), v.source)) for k, v in m.milestones.items()}, m


NARRATIVE = ("# Search outage\n\n"  # line 1
             "On 2024-05-02 at 10:05 UTC we shipped version 3 of the indexer. At 10:20 UTC\n"  # 3
             "a customer reported that every search failed. At 10:24 UTC we found the cause,\n"  # 4
             "and while a fix was written, we rolled back to version 2, a step finished by\n"  # 5
             "10:41 UTC.\n\n"  # 6
             "## Causes\n\nThe new indexer dropped the shard map.\n")


def test_a_narrative_s_times_are_its_events(builder: MetricsBuilder) -> None:
    got, m = read(builder, NARRATIVE)
    # the report dates the detection; the rollback is dated by the "by" time after it
    assert got["detected"] == (3, "2024-05-02T10:20", "prose")
    assert got["mitigated"] == (6, "2024-05-02T10:41", "prose")
    # the report names the impact, but a report is when responders learned, not the start;
    # the last act told does not close the incident by itself
    assert got["started"] is None and got["resolved"] is None
    assert m.timeline == "narrative"


def test_a_by_time_never_dates_a_detection(builder: MetricsBuilder) -> None:
    text = ("# Queue outage\n\nOn 2024-05-02 at 08:10 UTC every worker crashed and orders failed.\n"
            "By 09:00 UTC we had found the bad config and reverted it.\n")
    got, _ = read(builder, text)
    assert got["started"] == (3, "2024-05-02T08:10", "prose")
    assert got["detected"] is None  # found "by 09:00": when is not said
    assert got["mitigated"] == (4, "2024-05-02T09:00", "prose")  # an act beside the finding


def test_a_recovery_begun_again_is_the_mitigation_and_a_return_to_normal_the_resolution(builder: MetricsBuilder) -> None:
    text = ("# Mail outage\n\nOn 2024-05-02 at 09:15 UTC we deployed a new relay. During the deployment\n"
            "all mail failed to send. Around 09:30 UTC the relay started to get restarted again and\n"
            "by 09:40 UTC mail flow was back to normal.\n")
    got, _ = read(builder, text)
    assert got == {"started": (3, "2024-05-02T09:15", "prose"), "detected": None,
                   "mitigated": (4, "2024-05-02T09:30", "prose"), "resolved": (5, "2024-05-02T09:40", "prose")}


def test_one_time_told_is_no_narrative(builder: MetricsBuilder) -> None:
    text = "# Cache incident\n\nAt 11:00 UTC on 2024-05-02 the cache was flushed by mistake.\n"
    _, m = read(builder, text)
    assert m.timeline is None


def test_a_stated_span_wins_over_a_time_told_in_passing(builder: MetricsBuilder) -> None:
    text = ("# Upload outage\n\nOn 2024-05-02 between 08:40 and 09:05 UTC every upload failed.\n"
            "At 08:50 UTC the storage alert fired.\n")
    got, _ = read(builder, text)
    assert got["started"] == (3, "2024-05-02T08:40", "prose")
    assert got["detected"] == (4, "2024-05-02T08:50", "prose")


def test_a_timeline_section_is_not_read_from_the_prose(builder: MetricsBuilder) -> None:
    text = ("# Upload outage\n\nAt 07:00 UTC on 2024-05-02 uploads failed.\n\n## Timeline\n\n"
            "- 2024-05-02 07:10 Uploads fail for every user\n- 2024-05-02 07:12 Alert fired\n")
    got, m = read(builder, text)
    assert got["started"] == (7, "2024-05-02T07:10", "timeline")
    assert m.timeline == "timeline"


TYPO = ("# Build migration, 2023\n\n## Timeline\n\n| Time | Event |\n|---|---|\n"
        "| 20223-03-06 09:00 | The new build failed to copy its settings and the service errors |\n"
        "| 20223-03-06 10:00 | Alert fired for the service |\n")


def test_a_five_digit_year_is_read_as_the_one_year_the_document_names(builder: MetricsBuilder) -> None:
    got, m = read(builder, TYPO)
    assert got["started"] == (7, "2023-03-06T09:00", "timeline")
    assert "20223 read as 2023" in m.milestones["started"].note
    assert any("20223 read as 2023" in p["message"] for p in m.problems)  # the writer still hears of it


@pytest.mark.parametrize("title", ["Build migration", "Build migration, 2022 and 2023"])
def test_a_five_digit_year_with_no_single_year_named_stays_unread(builder: MetricsBuilder, title: str) -> None:
    got, m = read(builder, TYPO.replace("Build migration, 2023", title))
    assert got["started"] is None
    assert any("impossible date" in p["message"] for p in m.problems)


def test_an_act_conjoined_to_the_finding_is_an_act(builder: MetricsBuilder) -> None:
    text = ("# Token leak\n\n## Timeline\n\n- 2024-05-02 10:00 A token leaked in a public log\n"
            "- 2024-05-02 10:30 The team noticed the token, deleted it and rotated the rest\n"
            "- 2024-05-02 11:00 All clients fully restored\n")
    got, _ = read(builder, text)
    assert got["mitigated"] == (6, "2024-05-02T10:30", "timeline")
    near = text.replace("noticed the token, deleted it and", "noticed the token that was deleted and")
    got, _ = read(builder, near)
    assert got["mitigated"] != (6, "2024-05-02T10:30", "timeline")


def test_coverage_counts_both_denominators(builder: MetricsBuilder) -> None:
    full = ("# Upload outage\n\n## Timeline\n\n- 2024-05-02 07:10 Uploads fail for every user\n"
            "- 2024-05-02 07:12 Alert fired\n- 2024-05-02 07:30 Rolled back the release\n"
            "- 2024-05-02 07:45 All uploads fully restored\n")
    report = builder.build([("a.md", full, "markdown"), ("b.md", NARRATIVE, "markdown"),
                            ("c.md", "# Notes\n\nNothing happened.\n", "markdown")], AS_OF)
    assert report.coverage() == {"timeline": {"incidents": 1, "with_all_milestones": 1, "rate": 1.0},
                                 "timeline_or_narrative": {"incidents": 2, "with_all_milestones": 1, "rate": 0.5}}
    assert report.to_dict()["summary"]["coverage"] == report.coverage()


def test_an_impact_said_to_last_n_minutes_up_to_the_mitigation_starts_on_the_event_it_counts_from(
        builder: MetricsBuilder) -> None:
    text = NARRATIVE.replace("## Causes", "For approximately 36 minutes every search failed.\n\n## Causes")
    got, m = read(builder, text)
    assert got["started"] == (3, "2024-05-02T10:05", "prose")  # 10:41 minus 36 minutes: the shipping
    assert got["resolved"] == (6, "2024-05-02T10:41", "prose")
    assert "36 minutes" in m.milestones["started"].note
    # a span landing on no time told says nothing a reader could check
    got, _ = read(builder, text.replace("36 minutes", "30 minutes"))
    assert got["started"] is None and got["resolved"] is None
    # nor does a span of something that is no impact
    got, _ = read(builder, text.replace("every search failed", "the team met"))
    assert got["started"] is None


SENTENCES = ["the index failed", "we rolled back the release", "a customer reported errors",
             "every search was fully restored", "the team met"]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 23), st.integers(0, 59), st.sampled_from(SENTENCES),
                          st.sampled_from([" ", "\n"])), min_size=1, max_size=6),
       st.integers(0, 3))
def test_each_event_s_line_holds_its_time(events: list, blank_lines: int) -> None:
    body = "".join(f"At {h:02d}:{m:02d} UTC {s}.{sep}" for h, m, s, sep in events)
    text = "# Outage on 2024-05-02\n" + "\n" * blank_lines + "\n" + body + "\n"
    doc = parse_document(text, "markdown")
    lines = text.split("\n")
    index = LineIndex(text)
    told = prose_events(doc, dt.date(2024, 5, 2), None, lambda offset: index.position(offset)[0])
    assert [e.timed.moment.minutes for e in told] == [h * 60 + m for h, m, _, _ in events]
    for e, (h, m, _, _) in zip(told, events):
        assert f"{h:02d}:{m:02d}" in lines[e.timed.line - 1]


def test_a_footnote_mark_ends_the_sentence_and_a_date_after_the_time_dates_it() -> None:
    text = "We chose to purge the files.[^why] The purge ran at 14:05 UTC on March 5, 2031.\n\n[^why]: Kept copies.\n"
    p = next(p for p in parse_document(text, None).prose if "purge" in p.text)
    (event,), _ = events_of(p, None, None, lambda offset: 1)
    assert event.timed.entry.text.startswith("The purge ran")
    assert event.timed.moment.iso() == "2031-03-05T14:05"
