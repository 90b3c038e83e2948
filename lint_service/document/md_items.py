"""Lists and tables of a Markdown postmortem: timeline entries and action items, from tokens.

A top-level bullet in the Action items section is one item; its sub-bullets are its
details. A bullet that only labels a group ("Short term (by Q3 2025):", "**Monitoring**:")
hands its deadline and owner to the sub-bullets, which are the items; a list right after
an item that ends with ":" ("We plan to alert on:") details that item. A heading over the
items may give them a deadline ("Long-term (Q4 2025 - Q1 2026)") or mark them done
("Completed"). A checked task-list box and a struck-through item are done. A run of
bullets or table rows that all start with a clock time is a timeline wherever it is.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from markdown_it.token import Token

from .builder import add_action_item, add_timeline_entry, cut
from .fields import find_deadline, find_owner, find_period, starts_with_action
from .item_forms import status_of
from .md_fields import record_bold_labels
from .md_inline import InlineMarks, ProseBuilder, SourceLines, html_comments
from .model import ActionItem, Document, Field, Prose, TimelineEntry
from .tables import TableRoles, table_roles
from .timestamps import find_timestamp, leading_timestamp

_STRUCK_SHARE = 0.8  # an item is struck through when this share of its letters is


@dataclass
class Scope:
    """How far one heading reaches, and what it says about the items under it."""

    level: int
    canonical: str | None
    deadline: Field | None = None  # "Long-term improvements (Q4 2025 - Q1 2026)"
    done: Field | None = None  # "Completed", "Immediate actions (done)"


@dataclass
class MdState:
    stack: list[Scope] = field(default_factory=list)
    day: tuple[int, int, int] | None = None
    timezone: str | None = None  # from a note ("All times UTC") or a heading ("Timeline (PST)")
    list_section: str | None = None  # what the open top-level list is read as, when not its section
    detail_list: bool = False  # the open list details the action item before it
    intro_item: ActionItem | None = None  # the last item, when it ended with ":" and nothing followed yet

    @property
    def section(self) -> str | None:
        return self.stack[-1].canonical if self.stack else None

    def heading_deadline(self) -> Field | None:
        return next((s.deadline for s in reversed(self.stack) if s.deadline is not None), None)

    def heading_done(self) -> Field | None:
        return next((s.done for s in reversed(self.stack) if s.done is not None), None)

    def begin_list(self, tokens: list[Token], i: int) -> None:
        """A top-level list opens at ``tokens[i]``: decide what its items are."""
        self.detail_list = self.intro_item is not None and self.section == "action items"
        self.intro_item = None
        self.list_section = None
        if self.section not in ("timeline", "action items") and _time_led(tokens, i):
            self.list_section = "timeline"

    def end_list(self) -> None:
        self.list_section = None
        self.detail_list = False


def _time_led(tokens: list[Token], i: int) -> bool:
    """Every item of the list at ``tokens[i]`` (at least two) starts with a clock time."""
    depth = 0
    firsts: list[Token | None] = []
    for tk in tokens[i + 1:]:
        if tk.type in ("bullet_list_open", "ordered_list_open"):
            depth += 1
        elif tk.type in ("bullet_list_close", "ordered_list_close"):
            if depth == 0:
                break
            depth -= 1
        elif tk.type == "list_item_open" and depth == 0:
            firsts.append(None)
        elif tk.type == "inline" and depth == 0 and firsts and firsts[-1] is None:
            firsts[-1] = tk
    if len(firsts) < 2:
        return False
    for tk in firsts:
        ts = leading_timestamp(tk.content.lstrip("*_ ")) if tk is not None else None
        if ts is None or (ts.minutes is None and ts.relative is None):
            return False
    return True


@dataclass
class _Item:
    open_tok: Token
    first: Token | None = None
    rest: list[Token] = field(default_factory=list)
    children: list["_Item"] = field(default_factory=list)


def _collect(tokens: list[Token], i: int, b: ProseBuilder) -> tuple[_Item, int]:
    """The list item opening at ``tokens[i]``: its first paragraph, its other inlines and its
    direct sub-items; and the index after its close."""
    item = _Item(tokens[i])
    depth = 0
    j = i
    while j < len(tokens):
        tk = tokens[j]
        if tk.type == "list_item_open":
            depth += 1
            if depth == 2:
                item.children.append(_Item(tk))
        elif tk.type == "list_item_close":
            depth -= 1
            if depth == 0:
                break
        elif tk.type == "inline":
            owner = item if depth <= 1 or not item.children else item.children[-1]
            if owner.first is None and depth <= 2 and not (owner is item and item.children):
                owner.first = tk
            else:
                owner.rest.append(tk)
        elif tk.type == "html_block" and tk.map is not None:
            for start, comment in html_comments(tk.content):
                first = tk.map[0] + 1 + tk.content.count("\n", 0, start)
                b.comments.append((first, first + comment.count("\n"), comment))
        j += 1
    return item, j + 1


def _markup_status(marks: InlineMarks, prose: Prose, st: MdState) -> tuple[bool | None, Field | None]:
    """Done or open as the markup says: a task-list box, strikethrough, a heading above."""
    if marks.checkbox is not None:
        checked, s, e = marks.checkbox
        return checked, Field("[x]" if checked else "[ ]", s, e)
    letters = sum(1 for ch in prose.text if ch.isalnum())
    if marks.struck and letters and marks.text_chars <= (1 - _STRUCK_SHARE) * letters:
        s, e = marks.struck[0][0], marks.struck[-1][1]
        return True, Field("~~", s, e)
    done = st.heading_done()
    if done is not None:
        return True, done
    return None, None


def _action_item(doc: Document, b: ProseBuilder, src: SourceLines, it: _Item, st: MdState,
                 section: str | None, owner: Field | None = None, deadline: Field | None = None) -> ActionItem:
    start, end = src.trimmed(*src.block(it.open_tok))
    if it.first is None:
        return add_action_item(doc, Prose("", [], "list-item", section), start, end, kind="list-item",
                               owner=owner, deadline=deadline or st.heading_deadline())
    prose = b.prose(it.first, *src.block(it.first), "list-item", section)
    marks = b.marks
    done, status_field = _markup_status(marks, prose, st)
    return add_action_item(
        doc, prose, start, end, kind="list-item",
        owner=find_owner(prose) or owner, deadline=find_deadline(prose) or deadline or st.heading_deadline(),
        done=done, status_field=status_field, links=marks.links,
    )


def _is_group_label(prose: Prose) -> bool:
    """A bullet that names a group of items rather than being one ("Short term:", "Q3 2025")."""
    text = prose.text.strip()
    if not text or "\n" in text or starts_with_action(text):
        return False
    return text.endswith(":") or find_period(prose) is not None and len(text.split()) <= 6


def _prose_of(doc: Document, b: ProseBuilder, src: SourceLines, tokens: list[Token], section: str | None,
              labels: bool = False) -> None:
    for tk in tokens:
        if tk.map is None:
            continue
        p = b.prose(tk, *src.block(tk), "list-item", section)
        if labels:
            record_bold_labels(doc, p, b.marks)  # "- **Severity**: SEV2"
        if p.text.strip():
            doc.prose.append(p)


def list_item(tokens: list[Token], i: int, doc: Document, src: SourceLines, b: ProseBuilder, st: MdState) -> int:
    """A top-level list item: a timeline entry or action item(s) in those sections, else prose."""
    it, after = _collect(tokens, i, b)
    section = st.list_section or st.section
    rest = it.rest + [tk for child in it.children for tk in ([child.first] if child.first else []) + child.rest]
    start, end = src.trimmed(*src.block(it.open_tok))
    if section == "timeline":
        prose = (b.prose(it.first, *src.block(it.first), "list-item", section) if it.first is not None
                 else Prose("", [], "list-item", section))
        add_timeline_entry(doc, prose, start, end, kind="list-item", day=st.day, timezone=st.timezone)
    elif section == "action items" and not st.detail_list:
        label = b.prose(it.first, *src.block(it.first), "list-item", section) if it.first is not None else None
        if label is not None and it.children and _is_group_label(label):
            # The sub-bullets are the items; the label's deadline and owner cover them.
            if label.text.strip():
                doc.prose.append(label)
            deadline, owner = find_period(label), find_owner(label)
            for child in it.children:
                _action_item(doc, b, src, child, st, section, owner, deadline)
                _prose_of(doc, b, src, child.rest, section)
            _prose_of(doc, b, src, it.rest, section)
            st.intro_item = None
            return after
        item = _action_item(doc, b, src, it, st, section)
        last = it.rest[-1].content if it.rest else (it.first.content if it.first is not None else "")
        st.intro_item = item if not it.children and last.rstrip(" *_").endswith(":") else None
    else:
        if it.first is not None:
            rest = [it.first] + rest
        _prose_of(doc, b, src, rest, section, labels=True)
        return after
    _prose_of(doc, b, src, rest, section)
    return after


# ---------------------------------------------------------------------------------------- tables

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


def _timed_rows(roles: TableRoles, rows: list[tuple[Token, list[Token], bool]]) -> bool:
    """Every body row (at least two) has a clock time in the table's time column."""
    body = [cells for _, cells, h in rows if not h]
    if len(body) < 2 or not roles.times:
        return False
    k = roles.times[0]
    for cells in body:
        ts = find_timestamp(cells[k].content) if k < len(cells) else None
        if ts is None or ts.minutes is None:
            return False
    return True


def table(tokens: list[Token], i: int, doc: Document, src: SourceLines, b: ProseBuilder, st: MdState) -> int:
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
    section = st.section
    if roles.kind is None:
        as_timeline = table_roles(header_texts, "timeline", labelled_only=True)
        if _timed_rows(as_timeline, rows):
            roles, section = as_timeline, "timeline"
    for tr, cells, is_header in rows:
        if is_header or tr.map is None:
            continue
        spans = row_cells(src, tr.map[0])
        row_lo, row_hi = src.trimmed(src.line_start(tr.map[0]), src.line_start(tr.map[0] + 1))
        cell_prose: list[Prose] = []
        links: list[tuple[str, int, int]] = []
        for k, inline in enumerate(cells):
            lo, hi = spans[k] if k < len(spans) else (row_hi, row_hi)
            cell_prose.append(b.prose(inline, lo, hi, "table-cell", section))
            links.extend(b.marks.links)
        _table_row(doc, roles, cell_prose, spans, row_lo, row_hi, st, links)
    return j + 1


def _cell_field(prose: Prose, span: tuple[int, int]) -> Field:
    if prose.text:
        s, e = prose.original_span(0, len(prose.text))
        return Field(prose.text, s, e)
    return Field("", span[0], span[1])


def _table_row(doc: Document, roles: TableRoles, cells: list[Prose], spans: list[tuple[int, int]],
               row_lo: int, row_hi: int, st: MdState, links: list[tuple[str, int, int]]) -> None:
    def cell(k: int | None) -> Prose | None:
        return cells[k] if k is not None and k < len(cells) else None

    def span(k: int) -> tuple[int, int]:
        return spans[k] if k < len(spans) else (row_hi, row_hi)

    def column(k: int | None, empty_is_row: bool = False) -> Field | None:
        p = cell(k)
        if p is None:
            return None
        f = _cell_field(p, span(k))  # type: ignore[arg-type]
        return Field("", row_lo, row_hi) if empty_is_row and not f.value else f

    used: set[int] = set()
    if roles.kind == "timeline":
        main = cell(roles.text)
        times = [(k, cells[k]) for k in roles.times if k < len(cells)]
        used.update(k for k, _ in times)
        time_field: Field | None = None
        extra: list[Field] = []
        day = st.day
        zone = st.timezone
        for k, p in times:
            f = _cell_field(p, span(k))
            ts = find_timestamp(p.text)
            if ts is not None and ts.date:
                day = (day[0], *ts.date[1:]) if ts.date[0] == 0 and day is not None else ts.date
                if ts.minutes is None:
                    st.day = day  # a Date cell alone starts a day for the rows below
            if ts is not None and ts.timezone:
                zone = ts.timezone
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
                                          day=day, extra_times=tuple(extra), timezone=zone))
        if main is not None:
            used.add(roles.text)  # type: ignore[arg-type]
            event = cut(main, 0)
            event.kind = "timeline"
            if event.text.strip():
                doc.prose.append(event)
    elif roles.kind == "action items":
        main = cell(roles.text)
        owner = column(roles.owner, empty_is_row=True)
        deadline = column(roles.deadline, empty_is_row=True)
        status = column(roles.status)
        said = status_of(status.value) if status is not None else None
        done = None if said is None else said == "done"
        if done is None and st.heading_done() is not None:
            done, status = True, st.heading_done()
        ticket = column(roles.ticket)
        priority = column(roles.priority)
        used.update(k for k in (roles.text, roles.owner, roles.deadline, roles.status, roles.ticket, roles.priority)
                    if k is not None)
        prose = main if main is not None else Prose("", [], "table-cell", st.section)
        add_action_item(doc, prose, row_lo, row_hi, kind="table-row", owner=owner,
                        deadline=deadline if deadline is not None else st.heading_deadline(), structured=True,
                        done=done, status_field=status if done is not None else None,
                        ticket=ticket if ticket is not None and ticket.value else None,
                        priority=priority if priority is not None and priority.value else None, links=links)
    used.update(roles.skip)
    for k, p in enumerate(cells):
        if k not in used and p.text.strip():
            doc.prose.append(p)
