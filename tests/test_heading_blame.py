"""Headings and titles are read for blame (a headline can blame: rule 13), and only for blame.

Markdown headings (ATX and setext), plain-text heading lines ("...:" or underlined) and a
YAML report's incident title are ``Document.headings``; the blame check reads their parses,
the document's other checks and metrics do not.
"""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lint_service import Linter
from lint_service.document import parse_document


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter()


def blame_at(linter: Linter, text: str, fmt: str) -> list[tuple[str, str]]:
    """(rule, the text the finding covers) for each blame finding."""
    rep = linter.lint(text, format=fmt)
    return [(f.rule, text[f.start:f.end]) for f in rep.findings if f.rule.startswith("blame.")]


def test_a_markdown_title_that_blames_is_flagged_on_its_own_text(linter: Linter) -> None:
    text = "# Ravi deleted the billing database\n\nBilling was down for an hour.\n"
    found = blame_at(linter, text, "markdown")
    assert [span for _, span in found] == ["Ravi deleted the billing database"]


def test_a_blameless_markdown_title_is_not(linter: Linter) -> None:
    text = "# The billing database was deleted by a cleanup job\n\nBilling was down for an hour.\n"
    assert blame_at(linter, text, "markdown") == []


def test_a_headline_fragment_in_a_setext_title(linter: Linter) -> None:
    text = "Contractor's typo takes the booking site offline\n" + "=" * 20 + "\n\nBookings failed.\n"
    assert [span for _, span in blame_at(linter, text, "markdown")] == [
        "Contractor's typo takes the booking site offline"
    ]


def test_section_headings_of_the_template_stay_silent(linter: Linter) -> None:
    text = ("# Checkout outage\n\n## Summary\n\nCarts failed.\n\n## What went wrong\n\nThe cache filled.\n\n"
            "## Who was paged\n\nThe on-call engineer.\n\n## Where we got lucky\n\nTraffic was low.\n")
    assert blame_at(linter, text, "markdown") == []


def test_a_plain_text_line_ending_in_a_colon_is_read(linter: Linter) -> None:
    # Short lines ending in ":" are plain text's headings; a confession written that way
    # was never linted before.
    text = "Yusuf wiped these three tables:\n- orders\n- carts\n- invoices\n"
    assert [span for _, span in blame_at(linter, text, "text")] == ["Yusuf wiped these three tables"]
    assert blame_at(linter, "Tables that were wiped:\n- orders\n- carts\n", "text") == []


def test_a_yaml_reports_title(linter: Linter) -> None:
    text = 'incident:\n  id: INC-7\n  title: "Lena pushed a broken config to prod"\n'
    rep = linter.lint(text, format="yaml")
    found = [f for f in rep.findings if f.rule.startswith("blame.")]
    assert [text[f.start:f.end] for f in found] == ["Lena pushed a broken config to prod"]
    assert found[0].suggestions and "Lena" not in found[0].suggestions[0]
    calm = 'incident:\n  id: INC-7\n  title: "A broken config reached prod"\n'
    assert [f for f in linter.lint(calm, format="yaml").findings if f.rule.startswith("blame.")] == []


def test_a_heading_suggestion_replaces_the_heading_text(linter: Linter) -> None:
    text = "## Ravi deleted the billing database\n\nBilling was down.\n"
    rep = linter.lint(text, format="markdown")
    (f,) = [f for f in rep.findings if f.rule.startswith("blame.")]
    assert f.suggestions
    fixed = text[:f.start] + f.suggestions[0] + text[f.end:]
    assert fixed.startswith("## ") and "Ravi" not in fixed
    assert not [g for g in linter.lint(fixed, format="markdown").findings if g.rule.startswith("blame.")]


def test_headings_are_not_body_prose() -> None:
    doc = parse_document("# Ravi deleted the billing database\n\nBilling was down.\n", "markdown")
    assert [p.text for p in doc.headings] == ["Ravi deleted the billing database"]
    assert all(p.kind == "heading" for p in doc.headings)
    assert [p.text for p in doc.prose] == ["Billing was down."]


_WORD = st.text(alphabet="abcdefghij ", min_size=1, max_size=12).filter(lambda s: s.strip())


@settings(max_examples=60, deadline=None)
@given(prefix=st.text(alphabet="ab \n", max_size=10), title=_WORD, level=st.integers(1, 6))
def test_heading_offsets_point_at_the_heading(prefix: str, title: str, level: int) -> None:
    text = prefix + "\n\n" + "#" * level + " " + title + "\n\nBody.\n"
    for h in parse_document(text, "markdown").headings:
        assert all(text[o] == c for o, c in zip(h.offsets, h.text))


def test_only_a_section_name_word_for_word_is_left_unparsed() -> None:
    from lint_service.document.sections import is_section_name

    assert is_section_name("Root causes") and is_section_name("What went wrong")
    # a heading that says more than a section's name is read, even when it starts with one
    assert not is_section_name("Root cause: human error")
    assert not is_section_name("Human error")


def test_a_section_heading_that_says_more_is_still_read(linter: Linter) -> None:
    text = "# Outage\n\n## Root cause: Omar's typo in the failover script\n\nThe script failed.\n"
    assert blame_at(linter, text, "markdown") == [("blame.possessive", "Omar's typo in the failover script")]
