"""The writer's own words around an act a candidate already says without them.

A confession in a forum post or an issue comment often wraps the act in the writer's
frame: how they found out ("I've just noticed that the changelog was not updated") or
what they ask for help with (", how do I get it back?"). Once the act is agentless the
frame's "I" is left pointing at nobody, and the verifier refuses the candidate. Two
frames go, read off the candidate's parse:

- a verb of finding out (rules/rewrites.yaml ``self_verdict.realising_verbs``) whose
  subject is the writer and whose only content is the clause it found out: the verb
  presupposes that clause is true, so the clause alone says the same fact (a belief,
  "I think that ...", is not one: without it a guess would read as a fact);
- a question of theirs after the act's clause, set off by a comma or a dash: the
  rewrite stops before it, as the issue's guidance allows; a question with no writer in
  it ("is there a way to undo it?") is left as written.
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from .candidate import SEPARATORS, finish
from .text import phrasing, verb_lemma_of

_SUBJECTS = ("nsubj", "nsubjpass")
# a realising verb's own words that say nothing of their own ("I have just noticed that")
_FRAME_DEPS = frozenset({"nsubj", "aux", "punct", "ccomp"})
_QUESTION_END = "?"


def without_finding_out(cand: Span, pronouns: frozenset[str]) -> str | None:
    """"I've noticed that the changelog was not updated." -> "The changelog was not
    updated.", or None when the candidate's root is no such frame of the writer's."""
    root = cand.root
    if root.pos_ != "VERB" or verb_lemma_of(root.text) not in phrasing()["self_verdict"]["realising_verbs"]:
        return None
    subj = [c for c in root.children if c.dep_ == "nsubj"]
    said = [c for c in root.children if c.dep_ == "ccomp"]
    if len(subj) != 1 or subj[0].lower_ not in pronouns or len(said) != 1:
        return None
    # "I only now noticed" keeps nothing worth saying, but "I never noticed that" turns
    # the fact over and "I noticed at 09:10 that" holds a time: only bare adverbs go
    if any(c.dep_ not in _FRAME_DEPS and not (c.dep_ == "advmod" and c.pos_ == "ADV" and not list(c.children)
                                                 and c.lower_ not in ("never", "not", "n't")) for c in root.children):
        return None
    clause = said[0]
    words = [t for t in clause.subtree if not (t.dep_ == "mark" and t.head == clause)]
    if not words or words[0].i < root.i or any(t.lower_ in pronouns for t in words):
        return None  # the clause before its frame, or still the writer's own
    last = cand.end - 1 if cand[-1].text in (".", "!") else cand.end
    if any(not cand.doc[i].is_punct for i in range(words[-1].i + 1, last)):
        return None  # words after the clause are the frame's ("..., which I then fixed")
    if not any(t.dep_ in _SUBJECTS and t.head == clause for t in words):
        return None
    # (a bracket the parser hung on the frame's verb closes the clause's words: it stays)
    text = cand.doc[words[0].i : last].text
    end = cand[-1].text if cand[-1].text in (".", "!") else "."
    return finish(text[:1].upper() + text[1:] + end)


def without_help_question(cand: Span, pronouns: frozenset[str]) -> str | None:
    """"The bucket was deleted, how can I get it back?" -> "The bucket was deleted.", or
    None when the candidate does not end in such a question of the writer's."""
    if cand[-1].text != _QUESTION_END:
        return None
    seps = [t for t in cand if t.text in (",",) + SEPARATORS or (t.text == "-" and t.whitespace_)]
    for sep in reversed(seps):
        ask = cand.doc[sep.i + 1 : cand.end]
        if not len(ask):
            continue
        opener = ask[0]
        asks = opener.tag_ in ("WRB", "WP", "WDT") or (opener.tag_ == "MD" or opener.pos_ == "AUX") and _inverted(opener, ask)
        if not asks:
            continue
        if not any(t.lower_ in pronouns and t.dep_ in _SUBJECTS for t in ask):
            return None  # "is there a way to undo it?": nobody's question; it may stay
        said = cand.doc[cand.start : sep.i]
        if any(t.lower_ in pronouns for t in said) or not any(t.dep_ in _SUBJECTS for t in said):
            return None
        if any(t.like_num for t in ask):
            return None  # a number only the question held would be lost
        text = said.text.rstrip(" ,;:-—–")
        return finish(text + ".")
    return None


def _inverted(aux: Token, ask: Span) -> bool:
    """"can I undo this", "is there": the auxiliary stands before its clause's subject."""
    verb = aux.head if aux.dep_ in ("aux", "auxpass") else aux
    return any(c.dep_ in _SUBJECTS + ("expl",) and c.i > aux.i for c in verb.children) and verb.i >= ask.start
