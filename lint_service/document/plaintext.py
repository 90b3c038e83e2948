"""Plain-text postmortems.

Headings are short lines ending in ":" ("Root causes:") or lines underlined
with "===" / "---". List items start with "-", "*", "•" or "1." / "1)"; lines
indented under an item continue it. Other runs of non-blank lines are
paragraphs. Prose is always verbatim (offsets are a plain range).
"""
from __future__ import annotations

import re

from .builder import add_action_item, add_timeline_entry, is_placeholder
from .fields import find_deadline, find_owner, find_period, is_group_label
from .headings import LABEL_LEVEL, plain_label
from .item_forms import find_timezone_note
from .model import Document, Field, Prose, Section
from .sections import canonical_section
from .suppress import hash_suppressions
from .timestamps import find_timestamp, leading_timestamp

_BULLET = re.compile(r"^(?P<indent>[ \t]{0,12})(?P<marker>[-*•]|\d{1,3}[.)])[ \t]+")
_UNDERLINE = re.compile(r"^[ \t]{0,3}(?:={3,}|-{3,})[ \t]*$")
_HEADING_MAX = 60
_COMMENT = re.compile(r"^\s{0,12}#\s{0,5}blamelint\s{0,3}:", re.IGNORECASE)


def _lines(text: str) -> list[tuple[int, str]]:
    """(start offset, line without its end-of-line) for every line."""
    out = []
    pos = 0
    for raw in text.split("\n"):
        out.append((pos, raw.rstrip("\r")))
        pos += len(raw) + 1
    return out


def _is_heading(line: str, next_line: str | None) -> bool:
    s = line.strip()
    if not s or _BULLET.match(line):
        return False
    if next_line is not None and _UNDERLINE.match(next_line) and len(s) <= _HEADING_MAX:
        return True
    return s.endswith(":") and len(s) <= _HEADING_MAX and not s.startswith("#") and s.count(" ") <= 7


_META_LINE = re.compile(r"(?P<k>[A-Z][\w/&()-]{0,20}(?: [\w/&()-]{1,20}){0,3}):[ \t]{1,3}(?P<v>\S[^\n]{0,200})")


def _metadata(doc: Document, prose: Prose) -> None:
    """"Severity: SEV2" / "Detected: 08:20": a paragraph made only of such lines is the
    incident's labelled facts (a sentence with a colon in it is not)."""
    lines = prose.text.split("\n")
    found = [_META_LINE.fullmatch(line.rstrip()) for line in lines]
    if not all(found) or (len(lines) == 1 and len(found[0].group("k").split()) > 2):
        return  # one line with a long label is a sentence with a colon
    pos = 0
    for line, m in zip(lines, found):
        key = re.sub(r"[^a-z0-9]+", "_", m.group("k").lower()).strip("_")
        value = m.group("v").rstrip()
        s = prose.offsets[pos + m.start("v")]
        doc.fields.setdefault(key, Field(value, s, s + len(value)))
        pos += len(line) + 1


def parse_text(text: str, extra_sections: tuple[str, ...] = ()) -> Document:
    doc = Document(text=text, format="text")
    lines = _lines(text)
    section: str | None = None
    day: tuple[int, int, int] | None = None
    zone: str | None = None  # "All times UTC": the zone of the times below
    group: tuple[Field | None, Field | None] | None = None  # (owner, deadline) of a group label above
    i = 0
    n = len(lines)
    while i < n:
        start, line = lines[i]
        stripped = line.strip()
        if not stripped or _COMMENT.match(line) or _UNDERLINE.match(line):
            i += 1
            continue
        next_line = lines[i + 1][1] if i + 1 < n else None
        if _is_heading(line, next_line):
            title = stripped.rstrip(":").strip()
            section = canonical_section(title, extra_sections)
            zone = find_timezone_note(title, heading=True) or zone
            group = None
            s = start + line.index(stripped)
            doc.sections.append(Section(title, section, s, s + len(title), 1))
            if title:
                doc.headings.append(Prose.verbatim(title, s, "heading", section))
            i += 2 if next_line is not None and _UNDERLINE.match(next_line) else 1
            continue
        label = plain_label(line, extra_sections)
        if label is not None:  # "Impact: ..." opens a section; the line stays prose
            title, at, section = label
            doc.sections.append(Section(title, section, start + at, start + at + len(title), LABEL_LEVEL))
        m = _BULLET.match(line)
        if m:
            # The item continues over lines indented deeper than its marker.
            indent = len(m.group("indent"))
            j = i + 1
            while j < n and lines[j][1].strip() and not _BULLET.match(lines[j][1]) \
                    and len(lines[j][1]) - len(lines[j][1].lstrip()) > indent:
                j += 1
            body_start = start + m.end()
            end_start, end_line = lines[j - 1]
            body_end = end_start + len(end_line.rstrip())
            prose = Prose.verbatim(text[body_start:body_end], body_start, "list-item", section)
            item_start = start + indent
            nested = j < n and (sub := _BULLET.match(lines[j][1])) is not None and len(sub.group("indent")) > indent
            if indent == 0:
                group = None
            if indent == 0 and section == "timeline" and is_placeholder(prose.text) and not nested:
                pass
            elif indent == 0 and section == "timeline":
                add_timeline_entry(doc, prose, item_start, body_end, kind="list-item", day=day, timezone=zone)
            elif indent == 0 and section == "action items" and nested and is_group_label(prose):
                # "- Short term (by 2025-06-30):" with items under it: they take its deadline and owner.
                group = (find_owner(prose), find_period(prose))
                doc.prose.append(prose)
            elif section == "action items" and is_placeholder(prose.text) and not nested:
                pass
            elif indent == 0 and section == "action items":
                add_action_item(doc, prose, item_start, body_end, kind="list-item")
            elif group is not None and section == "action items":
                add_action_item(doc, prose, item_start, body_end, kind="list-item",
                                owner=find_owner(prose) or group[0], deadline=find_deadline(prose) or group[1])
            elif prose.text.strip():
                doc.prose.append(prose)
            i = j
            continue
        # A paragraph: consecutive lines up to a blank line, a bullet or a heading.
        group = None
        j = i + 1
        while j < n and lines[j][1].strip() and not _BULLET.match(lines[j][1]) \
                and not _is_heading(lines[j][1], lines[j + 1][1] if j + 1 < n else None) \
                and not _COMMENT.match(lines[j][1]) and plain_label(lines[j][1], extra_sections) is None:
            if section == "timeline" and leading_timestamp(lines[j][1]) is not None:
                break  # in a timeline every line that starts with a time is its own entry
            j += 1
        p_start = start + (len(line) - len(line.lstrip()))
        end_start, end_line = lines[j - 1]
        p_end = end_start + len(end_line.rstrip())
        prose = Prose.verbatim(text[p_start:p_end], p_start, "paragraph", section)
        _metadata(doc, prose)
        note = find_timezone_note(prose.text)
        if note is not None:
            zone = note
            dated = find_timestamp(prose.text)
            if dated is not None and dated.date is not None and dated.minutes is None:
                day = dated.date  # "All times in CET, on March 9th 2022"
        ts = leading_timestamp(prose.text) if section == "timeline" else None
        if ts is not None:
            if not prose.text[ts.end:].strip(" \t:-–—|"):
                day = ts.date or day
            else:
                add_timeline_entry(doc, prose, p_start, p_end, kind="paragraph", day=day, timezone=zone)
        else:
            doc.prose.append(prose)
        i = j
    doc.suppressions = hash_suppressions(text)
    return doc
