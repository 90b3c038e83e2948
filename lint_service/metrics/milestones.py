"""The four milestones of an incident: impact start, detection, mitigation, resolution.

Explicit first: a field (``started_at``, ``**Detected:**``, "First detected ...") is
``source: "field"``; a timeline marker (OUTAGE BEGINS, "Outage ends.") is
``source: "timeline-marker"``. Otherwise each is inferred from the timeline's events
(``source: "timeline"``) by the words in ``rules/milestones.yaml`` matched on lemmas
through the parse:

- start: the first event describing failure or impact (a deploy or merge alone is a
  trigger, not a start); when the first such event is the detection itself, both;
- detection: the first detection event at or after the start;
- mitigation: the first mitigating act after detection that was done (not "a PR to roll
  back", "rollback attempted", "begin a rollback"); when the timeline has none, the
  resolution;
- resolution: the first resolving event after mitigation.

Only the entries' event texts are parsed, in one batch per document.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Callable, Sequence

from spacy.tokens import Doc, Token

from ..rules import load_rule_file
from .clock import Moment, TimedEntry

KINDS = ("started", "detected", "mitigated", "resolved")
_PARTICLES = frozenset({"back", "over", "down", "up", "out", "off"})

ParseFn = Callable[[Sequence[str]], list[Doc]]


@dataclass(frozen=True)
class Milestone:
    kind: str
    moment: Moment
    line: int
    source: str  # "field" | "timeline-marker" | "timeline"
    note: str | None = None

    def to_dict(self) -> dict:
        d = {"at": self.moment.iso(), "line": self.line, "source": self.source}
        if self.moment.zone:
            d["timezone"] = self.moment.zone
        if self.note:
            d["note"] = self.note
        return d


Term = tuple[str, ...]


@dataclass(frozen=True)
class MilestoneWords:
    markers: dict[str, tuple[Term, ...]]
    events: dict[str, tuple[Term, ...]]
    not_done: frozenset[str]


@functools.lru_cache(maxsize=1)
def milestone_words() -> MilestoneWords:
    data = load_rule_file("milestones")

    def terms(words: list[str]) -> tuple[Term, ...]:
        return tuple(sorted({tuple(w.split()) for w in words}, key=len, reverse=True))


    return MilestoneWords(
        markers={k: terms(v) for k, v in data["markers"].items()},
        events={k: terms(v) for k, v in data["events"].items() if k != "not_done"},
        not_done=frozenset(data["events"]["not_done"]),
    )


_POS = {"v": ("VERB", "AUX"), "n": ("NOUN", "PROPN")}


def _word(tok: Token, w: str) -> bool:
    w, _, pos = w.partition(":")
    return (tok.lower_ == w or tok.lemma_.lower() == w) and (not pos or tok.pos_ in _POS[pos])


def _matches(doc: Doc, term: Term) -> list[Token]:
    """Tokens where ``term`` starts (in order, or a verb with its split particle)."""
    found = []
    n = len(term)
    for i, tok in enumerate(doc):
        if not _word(tok, term[0]):
            continue
        if all(i + j < len(doc) and _word(doc[i + j], term[j]) for j in range(1, n)):
            span = doc[i:i + n]
            found.append(span.root)  # "fully recover": the verb decides negation and intent
        elif n == 2 and term[1] in _PARTICLES and any(c.dep_ == "prt" and c.lower_ == term[1] for c in tok.children):
            found.append(tok)
    return found


def _negated(tok: Token) -> bool:
    """ "not restored", "weren't working", "no new blocks were created"."""
    if any(c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no") for c in tok.children):
        return True
    return tok.dep_ in ("dobj", "nsubjpass", "acomp", "xcomp") and any(c.dep_ == "neg" for c in tok.head.children)


def _not_done(tok: Token, not_done: frozenset[str]) -> bool:
    """An act only intended, attempted or begun: "to roll back", "rollback attempted"."""
    if tok.dep_ in ("xcomp", "advcl", "relcl", "acl") and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
        return True
    # "begin to revert", "try reverting"; "begin a rollback", "rollback attempted" — but
    # not a clause that merely sits beside one ("reverted; error rate began to fall").
    head = tok.head
    if head is tok or head.lemma_.lower() not in not_done:
        return tok.pos_ == "NOUN" and head.pos_ == "ADP" and head.head.lemma_.lower() in not_done
    return tok.dep_ in ("xcomp", "dobj", "nsubjpass", "nsubj", "compound", "pcomp")


def classify(doc: Doc, words: MilestoneWords) -> tuple[set[str], set[str]]:
    """(marker kinds, event kinds) an entry's event text says."""
    low = doc.text.lower()
    markers = {k for k, ts in words.markers.items() if any(" ".join(t) in low for t in ts)}
    events: set[str] = set()
    for kind, terms in words.events.items():
        for term in terms:
            hits = [t for t in _matches(doc, term) if not _negated(t)]
            if kind == "started":  # "shut down" is an act; "the site is down" is impact
                hits = [t for t in hits if t.dep_ != "prt"]
            elif kind == "resolved":  # "healthy nodes get killed" says nothing is resolved
                hits = [t for t in hits if t.dep_ != "amod"]
            if kind in ("detected", "mitigated", "resolved"):
                hits = [t for t in hits if not _not_done(t, words.not_done)]
            if hits:
                events.add(kind)
                break
    return markers, events


def find_milestones(timed: list[TimedEntry], fields: dict[str, Milestone], parse: ParseFn) -> dict[str, Milestone | None]:
    """The four milestones from fields, then markers, then the events' words."""
    words = milestone_words()
    usable = [t for t in timed if t.moment is not None and t.entry.text.strip()]
    docs = parse([t.entry.text for t in usable]) if usable else []
    kinds = [classify(d, words) for d in docs]
    out: dict[str, Milestone | None] = {k: fields.get(k) for k in KINDS}

    def marker(kind: str) -> int | None:
        return next((i for i, (m, _) in enumerate(kinds) if kind in m), None)

    def event(kind: str, after: int, excluding: str | None = None) -> int | None:
        return next((i for i in range(max(after, 0), len(usable))
                     if kind in kinds[i][1] and not (excluding and excluding in kinds[i][1] and kind != excluding)), None)

    def take(kind: str, i: int | None, source: str, note: str | None = None) -> int | None:
        if i is not None and out[kind] is None:
            out[kind] = Milestone(kind, usable[i].moment, usable[i].line, source, note)  # type: ignore[arg-type]
        return i

    idx: dict[str, int | None] = {k: marker(k) for k in KINDS}
    for k in KINDS:
        take(k, idx[k], "timeline-marker")
    if idx["started"] is None:
        idx["started"] = take("started", event("started", 0), "timeline")
    start_at = idx["started"] if idx["started"] is not None else 0
    if idx["detected"] is None:
        idx["detected"] = take("detected", event("detected", start_at), "timeline")
    after_detect = idx["detected"] if idx["detected"] is not None else start_at
    if idx["resolved"] is None:
        idx["resolved"] = event("resolved", after_detect + 1 if idx["detected"] is not None else after_detect)
    if idx["mitigated"] is None:
        mit = event("mitigated", after_detect + (1 if idx["detected"] is not None else 0))
        if mit is not None and (idx["resolved"] is None or mit <= idx["resolved"]):
            idx["mitigated"] = take("mitigated", mit, "timeline")
        elif idx["resolved"] is not None:
            take("mitigated", idx["resolved"], "timeline", "no separate mitigation: the resolution")
    if idx["resolved"] is not None:
        take("resolved", idx["resolved"], "timeline")
    return _in_order(out)


def _in_order(out: dict[str, Milestone | None]) -> dict[str, Milestone | None]:
    """Drop an inferred milestone that comes before an earlier one (a start after the
    detection a field gives): a reader would not accept it."""
    for i, kind in enumerate(KINDS):
        m = out[kind]
        if m is None or m.source != "timeline" or m.moment.relative:
            continue
        for other in KINDS[:i]:
            o = out[other]
            if o is not None and o.moment.date is not None and m.moment.date is not None and m.moment.absolute < o.moment.absolute:
                out[kind] = None
        for other in KINDS[i + 1:]:
            o = out[other]
            if o is not None and o.source != "timeline" and o.moment.date is not None and m.moment.date is not None \
                    and m.moment.absolute > o.moment.absolute:
                out[kind] = None
    return out
