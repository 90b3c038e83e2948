"""Headings not written as ATX headings: setext headings, bold labels, plain-text labels."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from lint_service.document import parse_document
from lint_service.document.headings import LABEL_LEVEL


def sections(text: str, fmt: str = "markdown") -> list[tuple[str, str | None]]:
    return [(s.title, s.canonical) for s in parse_document(text, fmt).sections]


def test_setext_headings_are_sections() -> None:
    text = "Checkout outage\n===============\n\nIncident Impact\n---------------\n\nCarts failed.\n"
    assert sections(text) == [("Checkout outage", None), ("Incident Impact", "impact")]


def test_bold_label_with_colon_opens_a_section() -> None:
    text = "# Outage\n\n**Impact**: carts failed for 20 minutes.\n\n**Timeline**\n\n- 10:02 Alert fired\n- Rollback\n"
    doc = parse_document(text, "markdown")
    assert [(s.title, s.canonical) for s in doc.sections][1:] == [("Impact", "impact"), ("Timeline", "timeline")]
    assert [e.text for e in doc.timeline] == ["Alert fired", "Rollback"]
    impact = doc.sections[1]
    assert text[impact.start:impact.end] == "Impact"


def test_colon_inside_the_bold_and_a_line_break_after_it() -> None:
    assert sections("**Root causes:** the cache filled up.\n")[0] == ("Root causes", "root causes")
    assert sections("**Lessons learned**\nAlerts need owners.\n")[0] == ("Lessons learned", "lessons learned")


def test_list_item_label_heads_its_nested_items() -> None:
    text = "# Outage\n\n- **Impact**: some sites were down\n- **Review actions**:\n  - Add an alert\n  - Write a runbook\n"
    doc = parse_document(text, "markdown")
    labels = [s for s in doc.sections if s.title == "Review actions"]
    assert [s.canonical for s in labels] == ["action items"]
    assert labels[0].body_end == len(text.rstrip())
    assert [i.text for i in doc.action_items] == ["Add an alert", "Write a runbook"]
    nested = [p for p in doc.prose if p.text in ("Add an alert", "Write a runbook")]
    assert {p.section for p in nested} == {"action items"}


def test_items_nested_under_a_label_are_its_entries() -> None:
    text = "# Outage\n\n- **Key events**\n  - 10:02 Alert fires\n  - 10:40 Rollback done\n- **Impact**:\n  - Checkout failed\n"
    doc = parse_document(text, "markdown")
    assert [(e.time.value, e.text) for e in doc.timeline] == [("10:02", "Alert fires"), ("10:40", "Rollback done")]
    assert doc.action_items == []  # items under "Impact" are prose of the impact
    assert [p.section for p in doc.prose if p.text == "Checkout failed"] == ["impact"]


def test_bold_text_that_is_no_label_is_no_section() -> None:
    for text in (
        "**Note**: the pager was silent.\n",  # names no section
        "**Kenji** restarted the database.\n",  # bold at the start, no colon
        "- **HIGH** Include downloads in the smoke tests\n",  # a priority marker
        "**Why were the callback links dead?**\n",  # a five-whys question
        "**Impcat**: carts failed.\n",  # labels are never matched fuzzily
        "The **impact**: carts failed.\n",  # not at the start
    ):
        assert sections(text) == [], text


def test_plain_text_labels() -> None:
    text = "Outage report\n\nImpact: carts failed for 20 minutes.\nTimeline:\n- 10:02 alert fired\n"
    doc = parse_document(text, "text")
    assert [(s.title, s.canonical) for s in doc.sections] == [("Impact", "impact"), ("Timeline", "timeline")]
    assert text[doc.sections[0].start:doc.sections[0].end] == "Impact"
    assert sections("Note: the pager was silent.\n", "text") == []
    assert sections("Impact:\n", "text") == [("Impact", "impact")]  # a heading, as before


def _words(text: str) -> list[str]:
    return text.split()


def test_two_line_setext_title_spans_its_source() -> None:
    text = "a \na\n===\n"  # found by hypothesis: the title drops the space before the soft break
    (section,) = parse_document(text, "markdown").sections
    assert section.title == "a\na" and text[section.start:section.end] == "a \na"


def test_atx_title_made_of_hashes_spans_its_source() -> None:
    text = "# *#*#\n"  # found by hypothesis: the title's first "#" was placed on the marker
    (section,) = parse_document(text, "markdown").sections
    assert section.title == "##" and text[section.start:section.end] == "#*#"


@settings(max_examples=60, deadline=None)
@given(
    before=st.text(alphabet="ab \n*#-", max_size=30),
    label=st.sampled_from(["Impact", "Timeline", "Root causes", "Review actions", "Key events"]),
    colon_inside=st.booleans(),
    bullet=st.booleans(),
    rest=st.text(alphabet="abc .", max_size=20),
)
def test_label_spans_point_at_the_label(before: str, label: str, colon_inside: bool, bullet: bool, rest: str) -> None:
    bold = f"**{label}:**" if colon_inside else f"**{label}**:"
    text = f"{before}\n\n{'- ' if bullet else ''}{bold} {rest}\n"
    found = parse_document(text, "markdown").sections
    for s in found:
        if not s.title:  # an empty "#" heading has no title to point at
            continue
        if s.level == LABEL_LEVEL:
            assert text[s.start:s.end] == s.title
        else:  # a heading's title is its text as Markdown reads it: no emphasis ("# a*b*" is "ab"), and no
            # space before a soft break (a two-line setext title "a \na" is "a\na"); its span, the source
            assert _words(text[s.start:s.end].replace("*", "")) == _words(s.title.replace("*", ""))
    assert any(s.title == label for s in found) or "\n#" in "\n" + before or before.strip()
