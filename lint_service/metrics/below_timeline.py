"""A resolution stated in the prose below a timeline: "After the registrar put the domain
on hold, lookups failed and visitors could no longer reach the site. The incident is
considered resolved." The resolving sentence gives no time; the event its "after"
clause names does, when one timeline entry says the same thing (most of the clause's
content lemmas, and at least three of them, are the entry's).

Only the timeline section's paragraphs after its last entry are parsed, and only when no
resolution was found.
"""
from __future__ import annotations

from spacy.tokens import Doc, Span

from ..document.model import Document
from .clock import TimedEntry
from .milestones import Milestone, ParseFn, hits, milestone_words

_CONTENT = ("NOUN", "PROPN", "VERB", "ADJ")
_SHARE = 0.6  # of the clause's content lemmas found in the entry
_MIN_SHARED = 3


def _lemmas(tokens) -> set[str]:
    return {t.lemma_.lower() for t in tokens if t.pos_ in _CONTENT and not t.is_stop and len(t.text) > 1}


def _after_clauses(doc: Doc) -> list[set[str]]:
    """Content lemmas of each "after ..." clause ("After the registrar put the domain on hold")."""
    out = []
    for tok in doc:
        if tok.lower_ == "after" and tok.dep_ in ("prep", "mark"):
            clause = tok.head if tok.dep_ == "mark" else tok
            out.append(_lemmas(t for t in clause.subtree if t.i > tok.i))
    return out


def _resolved(sent: Span) -> bool:
    kinds = {k for k, _, t in hits(sent.as_doc(), milestone_words()) if t is not None}
    return "resolved" in kinds and "pending" not in kinds


def resolution_below(doc: Document, timed: list[TimedEntry], parse: ParseFn) -> Milestone | None:
    entries = [t for t in timed if t.moment is not None]
    if not entries or not doc.timeline:
        return None
    last_end = max(e.end for e in doc.timeline)
    below = [p for p in doc.prose if p.section == "timeline" and p.kind == "paragraph" and p.text.strip()
             and p.original_span(0, 0)[0] > last_end]
    if not below:
        return None
    clauses: list[set[str]] = []
    parsed = parse([p.text for p in below])
    entry_lemmas = [_lemmas(d) for d in parse([t.entry.text for t in entries])]
    for d in parsed:
        for sent in d.sents:
            clauses += _after_clauses(sent.as_doc())
            if not _resolved(sent) or not clauses:
                continue
            for clause in reversed(clauses):  # the nearest "after" before the resolving sentence
                scores = [len(clause & e) for e in entry_lemmas]
                best = max(range(len(entries)), key=lambda i: scores[i])
                if scores[best] >= _MIN_SHARED and scores[best] >= _SHARE * len(clause):
                    e = entries[best]
                    return Milestone("resolved", e.moment, e.line, "timeline",  # type: ignore[arg-type]
                                     "the resolution stated below the timeline, after this event")
            return None
    return None
