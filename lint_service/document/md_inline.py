"""From markdown-it inline tokens to Prose with exact offsets into the source.

markdown-it gives each block a line map but not character offsets; the builder
finds every inline child's text in the source, moving forward from the block's
first line, so markup ("**", "[...](url)", escapes) is skipped and each prose
character keeps the offset where it was typed.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from markdown_it.token import Token

from .model import Prose

CODE_PLACEHOLDER = "CODE"
_SEARCH_WINDOW = 12  # how far one decoded character (entity, escape) may be from the cursor


def html_comments(content: str) -> list[tuple[int, str]]:
    """(start, text) of each complete ``<!-- ... -->`` in ``content``.

    A plain loop over str.find, not a lazy regex: a regex retries from every
    unclosed "<!--" and goes quadratic on thousands of them."""
    found = []
    pos = content.find("<!--")
    while pos != -1:
        end = content.find("-->", pos + 4)
        if end == -1:
            break  # no comment closes after this one, so none after it can either
        found.append((pos, content[pos:end + 3]))
        pos = content.find("<!--", end + 3)
    return found


class SourceLines:
    """The original text with line starts, for turning line maps into offsets."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = [0]
        pos = text.find("\n")
        while pos != -1:
            self.starts.append(pos + 1)
            pos = text.find("\n", pos + 1)

    def line_start(self, line: int) -> int:
        return self.starts[line] if line < len(self.starts) else len(self.text)

    def block(self, tok: Token) -> tuple[int, int]:
        assert tok.map is not None
        return self.line_start(tok.map[0]), self.line_start(tok.map[1])

    def trimmed(self, start: int, end: int) -> tuple[int, int]:
        while start < end and self.text[start] in " \t\r\n":
            start += 1
        while end > start and self.text[end - 1] in " \t\r\n":
            end -= 1
        return start, end


_MARKUP_CHARS = "*_`~\\[]()<>!#=|+-: \t\r\n"
_CHECKBOX = '<input class="task-list-item-checkbox"'


@dataclass
class InlineMarks:
    """What the markup of one inline token says, in original offsets: a task-list
    checkbox ("[x]" is checked), struck-through runs, and links (address, text span)."""

    checkbox: tuple[bool, int, int] | None = None  # (checked, start, end)
    struck: list[tuple[int, int]] = field(default_factory=list)
    links: list[tuple[str, int, int]] = field(default_factory=list)
    text_chars: int = 0  # prose characters outside struck runs (spaces and punctuation excluded)
    bold_line_starts: list[int] = field(default_factory=list)  # prose indices of lines that open in bold


@dataclass
class ProseBuilder:
    """Builds one Prose from an inline token by finding its children in the source.

    After each call, ``marks`` holds what that token's markup said (checkbox, strikethrough, links)."""

    src: SourceLines
    comments: list[tuple[int, int, str]] = field(default_factory=list)
    marks: InlineMarks = field(default_factory=InlineMarks)

    def prose(self, inline: Token, lo: int, hi: int, kind: str, section: str | None) -> Prose:
        text = self.src.text
        chars: list[str] = []
        offs: list[int] = []
        cur = lo
        marks = self.marks = InlineMarks()
        struck_from: int | None = None  # index into offs where the open strikethrough began
        link_from: list[tuple[str, int]] = []

        def emit_found(s: str) -> None:
            nonlocal cur
            pos = text.find(s, cur, hi)
            # Only markup may lie between the cursor and the match: a later verbatim
            # copy of the same words ("Bob \\*" then "Bob **bold**") is not this text.
            # Nor may the gap hold an escape or a line break: " *" decoded from " \\*" must
            # not match the " *" of a "**bold**" on the next line.
            if pos != -1 and (text[cur:pos].strip(_MARKUP_CHARS) or "\\" in text[cur:pos] or "\n" in text[cur:pos]):
                pos = -1
            if pos != -1:
                chars.append(s)
                offs.extend(range(pos, pos + len(s)))
                cur = pos + len(s)
                return
            # Decoded entities and escapes: place each character near the cursor.
            for ch in s:
                p = text.find(ch, cur, min(hi, cur + _SEARCH_WINDOW))
                chars.append(ch)
                if p != -1:
                    offs.append(p)
                    cur = p + 1
                else:
                    offs.append(min(cur, max(hi - 1, lo)))

        line_start = True
        for child in inline.children or []:
            t = child.type
            if t == "strong_open" and line_start:
                marks.bold_line_starts.append(len(offs))
            line_start = t in ("softbreak", "hardbreak") or (line_start and (t == "strong_open" or not child.content))
            if t == "text":
                if child.content:
                    emit_found(child.content)
            elif t in ("softbreak", "hardbreak"):
                pos = text.find("\n", cur, hi)
                if pos != -1:
                    # Keep the newline (prose stays verbatim, so rewrites can apply);
                    # a hard break keeps its two spaces so repairs.split_hard_breaks
                    # can cut chat-log lines into separate utterances.
                    if t == "hardbreak":
                        chars.append("  ")
                        offs.extend((max(pos - 2, lo), max(pos - 1, lo)))
                    chars.append("\n")
                    offs.append(pos)
                    cur = pos + 1
            elif t == "code_inline":
                opening = text.find(child.markup, cur, hi)
                if opening == -1:
                    continue
                body = text.find(child.content, opening + len(child.markup), hi) if child.content else -1
                body_start = body if body != -1 else opening
                closing = text.find(child.markup, (body if body != -1 else opening + len(child.markup)) + len(child.content), hi)
                span_end = closing + len(child.markup) if closing != -1 else body_start + len(child.content)
                chars.append(CODE_PLACEHOLDER)
                width = max(span_end - opening, 1)
                offs.extend(opening + min(i, width - 1) for i in range(len(CODE_PLACEHOLDER)))
                cur = span_end
            elif t == "html_inline" and child.content.startswith(_CHECKBOX):
                # The tasklist plugin turned "[x] " into a checkbox: step over it in the source.
                opening = text.find("[", cur, hi)
                close = text.find("]", opening, hi) if opening != -1 else -1
                if close != -1:
                    marks.checkbox = ("checked" in child.content, opening, close + 1)
                    cur = close + 1
            elif t == "s_open":
                struck_from = len(offs)
            elif t == "s_close" and struck_from is not None:
                if len(offs) > struck_from:
                    marks.struck.append((offs[struck_from], offs[-1] + 1))
                struck_from = None
            elif t == "link_open":
                link_from.append((str(child.attrGet("href") or ""), len(offs)))
            elif t == "html_inline":
                pos = text.find(child.content, cur, hi)
                if pos != -1:
                    line = self._line_of(pos)
                    self.comments.append((line, line + child.content.count("\n"), child.content))
                    cur = pos + len(child.content)
            elif t == "image":
                # Alt text is not prose; skip past "](...)".
                pos = text.find("](", cur, hi)
                if pos != -1:
                    close = text.find(")", pos, hi)
                    cur = close + 1 if close != -1 else pos + 2
            elif t == "link_close":
                if link_from:
                    href, at = link_from.pop()
                    if len(offs) > at:
                        marks.links.append((href, offs[at], offs[-1] + 1))
                if text.startswith("](", cur):
                    close = text.find(")", cur, hi)
                    cur = close + 1 if close != -1 else cur + 2
                elif text.startswith("][", cur):
                    close = text.find("]", cur + 2, hi)
                    cur = close + 1 if close != -1 else cur + 2
                elif text.startswith("]", cur):
                    cur += 1
            # emphasis/strong markup: nothing to emit, the search skips it
            if t == "text" and struck_from is None:
                marks.text_chars += sum(1 for ch in child.content if ch.isalnum())
        s = "".join(chars)
        return Prose(s, offs, kind, section)

    def _line_of(self, offset: int) -> int:
        import bisect

        return bisect.bisect_right(self.src.starts, offset)
