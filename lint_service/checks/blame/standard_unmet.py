"""An act done, but not the way it should have been: "the fitter did not seat the cable
properly", "she didn't wire the panel as the drawing specified", "he did not install
the bracket per the vendor's instructions", "the shift lead did not do what she had
been asked to".

Negated, a verb alone is no fault: "Maria did not restart the node" may be a step
rightly left alone, and "did not forget" is a denial (rule 16). A word of how the act
should have been done (``standard_adverbs``), or the instruction it should have
followed (a ``per``/``according to`` phrase, an ``as ... specified`` clause, "what she
had been told to"), says the act happened and fell short: the person is told as the
cause (rule 1). A time limit ("did not fully recover the cluster until 14:00", "not
yet") makes it a timeline status instead, and verbs of the body, mind or speech ("did
not sleep properly", "did not understand it correctly") are conditions, not acts.
"""
from __future__ import annotations

from spacy.tokens import Token

from .clauses import Clause
from .lexicon import Lexicon, verb_lemma

# verb classes of rules/verbs.yaml whose verbs are not work done on something
_NOT_WORK = ("speech", "reporting", "belief", "meta", "judging", "attendance", "departure", "admission", "offer", "exchange")
_LIMITS = {"until", "till", "before", "yet", "still"}


def _standard_phrase(x: Token, lex: Lexicon) -> bool:
    """"per the vendor's instructions", "according to the runbook", "in line with the
    drawing": a preposition whose object is an instruction or standard."""
    nouns = lex.framing["instruction_nouns"] | lex.framing["standard_nouns"]
    if x.dep_ != "prep":
        return False
    heads = [x] + [c for c in x.children if c.dep_ == "prep" and c.lower_ in ("to", "with")]
    if x.lower_ not in ("per", "according", "in"):
        return False
    return any(o.dep_ == "pobj" and (o.lemma_.lower() in nouns or o.lower_ in nouns) for h in heads for o in h.children)


def _as_required(x: Token, lex: Lexicon) -> bool:
    """"as specified", "as the drawing showed", "as he had been trained to"."""
    if x.dep_ not in ("advcl", "prep", "advmod") or x.lower_ == "as" and not list(x.children):
        return False
    if x.dep_ == "prep" and x.lower_ == "as":  # "as/prep specified/pobj" (the tagger's reading of a bare participle)
        return any(verb_lemma(o) in lex.framing["standard_verbs"] for o in x.children)
    marked = any(m.lower_ == "as" and m.dep_ in ("mark", "advmod") for m in x.children)
    return marked and verb_lemma(x) in lex.framing["standard_verbs"] | set(lex.framing["instruction_verbs"])


def _what_was_due(a: Token, lex: Lexicon) -> bool:
    """"did not do what she was told to": the object is the duty itself (also with
"supposed", "meant", "required", "expected", "asked")."""
    for o in a.children:
        if o.dep_ in ("dobj", "ccomp") and any(verb_lemma(t) in lex.terms["obligation_verbs"] | {"require", "expect", "ask", "tell"} and t.tag_ == "VBN"
                                              for t in o.subtree) and any(t.lower_ == "what" for t in o.subtree):
            return True
    return False


def short_of_standard(c: Clause, lex: Lexicon) -> tuple[str, list[Token]] | None:
    """The manner or instruction that a negated act of a person fell short of, if any."""
    if not c.negated or c.modal or c.conditional or c.passive:
        return None
    a = c.action
    lemma = verb_lemma(a)
    if lemma in ("be", "have", "get") or lemma in lex.framing["standard_exempt_verbs"] or any(lex.verbs[k].match(a) for k in _NOT_WORK):
        return None
    if any(x.lower_ in _LIMITS for x in a.subtree):
        return None  # "did not fully recover the cluster until 14:00": when, not how
    for x in a.children:
        if x.dep_ == "advmod" and x.lower_ in lex.framing["standard_adverbs"]:
            return "omission", [a, x]
        if _standard_phrase(x, lex) or _as_required(x, lex):
            return "omission", [a, x]
    # the parser often hangs the standard on the object ("installed the bracket/dobj per/prep ...")
    for x in (p for o in c.objects for p in o.children):
        if _standard_phrase(x, lex):
            return "omission", [a, x]
    if lemma == "do" and _what_was_due(a, lex):
        return "omission", [a]
    return None
