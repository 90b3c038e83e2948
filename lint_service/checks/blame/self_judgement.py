"""Judgements of one's own act told without a judgement of the person as its subject
(rule 9, and rule 17 or rule 7 when said of others):

- care said to be missing: "I wasn't careful enough", "the reviewer wasn't thorough";
- the act itself judged: "Dumb mistake.", "Total noob move.", "It was a really dumb thing
  to do", "the dumbest thing I've ever done", "that was a rookie mistake";
- the writer called names in the chat idiom "stupid me", "silly me".

A thing judged ("the dumb thing about this API", "dumb retry logic"), a denial ("it was
not a dumb mistake"), the team "we" (rule 9) and care asked for in future ("we need to be
more careful") stay out.
"""
from __future__ import annotations

from spacy.tokens import Token

from .agents import BLAMEABLE, classify
from .fragments import writer_kind
from .lexicon import Lexicon
from .recognizers import Detection, SentenceView, _negated_sentence

_DEMONSTRATIVES = ("it", "that", "this")
_SELF = ("me", "myself")


def _careless(view: SentenceView) -> Detection | None:
    """"I wasn't careful enough": a past copula denied of a care adjective, with a person subject."""
    care = view.lex.terms["care_adjectives"]
    for c in view.clauses:
        if c.lemma != "be" or not c.negated or c.modal or c.conditional or writer_kind(c, view.sent, view.lex) not in BLAMEABLE:
            continue
        if c.verb.tag_ != "VBD" or c.verb.i in view.quoted:
            continue
        adj = next((a for a in c.verb.children if a.dep_ == "acomp" and a.lower_ in care), None)
        if adj is not None:
            who = c.subject.text if c.subject is not None else "I"
            return Detection("blame.judgement", "judgement",
                             f'"{who} {c.verb.text} not {adj.text}" judges a person\'s care rather than the step; '
                             "say which check would have caught the problem instead.",
                             None, [c.verb, adj], c.subject)
    return None


def _judging_modifier(noun: Token, lex: Lexicon) -> Token | None:
    terms = lex.terms
    # (before the noun, or after "something": "something really stupid")
    return next((m for m in noun.children if m.dep_ in ("amod", "compound") and (m.i < noun.i or noun.lower_ == "something") and (
        m.lower_ in terms["judgement_adjectives"] or m.lower_ in terms["novice_modifiers"]
        or m.lemma_.lower() in terms["judgement_adjectives"])), None)


def _done(noun: Token, lex: Lexicon) -> bool:
    """"a dumb thing to do", "the dumbest thing I've ever done": the deed said to be done
    (an infinitive on it, or a relative clause with a person doing it), or done by a
    person ("I did something really stupid")."""
    if noun.dep_ == "dobj" and noun.head.lemma_ == "do" and any(
            s.dep_ == "nsubj" and classify(s, lex) in BLAMEABLE for s in noun.head.children):
        return True
    for r in noun.children:
        if r.dep_ not in ("relcl", "acl") or r.pos_ not in ("VERB", "AUX"):
            continue
        if any(a.lower_ == "to" and a.dep_ == "aux" for a in r.children):
            return True
        if any(s.dep_ == "nsubj" and classify(s, lex) in BLAMEABLE for s in r.children):
            return True
    return False


def _judged_act(view: SentenceView) -> Detection | None:
    """"Dumb mistake.", "It was a really dumb thing to do", "that was a rookie mistake"."""
    terms = view.lex.terms
    heads = terms["choice_nouns"] | terms["defect_nouns"] | terms["error_heads"]
    for noun in view.sent:
        lemma = noun.lemma_.lower()
        deed = lemma in terms["deed_nouns"]
        if (lemma not in heads and not deed) or noun.i in view.quoted or (noun.pos_ not in ("NOUN", "PROPN") and not deed):
            continue
        mod = _judging_modifier(noun, view.lex)
        if mod is None or _negated_sentence(noun) or (deed and not _done(noun, view.lex)):
            continue
        fragment = noun.dep_ == "ROOT"
        # "It was / that was / pushing on a Friday was a dumb move": the act is the subject
        said_of_act = noun.dep_ == "attr" and any(
            (s.dep_ == "nsubj" and s.lower_ in _DEMONSTRATIVES) or s.dep_ == "csubj" for s in noun.head.children)
        if fragment or said_of_act or deed:
            return Detection("blame.judgement", "judgement",
                             f'"{mod.text} {noun.text}" judges the person who did it rather than the step; '
                             "describe what made the step look reasonable instead.",
                             None, [mod, noun])
    return None


def _called_names(view: SentenceView) -> Detection | None:
    """"Stupid me.", "silly me, I ran it twice": a judgement adjective right before "me"
    opening the sentence."""
    words = [t for t in view.sent if not t.is_punct and not t.is_space]
    if len(words) >= 2 and words[1].lower_ in _SELF and words[0].lower_ in view.lex.terms["judgement_adjectives"]:
        return Detection("blame.judgement", "judgement",
                         f'"{words[0].text} {words[1].text}" judges yourself rather than the step; describe what made the step easy to get wrong instead.',
                         None, words[:2])
    return None


def _like_a_fool(view: SentenceView) -> Detection | None:
    """"i was testing on prod like an idiot", "he drove the rollout like a cowboy": the
    act done "like" a figure of scorn, by a person subject (a likeness of feeling, "felt
    like an idiot", is judgements._felt_like)."""
    terms = view.lex.terms
    for c in view.clauses:
        if c.subject_kind not in BLAMEABLE or c.modal or c.conditional or c.negated or c.verb.i in view.quoted:
            continue
        for p in c.verb.children:
            fool = next((o for o in p.children if o.dep_ == "pobj"), None) if p.dep_ == "prep" and p.lower_ == "like" else None
            if fool is not None and (fool.lower_ in terms["sarcastic_nouns"] or fool.lemma_.lower() in terms["sarcastic_nouns"]):
                return Detection("blame.judgement", "judgement",
                                 f'"{c.verb.text} ... like {fool.text}" judges the person who acted; describe what made the step look safe instead.',
                                 None, [c.verb, p, fool], c.subject)
    return None


def self_judged(view: SentenceView) -> Detection | None:
    return _careless(view) or _judged_act(view) or _called_names(view) or _like_a_fool(view)
