import pytest

from lint_service import Linter


@pytest.fixture(scope="module")
def linter():
    return Linter()


def hits(linter, text, rule, fmt=None):
    return [f for f in linter.lint(text, fmt).findings if f.rule == rule]


def test_markdown_bullets(linter):
    text = "## Timeline\n\nAll times UTC.\n\n- 08:02 Alert fires.\n- Around lunchtime, reports arrive.\n- T+12m Queue grows.\n- later the team met\n"
    found = hits(linter, text, "timeline.missing-timestamp")
    assert [f.line for f in found] == [6, 8]
    assert found[0].text.startswith("- Around lunchtime")
    assert "no time" in found[0].message


def test_table_rows_use_the_time_column(linter):
    text = ("## Timeline\n\n| Time | Event |\n|---|---|\n| 0730 | Renewed. |\n| 2019-12-03 --:-- | Surge. |\n"
            "| [???] | Unknown. |\n|  | Empty. |\n| around noon | Vague. |\n")
    found = hits(linter, text, "timeline.missing-timestamp")
    # A date with its clock left blank ("--:--") has no time of day either.
    assert [f.line for f in found] == [6, 7, 8, 9]
    assert "left blank" in found[0].message
    assert "'around noon'" in found[3].message and found[3].text == "around noon"


def test_yaml_entries(linter):
    text = 'incident: {}\ntimeline:\n  - time: "08:02"\n    event: "a"\n  - event: "b"\n  - time: "later"\n    event: "c"\n  - "09:00 d"\nroot_causes: []\naction_items: []\n'
    found = hits(linter, text, "timeline.missing-timestamp", "yaml")
    assert [(f.line, f.text) for f in found] == [(5, 'event: "b"'), (6, "later")]


def test_plain_text(linter):
    text = "Timeline:\n- 09:10 Start.\n- No time here.\n"
    assert [f.line for f in hits(linter, text, "timeline.missing-timestamp", "text")] == [3]


def test_out_of_order_within_a_day(linter):
    text = "## Timeline\n\n- 11:08 Mail sent.\n- 11:07 Ticket raised.\n- 23:55 Migration done.\n- 07:00 Merging resumes.\n"
    found = hits(linter, text, "timeline.out-of-order")
    assert [(f.line, f.text) for f in found] == [(4, "11:07")]  # 23:55 -> 07:00 is the next morning


def test_dates_separate_days(linter):
    text = ("## Timeline\n\n| Time | Event |\n|---|---|\n| 2019-02-27 17:15 | a |\n| 2019-02-28 10:15 | b |\n"
            "| 2019-02-28 09:00 | c |\n")
    found = hits(linter, text, "timeline.out-of-order")
    assert [f.line for f in found] == [7]


def test_date_headings_start_new_days(linter):
    text = "## Timeline\n\n### 2020-02-20\n\n- 22:48 UTC: Fix deployed\n\n### 2020-02-21\n\n- 09:27 UTC: Report\n"
    assert hits(linter, text, "timeline.out-of-order") == []


def test_time_led_run_outside_the_timeline_is_checked_for_order(linter):
    text = "## Context\n\n- 08:47 Deploy starts\n- 09:30 Rollback\n- 09:02 Alert fires\n"
    assert [f.line for f in hits(linter, text, "timeline.out-of-order")] == [5]
    near = "## Context\n\n- 08:47 Deploy starts\n- The rollback came later\n- 09:02 Alert fires\n"
    assert hits(linter, near, "timeline.out-of-order") == [] and hits(linter, near, "timeline.missing-timestamp") == []


def test_crossing_midnight_and_a_new_date_line_are_in_order(linter):
    text = "## Timeline\n\nAll times UTC.\n\n- 23:40 Deploy starts\n- 00:15 Alert fires\n\n2024-03-03\n\n- 08:00 Review\n"
    assert hits(linter, text, "timeline.out-of-order") == []
    same_day = "## Timeline\n\n2024-03-02\n\n- 2024-03-02 23:40 Deploy starts\n- 2024-03-02 00:15 Alert fires\n"
    assert [f.line for f in hits(linter, same_day, "timeline.out-of-order")] == [6]


def test_key_moments_have_times_and_are_not_ordered(linter):
    text = "## Timeline\n\n- First detected 2023-03-14 10:42\n- Incident declared 2023-03-14 13:26\n- Repaired 2023-03-14 12:44\n"
    assert hits(linter, text, "timeline.missing-timestamp") == []
    assert hits(linter, text, "timeline.out-of-order") == []
    narrative = "## Timeline\n\n- 2022-01-22 11:57 Detected\n- 2022-01-22 14:41 Declared\n- 2022-01-22 13:59 Repaired\n"
    assert [f.line for f in hits(linter, narrative, "timeline.out-of-order")] == [5]


# Template tables: blank rows, key-times labels and format examples are not entries.

@pytest.mark.parametrize("rows, flagged", [
    # a blank row of a template's table; the row after it has an event and no time
    ("| 09:00 | Deploy starts |\n|  |  |\n| Deploy ends |  |\n", [7]),
    # a key-times table's labels; an event without a time is still an entry
    ("| Detection Time |  |\n| Mitigation time |  |\n| Queue drained |  |\n", [7]),
    # a time written as its format; a vague time is still reported
    ("| 20xx-MM-DD HH:mm | Short event description |\n| sometime Tuesday | Alert fires |\n", [6]),
])
def test_template_rows_are_not_entries(linter, rows, flagged):
    text = "## Timeline\n\n| Time | Event |\n|---|---|\n" + rows
    found = hits(linter, text, "timeline.missing-timestamp", "markdown")
    assert [f.line for f in found] == flagged


def test_a_date_with_a_blank_clock_has_no_time(linter):
    text = ("## Timeline\n\n| Time | Event |\n|---|---|\n| 2031-04-02 09:00 | Alert fires |\n"
            "| 2031-04-02 --:-- | Reports arrive |\n| 2031-04-02 09:40 | Rollback |\n")
    found = hits(linter, text, "timeline.missing-timestamp", "markdown")
    assert [f.line for f in found] == [6] and "left blank" in found[0].message


def test_a_range_of_times_is_not_a_blank_clock(linter):
    text = "## Timeline\n\n- 09:00 Alert fires.\n- 09:10--09:20 Queue drains.\n"
    assert hits(linter, text, "timeline.missing-timestamp", "markdown") == []
