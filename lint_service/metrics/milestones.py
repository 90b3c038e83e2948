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
from .lasting import already_lasting

KINDS = ("started", "detected", "mitigated", "resolved")
_PARTICLES = frozenset({"back", "over", "down", "up", "out", "off"})
_PREPOSITIONS = frozenset({"to"})

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
    stalled: frozenset[tuple[str, ...]]
    complete: frozenset[str]
    hypothetical: frozenset[str]
    latency: dict[str, frozenset[str]]
    fix: frozenset[str]


@functools.lru_cache(maxsize=1)
def milestone_words() -> MilestoneWords:
    data = load_rule_file("milestones")

    def terms(words: list[str]) -> tuple[Term, ...]:
        return tuple(sorted({tuple(w.split()) for w in words}, key=len, reverse=True))


    return MilestoneWords(
        markers={k: terms(v) for k, v in data["markers"].items()},
        events={k: terms(v) for k, v in data["events"].items()
                if k not in ("not_done", "hypothetical", "complete", "stalled", "latency", "fix", "immediate", "lasting")},
        stalled=frozenset(tuple(w.split()) for w in data["events"]["stalled"]),
        not_done=frozenset(data["events"]["not_done"]),
        complete=frozenset(data["events"]["complete"]),
        hypothetical=frozenset(data["events"]["hypothetical"]),
        latency={k: frozenset(v) for k, v in data["events"]["latency"].items()},
        fix=frozenset(data["events"]["fix"]),
    )


_POS = {"v": ("VERB", "AUX"), "n": ("NOUN", "PROPN"), "a": ("ADJ", "ADV")}


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
        elif n == 2 and term[1] in _PREPOSITIONS and tok.pos_ == "VERB" and _has_recipient(tok, term[1]):
            found.append(tok)
    return found


match_term = _matches


def _has_recipient(verb: Token, prep: str) -> bool:
    """ "provided a screenshot of the charge to #warroom": the preposition on the verb, or
    inside its object (where the parser often attaches it)."""
    places = [verb] + [t for c in verb.children if c.dep_ in ("dobj", "dative") for t in c.subtree]
    return any(c.dep_ in ("prep", "dative") and c.lower_ == prep for p in places for c in p.children)


def _negated(tok: Token) -> bool:
    """ "not restored", "weren't working", "no new blocks were created"."""
    if any(c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no") for c in tok.children):
        return True
    return tok.dep_ in ("dobj", "nsubjpass", "acomp", "xcomp") and any(c.dep_ == "neg" for c in tok.head.children)


negated = _negated


def _not_done(tok: Token, not_done: frozenset[str]) -> bool:
    """An act only intended, attempted, begun or failed: "to roll back", "rollback
    attempted", "revert / config fix begins", "rollback fails", "prioritises getting the
    service back up", "merges the rollback PR, which is itself blocked"."""
    if tok.dep_ in ("xcomp", "advcl", "relcl", "acl") and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
        return True
    while tok.dep_ in ("conj", "compound", "appos", "amod", "nmod", "advmod", "prt") and tok.head.i != tok.i:
        tok = tok.head  # "revert / config fix begins": the coordinated phrase's head decides
    if any(c.dep_ == "relcl" and c.lemma_.lower() in not_done for c in tok.children):
        return True
    for _ in range(4):  # the act, then what it completes ("getting X back up" under "prioritises")
        head = tok.head
        if head.i == tok.i:
            return False
        if head.lemma_.lower() in not_done:
            if any(c.dep_ == "auxpass" for c in head.children) and tok.dep_ in ("oprd", "acomp", "xcomp", "attr"):
                return False  # "the incident is considered resolved": a judgement, not an intent
            # ... but not a clause that merely sits beside one ("reverted; error rate began to fall").
            return tok.dep_ not in ("ccomp", "parataxis", "advcl", "conj", "punct")
        if tok.dep_ not in ("xcomp", "pcomp", "dobj", "acomp", "oprd", "ccomp", "pobj", "prep"):
            return False
        tok = head
        if tok.dep_ in ("xcomp", "advcl", "relcl", "acl") and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
            return True  # "in an attempt to fix the issue by roll back": a purpose, not an act
    return False


def _stalled(tok: Token, stalled: frozenset[tuple[str, ...]]) -> bool:
    """ "blocked on a missing check", "waiting for approval": a verb that waits."""
    return any(c.dep_ == "prep" and (tok.lemma_.lower(), c.lower_) in stalled for c in tok.children)


def _hypothetical(tok: Token, marks: frozenset[str]) -> bool:
    """Inside a clause opened by "if", "whether", "unless": said of what might happen."""
    node = tok
    for _ in range(6):
        if any(c.dep_ == "mark" and c.lower_ in marks for c in node.children):
            return True
        if node.head.i == node.i:
            return False
        node = node.head
    return False


def _slow(doc: Doc, latency: dict[str, frozenset[str]]) -> list[Token]:
    """ "requests take 10+ seconds", "page loads begin to take 12 s": a service's
    interactions taking seconds is impact; "the rebuild takes 20 minutes" is not."""
    found = []
    for tok in doc:
        if tok.lemma_.lower() not in latency["verbs"] or _negated(tok):
            continue
        unit = any(c.lemma_.lower() in latency["units"] for c in tok.children if c.dep_ in ("dobj", "npadvmod", "attr"))
        head = tok
        while head.dep_ in ("xcomp", "conj") and head.head.i != head.i:
            head = head.head  # "begin to take": the subject is the governing verb's
        subjects = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
        if unit and any(s.lemma_.lower() in latency["subjects"] for s in subjects):
            found.append(tok)
    return found


def explain(doc: Doc, words: MilestoneWords) -> list[tuple[str, str, str]]:
    """(kind, term, token) of every match that counts, markers included: why an entry
    was read as a milestone (for tests and for `metrics --explain`-style debugging)."""
    return [(k, term, tok.text if tok is not None else "") for k, term, tok in hits(doc, words)]


def hits(doc: Doc, words: MilestoneWords) -> list[tuple[str, str, Token | None]]:
    """(kind, term, token) of every match that counts; a marker's token is None."""
    low = doc.text.lower()
    found: list[tuple[str, str, Token | None]] = [
        (k, " ".join(t), None) for k, ts in words.markers.items() for t in ts if " ".join(t) in low]
    found = [f for f in found if f[0] not in {g[0] for g in found if g is not f and len(g[1]) > len(f[1]) and f[1] in g[1]}]
    for kind, terms in words.events.items():
        for term in terms:
            negative = term[0] in ("not", "no", "n't")  # "not working" is itself the negation
            matched = [t for t in _matches(doc, term)
                       if (negative or not _negated(t)) and not _hypothetical(t, words.hypothetical)]
            if kind == "started":  # "shut down" is an act; "the site is down" is impact
                matched = [t for t in matched if t.dep_ != "prt"]
            elif kind == "resolved":  # "healthy nodes get killed" says nothing is resolved
                matched = [t for t in matched if not (t.dep_ == "amod" and t.head.dep_ in ("nsubj", "nsubjpass", "dobj"))]
            if kind in ("signals", "perceived", "detected", "mitigated", "resolved", "released"):
                done = [t for t in matched if not _not_done(t, words.not_done) and not _stalled(t, words.stalled)]
                if kind == "resolved" and len(done) < len(matched):
                    # "CI recovered, the site begins to recover": recovery under way, not over.
                    found.append(("pending", " ".join(term), matched[0]))
                matched = done
            found.extend((kind, " ".join(term), t) for t in matched)
    found.extend(("started", "take (latency)", t) for t in _slow(doc, words.latency))
    return found


def classify(doc: Doc, words: MilestoneWords) -> tuple[set[str], set[str]]:
    """(marker kinds, event kinds) an entry's event text says."""
    found = hits(doc, words)
    markers = {k for k, _, tok in found if tok is None}
    return markers, {k for k, _, tok in found if tok is not None}




def find_milestones(timed: list[TimedEntry], fields: dict[str, Milestone], parse: ParseFn,
                    unknown: list[str] | None = None) -> dict[str, Milestone | None]:
    """The four milestones from fields, then markers, then the events' words. The line of a
    reason the start is unknown (a first impact entry without a readable time, or one saying
the impact had already lasted a while) is added to ``unknown`` (the reason the start
    is unknown)."""
    words = milestone_words()
    described = [t for t in timed if t.entry.text.strip()]
    docs = parse([t.entry.text for t in described]) if described else []
    found_in = [hits(d, words) for d in docs]
    kinds = [({k for k, _, t in f if t is None}, {k for k, _, t in f if t is not None}) for f in found_in]
    complete = [any(t.lower_ in words.complete for t in d) for d in docs]
    out: dict[str, Milestone | None] = {k: fields.get(k) for k in KINDS}
    n = len(described)

    def timed_at(i: int | None) -> bool:
        return i is not None and described[i].moment is not None

    def find(kind: str, after: int, marker: bool = False, full: bool = False) -> int | None:
        """The first entry from ``after`` saying ``kind`` (untimed ones included: an untimed
        first impact means the start is unknown, not the next timed one)."""
        for i in range(max(after, 0), n):
            if kind in kinds[i][0 if marker else 1] and (not full or (complete[i] and "pending" not in kinds[i][1])):
                return i
        return None

    def take(kind: str, i: int | None, source: str, note: str | None = None) -> int | None:
        if timed_at(i) and out[kind] is None:
            out[kind] = Milestone(kind, described[i].moment, described[i].line, source, note)  # type: ignore[arg-type]
        return i if timed_at(i) else None

    idx: dict[str, int | None] = {k: take(k, find(k, 0, marker=True), "timeline-marker") for k in KINDS}
    if idx["started"] is None and out["started"] is None:
        # A start with nothing after it is no incident's start ("the problem was reproduced"
        # closing a false alarm); one with no readable time leaves the start unknown.
        first = find("started", 0)
        if first is not None and any(find(k, first) is not None for k in (*KINDS[1:], "signals", "perceived")):
            if already_lasting(docs[first]):
                if unknown is not None:
                    unknown.append(f"the first entry describing impact (line {described[first].line}) says it had already lasted")
            else:
                idx["started"] = take("started", first, "timeline")
                if idx["started"] is None and unknown is not None:
                    unknown.append(f"the first entry describing impact (line {described[first].line}) has no time")
    # Alerts firing and someone noticing are detections by themselves; reports need an
    # impact before them or in them.
    signal = min((i for i in (find("signals", 0), find("perceived", 0)) if i is not None), default=None)
    if idx["started"] is not None and signal is not None and signal < idx["started"] and out["started"] is not None \
            and out["started"].source == "timeline" and _earlier(described[signal].moment, out["started"].moment):
        # An alert fired (or someone noticed) before any entry names the impact: when
        # impact began is unknown.
        out["started"], idx["started"] = None, None
    start_at = idx["started"] if idx["started"] is not None else 0
    if idx["detected"] is None:
        report = find("detected", start_at)
        while report is not None and _acted_before(docs, kinds, start_at, report):
            report = find("detected", report + 1)
        report_with_impact = next((i for i in range(n) if "detected" in kinds[i][1] and "started" in kinds[i][1]
                                   and not _acted_before(docs, kinds, start_at, i)), None)
        found = [i for i in (signal, report, report_with_impact) if i is not None and (idx["started"] is None or i >= idx["started"])]
        idx["detected"] = take("detected", min(found) if found else None, "timeline")
    anchor = idx["detected"] if idx["detected"] is not None else idx["started"]
    closing_note = None
    if idx["resolved"] is None:
        after = anchor + 1 if anchor is not None else 0
        idx["resolved"] = find("resolved", after, full=True)
        if idx["resolved"] is None:
            idx["resolved"] = find("resolved", after)
        if idx["resolved"] is None and anchor is not None and _said_after_detection(found_in[anchor], "resolved"):
            idx["resolved"] = anchor  # "detected the stall; automation restarted it and this resolved the issue"
    if idx["mitigated"] is None:
        # A mitigating act needs an incident before it: with no start or detection known, a
        # "revert" may be the failure itself ("the pipeline reverts the network"). A first,
        # partial recovery ("most deployments are up again") needs none.
        after = anchor + 1 if anchor is not None else 0
        act = find("mitigated", after) if anchor is not None else None
        if anchor is not None and _said_after_detection(found_in[anchor], "mitigated"):
            act = anchor  # detected, then acted on, in one entry
        candidates = [i for i in (act, find("resolved", after)) if i is not None]
        mit = min(candidates) if candidates else None
        if mit is not None and (idx["resolved"] is None or mit <= idx["resolved"]):
            note = None if "mitigated" in kinds[mit][1] else ("the resolution: no separate mitigation"
                                                                if mit == idx["resolved"] else "the first recovery")
            idx["mitigated"] = take("mitigated", mit, "timeline", note)
    if idx["resolved"] is None and out["resolved"] is None and idx["mitigated"] is not None:
        idx["resolved"], closing_note = _closing(described, kinds, docs, words, idx["mitigated"])
    if idx["mitigated"] is None and out["mitigated"] is None:
        if idx["resolved"] is not None:
            take("mitigated", idx["resolved"], "timeline", "the resolution: no separate mitigation")
        elif out["resolved"] is not None and out["resolved"].source != "timeline":
            r = out["resolved"]
            out["mitigated"] = Milestone("mitigated", r.moment, r.line, r.source, "the resolution: no separate mitigation")
    take("resolved", idx["resolved"], "timeline", closing_note)
    return _in_order(out)


_DETECTION = ("signals", "perceived", "detected")


def _said_after_detection(found: list[tuple[str, str, Token | None]], kind: str) -> bool:
    """An entry that says the detection, then ``kind`` in a clause of its own ("monitoring
    detected the stall; automation restarted the timelords"): both happened in it, in that
    order. What was noticed ("notices statuses that should have been removed") is no act."""
    seen = [t for k, _, t in found if k in _DETECTION and t is not None]
    if not seen:
        return False
    first = min(t.i for t in seen)
    return any(k == kind and t is not None and t.i > first and not any(t in d.subtree for d in seen)
               for k, _, t in found)


def _closing(described: list[TimedEntry], kinds: list[tuple[set[str], set[str]]], docs: list[Doc],
             words: MilestoneWords, mitigated: int) -> tuple[int | None, str | None]:
    """With no event saying the incident is over, the timeline's last event closes it when
    it is the last mitigating act done ("the packages are removed from the index") or the
    release of a fix named since the mitigation ("the fix ... was merged", then "the
    deployment was promoted to production")."""
    last = len(described) - 1
    if last < mitigated or described[last].moment is None:
        return None, None
    if "mitigated" in kinds[last][1]:
        return last, "the last event: the last mitigating act, no later event"
    named = any(t.lemma_.lower() in words.fix for d in docs[mitigated + 1:last + 1] for t in d)
    if "released" in kinds[last][1] and last > mitigated and named:
        return last, "the last event: the fix released"
    return None, None


def _earlier(a: Moment | None, b: Moment) -> bool:
    """Whether ``a`` (listed before ``b``) is also before it in time: a summary list of key
    events above the detailed timeline ("First detected 08:56") is not."""
    if a is None or a.date is None or b.date is None or a.relative != b.relative:
        return True
    return a.absolute < b.absolute


def _subjects(doc: Doc) -> set[str]:
    return {t.lemma_.lower() for t in doc if t.dep_ in ("nsubj", "nsubjpass") and t.pos_ in ("PROPN", "NOUN", "PRON")}


def _acted_before(docs: list[Doc], kinds: list[tuple[set[str], set[str]]], start: int, report: int) -> bool:
    """A report made by someone who already acted on the incident (a change or a
    mitigating act: "the team changed the setting ...", then "the team reported the
    account to the host") is them telling others, not the moment they learned of it."""
    acts = [docs[i] for i in range(start + 1, report) if kinds[i][1] & {"mitigated", "triggers"}]
    return bool(set().union(*map(_subjects, acts)) & _subjects(docs[report])) if acts else False


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
