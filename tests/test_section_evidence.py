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


@pytest.mark.parametrize("cause, is_missing", [
    # impact told as what the cause did to something named (parsed_evidence)
    ("A malformed rule in the proxy config caused the billing portal to stop responding.", False),
    ("The retry storm resulted in the report workers being throttled.", False),
    ("The retry storm filled the queue, causing a slowdown in all report exports.", False),
    ("The retry storm disrupted every nightly export.", False),
    # an effect with nothing named, or a result that is no effect, says nothing about who
    ("A malformed rule in the proxy config caused an outage.", True),
    ("The refactor caused the removal of the forwarding block.", True),
    ("The proxy config had a malformed rule.", True),
])
def test_impact_told_as_what_the_cause_did(linter, cause, is_missing):
    text = doc("The proxy config changed on Tuesday.", TIMELINE, "## Root causes\n\n" + cause + "\n", ACTIONS, LESSONS)
    assert ("impact" in missing(linter, text)) is is_missing


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


@pytest.mark.parametrize("story, is_missing", [
    # a dated story: a dated event, then one placed after it (parsed_evidence)
    ("On 3 May 2031 a scanner flagged the leaked key. Within two hours the key had been revoked.", False),
    ("On 3 May 2031 a scanner flagged the leaked key.\n\nWe subsequently rotated every key.", False),
    ("On 3 May 2031 a scanner flagged the leaked key. An hour later the key was revoked.", False),
    # one dated event is not a chronology, whatever follows without a time
    ("On 3 May 2031 a scanner flagged the leaked key. We revoked the key.", True),
    # a sequence word needs a dated event before it
    ("Later the key was revoked. On 3 May 2031 a scanner had flagged it.", True),
    ("On 3 May 2031 a scanner flagged the leaked key. It was stored within the repository.", True),
])
def test_a_dated_story_in_prose(linter, story, is_missing):
    text = doc("Customers could not check out; the key leaked.", "## What happened\n\n" + story + "\n",
               CAUSE, ACTIONS, LESSONS)
    assert ("timeline" in missing(linter, text)) is is_missing


def test_a_dated_story_stays_within_its_section(linter):
    text = doc("Customers could not check out; the key leaked.",
               "## What happened\n\nOn 3 May 2031 a scanner flagged the leaked key.\n",
               "## Details\n\nWe subsequently rotated every key.\n", CAUSE, ACTIONS, LESSONS)
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
    # ... and one that states the work still ahead records what will change (parsed_evidence)
    ("## Resolution\n\nThe bug was fixed and released in version 4.2. We will also add load tests.\n", False),
    ("## Resolution and recovery\n\nThe team plans to have an outside firm audit the runners.\n", False),
    ("## Resolution\n\nThe hosts are offline. All signing keys are being rotated.\n", False),
    ("## Resolution\n\nThe service recovered after the restart.\n", True),
    # work told as what is left to do (an infinitive after "remain"); a state that remains is none
    ("## Resolution\n\nVersion 4.2 fixed the stall. Queue tuning remains a priority to finish this year.\n", False),
    ("## Resolution\n\nVersion 4.2 fixed the stall. Two workers remain to be upgraded.\n", False),
    ("## Resolution\n\nThe service recovered after the restart. The queue remains stable.\n", True),
    ("## Resolution\n\nThe service recovered. The trigger remains a mystery to the team.\n", True),
    # a future that describes the fixed system, or work declined, is no plan
    ("## Resolution\n\nThe patched release will always validate blocks first.\n", True),
    ("## Resolution\n\nThe service recovered. We will not rebuild the old hosts.\n", True),
])
def test_action_items_without_a_list(linter, section, is_missing):
    text = doc("Customers could not check out.", TIMELINE, CAUSE, section)
    assert ("action items" in missing(linter, text)) is is_missing


# Not a postmortem.

def test_a_document_with_no_postmortem_heading_gets_one_finding(linter):
    # An incident told under headings of its own (days, not sections): worth one finding.
    text = ("# The Tuesday checkout outage\n\n## Tuesday\n\nOn Tuesday the checkout service failed for forty "
            "minutes after a disk on the primary database host filled with old write-ahead logs.\n\n"
            "The database stopped accepting writes and every order placed in that window was lost.\n\n"
            "## Wednesday\n\nThe logs were archived to object storage and an alert on free disk space was added, "
            "so the next full disk pages the on-call engineer before writes stop.\n")
    found = [f for f in linter.lint(text, "markdown").findings if f.rule == "structure.missing-section"]
    assert len(found) == 1 and "None of this document's headings" in found[0].message


@pytest.mark.parametrize("text", [
    # an index: one line of introduction and a table of files
    "# Service catalogue\n\nEvery service we run, listed for new staff.\n\n| service | owner | runbook |\n"
    "|---|---|---|\n| payments | payments team | runbooks/payments.md |\n| search | search team | runbooks/search.md |\n"
    "| mail | platform team | runbooks/mail.md |\n| queue | platform team | runbooks/queue.md |\n",
    # a short page of headings and one-line notes
    "# Service catalogue\n\nEvery service we run, with its owner and runbook, listed below for new staff.\n\n"
    "## Payments\n\nOwned by the payments team.\n\n## Search\n\nOwned by the search team.\n",
])
def test_a_document_with_no_postmortem_content_gets_none(linter, text):
    assert [f.rule for f in linter.lint(text, "markdown").findings if f.category == "structure"] == []


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
