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


def without_feeling(cand: Span, pronouns: frozenset[str], remorse: frozenset[str]) -> str | None:
    """The candidate without the writer's feeling about the act (rewrite19): "I feel bad
    that the index was dropped." -> "The index was dropped."; "Honestly I was nervous, and
    the table was truncated." -> "The table was truncated."; "I was nervous, the broker
    was restarted ..." -> "The broker was restarted ...". A feeling is no fact about the
    system; the act beside it is kept (what a worry feared is one, rewrite27: ``_feeling``). Only a
    remorse word ("bad", "awful") presupposes the clause it frames: a worry's clause ("I
    am worried that the index was dropped") is a guess and keeps its frame."""
    worries = frozenset(phrasing()["writer_states"]["worries"])
    root = cand.root
    felt = _feeling(root, pronouns, remorse | worries)
    if felt is None:
        return _leading_feeling(cand, pronouns, remorse | worries)
    inside = {t.i for t in root.subtree}
    # the act framed by the remorse ("bad that ..."), said on its own
    said = [c for c in list(root.children) + list(felt.children) if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX")]
    if felt.lemma_.lower() in remorse and len(said) == 1 and _only_frame(root, felt, said[0]):
        words = [t for t in said[0].subtree if not (t.dep_ == "mark" and t.head == said[0])]
        return _said_alone(cand, words, pronouns)
    # a feeling of its own, set off by a mark from the act joined to it ("I was nervous,
    # and the table was truncated"): the act after the mark
    act = next((c for c in root.children if c.dep_ in ("conj", "parataxis", "ccomp") and c.i > felt.i
                and any(cand.doc[i].text in (",", ";", ":", "—", "–") for i in range(felt.right_edge.i + 1, c.left_edge.i))
                and any(s.dep_ in _SUBJECTS for s in c.children)), None)
    if act is None or any(t.like_num for t in root.subtree if t.i < act.left_edge.i):
        return None
    words = [t for t in cand if t.i >= act.left_edge.i and t.i in inside]
    if any(t.i not in inside for t in cand if t.i > root.i and not t.is_punct):
        return None
    return _said_alone(cand, words, pronouns)


def _leading_feeling(cand: Span, pronouns: frozenset[str], feelings: frozenset[str]) -> str | None:
    """A feeling clause set before the act, ended by a mark ("I was nervous after the
    upgrade, the broker was restarted ..."): the act after the mark. An
    interjection before the feeling ("Ugh, I was worried ...") goes with it."""
    root = cand.root
    lead = next((c for c in root.children if c.dep_ in ("ccomp", "parataxis", "advcl") and c.right_edge.i < root.i
                 and _feeling(c, pronouns, feelings) is not None), None)
    if lead is None:
        return None
    mark = cand.doc[lead.right_edge.i + 1]
    if mark.text not in (",", ";", ":", "—", "–") or any(t.like_num for t in lead.subtree):
        return None
    if any(not (t.is_punct or t.pos_ == "INTJ") for t in cand if t.i < lead.left_edge.i):
        return None  # words before the feeling are a clause's of their own
    return _said_alone(cand, [t for t in cand if t.i > mark.i], pronouns)


def _feeling(root: Token, pronouns: frozenset[str], feelings: frozenset[str]) -> Token | None:
    """The feeling word when ``root`` is the writer being or feeling it ("I was nervous",
    "I feel a bit angered"), or None."""
    if root.lemma_.lower() not in ("be", "feel"):
        return None
    subj = [c for c in root.children if c.dep_ == "nsubj"]
    if len(subj) != 1 or subj[0].lower_ not in pronouns or any(c.dep_ == "neg" for c in root.children):
        return None  # ("I was not worried": no feeling to drop, a fact of its own)
    felt = next((c for c in root.children if c.dep_ == "acomp" and (c.lemma_.lower() in feelings or c.lower_ in feelings)), None)
    if felt is None or any(c.dep_ == "prep" for c in felt.children):
        return None  # "terrible about the outage": what it is about names a consequence, a fact to keep
    worries = phrasing()["writer_states"]["worries"]
    if (felt.lemma_.lower() in worries or felt.lower_ in worries) and any(
            c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX") for c in (*felt.children, *root.children)):
        # (rewrite27) "I feared that could happen on the previous rollout": what was
        # feared is a risk foreseen, a fact (blind round 15: dropped, graded poor)
        return None
    return felt


def _only_frame(root: Token, felt: Token, said: Token) -> bool:
    """Besides its subject, the feeling's words are the feeling, its degree and the clause."""
    own = [c for c in root.children if c.dep_ not in ("nsubj", "acomp", "aux", "punct", "ccomp", "cc")]
    own += [c for c in felt.children if c != said and c.dep_ not in ("advmod", "npadvmod", "det")]
    return not own and all(c.dep_ == "advmod" and c.pos_ == "ADV" for c in root.children if c.dep_ == "advmod")


def _said_alone(cand: Span, words: list[Token], pronouns: frozenset[str]) -> str | None:
    """``words`` as a sentence of their own, when they hold no word of the writer's and a
    subject of their own."""
    words = [t for t in words if not (t.is_punct and t.i == cand.end - 1)]
    while words and (words[0].is_punct or words[0].dep_ == "cc"):
        words = words[1:]
    if not words or any(t.lower_ in pronouns for t in words) or not any(t.dep_ in _SUBJECTS for t in words):
        return None
    text = cand.doc[words[0].i : words[-1].i + 1].text
    end = cand[-1].text if cand[-1].text in (".", "!") else "."
    return finish(text[:1].upper() + text[1:] + end)
