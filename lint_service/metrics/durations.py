"""An impact start implied by a stated duration: "**Time to repair**: 0h 38m" after a
repair at 19:05, a YAML ``duration_min: 47`` with a resolution at 14:38.

The start is the milestone minus the duration. Documents measure such durations from
different points (some from impact, some from detection), so a derived start is kept
only when it comes no later than every milestone the document gives, and when every
duration it states agrees on it; otherwise the start stays unknown, with the reason.
"""
from __future__ import annotations

import datetime as dt
import re

from ..document.incident_fields import incident_field
from ..document.model import Document
from .clock import Moment
from .milestones import Milestone

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
    return Milestone("started", moment, line, "field", f"from the stated duration: {how}"), None
