"""A list item's unindented "lazy" line that starts a new sentence is cut from the item
before parsing (repairs.split_lazy_lines); wrapped items stay whole."""
from __future__ import annotations

from hypothesis import given, settings, strategies as st

from lint_service import Linter
from lint_service.document.markdown import parse_markdown
from lint_service.repairs import repair


def _pieces(text: str) -> list[str]:
    doc = parse_markdown(text)
    return [p.text for p in repair(doc.prose, text)]


def test_lazy_line_starting_a_sentence_is_its_own_sentence() -> None:
    text = ("Two rules fired:\n\n1. The cookie set by the analytics widget\n"
            "2. A Range header on requests to the login service\n"
            "The second rule was missed during review by the platform engineers.\n")
    pieces = _pieces(text)
    assert "A Range header on requests to the login service" in pieces
    assert "The second rule was missed during review by the platform engineers." in pieces


def test_bold_title_line_then_unindented_body_is_cut() -> None:
    pieces = _pieces("1. **Scaling the consumers**\nWe doubled the consumer pool at 10:40.\n")
    assert pieces == ["Scaling the consumers", "We doubled the consumer pool at 10:40."]


def test_wrapped_items_stay_whole() -> None:
    # indented under the item, lower case, or after a comma: the item goes on
    for text in ("- The dashboards were fed by\n  Grafana Agent on every node\n",
                 "- The dashboards were fed by\nthe exporter on every node\n",
                 "- The dashboards were fed by the exporter,\nGrafana and Loki\n"):
        assert len(_pieces(text)) == 1, text


def test_paragraph_lines_are_not_cut() -> None:
    assert len(_pieces("The dashboards were fed by\nGrafana Agent on every node.\n")) == 1


def test_lint_reports_the_lazy_sentence_alone() -> None:
    text = ("## Root causes\n\n1. A cookie set by the analytics widget\n2. A Range header on calls to login\n"
            "The orders table was deleted by Priya during the migration.\n")
    found = [f for f in Linter().lint(text).findings if f.category == "blame"]
    assert [text[f.start:f.end] for f in found] == ["The orders table was deleted by Priya during the migration."]


_words = st.lists(st.sampled_from(["the", "Cache", "was", "filled", "by", "Grafana", "agent", ",", "Once", "x"]),
                  min_size=1, max_size=6).map(" ".join)


@settings(max_examples=60, deadline=None)
@given(st.lists(_words, min_size=1, max_size=4), st.lists(st.sampled_from(["", "  ", "   "]), min_size=4, max_size=4))
def test_pieces_keep_their_offsets(lines: list[str], indents: list[str]) -> None:
    text = "- " + "\n".join(ind + ln for ind, ln in zip(indents, lines)) + "\n"
    for p in repair(parse_markdown(text).prose, text):
        for ch, off in zip(p.text, p.offsets):
            assert ch == text[off] or ch == "\n"
