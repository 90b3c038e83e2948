import pytest

from lint_service import Linter

TIMELINE = "## Timeline\n\n{before}- no time one\n- no time two\n{after}- no time three\n"


@pytest.fixture(scope="module")
def linter():
    return Linter()


def lines(linter, text, fmt=None, rule="timeline.missing-timestamp"):
    return [f.line for f in linter.lint(text, fmt).findings if f.rule == rule]


def test_markdown_next_line(linter):
    text = "## Timeline\n\n<!-- blamelint-disable-next-line timeline.missing-timestamp -->\n- no time one\n- no time two\n"
    assert lines(linter, text) == [5]


def test_markdown_next_line_other_rule_does_not_apply(linter):
    text = "## Timeline\n\n<!-- blamelint-disable-next-line blame -->\n- no time one\n"
    assert lines(linter, text) == [4]


def test_markdown_block_and_enable(linter):
    text = "## Timeline\n\n<!-- blamelint-disable -->\n- no time one\n- no time two\n<!-- blamelint-enable -->\n- no time three\n"
    assert lines(linter, text) == [7]


def test_markdown_block_with_rule_prefix_until_end(linter):
    text = "## Timeline\n\n- no time zero\n<!-- blamelint-disable timeline -->\n- no time one\n- no time two\n"
    assert lines(linter, text) == [3]


def test_markdown_inline_comment_disable_line(linter):
    text = "## Timeline\n\n- no time one <!-- blamelint-disable-line -->\n- no time two\n"
    assert lines(linter, text) == [4]


def test_comment_inside_code_is_not_a_directive(linter):
    text = "## Timeline\n\n```\n<!-- blamelint-disable -->\n```\n\n- no time one\n"
    assert lines(linter, text) == [7]


YAML = ('incident: {}\nroot_causes: []\naction_items: []\ntimeline:\n{c1}  - event: "a"\n'
        '  - event: "b"  {c2}\n  - event: "c # blamelint: disable"\n')


def test_yaml_standalone_comment_covers_next_line(linter):
    text = YAML.replace("{c1}", "  # blamelint: disable=timeline.missing-timestamp\n").replace("{c2}", "")
    assert lines(linter, text, "yaml") == [7, 8]


def test_yaml_trailing_comment_covers_its_line(linter):
    text = YAML.replace("{c1}", "").replace("{c2}", "# blamelint: disable=timeline,blame")
    assert lines(linter, text, "yaml") == [5, 7]  # the "#" inside a string is not a comment


def test_plain_text_comment(linter):
    text = "Timeline:\n# blamelint: disable\n- no time one\n- no time two  # blamelint: disable=timeline.missing-timestamp\n- no time three\n"
    assert lines(linter, text, "text") == [5]
