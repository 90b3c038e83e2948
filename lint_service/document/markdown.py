"""Markdown postmortems, through markdown-it-py (CommonMark + tables).

markdown-it gives block tokens with line maps; exact character offsets come
from finding each inline child's text in the source, moving forward from the
block's first line, so markup ("**", "[...](url)", escapes) is skipped and
every prose character points where it was typed. Code (fenced, indented,
inline), HTML and front matter never become prose; inline code is replaced by
the neutral word "CODE" so sentences stay grammatical for the parser.
"""
from __future__ import annotations

import re

from markdown_it import MarkdownIt
from mdit_py_plugins.tasklists import tasklists_plugin

from .builder import add_timeline_entry
from .fields import find_period
from .headings import LABEL_LEVEL, bold_label
from .item_forms import find_done_marker, find_timezone_note, status_of
from .md_fields import record_bold_labels, record_front_matter
from .md_inline import CODE_PLACEHOLDER, ProseBuilder, SourceLines, html_comments  # noqa: F401  (public names)
from .md_items import MdState, Scope, list_item
from .md_tables import row_cells, table  # noqa: F401  (row_cells: public name)
from .model import Document, Field, Prose, Section
from .sections import canonical_section
from .suppress import markdown_suppressions
from .timestamps import find_timestamp, leading_timestamp

# Tables, ~~strikethrough~~ and task lists ("- [x] done") are read from their tokens.
_MD = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"]).use(tasklists_plugin)
# Front matter opens the file; one-line HTML comments (a source or licence note) and
# blank lines may precede it.
_FRONT_MATTER = re.compile(
    r"\A(?:\ufeff)?(?P<lead>(?:[ \t]{0,3}<!--[^\n]{0,2000}-->[ \t]*\r?\n|[ \t]*\r?\n){0,5})"
    r"(?P<fm>(?P<fence>---|\+\+\+)[ \t]*\r?\n.*?\r?\n(?:(?P=fence)|\.\.\.)[ \t]*(?:\r?\n|\Z))",
    re.DOTALL,
)


def mask_front_matter(text: str) -> str:
    """``text`` with YAML/TOML front matter blanked (newlines kept, so lines still match)."""
    m = _FRONT_MATTER.match(text)
    if not m:
        return text
    blank = re.sub(r"[^\n]", " ", m.group("fm"))
    return text[: m.start("fm")] + blank + text[m.end():]


def _front_matter_fields(doc: Document, text: str) -> None:
    m = _FRONT_MATTER.match(text)
    if m and m.group("fence") == "---":
        fm = m.group("fm")
        inner_start = m.start("fm") + fm.index("\n") + 1
        inner_end = m.start("fm") + fm.rstrip("\r\n").rfind("\n") + 1
        if inner_end > inner_start:
            record_front_matter(doc, text, inner_start, inner_end)


def parse_markdown(text: str, extra_sections: tuple[str, ...] = ()) -> Document:
    doc = Document(text=text, format="markdown")
    # markdown-it counts a lone "\r" as a line break; give it the same text with
    # "\n" there (same length, so every offset stays valid for the original).
    norm = re.sub(r"\r(?!\n)", "\n", text) if "\r" in text else text
    src = SourceLines(norm)
    _front_matter_fields(doc, norm)
    tokens = _MD.parse(mask_front_matter(norm))
    b = ProseBuilder(src)
    st = MdState()
    i = 0
    n = len(tokens)
    list_depth = 0
    while i < n:
        tok = tokens[i]
        t = tok.type
        if t == "heading_open":
            inline = tokens[i + 1]
            lo, hi = src.block(tok)
            if tok.markup.startswith("#"):
                # an ATX heading's opening "#"s are its marker: a "#" of the title ("# *#*#")
                # must not be placed on them
                lo += len(src.text[lo:hi]) - len(src.text[lo:hi].lstrip(" \t").lstrip("#"))
            title = b.prose(inline, lo, hi, "heading", None)
            if title.text.strip():
                doc.headings.append(title)
            level = int(tok.tag[1])
            canonical = canonical_section(title.text, extra_sections)
            while st.stack and st.stack[-1].level >= level:
                st.stack.pop()
            if canonical is None and st.stack:
                canonical = st.stack[-1].canonical  # a sub-heading ("### 2020-02-20") stays in its section
            st.stack.append(_scope(title, level, canonical))
            st.interrupt()
            zone = find_timezone_note(title.text, heading=True)
            if zone is not None:
                st.timezone = zone  # "Timeline (all times UTC)", "Timeline (PST)"
            # "### 2020-02-20" or "### 2025-07-26 Saturday" starts a day; a date inside a longer
            # title ("Timeline (PST) Mar 12th 2022 - Mar 14th 2022") does not.
            ts = leading_timestamp(title.text)
            rest = title.text[ts.end:].strip(" ,.-()") if ts else ""
            if ts and ts.date and len(rest.split()) <= 1:
                st.day = ts.date
            elif canonical != "timeline":
                st.day = None
            if title.text:
                s, e = title.original_span(0, len(title.text))
            else:
                s, e = src.trimmed(lo, hi)
            doc.sections.append(Section(title.text, canonical, s, e, level))
            i += 3
            continue
        if t in ("bullet_list_open", "ordered_list_open"):
            if list_depth == 0:
                st.begin_list(tokens, i)
            list_depth += 1
        elif t in ("bullet_list_close", "ordered_list_close"):
            list_depth -= 1
            if list_depth == 0:
                st.end_list()
        elif t == "list_item_open" and list_depth == 1:
            i = list_item(tokens, i, doc, src, b, st)
            continue
        elif t == "table_open":
            st.interrupt()
            i = table(tokens, i, doc, src, b, st)
            continue
        elif t == "inline":
            lo, hi = src.block(tok)
            kind = "list-item" if list_depth else "paragraph"
            prose = b.prose(tok, lo, hi, kind, st.section)
            label = bold_label(tok, prose) if not list_depth else None
            if label is not None:  # "**Impact**:" opens a section until the next heading or label
                while st.stack and st.stack[-1].level >= LABEL_LEVEL:
                    st.stack.pop()
                st.stack.append(_scope(prose, LABEL_LEVEL, label.canonical))
                doc.sections.append(label)
                prose.section = label.canonical
            record_bold_labels(doc, prose, b.marks)
            _paragraph(doc, prose, src, st, lo, hi, in_list=bool(list_depth))
        elif t == "html_block":
            if tok.map is not None:
                lo, _ = src.block(tok)
                for start, comment in html_comments(tok.content):
                    first = tok.map[0] + 1 + tok.content.count("\n", 0, start)
                    b.comments.append((first, first + comment.count("\n"), comment))
        i += 1
    _close_sections(doc)
    doc.suppressions = markdown_suppressions(b.comments)
    return doc


def _scope(title: Prose, level: int, canonical: str | None) -> Scope:
    """A heading's reach: the deadline it gives the items under it ("Long-term (Q4 2025)"),
    or that they are done ("Completed", "Immediate actions (done)"). Only headings of the
    action items reach them: a date in the document's title is not a deadline."""
    if canonical != "action items":
        return Scope(level, canonical)
    done = find_done_marker(title)
    if done is None and status_of(title.text) == "done" and title.text:
        s, e = title.original_span(0, len(title.text))
        done = Field(title.text, s, e)
    return Scope(level, canonical, find_period(title), done)


def _paragraph(doc: Document, prose: Prose, src: SourceLines, st: MdState, lo: int, hi: int, in_list: bool) -> None:
    if not prose.text.strip():
        return
    if not in_list:
        st.interrupt()
        zone = find_timezone_note(prose.text)
        if zone is not None:
            # "All times in CET, on March 9th 2022": the zone, and the day, of the times below.
            st.timezone = zone
            ts = find_timestamp(prose.text)
            if ts is not None and ts.date is not None and ts.minutes is None:
                st.day = ts.date
        elif st.section != "timeline":
            ts = leading_timestamp(prose.text)
            if ts is not None and ts.date and ts.minutes is None and not prose.text[ts.end:].strip(" \t:-–—|"):
                st.day = ts.date  # a date alone on its line: the day of a run of times below it
    if st.section == "timeline" and not in_list:
        ts = leading_timestamp(prose.text)
        if ts is not None:
            rest = prose.text[ts.end:].strip(" \t:-–—|")
            if not rest:
                if ts.date:  # a date alone on its line starts a new day
                    st.day = ts.date
                return
            s, e = src.trimmed(lo, hi)
            add_timeline_entry(doc, prose, s, e, kind="paragraph", day=st.day, timezone=st.timezone)
            return
    doc.prose.append(prose)


def _close_sections(doc: Document) -> None:
    secs = doc.sections
    for k, s in enumerate(secs):
        if s.body_end != -1:
            continue  # a list item's label ends with its item
        for later in secs[k + 1:]:
            if later.level <= s.level:
                s.body_end = later.start
                break
