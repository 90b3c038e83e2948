"""A verdict whose person has a "who" clause: the clause is the fact, said without them.

"The blame lies with Arjun, who approved a change he had not read" -> "A change was
approved without being read". The verdict ("the blame lies with") is all the main
clause says and goes; the act in the "who" clause stays, agentless and in its own
tense, and what the person had not done to its object ("he had not read") becomes
"without being read". A main clause that says more than the verdict ("The genius who
wrote this loop has never heard of backoff") is not a verdict to drop, and an object
clause with anything else of the person's keeps no rewrite. "The outage was the fault of
Arjun, who approved a change he had not read" keeps the thing judged as what the act led
to: "A change was approved without being read, which led to the outage" (rewrite15),
and so does "The engineer who merged the change is responsible for the outage" (the
verdict said of the person as the subject, rewrite22).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from .candidate import PERSONAL_WORDS, WHO, Candidate, finish
from .text import participle_of, phrasing, span_text, trailing_punct

if TYPE_CHECKING:
    from ..checks.blame.recognizers import Detection
    from ..checks.registry import Context


def _verdict_only(sent: Span, person: Token) -> bool:
    """The main clause is "<responsibility word> <verb> <prep> <person>" and no more."""
    root = sent.root
    subj = next((c for c in root.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.lemma_.lower() not in phrasing()["responsibility_words"]:
        return False
    prep = person.head
    if person.dep_ != "pobj" or prep.dep_ != "prep" or prep.head != root:
        return False
    said = {t.i for t in subj.subtree} | {root.i, prep.i} | {t.i for t in person.subtree}
    return all(t.i in said or t.is_punct for t in sent)


def _fault_of(sent: Span, person: Token) -> Token | None:
    """"The outage was the fault of <person>": the thing the verdict is about (the
    copula's subject, a thing with no person in it), when the main clause is that and no
    more (rewrite15). It stays, as what the act led to."""
    root = sent.root
    subj = next((c for c in root.children if c.dep_ == "nsubj"), None)
    noun = next((c for c in root.children if c.dep_ == "attr"), None)
    prep = person.head
    if root.lemma_ != "be" or subj is None or noun is None or subj.pos_ != "NOUN" \
            or noun.lemma_.lower() not in phrasing()["responsibility_words"] or person.dep_ != "pobj" \
            or prep.lower_ != "of" or prep.head != noun or any(c.dep_ == "neg" for c in root.children):
        return None
    if any(t.lower_ in PERSONAL_WORDS or t.pos_ in ("PROPN", "PRON") for t in subj.subtree):
        return None
    said = {t.i for t in subj.subtree} | {root.i, prep.i} | {t.i for t in noun.subtree if t.i <= prep.i} | {t.i for t in person.subtree}
    return subj if all(t.i in said or t.is_punct for t in sent) else None


def _responsible_for(sent: Span, person: Token) -> Token | None:
    """"<person>, who ..., is responsible for / was to blame for <thing>": the verdict
    is said of the person as the subject, and the thing it is about stays as what the act
    led to, as in ``_fault_of``. The main clause must be that and no more."""
    root = sent.root
    if root.lemma_ != "be" or person.dep_ != "nsubj" or person.head != root or any(c.dep_ == "neg" for c in root.children):
        return None
    words = phrasing()["responsibility_words"]
    pred = next((c for c in root.children if (c.dep_ == "acomp" and c.lemma_.lower() in words)
                 or (c.dep_ == "xcomp" and c.lemma_.lower() == "blame" and any(a.lower_ == "to" for a in c.children))), None)
    prep = next((c for c in pred.children if c.dep_ == "prep" and c.lower_ == "for"), None) if pred is not None else None
    thing = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
    if thing is None or thing.pos_ != "NOUN" or any(t.lower_ in PERSONAL_WORDS or t.pos_ in ("PROPN", "PRON") for t in thing.subtree):
        return None
    said = {t.i for t in person.subtree} | {root.i, prep.i} | {t.i for t in pred.subtree if t.i <= prep.i} | {t.i for t in thing.subtree}
    return thing if all(t.i in said or t.is_punct for t in sent) else None


def _not_done_to(obj: Token) -> tuple[Token, str] | None:
    """"a change he had not read" -> (read, "without being read"); None when the object
    has no such clause, and a clause of another shape refuses the rewrite (raises)."""
    inner = next((c for c in obj.children if c.dep_ == "relcl"), None)
    if inner is None:
        return None
    kids = list(inner.children)
    subj = next((c for c in kids if c.dep_ == "nsubj"), None)
    negated = any(c.dep_ == "neg" for c in kids)
    if subj is None or subj.lower_ not in PERSONAL_WORDS or not negated or any(
            c.dep_ not in ("nsubj", "aux", "neg") for c in kids):
        raise ValueError("an object clause of another shape")
    return inner, f"without being {participle_of(inner)}"


def verdict_who(det: "Detection", sent: Span, ctx: "Context") -> list[Candidate]:
    person = det.target
    if det.construction != "blame-noun" or person is None:
        return []
    act = next((c for c in person.children if c.dep_ == "relcl" and any(
        s.dep_ == "nsubj" and s.lower_ in WHO for s in c.children)), None)
    outcome = (_fault_of(sent, person) or _responsible_for(sent, person)) if act is not None else None
    if act is None or not (outcome is not None or _verdict_only(sent, person)):
        return []
    obj = next((c for c in act.children if c.dep_ in ("dobj", "obj")), None)
    if obj is None or obj.pos_ == "PRON" or any(c.dep_ in ("aux", "neg") and c.lower_ in ("not", "never", "n't") for c in act.children):
        return []
    try:
        missed = _not_done_to(obj)
    except ValueError:
        return []
    inner = {t.i for t in missed[0].subtree} if missed else set()
    words = [t for t in obj.subtree if t.i not in inner]
    rest = [t for c in act.children if c.i > obj.i and c.dep_ == "prep" for t in c.subtree]
    if any(c.dep_ not in ("nsubj", "dobj", "obj", "prep", "punct") for c in act.children) \
            or any(t.lower_ in PERSONAL_WORDS or t.is_quote for t in words + rest):
        return []
    if not missed and not rest and outcome is None:
        return []  # "..., who merged the migration": "The migration was merged" says nothing the verdict did not
    be = "were" if obj.tag_ in ("NNS", "NNPS") else "was"
    parts = [span_text(words), be, participle_of(act), span_text([t for t in rest if not trailing_punct(t)]), missed[1] if missed else ""]
    text = " ".join(p for p in parts if p)
    if outcome is not None:  # what the verdict was about is what the act led to
        thing = span_text(list(outcome.subtree))
        text += ", which led to " + (thing[:1].lower() + thing[1:] if outcome.left_edge.dep_ == "det" else thing)
    return [Candidate(finish(text))]
