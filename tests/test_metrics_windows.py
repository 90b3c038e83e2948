"""Impact windows (a time-range field, a summary sentence stating the span) and detection
told only in prose: each with a true positive and a near miss."""
from __future__ import annotations

import datetime as dt

import pytest

from lint_service.metrics import MetricsBuilder

AS_OF = dt.date(2024, 7, 1)
TIMELINE = ("## Timeline\n\n"
            "- 2024-03-02 12:20 Downloads fail with 404 errors for every user.\n"
            "- 2024-03-02 12:25 An alert fired for download errors.\n"
            "- 2024-03-02 12:40 The release was rolled back.\n"
            "- 2024-03-02 12:50 Downloads are fully restored.\n")


@pytest.fixture(scope="module")
def builder() -> MetricsBuilder:
    return MetricsBuilder()


def line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


def test_key_value_table_with_a_range_is_start_and_resolution(builder: MetricsBuilder) -> None:
    text = ("# Storage outage\n\n| Date | March 2nd, 2024 |\n| --- | --- |\n"
            "| Time | 2024-03-02 23:10 - 2024-03-03 01:00 (UTC) |\n| Service | object store |\n\n"
            "## Timeline\n\n- 2024-03-02 23:30 Someone noticed the store was down.\n")
    m = builder.incident("pm.md", text, AS_OF).milestones
    line = line_of(text, "| Time |")
    assert (m["started"].moment.iso(), m["started"].line, m["started"].source) == ("2024-03-02T23:10", line, "field")
    assert (m["resolved"].moment.iso(), m["resolved"].line) == ("2024-03-03T01:00", line)
    assert m["mitigated"].note == "the resolution: no separate mitigation"


def test_key_value_row_that_is_no_range_gives_nothing(builder: MetricsBuilder) -> None:
    text = ("# Storage outage\n\n| Date | March 2nd, 2024 |\n| --- | --- |\n"
            "| Time | 2024-03-02 23:10, then again after the restart 01:00 |\n\n"
            "## Timeline\n\n- 2024-03-02 23:30 Someone noticed the store was down.\n")
    m = builder.incident("pm.md", text, AS_OF).milestones
    assert m["started"].source == "timeline" and m["resolved"] is None


def test_key_value_row_is_a_field(builder: MetricsBuilder) -> None:
    text = "# Outage\n\n| Field | Value |\n| --- | --- |\n| Detected | 2024-03-02 10:05 |\n| Owner | infra |\n"
    m = builder.incident("pm.md", text, AS_OF).milestones
    assert (m["detected"].moment.iso(), m["detected"].source) == ("2024-03-02T10:05", "field")


def test_summary_window_gives_the_start(builder: MetricsBuilder) -> None:
    text = "# Downloads\n\n## Summary\n\nOn 2024-03-02 between 12:05 and 12:40 UTC downloads were broken.\n\n" + TIMELINE
    m = builder.incident("pm.md", text, AS_OF).milestones
    assert (m["started"].moment.iso(), m["started"].line, m["started"].source) == (
        "2024-03-02T12:05", line_of(text, "On 2024"), "prose")
    # the end of the stated window is not the resolution: the timeline's is
    assert m["resolved"].line == line_of(text, "12:50")


def test_two_times_that_are_no_span_give_no_start(builder: MetricsBuilder) -> None:
    text = ("# Downloads\n\n## Summary\n\nThe deploy at 12:05 and the revert at 12:40 were both manual.\n\n" + TIMELINE)
    m = builder.incident("pm.md", text, AS_OF).milestones
    assert (m["started"].line, m["started"].source) == (line_of(text, "12:20 Downloads"), "timeline")


def test_stated_start_after_the_inferred_one_is_not_taken(builder: MetricsBuilder) -> None:
    text = "# Downloads\n\n## Summary\n\nFrom 12:30 until 12:50 on 2024-03-02 most downloads failed.\n\n" + TIMELINE
    m = builder.incident("pm.md", text, AS_OF).milestones
    assert m["started"].source == "timeline"


DETECTION = ("# Config reverted\n\n## Summary\n\nA pipeline run reverted the network settings. {sentence}\n\n"
             "## Timeline\n\n- 2024-03-02 12:00 The pipeline unexpectedly reverts the network settings, breaking DNS.\n"
             "- 2024-03-02 12:20 The settings are re-applied.\n- 2024-03-02 12:30 All systems verified operational.\n")


def test_noticed_at_once_in_prose_is_detection_at_the_start(builder: MetricsBuilder) -> None:
    text = DETECTION.format(sentence="The change was noticed quickly by the storage team.")
    d = builder.incident("pm.md", text, AS_OF).milestones["detected"]
    assert (d.moment.iso(), d.line, d.source) == ("2024-03-02T12:00", line_of(text, "- 2024-03-02 12:00"), "prose")
    assert f"line {line_of(text, 'The change')}" in d.note


@pytest.mark.parametrize("sentence", ["The change was noticed by the network team.",
                                      "The change was not quickly noticed by the network team."])
def test_noticed_without_a_time_or_negated_gives_no_detection(builder: MetricsBuilder, sentence: str) -> None:
    assert builder.incident("pm.md", DETECTION.format(sentence=sentence), AS_OF).milestones["detected"] is None


BELOW = ("# Lookalike domain\n\n## Timeline\n\n"
         "- 2024-03-02 09:00 A user reports a phishing site copying our login page.\n"
         "- 2024-03-02 09:10 The on-call engineer acknowledges the report.\n"
         "- 2024-03-02 11:00 The registrar places the lookalike domain on hold.\n"
         "- 2024-03-02 11:30 The hosting provider replies to our second complaint.\n\n"
         "{after}\n\nThe incident is considered resolved; we keep watching for new domains.\n")


def test_resolution_below_the_timeline_takes_the_time_of_the_event_it_follows(builder: MetricsBuilder) -> None:
    text = BELOW.format(after="After the registrar placed the lookalike domain on hold, lookups failed and "
                              "visitors could no longer reach the site.")
    m = builder.incident("pm.md", text, AS_OF).milestones
    assert (m["resolved"].moment.iso(), m["resolved"].line) == ("2024-03-02T11:00", line_of(text, "- 2024-03-02 11:00"))


def test_resolution_below_the_timeline_needs_an_event_it_follows(builder: MetricsBuilder) -> None:
    text = BELOW.format(after="Lookups failed and visitors could no longer reach the site.")
    assert builder.incident("pm.md", text, AS_OF).milestones["resolved"] is None


def test_stated_span_from_the_start_lands_on_an_entry(builder: MetricsBuilder) -> None:
    text = ("# Bad index\n\n## Summary\n\nIt took 1 hour and 10 minutes from the start of the outage until the "
            "fix was deployed.\n\n## Timeline\n\n"
            "- 2024-03-02 10:00 **Two packages are published with a corrupt checksum.**\n"
            "- 2024-03-02 10:20 Installs fail for every user.\n"
            "- 2024-03-02 10:40 The corrupt versions are deleted.\n"
            "- 2024-03-02 11:10 Fix deployed to production.\n")
    s = builder.incident("pm.md", text, AS_OF).milestones["started"]
    assert (s.moment.iso(), s.line, s.source) == ("2024-03-02T10:00", line_of(text, "- 2024-03-02 10:00"), "prose")
    # a span that lands on no entry says nothing a reader could check
    other = text.replace("1 hour and 10 minutes", "1 hour and 5 minutes")
    assert builder.incident("pm.md", other, AS_OF).milestones["started"].line == line_of(text, "- 2024-03-02 10:20")


def test_an_impact_that_had_already_lasted_leaves_the_start_unknown(builder: MetricsBuilder) -> None:
    entries = ("## Timeline\n\n- 2024-03-02 10:20 Ana notices the queue is stuck: no job has run in more than 9 minutes.\n"
               "- 2024-03-02 10:30 The worker pool is restarted.\n- 2024-03-02 10:40 Jobs are back to normal.\n")
    m = builder.incident("pm.md", "# Queue\n\n" + entries, AS_OF)
    assert m.milestones["started"] is None and "already lasted" in m.reasons[-1]
    near = entries.replace(": no job has run in more than 9 minutes", " and the deploy took 9 minutes")
    assert builder.incident("pm.md", "# Queue\n\n" + near, AS_OF).milestones["started"] is not None


ACTIONS = ("# Malicious packages on the mirror\n\n## Summary\n\nOn March 3 a researcher told us of four packages "
           "that stole tokens.\n\n## Actions taken\n\n{first}\n\nAfter reading the upload logs we decided to "
           "purge the packages from the download host.[^kept] {last} at 14:05 UTC on March 5, 2031.\n\n"
           "[^kept]: Copies were kept for analysis.\n")


def test_the_last_act_the_resolution_section_dates_closes_it(builder: MetricsBuilder) -> None:
    # the section's one dated event is a deletion, a mitigating act: it closes the incident;
    # the packages yanked earlier, with no time, mitigated it, so no mitigation is given
    text = ACTIONS.format(first="The packages were yanked right after the report.", last="The removal was done")
    m = builder.incident("pm.md", text, AS_OF).milestones
    assert (m["resolved"].moment.iso(), m["resolved"].line) == ("2031-03-05T14:05", line_of(text, "After reading"))
    assert m["mitigated"] is None


def test_a_dated_event_that_is_no_act_closes_nothing(builder: MetricsBuilder) -> None:
    # the near miss: the dated sentence is a review, not a mitigating act
    text = ACTIONS.format(first="We read the report.", last="The review was finished")
    assert builder.incident("pm.md", text, AS_OF).milestones["resolved"] is None


def test_resolution_stated_below_outranks_the_last_event(builder: MetricsBuilder) -> None:
    # the timeline's last entry is a removal (a mitigating act), but the text below says the
    # incident was over after the hold: that entry, not the last one (the near miss, the
    # last event closing it with nothing said below, is test_metrics_milestones.py's
    # test_last_mitigating_act_closes_a_timeline_without_resolution)
    text = BELOW.format(after="After the registrar placed the lookalike domain on hold, lookups failed and "
                              "visitors could no longer reach the site.") \
        .replace("The hosting provider replies to our second complaint.", "The hosting provider confirms removal of the copied pages.") \
        .replace("- 2024-03-02 11:00", "- 2024-03-02 10:00 We block the lookalike domain in the mail filter.\n- 2024-03-02 11:00")
    assert builder.incident("pm.md", text, AS_OF).milestones["resolved"].line == line_of(text, "- 2024-03-02 11:00")
