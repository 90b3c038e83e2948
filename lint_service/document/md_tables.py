"""Tables of a Markdown postmortem: timeline rows and action-item rows, from tokens.

What each column holds comes from the header (``tables.table_roles``): the time of a
timeline row, an action item's owner, deadline, status, ticket and priority. A table
outside the Timeline section whose Time column holds a clock time in every row is a
timeline too. A Status cell ("DONE", "closed", "✅") or a heading above ("Completed")
marks an item done.
"""
from __future__ import annotations

import re

from markdown_it.token import Token

from .builder import add_action_item, cut
from .fields import is_missing
from .item_forms import find_timezone_note, shouted_status, status_of, strip_shouted
from .md_inline import InlineMarks, ProseBuilder, SourceLines
from .md_items import MdState, markup_status
from .model import Document, Field, Prose, TimelineEntry
from .tables import TableRoles, table_roles
from .timestamps import find_timestamp

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
    # "Date and Time in CET", "Time (UTC)": the zone of every row of this table only.
    header_zone = next((z for k in roles.times if k < len(header_texts)
                        for z in [find_timezone_note(header_texts[k], heading=True)] if z), None)
    for tr, cells, is_header in rows:
        if is_header or tr.map is None:
            continue
        spans = row_cells(src, tr.map[0])
        row_lo, row_hi = src.trimmed(src.line_start(tr.map[0]), src.line_start(tr.map[0] + 1))
        cell_prose: list[Prose] = []
        cell_marks: list[InlineMarks] = []
        for k, inline in enumerate(cells):
            lo, hi = spans[k] if k < len(spans) else (row_hi, row_hi)
            cell_prose.append(b.prose(inline, lo, hi, "table-cell", section))
            cell_marks.append(b.marks)
        _table_row(doc, roles, cell_prose, spans, row_lo, row_hi, st, cell_marks, header_zone)
    return j + 1


# A time cell that names a time instead of giving one ("Detection Time", "Start date"):
# a key-times table of labels and values, not a timeline. A time cell written as its
# format ("20xx-MM-DD HH:mm", "YYYY-MM-DD") is a template's example row.
_TIME_LABEL = re.compile(r"^[A-Za-z][A-Za-z /-]{0,40}\b(?:time|date)$", re.IGNORECASE)
_FORMAT = re.compile(r"^(?=.*(?:yy|xx|mm|dd|hh))[0-9xXyYmMdDhHsS:./T -]+$")


def _is_entry(cells: list[Prose], roles: TableRoles) -> bool:
    """A timeline row is an entry unless it is blank (a template's empty row), a label
    of a key-times table, or a template's format example."""
    if not any(p.text.strip() for p in cells):
        return False
    times = [cells[k].text.strip() for k in roles.times if k < len(cells)]
    return not any(_TIME_LABEL.match(t) or _FORMAT.match(t) for t in times if t)


def _cell_field(prose: Prose, span: tuple[int, int]) -> Field:
    if prose.text:
        s, e = prose.original_span(0, len(prose.text))
        return Field(prose.text, s, e)
    return Field("", span[0], span[1])


def _table_row(doc: Document, roles: TableRoles, cells: list[Prose], spans: list[tuple[int, int]],
               row_lo: int, row_hi: int, st: MdState, marks: list[InlineMarks],
               header_zone: str | None = None) -> None:
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
    if roles.kind == "timeline" and not _is_entry(cells, roles):
        return
    if roles.kind == "timeline":
        main = cell(roles.text)
        times = [(k, cells[k]) for k in roles.times if k < len(cells)]
        used.update(k for k, _ in times)
        time_field: Field | None = None
        extra: list[Field] = []
        day = st.day
        zone = header_zone or st.timezone
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
        if not any(p.text.strip() for p in cells):
            return  # a template's empty row: no item to own or to date
        main = cell(roles.text)
        owner = column(roles.owner, empty_is_row=True)
        deadline = column(roles.deadline, empty_is_row=True)
        status = column(roles.status)
        said = status_of(status.value) if status is not None else None
        if said is None:  # no Status column: "n/a **DONE**" in a Bug or Notes column says it
            for k, p in enumerate(cells):
                if k not in (roles.text, roles.owner, roles.deadline) and p.text and shouted_status(p.text):
                    said, status = shouted_status(p.text), _cell_field(p, span(k))
                    break
        done = None if said is None else said == "done"
        if done is None and main is not None and roles.text is not None and roles.text < len(marks):
            # "| ~~Restore the quota file~~ | ...": a struck-through item, or its checkbox
            done, status = markup_status(marks[roles.text], main, st)
        elif done is None and st.heading_done() is not None:
            done, status = True, st.heading_done()
        ticket = column(roles.ticket)
        priority = column(roles.priority)
        used.update(k for k in (roles.text, roles.owner, roles.deadline, roles.status, roles.ticket, roles.priority)
                    if k is not None)
        prose = main if main is not None else Prose("", [], "table-cell", st.section)
        add_action_item(doc, prose, row_lo, row_hi, kind="table-row", owner=owner,
                        deadline=deadline if deadline is not None else st.heading_deadline(), structured=True,
                        done=done, status_field=status if done is not None else None,
                        ticket=ticket if ticket is not None and not is_missing(Field(strip_shouted(ticket.value), 0, 0))
                        else None,
                        priority=priority if priority is not None and priority.value else None,
                        links=[link for m in marks for link in m.links])
    used.update(roles.skip)
    for k, p in enumerate(cells):
        if k not in used and p.text.strip():
            doc.prose.append(p)
