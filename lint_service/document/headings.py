"""Headings that are not written as headings: bold labels.

Many postmortems mark their sections with a bold label instead of a heading:
"**Impact**: 40 minutes of failed logins", "- **Review actions**:" with the
items below it, or "**Timeline**" alone on its line. Such a label starts a
section when it names one (exactly or by prefix, never fuzzily: a bold phrase
near a section name is more often emphasis than a typo). Everything is read from
markdown-it's inline children (``strong_open``, ``text``, ``strong_close``), never
from the raw text. ATX and setext headings are markdown-it's ``heading_open``.
"""
from __future__ import annotations

from markdown_it.token import Token

from .md_inline import ProseBuilder, SourceLines
from .model import Document, Prose, Section
from .sections import section_names

# Deeper than any heading, so the next heading or label ends a label's section.
LABEL_LEVEL = 7
_LABEL_MAX_WORDS = 8


def _label_text(children: list[Token]) -> str | None:
    """The bold text an inline opens with when it reads as a label, else None.

    A label is bold text at the very start that is alone on its line, ends
    with a colon, or is followed by one ("**Impact**:", "**Impact:**")."""
    # markdown-it leaves empty text tokens around markup; they are nothing.
    children = [c for c in children if not (c.type == "text" and not c.content)]
    if len(children) < 3 or children[0].type != "strong_open":
        return None
    depth, parts, k = 0, [], 0
    for k, child in enumerate(children):
        if child.type == "strong_open":
            depth += 1
        elif child.type == "strong_close":
            depth -= 1
            if depth == 0:
                break
        elif child.type == "text":
            parts.append(child.content)
        else:
            return None  # links, code or breaks inside the bold: not a label
    else:
        return None
    label = "".join(parts).strip()
    rest = children[k + 1:]
    if not label:
        return None
    if label.endswith(":") or not rest or rest[0].type in ("softbreak", "hardbreak"):
        return label
    if rest[0].type == "text" and rest[0].content.lstrip().startswith(":"):
        return label
    return None


def bold_label(inline: Token, prose: Prose, extra: tuple[str, ...] = ()) -> Section | None:
    """The section a bold label at the start of ``inline`` opens, or None.

    ``prose`` is the inline's Prose (its text starts with the label's text, the
    "**" already skipped), which gives the label's span in the original text.
    """
    label = _label_text(inline.children or [])
    if label is None:
        return None
    title = label.rstrip(":").strip()
    if not title or len(title.split()) > _LABEL_MAX_WORDS:
        return None
    names = section_names(title, extra, strict=True)
    if not names:
        return None
    at = prose.text.find(title)
    if at == -1:
        return None
    start, end = prose.original_span(at, at + len(title))
    return Section(title, names[0], start, end, LABEL_LEVEL)


_PLAIN_LABEL_MAX_WORDS = 4


def plain_label(line: str, extra: tuple[str, ...] = ()) -> tuple[str, int, str] | None:
    """A plain-text label line ("Impact: 40 minutes of failed logins"): (title, its
    offset in ``line``, canonical section), when the words before the colon name a
    section. A line that is only "Impact:" is a heading, not a label."""
    stripped = line.lstrip()
    colon = stripped.find(":")
    if colon <= 0 or not stripped[colon + 1:].strip() or not stripped[colon + 1:colon + 2].isspace():
        return None
    title = stripped[:colon].strip()
    if len(title.split()) > _PLAIN_LABEL_MAX_WORDS or not title[0].isalpha():
        return None
    names = section_names(title, extra, strict=True)
    if not names:
        return None
    return title, len(line) - len(stripped), names[0]


def list_label(doc: Document, b: ProseBuilder, src: SourceLines, first: Token | None, end: int) -> Section | None:
    """A top-level list item that opens with a bold label ("- **Review actions**:"):
    the section it heads, recorded in ``doc`` and ending with the item; else None."""
    if first is None or first.map is None or _label_text(first.children or []) is None:
        return None  # (checked on the tokens first: building the prose twice would record its comments twice)
    prose = b.prose(first, *src.block(first), "list-item", None)
    label = bold_label(first, prose)
    if label is not None:
        label.body_end = end
        doc.sections.append(label)
    return label
