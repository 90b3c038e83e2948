"""Event readings a blind reader asked for: a report is the detection and not the start; an
attack is impact; a job re-run finishing successfully is the first recovery; a false positive
or "no further action" closes the incident, and with no impact known mitigates nothing.
Each with a true positive and a near miss, on timelines written for these tests."""
from __future__ import annotations

import datetime as dt

import pytest

from lint_service.metrics import MetricsBuilder

AS_OF = dt.date(2024, 7, 1)


@pytest.fixture(scope="module")
def builder() -> MetricsBuilder:
    return MetricsBuilder()


def lines(builder: MetricsBuilder, entries: list[str]) -> dict[str, int | None]:
    """Milestone -> line, for a timeline whose first entry is on line 5."""
    text = "# Incident\n\n## Timeline\n\n" + "".join(f"- 2024-05-02 {e}\n" for e in entries)
    m = builder.incident("pm.md", text, AS_OF)
    return {k: (None if v is None else v.line) for k, v in m.milestones.items()}


def test_a_report_naming_the_impact_is_the_detection_not_the_start(builder: MetricsBuilder) -> None:
    got = lines(builder, ["09:00 A customer reports that every login fails", "09:20 The release is rolled back",
                          "09:30 Logins fully restored"])
    assert got == {"started": None, "detected": 5, "mitigated": 6, "resolved": 7}
    # users telling the team is a report too, though the verb is "alert"
    got = lines(builder, ["09:00 End-users alerted us that every login fails", "09:20 The release is rolled back",
                          "09:30 Logins fully restored"])
    assert got["started"] is None and got["detected"] == 5


def test_an_alarm_naming_the_impact_is_both(builder: MetricsBuilder) -> None:
    got = lines(builder, ["09:00 Every login fails and the error alarm fires", "09:20 The release is rolled back",
                          "09:30 Logins fully restored"])
    assert got == {"started": 5, "detected": 5, "mitigated": 6, "resolved": 7}


def test_an_attack_is_impact(builder: MetricsBuilder) -> None:
    got = lines(builder, ["08:00 A flood of spam transactions begins", "08:30 The queue alarm fires"])
    assert got["started"] == 5 and got["detected"] == 6
    got = lines(builder, ["08:00 A batch of test transactions begins", "08:30 The queue alarm fires"])
    assert got["started"] is None


def test_a_rerun_finishing_successfully_is_the_first_recovery(builder: MetricsBuilder) -> None:
    got = lines(builder, ["12:00 The pipeline unexpectedly reverts the network settings",
                          "12:05 The on-call engineer notices the revert",
                          "12:25 The pipeline is re-queued and finishes successfully",
                          "12:35 Leftover pods deleted by hand", "12:40 All systems fully operational"])
    assert got == {"started": 5, "detected": 6, "mitigated": 7, "resolved": 9}
    # before the incident it is just a run
    got = lines(builder, ["11:00 The nightly pipeline finishes successfully",
                          "12:00 The pipeline unexpectedly reverts the network settings",
                          "12:05 The on-call engineer notices the revert", "12:35 Leftover pods deleted by hand",
                          "12:40 All systems fully operational"])
    assert got["started"] == 6 and got["mitigated"] == 8


def test_a_false_positive_closes_the_incident_and_mitigates_nothing(builder: MetricsBuilder) -> None:
    got = lines(builder, ["21:30 A user posts to the team chat that a coin left his wallet",
                          "21:40 The team checks the transaction", "23:50 The team verified it was a false positive"])
    assert got == {"started": None, "detected": 5, "mitigated": None, "resolved": 7}


def test_no_further_action_closes_it(builder: MetricsBuilder) -> None:
    got = lines(builder, ["10:00 The team became aware of the published vulnerability",
                          "11:00 Scans of every image started",
                          "15:00 The last product was checked and no further action was required"])
    assert got == {"started": None, "detected": 5, "mitigated": None, "resolved": 7}
    # with the impact known, the end that has no separate mitigation is both
    got = lines(builder, ["09:50 Every image upload fails", "10:00 The team became aware of the failures",
                          "15:00 Uploads fully restored and no further action was required"])
    assert got == {"started": 5, "detected": 6, "mitigated": 7, "resolved": 7}


def test_an_act_done_by_mistake_is_detected_by_whoever_did_it(builder: MetricsBuilder) -> None:
    got = lines(builder, ["00:30 A cleanup script was accidentally run and deleted every worker, so jobs fail",
                          "01:00 New workers joined and most jobs are running again",
                          "01:30 All systems fully operational"])
    assert got["started"] == 5 and got["detected"] == 5
    got = lines(builder, ["00:30 A cleanup script ran and deleted every worker, so jobs fail",
                          "01:00 New workers joined and most jobs are running again",
                          "01:30 All systems fully operational"])
    assert got["detected"] is None


SECTION = ("# Spam flood\n\n## Timeline\n\n- 2024-05-02 08:00 A flood of spam transactions begins\n"
           "- 2024-05-02 08:30 The queue alarm fires\n\n## Resolution and recovery\n\n"
           "On May 3, 2024 at about 09:45 UTC the sender stopped, and shortly after the chain {what}.\n")


def test_the_resolution_section_s_time_for_the_return_to_normal_is_the_resolution(builder: MetricsBuilder) -> None:
    m = builder.incident("pm.md", SECTION.format(what="returned to normal"), AS_OF).milestones
    assert (m["resolved"].line, m["resolved"].moment.iso(), m["resolved"].source) == (10, "2024-05-03T09:45", "prose")
    assert m["mitigated"].line == 10  # no responder step: the end mitigated it


@pytest.mark.parametrize("what", ["began to recover", "did not return to normal", "was still slow"])
def test_a_resolution_section_time_that_says_no_end_is_none(builder: MetricsBuilder, what: str) -> None:
    m = builder.incident("pm.md", SECTION.format(what=what), AS_OF).milestones
    assert m["resolved"] is None


def test_a_resolution_section_time_before_the_detection_is_not_taken(builder: MetricsBuilder) -> None:
    text = SECTION.format(what="returned to normal").replace("May 3, 2024 at about 09:45", "May 2, 2024 at about 08:10")
    assert builder.incident("pm.md", text, AS_OF).milestones["resolved"] is None


@pytest.mark.parametrize("entry, impact", [
    ("07:00 The ledger stopped creating blocks", True),
    ("07:00 The scheduler ceased running jobs", True),
    ("07:00 We stopped accepting writes to protect the database", False),
    ("07:00 The team stopped accepting writes", False),
])
def test_a_system_ceasing_its_work_is_impact_someone_stopping_it_an_act(builder: MetricsBuilder, entry: str,
                                                                          impact: bool) -> None:
    got = lines(builder, [entry, "07:20 The block alarm fires", "08:00 All systems fully restored"])
    assert (got["started"] == 5) is impact


SUMMARY = ("# Ledger stall\n\n## Summary\n\nOn 2024-05-02 at 6:48 AM PDT the ledger stopped creating blocks.\n\n"
           "## Timeline\n\n- {first}: Block 100 was farmed.\n"
           "- 14:11: An engineer noticed the node was not synced.\n")


def test_the_summary_s_start_lands_on_the_entry_that_writes_its_time(builder: MetricsBuilder) -> None:
    m = builder.incident("pm.md", SUMMARY.format(first="13:48 (6:48 PDT)"), AS_OF).milestones
    assert (m["started"].line, m["started"].source, m["started"].moment.iso()) == (9, "timeline", "2024-05-02T13:48")
    # with no entry writing it, the summary's own time, when it fits before the detection
    m = builder.incident("pm.md", SUMMARY.format(first="13:40"), AS_OF).milestones
    assert (m["started"].line, m["started"].source) == (5, "prose")


def test_a_summary_time_naming_no_impact_is_no_start(builder: MetricsBuilder) -> None:
    text = SUMMARY.format(first="13:40").replace("the ledger stopped creating blocks", "we shipped release 4")
    assert builder.incident("pm.md", text, AS_OF).milestones["started"] is None


@pytest.mark.parametrize("entry, recovery", [
    ("10:00 The ledger started moving forward slowly", True),
    ("10:00 Requests started timing out again", False),  # an impact of its own
    ("10:00 The on-call engineer started debugging the ledger", False),  # someone acting
])
def test_a_thing_beginning_its_work_is_a_first_recovery(builder: MetricsBuilder, entry: str, recovery: bool) -> None:
    got = lines(builder, ["09:00 The ledger stopped creating blocks", "09:10 The block alarm fires", entry,
                          "11:00 All systems fully restored"])
    assert (got["mitigated"] == 7) is recovery


def test_an_alert_is_a_signal_whatever_the_parser_tags_it(builder: MetricsBuilder) -> None:
    # the parser may read "alert" in "login-success-rate alert fires" as an adjective
    got = lines(builder, ["09:04 The first login failures appear", "09:09 The login-success-rate alert fires and pages the on-call",
                          "09:11 The on-call acknowledges the page", "09:40 Logins fully restored"])
    assert got["detected"] == 6


@pytest.mark.parametrize("entry, act", [("10:05 Wanjiru throttles the reindex to a quarter of the cluster", True),
                                        ("10:05 Search requests are throttled by the cluster", False)])
def test_throttling_done_by_someone_is_an_act(builder: MetricsBuilder, entry: str, act: bool) -> None:
    got = lines(builder, ["09:14 Both workloads hit the cluster and indexing fails", "09:40 The indexing lag alert fires",
                          entry, "13:20 Indexing fully restored"])
    assert (got["mitigated"] == 7) is act


REPEATED = ("# Token leak\n\n- **Key events**\n  - First detected 2024-05-02 10:00\n  - Repaired 2024-05-02 14:00\n"
            "  - Resolved 2024-05-02 14:00\n\n## Timeline\n\n- 2024-05-02 10:00 A token leaks in a public log\n"
            "- 2024-05-02 10:30 {act}\n- 2024-05-02 14:00 The log is removed from the site\n")


def test_a_repair_field_repeating_the_end_leaves_the_mitigation_to_the_timeline(builder: MetricsBuilder) -> None:
    # revoking a leaked token is containment: the step that cut the exposure
    m = builder.incident("pm.md", REPEATED.format(act="The team revoked the token"), AS_OF)
    assert (m.milestones["mitigated"].line, m.milestones["mitigated"].source) == (11, "timeline")
    no_act = REPEATED.format(act="The team met to discuss the token").replace("The log is removed from the site",
                                                                             "The review is held")
    m = builder.incident("pm.md", no_act, AS_OF)
    assert m.milestones["mitigated"] is None
    assert any("repeats the resolution" in r for r in m.reasons)
