import pytest

from lint_service import Linter


@pytest.fixture(scope="module")
def linter():
    return Linter()


def missing(linter, text, fmt=None, config=None):
    lin = Linter(config=config) if config is not None else linter
    return [f for f in lin.lint(text, fmt).findings if f.rule == "structure.missing-section"]


FULL = "# PM\n## Overview\nx\n## Customer impact\nx\n## Timeline of events\nx\n## Contributing factors\nx\n## Follow-ups\nx\n## What we learned\nx\n"


def test_synonyms_satisfy_the_template(linter):
    assert missing(linter, FULL) == []


def test_missing_sections_are_named_each(linter):
    text = "# PM\n## Summary\nx\n## Timeline\nx\n## Root Cause Analysis\nx\n## Lessons learned\nx\n"
    found = missing(linter, text)
    assert {("Impact" in f.message, "Action items" in f.message) for f in found} == {(True, False), (False, True)}
    assert all(f.category == "structure" for f in found)


def test_fuzzy_headings(linter):
    text = FULL.replace("Follow-ups", "Action Itmes").replace("Contributing factors", "Root-cause")
    assert missing(linter, text) == []


def test_snippets_without_headings_are_not_missing_sections(linter):
    assert missing(linter, "The deploy pipeline promoted a staging config.") == []


def test_yaml_report_requires_its_own_keys(linter):
    found = missing(linter, "incident: {id: x}\ntimeline: []\nroot_causes: []\n", "yaml")
    assert len(found) == 1 and "'action_items'" in found[0].message


def test_configured_sections(linter):
    text = "# PM\n## Summary\nx\n## Detection\nx\n"
    found = missing(linter, text, config={"required_sections": ["summary", "detection", "customer comms"]})
    assert len(found) == 1 and "Customer comms" in found[0].message
    assert missing(linter, text, config={"required_sections": ["summary"]}) == []


def rules_of(linter, text, fmt=None):
    return [f.rule for f in linter.lint(text, fmt).findings if f.category == "structure"]


SIX_BODY = "## Summary\nx\n## Impact\nx\n## Timeline\n- 10:00 x\n## Root causes\nx\n## Action items\nx\n## Lessons learned\nx\n"


def test_a_heading_that_joins_names_counts_for_each(linter):
    text = SIX_BODY.replace("## Action items\nx\n", "").replace("## Lessons learned", "## Lessons learned and future improvements")
    assert missing(linter, text) == []
    near = SIX_BODY.replace("## Action items\nx\n", "").replace("## Lessons learned", "## Lessons learned in the review")
    assert ["Action items" in f.message for f in missing(linter, near)] == [True]


def test_other_templates_names(linter):
    text = (SIX_BODY.replace("## Impact", "## How users were affected").replace("## Timeline", "## Sequence of events")
            .replace("## Lessons learned", "## Postmortem").replace("## Action items", "## Follow-up tasks"))
    assert missing(linter, text) == []


def test_postmortem_is_the_lessons_only_as_the_whole_heading(linter):
    # Held to the configured template: unconfigured, the action items would carry the lessons.
    text = SIX_BODY.replace("## Lessons learned", "## Postmortem of the checkout outage")
    found = missing(linter, text, config={"template": "default"})
    assert ["Lessons learned" in f.message for f in found] == [True]


def test_bold_labels_and_setext_headings_are_sections(linter):
    text = ("Checkout outage\n===============\n\n**Summary**: carts failed.\n\n- **Impact**: 20 minutes of errors\n\n"
            "Timeline\n--------\n\n- 10:00 alert\n\n**Root causes**: a full disk.\n\n**Action items**\n\n"
            "- Add a disk alert (owner: @ops, due 2030-01-01)\n\n**Lessons learned**: disks fill up.\n")
    assert missing(linter, text) == []


LEAD = ("# Checkout outage\n\nOn Tuesday the checkout service failed for forty minutes because a disk on the "
        "primary database host filled up.\n\n")


def test_the_lead_paragraphs_are_the_summary(linter):
    text = LEAD + SIX_BODY.replace("## Summary\nx\n", "")
    assert missing(linter, text) == []


def test_a_short_lead_is_no_summary(linter):
    text = "# Checkout outage\n\nDraft.\n\n" + SIX_BODY.replace("## Summary\nx\n", "")
    assert ["Summary" in f.message for f in missing(linter, text)] == [True]


NO_HEADINGS = (
    "On Tuesday the checkout service failed for forty minutes.\n\n"
    "A disk on the primary database host filled up with old write-ahead logs, and writes stopped.\n\n"
    "The on-call engineer was paged at 10:02 and freed space by archiving the logs to object storage.\n\n"
    "We will add an alert on free disk space and a job that archives the logs every hour.\n"
)


def test_a_whole_postmortem_without_headings_gets_one_finding(linter):
    found = [f for f in linter.lint(NO_HEADINGS, "markdown").findings if f.category == "structure"]
    assert [f.rule for f in found] == ["structure.no-headings"]
    assert found[0].line == 1 and "add a heading for each section" in found[0].message
    assert "Summary, Impact, Timeline, Root causes, Action items and Lessons learned" in found[0].message
    assert rules_of(linter, NO_HEADINGS, "text") == ["structure.no-headings"]


def test_a_snippet_without_headings_gets_none(linter):
    assert rules_of(linter, "The deploy pipeline promoted a staging config to production.") == []
    assert rules_of(linter, NO_HEADINGS.split("\n\n")[0] + "\n") == []


def test_no_headings_names_the_configured_sections(linter):
    found = Linter(config={"required_sections": ["summary", "timeline"]}).lint(NO_HEADINGS).findings
    assert [f.message.endswith("Summary and Timeline.") for f in found if f.category == "structure"] == [True]


@pytest.mark.parametrize("heading, covers", [
    # Google's external format: the issue summary gives the duration and the impact
    ("## Issue Summary", {"summary", "impact"}),
    ("## Issue summary of the queue stall", {"summary", "impact"}),
    ("## Summary of impact", {"summary", "impact"}),
    ("## Timeline summary", {"summary", "timeline"}),
])
def test_a_heading_that_combines_sections_by_its_name_counts_for_each(linter, heading, covers):
    # Held to the configured template, so only the heading (not the text under it) can satisfy a section.
    body = "\n".join(f"## {n.capitalize()}\nx\n" for n in
                     ("summary", "impact", "timeline", "root causes", "action items", "lessons learned") if n not in covers)
    text = f"# Queue stall\n{heading}\nx\n{body}"
    assert missing(linter, text, config={"template": "default"}) == []


@pytest.mark.parametrize("heading, still_missing", [
    ("## Summary", "Impact"),  # a plain summary names no impact
    ("## Impact summary table", None),  # a synonym of impact, not a combined heading: the summary stays missing
])
def test_a_plain_heading_combines_nothing(linter, heading, still_missing):
    body = "## Timeline\nx\n## Root causes\nx\n## Action items\nx\n## Lessons learned\nx\n"
    found = missing(linter, f"# Queue stall\n{heading}\nx\n{body}", config={"template": "default"})
    assert len(found) == 1 and (still_missing or "Summary") in found[0].message
