"""Time that passed before a person acted: "Nine days passed before Abebe replied to
the security report" -> "Nine days passed before the security report was replied to".

The delay is the writer's fact and stays word for word; only the clause that names
who ended it becomes agentless, in its own tense and polarity.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from .candidate import PERSONAL_WORDS, Candidate
from .clause import verb_phrase_passive
from .people import replace_clause
from .prepositional import prepositional_passive
from .text import phrasing, trailing_punct

if TYPE_CHECKING:
    from ..checks.blame.recognizers import Detection
    from ..checks.registry import Context


@dataclass(frozen=True)
class _Act:
    """The slots of the subordinate clause that the prepositional passive reads."""

    verb: Token
    action: Token
    subject: Token
    objects: list[Token] = field(default_factory=list)


def agentless_act(verb: Token, who: Token, skip: set[int]) -> str | None:
    """``verb``'s clause without ``who``: "Abebe replied to the report" -> "the report
    was replied to"; "anyone answered the page" -> "the page was answered"."""
    # (the person's words only: in a noun-rooted parse the verb hangs off them)
    person = {x.i for x in who.subtree} - {x.i for x in verb.subtree}
    own = [t for t in verb.subtree if t.i not in person | skip and not (t.is_punct and t.i == verb.right_edge.i)]
    if not own or any(t.lower_ in PERSONAL_WORDS for t in own):
        return None
    negate = any(x.dep_ == "neg" or x.lower_ == "never" for x in verb.children)
    drop = set(phrasing()["dropped_adverbs"])
    said = verb_phrase_passive(verb, own, negate, drop)
    if said is not None:
        return f"{said[0]} {said[1]}"
    if any(x.dep_ in ("dobj", "obj", "ccomp", "xcomp") for x in verb.children):
        return None
    return prepositional_passive(_Act(verb, verb, who), own, negate, drop, (min(t.i for t in own), max(t.i for t in own)))


def elapsed_before(det: "Detection", sent: Span, ctx: "Context") -> list[Candidate]:
    c = det.clause
    if det.construction != "delay" or c is None or c.lemma == "take" or len(det.evidence) < 2 or det.target is None:
        return []  # "took two hours to ..." has its own wording
    act, who = det.evidence[1], det.target
    mark = next((m for m in act.children if m.dep_ == "mark"), None)
    if who.head != act or mark is None or who.i < mark.i or any(x.dep_ == "neg" for x in act.children):
        return []  # "before she didn't reply": no event ended the wait
    said = agentless_act(act, who, {mark.i})
    if said is None:
        return []
    first = min(t.i for t in who.subtree)
    last = max(t.i for t in act.subtree if not trailing_punct(t))
    return [Candidate(replace_clause(sent, first, last, said))]
