"""Action items and timeline entries as the parsers read them from real-document shapes:
status (checkbox, markers, strikethrough, Status cells, headings), owners and deadlines
written other ways, groups and details, tickets, priorities, timezones and days.
Every case has a near miss that must read the other way."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lint_service.document import parse_document


def items(text: str, fmt: str = "markdown"):
    return parse_document(text, fmt).action_items


def one(text: str, fmt: str = "markdown"):
    found = items(text, fmt)
    assert len(found) == 1, [i.text for i in found]
    return found[0]


AI = "## Action items\n\n"


# ------------------------------------------------------------------------- done items

@pytest.mark.parametrize("line,done", [
    ("- [x] Add a canary stage", True),
    ("- [X] Add a canary stage", True),
    ("- [ ] Add a canary stage", False),
    ("- Add a canary stage [done]", True),
    ("- Add a canary stage (Done)", True),
    ("- Add a canary stage (fixed 2024-03-02)", True),
    ("- Add a canary stage, done on 10 Jan", True),
    ("- Add a canary stage - DONE", True),
    ("- Completed: add a canary stage", True),
    ("- ✅ Add a canary stage", True),
    ("- ~~Add a canary stage~~", True),
    ("- ~~Add a canary stage~~ (superseded by the release train)", False),
    ("- Add a ~~two~~ three stage canary", False),
    ("- Add a done-callback to the job runner", False),
    ("- Add a canary stage once the fix is done", False),
    ("- Add a canary stage", False),
])
def test_done_markers(line, done):
    text = AI + line + "\n"
    item = one(text)
    assert item.done is done
    if done:
        f = item.status_field
        assert f is not None and f.end > f.start and text[f.start:f.end].strip()
    elif line.startswith("- [ ]"):
        assert item.status_field is not None and text[item.status_field.start:item.status_field.end] == "[ ]"


@pytest.mark.parametrize("status,done", [("DONE", True), ("closed", True), ("Fixed", True), ("✅", True),
                                         ("Resolved (v2.1)", True), ("In progress", False), ("open", False),
                                         ("", False), ("closed the old bucket first", False)])
def test_status_column(status, done):
    text = AI + "| Action | Owner | Due | Status |\n|---|---|---|---|\n" f"| Add a canary | @mia | 2024-05-01 | {status} |\n"
    item = one(text)
    assert item.done is done
    if status and item.status_field is not None:
        assert text[item.status_field.start:item.status_field.end] == status


def test_heading_marks_items_done_and_a_planned_heading_does_not():
    text = AI + "### Completed\n\n- Add a canary\n\n### Planned (in progress)\n\n- Add a probe\n"
    done, planned = items(text)
    assert done.done and done.status_field.value == "Completed"
    assert not planned.done


# ------------------------------------------------------------------------- owners

@pytest.mark.parametrize("line,owner", [
    ("- Move incident reports to the team manual [MK]", "MK"),
    ("- Add a healthcheck [JT to write story]", "JT"),
    ("- Define acceptance tests : Rosa P create story", "Rosa P"),
    ("- Define the rollback drill : Payments team", "Payments team"),
    ("- Rotate the keys (owner: @ayesha)", "@ayesha"),
    ("- Rotate the keys @sre-oncall", "@sre-oncall"),
    ("- Leads to review the token usage", "Leads"),
    ("- Platform team to rotate the keys", "Platform team"),
    ("- Move to the managed queue", None),
    ("- Platform changes to rotate", None),
    ("- Pin the modules : Existing story in backlog", None),
    ("- Add a healthcheck [P1]", None),
    ("- Add a healthcheck [WIP]", None),
    ("- Upgrade the proxy - Done", None),
    ("- Migrate the queue - Monday", None),
    ("- Read path separation - Implementing distinct pools", None),
])
def test_owner_forms(line, owner):
    text = AI + line + "\n"
    item = one(text)
    got = item.owner.value if item.owner is not None else None
    assert got == owner
    if owner:
        assert text[item.owner.start:item.owner.end] == owner


@pytest.mark.parametrize("header,owner_col", [("DRI", 1), ("Who", 1), ("Assignee", 1), ("Responsible", 1), ("Notes", None)])
def test_owner_columns(header, owner_col):
    text = AI + f"| Action | {header} | ETA |\n|---|---|---|\n| Add a canary | Mia | 2024-05-01 |\n"
    item = one(text)
    assert (item.owner is not None and item.owner.value == "Mia") is (owner_col is not None)


# ------------------------------------------------------------------------- deadlines

@pytest.mark.parametrize("header", ["Due", "ETA", "Target", "By", "When", "Target date"])
def test_deadline_columns(header):
    item = one(AI + f"| Action | Owner | {header} |\n|---|---|---|\n| Add a canary | Mia | Q3 2025 |\n")
    assert item.deadline is not None and item.deadline.value == "Q3 2025"


@pytest.mark.parametrize("line,deadline", [
    ("- Move the queue to its own cluster in Q4 2025", "Q4 2025"),
    ("- Move the queue to its own cluster (H1 2026)", "H1 2026"),
    ("- Move the queue to its own cluster - March 2026", "March 2026"),
    ("- Move the queue to its own cluster by end of Q2", "end of Q2"),
    ("- Move the queue to its own cluster", None),
    ("- Move 2025 queue entries to cold storage", None),
])
def test_deadline_forms(line, deadline):
    item = one(AI + line + "\n")
    assert (item.deadline.value if item.deadline else None) == deadline


def test_heading_deadline_covers_its_items_but_the_title_does_not():
    text = ("# Queue outage (November 2025)\n\n## Action items\n\n### Short term\n\n- Add a probe\n\n"
            "### Long term (Q4 2025 - Q1 2026)\n\n- Split the queue\n- Add a canary (due 2025-10-01)\n")
    probe, split, canary = items(text)
    assert probe.deadline is None  # the document's title is not a deadline
    assert split.deadline is not None and text[split.deadline.start:split.deadline.end] == "Q4 2025"
    assert canary.deadline.value == "2025-10-01"  # its own deadline wins


def test_group_bullet_hands_deadline_and_owner_to_its_children():
    text = AI + "- By 2025-06-30 (owner: @infra):\n  - Add a probe\n  - Split the queue\n- Rotate the keys\n"
    found = items(text)
    assert [i.text for i in found] == ["Add a probe", "Split the queue", "Rotate the keys"]
    assert [i.deadline.value if i.deadline else None for i in found] == ["2025-06-30", "2025-06-30", None]
    assert [i.owner.value if i.owner else None for i in found] == ["@infra", "@infra", None]


def test_sub_bullets_are_details_of_an_action():
    text = AI + "- Add alerts for:\n  - disk usage\n  - replica lag\n- Rotate the keys\n"
    assert [i.text for i in items(text)] == ["Add alerts for:", "Rotate the keys"]


def test_list_after_an_item_ending_in_colon_details_it():
    text = AI + "1. **Deeper engine monitoring**\n   We plan to alert on:\n\n- read amplification\n- table statistics\n\n2. **Runbooks**\n"
    assert len(items(text)) == 2
    near = AI + "1. **Deeper engine monitoring**\n   We plan to alert on:\n\nThen, separately:\n\n- Add a probe\n"
    assert len(items(near)) == 2  # a paragraph in between: the later list holds items of its own


# ------------------------------------------------------------------------- tickets, priorities

@pytest.mark.parametrize("line,ticket", [
    ("- Automate the deploys ([#4417](https://example.org/acme/infra/issues/4417))", "https://example.org/acme/infra/issues/4417"),
    ("- [#812]: Add a periodic consistency job\n\n[#812]: https://example.org/acme/registry/issues/812", "https://example.org/acme/registry/issues/812"),
    ("- Automate the deploys (OPS-1203)", "OPS-1203"),
    ("- Automate the deploys, see #77", "#77"),
    ("- Automate the deploys, see https://tracker.example.org/browse/OPS-9", "https://tracker.example.org/browse/OPS-9"),
    ("- Move logs to UTF-8 and patch CVE-2021-44228", None),
    ("- Read the [guide](https://example.org/docs/deploys) and automate the deploys", None),
    ("- Create a #gsp-incident channel", None),
])
def test_tickets(line, ticket):
    text = AI + line + "\n"
    item = one(text)
    assert (item.ticket.value if item.ticket else None) == ticket
    if ticket:
        assert item.ticket.end > item.ticket.start


@pytest.mark.parametrize("line,priority", [
    ("- **HIGH** Include downloads in the smoke test", "HIGH"),
    ("- [P1] Include downloads in the smoke test", "P1"),
    ("- Include downloads in the smoke test (priority: medium)", "medium"),
    ("- High availability for the smoke test runner", None),
    ("- Include downloads in the smoke test", None),
])
def test_priorities(line, priority):
    text = AI + line + "\n"
    item = one(text)
    assert (item.priority.value if item.priority else None) == priority
    if priority:
        assert text[item.priority.start:item.priority.end] == priority


# ------------------------------------------------------------------------- timelines

def test_timezone_note_and_day_apply_to_entries_below():
    text = ("## Timeline\n\nAll times in PST, on March 9th 2021\n\n- [08:47] Deploy starts\n"
            "- [09:10 UTC] Alert fires\n")
    a, b = parse_document(text, "markdown").timeline
    assert (a.timezone, a.day) == ("PST", (2021, 3, 9))
    assert b.timezone == "UTC"  # the entry's own zone wins


def test_timeline_heading_zone_and_no_zone():
    tl = parse_document("## Timeline (all times UTC)\n\n- 08:47 Deploy starts\n", "markdown").timeline
    assert tl[0].timezone == "UTC"
    tl = parse_document("## Timeline\n\n- 08:47 Deploy starts\n", "markdown").timeline
    assert tl[0].timezone is None


def test_time_led_run_is_a_timeline_under_any_heading():
    text = "## Context\n\n- 08:47 Deploy starts\n- 09:02 Alert fires\n- 09:30 Rollback\n"
    assert [e.time.value for e in parse_document(text, "markdown").timeline] == ["08:47", "09:02", "09:30"]
    near = "## Context\n\n- 08:47 Deploy starts\n- The alert fired later\n"
    assert parse_document(near, "markdown").timeline == []


def test_time_table_is_a_timeline_under_any_heading():
    text = "## Sequence\n\n| Time | Event |\n|---|---|\n| 08:47 | Deploy starts |\n| 09:02 | Alert fires |\n"
    assert [e.time.value for e in parse_document(text, "markdown").timeline] == ["08:47", "09:02"]
    near = "## Changes\n\n| Date | Change |\n|---|---|\n| 2024-03-01 | New proxy |\n| 2024-03-04 | New cache |\n"
    assert parse_document(near, "markdown").timeline == []


def test_date_line_carries_to_entries_and_their_own_date_keeps_the_year():
    text = "## Timeline\n\n2024-03-02\n\n- 23:50 Deploy starts\n- Mar 3 00:10 Alert fires\n"
    a, b = parse_document(text, "markdown").timeline
    assert a.day == (2024, 3, 2) and b.day == (2024, 3, 3)


# ------------------------------------------------------------------------- other formats

def test_plain_text_items_and_timezone():
    text = ("Timeline:\nAll times UTC.\n\n- 08:47 Deploy starts\n\nAction items:\n- Add a canary [done]\n"
            "- Rotate the keys (OPS-7) [MK]\n  - check the old ones too\n")
    doc = parse_document(text, "text")
    assert doc.timeline[0].timezone == "UTC"
    done, rotate = doc.action_items
    assert done.done and not rotate.done
    assert (rotate.owner.value, rotate.ticket.value) == ("MK", "OPS-7")


def test_yaml_status_ticket_priority_and_timezone():
    text = ('incident: {title: "Queue outage", timezone: UTC}\ntimeline:\n  - {time: "08:02", event: "Deploy"}\n'
            '  - {time: "09:00 PST", event: "Alert"}\naction_items:\n'
            '  - {description: "Add approval", status: done, ticket: OPS-12, priority: P1}\n'
            '  - {description: "Add a check", done: true}\n  - {description: "Add a probe", status: in progress}\n')
    doc = parse_document(text, "yaml")
    assert [e.timezone for e in doc.timeline] == ["UTC", "PST"]
    a, b, c = doc.action_items
    assert (a.done, a.ticket.value, a.priority.value) == (True, "OPS-12", "P1")
    assert b.done and not c.done
    assert text[a.status_field.start:a.status_field.end] == "done"


# ------------------------------------------------------------------------- offsets

_PIECES = st.sampled_from(["[done]", "(OPS-42)", "[P2]", "[MK]", "due 2025-01-31", "Q4 2025", "#118", "~~old~~",
                           "**bold**", "`code`", "é", "Ünïcode", "—", "  "])
_WORDS = st.sampled_from(["Add", "a", "canary", "stage", "to", "the", "deploy", "pipeline", "and"])


@settings(max_examples=80, deadline=None)
@given(st.lists(st.one_of(_PIECES, _WORDS), min_size=1, max_size=10), st.sampled_from(["- ", "- [ ] ", "* ", "1. "]))
def test_item_field_spans_point_at_their_text(parts, bullet):
    text = AI + bullet + "Add " + " ".join(parts) + "\n"
    for item in items(text):
        for f in (item.owner, item.deadline, item.status_field, item.ticket, item.priority):
            if f is None or f.end <= f.start:
                continue
            assert 0 <= f.start < f.end <= len(text)
            assert item.start <= f.start and f.end <= item.end
            if f.value not in ("~~",):
                assert text[f.start:f.end] == f.value


# ------------------------------------------------------------------------- labelled fields

def test_markdown_fields_from_front_matter_and_bold_labels():
    text = ('---\ntitle: "Queue outage"\nseverity: SEV2\n---\n# Queue outage\n\n**Detected:** 2024-03-11 08:20 UTC\n'
            "**Resolved**: 09:40\n\n- **Customer impact**: checkout errors\n- **Lessons**:\n\n"
            "A sentence with a colon: not a field. **Bold**: mid-line is not one either\n")
    fields = parse_document(text, "markdown").fields
    as_written = {k: v.value for k, v in fields.items() if not k.endswith("_at")}  # "_at": the metrics' keys
    assert as_written == {
        "title": "Queue outage", "severity": "SEV2", "detected": "2024-03-11 08:20 UTC", "resolved": "09:40",
        "customer_impact": "checkout errors"}
    for f in fields.values():
        assert text[f.start:f.end] == f.value


def test_text_and_yaml_fields():
    text = "Queue outage\n\nSeverity: SEV2\nDetected: 2024-03-11 08:20\n\nSummary:\nThe queue stalled: nobody noticed.\n"
    fields = parse_document(text, "text").fields
    assert {k: v.value for k, v in fields.items() if not k.endswith("_at")} == {"severity": "SEV2", "detected": "2024-03-11 08:20"}
    text = 'incident: {title: "Queue outage", started_at: "2024-03-11T08:07"}\ntimeline: []\nroot_causes: []\naction_items: []\n'
    fields = parse_document(text, "yaml").fields
    assert fields["started_at"].value == "2024-03-11T08:07"
    assert text[fields["title"].start:fields["title"].end] == "Queue outage"


def test_labelled_owner_and_deadline_in_details_count_but_bare_ones_do_not():
    text = AI + "- Add a canary stage\n  - Owner: @mia\n  - Due: 2025-05-01\n- Split the queue\n  - @lee reported the stall on 2025-01-02\n"
    canary, split = items(text)
    assert (canary.owner.value, canary.deadline.value) == ("@mia", "2025-05-01")
    assert text[canary.owner.start:canary.owner.end] == "@mia"
    assert split.owner is None and split.deadline is None


def test_status_shouted_in_another_column_and_bug_column_tickets():
    text = (AI + "| Action Item | Type | Owner | Bug |\n|---|---|---|---|\n"
            "| Update the stampede playbook | mitigate | jo | n/a **DONE** |\n"
            "| Balance load between clusters | prevent | max | Bug 4417 **TODO** |\n"
            "| Schedule a failure drill | process | ana | n/a |\n| Add a done flag to the job | process | ana | n/a |\n")
    playbook, balance, drill, flag = items(text)
    assert playbook.done and not balance.done and not drill.done and not flag.done
    assert playbook.ticket is None and drill.ticket is None and balance.ticket.value.startswith("Bug 4417")


def test_date_line_outside_the_timeline_carries_to_a_run_of_times():
    text = "## Context\n\n**March 3, 2024**\n\n- 08:47 Deploy starts\n- 09:02 Alert fires\n"
    assert [e.day for e in parse_document(text, "markdown").timeline] == [(2024, 3, 3), (2024, 3, 3)]
    near = "## Context\n\nOn March 3, 2024 we deployed.\n\n- 08:47 Deploy starts\n- 09:02 Alert fires\n"
    assert [e.day for e in parse_document(near, "markdown").timeline] == [None, None]


def test_struck_through_table_row_is_done():
    text = AI + "| Action | Owner | Due |\n|---|---|---|\n| ~~Restore the quota file~~ | | |\n| Restore ~~two~~ one file | | |\n"
    struck, partial = items(text)
    assert struck.done and not partial.done


def test_key_moments_with_the_time_after_a_label():
    text = "## Timeline\n\n- First alert 2022-01-22 11:57\n- Repaired at 13:59\n- The deploy finished and we waited until 11:57\n"
    alert, repaired, narrative = parse_document(text, "markdown").timeline
    assert (alert.text, alert.time.value, alert.labelled, alert.day) == ("First alert", "2022-01-22 11:57", True, (2022, 1, 22))
    assert (repaired.text, repaired.time.value) == ("Repaired", "13:59")
    assert narrative.time is None and not narrative.labelled


def test_an_empty_label_bullet_heads_the_list_after_it():
    text = "# Outage\n\n- **Impact**: checkout errors\n- **Review actions**:\n\n1. Add a canary\n2. Rotate the keys\n"
    assert [i.text for i in items(text)] == ["Add a canary", "Rotate the keys"]
    near = "# Outage\n\n- **Review actions**:\n- **Impact**: checkout errors\n\n1. Add a canary\n"
    assert items(near) == []


def test_plain_text_group_label_hands_its_deadline_to_the_items_under_it():
    text = "Action items:\n- Short term (by 2025-06-30):\n  - Add a probe\n  - Split the queue\n- Rotate the keys\n  - check the old ones\n"
    found = items(text, "text")
    assert [i.text for i in found] == ["Add a probe", "Split the queue", "Rotate the keys"]
    assert [i.deadline.value if i.deadline else None for i in found] == ["2025-06-30", "2025-06-30", None]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(["First", "detected", "**bold**", "`x`", "é", "at", ":", "Repaired"]), min_size=1, max_size=5),
       st.sampled_from(["11:57", "2022-01-22 11:57", "13:59 UTC", "[09:15]"]), st.sampled_from(["- ", "* ", "1. "]))
def test_timeline_time_spans_point_at_their_text(words, stamp, bullet):
    text = "## Timeline\n\n" + bullet + " ".join(words) + " " + stamp + "\n"
    for entry in parse_document(text, "markdown").timeline:
        if entry.time is not None and entry.time.end > entry.time.start:
            assert text[entry.time.start:entry.time.end] == entry.time.value


# ------------------------------------------------------------ template placeholders

@pytest.mark.parametrize("body", [
    "| Action | Owner | Due |\n|---|---|---|\n|  |  |  |\n|   |   |   |\n",  # empty rows to fill in
    "-\n",  # a bare bullet
    "- [ ] \n",  # an empty checkbox
    "- [ ]\n-\n",
])
def test_a_blank_placeholder_is_no_item(body):
    assert items(AI + body) == []


@pytest.mark.parametrize("body,text", [
    ("| Action | Owner | Due |\n|---|---|---|\n| Add a disk alert |  |  |\n|  |  |  |\n", "Add a disk alert"),
    ("| Action | Owner | Due |\n|---|---|---|\n|  | kim |  |\n", ""),  # an owner with no text yet is a row
    ("- [ ] Add a disk alert\n- [ ]\n", "Add a disk alert"),
    ("-\n- Rotate the keys\n", "Rotate the keys"),
])
def test_a_row_or_bullet_with_anything_in_it_is_still_an_item(body, text):
    assert [i.text.strip() for i in items(AI + body)] == [text]


def test_a_blank_placeholder_in_plain_text_is_no_item():
    text = "Action items\n============\n\n- [ ]\n- Rotate the keys\n"
    assert [i.text for i in items(text, "text")] == ["Rotate the keys"]


def test_a_blank_timeline_bullet_is_no_entry_but_an_untimed_one_is():
    text = "## Timeline\n\n-\n- [ ]\n- 09:00 Deploy starts.\n- Reports arrive from support.\n"
    entries = parse_document(text, "markdown").timeline
    assert [e.text.strip() for e in entries] == ["Deploy starts.", "Reports arrive from support."]
    plain = "Timeline\n========\n\n- [ ]\n- 09:00 Deploy starts.\n"
    assert [e.text.strip() for e in parse_document(plain, "text").timeline] == ["Deploy starts."]
