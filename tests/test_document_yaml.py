import time

import pytest

from lint_service.document import parse_document
from lint_service.document.yaml_report import MAX_DEPTH

REPORT = '''incident: {id: INC-1, title: "x"}
summary: "Raj's change broke it."
timeline:
  - time: "08:02"
    event: "Config rolled out."
  - event: 'No time here'
root_causes:
  - "The service accepted bad input."
  - >-
    Folded text that
    spans two lines.
action_items:
  - description: "Add validation."
    owner: config-team
    deadline: 2024-05-10
  - description: "Gate the canary."
    deadline: ""
'''


def test_prose_offsets_point_into_yaml_source():
    doc = parse_document(REPORT, "yaml")
    assert doc.format == "yaml"
    assert doc.required_sections == ["incident", "timeline", "root causes", "action items"]
    for p in doc.prose:
        for i, ch in enumerate(p.text):
            if not ch.isspace():
                assert REPORT[p.offsets[i]] == ch
    texts = [p.text for p in doc.prose]
    assert "Raj's change broke it." in texts and "Folded text that spans two lines." in texts
    assert "INC-1" not in " ".join(texts)  # incident fields and keys are not prose


def test_timeline_and_action_fields():
    doc = parse_document(REPORT, "yaml")
    assert doc.timeline[0].time.value == "08:02"  # not YAML 1.1's base-60 integer
    assert doc.timeline[1].time is None
    first, second = doc.action_items
    assert first.owner.value == "config-team" and first.deadline.value == "2024-05-10"
    assert second.owner is None and second.deadline.value == ""
    line_of = lambda off: REPORT.count("\n", 0, off) + 1
    assert line_of(second.deadline.start) == 17


@pytest.mark.parametrize("text,line,column", [
    ("timeline:\n  - time: [unclosed\n", 3, 1),
    ("a: b\n c: d: e\n", 2, 3),
    ("key: 'open\n", 2, 1),
])
def test_broken_yaml_names_line_and_column(text, line, column):
    with pytest.raises(ValueError, match=rf"line {line}, column {column}"):
        parse_document(text, "yaml")


def test_not_a_mapping():
    with pytest.raises(ValueError, match="line 1, column 1"):
        parse_document("- just\n- a list\n", "yaml")


def test_alias_bomb_is_refused_quickly():
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 10):
        lines.append(f"a{i}: &a{i} [" + ",".join([f"*a{i-1}"] * 9) + "]")
    lines.append("timeline: *a9")
    started = time.perf_counter()
    with pytest.raises(ValueError, match="aliases"):
        parse_document("\n".join(lines), "yaml")
    assert time.perf_counter() - started < 1.0


@pytest.mark.parametrize("text", ["[" * 5000 + "]" * 5000, "a:\n" + "".join("  " * i + "b:\n" for i in range(1, 3000))])
def test_deep_nesting_is_refused_quickly(text):
    started = time.perf_counter()
    with pytest.raises(ValueError, match=f"more than {MAX_DEPTH} levels"):
        parse_document(text, "yaml")
    assert time.perf_counter() - started < 2.0


def test_empty_document():
    with pytest.raises(ValueError, match="empty"):
        parse_document("", "yaml")
