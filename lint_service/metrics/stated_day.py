"""The incident's day as the text states it ("On Tuesday, Jun 9, starting at 07:30 UTC, ...").

A post is often dated, and named, for the day it was published, days after the incident.
A sentence before the timeline that opens with one of the ``stated_day`` words of
``rules/milestones.yaml`` and a date says when the incident happened: that day beats the
title's and the file name's. A date with no year takes the published day's year (the
year before when that would put it after publication), and must fall within
``YEARLESS_WITHIN_DAYS`` before it; a stated day after the published one is a plan, not
the incident, and is ignored.
"""
from __future__ import annotations

import datetime as dt
import functools
import re

from ..document.model import Document
from ..document.timestamps import find_timestamp
from ..rules import load_rule_file

# A date with no year is read as the latest such day up to the published one; further back
# than this it is more likely a plan for later in the year than the incident.
YEARLESS_WITHIN_DAYS = 90


@functools.lru_cache(maxsize=1)
def _opener() -> re.Pattern[str]:
    words = sorted(load_rule_file("milestones")["stated_day"], key=len, reverse=True)
    alternation = "|".join(re.escape(w).replace(r"\ ", r"\s{1,3}") for w in words)
    # At the start of the paragraph or of one of its sentences.
    return re.compile(r"(?:^|(?<=[.!?])\s{1,3})(?:" + alternation + r")\s{1,3}", re.IGNORECASE)


def stated_day(doc: Document, published: dt.date | None) -> dt.date | None:
    """The first day a paragraph before the timeline states, read against ``published``."""
    first_entry = doc.timeline[0].start if doc.timeline else len(doc.text) + 1
    for prose in doc.prose:
        if prose.kind != "paragraph" or not prose.offsets or prose.offsets[0] >= first_entry:
            continue
        for m in _opener().finditer(prose.text[:2000]):
            ts = find_timestamp(prose.text[m.end():m.end() + 80])
            if ts is None or ts.start != 0 or ts.date is None:
                continue
            day = _on_year(ts.date, published)
            if day is not None and (published is None or day <= published):
                return day
    return None


def _on_year(parts: tuple[int, int, int], published: dt.date | None) -> dt.date | None:
    year, month, day = parts
    if not year and published is None:
        return None
    try:
        if year:
            return dt.date(year + 2000 if year < 100 else year, month, day)
        assert published is not None
        guess = dt.date(published.year, month, day)
        if guess > published:
            guess = dt.date(published.year - 1, month, day)
        return guess if (published - guess).days <= YEARLESS_WITHIN_DAYS else None
    except ValueError:
        return None
