"""The format-neutral document every check reads.

Parsers (markdown, YAML report, plain text) build a :class:`Document`; nothing
after them knows which format the text was in. Every piece carries offsets into
the *original* text, so findings always point where the user typed.
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Field:
    """A value found in the document, with its span in the original text."""

    value: str
    start: int
    end: int


@dataclass
class Prose:
    """A run of natural language to be parsed (paragraph, list item, cell, YAML string).

    ``text`` is what spaCy sees. It may differ from the original slice (inline code
    replaced, markup removed, YAML escapes decoded), so ``offsets[i]`` gives the
    original offset of ``text[i]``. ``offsets`` has ``len(text)`` entries.
    """

    text: str
    offsets: list[int]
    kind: str = "paragraph"  # paragraph | list-item | table-cell | heading | timeline | action-item | yaml-string
    section: str | None = None  # canonical section name, if inside a known section

    @classmethod
    def verbatim(cls, text: str, start: int, kind: str = "paragraph", section: str | None = None) -> "Prose":
        """Prose whose text is exactly ``original[start:start+len(text)]``."""
        return cls(text, list(range(start, start + len(text))), kind, section)

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Original [start, end) for the prose slice ``text[start:end]`` (end > start)."""
        return self.offsets[start], self.offsets[end - 1] + 1


@dataclass
class Section:
    """A heading of the document; ``canonical`` is the template section it matches."""

    title: str
    canonical: str | None
    start: int  # span of the heading text
    end: int
    level: int = 1
    body_end: int = -1  # offset where the section's body ends (-1: end of text)


@dataclass
class TimelineEntry:
    """One entry of the timeline: a bullet, a table row or a YAML item.

    ``time`` is an explicit time field (YAML ``time:`` key, table time column);
    when it is None the time, if any, is at the start of ``text``.
    ``time_present`` is False when a structured time field is absent altogether.
    """

    start: int
    end: int
    text: str
    time: Field | None = None
    structured: bool = False  # True when the time comes from a field/column, not the text
    kind: str = "list-item"  # list-item | table-row | paragraph | yaml
    # The day the entry belongs to when the document says it elsewhere (a "### 2024-03-02"
    # heading, a date on its own line, a Date column): (year or 0, month, day).
    day: tuple[int, int, int] | None = None
    # Clock times also written in other cells of the row ("Day | Date | Time" tables).
    extra_times: tuple[Field, ...] = ()
    # The timezone that applies to the entry: its own ("14:05 UTC") or a note above it
    # ("All times UTC"); None when the document never says.
    timezone: str | None = None
    # True when the time follows a short label ("Repaired 2023-03-14 12:44", "First detected:
    # 11:57"): a list of key moments, not a narrative, so its order is not checked.
    labelled: bool = False


@dataclass
class ActionItem:
    """One action item: a bullet, a table row or a YAML item.

    For structured items (tables, YAML) ``owner``/``deadline`` are the fields as
    written (possibly empty); ``None`` means the field is absent. For free-text
    items, ``owner``/``deadline`` are what the parser found in the text, or None.
    """

    start: int
    end: int
    text: str
    description: Field | None = None
    owner: Field | None = None
    deadline: Field | None = None
    structured: bool = False
    kind: str = "list-item"  # list-item | table-row | yaml
    # "open" or "done"; ``status_field`` is what said so (a checkbox, "[done]", a
    # Status cell, strikethrough, a past-tense report), None when nothing did.
    status: str = "open"
    status_field: Field | None = None
    ticket: Field | None = None  # ABC-123, #123 or a link to a tracker
    priority: Field | None = None  # P1, high, ...

    @property
    def done(self) -> bool:
        return self.status == "done"


@dataclass(frozen=True)
class Suppression:
    """Inline suppression: rules (empty = all) silenced on lines [first_line, last_line]."""

    rules: frozenset[str]
    first_line: int
    last_line: int

    def covers(self, rule: str, line: int) -> bool:
        if not (self.first_line <= line <= self.last_line):
            return False
        return not self.rules or any(rule == r or rule.startswith(r.rstrip("*").rstrip(".") + ".") for r in self.rules)


@dataclass
class Document:
    text: str
    format: str  # markdown | text | yaml
    prose: list[Prose] = field(default_factory=list)
    # The text of headings and titles (kind "heading"). They are kept apart from
    # ``prose``: a headline can blame ("Intern's typo takes payroll offline"), so the
    # blame check reads them, but the checks and metrics of a document's body do not.
    headings: list[Prose] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    timeline: list[TimelineEntry] = field(default_factory=list)
    action_items: list[ActionItem] = field(default_factory=list)
    suppressions: list[Suppression] = field(default_factory=list)
    # Sections the document's own format requires (None: the configured template).
    required_sections: list[str] | None = None
    # Labelled facts about the incident, by lower-case key ("id", "title", "date",
    # "severity", "started_at", "detected_at", ...): YAML report keys, front matter,
    # "**Detected:**" fields. Metrics read these before inferring from the timeline.
    fields: dict[str, Field] = field(default_factory=dict)
    # The template profile the document was checked against (rules/templates/*.yaml).
    template: str | None = None
