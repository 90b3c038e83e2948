"""A section's content present without its heading satisfies structure.missing-section
(lint_service/checks/section_evidence.py): each construction with a true positive (the
content is there, nothing reported) and a near miss (the content is not, still reported)."""
import re

import pytest

from lint_service import Linter


@pytest.fixture(scope="module")
def linter():
    return Linter()


def missing(linter, text, config=None):
    lin = Linter(config=config) if config is not None else linter
    out = set()
    for f in lin.lint(text, "markdown").findings:
        if f.rule == "structure.missing-section":
            found = re.search(r"has no (.*?) section", f.message)
            out.update(s.lower() for s in re.split(r", | or ", found.group(1))) if found else out.add("-")
    return out


TIMELINE = "## Timeline\n\n- 09:00 Deploy starts.\n- 09:10 Alert fires.\n"
CAUSE = "## Root causes\n\nThe retry loop had no backoff.\n"
ACTIONS = "## Action items\n\n- Add backoff to the retry loop (owner: Kim, due 2031-05-01)\n"
LESSONS = "## Lessons learned\n\nBackoff belongs in the shared client.\n"


def doc(summary: str, *parts: str) -> str:
    return "# Queue stall\n\n## Summary\n\n" + summary + "\n\n" + "\n".join(parts)


# Impact, stated in the summary.

def test_impact_stated_in_the_summary_satisfies_impact(linter):
    text = doc("For 40 minutes customers could not check out because the queue stalled.",
               TIMELINE, CAUSE, ACTIONS, LESSONS)
    assert "impact" not in missing(linter, text)


def test_a_summary_that_names_no_one_affected_leaves_impact_missing(linter):
    text = doc("The queue stalled for 40 minutes after the retry loop spun.", TIMELINE, CAUSE, ACTIONS, LESSONS)
    assert "impact" in missing(linter, text)


def test_an_empty_summary_does_not_borrow_the_text_above_it(linter):
    text = ("# Queue stall\n\n> Customers were affected by this template's example outage.\n\n"
            "## Summary\n\n" + TIMELINE + CAUSE + ACTIONS + LESSONS)
    assert "impact" in missing(linter, text)


# Timeline, told in dated paragraphs.

def test_a_timed_narrative_in_paragraphs_satisfies_timeline(linter):
    story = ("## What happened\n\nAt 09:00 UTC on March 3rd the deploy started. By 09:10 the alert fired.\n\n"
             "At 09:25 the deploy was rolled back and the queue drained.\n")
    text = doc("Customers could not check out; the queue stalled.", story, CAUSE, ACTIONS, LESSONS)
    assert "timeline" not in missing(linter, text)


def test_one_dated_sentence_is_no_timeline(linter):
    story = "## What happened\n\nOn March 3rd the deploy stalled the queue.\n"
    text = doc("Customers could not check out; the queue stalled.", story, CAUSE, ACTIONS, LESSONS)
    assert "timeline" in missing(linter, text)


# Root causes, explained elsewhere.

def test_a_causal_explanation_satisfies_root_causes(linter):
    text = doc("Customers could not check out because the retry loop had no backoff.", TIMELINE, ACTIONS, LESSONS)
    assert "root causes" not in missing(linter, text)


def test_an_explanatory_heading_satisfies_root_causes(linter):
    text = doc("Customers could not check out.", TIMELINE, "## Analysis\n\nThe loop spun.\n", ACTIONS, LESSONS)
    assert "root causes" not in missing(linter, text)


def test_no_explanation_leaves_root_causes_missing(linter):
    text = doc("Customers could not check out.", TIMELINE, ACTIONS, LESSONS)
    found = missing(linter, text)
    assert "root causes" in found


# Summary, from an at-a-glance label.

BODY = "## Impact\n\nCheckout failed.\n" + TIMELINE + CAUSE + ACTIONS + LESSONS


def test_an_identified_label_satisfies_summary(linter):
    text = "# Queue stall\n\n- **Identified**: the checkout queue stopped draining\n\n" + BODY
    assert "summary" not in missing(linter, text)


def test_a_label_that_names_another_section_is_no_summary(linter):
    text = "# Queue stall\n\n## Identified cause\n\nThe loop spun.\n\n" + BODY
    assert "summary" in missing(linter, text)


# Lessons learned and action items: one forward-looking pair.

def test_a_forward_looking_section_holds_the_lessons_and_the_actions(linter):
    ahead = "## Corrective and preventative measures\n\n- Add backoff to the retry loop.\n"
    text = doc("Customers could not check out.", TIMELINE, CAUSE, ahead)
    assert not {"action items", "lessons learned"} & missing(linter, text)


def test_an_action_list_holds_the_lessons(linter):
    text = doc("Customers could not check out.", TIMELINE, CAUSE, ACTIONS)
    assert "lessons learned" not in missing(linter, text)


def test_both_absent_is_one_finding_naming_the_pair(linter):
    text = doc("Customers could not check out.", TIMELINE, CAUSE)
    found = [f for f in linter.lint(text, "markdown").findings if f.rule == "structure.missing-section"]
    assert len(found) == 1 and "Action items or Lessons learned" in found[0].message


@pytest.mark.parametrize("section, is_missing", [
    # lessons written as commitments are the action list; lessons that commit to nothing are not
    ("## Lessons learned\n\n- We need to add backoff to the shared client.\n", False),
    ("## Lessons learned\n\n- Backoff should live in the shared client.\n", True),
    # a resolution reporting the fix shipped needs no list, unless work is left open
    ("## Resolution\n\nThe bug was fixed and released in version 4.2.\n", False),
    ("## Resolution\n\nThe bug was fixed and released in version 4.2. We will also add load tests.\n", True),
])
def test_action_items_without_a_list(linter, section, is_missing):
    text = doc("Customers could not check out.", TIMELINE, CAUSE, section)
    assert ("action items" in missing(linter, text)) is is_missing


# Not a postmortem.

def test_a_document_with_no_postmortem_heading_gets_one_finding(linter):
    text = "# Service catalogue\n\nEvery service we run, with its owner and runbook, listed below for new staff.\n\n" \
           "## Payments\n\nOwned by the payments team.\n\n## Search\n\nOwned by the search team.\n"
    found = [f for f in linter.lint(text, "markdown").findings if f.rule == "structure.missing-section"]
    assert len(found) == 1 and "None of this document's headings" in found[0].message


def test_one_postmortem_heading_makes_it_a_postmortem(linter):
    text = "# Outage\n\n## Payments\n\nOwned by the payments team.\n\n" + TIMELINE
    found = [f for f in linter.lint(text, "markdown").findings if f.rule == "structure.missing-section"]
    assert found and all("None of this document's headings" not in f.message for f in found)


# A configured template is held to the letter.

def test_a_configured_template_wants_every_section_as_a_heading(linter):
    text = doc("For 40 minutes customers could not check out because the retry loop had no backoff.",
               TIMELINE, ACTIONS)
    assert missing(linter, text) == set()
    assert {"impact", "root causes", "lessons learned"} <= missing(linter, text, config={"template": "default"})


def test_the_message_says_where_the_check_looked(linter):
    text = doc("The queue stalled for 40 minutes after the retry loop spun.", TIMELINE, CAUSE, ACTIONS, LESSONS)
    [f] = [f for f in linter.lint(text, "markdown").findings if f.rule == "structure.missing-section"]
    assert "the summary does not say who or what was affected" in f.message
