import pytest

from lint_service.document import detect_format, parse_document

TEXT = """Postmortem - search backlog
Summary:
The index fell behind.

Timeline
========
- 09:10 A reindex starts.
- Someone notices
  the lag later.
09:40 The alert fires.

Action items:
1. Add a capacity check (owner: @maria, due 2024-05-01)
* Improve monitoring
"""


def test_headings_lists_and_offsets():
    doc = parse_document(TEXT, "text")
    assert [s.canonical for s in doc.sections] == ["summary", "timeline", "action items"]
    assert [e.time.value if e.time else None for e in doc.timeline] == ["09:10", None, "09:40"]
    assert doc.timeline[1].text == "Someone notices\n  the lag later."
    assert [a.owner.value if a.owner else None for a in doc.action_items] == ["@maria", None]
    for p in doc.prose:
        assert TEXT[p.offsets[0]:p.offsets[-1] + 1] == p.text
    assert "A reindex starts." in [p.text for p in doc.prose]


def test_unknown_format():
    with pytest.raises(ValueError, match="unknown format 'rtf'"):
        parse_document("x", "rtf")


@pytest.mark.parametrize("text,path,expected", [
    ("anything", "a.md", "markdown"),
    ("anything", "a.YML", "yaml"),
    ("# Title", "notes.txt", "text"),
    ("incident: {}\ntimeline: []\n", None, "yaml"),
    ("## Summary\ntext", None, "markdown"),
    ("| a | b |\n|---|---|\n", None, "markdown"),
    ("Summary:\nplain words\n- a bullet\n", None, "text"),
    ("Summary:\nplain words\n", "file.unknown", "text"),
])
def test_detect_format(text, path, expected):
    assert detect_format(text, path) == expected


def test_parse_document_detects_from_content():
    assert parse_document("incident: {}\ntimeline: []\n").format == "yaml"
    assert parse_document("# Title\n\nBody").format == "markdown"
    assert parse_document("Summary:\nBody").format == "text"
