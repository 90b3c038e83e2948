"""Translating a blamelint Report into LanguageTool's ``/v2/check`` response.

Two things differ from our own API and are converted here, nothing else:

* **Offsets.** LanguageTool is a Java server: offsets and lengths count UTF-16 code
  units, so every character outside the Basic Multilingual Plane (most emoji)
  counts twice. Our findings count code points.
* **Annotated text.** With ``data``, the client sends text and markup parts; we lint
  the text parts plus each markup's ``interpretAs``, and report offsets into the
  concatenation of *all* parts, as LanguageTool does, so the editor can underline
  its own buffer. A finding edge inside an interpreted markup part snaps to that
  markup's start (for a start) or end (for an end).
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Any

from .. import __version__
from ..checks.registry import RuleInfo
from ..findings import REMOVAL_LABEL, Finding, Report
from .errors import ApiError

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")
_SENTENCE_END = re.compile(r"[.!?](?=\s|$)|\n")
_SENTENCE_WINDOW = 2000  # how far back to look for the start of a sentence
CONTEXT_CHARS = 40

LANGUAGES = {  # longCode -> name, as LanguageTool names its English variants
    "en": "English",
    "en-US": "English (US)",
    "en-GB": "English (GB)",
    "en-AU": "English (Australian)",
    "en-CA": "English (Canadian)",
    "en-NZ": "English (New Zealand)",
    "en-ZA": "English (South African)",
}
_ISSUE_TYPES = {"blame": "style", "style": "style"}  # others: "non-conformance" to the postmortem template


class Utf16Index:
    """Converts code-point offsets of one text into UTF-16 code-unit offsets."""

    def __init__(self, text: str) -> None:
        self._astral = [m.start() for m in _ASTRAL.finditer(text)]

    def units(self, offset: int) -> int:
        # each astral character before ``offset`` is a surrogate pair: one extra unit
        return offset + bisect.bisect_left(self._astral, offset)


@dataclass
class Annotated:
    """The text that is linted and the text the client's offsets refer to.

    ``spans`` holds, for every part that contributes to the linted text,
    ``(lint_start, lint_end, full_start, full_end, is_text)``.
    """

    lint_text: str
    full_text: str
    spans: list[tuple[int, int, int, int, bool]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._starts = [s[0] for s in self.spans]
        self._ends = [s[1] for s in self.spans]

    @classmethod
    def plain(cls, text: str) -> "Annotated":
        return cls(text, text, [(0, len(text), 0, len(text), True)] if text else [])

    @classmethod
    def from_data(cls, data: Any) -> "Annotated":
        """Build from LanguageTool's ``data``: ``{"annotation": [{"text": ...}, {"markup": ..., "interpretAs": ...}]}``."""
        if not isinstance(data, dict) or not isinstance(data.get("annotation"), list):
            raise ApiError(400, "invalid_data", "'data' must be a JSON object with an 'annotation' array")
        lint_parts: list[str] = []
        full_parts: list[str] = []
        spans: list[tuple[int, int, int, int, bool]] = []
        lint_pos = full_pos = 0
        for i, item in enumerate(data["annotation"]):
            if not isinstance(item, dict):
                raise ApiError(400, "invalid_data", f"annotation item {i} must be an object with 'text' or 'markup'")
            unknown = sorted(set(item) - {"text", "markup", "interpretAs"})
            if unknown:
                raise ApiError(400, "invalid_data", f"annotation item {i} has an unknown key {unknown[0]!r}")
            has_text, has_markup = "text" in item, "markup" in item
            if has_text == has_markup:
                raise ApiError(400, "invalid_data", f"annotation item {i} must have exactly one of 'text' and 'markup'")
            source = item["text"] if has_text else item["markup"]
            linted = source if has_text else item.get("interpretAs", "")
            if not isinstance(source, str) or not isinstance(linted, str):
                raise ApiError(400, "invalid_data", f"annotation item {i}: 'text', 'markup' and 'interpretAs' must be strings")
            if has_text and "interpretAs" in item:
                raise ApiError(400, "invalid_data", f"annotation item {i}: 'interpretAs' belongs to a 'markup' item")
            if linted:
                spans.append((lint_pos, lint_pos + len(linted), full_pos, full_pos + len(source), has_text))
            lint_parts.append(linted)
            full_parts.append(source)
            lint_pos += len(linted)
            full_pos += len(source)
        return cls("".join(lint_parts), "".join(full_parts), spans)

    def full_start(self, pos: int) -> int:
        """Where a span starting at linted offset ``pos`` starts in the full text."""
        i = bisect.bisect_right(self._starts, pos) - 1
        if i < 0 or pos >= self.spans[i][1]:
            # between parts: the next contributing part's start, or the end of the text
            nxt = i + 1
            return self.spans[nxt][2] if nxt < len(self.spans) else len(self.full_text)
        lint_start, _, full_start, _, is_text = self.spans[i]
        return full_start + (pos - lint_start) if is_text else full_start

    def full_end(self, pos: int) -> int:
        """Where a span ending at linted offset ``pos`` ends in the full text."""
        i = bisect.bisect_left(self._ends, pos)
        if i >= len(self.spans) or pos <= self.spans[i][0]:
            return self.spans[i - 1][3] if i > 0 else 0
        lint_start, _, full_start, full_end, is_text = self.spans[i]
        return full_start + (pos - lint_start) if is_text else full_end


def language_entry(code: str) -> dict[str, str]:
    return {"name": LANGUAGES[code], "code": "en", "longCode": code}


def check_response(report: Report, annotated: Annotated, infos: dict[str, RuleInfo], language: str) -> dict[str, Any]:
    """The full ``/v2/check`` response for ``report`` (linted from ``annotated.lint_text``)."""
    index = Utf16Index(annotated.full_text)
    matches = [_match(f, infos.get(f.rule), annotated, index) for f in report.findings]
    name = LANGUAGES[language]
    return {
        "software": {
            "name": "blamelint",
            "version": __version__,
            "buildDate": "unknown",
            "apiVersion": 1,
            "premium": False,
            "premiumHint": "",
            "status": "",
        },
        "warnings": {"incompleteResults": False},
        "language": {
            "name": name,
            "code": language,
            "detectedLanguage": {"name": name, "code": language, "confidence": 1.0, "source": "blamelint"},
        },
        "matches": matches,
        "sentenceRanges": _sentence_ranges(report, annotated, index),
    }


def _sentence_ranges(report: Report, annotated: Annotated, index: Utf16Index) -> list[list[int]]:
    """The parser's sentences as ``[offset, end]`` pairs in UTF-16 units of the full text
    (LanguageTool sends these so a client can re-check only the sentences that changed)."""
    ranges: list[list[int]] = []
    for start, end in report.sentences:
        full_start = annotated.full_start(start)
        full_end = max(full_start, annotated.full_end(end))
        ranges.append([index.units(full_start), index.units(full_end)])
    return ranges


def _match(f: Finding, info: RuleInfo | None, annotated: Annotated, index: Utf16Index) -> dict[str, Any]:
    full = annotated.full_text
    start = annotated.full_start(f.start)
    end = max(start, annotated.full_end(f.end))
    offset, stop = index.units(start), index.units(end)
    category_name = f.category.replace("-", " ").capitalize()
    return {
        "message": f.message,
        "shortMessage": category_name,
        # an empty value removes the match; shortDescription (LanguageTool's own field for
        # a replacement's gloss) names it for clients that show it
        "replacements": [{"value": s} if s else {"value": "", "shortDescription": REMOVAL_LABEL} for s in f.suggestions],
        "offset": offset,
        "length": stop - offset,
        "context": _context(full, start, end),
        "sentence": _sentence(annotated.lint_text, f.start, f.end),
        "type": {"typeName": "Hint" if f.severity == "info" else "Other"},
        "rule": {
            "id": f.rule,
            "description": info.description if info else f.message,
            "issueType": _ISSUE_TYPES.get(f.category, "non-conformance"),
            "category": {"id": category_id(f.category), "name": category_name},
        },
        "ignoreForIncompleteSentence": False,
        "contextForSureMatch": 0,
    }


def category_id(category: str) -> str:
    return category.upper().replace("-", "_")


def _context(full: str, start: int, end: int) -> dict[str, Any]:
    left, right = max(0, start - CONTEXT_CHARS), min(len(full), end + CONTEXT_CHARS)
    prefix = "..." if left > 0 else ""
    suffix = "..." if right < len(full) else ""
    # line breaks become spaces (one for one) as in LanguageTool's context
    text = prefix + re.sub(r"[\r\n\t]", " ", full[left:right]) + suffix
    index = Utf16Index(text)
    at = len(prefix) + start - left
    off = index.units(at)
    return {"text": text, "offset": off, "length": index.units(at + end - start) - off}


def _sentence(text: str, start: int, end: int) -> str:
    """The sentence around a finding, by punctuation and line breaks (for display only)."""
    begin = max(0, start - _SENTENCE_WINDOW)
    for m in _SENTENCE_END.finditer(text, begin, start):
        begin = m.end()
    m = _SENTENCE_END.search(text, max(start, end - 1))
    stop = m.end() if m and m.group() != "\n" else (m.start() if m else len(text))
    return text[begin:stop].strip()
