from hypothesis import given, settings, strategies as st

from lint_service.document import parse_document
from lint_service.document.markdown import CODE_PLACEHOLDER, parse_markdown


def verbatim_ok(doc):
    """Every prose character taken verbatim equals the original at its offset."""
    for p in doc.prose:
        assert len(p.offsets) == len(p.text)
        code_chars = set()
        k = p.text.find(CODE_PLACEHOLDER)
        while k != -1:
            code_chars.update(range(k, k + len(CODE_PLACEHOLDER)))
            k = p.text.find(CODE_PLACEHOLDER, k + 1)
        for i, ch in enumerate(p.text):
            if i in code_chars or ch == " ":
                continue
            assert doc.text[p.offsets[i]] == ch, (p.text, i)


def test_paragraph_list_and_table_prose_with_offsets():
    text = "# T\n\nA **bold** [link](http://x.org) word.\n\n- item one\n- item *two*\n\n| A | B |\n|---|---|\n| cell a | cell b |\n"
    doc = parse_markdown(text)
    texts = [p.text for p in doc.prose]
    assert "A bold link word." in texts
    assert "item one" in texts and "item two" in texts
    assert "cell a" in texts and "cell b" in texts
    kinds = {p.text: p.kind for p in doc.prose}
    assert kinds["item one"] == "list-item" and kinds["cell a"] == "table-cell"
    verbatim_ok(doc)


def test_code_comments_and_front_matter_are_not_prose():
    text = ("---\ntitle: Bob broke it\n---\n\n# T\n\n```\nalice failed\n```\n\n    indented code\n\n"
            "<!-- hidden comment -->\n\nRun `rm -rf` now.\n")
    doc = parse_markdown(text)
    joined = " ".join(p.text for p in doc.prose)
    assert "Bob" not in joined and "alice" not in joined and "indented" not in joined and "hidden" not in joined
    assert "Run CODE now." in [p.text for p in doc.prose]
    p = next(p for p in doc.prose if p.text.startswith("Run"))
    s, e = p.original_span(4, 8)
    assert text[s:e].startswith("`rm")
    verbatim_ok(doc)


def test_timeline_prose_excludes_timestamp():
    text = "## Timeline\n\n- 10:14 Bob deleted the bucket\n- **16:58 UTC** - Writer saturates\n\n| Time | Event |\n|---|---|\n| 0730 | Operator renews |\n"
    doc = parse_markdown(text)
    prose = [p.text for p in doc.prose if p.kind == "timeline"]
    assert prose == ["Bob deleted the bucket", "Writer saturates", "Operator renews"]
    assert [e.time.value for e in doc.timeline] == ["10:14", "16:58 UTC", "0730"]
    p = doc.prose[0]
    assert text[p.offsets[0]:p.offsets[-1] + 1] == "Bob deleted the bucket"
    assert all(p.section == "timeline" for p in doc.prose)


def test_sections_fuzzy_and_subsections_inherit():
    text = "# PM\n## Action Itmes\n- Add x\n## Root-cause\nText.\n## Timeline\n### 2020-02-20\n- 21:17 UTC: published\n"
    doc = parse_markdown(text)
    assert [s.canonical for s in doc.sections] == [None, "action items", "root causes", "timeline", "timeline"]
    assert doc.timeline[0].day == (2020, 2, 20)
    assert len(doc.action_items) == 1


def test_entities_and_escapes_keep_offsets_close():
    text = "S&amp;O said \\*not\\* this &copy; 2024.\n"
    doc = parse_markdown(text)
    p = doc.prose[0]
    assert p.text == "S&O said *not* this © 2024."
    # Characters typed as themselves are verbatim; the decoded "©" points into "&copy;".
    for i, ch in enumerate(p.text):
        if ch != "©" and ch != " ":
            assert text[p.offsets[i]] == ch
    k = p.text.index("©")
    assert text.index("&copy;") <= p.offsets[k] < text.index("&copy;") + len("&copy;")


def test_crlf_line_endings():
    text = "# T\r\n\r\n- one item\r\n- two item\r\n"
    doc = parse_markdown(text)
    assert [p.text for p in doc.prose] == ["one item", "two item"]
    verbatim_ok(doc)


_words = st.sampled_from(["Bob", "deleted", "the", "bucket", "**bold**", "*em*", "`code`", "[link](http://a.b)",
                          "&amp;", "\\*", "08:02", "<!-- c -->", "x|y", "é", "T+5m", "-", "|", "#", ">"])
_line = st.lists(_words, min_size=1, max_size=8).map(" ".join)
_block = st.one_of(
    _line,
    _line.map(lambda s: "- " + s),
    _line.map(lambda s: "1. " + s),
    _line.map(lambda s: "## " + s),
    st.tuples(_line, _line).map(lambda t: f"| {t[0]} | {t[1]} |\n|---|---|\n| {t[1]} | {t[0]} |"),
    _line.map(lambda s: "```\n" + s + "\n```"),
    _line.map(lambda s: "> " + s),
)


@settings(max_examples=150, deadline=None)
@given(st.lists(_block, min_size=1, max_size=6), st.sampled_from(["\n\n", "\n"]))
def test_offsets_point_at_verbatim_text(blocks, sep):
    text = sep.join(["## Timeline"] + blocks)
    doc = parse_document(text, "markdown")
    verbatim_ok(doc)
    for entry in doc.timeline:
        assert 0 <= entry.start <= entry.end <= len(text)


def test_an_escaped_character_does_not_jump_to_markup_on_the_next_line():
    """Found by hypothesis: " *" decoded from " \\*" matched the " *" of "**bold**" a line
    further on, and every later character of the paragraph pointed at the wrong place."""
    text = "## Timeline\n**bold** \\*\n| **bold** | | |\n|---|---|\n| | | **bold** |"
    verbatim_ok(parse_document(text, "markdown"))
