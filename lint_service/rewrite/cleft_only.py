"""(rewrite26) A cleft that only says who did an act: its rewrite is its removal.

"It was Lior who typed the command", "I was the one who deleted the bucket" put the act
in the background (the reader knows the command was typed) and bring forward the one
who did it: who did it is all the sentence says. Restated without the person ("The
command was typed") it says nothing, so rewrite/restate.py offers no restatement; like a
bare verdict (rewrite/verdict_only.py) the blameless edit is to delete it.

Read from the parse: the root is "be" with "it" as its subject and the person as its
complement ("It was Lior who ..."), or the person as its subject and a placeholder as
its complement ("I was the one who ..."); the relative clause holds only its verb, its
object and particles. Anything more (a time, a place, a manner, a second clause, a
negation, a number, a hedge) is a fact or a reservation and keeps the sentence, which
the restatement of rewrite/restate.py then rewrites.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from .candidate import WHO
from .text import phrasing
from .verdict_only import _continues

if TYPE_CHECKING:
    from ..checks.blame.recognizers import Detection
    from ..checks.registry import Context

_FACT_ENTITIES = ("DATE", "TIME", "CARDINAL", "QUANTITY", "PERCENT", "MONEY", "ORDINAL")
# what the act's clause may hold: its verb, object, particle, auxiliaries
_ACT_DEPS = ("dobj", "obj", "prt", "aux", "auxpass", "punct")


def cleft_only(det: "Detection", sent: Span, ctx: "Context") -> bool:
    """``sent`` is a cleft that only says who did a plain act."""
    text = sent.text.strip()
    if not text or text.endswith("?") or _continues(sent):
        return False
    root = sent.root
    if root.lemma_ != "be" or any(c.dep_ in ("neg", "aux") for c in root.children):
        return False  # "It wasn't Lior who ...", "It might have been Lior who ...": a denial or a guess
    subj = next((c for c in root.children if c.dep_ == "nsubj"), None)
    attr = next((c for c in root.children if c.dep_ == "attr"), None)
    if subj is None or attr is None:
        return False
    act = _act(root, attr)
    if act is None:
        return False
    if subj.lower_ == "it":
        person = attr  # "It was Lior who typed the command"
    elif attr.lemma_.lower() in phrasing()["person_placeholders"] and subj.pos_ in ("PRON", "PROPN", "NOUN"):
        person = subj  # "I was the one who deleted the bucket"
    else:
        return False
    acted = {t.i for t in act.subtree}
    if person.pos_ not in ("PROPN", "NOUN", "PRON") or any(
            t.pos_ in ("VERB", "AUX", "NUM") for t in person.subtree if t is not person and t.i not in acted):
        return False  # "the intern who was on call": more than the person
    if any(t.dep_ not in _ACT_DEPS for t in act.children if t.dep_ != "nsubj"):
        return False  # "... typed the command at 14:02", "... without a review": a fact of its own
    obj = [t for c in act.children if c.dep_ in ("dobj", "obj") for t in c.subtree]
    if any(t.pos_ in ("VERB", "AUX", "PRON") or t.ent_type_ in _FACT_ENTITIES or t.like_num for t in obj):
        return False  # "the table that held the invoices", "3 tables", "it": more than a thing named
    # every token is the cleft's: its "be", subject, complement, the act and its object
    said = {root.i} | {t.i for t in subj.subtree} | {t.i for t in attr.subtree} | {t.i for t in act.subtree}
    return all(t.i in said or t.is_punct or t.is_space for t in sent)


def _act(root: Token, attr: Token) -> Token | None:
    """The relative clause of the cleft ("who typed the command"), under "be" or its complement."""
    for v in (*root.children, *attr.children):
        if v.dep_ in ("ccomp", "relcl") and v.pos_ == "VERB" and any(
                c.dep_ == "nsubj" and c.lower_ in WHO for c in v.children):
            return v
    return None
