"""Milestone readings a reader checked: a zone in a table's header, the incident's own
date against the post's, and event choices (each with a true positive and a near miss)."""
from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

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


POST = ("# Update on last week's registry incident\n\n"
        "{opening}, the registry sustained an outage.\n\n"
        "## Timeline\n\n- 20:10 UTC: Uploads fail for every user\n- 20:30 UTC: An alert fired\n"
        "- 21:00 UTC: The bad release is rolled back\n- 00:40 UTC: Service fully restored\n")


@pytest.mark.parametrize("opening, day", [
    ("On Monday, Oct 15, beginning around 21:30 UTC", "2018-10-15"),
    ("On 2018-10-14 at 20:00 UTC", "2018-10-14"),
    ("It was a busy week. On Monday 15 October", "2018-10-15"),
    ("On December 30", "2017-12-30"),  # before the post: the year before the post's
])
def test_the_day_the_text_states_beats_the_post_date(builder: MetricsBuilder, opening: str, day: str) -> None:
    published = "2018-10-19" if "December" not in opening else "2018-01-04"
    m = builder.incident(f"{published}-registry.md", POST.format(opening=opening), AS_OF)
    assert m.date == day
    assert at(m, "started") == f"{day}T20:10 UTC"
    following = dt.date.fromisoformat(day) + dt.timedelta(days=1)
    assert at(m, "resolved") == f"{following.isoformat()}T00:40 UTC"  # after midnight: the next day


@pytest.mark.parametrize("opening", [
    "Since Monday, Oct 15, we have been planning this",  # no stating word
    "On Monday, Oct 22, we will ship the fix",  # after the post: a plan
    "We shipped the fix on Oct 15",  # not where the sentence opens
])
def test_other_dates_leave_the_post_date(builder: MetricsBuilder, opening: str) -> None:
    m = builder.incident("2018-10-19-registry.md", POST.format(opening=opening), AS_OF)
    assert m.date == "2018-10-19"


def bullets(*entries: str, after: str = "") -> str:
    return "# Shop outage\n\n## Timeline\n\n" + "".join(f"- {e}\n" for e in entries) + after


def line(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


FAILED_ACT = ("2024-05-02 09:10 UTC The shop is hard down and alerts fire",
              "2024-05-02 09:15 UTC Engineers revert the theme change",
              "{middle}",
              "2024-05-02 09:50 UTC The shop begins to recover",
              "2024-05-02 10:05 UTC The shop is fully restored")


@pytest.mark.parametrize("middle", ["2024-05-02 09:30 UTC The shop is still down for every visitor",
                                    "2024-05-02 09:30 UTC Further errors are discovered in checkout"])
def test_an_act_the_impact_outlived_is_not_the_mitigation(builder: MetricsBuilder, middle: str) -> None:
    text = bullets(*FAILED_ACT).replace("{middle}", middle)
    m = builder.incident("pm.md", text, AS_OF)
    assert m.milestones["mitigated"].line == line(text, "begins to recover")
    assert m.milestones["resolved"].line == line(text, "fully restored")


def test_an_act_followed_by_recovery_is_the_mitigation(builder: MetricsBuilder) -> None:
    text = bullets(*FAILED_ACT).replace("{middle}", "2024-05-02 09:30 UTC The shop is down for every visitor")
    m = builder.incident("pm.md", text, AS_OF)
    assert m.milestones["mitigated"].line == line(text, "revert the theme")


CLOSED_BY_ACT = ("2024-05-02 09:10 UTC Stolen tokens are used against the build hosts",
                 "2024-05-02 09:40 UTC An alert fired for the build hosts",
                 "2024-05-02 10:20 UTC All build hosts were stopped")


@pytest.mark.parametrize("recovery, resolved", [
    ("The build hosts are being rebuilt and every secret is being rotated.", False),
    ("We are rotating every secret this week.", False),
    ("The build hosts were rebuilt and every secret was rotated.", True),
    ("Rotating every secret took two days.", True),
])
def test_recovery_still_under_way_leaves_the_resolution_empty(builder: MetricsBuilder, recovery: str,
                                                              resolved: bool) -> None:
    text = bullets(*CLOSED_BY_ACT, after=f"\n## Recovery\n\n{recovery}\n")
    m = builder.incident("pm.md", text, AS_OF)
    assert m.milestones["mitigated"].line == line(text, "were stopped")
    assert (m.milestones["resolved"] is not None) == resolved
    assert ("recovery still under way when the document was written" in m.reasons) == (not resolved)


RESTART = ("2024-05-02 09:10 UTC Payments stall for every shop",
           "2024-05-02 09:16 UTC An alert fired; automation restarted the payment workers",
           "2024-05-02 09:21 UTC {after}")


@pytest.mark.parametrize("after, restored", [
    ("Payments being processed again after the stall", True),
    ("Orders are flowing again", True),
    ("Payments failed again", False),  # impact, not recovery
    ("Engineers checked the worker logs again", False),  # an act, not the service
    ("The queue is empty again", False),  # a state: maybe a lull between waves
])
def test_work_resuming_is_the_recovery_after_the_restart(builder: MetricsBuilder, after: str, restored: bool) -> None:
    text = bullets(*RESTART).replace("{after}", after)
    m = builder.incident("pm.md", text, AS_OF)
    resolved = m.milestones["resolved"]
    assert (resolved is not None and resolved.line == line(text, after)) == restored


REPORTED = ("2024-05-02 01:10 UTC The nightly export is stuck and jobs fail",
            "2024-05-02 02:40 UTC The failure is reported on the forum by a user",
            "2024-05-02 04:00 UTC {then}",
            "2024-05-02 05:00 UTC The export is rolled back",
            "2024-05-02 05:30 UTC All jobs fully restored")


@pytest.mark.parametrize("then, detected_at", [
    ("The on-call engineer wakes up and notices the forum reports", "04:00"),
    ("The on-call engineer reads the logs", "02:40"),  # nothing says the report went unseen
])
def test_a_report_counts_from_when_responders_saw_it(builder: MetricsBuilder, then: str, detected_at: str) -> None:
    text = bullets(*REPORTED).replace("{then}", then)
    m = builder.incident("pm.md", text, AS_OF)
    assert at(m, "detected") == f"2024-05-02T{detected_at} UTC"


@pytest.mark.parametrize("entry, detected", [
    ("A user emails the security team about a phishing page that copies our login", True),
    ("A user emails Store Safety about a suspicious phishing text they got", True),  # "emails" read as a noun
    ("A phishing page that copies our login goes live", False),
])
def test_a_users_email_to_the_responders_is_the_detection(builder: MetricsBuilder, entry: str, detected: bool) -> None:
    text = bullets(f"2024-05-02 13:14 UTC {entry}", "2024-05-02 14:01 UTC An admin posts about the phishing page",
                   "2024-05-02 15:00 UTC The phishing domain is blocked", "2024-05-02 15:30 UTC Resolved")
    m = builder.incident("pm.md", text, AS_OF)
    assert (m.milestones["detected"].line == line(text, "13:14")) == detected


def test_an_impact_section_dating_the_impact_beats_a_later_noticed_entry(builder: MetricsBuilder) -> None:
    text = ("# Build outage\n\n## Impact\n\nBuilds could not start for lack of disks. (Between 2:10pm - 4:45pm)\n\n"
            "## Timeline\n\nAll times in PST, on 2024-05-02\n\n"
            "- [13:20] The scheduler change is merged, triggering a deploy\n"
            "- [16:04] An engineer noticed builds are very slow\n"
            "- [17:25] The scheduler change is rolled back\n- [17:40] All builds fully restored\n")
    m = builder.incident("2024-05-02-builds.md", text, AS_OF)
    assert m.milestones["started"].line == line(text, "(Between") and m.milestones["started"].source == "prose"
    assert at(m, "started") == "2024-05-02T14:10 PST"
    assert m.milestones["resolved"].line == line(text, "fully restored")  # the window's end is not taken


@pytest.mark.parametrize("later, mitigated, resolved", [
    ("", "2024-05-02T17:40", "2024-05-02T17:40"),
    ("By May 3, 5:05 AM UTC the queue had drained and we fully recovered.", "2024-05-02T17:40",
     "2024-05-03T05:05"),
    ("By May 3, 5:05 AM UTC the queue began to recover.", "2024-05-02T17:40", None),  # under way: no end
    ("As a long-term fix (Q2 2024) we will split the service.", "2024-05-02T17:40", "2024-05-02T17:40"),
])
def test_a_span_in_a_document_without_timeline(builder: MetricsBuilder, later: str, mitigated: str,
                                               resolved: str | None) -> None:
    text = f"On 2024-05-02, the checkout API was unavailable for roughly two hours, from 15:45 to 17:40 UTC.\n\n{later}\n"
    m = builder.incident("pm.md", text, AS_OF)
    assert at(m, "started") == "2024-05-02T15:45 UTC"
    assert at(m, "mitigated") == f"{mitigated} UTC"
    assert at(m, "resolved") == (f"{resolved} UTC" if resolved else None)


def test_a_time_said_once_is_no_span(builder: MetricsBuilder) -> None:
    m = builder.incident("pm.md", "On 2024-05-02 at 15:30 UTC the checkout API went down.\n", AS_OF)
    assert all(v is None for v in m.milestones.values())


STATS = ("# Proxy switch\n\n## Timeline\n\n| Time | Event |\n|---|---|\n"
         "| 2024-05-02 08:20 | Load balancers switched to the new proxy |\n"
         "| 2024-05-02 09:25 | The error alarm fires for the login service |\n"
         "| 2024-05-02 09:40 | Rollback performed |\n| 2024-05-02 09:50 | Service operational |\n\n"
         "## Stats\n\n- Time to detection: {detect}\n- Time to recovery: {recover}\n")


@pytest.mark.parametrize("detect, recover, start_line", [
    ("65 minutes", "90 minutes", 7),  # both count from the switch
    ("65 minutes", "80 minutes", 8),  # they disagree: the inferred start stays
    ("?", "N/A", 8),
])
def test_stated_durations_place_the_start_on_their_entry(builder: MetricsBuilder, detect: str, recover: str,
                                                          start_line: int) -> None:
    m = builder.incident("pm.md", STATS.format(detect=detect, recover=recover), AS_OF)
    assert m.milestones["started"].line == start_line


KEY_EVENTS = ("# Leak on 2024-05-02\n\n- **Key events**\n  - First detected 2024-05-02 15:35\n"
              "  - Repaired {repaired}\n  - Resolved 2024-05-03 12:34\n\n## Timeline\n\n"
              "- 2024-05-02 16:08 UTC Leaked keys found by a reviewer\n- 2024-05-02 18:04 UTC The leaked keys are revoked\n")


@pytest.mark.parametrize("repaired, mitigated", [("2024-05-03 12:34", None), ("2024-05-02 18:04", "2024-05-02T18:04")])
def test_a_repair_field_repeating_the_resolution_is_no_mitigation(builder: MetricsBuilder, repaired: str,
                                                                  mitigated: str | None) -> None:
    m = builder.incident("pm.md", KEY_EVENTS.format(repaired=repaired), AS_OF)
    got = m.milestones["mitigated"]
    assert (got.moment.iso() if got else None) == mitigated
    assert m.milestones["resolved"].moment.iso() == "2024-05-03T12:34"


@given(label=st.sampled_from(["Time to detection", "Time to recovery", "time to detect"]),
       value=st.from_regex(r"[0-9]{1,3} (minutes|hours)|[0-9]h [0-9]{1,2}m|\?|N/A", fullmatch=True),
       pad=st.sampled_from(["", " ", "  "]))
@settings(max_examples=40, deadline=None)
def test_duration_item_offsets_point_at_their_value(label: str, value: str, pad: str) -> None:
    text = f"# Outage\n\n## Stats\n\n- {label}:{pad} {value}\n- Another item\n"
    doc = parse_document(text, "markdown")
    f = next(f for k, f in doc.fields.items() if k.startswith("time_to"))
    assert f.value == value == text[f.start:f.end]


UNDATED = """incident:
  id: INC-7
  duration_min: {minutes}
timeline:
  - time: "10:00"
    event: "The cache config change is rolled out to every node."
  - time: "10:05"
    event: "Search API requests fail with 5xx errors; the error-rate alert fired."
  - time: "10:20"
    event: "The cache config change is rolled back."
  - time: "10:40"
    event: "Search latency back to normal."
"""


@pytest.mark.parametrize("minutes, start", [(40, "10:00"), (33, "10:05")])
def test_a_stated_duration_places_the_start_on_an_undated_entry(builder: MetricsBuilder, minutes: int, start: str) -> None:
    """A report with clock times and no date: the duration taken back from the resolution
    lands on the rollout (40 minutes), so impact began there; landing on no entry (33
    minutes), the start stays the first impact event."""
    m = builder.incident("report.yaml", UNDATED.format(minutes=minutes), AS_OF)
    assert at(m, "started") == start and m.milestones["started"].source == "timeline"
