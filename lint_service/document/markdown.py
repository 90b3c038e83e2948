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
from dataclasses import dataclass, field

from markdown_it import MarkdownIt
from markdown_it.token import Token

from .builder import add_action_item, add_timeline_entry, cut
from .headings import LABEL_LEVEL, bold_label
from .md_inline import CODE_PLACEHOLDER, ProseBuilder, SourceLines  # noqa: F401  (CODE_PLACEHOLDER: public name)
from .model import Document, Field, Prose, Section, TimelineEntry
from .sections import canonical_section
from .suppress import markdown_suppressions
from .tables import TableRoles, table_roles
from .timestamps import find_timestamp, leading_timestamp

_MD = MarkdownIt("commonmark", {"html": True}).enable("table")
# Front matter opens the file; one-line HTML comments (a source or licence note) and
# blank lines may precede it.
_FRONT_MATTER = re.compile(
    r"\A(?:\ufeff)?(?P<lead>(?:[ \t]{0,3}<!--[^\n]{0,2000}-->[ \t]*\r?\n|[ \t]*\r?\n){0,5})"
    r"(?P<fm>(?P<fence>---|\+\+\+)[ \t]*\r?\n.*?\r?\n(?:(?P=fence)|\.\.\.)[ \t]*(?:\r?\n|\Z))",
    re.DOTALL,
)


def html_comments(content: str) -> list[tuple[int, str]]:
    """(start, text) of each complete ``<!-- ... -->`` in ``content``.

    A plain loop over str.find, not a lazy regex: a regex retries from every
    unclosed "<!--" and goes quadratic on thousands of them."""
    found = []
    pos = content.find("<!--")
    while pos != -1:
        end = content.find("-->", pos + 4)
        if end == -1:
            break  # no comment closes after this one, so none after it can either
        found.append((pos, content[pos:end + 3]))
        pos = content.find("<!--", end + 3)
    return found


def mask_front_matter(text: str) -> str:
    """``text`` with YAML/TOML front matter blanked (newlines kept, so lines still match)."""
    m = _FRONT_MATTER.match(text)
    if not m:
        return text
    blank = re.sub(r"[^\n]", " ", m.group("fm"))
    return text[: m.start("fm")] + blank + text[m.end():]


_CELL_SPLIT = re.compile(r"(?<!\\)\|")


def row_cells(src: SourceLines, line: int) -> list[tuple[int, int]]:
    """Spans of the cells of one table row (pipes escaped with "\\" do not split)."""
    start, end = src.line_start(line), src.line_start(line + 1)
    start, end = src.trimmed(start, end)
    segment = src.text[start:end]
    bounds = [start]
    for m in _CELL_SPLIT.finditer(segment):
        bounds.append(start + m.start())
        bounds.append(start + m.end())
    bounds.append(end)
    cells = [(bounds[i], bounds[i + 1]) for i in range(0, len(bounds), 2)]
    if segment.startswith("|") and cells:
        cells = cells[1:]
    if segment.endswith("|") and not segment.endswith("\\|") and cells:
        cells = cells[:-1]
    return [src.trimmed(a, b) for a, b in cells]


@dataclass
class _State:
    stack: list[tuple[int, str | None]] = field(default_factory=list)  # (heading level, canonical)
    day: tuple[int, int, int] | None = None
    extra: tuple[str, ...] = ()  # section names from the configuration

    @property
    def section(self) -> str | None:
        return self.stack[-1][1] if self.stack else None


def parse_markdown(text: str, extra_sections: tuple[str, ...] = ()) -> Document:
    doc = Document(text=text, format="markdown")
    # markdown-it counts a lone "\r" as a line break; give it the same text with
    # "\n" there (same length, so every offset stays valid for the original).
    norm = re.sub(r"\r(?!\n)", "\n", text) if "\r" in text else text
    src = SourceLines(norm)
    tokens = _MD.parse(mask_front_matter(norm))
    b = ProseBuilder(src)
    st = _State(extra=extra_sections)
    i = 0
    n = len(tokens)
    list_depth = 0
    while i < n:
        tok = tokens[i]
        t = tok.type
        if t == "heading_open":
            inline = tokens[i + 1]
            lo, hi = src.block(tok)
            title = b.prose(inline, lo, hi, "heading", None)
            level = int(tok.tag[1])
            canonical = canonical_section(title.text, extra_sections)
            while st.stack and st.stack[-1][0] >= level:
                st.stack.pop()
            if canonical is None and st.stack:
                canonical = st.stack[-1][1]  # a sub-heading ("### 2020-02-20") stays in its section
            st.stack.append((level, canonical))
            # "### 2020-02-20" or "### 2025-07-26 Saturday" starts a day; a date inside a longer
            # title ("Timeline (PST) Oct 30th 2021 - Nov 1st 2021") does not.
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
            list_depth += 1
        elif t in ("bullet_list_close", "ordered_list_close"):
            list_depth -= 1
        elif t == "list_item_open" and list_depth == 1:
            i = _list_item(tokens, i, doc, src, b, st)
            continue
        elif t == "table_open":
            i = _table(tokens, i, doc, src, b, st)
            continue
        elif t == "inline":
            lo, hi = src.block(tok)
            kind = "list-item" if list_depth else "paragraph"
            prose = b.prose(tok, lo, hi, kind, st.section)
            label = bold_label(tok, prose, extra_sections) if not list_depth else None
            if label is not None:  # "**Impact**:" opens a section until the next heading or label
                while st.stack and st.stack[-1][0] >= LABEL_LEVEL:
                    st.stack.pop()
                st.stack.append((LABEL_LEVEL, label.canonical))
                doc.sections.append(label)
                prose.section = label.canonical
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


def _paragraph(doc: Document, prose: Prose, src: SourceLines, st: _State, lo: int, hi: int, in_list: bool) -> None:
    if not prose.text.strip():
        return
    if st.section == "timeline" and not in_list:
        ts = leading_timestamp(prose.text)
        if ts is not None:
            rest = prose.text[ts.end:].strip(" \t:-–—|")
            if not rest:
                if ts.date:  # a date alone on its line starts a new day
                    st.day = ts.date
                return
            s, e = src.trimmed(lo, hi)
            add_timeline_entry(doc, prose, s, e, kind="paragraph", day=st.day)
            return
    doc.prose.append(prose)


def _list_item(tokens: list[Token], i: int, doc: Document, src: SourceLines, b: ProseBuilder, st: _State) -> int:
    """A top-level list item: a timeline entry or action item in those sections, else prose."""
    open_tok = tokens[i]
    depth = 0
    j = i
    inlines: list[Token] = []
    nested = 0
    first_inline: Token | None = None
    while j < len(tokens):
        tk = tokens[j]
        if tk.type == "list_item_open":
            depth += 1
        elif tk.type == "list_item_close":
            depth -= 1
            if depth == 0:
                break
        elif tk.type in ("bullet_list_open", "ordered_list_open"):
            nested += 1
        elif tk.type in ("bullet_list_close", "ordered_list_close"):
            nested -= 1
        elif tk.type == "inline":
            if first_inline is None and nested == 0:
                first_inline = tk
            else:
                inlines.append(tk)
        elif tk.type == "html_block" and tk.map is not None:
            for start, comment in html_comments(tk.content):
                first = tk.map[0] + 1 + tk.content.count("\n", 0, start)
                b.comments.append((first, first + comment.count("\n"), comment))
        elif tk.type == "table_open":
            pass
        j += 1
    lo, hi = src.block(open_tok)
    start, end = src.trimmed(lo, hi)
    section = st.section
    label = None
    if first_inline is not None:
        flo, fhi = src.block(first_inline)
        prose = b.prose(first_inline, flo, fhi, "list-item", section)
        label = bold_label(first_inline, prose, st.extra)
    if label is not None:
        # "- **Review actions**:" heads the item and what is nested under it.
        label.body_end = end
        doc.sections.append(label)
        section = prose.section = label.canonical
        if prose.text.strip():
            doc.prose.append(prose)
    elif first_inline is not None:
        if section == "timeline":
            add_timeline_entry(doc, prose, start, end, kind="list-item", day=st.day)
        elif section == "action items":
            add_action_item(doc, prose, start, end, kind="list-item")
        elif prose.text.strip():
            doc.prose.append(prose)
    elif section in ("timeline", "action items"):
        # An empty bullet is still an entry with nothing in it.
        empty = Prose("", [], "list-item", section)
        if section == "timeline":
            add_timeline_entry(doc, empty, start, end, kind="list-item", day=st.day)
        else:
            add_action_item(doc, empty, start, end, kind="list-item")
    for tk in inlines:
        if tk.map is None:
            continue
        ilo, ihi = src.block(tk)
        p = b.prose(tk, ilo, ihi, "list-item", section)
        if p.text.strip():
            doc.prose.append(p)
    return j + 1


def _table(tokens: list[Token], i: int, doc: Document, src: SourceLines, b: ProseBuilder, st: _State) -> int:
    rows: list[tuple[Token, list[Token], bool]] = []  # (tr_open, cell inlines, is_header)
    j = i
    header = False
    current: list[Token] = []
    tr: Token | None = None
    while j < len(tokens) and tokens[j].type != "table_close":
        tk = tokens[j]
        if tk.type == "thead_open":
            header = True
        elif tk.type == "thead_close":
            header = False
        elif tk.type == "tr_open":
            tr, current = tk, []
        elif tk.type == "inline":
            current.append(tk)
        elif tk.type == "tr_close" and tr is not None:
            rows.append((tr, current, header))
        j += 1
    head = next((cells for _, cells, h in rows if h), [])
    header_texts = [c.content for c in head]
    roles = table_roles(header_texts, st.section)
    for tr, cells, is_header in rows:
        if is_header or tr.map is None:
            continue
        spans = row_cells(src, tr.map[0])
        row_lo, row_hi = src.trimmed(src.line_start(tr.map[0]), src.line_start(tr.map[0] + 1))
        cell_prose: list[Prose] = []
        for k, inline in enumerate(cells):
            lo, hi = spans[k] if k < len(spans) else (row_hi, row_hi)
            cell_prose.append(b.prose(inline, lo, hi, "table-cell", st.section))
        _table_row(doc, roles, cell_prose, spans, row_lo, row_hi, st)
    return j + 1


def _cell_field(prose: Prose, span: tuple[int, int]) -> Field:
    if prose.text:
        s, e = prose.original_span(0, len(prose.text))
        return Field(prose.text, s, e)
    return Field("", span[0], span[1])


def _table_row(doc: Document, roles: TableRoles, cells: list[Prose], spans: list[tuple[int, int]],
               row_lo: int, row_hi: int, st: _State) -> None:
    def cell(k: int | None) -> Prose | None:
        return cells[k] if k is not None and k < len(cells) else None

    def span(k: int) -> tuple[int, int]:
        return spans[k] if k < len(spans) else (row_hi, row_hi)

    used: set[int] = set()
    if roles.kind == "timeline":
        main = cell(roles.text)
        times = [(k, cells[k]) for k in roles.times if k < len(cells)]
        used.update(k for k, _ in times)
        time_field: Field | None = None
        extra: list[Field] = []
        day = st.day
        for k, p in times:
            f = _cell_field(p, span(k))
            ts = find_timestamp(p.text)
            if ts is not None and ts.date and ts.minutes is None:
                day = ts.date
            if time_field is None or (ts is not None and ts.minutes is not None and find_timestamp(time_field.value) is None):
                if time_field is not None:
                    extra.append(time_field)
                time_field = f
            else:
                extra.append(f)
        if time_field is None:
            time_field = Field("", row_lo, row_lo)
        text = main.text if main is not None else ""
        doc.timeline.append(TimelineEntry(row_lo, row_hi, text, time_field, structured=True, kind="table-row",
                                          day=day, extra_times=tuple(extra)))
        if main is not None:
            used.add(roles.text)  # type: ignore[arg-type]
            event = cut(main, 0)
            event.kind = "timeline"
            if event.text.strip():
                doc.prose.append(event)
    elif roles.kind == "action items":
        main = cell(roles.text)
        owner = _cell_field(cells[roles.owner], span(roles.owner)) if roles.owner is not None and roles.owner < len(cells) else None
        if owner is not None and not owner.value:
            owner = Field("", row_lo, row_hi)  # an empty cell: point at the row
        deadline = (_cell_field(cells[roles.deadline], span(roles.deadline))
                    if roles.deadline is not None and roles.deadline < len(cells) else None)
        if deadline is not None and not deadline.value:
            deadline = Field("", row_lo, row_hi)
        used.update(k for k in (roles.text, roles.owner, roles.deadline) if k is not None)
        used.update(roles.skip)
        prose = main if main is not None else Prose("", [], "table-cell", st.section)
        add_action_item(doc, prose, row_lo, row_hi, kind="table-row", owner=owner, deadline=deadline,
                        structured=True)
    used.update(roles.skip)
    for k, p in enumerate(cells):
        if k not in used and p.text.strip():
            doc.prose.append(p)


def _close_sections(doc: Document) -> None:
    secs = doc.sections
    for k, s in enumerate(secs):
        if s.body_end != -1:
            continue  # a list item's label ends with its item
        for later in secs[k + 1:]:
            if later.level <= s.level:
                s.body_end = later.start
                break
