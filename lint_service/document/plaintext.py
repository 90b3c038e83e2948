"""Plain-text postmortems (placeholder: one prose segment per non-empty line)."""
from __future__ import annotations

import re

from .model import Document, Prose

_LINE = re.compile(r"[^\n]+")


def parse_text(text: str) -> Document:
    doc = Document(text=text, format="text")
    for m in _LINE.finditer(text):
        line = m.group().rstrip("\r")
        stripped = line.lstrip()
        if not stripped:
            continue
        start = m.start() + (len(line) - len(stripped))
        doc.prose.append(Prose.verbatim(stripped, start))
    return doc
