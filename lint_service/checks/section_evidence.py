"""A section's content present without its heading.

Postmortems written to other templates (or to none) carry the six sections in
other forms: the impact stated in the summary, the timeline told in dated
paragraphs, the cause explained under "Details", the lessons folded into a
forward-looking section, the fix reported done instead of listed. Each reader
here says whether the document states one section's content, reading the
Document's prose blocks (from the Markdown tokens) and the sections they sit in;
the cue phrases are rule data (``rules/section_evidence.yaml``). Readers that
need to know how a sentence is built are in :mod:`.parsed_evidence`.

Used by structure.missing-section only when no template is configured: a team
that configures one wants every section as a heading.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Callable

from ..document.model import Document, Prose, Section
from ..document.sections import normalize, section_names
from ..document.timestamps import timestamps_in
from ..rules import load_rule_file
from .parsed_evidence import Parses, plans_work, states_consequence, tells_dated_story


def _pattern(phrases: list[str]) -> re.Pattern[str]:
    # Phrases are normalised like headings ("couldn't" -> "couldn t") and matched
    # on normalised text, on word boundaries.
    words = sorted({normalize(p) for p in phrases if normalize(p)}, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b")


@dataclass(frozen=True)
class EvidenceRules:
    opening_blocks: int
    affected: re.Pattern[str]
    effect: re.Pattern[str]
    min_timestamps: int
    causal: re.Pattern[str]
    explanatory: frozenset[str]
    summary_labels: frozenset[str]
    forward_headings: frozenset[str]
    commitments: re.Pattern[str]
    completed_sections: frozenset[str]
    done: re.Pattern[str]
    still_open: re.Pattern[str]


@functools.lru_cache(maxsize=1)
def evidence_rules() -> EvidenceRules:
    d = load_rule_file("section_evidence")
    norm = lambda xs: frozenset(normalize(x) for x in xs)  # noqa: E731
    return EvidenceRules(
        d["opening_blocks"], _pattern(d["impact"]["affected"]), _pattern(d["impact"]["effect"]),
        d["timeline"]["min_timestamps"], _pattern(d["root_causes"]["causal"]),
        norm(d["root_causes"]["explanatory_headings"]), norm(d["summary"]["labels"]),
        norm(d["forward_looking"]["headings"]), _pattern(d["forward_looking"]["commitments"]),
        frozenset(d["completed"]["sections"]), _pattern(d["completed"]["done"]),
        _pattern(d["completed"]["open"]),
    )


_TEXT_KINDS = ("paragraph", "list-item", "table-cell", "action-item")


def _body(doc: Document, s: Section) -> list[Prose]:
    end = s.body_end if s.body_end >= 0 else len(doc.text)
    return [p for p in doc.prose if p.offsets and s.end <= p.offsets[0] < end and p.kind in _TEXT_KINDS]


def _matches(section: Section, names: frozenset[str]) -> bool:
    t = normalize(section.title)
    return t in names or any(t.startswith(n + " ") for n in names)


def _opening(doc: Document) -> list[Prose]:
    """The summary's prose, else the document's first paragraphs (before the second section)."""
    summaries = [s for s in doc.sections if "summary" in section_names(s.title)]
    if summaries:  # an empty summary says nothing, whatever precedes it
        return [p for s in summaries for p in _body(doc, s)]
    secs = doc.sections
    limit = secs[1].start if len(secs) > 1 else len(doc.text)
    blocks = [p for p in doc.prose if p.offsets and p.offsets[0] < limit and p.kind in _TEXT_KINDS
              and p.section is None]
    return blocks[: evidence_rules().opening_blocks]


def _says(blocks: list[Prose], *patterns: re.Pattern[str]) -> bool:
    """True when one block matches every pattern (a statement, not scattered words)."""
    return any(all(pat.search(normalize(p.text)) for pat in patterns) for p in blocks)


def states_impact(doc: Document) -> bool:
    r = evidence_rules()
    opening = " ".join(normalize(p.text) for p in _opening(doc))
    return bool(r.affected.search(opening) and r.effect.search(opening))


def tells_timeline(doc: Document) -> bool:
    """Several dates or clock times in the prose, mostly in order: a narrative.

    A paragraph's date applies to its clock times ("at 4:17 PM UTC on October
    12th") and carries on to the paragraphs after it until another is given."""
    keys: list[tuple[tuple[int, int], int]] = []
    day = (0, 0)
    for p in doc.prose:
        if p.kind not in ("paragraph", "list-item") or p.section == "timeline":
            continue
        stamps = [t for t in timestamps_in(p.text) if t.minutes is not None or t.date is not None]
        dates = [t.date for t in stamps if t.date is not None]
        day = dates[0][1:] if dates else day
        timed = [t for t in stamps if t.minutes is not None]
        for t in timed or stamps:  # a date beside clock times is their date, not an event
            keys.append(((t.date or (0, *day))[1:], t.minutes or 0))
    if len(keys) < evidence_rules().min_timestamps:
        return False
    forward = sum(1 for a, b in zip(keys, keys[1:]) if b >= a)
    return forward * 3 >= (len(keys) - 1) * 2


def explains_cause(doc: Document) -> bool:
    r = evidence_rules()
    if any(_matches(s, r.explanatory) for s in doc.sections):
        return True
    blocks = [p for p in doc.prose if p.section not in ("timeline",) and p.kind in _TEXT_KINDS]
    return _says(blocks, r.causal)


def opens_with_summary(doc: Document) -> bool:
    """An at-a-glance label: a heading that is one ("Overview", "Summary of impact", not
    "Identified cause"), or a block that opens with one and a colon ("Identified: ...")."""
    labels = evidence_rules().summary_labels
    for s in doc.sections:
        other = set(section_names(s.title)) - {"summary", "impact"}
        if _matches(s, labels) and not other:
            return True
    return any(_LABEL.match(p.text) and normalize(_LABEL.match(p.text).group(1)) in labels
               for p in doc.prose if p.kind in _TEXT_KINDS)


_LABEL = re.compile(r"\s*([A-Za-z][\w ;.-]{0,30}?)\s*:")


def looks_ahead(doc: Document) -> bool:
    """A forward-looking section: it holds the lessons and the work that follows."""
    return any(_matches(s, evidence_rules().forward_headings) for s in doc.sections)


def lessons_commit_to_work(doc: Document) -> bool:
    """A lessons section written as commitments ("We need to document ...")."""
    r = evidence_rules()
    lessons = [s for s in doc.sections if "lessons learned" in section_names(s.title)]
    return any(_says(_body(doc, s), r.commitments) for s in lessons)


def remediation_done(doc: Document) -> bool:
    """A resolution that reports the fix shipped and leaves nothing open."""
    r = evidence_rules()
    blocks = [p for s in doc.sections if set(section_names(s.title)) & r.completed_sections
              for p in _body(doc, s)]
    return _says(blocks, r.done) and not _says(blocks, r.still_open)


Reader = Callable[[Document, Parses], bool]


def _text(read: Callable[[Document], bool]) -> Reader:
    """A reader of the prose blocks alone (no parse needed)."""
    return lambda doc, parses: read(doc)


# Each section's readers, and where the message says the check looked.
READERS: dict[str, tuple[tuple[Reader, ...], str]] = {
    "summary": ((_text(opens_with_summary),), "no paragraph before the first heading says what happened"),
    "impact": ((_text(states_impact), states_consequence),
               "the summary does not say who or what was affected and how"),
    "timeline": ((_text(tells_timeline), tells_dated_story), "the text gives no dated or timed account of events"),
    "root causes": ((_text(explains_cause),), "neither the summary nor any other part explains why it happened"),
    "action items": ((_text(looks_ahead), _text(lessons_commit_to_work), _text(remediation_done), plans_work),
                     "nothing in it looks ahead, and no resolution reports the fix done or the work planned"),
    "lessons learned": ((_text(looks_ahead),), "nothing in it looks ahead to what the team will do differently"),
}


def satisfied(doc: Document, section: str, parses: Parses = ()) -> bool:
    readers, _ = READERS.get(section, ((), ""))
    return any(read(doc, list(parses)) for read in readers)


def where_looked(section: str) -> str | None:
    return READERS[section][1] if section in READERS else None
