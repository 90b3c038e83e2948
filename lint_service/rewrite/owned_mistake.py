"""A person who "made a mistake" (or "an error", "dropped a clanger"), said as what the
mistake was:

- with the act it consisted of: "Benedikt made an error by deleting the wrong
  snapshot" -> "The wrong snapshot was mistakenly deleted" (also "a mistake to press
  Enter", "the mistake of pressing Enter" and a second verb of the same person: "made a mistake and deleted ...");
- with what it caused: "An operator made an error and caused the loss of the
  backup" -> "A mistake caused the loss of the backup";
- with where it was made: "I made a mistake in the admin console and the lockfile was
  not updated" -> "A mistake was made in the admin console and the lockfile ...".

That a mistake happened is the writer's fact and stays; who made it goes. "Benedikt
made a mistake." alone says nothing else, and keeps no rewrite.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from .candidate import PERSONAL_WORDS, Candidate
from .clause import is_present, participle_of, verb_phrase_passive
from .people import replace_clause
from .quoted_object import quotes_stay_paired
from .text import phrasing, span_text, trailing_punct, verb_lemma_of

if TYPE_CHECKING:
    from ..checks.blame.recognizers import Detection
    from ..checks.registry import Context


def _act(verb: Token) -> Token | None:
    """The act the mistake consisted of: "by deleting ...", "to press ..."."""
    for x in verb.children:
        if x.dep_ == "prep" and x.lower_ == "by":
            g = next((g for g in x.children if g.dep_ == "pcomp" and g.tag_ == "VBG"), None)
            if g is not None:
                return g
        if x.dep_ in ("advcl", "xcomp") and x.tag_ == "VB" and any(a.dep_ == "aux" and a.lower_ == "to" for a in x.children):
            return x
    return None


def _mistakenly(act: Token, present: bool, skip: frozenset[int] = frozenset()) -> str | None:
    """"deleting the wrong snapshot" -> "the wrong snapshot was mistakenly deleted"."""
    own = [t for t in act.subtree if t.i not in skip and not (t.is_punct and t.i == act.right_edge.i) and not (t.dep_ == "aux" and t.head == act)]
    obj = next((x for x in act.children if x.dep_ in ("dobj", "obj")), None)
    # (rewrite28) a quoted object ("press "Enter"") moves with its marks, and a quote after
    # it stays in place, as long as no quotation straddles the object (quoted_object.py)
    quoted_whole = obj is not None and quotes_stay_paired(act, obj)
    if any(t.lower_ in PERSONAL_WORDS or t.is_quote and not quoted_whole for t in own):
        return None
    said = verb_phrase_passive(act, own, False, set(phrasing()["dropped_adverbs"]), present=present)
    if said is None:
        return None
    be, _, rest = said[1].partition(" ")
    if be not in ("was", "were", "is", "are") or not rest:
        return None  # "went unanswered": no slot for the adverb
    return f"{said[0]} {be} {phrasing()['owned_mistake']['adverb']} {rest}"


def owned_mistake(det: "Detection", sent: Span, ctx: "Context") -> list[Candidate]:
    who = det.target
    if det.construction not in ("blame-noun", "consequence") or who is None or who.dep_ != "nsubj":
        return []
    rules = phrasing()["owned_mistake"]
    verb = who.head
    noun = next((x for x in verb.children if x.dep_ == "dobj" and x in det.evidence), None)
    if verb_lemma_of(verb.text) not in rules["verbs"] or noun is None:
        return []
    # "made the mistake of pressing Enter": the gerund after "of" is the act, as after "by"
    of_act = next((g for p in noun.children if p.dep_ == "prep" and p.lower_ == "of"
                   for g in p.children if g.dep_ == "pcomp" and g.tag_ == "VBG"), None)
    if any(c.dep_ not in ("det", "amod") and (of_act is None or c != of_act.head) for c in noun.children) \
            or any(t.lower_ in PERSONAL_WORDS for t in noun.subtree):
        return []  # "a mistake that cost us a day", "my mistake": other shapes
    if any(x.dep_ == "neg" for x in verb.children):
        return []
    present = is_present(verb)
    first = min(t.i for t in who.subtree)
    base = {t.i for t in who.subtree} | {t.i for t in noun.subtree} | {verb.i} | {
        x.i for x in verb.children if x.dep_ in ("aux", "cc", "punct")}

    def whole(last: int, used: set[int]) -> bool:
        """Every word the rewrite replaces is one it says again or means to drop."""
        return all(i in base | used or sent.doc[i].is_punct for i in range(first, last + 1))

    if (act := of_act or _act(verb)) is not None:
        said = _mistakenly(act, present)
        last = max(t.i for t in act.subtree if not trailing_punct(t))
        used = {t.i for t in act.subtree} | {act.head.i if act.dep_ == "pcomp" else act.i}
        return [Candidate(replace_clause(sent, first, last, said))] if said and whole(last, used) else []
    conj = next((x for x in verb.children if x.dep_ == "conj" and x.pos_ == "VERB"), None)
    if conj is not None and not any(s.dep_ in ("nsubj", "nsubjpass") for s in conj.children):
        if not whole(max(t.i for t in conj.subtree if not trailing_punct(t)), {t.i for t in conj.subtree}):
            return []
        if any(x.dep_ == "conj" for x in conj.children) or any(t.lower_ in PERSONAL_WORDS for t in conj.subtree):
            return []
        last = max(t.i for t in conj.subtree if not trailing_punct(t))
        if verb_lemma_of(conj.text) in phrasing()["causal_verbs"]:
            # "made a mistake and caused the failure" -> "A mistake caused the failure"
            words = list(conj.subtree)
            while words and words[-1].is_punct:  # the sentence's own full stop and quote stay where they are
                words.pop()
            tail = span_text(words)
            return [Candidate(replace_clause(sent, first, last, f"{span_text(list(noun.subtree))} {tail}"))]
        said = _mistakenly(conj, is_present(conj))
        return [Candidate(replace_clause(sent, first, last, said))] if said else []
    where = [x for x in verb.children if x.dep_ == "prep" and x.lower_ in rules["places"] and x.i > noun.i]
    if not where:
        return []
    plural = noun.tag_ in ("NNS", "NNPS")
    be = ("are" if plural else "is") if present else ("were" if plural else "was")
    last = max(t.i for x in where for t in x.subtree if not trailing_punct(t))
    if not whole(last, {t.i for x in where for t in x.subtree}):
        return []
    text = " ".join([span_text(list(noun.subtree)), be, "made", *(span_text(list(x.subtree)) for x in where)])
    return [Candidate(replace_clause(sent, first, last, text))]


def mistake_was(det: "Detection", sent: Span, ctx: "Context") -> list[Candidate]:
    """"My mistake was deleting the old snapshot" -> "The old snapshot was mistakenly
    deleted"; "My mistake was assuming the migration was idempotent" -> "It was
    mistakenly assumed that the migration was idempotent". (The parser reads the
    mistake as the subject of a progressive "was deleting".)"""
    if det.construction not in ("blame-phrase", "possessive"):
        return []
    lex = ctx.cache["blame.lexicon"]
    rules = phrasing()["owned_mistake"]
    noun = next((t for t in det.evidence if t.lemma_.lower() in lex.terms["error_heads"]), None)
    if noun is None or noun.dep_ != "nsubj" or not any(c.dep_ == "poss" for c in noun.children):
        return []
    act = noun.head
    if act.tag_ != "VBG" or not any(a.dep_ == "aux" and a.lemma_ == "be" for a in act.children) or any(a.dep_ == "neg" for a in act.children):
        return []
    be = next(a for a in act.children if a.dep_ == "aux" and a.lemma_ == "be")
    present = be.lower_ in ("is", "are")
    skip = frozenset({t.i for t in noun.subtree} | {be.i})
    comp = next((x for x in act.children if x.dep_ == "ccomp"), None)
    if any(x.dep_ in ("dobj", "obj") for x in act.children):
        said = _mistakenly(act, present, skip)
    elif comp is not None and verb_lemma_of(act.text) in rules["belief_verbs"]:
        body = [t for t in comp.subtree if not (t.is_punct and t.i == comp.right_edge.i) and not (t.dep_ == "mark" and t.head == comp)]
        if any(t.lower_ in PERSONAL_WORDS for t in body) or any(x.i > comp.right_edge.i and not x.is_punct for x in act.children):
            return []
        said = f"it {'is' if present else 'was'} {rules['adverb']} {participle_of(act)} that {span_text(body)}"
    else:
        return []
    if said is None:
        return []
    first = min(t.i for t in noun.subtree)
    last = max(t.i for t in act.subtree if not trailing_punct(t))
    return [Candidate(replace_clause(sent, first, last, said))]


def mistake_to(det: "Detection", sent: Span, ctx: "Context") -> list[Candidate]:
    """(rewrite31) "It was Maria's mistake to run the migration during business hours" ->
    "The migration was mistakenly run during business hours": the act the mistake was, as
    "made a mistake to press Enter" is said. Only an expletive "it" before "be", the owned
    mistake noun after it, and the "to" act hung on either."""
    lex = ctx.cache["blame.lexicon"]
    noun = next((t for t in det.evidence if t.lemma_.lower() in lex.terms["error_heads"]), None)
    if noun is None or noun.dep_ != "attr" or noun.head.lemma_ != "be" or not any(c.dep_ == "poss" for c in noun.children):
        return []
    be = noun.head
    if not any(c.dep_ == "nsubj" and c.lower_ == "it" for c in be.children) or any(c.dep_ == "neg" for c in be.children):
        return []
    act = next((x for x in (*be.children, *noun.children) if x.dep_ in ("xcomp", "acl", "advcl") and x.tag_ == "VB"
                and any(a.dep_ == "aux" and a.lower_ == "to" for a in x.children)), None)
    if act is None or not any(x.dep_ in ("dobj", "obj") for x in act.children):
        return []
    said = _mistakenly(act, be.lower_ in ("is", "'s"))
    if said is None:
        return []
    first = min(t.i for t in be.subtree)
    last = max(t.i for t in be.subtree if not trailing_punct(t))
    return [Candidate(replace_clause(sent, first, last, said))]
