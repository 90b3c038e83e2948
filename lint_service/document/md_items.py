"""Lists and tables of a Markdown postmortem: timeline entries and action items, from tokens.

A top-level bullet in the Action items section is one item; its sub-bullets are its
details. A bullet that only labels a group ("Short term (by Q3 2025):", "**Monitoring**:")
hands its deadline and owner to the sub-bullets, which are the items; a list right after
an item that ends with ":" ("We plan to alert on:") details that item. A heading over the
items may give them a deadline ("Later (Q3 2024 - Q2 2025)") or mark them done
("Completed"). A checked task-list box and a struck-through item are done. A run of
bullets that all start with a clock time is a timeline wherever it is (tables:
``md_tables``).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from markdown_it.token import Token

from .builder import add_action_item, add_timeline_entry, is_placeholder
from .fields import find_deadline, find_labelled, find_owner, find_period, is_group_label
from .headings import list_label
from .md_fields import record_bold_labels
from .md_inline import InlineMarks, ProseBuilder, SourceLines, html_comments
from .model import ActionItem, Document, Field, Prose
from .timestamps import leading_timestamp

_STRUCK_SHARE = 0.8  # an item is struck through when this share of its letters is


@dataclass
class Scope:
    """How far one heading reaches, and what it says about the items under it."""

    level: int
    canonical: str | None
    deadline: Field | None = None  # "Later fixes (Q3 2024 - Q2 2025)"
    done: Field | None = None  # "Completed", "Immediate actions (done)"


@dataclass
class MdState:
    stack: list[Scope] = field(default_factory=list)
    day: tuple[int, int, int] | None = None
    timezone: str | None = None  # from a note ("All times UTC") or a heading ("Timeline (PST)")
    list_section: str | None = None  # what the open top-level list is read as, when not its section
    detail_list: bool = False  # the open list details the action item before it
    intro_item: ActionItem | None = None  # the last item, when it ended with ":" and nothing followed yet
    label_section: str | None = None  # "- **Review actions**:" alone: the section of the list after it

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
        self.list_section, self.label_section = self.label_section, None
        self.intro_item = None
        if self.list_section is None and self.section not in ("timeline", "action items") and _time_led(tokens, i):
            self.list_section = "timeline"

    def interrupt(self) -> None:
        """A paragraph, heading or table: the next list continues nothing before it."""
        self.intro_item = None
        self.label_section = None

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


def markup_status(marks: InlineMarks, prose: Prose, st: MdState) -> tuple[bool | None, Field | None]:
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


def _details(it: _Item) -> list[Token]:
    return it.rest + [tk for child in it.children for tk in ([child.first] if child.first else []) + child.rest]


def _action_item(doc: Document, b: ProseBuilder, src: SourceLines, it: _Item, st: MdState,
                 section: str | None, owner: Field | None = None, deadline: Field | None = None,
                 built: tuple[Prose, InlineMarks] | None = None) -> ActionItem | None:
    """One item; its sub-bullets and later paragraphs are details (prose), which may still
    say "Owner: @mia" or "Due: 2025-05-01". ``built``: its first paragraph, already read.

    A bullet with no text at all (a template's bare "-" or "- [ ]") is no item: None."""
    start, end = src.trimmed(*src.block(it.open_tok))
    if built is None and it.first is not None:
        built = b.prose(it.first, *src.block(it.first), "list-item", section), b.marks
    details = [b.prose(tk, *src.block(tk), "list-item", section) for tk in _details(it) if tk.map is not None]
    if (built is None or is_placeholder(built[0].text)) and not any(p.text.strip() for p in details):
        return None
    if built is None:
        item = add_action_item(doc, Prose("", [], "list-item", section), start, end, kind="list-item",
                               owner=owner, deadline=deadline or st.heading_deadline())
        doc.prose.extend(p for p in details if p.text.strip())
        return item
    prose, marks = built
    done, status_field = markup_status(marks, prose, st)
    own, due = find_owner(prose), find_deadline(prose)
    for p in details:
        if own is None or due is None:
            detail_owner, detail_due = find_labelled(p)
            own, due = own or detail_owner, due or detail_due
    item = add_action_item(
        doc, prose, start, end, kind="list-item",
        owner=own or owner, deadline=due or deadline or st.heading_deadline(),
        done=done, status_field=status_field, links=marks.links,
    )
    doc.prose.extend(p for p in details if p.text.strip())
    return item


def _timeline_child(doc: Document, b: ProseBuilder, src: SourceLines, it: _Item, st: MdState) -> None:
    start, end = src.trimmed(*src.block(it.open_tok))
    prose = (b.prose(it.first, *src.block(it.first), "list-item", "timeline") if it.first is not None
             else Prose("", [], "list-item", "timeline"))
    if is_placeholder(prose.text) and not _details(it):
        return
    add_timeline_entry(doc, prose, start, end, kind="list-item", day=st.day, timezone=st.timezone)
    _prose_of(doc, b, src, _details(it), "timeline")


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
    st.label_section = None  # only the list's last item may head the list after it
    rest = _details(it)
    start, end = src.trimmed(*src.block(it.open_tok))
    heading = list_label(doc, b, src, it.first, end)
    if heading is not None:  # "- **Impact**:" heads the item and what is nested under it
        if heading.canonical in ("action items", "timeline") and it.children:
            # "- **Review actions**:" / "- **Timeline**:": the nested bullets are its items or entries
            _prose_of(doc, b, src, [it.first, *it.rest], heading.canonical, labels=True)
            for child in it.children:
                if heading.canonical == "action items":
                    _action_item(doc, b, src, child, st, heading.canonical)
                else:
                    _timeline_child(doc, b, src, child, st)
            return after
        if not rest:
            st.label_section = heading.canonical  # its items may follow as a list of their own
        _prose_of(doc, b, src, [it.first, *rest], heading.canonical, labels=True)
        return after
    if section == "timeline":
        prose = (b.prose(it.first, *src.block(it.first), "list-item", section) if it.first is not None
                 else Prose("", [], "list-item", section))
        if is_placeholder(prose.text) and not rest:
            return after  # a template's empty bullet, like its empty table row: no entry
        add_timeline_entry(doc, prose, start, end, kind="list-item", day=st.day, timezone=st.timezone)
    elif section == "action items" and not st.detail_list:
        label = b.prose(it.first, *src.block(it.first), "list-item", section) if it.first is not None else None
        marks = b.marks
        if label is not None and it.children and is_group_label(label):
            # The sub-bullets are the items; the label's deadline and owner cover them.
            if label.text.strip():
                doc.prose.append(label)
            deadline, owner = find_period(label), find_owner(label)
            for child in it.children:
                _action_item(doc, b, src, child, st, section, owner, deadline)
            _prose_of(doc, b, src, it.rest, section)
            st.intro_item = None
            return after
        item = _action_item(doc, b, src, it, st, section, built=(label, marks) if label is not None else None)
        last = it.rest[-1].content if it.rest else (it.first.content if it.first is not None else "")
        st.intro_item = item if not it.children and last.rstrip(" *_").endswith(":") else None
        return after
    else:
        if it.first is not None:
            rest = [it.first] + rest
        _prose_of(doc, b, src, rest, section, labels=True)
        return after
    _prose_of(doc, b, src, rest, section)  # a timeline entry's details, or a details list
    return after
