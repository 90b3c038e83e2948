"""The span a sentence's removal replaces, so that deleting it leaves clean text.

A blame finding spans its sentence; its one suggestion replaces that span. When the
suggestion is the empty string (rewrite/verdict_only.py), the span widens once, here,
to what the sentence occupies, so that every surface applying ``text[:start] + "" +
text[end:]`` (the web form, LanguageTool clients, the language server, SARIF fixes)
gets text without a doubled space, an empty bullet or a stray blank line:

- a sentence that is the whole line (after its list or quote markers) takes the line
  with its line break, and, when the line was a paragraph of its own between blank
  lines, the blank line after it;
- a sentence among others on its line takes the spaces after it, or, when it ends the
  line, the spaces before it.
"""
from __future__ import annotations

import re

# what may stand before a sentence on its line when the line is only that sentence:
# indentation, quote markers, a list marker and a task box ("  > - [ ] ")
LINE_MARKERS = re.compile(r"[ \t]*(?:>[ \t]?)*[ \t]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+(?:\[[ xX]\][ \t]+)?)?[ \t]*")
_BLANK = re.compile(r"[ \t]*\r?\n")


def removal_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The [start, end) to replace with nothing to remove the sentence ``text[start:end]``."""
    line_start = text.rfind("\n", 0, start) + 1
    nl = text.find("\n", end)
    line_end = len(text) if nl == -1 else nl
    before, after = text[line_start:start], text[end:line_end]
    if after.strip() == "" and LINE_MARKERS.fullmatch(before):
        stop = line_end + 1 if nl != -1 else line_end
        alone_before = line_start == 0 or _blank_line_before(text, line_start)
        if alone_before and nl != -1 and (m := _BLANK.match(text, stop)) and m.end() < len(text):
            stop = m.end()  # a paragraph of its own: the blank line after it goes too
        return line_start, stop
    stop = end
    while stop < line_end and text[stop] in " \t":
        stop += 1
    if stop > end and stop < line_end:
        return start, stop  # "A. My bad! B." -> "A. B."
    first = start
    while first > line_start and text[first - 1] in " \t":
        first -= 1
    return first, end  # "A. My bad!" -> "A."


def _blank_line_before(text: str, line_start: int) -> bool:
    prev_start = text.rfind("\n", 0, line_start - 1) + 1
    return text[prev_start:line_start].strip() == ""
