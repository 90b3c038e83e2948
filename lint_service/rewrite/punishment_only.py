"""(rewrite26) A sentence that only asks for a person's punishment: its rewrite is its
removal, like the bare verdicts of rewrite/verdict_only.py.

"Whoever approved that change should lose their production access", "Frankly, the dev
who approved this deserves a written warning", "The engineer responsible should be held
accountable in their review" say what should happen to someone (rule 14) and nothing of
what happened: there is no act of a system to restate, and the blameless edit is to
delete the demand.

Read from the parse. The sentence is one clause of punishment: a privilege lost ("lose"
with a privilege noun as its object), a punishment deserved ("deserve" with a punishment
noun), or a punishment passive ("be fired", "be held accountable"). It must be a wish or
a demand, a modal or "deserve", not a report ("was fired the next week" is a fact and
stays). Its other words are the person, the privilege, a condition or reason ("until he
is retrained", "since he caused this"), "again", "after this", a plain prepositional
phrase ("in their review") and the verdict fillers; a second clause, a negation, a
question, a number or a date keeps the sentence, and so does a label before a colon
("Action item: ..."): the sentence is a field's value, which its removal would leave
empty. Orders ("Revoke Teodor's access until ...") are left alone for that reason: they
stand in action items, where the label is cut off before the rewrite sees the sentence.
The words are rule data (rules/rewrites.yaml ``punishment_only``; the punishment and
privilege words of rules/blame_terms.yaml).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from .text import phrasing
from .verdict_only import _continues, _filler_tokens

if TYPE_CHECKING:
    from ..checks.blame.recognizers import Detection
    from ..checks.registry import Context

_FACT_ENTITIES = ("DATE", "TIME", "CARDINAL", "QUANTITY", "PERCENT", "MONEY", "ORDINAL")
# what a punishment clause may hold besides the words read below
_CLAUSE_DEPS = ("nsubj", "nsubjpass", "csubj", "csubjpass", "aux", "auxpass", "dobj", "dative", "oprd", "prep", "advmod", "npadvmod",
                "prt", "punct", "advcl", "acomp")


def punishment_only(det: "Detection", sent: Span, ctx: "Context") -> bool:
    """``sent`` only asks that someone be punished: its rewrite is its removal."""
    text = sent.text.strip()
    if not text or text.endswith("?") or _continues(sent) or _label(sent):
        return False  # a question; a clause of the line before; "Action item: ...", a field's value
    words = phrasing()["punishment_only"]
    terms = ctx.cache["blame.lexicon"].terms
    verb = _punishment(sent, words, terms)
    if verb is None:
        return False
    fillers = _filler_tokens(sent, frozenset(phrasing()["verdict_only"]["fillers"]) | frozenset(words["fillers"]))
    for t in sent:
        if t.i in fillers or t.is_punct or t.is_space:
            continue
        if t.ent_type_ in _FACT_ENTITIES or t.like_num or t.dep_ == "neg":
            return False  # "for a month": a fact of its own; "should not lose": no demand to delete
    for c in verb.children:
        if c.dep_ not in _CLAUSE_DEPS:
            return False  # a second clause ("... and we add a check"): a fact or an action of its own
        if c.dep_ == "advcl" and not any(m.dep_ == "mark" and m.lower_ in words["condition_marks"] for m in c.children):
            return False  # "when the deploy failed": a time or an event, not the demand's condition
        if c.dep_ in ("prep", "advmod", "npadvmod") and c.i not in fillers and not _demand_word(c, words):
            return False
    return True


def _label(sent: Span) -> bool:
    """A short label before a colon at the start ("Action item:", "Follow-up:")."""
    toks = [t for t in sent if not t.is_space]
    return any(t.text == ":" and k > 0 for k, t in enumerate(toks[:4]))


def _punishment(sent: Span, words: dict, terms: dict) -> Token | None:
    """The sentence's root when it is a demand of punishment."""
    verb = next((t for t in sent if t.dep_ == "ROOT"), None)
    if verb is None or not any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "csubjpass") for c in verb.children):
        return None
    lemma = verb.lemma_.lower()
    modal = any(a.tag_ == "MD" or a.lemma_.lower() in words["demand_auxiliaries"] for a in verb.children if a.dep_ in ("aux", "auxpass"))
    if lemma in words["losing_verbs"] and modal and any(
            o.dep_ == "dobj" and o.lemma_.lower() in set(terms["privilege_nouns"]) | set(words["privilege_nouns"]) for o in verb.children):
        return verb  # "should lose their production access"
    if lemma in words["deserving_verbs"] and verb.tag_ in ("VBZ", "VBP") and any(
            o.dep_ == "dobj" and o.lemma_.lower() in terms["punishment_nouns"] for o in verb.children):
        return verb  # "deserves a written warning"
    passive = any(a.dep_ == "auxpass" for a in verb.children)
    if passive and modal and (lemma in terms["punishment_verbs"] or lemma in words["holding_verbs"] and any(
            o.dep_ in ("oprd", "acomp") and o.lower_ in words["held_words"] for o in verb.children)):
        return verb  # "should be fired", "should be held accountable"
    return None


def _demand_word(tok: Token, words: dict) -> bool:
    """A modifier that belongs to the demand: "again", "after this", "in their review",
    "to the billing database", a filler adverb."""
    if tok.lower_ in words["demand_adverbs"] or tok.lower_ in phrasing()["verdict_only"]["fillers"]:
        return True
    if tok.dep_ == "prep":
        objs = [o for o in tok.children if o.dep_ == "pobj"]
        return bool(objs) and all(o.pos_ in ("NOUN", "PROPN", "PRON") and not any(
            x.pos_ in ("VERB", "AUX") for x in o.subtree) for o in objs)
    return False
