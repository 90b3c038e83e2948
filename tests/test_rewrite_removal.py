"""A sentence that only says whose fault it was gets its removal as the rewrite
(rewrite/verdict_only.py, checks/blame/removal.py, removal_span.py), and every surface
shows and applies it cleanly. Sentences are our own."""
from __future__ import annotations

import json
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lsp_support import apply_edits
from lsprotocol import types

from lint_service import Linter
from lint_service.checks.blame.removal_span import removal_span
from lint_service.cli.main import main
from lint_service.findings import REMOVAL_LABEL
from lint_service.lsp.actions import code_actions
from lint_service.lsp.positions import PositionMap
from lint_service.web.app import create_app


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter()


def _blame(linter: Linter, text: str, fmt: str = "markdown"):
    return [f for f in linter.lint(text, format=fmt).findings if f.category == "blame"]


def _apply(text: str, f, i: int = 0) -> str:
    return text[: f.start] + f.suggestions[i] + text[f.end :]


# ---- when: only a verdict or an apology is left ------------------------------------

VERDICTS = [
    "My bad!",  # chat shorthand
    "Sorry, that was my mistake.",  # apology with an owned fault
    "This one was totally on me.",  # owned with "on me"
    "It was my fault, sorry everyone.",  # verdict and a filler apology
    "Operator error, plain and simple.",  # a labelled error with a filler
    "Totally my fault, apologies :(",  # emoji
    "This was entirely Anselm's mistake, and he has acknowledged it.",  # (rewrite26) the verdict owned
    "This was all Anselm's mistake, and he has said as much himself.",  # (rewrite26) "said as much"
    "Sorry, that one's on my head.",  # owned with a possessive place
]


@pytest.mark.parametrize("sentence", VERDICTS)
def test_a_bare_verdict_gets_the_removal(linter: Linter, sentence: str) -> None:
    text = f"The replica fell behind by noon. {sentence}"
    [f] = _blame(linter, text)
    assert f.suggestions == [""]
    assert "whose fault" in f.message and "nothing of what happened" in f.message and f.message.endswith("stand.")
    assert _apply(text, f) == "The replica fell behind by noon."


def test_a_named_person_verdict_after_the_account_is_removed(linter: Linter) -> None:
    text = "The job deleted the staging bucket. That was all Marisol's mistake."
    [f] = _blame(linter, text)
    assert f.suggestions == [""] and _apply(text, f) == "The job deleted the staging bucket."


# Verdicts earlier rounds refused to restate (tests/test_rewrite_constructions.py,
# _faults, _leads, _verdict_acts): the verdict is all they say, so now the one
# suggestion is the removal, and still never a restatement.
@pytest.mark.parametrize("sentence", [
    "Farrukh was at fault.",
    "The whole outage was Yusuf's error.",
    "It was a mistake by Ana.",
    "The whole mess was Teodor's error.",
])
def test_a_verdict_earlier_rounds_left_alone_is_only_removed(linter: Linter, sentence: str) -> None:
    [f] = _blame(linter, sentence, "text")
    assert f.suggestions == [""]


NEAR_MISSES = [
    "It was my fault that the nightly export was skipped.",  # a clause with what happened
    "Additionally, an operator error was the root cause.",  # a causal claim
    "My fault for the 40 minutes of downtime.",  # a number
    "Was it my mistake?",  # a question
    "My bad, I restarted the wrong replica.",  # an act
    "It was not my fault.",  # a denial
    "ok, I reckon it was on my end.",  # where the problem lay: the writer's own setup
]


@pytest.mark.parametrize("sentence", NEAR_MISSES)
def test_a_verdict_that_keeps_a_fact_is_not_removed(linter: Linter, sentence: str) -> None:
    for f in _blame(linter, sentence, "text"):
        assert "" not in f.suggestions


# (rewrite26) a verdict on a named thing (rewrite/verdict_topic.py): the thing is the
# incident or a part of it, told elsewhere as an event; the person's own words and a frame
# that reports the verdict go with it. (Before rewrite26 "Ravi was to blame for the
# expired token, the retro decided." stood among the near misses.)
TOPIC_VERDICTS = [
    "The dropped webhooks were the fault of the integrations engineer.",  # "<thing> was the fault of <person>"
    "The stalled rollout was the release captain's fault.",  # a possessive fault
    "Blame for the corrupted thumbnails lies with the media intern.",  # "blame for <thing> lies with"
    "Responsibility for the stale cache rests with Oskar.",  # a responsibility noun
    "The culprit behind the quota exhaustion was the analytics contractor.",  # "the culprit behind"
    "Ravi was to blame for the expired token, the retro decided.",  # with a frame that reports it
    "The retro concluded that the pager lead was at fault.",  # no thing named, a concluding frame
    "That one was entirely the fault of the shift supervisor at the Hull depot.",  # the person's own place
    "Blame for the missing invoices lies with the billing clerk, per the audit.",  # "per" frame
    "The loss of the chilled pallets was reportedly the fault of a junior picker in Leeds.",  # a hedge, "of" topic
    "The loss of the chilled pallets was the fault of the dispatching clerk.",  # a participle compound
    "Kenji is the one to blame for the stale replica.",  # "the one to blame for"
    "Sorry, I caused this.",  # the incident itself caused, no act named
    "Hey @lukas, I am sorry for causing all this...",  # an addressee, an apology for causing it
    "Wendell caused the outage.",  # a named person
    "Whoever wrote this backup script was clearly lazy.",  # an unnamed doer of a plain act, judged
]


@pytest.mark.parametrize("sentence", TOPIC_VERDICTS)
def test_a_verdict_on_a_named_thing_is_removed(linter: Linter, sentence: str) -> None:
    [f] = _blame(linter, sentence, "text")
    assert f.suggestions == [""]


TOPIC_NEAR_MISSES = [
    "The outage was the fault of the approver, who signed it off without reading it.",  # the approver's act
    "The 3-hour outage was Ravi's fault.",  # a number
    "The restore that failed at noon was the fault of the shift supervisor.",  # a clause of its own
    "Blame for the corrupted thumbnails lies with the media intern who resized them by hand.",  # the intern's act
    "Blame for the corrupted thumbnails lies with the media intern and the resize job.",  # a second culprit, a system
    "Was the stale cache the fault of Oskar?",  # a question
    "The contractors were careless with the anchor chain and the barge drifted onto the sandbank.",  # what happened
    "The contractors were careless with 40 crates.",  # a number
    "I caused the 40-minute outage.",  # a number
    "Whoever wrote this backup script at 3am was careless.",  # a time of the act
    "Wendell caused the outage by deleting the index.",  # the act that did it: restated, not removed
    "The contractors were careless with the crates they stacked by the door.",  # their act
    # (rewrite29) a judgement of how a thing was handled names the thing, which the removal
    # lost (blind round 19: poor or acceptable in all seven rows)
    "The intern was careless with the shipping labels.",
    "Looking back, I was sloppy with my staging credentials.",
    "In hindsight, the vendor team was negligent about the firmware checks.",  # said as lapsed instead
    "Whoever configured this proxy was careless with the header limits.",
]


@pytest.mark.parametrize("sentence", TOPIC_NEAR_MISSES)
def test_a_verdict_on_a_thing_that_says_more_is_not_removed(linter: Linter, sentence: str) -> None:
    for f in _blame(linter, sentence, "text"):
        assert "" not in f.suggestions


# (rewrite26) a demand that someone be punished (rewrite/punishment_only.py): nothing of
# what happened to restate, so the sentence goes
PUNISHMENTS = [
    "Whoever merged that hotfix should lose their deploy rights.",  # a privilege lost
    "Frankly, Bogdan should lose his production access after this.",  # a filler and "after this"
    "Honestly, the reviewer who waved this through deserves a formal warning.",  # a punishment deserved
    "The analyst responsible should be held accountable at their next review.",  # held accountable
    "Bogdan should lose his production access until he is retrained.",  # the demand's condition
    "Whoever pushed that tag should be suspended.",  # a punishment passive with a clausal subject
]


@pytest.mark.parametrize("sentence", PUNISHMENTS)
def test_a_demand_for_punishment_is_removed(linter: Linter, sentence: str) -> None:
    [f] = _blame(linter, sentence, "text")
    assert f.suggestions == [""]


PUNISHMENT_NEAR_MISSES = [
    "The analyst responsible was fired the next week.",  # a report of what was done: a fact
    "Bogdan should lose his production access and we should add a review gate.",  # an action of its own
    "The on-call should lose pager rights when the rota changes.",  # a time clause, not a condition
    "Should Bogdan lose his production access?",  # a question
    "Follow-up: Bogdan should lose his production access.",  # a field's value: the label would hang
]


@pytest.mark.parametrize("sentence", PUNISHMENT_NEAR_MISSES)
def test_a_punishment_that_says_more_is_not_removed(linter: Linter, sentence: str) -> None:
    for f in _blame(linter, sentence, "text"):
        assert "" not in f.suggestions


# (rewrite26) a cleft that only says who did a plain act (rewrite/cleft_only.py)
CLEFTS = [
    "It was Imogen who flushed the cache.",
    "I was the one who dropped the table.",
    "It was the new intern who restarted the primary.",
]


@pytest.mark.parametrize("sentence", CLEFTS)
def test_a_cleft_that_only_says_who_is_removed(linter: Linter, sentence: str) -> None:
    [f] = _blame(linter, sentence, "text")
    assert f.suggestions == [""]


CLEFT_NEAR_MISSES = [
    "It was Imogen who flushed the cache at 14:02.",  # a time: restated without her
    "It was Imogen who flushed 3 caches.",  # a number
    "Maybe it was Imogen who flushed the cache.",  # a guess
    "It was Imogen who flushed the cache, and that is how the sessions went.",  # what followed
]


@pytest.mark.parametrize("sentence", CLEFT_NEAR_MISSES)
def test_a_cleft_that_says_more_is_not_removed(linter: Linter, sentence: str) -> None:
    for f in _blame(linter, sentence, "text"):
        assert "" not in f.suggestions


def test_a_verdict_after_a_label_in_its_line_keeps_the_label_from_hanging(linter: Linter) -> None:
    # (rewrite26) the label is cut off before the rewrite sees the sentence: the removal
    # is refused where the finding starts after "<label>:" on its line
    for f in _blame(linter, "Note: it was my fault.", "text"):
        assert "" not in f.suggestions


def test_a_verdict_after_a_label_on_its_line_is_not_removed(linter: Linter) -> None:
    # "Root cause:" would be left hanging
    for f in _blame(linter, "Root cause: operator error.", "text"):
        assert "" not in f.suggestions


@pytest.mark.parametrize("text", [
    "**Note:** it was my fault.\n",                                   # an emphasised label on its line
    "Root cause:\n\nOperator error, plain and simple.\n\nThe disk filled.\n",  # the label a paragraph above
    "Findings:\n- Sorry, my mistake.\n",                             # the label over a list
])
def test_a_verdict_first_after_a_label_is_not_removed(linter: Linter, text: str) -> None:
    found = _blame(linter, text)
    assert found and all("" not in f.suggestions for f in found)


def test_a_verdict_after_other_items_under_a_label_is_still_removed(linter: Linter) -> None:
    # the label has its first item: removing a later one leaves it something to stand over
    text = "Findings:\n- The job ran twice.\n- Sorry, my mistake.\n"
    [f] = _blame(linter, text)
    assert _apply(text, f) == "Findings:\n- The job ran twice.\n"


def test_a_table_cell_keeps_its_verdict(linter: Linter) -> None:
    # an emptied cell would break the row: no removal there
    text = "| when | what |\n|---|---|\n| 10:02 | My bad! |\n"
    assert all("" not in f.suggestions for f in _blame(linter, text))


# ---- what: the span the removal replaces -------------------------------------------


def test_the_removal_takes_the_space_after_a_sentence_inside_a_line(linter: Linter) -> None:
    text = "The DNS record expired. My bad! It was renewed at 10:40.\n"
    [f] = _blame(linter, text)
    assert f.text == "My bad! " and _apply(text, f) == "The DNS record expired. It was renewed at 10:40.\n"


def test_a_list_item_that_is_only_the_verdict_goes_with_its_bullet(linter: Linter) -> None:
    text = "- The job ran twice.\n- Sorry, my mistake.\n- The queue drained.\n"
    [f] = _blame(linter, text)
    assert _apply(text, f) == "- The job ran twice.\n- The queue drained.\n"


def test_a_paragraph_of_its_own_goes_with_its_blank_line(linter: Linter) -> None:
    text = "# Summary\n\nThe disk filled up.\n\nHuman error, plain and simple.\n\nThe backup finished late.\n"
    [f] = _blame(linter, text)
    assert _apply(text, f) == "# Summary\n\nThe disk filled up.\n\nThe backup finished late.\n"


@settings(max_examples=200, deadline=None)
@given(
    before=st.text(alphabet="ab. -\n\t*>1", max_size=20),
    lead=st.sampled_from(["", " ", "- ", "* ", "1. ", "> ", "  - [ ] "]),
    gap_before=st.sampled_from(["", "\n", "\n\n", " ", "  "]),
    gap_after=st.sampled_from(["", "\n", "\n\n", " ", "\r\n"]),
    after=st.text(alphabet="cd. -\n\t", max_size=20),
)
def test_removal_span_keeps_every_other_byte(before: str, lead: str, gap_before: str, gap_after: str, after: str) -> None:
    sentence = "My bad!"
    text = before + gap_before + lead + sentence + gap_after + after
    start = len(before + gap_before + lead)
    end = start + len(sentence)
    first, last = removal_span(text, start, end)
    assert first <= start and end <= last
    # every other byte is kept: beyond the sentence the span takes only the spacing around
    # it and the markers of the line it was alone on
    taken = text[first:start] + text[end:last]
    assert re.fullmatch(r"[ \t\r\n>*+\-\d.)\[\]xX]*", taken)
    if text[line_start(text, start):start].strip(" \t>-*+[]xX.)0123456789"):
        assert taken.strip(" \t") == ""  # among other words on its line: spacing only
    joined = text[:first] + text[last:]
    # no two spaces brought together where the sentence stood (unless they were there)
    if joined[first - 1:first + 1] in ("  ", " \t", "\t ", "\t\t") and first > 0:
        assert text[first - 2:first].strip(" \t") == "" and len(text[first - 2:first]) == 2 or \
            text[last:last + 2].strip(" \t") == "" and len(text[last:last + 2]) == 2
    # no bullet left with nothing after it: when the sentence was all its line held after
    # its markers, the line goes, markers and all
    ls = line_start(text, start)
    nl = text.find("\n", end)
    rest = text[end: len(text) if nl == -1 else nl]
    marker = r"[ \t]*(?:>[ \t]?)*[ \t]*(?:(?:[-*+]|\d+[.)])[ \t]+(?:\[[ xX]\][ \t]+)?)?[ \t]*"
    if re.fullmatch(marker, text[ls:start]) and rest.strip() == "":
        assert first == ls and (last == len(text) or text[last - 1] == "\n")


def line_start(text: str, at: int) -> int:
    return text.rfind("\n", 0, at) + 1


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    facts=st.lists(st.sampled_from(["The cache expired.", "The replica restarted at 09:14.", "Alerts fired twice."]),
                   min_size=1, max_size=3),
    at=st.integers(min_value=0, max_value=3),
    bullet=st.booleans(),
)
def test_applying_the_removal_to_a_document_keeps_the_rest(linter: Linter, facts: list[str], at: int, bullet: bool) -> None:
    lines = list(facts)
    lines.insert(min(at, len(lines)), "Sorry all, my mistake.")
    text = ("\n".join("- " + s for s in lines) if bullet else " ".join(lines)) + "\n"
    removals = [f for f in _blame(linter, text) if f.suggestions == [""]]
    assert len(removals) == 1
    out = _apply(text, removals[0])
    expected = ("\n".join("- " + s for s in facts) if bullet else " ".join(facts)) + "\n"
    assert out == expected


# ---- every surface -----------------------------------------------------------------

DOC = "# Summary\n\nThe DNS record expired. My bad! It was renewed at 10:40.\n"
REMOVED = "# Summary\n\nThe DNS record expired. It was renewed at 10:40.\n"


@pytest.fixture(scope="module")
def client(linter: Linter):
    return create_app(linter=linter).test_client()


def test_json_api_gives_the_empty_suggestion_and_its_span(client) -> None:
    body = client.post("/v1/lint", json={"text": DOC, "format": "markdown"}).get_json()
    [f] = [f for f in body["findings"] if f["category"] == "blame"]
    assert f["suggestions"] == [""] and DOC[: f["start"]] + DOC[f["end"]:] == REMOVED


def test_languagetool_replacement_is_empty_and_described(client) -> None:
    r = client.post("/v2/check", data={"text": DOC, "language": "en-US"}).get_json()
    [m] = [m for m in r["matches"] if m["rule"]["id"].startswith("blame.")]
    assert m["replacements"] == [{"value": "", "shortDescription": REMOVAL_LABEL}]
    assert DOC[: m["offset"]] + DOC[m["offset"] + m["length"]:] == REMOVED  # ASCII: UTF-16 units are code points


def test_web_form_labels_and_applies_the_removal(client) -> None:
    html = client.post("/", data={"text": DOC, "format": ""}, content_type="multipart/form-data").get_data(as_text=True)
    button = re.search(r'<button[^>]*name="apply" value="([^"]+)"[^>]*>([^<]*)</button>', html)
    assert button is not None and button.group(2) == REMOVAL_LABEL  # not an empty "Apply"
    after = client.post("/", data={"text": DOC, "format": "", "apply": button.group(1)},
                        content_type="multipart/form-data").get_data(as_text=True)
    assert "Removed: “My bad!”" in after
    textarea = re.search(r"<textarea[^>]*>\n?(.*?)</textarea>", after, re.S)
    assert textarea is not None and textarea.group(1) == REMOVED


def test_language_server_action_is_titled_and_removes(linter: Linter) -> None:
    report = linter.lint(DOC, format="markdown")
    everything = types.Range(start=types.Position(line=0, character=0), end=types.Position(line=3, character=0))
    actions = code_actions("file:///a.md", DOC, "markdown", report, PositionMap(DOC), everything, None, lambda r: r)
    [removal] = [a for a in actions if a.title == REMOVAL_LABEL]
    edits = removal.edit.changes["file:///a.md"]
    assert [e.new_text for e in edits] == [""] and apply_edits(DOC, edits) == REMOVED


def test_cli_text_and_sarif_name_the_removal(tmp_path, capsys) -> None:
    path = tmp_path / "pm.md"
    path.write_text(DOC, encoding="utf-8")
    main(["check", "--format", "text", str(path)])
    out = capsys.readouterr().out
    assert "    suggestion: (remove this sentence)" in out.splitlines()
    main(["check", "--format", "sarif", str(path)])
    sarif = json.loads(capsys.readouterr().out)
    [result] = [r for r in sarif["runs"][0]["results"] if r["ruleId"].startswith("blame.")]
    assert "Suggestion: remove this sentence" in result["message"]["text"]
    [fix] = result["fixes"]
    assert fix["description"]["text"] == f"{REMOVAL_LABEL}: “My bad!”"
    [replacement] = fix["artifactChanges"][0]["replacements"]
    assert replacement["insertedContent"]["text"] == ""
    region = replacement["deletedRegion"]
    lines = DOC.split("\n")
    start = sum(len(x) + 1 for x in lines[: region["startLine"] - 1]) + region["startColumn"] - 1
    end = sum(len(x) + 1 for x in lines[: region["endLine"] - 1]) + region["endColumn"] - 1
    assert DOC[:start] + DOC[end:] == REMOVED
