"""Milestones: explicit fields and markers, words inferred through the parse (each rule
with a true positive and a near miss), dates carried, midnight, timezones, bad input."""
from __future__ import annotations

import datetime as dt

import pytest
from metrics_samples import BAD_TIME, FIELDS_YAML, INFERRED, MARKERS, NO_TIMELINE

from lint_service.metrics import MetricsBuilder
from lint_service.metrics.milestones import classify, milestone_words

AS_OF = dt.date(2024, 7, 1)


@pytest.fixture(scope="module")
def builder() -> MetricsBuilder:
    return MetricsBuilder()


def timeline(*entries: str) -> str:
    """A minimal postmortem whose timeline is ``entries`` (one bullet each)."""
    return "# Outage\n\n## Timeline\n\n" + "".join(f"- {e}\n" for e in entries)


def line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


def summary(m) -> dict:
    return {k: (v.moment.iso(), v.line, v.source) if v else None for k, v in m.milestones.items()}


def test_google_markers_and_inferred_detection(builder: MetricsBuilder) -> None:
    m = builder.incident("pm.md", MARKERS, AS_OF)
    assert summary(m) == {
        "started": ("2024-03-11T08:07", line_of(MARKERS, "- 08:07"), "timeline-marker"),
        "detected": ("2024-03-11T08:20", line_of(MARKERS, "- 08:20"), "timeline"),
        "mitigated": ("2024-03-11T08:31", line_of(MARKERS, "- 08:31"), "timeline-marker"),
        "resolved": ("2024-03-11T08:49", line_of(MARKERS, "- 08:49"), "timeline-marker"),
    }
    assert m.minutes == {"to_detect": 13, "to_mitigate": 24, "to_resolve": 42}
    assert (m.id, m.severity, m.date) == (None, "SEV-1", "2024-03-11")
    assert m.milestones["started"].to_dict()["timezone"] == "UTC"


def test_inferred_across_midnight_with_dates_from_headings(builder: MetricsBuilder) -> None:
    m = builder.incident("pm.md", INFERRED, AS_OF)
    s = summary(m)
    # The rebuild starting (a trigger) is not the start; the first failure is.
    assert s["started"] == ("2024-05-02T23:52", line_of(INFERRED, "- 23:52"), "timeline")
    assert s["detected"] == ("2024-05-02T23:58", line_of(INFERRED, "- 23:58"), "timeline")
    # "A PR to roll back ... was opened" is not a rollback; the restore is the first recovery.
    assert s["mitigated"] == ("2024-05-03T00:25", line_of(INFERRED, "- 00:25"), "timeline")
    assert s["resolved"] == ("2024-05-03T00:40", line_of(INFERRED, "- 00:40"), "timeline")
    assert m.minutes == {"to_detect": 6, "to_mitigate": 33, "to_resolve": 48}
    assert (m.id, m.severity) == ("INC-2024-0502", "SEV-2")


def test_yaml_fields_are_explicit(builder: MetricsBuilder) -> None:
    m = builder.incident("report.yaml", FIELDS_YAML, AS_OF)
    assert {k: v.source for k, v in m.milestones.items()} == dict.fromkeys(m.milestones, "field")
    assert m.milestones["detected"].line == line_of(FIELDS_YAML, "detected_at")
    assert m.minutes == {"to_detect": 7, "to_mitigate": 35, "to_resolve": 85}
    assert (m.id, m.title, m.severity, m.date) == ("INC-2024-0610", "Login failures after certificate rotation",
                                                  "critical", "2024-06-10")
    assert m.action_items.to_dict() == {"total": 2, "done": 0, "open": 2, "overdue": 1}


def test_no_timeline_still_reported_with_reason(builder: MetricsBuilder) -> None:
    m = builder.incident("2024-02-01-billing.md", NO_TIMELINE, AS_OF)
    assert all(v is None for v in m.milestones.values())
    assert m.minutes == {"to_detect": None, "to_mitigate": None, "to_resolve": None}
    assert m.reasons == ["no timeline and no milestone fields"]
    assert m.date == "2024-02-01"  # from the file name
    assert m.root_causes == ["The billing queue consumer was scaled to zero during a migration."]


def test_malformed_time_reported_and_the_rest_goes_on(builder: MetricsBuilder) -> None:
    m = builder.incident("q.md", BAD_TIME, AS_OF)
    assert m.problems == [{"line": 6, "message": "unreadable time '9:7x'"}]
    assert m.milestones["detected"].moment.iso() == "09:00"
    assert m.milestones["resolved"].moment.iso() == "09:30"


def test_midnight_without_dates_and_zones(builder: MetricsBuilder) -> None:
    text = timeline("23:50 PDT Uploads started failing.", "23:55 PDT The upload alert fired.",
                    "07:20 UTC Uploads fully restored.")
    m = builder.incident("x.md", text, AS_OF)
    # 23:50 PDT is 06:50 UTC the next day: 30 minutes, not a negative number.
    assert m.minutes["to_resolve"] == 30
    text2 = timeline("23:50 Uploads started failing.", "23:55 The upload alert fired.", "00:20 Uploads fully restored.")
    m2 = builder.incident("x.md", text2, AS_OF)
    assert m2.minutes == {"to_detect": 5, "to_mitigate": 30, "to_resolve": 30}
    assert m2.milestones["resolved"].moment.iso() == "00:20 (+1d)"


def test_alert_before_any_impact_leaves_the_start_unknown(builder: MetricsBuilder) -> None:
    text = timeline("10:00 Disk usage alert fired on db-1.", "10:20 Writes began failing on db-1.",
                    "10:30 Old logs were removed.", "10:35 Writes fully restored.")
    m = builder.incident("x.md", text, AS_OF)
    assert m.milestones["started"] is None
    assert m.milestones["detected"].moment.iso() == "10:00"


def test_start_needs_something_after_it(builder: MetricsBuilder) -> None:
    text = timeline("10:00 A user asked about the new pricing page.", "10:30 We reproduced the problem on a test machine.")
    m = builder.incident("x.md", text, AS_OF)
    assert m.milestones["started"] is None


@pytest.fixture(scope="module")
def kinds(builder: MetricsBuilder):
    words = milestone_words()

    def read(sentence: str) -> set[str]:
        markers, events = classify(builder.parse([sentence])[0], words)
        return markers | events

    return read


@pytest.mark.parametrize(("sentence", "kind"), [
    ("The checkout API started returning 503 errors.", "started"),
    ("The site is down for every customer.", "started"),
    ("The on-call engineer was paged.", "signals"),
    ("Maria noticed that the queue was growing.", "perceived"),
    ("A customer reported the outage to support.", "detected"),
    ("The employee provided a screenshot of the failed payment to the incident channel.", "detected"),
    ("Sean deleted the corrupted versions from the database.", "mitigated"),
    ("Pods stabilised after the restart.", "resolved"),
    ("Prow is merging again at its usual rate.", "resolved"),
    ("The release was rolled back.", "mitigated"),
    ("We failed over to the secondary region.", "mitigated"),
    ("Payments fully restored.", "resolved"),
    ("Error rate back to normal.", "resolved"),
    ("Prow is confirmed healthy.", "resolved"),
])
def test_event_words(kinds, sentence: str, kind: str) -> None:
    assert kind in kinds(sentence)


@pytest.mark.parametrize(("sentence", "kind"), [
    ("Version 2.3 was deployed to production.", "started"),          # a trigger is not a start
    ("Alarms tell the team if there are errors.", "started"),          # hypothetical
    ("The operator shut down the old host.", "started"),               # "down" as a particle of an act
    ("A PR to roll back the change was opened.", "mitigated"),          # intended, not done
    ("Rollback attempted.", "mitigated"),
    ("The rollback fails on a missing permission.", "mitigated"),
    ("The team began a rollback of the ingress.", "mitigated"),
    ("The service was not restored by the restart.", "resolved"),       # negated
    ("Healthy nodes were terminated by the autoscaler.", "resolved"),   # a modifier, not a state
    ("The pages configuration was modified.", "signals"),               # "page" the noun
    ("She digs into the errors in an attempt to fix the issue by a rollback.", "mitigated"),  # a purpose
    ("He merges the rollback PR, which itself is blocked on a missing check.", "mitigated"),
    ("The team prioritises getting the site back up and running.", "resolved"),
])
def test_event_words_near_misses(kinds, sentence: str, kind: str) -> None:
    assert kind not in kinds(sentence)


@pytest.mark.parametrize(("sentence", "kind"), [
    ("Upgrade landed, kicking off a deploy. **Outage begins.**", "started"),
    ("Traffic drained to the other region. OUTAGE MITIGATED", "mitigated"),
    ("Prow is functional again (outage ends)", "resolved"),
    ("INCIDENT ENDS", "resolved"),
    ("The commander calls the end of the incident.", "resolved"),
])
def test_markers(builder: MetricsBuilder, sentence: str, kind: str) -> None:
    markers, _ = classify(builder.parse([sentence])[0], milestone_words())
    assert kind in markers


def test_marker_near_miss(builder: MetricsBuilder) -> None:
    markers, _ = classify(builder.parse(["The outage report was published."])[0], milestone_words())
    assert not markers


def test_a_report_alone_is_not_a_detection(builder: MetricsBuilder) -> None:
    text = timeline("09:00 A message notified users of the upcoming deployment.",
                    "09:10 Uploads started failing with 500 errors.", "09:15 A customer reported the failures to support.")
    m = builder.incident("x.md", text, AS_OF)
    assert m.milestones["detected"].moment.iso() == "09:15"
    assert m.milestones["started"].moment.iso() == "09:10"


def test_impossible_year_is_reported(builder: MetricsBuilder) -> None:
    text = "# X\n\n## Timeline\n\n| Time | Event |\n|---|---|\n| 20202-01-16 12:00 | Builds started failing. |\n" \
           "| 2020-01-16 12:30 | The build alert fired. |\n"
    m = builder.incident("x.md", text, AS_OF)
    assert m.problems and m.problems[0]["line"] == 7 and "20202-01-16" in m.problems[0]["message"]
    assert m.milestones["started"] is None


@pytest.mark.parametrize("entries,detected", [
    # the team acted (a change) before it reported the account: the researcher's later report is the detection
    (["2030-06-01 02:00 An unknown account gained unauthorized write access to the build cache.",
      "2030-06-01 03:10 The platform team changed the cache's access policy to members only.",
      "2030-06-01 03:30 The platform team reported the unknown account to the hosting provider.",
      "2030-06-02 09:00 A researcher reported the cache compromise to the security inbox.",
      "2030-06-02 09:40 The platform team disabled the cache's write tokens."], "2030-06-02 09:00"),
    # the near miss: posting about it earlier is not acting on the incident
    (["2030-06-01 02:00 Checkout requests started failing with errors.",
      "2030-06-01 02:05 The support team posted the weekly rota in the chat.",
      "2030-06-01 02:20 The support team reported the failing checkout to the on-call engineer.",
      "2030-06-01 02:40 The on-call engineer rolled back the release."], "2030-06-01 02:20"),
])
def test_a_report_by_someone_already_acting_is_not_the_detection(builder: MetricsBuilder, entries: list[str],
                                                                 detected: str) -> None:
    text = timeline(*entries)
    s = summary(builder.incident("c.md", text, dt.date(2031, 1, 1)))
    assert s["detected"] == (detected.replace(" ", "T"), line_of(text, detected), "timeline")


def test_an_untimed_first_impact_is_the_reason_the_start_is_unknown(builder: MetricsBuilder) -> None:
    text = "# Outage\n\n## Timeline\n\n- Disk latency grew until the queue workers began failing\n" \
           "- 2030-06-01 10:05 The storage alert fired for the queue hosts\n- 2030-06-01 10:30 We restarted the workers\n"
    m = builder.incident("u.md", text, dt.date(2031, 1, 1))
    assert m.milestones["started"] is None
    assert "the first entry describing impact (line 5) has no time" in m.reasons
    # the near miss: a timed first impact is the start, and no such reason is given
    timed = text.replace("- Disk latency", "- 2030-06-01 09:50 Disk latency")
    m = builder.incident("u.md", timed, dt.date(2031, 1, 1))
    assert m.milestones["started"] is not None and not any("has no time" in r for r in m.reasons)


@pytest.mark.parametrize("act,impact", [
    # a consequence clause; the near miss: the same act without it is a change, not yet impact
    ("The cleanup job deleted the build volumes, resulting in queued builds", True),
    ("The cleanup job deleted the build volumes", False),
    # an unexpected act; the near miss: the same act as planned
    ("The cleanup job unexpectedly deleted the build volumes", True),
    ("The cleanup job deleted the old build volumes as planned", False),
])
def test_consequences_and_unexpected_acts_are_impact(builder: MetricsBuilder, act: str, impact: bool) -> None:
    text = timeline(f"2030-07-01 09:00 {act}", "2030-07-01 09:20 The build alert fired",
                    "2030-07-01 09:45 The volumes were restored from snapshots")
    s = summary(builder.incident("r.md", text, dt.date(2031, 1, 1)))
    assert s["started"] == (("2030-07-01T09:00", line_of(text, "09:00"), "timeline") if impact else None)


@pytest.mark.parametrize("alert,started", [
    ("2030-08-01 10:00", True),  # listed first (a summary of key events) but not earlier: the start stands
    ("2030-08-01 09:40", False),  # the near miss: an alert before any impact entry leaves the start unknown
])
def test_a_signal_listed_first_must_also_come_first(builder: MetricsBuilder, alert: str, started: bool) -> None:
    text = timeline(f"{alert} The disk alert fired", "2030-08-01 10:00 Checkout requests started failing",
                    "2030-08-01 10:20 We rolled back the release")
    s = summary(builder.incident("k.md", text, dt.date(2031, 1, 1)))
    assert (s["started"] is not None) is started


def test_detection_and_its_act_in_one_entry(builder: MetricsBuilder) -> None:
    text = timeline("2024-04-02 10:00 The ledger stalled at batch 4410.",
                    "2024-04-02 10:06 Monitoring detected the stall; automation restarted the sequencers "
                    "and this resolved the issue.",
                    "2024-04-02 10:20 The postmortem was scheduled.")
    s = summary(builder.incident("pm.md", text, AS_OF))
    line = line_of(text, "Monitoring detected")
    assert (s["detected"][1], s["mitigated"][1], s["resolved"][1]) == (line, line, line)


@pytest.mark.parametrize("entries,kind,needle", [
    # what was noticed ("labels that should have been removed") is no act
    (("2024-04-02 10:00 Builds start failing.",
      "2024-04-02 10:05 Ana notices that labels that should have been removed block every merge.",
      "2024-04-02 10:30 Ana rolls back the release.", "2024-04-02 10:40 Builds are fully restored."),
     "mitigated", "10:30"),
    # requests taking seconds are impact; the rebuild taking minutes is not
    (("2024-04-02 10:00 The nightly rebuild takes 20 minutes, as usual.",
      "2024-04-02 10:30 All requests to the search API begin to take 15 seconds.",
      "2024-04-02 10:35 An alert fired for index latency.", "2024-04-02 10:50 Everything is back to normal."),
     "started", "10:30"),
    # an act after which "the issue persisted" did not mitigate it; the next one did
    (("2024-04-02 10:00 Builds start failing.", "2024-04-02 10:05 Ana notices the failing builds.",
      "2024-04-02 10:10 Ana reverts the config change.", "2024-04-02 10:20 Ana found the issue persisted.",
      "2024-04-02 10:30 Ana rolled the runner image back to v41.", "2024-04-02 10:40 Builds are fully restored."),
     "mitigated", "10:30"),
    # ... and an act with nothing saying the impact went on did
    (("2024-04-02 10:00 Builds start failing.", "2024-04-02 10:05 Ana notices the failing builds.",
      "2024-04-02 10:10 Ana reverts the config change.", "2024-04-02 10:20 Ana found the queue drained.",
      "2024-04-02 10:40 Builds are fully restored."),
     "mitigated", "10:10"),
])
def test_milestone_entry(builder: MetricsBuilder, entries: tuple[str, ...], kind: str, needle: str) -> None:
    text = timeline(*entries)
    assert summary(builder.incident("pm.md", text, AS_OF))[kind][1] == line_of(text, needle)


def test_last_mitigating_act_closes_a_timeline_without_resolution(builder: MetricsBuilder) -> None:
    text = timeline("2024-04-02 10:00 Uploads start failing for every tenant.",
                    "2024-04-02 10:05 An alert fired for upload errors.",
                    "2024-04-02 10:20 The abusive client is blocked.",
                    "2024-04-02 11:00 The junk objects are deleted from the bucket.")
    m = builder.incident("pm.md", text, AS_OF).milestones
    assert (m["mitigated"].line, m["resolved"].line) == (line_of(text, "10:20"), line_of(text, "11:00"))
    assert m["resolved"].note.startswith("the last event")


def test_last_event_that_is_no_act_closes_nothing(builder: MetricsBuilder) -> None:
    text = timeline("2024-04-02 10:00 Uploads start failing for every tenant.",
                    "2024-04-02 10:05 An alert fired for upload errors.",
                    "2024-04-02 10:20 The abusive client is blocked.",
                    "2024-04-02 11:00 The vendor replied that they saw nothing unusual.")
    assert builder.incident("pm.md", text, AS_OF).milestones["resolved"] is None


def test_fix_released_last_is_the_resolution(builder: MetricsBuilder) -> None:
    text = timeline("2024-04-02 10:00 Downloads start failing with 404 errors.",
                    "2024-04-02 10:05 An alert fired for download errors.",
                    "2024-04-02 10:10 The release was rolled back, temporarily fixing downloads.",
                    "2024-04-02 11:00 A PR fixing the path joining was merged.",
                    "2024-04-02 11:30 The staging build was promoted to production.")
    m = builder.incident("pm.md", text, AS_OF).milestones
    assert m["resolved"].line == line_of(text, "11:30") and m["resolved"].note == "the last event: the fix released"
    # ... but a release with no fix named since the mitigation is only more work
    other = text.replace("A PR fixing the path joining was merged", "The team met to review the graphs")
    assert builder.incident("pm.md", other, AS_OF).milestones["resolved"] is None


@pytest.mark.parametrize("text,kind,expected", [
    ("A developer reports a high count of HTTP 307 redirects.", "started", True),
    ("The count of HTTP 307 redirects is reported weekly.", "started", False),
    ("The team placed a warning on the domain, reducing the number of victims.", "mitigated", True),
    ("The team plans to reduce the number of victims.", "mitigated", False),
    ("The admin posted a message about the phishing site in the team chat.", "detected", True),
    ("The admin posted a message in the team chat.", "detected", False),
    ("The incident is considered resolved.", "resolved", True),
    ("The team is considering a resolution.", "resolved", False),
])
def test_more_event_words(builder: MetricsBuilder, text: str, kind: str, expected: bool) -> None:
    assert (kind in classify(builder.parse([text])[0], milestone_words())[1]) is expected
