"""Inline suppression comments (SPEC.md), turned into line ranges.

Markdown:
    <!-- blamelint-disable-next-line [rule ...] -->   the line after the comment
    <!-- blamelint-disable-line [rule ...] -->        the comment's own line(s)
    <!-- blamelint-disable [rule ...] --> ... <!-- blamelint-enable [rule ...] -->
        from the comment to the matching enable (or the end of the document)
YAML and plain text:
    # blamelint: disable=rule[,rule]   at the end of a line: that line;
                                       alone on its line: the next non-blank line
No rule named means all rules. A rule may be a prefix ("blame" or "blame.").
"""
from __future__ import annotations

import re
from bisect import bisect_right

from .model import Suppression

_MD_DIRECTIVE = re.compile(
    r"<!--\s{0,20}blamelint-(?P<kind>disable-next-line|disable-line|disable|enable)(?![\w-])(?P<rules>[^>]{0,500}?)\s{0,20}-->",
    re.IGNORECASE,
)
_HASH_DIRECTIVE = re.compile(
    r"(?:^|(?<=\s))#\s{0,5}blamelint\s{0,3}:\s{0,5}disable(?![\w-])(?:\s{0,3}=\s{0,3}(?P<rules>[^\n#]{0,500}))?",
    re.IGNORECASE,
)
_SPLIT = re.compile(r"[\s,]+")
BIG = 10**9  # "to the end of the document"


def _rules(raw: str | None) -> frozenset[str]:
    if not raw:
        return frozenset()
    return frozenset(r for r in _SPLIT.split(raw.strip()) if r)


def markdown_suppressions(comments: list[tuple[int, int, str]]) -> list[Suppression]:
    """Suppressions from HTML comments, given as (first line, last line, comment text) in order."""
    out: list[Suppression] = []
    open_ranges: list[tuple[frozenset[str], int]] = []
    for first, last, text in comments:
        for m in _MD_DIRECTIVE.finditer(text):
            kind = m.group("kind").lower()
            rules = _rules(m.group("rules"))
            line = first + text.count("\n", 0, m.start())
            if kind == "disable-next-line":
                out.append(Suppression(rules, last + 1, last + 1))
            elif kind == "disable-line":
                out.append(Suppression(rules, first, last))
            elif kind == "disable":
                open_ranges.append((rules, line))
            else:
                # A bare enable closes every open range; "enable rule" closes the ranges naming it.
                still_open = []
                for r, start in open_ranges:
                    if not rules or r & rules:
                        out.append(Suppression(r, start, line))
                    else:
                        still_open.append((r, start))
                open_ranges = still_open
    out.extend(Suppression(r, start, BIG) for r, start in open_ranges)
    return out


def hash_suppressions(text: str, is_comment_position=None) -> list[Suppression]:
    """Suppressions from ``# blamelint: disable=...`` comments in YAML or plain text."""
    out: list[Suppression] = []
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if "blamelint" not in line:
            continue
        m = _HASH_DIRECTIVE.search(line)
        if not m:
            continue
        if is_comment_position is not None and not is_comment_position(i, m.start()):
            continue
        rules = _rules(m.group("rules"))
        lineno = i + 1
        if line[: m.start()].strip():
            out.append(Suppression(rules, lineno, lineno))
            continue
        # A comment alone on its line covers the next line that holds something else.
        target = lineno + 1
        for j in range(i + 1, len(lines)):
            stripped = lines[j].strip()
            if stripped and not stripped.startswith("#"):
                target = j + 1
                break
        out.append(Suppression(rules, target, target))
    return out


class SuppressionIndex:
    """Answers "is this rule silenced on this line?" in logarithmic time.

    A document may carry thousands of suppression comments; asking each of them
    about each finding made filtering quadratic. Here the ranges are merged per rule
    pattern once, and a question looks up the rule itself, each of its dotted
    prefixes ("blame" for "blame.person-subject") and the all-rules ranges, with
    the same meaning as ``Suppression.covers``.
    """

    def __init__(self, suppressions: list[Suppression]) -> None:
        exact: dict[str, list[tuple[int, int]]] = {}
        prefix: dict[str, list[tuple[int, int]]] = {}
        every: list[tuple[int, int]] = []
        for s in suppressions:
            span = (s.first_line, s.last_line)
            if not s.rules:
                every.append(span)
            for r in s.rules:
                exact.setdefault(r, []).append(span)
                prefix.setdefault(r.rstrip("*").rstrip("."), []).append(span)
        self._exact = {k: _merged(v) for k, v in exact.items()}
        self._prefix = {k: _merged(v) for k, v in prefix.items()}
        self._every = _merged(every)

    def covers(self, rule: str, line: int) -> bool:
        if _inside(self._every, line) or _inside(self._exact.get(rule), line):
            return True
        parts = rule.split(".")
        return any(_inside(self._prefix.get(".".join(parts[:n])), line) for n in range(1, len(parts)))


def _merged(spans: list[tuple[int, int]]) -> tuple[list[int], list[int]]:
    """Disjoint ranges as (starts, ends), sorted, for bisection."""
    starts: list[int] = []
    ends: list[int] = []
    for first, last in sorted(spans):
        if first > last:
            continue
        if ends and first <= ends[-1] + 1:
            ends[-1] = max(ends[-1], last)
        else:
            starts.append(first)
            ends.append(last)
    return starts, ends


def _inside(ranges: tuple[list[int], list[int]] | None, line: int) -> bool:
    if not ranges or not ranges[0]:
        return False
    starts, ends = ranges
    i = bisect_right(starts, line) - 1
    return i >= 0 and line <= ends[i]
