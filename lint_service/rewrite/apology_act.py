"""(rewrite30) An apology whose act is a gerund: "Sorry for wiping the shared cache
yesterday." -> "The shared cache was wiped yesterday."

The apology says whose the act was and nothing of what happened; the gerund after "for"
or "about" is the act. It is said as the apologiser's clause of its own ("I wiped the
shared cache yesterday"), which the next round rewrites without its doer and the verifier
checks against the original, as any restated candidate. Only when nothing else stands
in the sentence: before the apology, discourse words ("Again,", "Right, so,"); the
apology's own words ("my deepest apologies"); after the act, punctuation. An act
negated ("sorry for not renewing it") is a lapse, said by other strategies or not at
all; an act with no object ("sorry for being late") has no thing to become the
subject. "I'm sorry (that) I deleted X" is the same apology with its act as a clause:
the clause, a past act of the writer's own, is restated alone. Words are rule data
(rules/rewrites.yaml ``apology_acts``).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from .candidate import Candidate
from .text import inflect, phrasing

if TYPE_CHECKING:
    from ..checks.blame.recognizers import Detection
    from ..checks.registry import Context

_DISCOURSE = ("INTJ", "ADV", "CCONJ", "PUNCT")


def _is_head(tok: Token, words: dict) -> bool:
    if tok.lower_ in words["heads"]:
        return True
    return tok.lower_ in words.get("owned_heads", ()) and any(c.dep_ == "poss" for c in tok.children)


def _act(sent: Span) -> tuple[Token, Token] | None:
    """(the apology's head, the gerund of its act), or None."""
    words = phrasing()["apology_acts"]
    for head in sent:
        if not _is_head(head, words) or head.dep_ != "ROOT":
            continue
        for prep in head.children:
            if prep.dep_ != "prep" or prep.lower_ not in words["prepositions"]:
                continue
            gerund = next((c for c in prep.children if c.dep_ == "pcomp" and c.tag_ == "VBG"), None)
            if gerund is not None:
                return head, gerund
    return None


def _said_act(sent: Span) -> tuple[Token, Token] | None:
    """(the apology's head, the verb of the clause it apologises for) for "I'm sorry (that)
    I deleted X" and "Really sorry that I wiped X": a past clause of the writer's own."""
    words = phrasing()["apology_acts"]
    root = sent.root
    head = root if root.lower_ in words["heads"] else next(
        (c for c in root.children if c.dep_ == "acomp" and c.lower_ in words["heads"]), None) if root.lemma_ == "be" else None
    if head is None:
        return None
    verb = next((c for c in (*head.children, *root.children) if c.dep_ == "ccomp" and c.tag_ == "VBD"), None)
    if verb is None or not any(c.dep_ == "nsubj" and c.lower_ in ("i", "we") for c in verb.children):
        return None
    if root is not head and not any(c.dep_ == "nsubj" and c.lower_ in ("i", "we") for c in root.children):
        return None  # "She is sorry I deleted it": someone else's apology
    return head, verb


def _clause_restated(sent: Span, head: Token, verb: Token) -> list[Candidate]:
    """The apologised-for clause as a sentence of its own, when nothing else stands."""
    act = {t.i for t in verb.subtree}
    for t in sent:
        if t.i in act or t.is_space or t.is_punct:
            continue
        if t.pos_ in ("AUX", "PRON", "ADV", "INTJ", "SCONJ") or t.i == head.i or t.lemma_ == "be":
            continue  # "I'm (so) sorry (that)"
        return []
    words = [t for t in verb.subtree if not (t.dep_ == "mark" and t.head == verb)]
    text = "".join(t.text_with_ws for t in words).strip().rstrip(",;.!")
    gone = frozenset(t.i for t in sent if t.i not in act or t in [w for w in verb.children if w.dep_ == "mark"])
    return [Candidate(text[0].upper() + text[1:] + ".", restated=True, gone=gone)] if text else []


def _idiom_tokens(gerund: Token) -> set[int]:
    """The tokens of an apology idiom inside the act's phrase ("in the first place")."""
    out: set[int] = set()
    for c in gerund.children:
        words = [t for t in c.subtree]
        if " ".join(t.lower_ for t in words) in phrasing()["apology_acts"]["idioms"]:
            out |= {t.i for t in words}
    return out


def apology_act(det: "Detection", sent: Span, ctx: "Context") -> list[Candidate]:
    found = _act(sent)
    if found is None:
        said = _said_act(sent)
        return _clause_restated(sent, *said) if said is not None else []
    head, gerund = found
    kids = list(gerund.children)
    if any(c.dep_ in ("neg", "nsubj", "aux", "auxpass") for c in kids) or not any(c.dep_ in ("dobj", "obj") for c in kids):
        return []
    act = {t.i for t in gerund.subtree}
    own = {t.i for t in head.subtree} - act
    for t in sent:
        if t.i in act or t.is_space:
            continue
        if t.i < head.i and t.pos_ in _DISCOURSE and t.dep_ != "prep":
            continue  # "Again,", "Right, so,"
        if t.i in own and (t.i <= head.i or t.dep_ == "prep" and t.head == head) and t.pos_ in ("DET", "PRON", "ADJ", "NOUN", "INTJ", "ADP", "PUNCT"):
            continue  # "my deepest apologies for"
        if t.i > gerund.right_edge.i and t.is_punct:
            continue
        return []  # a word of its own: a fact, a reason, another clause
    idioms = _idiom_tokens(gerund)
    parts = [t for t in gerund.subtree if t.i not in idioms]
    past = inflect(gerund.lemma_, "VBD")
    if "-" in past and "-" not in gerund.lemma_:
        past = past.replace("-", "")  # "overwrote", not the inflector's first "over-wrote"
    if past == gerund.lemma_ and not past.endswith("t"):
        return []  # no past form known: the clause would not read as one
    body = "".join((past + gerund.whitespace_) if t.i == gerund.i else t.text_with_ws for t in parts).strip()
    # the apology's "!" was its feeling, not the act's (blind round 21: an apology's
    # exclamation kept in the rewrite read poor)
    return [Candidate(f"I {body.rstrip(',;')}.", restated=True)]
