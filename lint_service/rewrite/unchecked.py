"""A check or a thought a person did not get to, with a clause as what it was about:
"forgot to check if the endpoint was affected" -> "There was no check of whether the
endpoint was affected" (rewrite27: ``no_check``; "It was not checked whether" read stiff);
"forgot to think about the chance that the change broke
the endpoint" -> "It was overlooked that the change broke the endpoint".

The clause is the writer's, word for word; only who did not check or think goes.
The wording is the one the omission "didn't check whether ..." already gets.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from .candidate import PERSONAL_WORDS, Candidate
from .clause import is_present, participle_of
from .people import replace_clause
from .text import phrasing, span_text, trailing_punct, verb_lemma_of

if TYPE_CHECKING:
    from ..checks.blame.recognizers import Detection
    from ..checks.registry import Context


def _mark(comp: Token) -> str | None:
    return next((m.lower_ for m in comp.children if m.dep_ == "mark"), None)


def _about(act: Token, rules: dict) -> tuple[Token, str] | None:
    """(the clause, how to say it) for what ``act`` was about."""
    for x in act.children:
        if x.dep_ in ("ccomp", "advcl") and _mark(x) in ("if", "whether"):  # the parser reads "if" as a condition too
            return x, f"not {participle_of(act)} whether"
        if x.dep_ == "ccomp" and _mark(x) == "that" and verb_lemma_of(act.text) in rules["thinking_verbs"]:
            return x, "overlooked that"
        if x.dep_ == "prep" and x.lower_ in ("about", "of") and verb_lemma_of(act.text) in rules["thinking_verbs"]:
            fact = next((g for g in x.children if g.dep_ == "pobj" and g.lemma_.lower() in rules["fact_nouns"]), None)
            comp = next((g for g in fact.children if g.dep_ in ("acl", "ccomp") and _mark(g) == "that"), None) if fact is not None else None
            if comp is not None and not any(g.dep_ not in ("det", "acl", "ccomp") for g in fact.children):
                return comp, "overlooked that"
    return None


def unchecked_clause(det: "Detection", sent: Span, ctx: "Context") -> list[Candidate]:
    c = det.clause
    rules = phrasing()["unchecked"]
    if c is None or c.subject is None or c.action is c.verb or c.modal or c.conditional or c.objects:
        return []
    if verb_lemma_of(c.verb.text) not in rules["not_done_verbs"] or c.action.dep_ != "xcomp" or c.action.head != c.verb:
        return []
    inverted = [a for a in c.verb.children if a.dep_ in ("aux", "neg") and a.i < c.subject.i]
    # "Why did the on-call forget to check if ...?" -> "Why was it not checked whether ...?":
    # a question keeps its order, the auxiliary taking the tense of the "did"
    wh = sent.doc[sent.start] if sent.doc[sent.start].tag_ in ("WRB", "WP") and sent.doc[sent.start].head == c.verb else None
    question = wh is not None and len(inverted) == 1 and inverted[0].lemma_ == "do" and inverted[0].i == wh.i + 1
    if c.subject.head != c.verb or c.subject.i > c.verb.i or (inverted and not question):
        return []
    found = _about(c.action, rules)
    if found is None:
        return []
    comp, pred = found
    body = [t for t in comp.subtree if _mark(comp) is None or not (t.dep_ == "mark" and t.head == comp)]
    body = [t for t in body if not (t.is_punct and t.i == comp.right_edge.i)]
    if any(t.lower_ in PERSONAL_WORDS for t in body):
        return []
    if question:
        be = "is" if inverted[0].lower_ in ("do", "does") else "was"
        last = max(t.i for t in comp.subtree if not trailing_punct(t))
        return [Candidate(replace_clause(sent, wh.i, last, f"{wh.text} {be} it {pred} {span_text(body)}"))]
    be = "is" if is_present(c.verb) else "was"
    first = min(t.i for t in c.subject.subtree)
    last = max(t.i for t in comp.subtree if not trailing_punct(t))
    if pred.endswith(" whether") and (said := no_check(verb_lemma_of(c.action.text), False, f"whether {span_text(body)}", be)):
        return [Candidate(replace_clause(sent, first, last, said))]
    return [Candidate(replace_clause(sent, first, last, f"it {be} {pred} {span_text(body)}"))]


def no_check(lemma: str, never: bool, body: str, be: str = "was") -> str | None:
    """(rewrite27) "It was not checked whether the backups could be restored" read stiff
    to every blind grader (six rows acceptable, none good): a check the rules give a
    noun for (``unchecked.check_nouns``) is said as the check that did not happen, "there
    was no check of whether the backups could be restored". ``body`` is the clause as
    written, its "that", "whether", "if" or question word first; None for other verbs."""
    noun = phrasing()["unchecked"]["check_nouns"].get(lemma)
    first, _, rest = body.partition(" ")
    if noun is None or not rest:
        return None
    lead = f"there {be} never a {noun}" if never else f"there {be} no {noun}"
    low = first.lower()
    if low == "that":
        return f"{lead} {body}"
    if low in ("whether", "if"):
        return f"{lead} of whether {rest}"
    if low in ("which", "what", "how", "who", "when", "where"):
        return f"{lead} of {body}"
    return None
