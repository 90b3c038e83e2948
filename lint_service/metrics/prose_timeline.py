"""A timeline told in prose, for a document with no timeline section.

Some postmortems are a narrative: "On 2024-05-02 at 10:05 UTC we shipped version 3. At
10:20 UTC a user reported that logins failed, and we rolled back, a step finished by
10:41 UTC." Each written clock time of the opening or summary paragraphs becomes an
event, so the milestones are read by the same rules as a timeline's entries
(:func:`.milestones.find_milestones`). The event of a time is the text from its sentence
(or, for a later time of the same sentence, its clause) up to the next time's; a time
ending its sentence after a ``windows.by`` word ("an action completed by 10:41 UTC.")
takes the clause before it, the act it dates.

Three of a timeline's readings do not carry over, and are not made: a "by 10:41" time is an
upper bound, so it never dates a detection (when someone learned of the impact); the last
time told is not the end of the record, so it never closes the incident by itself; and a
report naming the impact dates when the responders learned of it, not when it began (a
timeline often logs the impact only with its report; a narrative that tells the report
has told what it knows of the start before it).
"""
from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import functools
import re

from ..document.model import Document, Prose, TimelineEntry
from ..document.timestamps import Timestamp, timestamps_in
from ..rules import load_rule_file
from .clock import Moment, TimedEntry, zone_in
from .milestones import CLOSED_BY_LAST, Milestone, hits, milestone_words
from .windows import clock_times, in_summary

# a written clock ("06:20", "6 AM"), not a bare number or a version a prose sentence may
# hold ("1500", "Kubernetes 1.15")
WRITTEN_CLOCK = re.compile(r"\d:\d\d|\d\s?[ap]\.?m\b", re.IGNORECASE)
# a sentence ends at its stop, or after a footnote mark markdown-it leaves as text
# ("... of the breach.[^wipe] The wipe was ...")
_SENTENCE = re.compile(r"(?<=[.!?])(?:\[\^[^\]\s]+\])?\s+(?=[A-Z(\"'])")
# a date written right after its time ("at 11:05 UTC on March 3, 2024"): at most a zone
# and a preposition between them
_DATE_AFTER = re.compile(r"[\s,]*(?:[A-Z]{2,5}\b)?[\s,]*(?:on\s+)?", re.IGNORECASE)
_CLAUSE = re.compile(r",\s+|\s+and\s+")
APPOSITIVE_WORDS = 5  # "an action completed by", "a step finished by": naming the act before
NOTE = "a time told in the narrative (no timeline section)"


@functools.lru_cache(maxsize=1)
def _by() -> frozenset[str]:
    return frozenset(load_rule_file("milestones")["windows"]["by"])


@functools.lru_cache(maxsize=1)
def _range_words() -> frozenset[str]:
    return frozenset(load_rule_file("milestones")["windows"]["range"])


def _joins_range(gap: str) -> bool:
    """The text between a range's two times: one `windows.range` word or a dash (and zones)."""
    words = [w for w in re.findall(r"[A-Za-z]+", gap) if not zone_in(w)]
    rest = re.sub(r"[A-Za-z]+|\s", "", gap)
    return (len(words) == 1 and words[0].lower() in _range_words() and not rest) or (not words and rest in ("-", "–", "—"))


@dataclasses.dataclass(frozen=True)
class ProseEvent:
    timed: TimedEntry
    by: bool  # dated by a "by" time: done no later than it
    times: int = 1  # clock times told: a range is one event of two


def _day(ts: Timestamp, day: dt.date | None) -> dt.date | None:
    if ts.date is None:
        return day
    try:
        return dt.date(ts.date[0] or (day.year if day else 0), ts.date[1], ts.date[2])
    except ValueError:
        return day


def events_of(p: Prose, day: dt.date | None, zone: str | None, line_of) -> tuple[list[ProseEvent], dt.date | None]:
    """The events of one paragraph's written times, and the day the last one is on (carried
    to the next paragraph, as a timeline carries a date down)."""
    times = [t for t in clock_times(p.text) if WRITTEN_CLOCK.search(p.text[t.start:t.end])]
    if not times:
        return [], day
    # a range ("between 08:40 and 09:05", "from 09:10 to 09:55") is one event, at its first time
    second = {k for k in range(1, len(times)) if _joins_range(p.text[times[k - 1].end:times[k].start])}
    spans = {times[k - 1].start for k in second}
    times = [t for k, t in enumerate(times) if k not in second]
    sentences = [0] + [m.end() for m in _SENTENCE.finditer(p.text)]
    bounds: list[int] = []
    by: list[bool] = []
    for k, t in enumerate(times):
        opening = sentences[bisect.bisect_right(sentences, t.start) - 1]
        previous = times[k - 1].end if k else -1
        before = p.text[max(opening, previous, 0):t.start].split()
        after_by = bool(before) and before[-1].lower() in _by()
        if previous < opening:
            bounds.append(opening)  # the first time of its sentence: the sentence is its event
        else:
            # a later time of the sentence: its clause ("..., we rolled back - a step
            # finished by 10:41", "... and by 10:50 traffic was back")
            clauses = [m.end() for m in _CLAUSE.finditer(p.text, previous, t.start)]
            after = bisect.bisect_right(sentences, t.end)
            closing = not p.text[t.end:sentences[after] if after < len(sentences) else len(p.text)].strip(" .!?\n")
            if after_by and closing and len(clauses) > 1 and len(p.text[clauses[-1]:t.start].split()) < APPOSITIVE_WORDS:
                clauses.pop()  # "..., we rolled back, a step finished by 10:41.": the rollback's time
            bounds.append(clauses[-1] if clauses else t.start)
        by.append(after_by)
    # a date written apart from the time, before it in its event ("On Nov 1, 2021 at 09:45")
    dates = [d for d in timestamps_in(p.text) if d.date is not None and d.minutes is None]
    starts = [d.start for d in dates]
    out = []
    for k, t in enumerate(times):
        end = bounds[k + 1] if k + 1 < len(times) else len(p.text)
        text = p.text[bounds[k]:end].strip()
        # the last date written apart before the time, within its event
        i = bisect.bisect_left(starts, t.start) - 1
        written = dates[i] if i >= 0 and dates[i].start >= bounds[k] else None
        if written is None and i + 1 < len(dates) and dates[i + 1].start < end \
                and _DATE_AFTER.fullmatch(p.text[t.end:dates[i + 1].start]):
            written = dates[i + 1]
        day = _day(t if t.date is not None or written is None else written, day)
        if t.minutes is None or not text:
            continue
        start, _ = p.original_span(bounds[k], bounds[k] + 1)
        at, _ = p.original_span(t.start, t.end)  # the line a reader cites: the time's
        moment = Moment(t.minutes, day, zone=t.timezone or zone_in(text) or zone)
        entry = TimelineEntry(start, start + len(text), text, kind="paragraph")
        out.append(ProseEvent(TimedEntry(entry, line_of(at), moment), by[k], 2 if t.start in spans else 1))
    return out, day


def prose_events(doc: Document, day: dt.date | None, zone: str | None, line_of) -> list[ProseEvent]:
    """The opening's and summary's written times as events, in the order told."""
    out: list[ProseEvent] = []
    for p in doc.prose:
        if p.kind not in ("paragraph", "list-item") or not in_summary(doc, p):
            continue
        events, day = events_of(p, day, zone, line_of)
        out += events
    return out


def _same(a: Milestone, b: Milestone | None) -> bool:
    return b is not None and b.line == a.line and b.moment == a.moment


def as_told(milestones: dict[str, Milestone | None], events: list[ProseEvent]) -> dict[str, Milestone | None]:
    """The milestones read from ``events`` as prose ones, without the two timeline readings
    a narrative does not support (see the module's note)."""
    by_lines = {e.timed.line for e in events if e.by}
    out: dict[str, Milestone | None] = {}
    for kind, m in milestones.items():
        if m is None or m.source != "timeline":
            out[kind] = m
        elif (kind == "detected" and m.line in by_lines) or (m.note or "").startswith(CLOSED_BY_LAST) \
                or (kind == "started" and _same(m, milestones["detected"])):
            out[kind] = None
        else:
            out[kind] = dataclasses.replace(m, source="prose", note="; ".join(n for n in (m.note, NOTE) if n))
    return out


def fill_in(milestones: dict[str, Milestone | None], told: dict[str, Milestone | None]) -> None:
    """Each milestone still unknown takes the narrative's, when it keeps the four in order
    with those already known (a stated span or a field wins over a time told in passing)."""
    kinds = list(milestones)
    for i, kind in enumerate(kinds):
        m = told.get(kind)
        if milestones[kind] is not None or m is None or m.moment.date is None:
            continue
        known = [(j, o.moment) for j, o in enumerate(milestones.values()) if o is not None]
        if any(o.date is None or (j < i and o.absolute > m.moment.absolute) or (j > i and o.absolute < m.moment.absolute)
               for j, o in known):
            continue
        milestones[kind] = m


_LASTED = re.compile(r"\bfor\s+(?:approximately|about|around|roughly|some|nearly|almost|~)?\s*(\d+)\s*(minutes?|mins?|hours?|hrs?)\b",
                     re.IGNORECASE)


def start_from_lasting(doc: Document, events: list[ProseEvent], milestones: dict[str, Milestone | None],
                       parse, line_of) -> None:
    """ "So for roughly 35 minutes, builds ... failed": an impact
    said to have lasted N minutes, ending at the mitigation, began N minutes before it. Kept
    only when that lands exactly on a time the narrative tells (the event it counts from):
    that event is the start, and with no resolution told the impact's end is the
    resolution."""
    end = milestones["mitigated"]
    if milestones["started"] is not None or end is None or end.moment.date is None:
        return
    said = [(p, m) for p in doc.prose if p.kind in ("paragraph", "list-item") and in_summary(doc, p)
            for m in _LASTED.finditer(p.text)]
    if not said:
        return
    words = milestone_words()
    for (p, m), d in zip(said, parse([p.text[max(0, p.text.rfind(".", 0, m.start()) + 1):] for p, m in said])):
        sentence = d[:next((t.i for t in d if t.i > 0 and t.is_sent_start), len(d))]
        if not any(k == "started" and t is not None for k, _, t in hits(sentence.as_doc(), words)):
            continue
        minutes = int(m.group(1)) * (60 if m.group(2).lower().startswith("h") else 1)
        hit = next((e.timed for e in events if e.timed.moment is not None and e.timed.moment.date is not None
                    and e.timed.moment.absolute == end.moment.absolute - minutes), None)
        if hit is None:
            continue
        where = line_of(p.original_span(m.start(), m.end())[0])
        how = f"impact lasting {m.group()[4:].strip()} (line {where}) up to the mitigation (line {end.line})"
        milestones["started"] = Milestone("started", hit.moment, hit.line, "prose", "the start of the " + how)  # type: ignore[arg-type]
        if milestones["resolved"] is None:
            milestones["resolved"] = dataclasses.replace(end, kind="resolved", note="the end of the " + how)
        return
