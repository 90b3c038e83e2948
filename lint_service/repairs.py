"""Text repairs applied to prose before it is parsed.

The small English model parses "10:14 Bob deleted the bucket" or "[13:02] Oskar
failed to notice" worse than the bare sentence: a leading timestamp becomes a
modifier of the subject. Timeline parsers already split the time off; this
catches the same shape anywhere else (chat logs, pasted timelines in prose).
"""
from __future__ import annotations

import re

from .document.model import Prose

# Linear: every part is a bounded repetition or an alternation of literals.
_LEADING_TIME = re.compile(
    r"""^[ \t]*
    [\[(]?
    (?:\d{4}-\d{2}-\d{2}[T ]              # optional date: 2024-03-02 or Mar 3,
      |(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]{0,6}\.?\ \d{1,2}(?:st|nd|rd|th)?,?\ )?
    (?:\d{1,2}[:.]\d{2}(?::\d{2})?         # 14:05, 9.15, 14:05:33
       (?:\ ?[AaPp]\.?[Mm]\.?)?            # AM / pm
       (?:Z|\ ?[A-Z]{2,4}\b)?              # Z, UTC, PST
     |T[+-]\d{1,4}\ ?[smhd]\b)            # T+12m
    [\])]?
    [ \t]*(?:[-–—:|][ \t]*)?
    """,
    re.VERBOSE,
)


# A Markdown hard line break (two trailing spaces or a backslash): chat logs and
# pasted timelines put one utterance per line without final punctuation, and the
# parser would read them as one run-on sentence.
_HARD_BREAK = re.compile(r"(?: {2,}|\\)\r?\n")


def split_hard_breaks(prose: Prose) -> list[Prose]:
    pieces: list[Prose] = []
    start = 0
    for m in _HARD_BREAK.finditer(prose.text):
        pieces.append(Prose(prose.text[start:m.start()], prose.offsets[start:m.start()], prose.kind, prose.section))
        start = m.end()
    if not pieces:
        return [prose]
    pieces.append(Prose(prose.text[start:], prose.offsets[start:], prose.kind, prose.section))
    return [p for p in pieces if p.text.strip()]


# "Action item: make sure ...", "Root cause: engineer error", "Owner: Kenji, ...":
# the parser takes the label for the subject of what follows.
_LEADING_LABEL = re.compile(
    r"^[ \t]*(?:action(?: items?)?|ai|owner|follow[- ]?ups?|todo|to do|note|summary|impact|cause|root causes?|"
    r"contributing factors?|remediation|mitigation|resolution|fix|next steps?|lessons?(?: learned)?|update|status|"
    r"outcome|trigger|detection|problem|issue|why|what happened|result|finding|conclusion|recommendation)"
    r"(?: \d{1,3})?:[ \t]+(?=\S)",
    re.IGNORECASE,
)


def strip_leading_label(prose: Prose) -> Prose:
    m = _LEADING_LABEL.match(prose.text)
    if not m:
        return prose
    cut = m.end()
    return Prose(prose.text[cut:], prose.offsets[cut:], prose.kind, prose.section)


# Characters spaCy cannot take or that change how it reads the text: lone surrogates
# (valid in a Python str, not encodable) become U+FFFD; carriage returns are dropped
# so CRLF text is parsed exactly like LF text. Offsets follow each kept character.
_UNSAFE = re.compile(r"[\ud800-\udfff\r]")


def _safe(prose: Prose) -> Prose:
    if not _UNSAFE.search(prose.text):
        return prose
    chars: list[str] = []
    offsets: list[int] = []
    for ch, off in zip(prose.text, prose.offsets):
        if ch == "\r":
            continue
        chars.append("\ufffd" if "\ud800" <= ch <= "\udfff" else ch)
        offsets.append(off)
    return Prose("".join(chars), offsets, prose.kind, prose.section)


# A list item's paragraph swallows any unindented line after it (CommonMark's "lazy
# continuation"): "2. An Expect header\nThe second issue was not identified ..." is
# one paragraph to the parser, though the writer ended the item and began a sentence.
_LIST_MARKER = re.compile(r"[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+")
# A line ending in one of these goes on into the next, or ends a sentence already.
_LINE_GOES_ON = ",;:-–—(/&+.!?"


def _cut(prose: Prose, cuts: list[int]) -> list[Prose]:
    """``prose`` cut before each index of ``cuts`` (the character there is dropped)."""
    pieces, start = [], 0
    for c in cuts:
        pieces.append(Prose(prose.text[start:c], prose.offsets[start:c], prose.kind, prose.section))
        start = c + 1
    pieces.append(Prose(prose.text[start:], prose.offsets[start:], prose.kind, prose.section))
    return [p for p in pieces if p.text.strip()]


def split_lazy_lines(prose: Prose, source: str) -> list[Prose]:
    """A Markdown list item cut where an unindented line starts a new sentence: the line
    before ends without punctuation and the lazy line starts with a capital. A line
    indented under the item, or one that starts in lower case, is the item wrapping."""
    if prose.kind != "list-item" or "\n" not in prose.text or not prose.offsets:
        return [prose]
    line_start = source.rfind("\n", 0, prose.offsets[0]) + 1
    marker = _LIST_MARKER.match(source, line_start)
    if marker is None or marker.end() > prose.offsets[0]:
        return [prose]  # not the first line of a list item (a later paragraph of it)
    column = marker.end() - line_start
    cuts = []
    for i, ch in enumerate(prose.text):
        if ch != "\n":
            continue
        before, after = prose.text[:i].rstrip(), prose.text[i + 1:].lstrip()
        if not before or not after or before[-1] in _LINE_GOES_ON or not after[0].isupper():
            continue
        first = prose.offsets[i + 1 + (len(prose.text[i + 1:]) - len(after))]
        lazy_start = source.rfind("\n", 0, first) + 1
        if first - lazy_start < column:
            cuts.append(i)
    return _cut(prose, cuts) if cuts else [prose]


def repair(prose: list[Prose], source: str | None = None) -> list[Prose]:
    """Prose as the parser should see it: split at hard breaks (and, given the Markdown
    ``source``, at a list item's lazy line that starts a sentence), timestamps and labels
    stripped."""
    return [
        strip_leading_label(strip_leading_timestamp(_safe(p)))
        for whole in prose
        for lazy in (split_lazy_lines(whole, source) if source is not None else [whole])
        for p in split_hard_breaks(lazy)
        if p.text.strip()
    ]


def strip_leading_timestamp(prose: Prose) -> Prose:
    m = _LEADING_TIME.match(prose.text)
    if not m or m.end() == 0 or m.end() >= len(prose.text):
        return prose
    cut = m.end()
    if not prose.text[cut - 1].isspace() and prose.text[cut:cut + 1].isalnum():
        return prose  # "10:14am" glued to a word: leave it
    return Prose(prose.text[cut:], prose.offsets[cut:], prose.kind, prose.section)
