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

from dataclasses import dataclass
from typing import Callable, Sequence

from spacy.tokens import Doc, Token

from .clock import Moment, TimedEntry
from .event_words import MilestoneWords, classify, explain, hits, match_term, milestone_words, negated
from .lasting import already_lasting

__all__ = ["KINDS", "Milestone", "MilestoneWords", "ParseFn", "classify", "explain", "find_milestones", "hits",
           "match_term", "milestone_words", "negated"]

KINDS = ("started", "detected", "mitigated", "resolved")
CLOSED_BY_LAST = "the last event"  # the note of a resolution no event states, only the timeline's end

ParseFn = Callable[[Sequence[str]], list[Doc]]


@dataclass(frozen=True)
class Milestone:
    kind: str
    moment: Moment
    line: int
    source: str  # "field" | "timeline-marker" | "timeline" | "prose"
    note: str | None = None

    def to_dict(self) -> dict:
        d = {"at": self.moment.iso(), "line": self.line, "source": self.source}
        if self.moment.zone:
            d["timezone"] = self.moment.zone
        if self.note:
            d["note"] = self.note
        return d


def find_milestones(timed: list[TimedEntry], fields: dict[str, Milestone], parse: ParseFn,
                    unknown: list[str] | None = None) -> dict[str, Milestone | None]:
    """The four milestones from fields, then markers, then the events' words. Why the start
    is unknown (a first impact entry without a readable time, or one saying the impact had
    already lasted a while) is added to ``unknown``."""
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
            repaired = described[i].note  # type: ignore[index]
            note = "; ".join(n for n in (note, repaired) if n) or None
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
        first = min(found) if found else None
        if first is not None and "detected" in kinds[first][1] and not kinds[first][1] & {"signals", "perceived"}:
            first = _reports_noticed(docs, found_in, first, words) or first
        idx["detected"] = take("detected", first, "timeline")
        if idx["detected"] is None and idx["started"] is not None and "accidental" in kinds[idx["started"]][1]:
            idx["detected"] = take("detected", idx["started"], "timeline",
                                   "an act done by mistake: whoever did it knew of it at once")
        if _report_is_start(idx, out, kinds):
            # The responders learned of the impact from a report naming it ("a user wrote that
            # logins fail"): the impact began before, when is not stated.
            out["started"] = None
            if unknown is not None:
                unknown.append(f"the first entry naming the impact (line {out['detected'].line}) is its report")  # type: ignore[union-attr]
    anchor = idx["detected"] if idx["detected"] is not None else idx["started"]
    named = find("started", 0)
    impact_known = out["started"] is not None or idx["started"] is not None
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
        while act is not None:
            # an act after which "the issue persisted" did not mitigate it
            goes_on = find("persisted", act + 1)
            if goes_on is None or (idx["resolved"] is not None and idx["resolved"] < goes_on):
                break
            act = find("mitigated", goes_on + 1)
        # "the site begins to recover" is a first recovery too (after an act that did not work).
        candidates = [i for i in (act, find("resolved", after), find("recovering", after)) if i is not None]
        mit = min(candidates) if candidates else None
        impact_known = impact_known or (named is not None and (idx["resolved"] is None or named < idx["resolved"]))
        if mit is not None and mit == idx["resolved"] and "mitigated" not in kinds[mit][1] and not impact_known:
            mit = None  # no impact named: the end of the work, nothing it mitigated (see below)
        if mit is not None and (idx["resolved"] is None or mit <= idx["resolved"]):
            note = None if "mitigated" in kinds[mit][1] else ("the resolution: no separate mitigation"
                                                                if mit == idx["resolved"] else "the first recovery")
            idx["mitigated"] = take("mitigated", mit, "timeline", note)
    if idx["resolved"] is None and out["resolved"] is None and idx["mitigated"] is not None:
        idx["resolved"], closing_note = _closing(described, kinds, docs, words, idx["mitigated"])
    impact_known = impact_known or (named is not None and (idx["resolved"] is None or named < idx["resolved"]))
    if idx["mitigated"] is None and out["mitigated"] is None and impact_known:
        # The act that ended the impact also mitigated it; with no impact start known (a
        # false alarm, an exposure checked and patched) the end mitigated nothing known.
        if idx["resolved"] is not None:
            take("mitigated", idx["resolved"], "timeline", "the resolution: no separate mitigation")
        elif out["resolved"] is not None and out["resolved"].source != "timeline":
            r = out["resolved"]
            out["mitigated"] = Milestone("mitigated", r.moment, r.line, r.source, "the resolution: no separate mitigation")
    take("resolved", idx["resolved"], "timeline", closing_note)
    return _in_order(out)


_DETECTION = ("signals", "perceived", "detected")


def _report_is_start(idx: dict[str, int | None], out: dict[str, Milestone | None],
                     kinds: list[tuple[set[str], set[str]]]) -> bool:
    """The inferred start and detection are one entry, and that entry is a report (no alarm
    fired; whoever noticed it reported it, "a customer spotted the fault and told us"): it
    dates the learning, not the impact."""
    i = idx["started"]
    start, seen = out["started"], out["detected"]
    return (i is not None and i == idx["detected"] and start is not None and seen is not None
            and start.source == seen.source == "timeline" and "detected" in kinds[i][1] and "signals" not in kinds[i][1])


def _reports_noticed(docs: list[Doc], found_in: list[list[tuple[str, str, Token | None]]], report: int,
                     words: MilestoneWords) -> int | None:
    """The entry after ``report`` where someone notices the reports ("wakes up and notices the
    Slack reports"): until then nobody responding had seen them, so that is the detection."""
    for i in range(report + 1, len(docs)):
        if any(k in ("mitigated", "resolved") for k, _, t in found_in[i] if t is not None):
            return None  # someone acted already: the reports had been received
        for k, _, t in found_in[i]:
            # what is noticed: its object, or the next few words when the parser took
            # "reports" for a verb ("notices the Slack reports")
            seen = [c for c in t.subtree if c.dep_ in ("dobj", "pobj")] + list(docs[i][t.i + 1:t.i + 5]) \
                if k == "perceived" and t is not None else []
            if any(c.lemma_.lower() in words.report_nouns or c.lower_.rstrip("s") in words.report_nouns for c in seen):
                return i
    return None


def _said_after_detection(found: list[tuple[str, str, Token | None]], kind: str) -> bool:
    """An entry that says the detection, then ``kind`` in a clause of its own ("monitoring
    detected the stall; automation restarted the timelords"): both happened in it, in that
    order. What was noticed ("notices statuses that should have been removed") is no act."""
    seen = [t for k, _, t in found if k in _DETECTION and t is not None]
    if not seen:
        return False
    first = min(t.i for t in seen)
    return any(k == kind and t is not None and t.i > first and not any(_inside(t, d) for d in seen)
               for k, _, t in found)


def _inside(tok: Token, seen: Token) -> bool:
    """``tok`` is part of what ``seen`` noticed, not an act beside it: a verb conjoined to the
    noticing ("identified the packages, deleted them") is a step of its own."""
    if tok not in seen.subtree:
        return False
    t = tok
    while t.dep_ == "conj" and t.head is not t:
        t = t.head
        if t == seen:
            return False
    return True


def _closing(described: list[TimedEntry], kinds: list[tuple[set[str], set[str]]], docs: list[Doc],
             words: MilestoneWords, mitigated: int) -> tuple[int | None, str | None]:
    """With no event saying the incident is over, the timeline's last event closes it when
    it is the last mitigating act done ("the bad builds are pulled from the mirror") or the
    release of a fix named since the mitigation ("the fix ... was merged", then "the
    deployment was promoted to production")."""
    last = len(described) - 1
    if last < mitigated or described[last].moment is None:
        return None, None
    if "mitigated" in kinds[last][1]:
        return last, f"{CLOSED_BY_LAST}: the last mitigating act, no later event"
    named = any(t.lemma_.lower() in words.fix for d in docs[mitigated + 1:last + 1] for t in d)
    if "released" in kinds[last][1] and last > mitigated and named:
        return last, f"{CLOSED_BY_LAST}: the fix released"
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
