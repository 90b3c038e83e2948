"""One incident's metrics, read from its Document.

Identity (id, title, date, severity) comes from ``Document.fields``; the milestones
from fields and the timeline (:mod:`.milestones`); action items from the one
``ActionItem`` model the document checks use; root causes from the document's
root-cause section (the first sentence of each of its first paragraphs or items).
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from ..document.done_work import mark_reported_work
from ..document.fields import is_missing
from ..findings import LineIndex
from ..repairs import repair
from ..document.incident_fields import incident_field
from ..document.model import ActionItem, Document
from ..document.timestamps import find_timestamp
from .clock import Moment, document_day, moment_of, parse_day, resolve_timeline, zone_in
from .durations import chain_from_durations, start_from_durations, start_from_stated_span, start_on_entry_from_durations
from .milestones import CLOSED_BY_LAST, KINDS, Milestone, ParseFn, find_milestones
from .ongoing_work import work_ongoing
from .prose_end import end_in_prose
from .prose_timeline import as_told, fill_in, prose_events, start_from_lasting
from .below_timeline import resolution_below
from .resolution_section import acted_before, resolution_in_section
from .prose_detection import detection_in_prose
from .stated_start import start_in_summary
from .windows import field_window, prose_window

MAX_CAUSES = 5
MIN_CAUSE_WORDS = 3  # "N/A", "TBD" or a lone "CODE" is not a cause
_KIND_NAMES = {"started": "impact start", "detected": "detection", "mitigated": "mitigation", "resolved": "resolution"}
MAX_CAUSE_CHARS = 240
NARRATIVE_TIMES = 2  # one time told is a date line, not a sequence of events
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z(\"'])")
_FIELD_KEYS = {"started": "started_at", "detected": "detected_at", "mitigated": "mitigated_at", "resolved": "resolved_at"}


@dataclass
class ActionItemCounts:
    total: int = 0
    done: int = 0
    open: int = 0
    overdue: int = 0

    def to_dict(self) -> dict:
        return {"total": self.total, "done": self.done, "open": self.open, "overdue": self.overdue}


@dataclass
class OpenItem:
    """An open action item, as the tracker exports write it."""

    description: str
    owner: str | None
    deadline: str | None
    due: dt.date | None
    line: int
    ticket: str | None = None
    priority: str | None = None
    overdue: bool = False


@dataclass
class IncidentMetrics:
    path: str
    id: str | None
    title: str | None
    date: str | None
    severity: str | None
    milestones: dict[str, Milestone | None]
    minutes: dict[str, int | None]
    action_items: ActionItemCounts
    root_causes: list[str]
    open_items: list[OpenItem] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)  # why times are missing
    problems: list[dict] = field(default_factory=list)  # {"line": n, "message": ...}
    due_dates: list[tuple[dt.date, bool]] = field(default_factory=list)  # (deadline, done) per dated item
    # How the document tells its times: "timeline" (a timeline section with a readable time,
    # or milestone fields), "narrative" (no timeline section; the opening or summary tells at
    # least NARRATIVE_TIMES dated times), or None. The two coverage denominators.
    timeline: str | None = None

    def to_dict(self) -> dict:
        return {
            "path": self.path, "id": self.id, "title": self.title, "date": self.date, "severity": self.severity,
            "milestones": {k: (m.to_dict() if m else None) for k, m in self.milestones.items()},
            "minutes": dict(self.minutes),
            "action_items": self.action_items.to_dict(),
            "root_causes": list(self.root_causes),
            "reasons": list(self.reasons),
            "problems": list(self.problems),
            "timeline": self.timeline,
        }


def _value(doc: Document, key: str) -> str | None:
    f = incident_field(doc, key)
    return f.value.strip() if f and f.value.strip() else None


def _field_milestones(doc: Document, day: dt.date | None, zone: str | None, line_of) -> tuple[dict[str, Milestone], list[dict]]:
    out: dict[str, Milestone] = {}
    problems = []
    for kind, key in _FIELD_KEYS.items():
        f = incident_field(doc, key)
        if f is None:
            continue
        m = moment_of(f, day, zone)
        if m is None:
            problems.append({"line": line_of(f.start), "message": f"{key} {f.value!r} is not a time"})
            continue
        out[kind] = Milestone(kind, m, line_of(f.start), "field")
    window = field_window(doc, day, zone, line_of)
    if window is not None:
        for m in window:
            out.setdefault(m.kind, m)
    return out, problems


def _repair_repeats_resolution(fields: dict[str, Milestone], timed: list) -> bool:
    """A mitigation field with the resolution's very time ("Repaired 2024-02-19 16:05",
    "Resolved 2024-02-19 16:05") over a timeline with events before it: the field only
    repeats the end; when the impact was first cut is not given."""
    mit, res = fields.get("mitigated"), fields.get("resolved")
    if mit is None or res is None or mit.moment.absolute != res.moment.absolute:
        return False
    return any(t.moment is not None and t.moment.date is not None and t.moment.absolute < res.moment.absolute
               for t in timed)


def _minutes(start: Milestone | None, end: Milestone | None) -> int | None:
    if start is None or end is None:
        return None
    a, b = start.moment, end.moment
    if a.relative != b.relative or ((a.date is None) != (b.date is None) and not a.relative):
        return None  # a clock time and a dated time (or T+ and clock) cannot be compared
    diff = b.absolute - a.absolute
    return int(diff) if diff >= 0 else None


def root_causes(doc: Document) -> list[str]:
    causes = []
    for p in doc.prose:
        if p.section != "root causes" or p.kind == "heading" or not p.text.strip():
            continue
        first = " ".join(_SENTENCE_END.split(p.text.strip(), 1)[0].split())
        if len(first.split()) < MIN_CAUSE_WORDS:
            continue
        causes.append(first[:MAX_CAUSE_CHARS])
        if len(causes) >= MAX_CAUSES:
            break
    return causes


def _due(item: ActionItem, year: int | None) -> dt.date | None:
    if item.deadline is None or is_missing(item.deadline):
        return None
    day = parse_day(item.deadline.value)
    if day is None and year:
        ts = find_timestamp(item.deadline.value)
        if ts is not None and ts.date is not None and not ts.date[0]:
            try:
                day = dt.date(year, ts.date[1], ts.date[2])
            except ValueError:
                return None
    return day


def _items(doc: Document, as_of: dt.date, year: int | None, line_of) -> tuple[ActionItemCounts, list[OpenItem], list]:
    counts = ActionItemCounts()
    open_items: list[OpenItem] = []
    dated = []
    for item in doc.action_items:
        if not item.text.strip():
            continue
        counts.total += 1
        due = _due(item, year)
        if due is not None:
            dated.append((due, item.done))
        if item.done:
            counts.done += 1
            continue
        counts.open += 1
        late = due is not None and due < as_of
        counts.overdue += late
        owner = None if is_missing(item.owner) else item.owner.value.strip()  # type: ignore[union-attr]
        deadline = None if is_missing(item.deadline) else item.deadline.value.strip()  # type: ignore[union-attr]
        description = item.description.value if item.description is not None else item.text
        open_items.append(OpenItem(" ".join(description.split()), owner, deadline, due, line_of(item.start),
                                   item.ticket.value if item.ticket else None,
                                   item.priority.value if item.priority else None, late))
    return counts, open_items, dated


def incident_metrics(doc: Document, path: str, parse: ParseFn, as_of: dt.date) -> IncidentMetrics:
    index = LineIndex(doc.text)

    def line_of(offset: int) -> int:
        return index.position(offset)[0]

    day = document_day(doc, path)
    zone = next((e.timezone for e in doc.timeline if e.timezone), None) or _heading_zone(doc)
    fields, problems = _field_milestones(doc, day, zone, line_of)
    timed = resolve_timeline(doc, line_of, day, zone, path)
    problems += [{"line": t.line, "message": t.problem} for t in timed if t.problem]
    problems += [{"line": t.line, "message": t.note} for t in timed if t.note]  # the writer should fix the typo
    unknown: list[str] = []
    repeated = _repair_repeats_resolution(fields, timed)
    # a repair field that only repeats the end leaves the mitigation to the timeline's events
    given = {k: v for k, v in fields.items() if not (repeated and k == "mitigated")}
    milestones = find_milestones(timed, given, parse, unknown)
    why = None
    closing = milestones["resolved"]
    by_last = closing is not None and (closing.note or "").startswith(CLOSED_BY_LAST)
    under_way = by_last and work_ongoing(doc, parse)
    if under_way:
        milestones["resolved"] = None  # the last event did not end what the text says goes on
    elif by_last and (said := resolution_below(doc, timed, parse)) is not None \
            and _last(said, {k: m for k, m in milestones.items() if k != "resolved"}):
        milestones["resolved"] = said  # the text saying the incident is over outranks the last event
    window = prose_window(doc, day, zone, line_of)
    if not doc.timeline and milestones["resolved"] is None and milestones["mitigated"] is None:
        milestones["mitigated"], milestones["resolved"] = end_in_prose(
            doc, window[1] if window else None, day, zone, parse, line_of)
    stated = (window[0] if window else None) or start_from_stated_span(doc, milestones, timed, parse, line_of)
    if stated is None and milestones["started"] is None and doc.timeline:
        stated = start_in_summary(doc, timed, day, zone, parse, line_of)
    if stated is not None and _stated_start_fits(stated, milestones):
        milestones["started"] = stated
    chained = chain_from_durations(doc, milestones, timed)
    if chained is not None:
        milestones["started"], milestones["detected"] = chained
    elif milestones["started"] is None:
        milestones["started"], why = start_from_durations(doc, milestones, line_of)
        milestones["started"] = _on_entry(milestones["started"], timed)
    else:
        milestones["started"] = start_on_entry_from_durations(doc, milestones, timed, line_of) or milestones["started"]
    if milestones["detected"] is None and milestones["started"] is not None:
        milestones["detected"] = detection_in_prose(doc, milestones["started"], parse, line_of)
    if milestones["resolved"] is None:
        below = resolution_below(doc, timed, parse) or resolution_in_section(doc, day, zone, parse, line_of)
        last_act = below is not None and (below.note or "").startswith(CLOSED_BY_LAST)
        if last_act and work_ongoing(doc, parse):
            below = None  # the section's last act did not end what it says goes on
        if below is not None and _last(below, milestones):
            milestones["resolved"] = below
            if milestones["mitigated"] is None and not (last_act and acted_before(doc, below, parse, line_of)):
                milestones["mitigated"] = Milestone("mitigated", below.moment, below.line, below.source,
                                                    "the resolution: no separate mitigation")
    told = prose_events(doc, day, zone, line_of) if not doc.timeline else []
    if told and not all(milestones.values()):
        # a narrative's written times, for what the stated spans and fields leave open
        fill_in(milestones, as_told(find_milestones([e.timed for e in told], fields, parse), told))
        start_from_lasting(doc, told, milestones, parse, line_of)
    reasons = []
    if not doc.timeline and not fields:
        reasons.append("no timeline and no milestone fields" if not any(milestones.values())
                       else "no timeline and no milestone fields: read from the prose")
    elif doc.timeline and not any(t.moment for t in timed) and not fields:
        reasons.append("no timeline entry has a readable time")
    missing = [k for k in KINDS if milestones[k] is None]
    if missing and not reasons:
        reasons.append("not found: " + ", ".join(_KIND_NAMES[k] for k in missing))
    if why:
        reasons.append(why)
    if under_way:
        reasons.append("recovery still under way when the document was written")
    if repeated and milestones["mitigated"] is None:
        reasons.append("the repair field repeats the resolution's time while the timeline shows work before it")
    if milestones["started"] is None and unknown:
        reasons.append(unknown[0])
    if (doc.timeline and any(t.moment for t in timed)) or fields:
        timeline = "timeline"
    else:
        timeline = "narrative" if sum(e.times for e in told if e.timed.moment is not None
                                      and e.timed.moment.date is not None) >= NARRATIVE_TIMES else None
    start = milestones["started"]
    minutes = {"to_detect": _minutes(start, milestones["detected"]),
               "to_mitigate": _minutes(start, milestones["mitigated"]),
               "to_resolve": _minutes(start, milestones["resolved"])}
    _mark_done_work(doc, parse)
    counts, open_items, dated = _items(doc, as_of, day.year if day else None, line_of)
    date = day.isoformat() if day else (start.moment.date.isoformat() if start and start.moment.date else None)
    return IncidentMetrics(
        path=path, id=_value(doc, "id"), title=_value(doc, "title"), date=date, severity=_value(doc, "severity"),
        milestones=milestones, minutes=minutes, action_items=counts, root_causes=root_causes(doc),
        open_items=open_items, reasons=reasons, problems=problems, due_dates=dated, timeline=timeline,
    )


def _stated_start_fits(stated: Milestone, milestones: dict[str, Milestone | None]) -> bool:
    """A start the summary states replaces none given explicitly, and only an inferred one
    it precedes (at the same time, the timeline's entry stays: it is the event itself); it must come no later than every other milestone."""
    current = milestones["started"]
    if current is not None and current.source != "timeline":
        return False
    others = [m.moment for k, m in milestones.items() if m is not None and k != "started"]
    if any(o.date is None or stated.moment.date is None or o.relative for o in others):
        return False
    if current is not None and (current.moment.date is None or stated.moment.absolute >= current.moment.absolute):
        return False
    return all(stated.moment.absolute <= o.absolute for o in others)


def _on_entry(start: Milestone | None, timed: list) -> Milestone | None:
    """A start the stated durations give that is a timeline entry's very time: that entry
    (the event the document counts from), not the duration's line."""
    if start is None or start.moment.date is None:
        return start
    hit = next((t for t in timed if t.moment is not None and t.moment.date is not None
                and t.moment.absolute == start.moment.absolute), None)
    if hit is None:
        return start
    return Milestone("started", hit.moment, hit.line, "timeline", "the entry the stated durations count from: " + (start.note or ""))


def _last(m: Milestone, milestones: dict[str, Milestone | None]) -> bool:
    """``m`` comes no earlier than every known milestone (all with dates)."""
    others = [o.moment for o in milestones.values() if o is not None]
    return m.moment.date is not None and all(o.date is not None and o.absolute <= m.moment.absolute for o in others)


def _mark_done_work(doc: Document, parse: ParseFn) -> None:
    """Items that report finished work ("We rotated the keys") are done, as the document
    checks read them: only the action items' prose is parsed, repaired as the linter does."""
    prose = repair([p for p in doc.prose if p.kind == "action-item"])
    if prose:
        mark_reported_work(doc, list(zip(prose, parse([p.text for p in prose]))))


def _heading_zone(doc: Document) -> str | None:
    """A zone in the timeline's heading ("Timeline (all times PST)")."""
    for s in doc.sections:
        if s.canonical == "timeline":
            z = zone_in(s.title)
            if z:
                return z
    return None


__all__ = ["ActionItemCounts", "IncidentMetrics", "Moment", "OpenItem", "incident_metrics", "root_causes"]
