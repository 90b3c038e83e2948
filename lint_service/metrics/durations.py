"""An impact start implied by a stated duration: "**Time to repair**: 0h 20m" after a
repair at 10:50, a YAML ``duration_min: 47`` with a resolution at 14:38.

The start is the milestone minus the duration. Documents measure such durations from
different points (some from impact, some from detection), so a derived start is kept
only when it comes no later than every milestone the document gives, when every
duration it states agrees on it, and when it is not the detection itself (the duration
then ran from the detection); otherwise the start stays unknown, with the reason.
"""
from __future__ import annotations

import datetime as dt
import functools
import re

from ..document.incident_fields import incident_field
from ..document.model import Document
from ..rules import load_rule_file
from .clock import Moment, TimedEntry
from .milestones import Milestone, ParseFn

# (duration key in rules/milestones.yaml ``fields``, the milestone it ends at)
_DURATIONS = (("time_to_mitigate", "mitigated"), ("time_to_resolve", "resolved"))
_PART = re.compile(r"(\d+(?:\.\d+)?)\s*(d|days?|h|hrs?|hours?|m|mins?|minutes?)\b", re.I)
_UNIT = {"d": 1440, "h": 60, "m": 1}
_BARE = re.compile(r"\s*(\d+)\s*")


def parse_minutes(value: str, bare_unit: int | None) -> int | None:
    """Minutes in "0h 38m", "2 hours 5 minutes", "1d 3h"; a bare number only when the
    label names its unit (``duration_min: 47``)."""
    parts = list(_PART.finditer(value))
    if parts:
        if _PART.sub("", value).strip(" ,and"):
            return None  # more than a duration ("3h after the deploy")
        return round(sum(float(p.group(1)) * _UNIT[p.group(2)[0].lower()] for p in parts))
    bare = _BARE.fullmatch(value)
    return int(bare.group(1)) * bare_unit if bare and bare_unit else None


def _bare_unit(label: str) -> int | None:
    words = set(re.split(r"[\s_\-]+", label.lower()))
    return 1 if words & {"min", "mins", "minutes"} else 60 if words & {"h", "hours", "hrs"} else None


def _before(m: Moment, minutes: int) -> Moment:
    total = m.minutes - minutes
    days, clock = divmod(total, 1440)
    if m.date is not None:
        return Moment(clock, m.date + dt.timedelta(days=days), 0, m.zone)
    return Moment(clock, None, m.day_offset + days, m.zone)


def start_from_durations(doc: Document, milestones: dict[str, Milestone | None], line_of) -> tuple[Milestone | None, str | None]:
    """(the implied start, None) or (None, why a stated duration gives none)."""
    derived: list[tuple[Moment, int, str]] = []
    for key, kind in _DURATIONS:
        f, end = incident_field(doc, key), milestones[kind]
        if f is None or end is None or end.moment.relative:
            continue
        label = next((k for k, v in doc.fields.items() if v is f), key)
        minutes = parse_minutes(f.value, _bare_unit(label))
        if minutes is None:
            continue
        derived.append((_before(end.moment, minutes), line_of(f.start), f"{kind} at line {end.line} minus {f.value.strip()}"))
    if not derived:
        return None, None
    known = [m.moment for m in milestones.values() if m is not None and not m.moment.relative]
    fits = [d for d in derived if all(d[0].date is None or k.date is None or d[0].absolute <= k.absolute for k in known)]
    if not fits:
        return None, "the stated durations put the start after a later milestone"
    if len({d[0].absolute for d in fits}) > 1:
        return None, "the stated durations disagree on the start"
    moment, line, how = fits[0]
    detected = milestones["detected"]
    if detected is not None and not detected.moment.relative and detected.moment.absolute == moment.absolute:
        # "Repaired 10:50", "Time to repair 0h 20m", "First detected 10:30": the duration
        # runs from the detection, so it says nothing of when impact began.
        return None, f"the stated duration runs from the detection (line {detected.line}), not from the impact start"
    return Milestone("started", moment, line, "field", f"from the stated duration: {how}"), None


def start_on_entry_from_durations(doc: Document, milestones: dict[str, Milestone | None], timed: list[TimedEntry],
                                  line_of) -> Milestone | None:
    """ "Time to detection: 12 minutes", "Time to recovery: 40 minutes": when every stated
    duration, taken back from its milestone, lands on the same timeline entry, earlier than
    the start inferred from the events' words, the document measures the incident from that
    entry (a change whose impact nobody logged until later): it is the start."""
    current = milestones["started"]
    if current is None or current.source != "timeline":
        return None
    derived: list[tuple[Moment, str]] = []
    for key, kind in (("time_to_detect", "detected"), *_DURATIONS):
        f, end = incident_field(doc, key), milestones[kind]
        # both dated, or both on the document's one undated day ("08:02" in a YAML report)
        if f is None or end is None or end.moment.relative or (end.moment.date is None) != (current.moment.date is None):
            continue
        minutes = parse_minutes(f.value, _bare_unit(next((k for k, v in doc.fields.items() if v is f), key)))
        if minutes is not None:
            derived.append((_before(end.moment, minutes), f"{f.value.strip()} before line {end.line}"))
    if not derived or len({d[0].absolute for d in derived}) > 1 or derived[0][0].absolute >= current.moment.absolute:
        return None
    hit = next((t for t in timed if t.moment is not None and not t.moment.relative
                and (t.moment.date is None) == (current.moment.date is None)
                and t.moment.absolute == derived[0][0].absolute), None)
    if hit is None:
        return None
    return Milestone("started", hit.moment, hit.line, "timeline",  # type: ignore[arg-type]
                     "the entry the stated durations count from: " + "; ".join(d[1] for d in derived))


@functools.lru_cache(maxsize=1)
def _from_start() -> tuple[str, ...]:
    return tuple(load_rule_file("milestones")["windows"]["from_start"])


def start_from_stated_span(doc: Document, milestones: dict[str, Milestone | None], timed: list[TimedEntry],
                           parse: ParseFn, line_of) -> Milestone | None:
    """ "It took 3 hours and 20 minutes from the start of the outage to the shipping of the
    patch": the milestone the sentence ends at (its words are that entry's) minus the stated
    span, kept only when a timeline entry has exactly that time, earlier than the start
    inferred: that entry is the start."""
    phrases = _from_start()
    by_line = {t.line: t for t in timed if t.moment is not None}
    for p in doc.prose:
        low = p.text.lower()
        at = next((low.index(ph) for ph in phrases if ph in low), None)
        if at is None:
            continue
        # the duration written right before the phrase: "2 hours and 5 minutes from the start"
        first = next((m for m in _PART.finditer(p.text[:at]) if not _PART.sub("", p.text[m.start():at]).strip(" ,and")), None)
        if first is None:
            continue
        minutes = parse_minutes(p.text[first.start():at].strip(), None)
        tail = p.text[at:].split(".")[0]
        ends = [m for k in ("resolved", "mitigated") if (m := milestones[k]) is not None and m.line in by_line]
        if minutes is None or not ends:
            continue
        docs = parse([tail] + [by_line[m.line].entry.text for m in ends])
        said = _content(docs[0])
        end = next((m for m, d in zip(ends, docs[1:]) if said & _content(d)), None)
        if end is None:
            continue
        moment = _before(end.moment, minutes)
        hit = next((t for t in by_line.values() if t.moment == moment), None)
        current = milestones["started"]
        if hit is None or (current is not None and (current.source != "timeline" or hit.moment.absolute >= current.moment.absolute)):
            continue
        where, _ = p.original_span(first.start(), first.end())
        return Milestone("started", hit.moment, hit.line, "prose",
                         f"the {_NAMES[end.kind]} at line {end.line} minus the {p.text[first.start():at].strip()} stated at line {line_of(where)}")
    return None


_NAMES = {"mitigated": "mitigation", "resolved": "resolution"}


def _content(doc) -> set[str]:
    return {t.lemma_.lower() for t in doc if t.pos_ in ("NOUN", "VERB", "PROPN") and not t.is_stop}


def chain_from_durations(doc: Document, milestones: dict[str, Milestone | None],
                         timed: list[TimedEntry]) -> tuple[Milestone, Milestone] | None:
    """(start, detection) when a stated time to detect and time to recover chain timeline
    entries ("Time to detect: 4 minutes", "Time to repair: 21 minutes"), with no start
    known and the inferred detection not where they put it (a report of an earlier,
    different problem the timeline also logs).

    The recovery counted back from its milestone lands on an entry. Counted from the
    detection, that entry is the detection and one lies the time to detect before it (the
    start); counted from the impact, that entry is the start and one lies the time to
    detect after it. Kept only when exactly one reading puts every time on an entry and
    every stated recovery agrees; a detection from a field is never replaced."""
    seen = milestones["detected"]
    ttd = incident_field(doc, "time_to_detect")
    if milestones["started"] is not None or ttd is None or (seen is not None and seen.source != "timeline"):
        return None
    detect_min = parse_minutes(ttd.value, _bare_unit(_label(doc, ttd, "time_to_detect")))
    dated = [t for t in timed if t.moment is not None and not t.moment.relative and t.moment.date is not None]

    def entry_at(m: Moment) -> TimedEntry | None:
        return next((t for t in dated if t.moment.absolute == m.absolute), None)  # type: ignore[union-attr]

    readings: set[tuple[int, int]] | None = None
    notes: list[str] = []
    for key, kind in _DURATIONS:
        f, end = incident_field(doc, key), milestones[kind]
        if f is None or end is None or end.moment.relative or end.moment.date is None or detect_min is None:
            continue
        recover = parse_minutes(f.value, _bare_unit(_label(doc, f, key)))
        hit = entry_at(_before(end.moment, recover)) if recover is not None else None
        if hit is None:
            return None
        found = set()
        if (before := entry_at(_before(hit.moment, detect_min))) is not None:  # type: ignore[arg-type]
            found.add((before.line, hit.line))  # the recovery counted from the detection
        if (after := entry_at(_before(hit.moment, -detect_min))) is not None:  # type: ignore[arg-type]
            found.add((hit.line, after.line))  # the recovery counted from the start
        readings = found if readings is None else readings & found
        notes.append(f"{f.value.strip()} to recover before line {end.line}")
    if not readings or len(readings) != 1:
        return None
    (start_line, detect_line), = readings
    if seen is not None and seen.line == detect_line:
        return None  # the inferred detection already agrees; the start alone is another rule's
    start, detect = (next(t for t in dated if t.line == n) for n in (start_line, detect_line))
    how = f"the entries the stated durations chain: {ttd.value.strip()} to detect, " + "; ".join(notes)
    replaced = f"; replaces the detection inferred at line {seen.line}" if seen is not None else ""
    return (Milestone("started", start.moment, start.line, "timeline", how),  # type: ignore[arg-type]
            Milestone("detected", detect.moment, detect.line, "timeline", how + replaced))  # type: ignore[arg-type]


def _label(doc: Document, f, key: str) -> str:
    return next((k for k, v in doc.fields.items() if v is f), key)
