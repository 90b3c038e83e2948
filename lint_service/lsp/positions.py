"""Code-point offsets (blamelint's) to LSP positions (line, character in the client's units).

LSP lines end at "\\n", "\\r\\n" or "\\r"; ``character`` counts UTF-16 code units unless
client and server agreed on UTF-8 bytes or UTF-32 (code points) at initialisation.
This module converts positions and nothing else: it never looks at what the text means.
"""
from __future__ import annotations

import bisect
import re
from typing import Callable

from lsprotocol import types

_EOL = re.compile(r"\r\n|\r|\n")


def _utf16(s: str) -> int:
    return len(s) + sum(1 for ch in s if ord(ch) > 0xFFFF)


def _utf8(s: str) -> int:
    return len(s.encode("utf-8", "surrogatepass"))


_UNITS: dict[str, Callable[[str], int]] = {"utf-8": _utf8, "utf-16": _utf16, "utf-32": len}


def encoding_name(kind: object) -> str:
    """The negotiated ``PositionEncodingKind`` as a key of this module ("utf-16" if unknown)."""
    value = str(getattr(kind, "value", kind) or "utf-16").lower()
    return value if value in _UNITS else "utf-16"


class PositionMap:
    """Converts between offsets into one text and LSP positions in one encoding."""

    def __init__(self, text: str, encoding: str = "utf-16") -> None:
        self.text = text
        self.units = _UNITS[encoding_name(encoding)]
        self._starts = [0]
        self._ends = []  # where each line's content ends (before its end-of-line)
        for m in _EOL.finditer(text):
            self._ends.append(m.start())
            self._starts.append(m.end())
        self._ends.append(len(text))

    @property
    def line_count(self) -> int:
        return len(self._starts)

    def line_of(self, offset: int) -> int:
        """The 0-based line holding ``offset``."""
        return max(0, bisect.bisect_right(self._starts, offset) - 1)

    def line_span(self, line: int) -> tuple[int, int]:
        """[start, end) of a line's content (without its end-of-line)."""
        return self._starts[line], self._ends[line]

    def line_end_with_eol(self, line: int) -> int:
        return self._starts[line + 1] if line + 1 < len(self._starts) else len(self.text)

    def position(self, offset: int) -> types.Position:
        offset = min(max(offset, 0), len(self.text))
        line = self.line_of(offset)
        start, end = self._starts[line], self._ends[line]
        return types.Position(line=line, character=self.units(self.text[start:min(offset, end)]))

    def range(self, start: int, end: int) -> types.Range:
        return types.Range(start=self.position(start), end=self.position(end))

    def offset(self, position: types.Position) -> int:
        """The offset of a client position; past the end of a line means its end."""
        if position.line < 0:
            return 0
        if position.line >= len(self._starts):
            return len(self.text)
        start, end = self._starts[position.line], self._ends[position.line]
        wanted, count = position.character, 0
        for i in range(start, end):
            if count >= wanted:
                return i
            count += self.units(self.text[i])
        return end
