"""System-subject rewrites for blame findings (placeholder)."""
from __future__ import annotations

from spacy.tokens import Span


def suggest(detection, sent: Span, ctx) -> list[str]:
    return []
