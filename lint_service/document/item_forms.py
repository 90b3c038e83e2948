"""The state of an action item written in its text: done markers, tickets, priorities.

"[done]", "(fixed)", "Completed: ...", "... - DONE", "done on 10 Jan", a Status cell
saying "closed" or "✅"; ticket keys and links ("ABC-123", "#123", a tracker URL);
priority labels ("[P1]", "**HIGH** ...", "(priority: high)"). The words come from
``rules/item_forms.yaml``; the shapes around them live here. Every pattern is
bounded, so a long line costs linear time.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from ..rules import load_rule_file
from .model import Field, Prose

_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]{0,6}\.?"
_DATE = (
    r"(?:\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[/.]\d{1,2}(?:[/.]\d{2,4})?"
    r"|\d{1,2}(?:st|nd|rd|th)?\s{1,2}" + _MONTH + r"(?:,?\s{1,2}\d{4})?"
    r"|" + _MONTH + r"\s{1,2}\d{1,2}(?:st|nd|rd|th)?(?:,?\s{1,2}\d{4})?)"
)


def _alternation(words: list[str]) -> str:
    ordered = sorted(words, key=len, reverse=True)
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s{1,3}") for w in ordered) + ")"


@dataclass(frozen=True)
class Forms:
    done_words: frozenset[str]
    open_words: frozenset[str]
    priority_words: frozenset[str]
    owner_nouns: frozenset[str]
    not_ticket_prefixes: frozenset[str]
    trackers: tuple[str, ...]
    done_symbols: tuple[str, ...]
    done_marker: re.Pattern[str]  # "[done]", "(fixed 2024-03-02)", "Completed:", "- DONE", "done on 10 Jan"
    priority: re.Pattern[str]
    status_word: re.Pattern[str]
    timezone_note: re.Pattern[str]
    heading_zone: re.Pattern[str]


@functools.lru_cache(maxsize=1)
def forms() -> Forms:
    data = load_rule_file("item_forms")
    done = _alternation(data["done_words"])
    symbols = "|".join(re.escape(s) for s in data["done_symbols"])
    marker = re.compile(
        # [done], (done), [x] is the tasklist's business; (done on 2024-03-02), [closed 10 Jan]
        r"[\[(]\s{0,2}(?P<b>" + done + r"(?:\s{1,3}(?:on\s{1,3}|in\s{1,3})?" + _DATE + r")?|" + symbols + r")\s{0,2}[\])]"
        # "Done: ...", "Completed - ...", "✅ ..." opening the item
        r"|^\s{0,3}(?:(?P<l>" + done + r")\s{0,2}[:–—-]|(?P<s>" + symbols + r"))"
        # "... - DONE", "... — fixed." closing it
        r"|[–—-]\s{0,3}(?P<t>" + done + r"|" + symbols + r")\s{0,3}[.!]?\s{0,3}$"
        # "done on 10 Jan", "completed 2024-03-02"
        r"|(?<![\w-])(?P<d>" + done + r"\s{1,3}(?:on\s{1,3})?" + _DATE + r")(?![\w-])",
        re.IGNORECASE,
    )
    prio = _alternation(data["priority_words"])
    priority = re.compile(
        r"[\[(]\s{0,2}(?P<b>p[0-4]|sev\s?-?[0-4]|" + prio + r")\s{0,2}[\])]"
        r"|^\s{0,3}(?P<l>p[0-4]|sev\s?-?[0-4])(?=[\s:.-])"
        r"|^\s{0,3}(?P<u>(?-i:" + prio.upper().replace(r"\S", r"\s") + r"))(?=[\s:.-])"
        r"|\bpriority\s{0,3}[:=-]?\s{0,3}(?P<k>p[0-4]|" + prio + r")\b",
        re.IGNORECASE,
    )
    status_word = re.compile(r"(?<![\w-])(?P<done>" + done + r")(?![\w-])|(?P<open>" + _alternation(data["open_words"]) + r")",
                             re.IGNORECASE)
    note_words = _alternation(data["timezone_note_words"])
    tz = r"(?P<tz>(?i:utc|gmt)(?:\s?[+-]\d{1,2}(?::?\d{2})?)?|(?-i:[A-Z]{1,4}T|Z))"
    timezone_note = re.compile(
        r"(?<![\w-])" + note_words + r"\s{1,3}(?:(?:are|is)\s{1,3})?(?:(?:shown|given|listed|written|noted)\s{1,3})?"
        r"(?:(?:in|at)\s{1,3})?(?:the\s{1,3})?" + tz + r"(?![\w])",
        re.IGNORECASE,
    )
    heading_zone = re.compile(r"\(\s{0,2}" + tz + r"\s{0,2}\)")
    return Forms(
        frozenset(data["done_words"]), frozenset(data["open_words"]), frozenset(data["priority_words"]),
        frozenset(data["owner_nouns"]), frozenset(data["not_ticket_prefixes"]), tuple(data["tracker_url_parts"]),
        tuple(data["done_symbols"]), marker, priority, status_word, timezone_note, heading_zone,
    )


def span_field(prose: Prose, start: int, end: int) -> Field:
    s, e = prose.original_span(start, end)
    return Field(prose.text[start:end], s, e)


def find_done_marker(prose: Prose) -> Field | None:
    """What in an item's own text says it is finished, or None."""
    text = prose.text[:2000].split("\n", 1)[0]
    for m in forms().done_marker.finditer(text):
        group = next(g for g in ("b", "l", "s", "t", "d") if m.group(g) is not None)
        return span_field(prose, m.start(group), m.end(group))
    return None


def status_of(value: str) -> str | None:
    """"done" or "open" for a Status cell or field ("DONE", "✅ closed", "In progress"), else None."""
    v = value.strip().strip("*_`~").strip()
    if not v:
        return None
    f = forms()
    if any(v.startswith(s) for s in f.done_symbols):
        return "done"
    m = f.status_word.match(v)
    if m is None or m.end() < len(v.split(" (", 1)[0].rstrip(" .!")):
        return None  # a sentence, not a status ("closed the old bucket first")
    return "done" if m.group("done") else "open"


_UPPER_WORD = re.compile(r"(?<![\w-])[A-Z][A-Z' -]{1,20}[A-Z](?![\w-])")


def shouted_status(value: str) -> str | None:
    """A status written in capitals inside another cell ("n/a **DONE**", "Bug 4412 TODO")."""
    for m in _UPPER_WORD.finditer(value[:300]):
        said = status_of(m.group())
        if said is not None:
            return said
    return None


def strip_shouted(value: str) -> str:
    """``value`` without the capitalised status words in it ("n/a DONE" -> "n/a")."""
    return _UPPER_WORD.sub(lambda m: "" if status_of(m.group()) else m.group(), value).strip(" *_")


_KEY = re.compile(r"(?<![\w/#.-])(?P<p>[A-Z][A-Z0-9]{0,9})-(?P<n>\d{1,6})(?![\w-])")
_NUMBER = re.compile(r"(?<![\w&#/])#\d{1,7}(?![\w-])")
_URL = re.compile(r"https?://[^\s<>()\[\]|]{3,300}")


def is_tracker_url(url: str) -> bool:
    u = url.lower()
    return any(part in u for part in forms().trackers)


def find_ticket(prose: Prose, links: list[tuple[str, int, int]] = ()) -> Field | None:
    """The ticket an item points to: a link to a tracker, "ABC-123" or "#123".

    ``links`` are (address, start, end) of the item's links, offsets in the original text;
    a tracker link's value is its address."""
    for href, start, end in links:
        if is_tracker_url(href):
            return Field(href, start, end)
    text = prose.text[:2000]
    for m in _KEY.finditer(text):
        if m.group("p").lower().rstrip("0123456789") not in forms().not_ticket_prefixes and not m.group("p").isdigit():
            return span_field(prose, m.start(), m.end())
    m = _NUMBER.search(text)
    if m:
        return span_field(prose, m.start(), m.end())
    for m in _URL.finditer(text):
        if is_tracker_url(m.group()):
            return span_field(prose, m.start(), m.end())
    return None


def find_priority(prose: Prose) -> Field | None:
    """A priority label: "[P1]", "(high)", "HIGH ..." at the start, "priority: low"."""
    m = forms().priority.search(prose.text[:2000])
    if m is None:
        return None
    group = next(g for g in ("b", "l", "u", "k") if m.group(g) is not None)
    return span_field(prose, m.start(group), m.end(group))


def find_timezone_note(text: str, heading: bool = False) -> str | None:
    """The timezone a note gives the times below it ("All times UTC", "times are in PT");
    in a heading, a zone in parentheses too ("Timeline (PST)")."""
    m = forms().timezone_note.search(text[:400])
    if m is None and heading:
        m = forms().heading_zone.search(text[:400])
    if m is None:
        return None
    zone = m.group("tz").upper().replace(" ", "")
    return "UTC" if zone == "Z" else zone
