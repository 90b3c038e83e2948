"""A belief told first and the damaging act joined to it: "I thought it was the spare
volume and wiped it", "she assumed the queue was empty and purged it", "I didn't
realise the toggle was global and flipped it for everyone".

beliefs.py reads the belief under the act ("wiped it, thinking it was the spare") and
the belief joined by "so" with a subject of its own ("I thought ..., so I ran the
drop"). Here the act shares the believer's subject and is joined by "and" (or "then"):
the parser hangs it on the belief verb or on the belief's own clause, and in the second
case the clause's subject is the thing believed about ("the queue ... and purged it"),
so the person recognizer never sees the believer. Told in the past, the belief reads as
one that turned out wrong, and the act it made look safe is the writer's or the
person's slip (rules 1 and 9).

Not blame: a diagnosis ("I thought it was a network issue and restarted the proxy"),
a hope ("thought it might help and ..."), recovery or a response as the act ("assumed
the pod was stuck and restarted it"), "we" as the believer (rule 9), a belief with no
act joined to it ("I thought it was the proxy, but it was DNS").
"""
from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from .clauses import Clause

from .agents import BLAMEABLE, Kind, classify
from .beliefs import _damaging, _statement
from .evidence_text import _who

_JOINS = ("and", "then", "so")


def _believer(marker: Token, lex) -> tuple[Token, Kind] | None:
    """The person who believed (or failed to realise): the marker's subject."""
    who = next((x for x in marker.children if x.dep_ == "nsubj"), None)
    if who is None:
        # "Thought the old index was unused and ...": a chat line with the "I" dropped
        first = next(t for t in marker.sent if not t.is_punct and not t.is_space)
        return (marker, Kind.SELF) if first == marker and marker.dep_ == "ROOT" else None
    kind = classify(who, lex)
    return (who, kind) if kind in BLAMEABLE and kind != Kind.WE else None


def _marker(head: Token, lex) -> tuple[Token, Token] | None:
    """The belief verb and its content clause for an act joined under ``head``: ``head``
    is the belief verb itself or the content clause under it."""
    def is_belief(t: Token) -> bool:
        negated = any(x.dep_ == "neg" for x in t.children)
        if t.tag_ == "VBD" and lex.verbs["belief"].match(t) and not negated:
            return True  # "I thought", "she assumed"
        # "I didn't realise / know": never finding out what the target was
        return negated and t.lemma_.lower() in lex.terms["realising_verbs"] and any(
            x.dep_ == "aux" and x.lower_ in ("did", "had") for x in t.children)

    def content(t: Token) -> Token | None:
        return next((x for x in t.children if x.dep_ == "ccomp" and x.pos_ in ("VERB", "AUX")), None)

    if is_belief(head) and (c := content(head)) is not None:
        return head, c
    if head.dep_ == "ccomp" and is_belief(head.head):
        return head.head, head
    return None


def _looked_safe(content: Token, lex) -> bool:
    """What a belief says that makes a damaging step look safe: what the target was
    ("it was the sandbox account"), a safe state ("the bucket was unused"), where the
    believer was ("I was on my laptop"), or a process finished ("the export had
    finished"). A broken state ("the pod was wedged") is a diagnosis."""
    kids = list(content.children)
    if content.lemma_ == "be":
        if any(x.dep_ == "attr" and x.pos_ in ("NOUN", "PROPN") for x in kids):
            return True
        if any(x.dep_ in ("acomp", "attr") and x.lower_ in lex.terms["believed_safe_states"] for x in kids):
            return True
        who = next((x for x in kids if x.dep_ == "nsubj"), None)
        return who is not None and who.pos_ == "PRON" and who.lower_ not in ("it", "this", "that") and any(
            x.dep_ == "prep" and x.lower_ in ("on", "in") for x in kids)
    # a stop said of a machine is a breakdown ("thought the node had stopped and rebooted it")
    if lex.verbs["cessation"].match(content) or lex.verbs["malfunction"].match(content):
        return False
    return lex.verbs["completion"].match(content) and any(x.dep_ == "aux" and x.lemma_ == "have" for x in kids)


def _without_pronouns(c: Clause) -> Clause:
    return replace(c, objects=[o for o in c.objects if o.pos_ != "PRON"])


def believed_then_acted(view) -> "Detection | None":
    from .recognizers import Detection  # recognizers imports the modules around it
    lex = view.lex
    for c in view.clauses:
        v = c.verb
        if v.dep_ != "conj" or c.passive or c.negated or c.modal or c.conditional or v.i in view.quoted:
            continue
        if v.tag_ not in ("VBD", "VBN") or any(x.dep_ in ("nsubj", "nsubjpass", "expl") for x in v.children):
            continue
        found = _marker(v.head, lex)
        if found is None:
            continue
        marker, content = found
        believer = _believer(marker, lex)
        if believer is None or not (marker.i < content.i < v.i):
            continue
        # the belief's own words: its clause without the act the parser may hang on it
        acted = {t.i for t in v.subtree}
        told = [t for t in content.subtree if t.i < v.i and t.i not in acted and not (t.dep_ == "cc" and t.head == content)]
        if not told:
            continue
        # joined by "and" / "then" right after the belief's clause, nothing else between
        between = [t for t in view.sent if told[-1].i < t.i < v.i and not t.is_punct]
        if not between or not all(t.lower_ in _JOINS or t.pos_ == "ADV" for t in between) or not any(
                t.lower_ in _JOINS for t in between):
            continue
        if any(x.dep_ == "aux" and x.tag_ == "MD" for x in content.children):
            continue  # "thought it would help and ...": a hope
        # "it" and "this" stand for the incident in "caused it", but here for the target
        # believed about ("thought it was the spare") or acted on ("and wiped it")
        if not _statement([t for t in told if t.pos_ != "PRON"], lex) or not _damaging(_without_pronouns(c), lex):
            continue
        if marker.lemma_.lower() not in lex.terms["realising_verbs"] and not _looked_safe(content, lex):
            continue  # "thought the pod was wedged and restarted it": a diagnosis and its remedy
        who, kind = believer
        belief = marker.doc[marker.i:told[-1].i + 1].text
        act = v.doc[v.i:v.right_edge.i + 1].text
        whose = "yourself" if kind == Kind.SELF else "a person"
        return Detection(
            "blame.person-subject", "belief",
            f'"{_who(who)} ... {act}" blames {whose} for a damaging step taken on a belief ("{belief}"); '
            "say what would have shown the real target instead.",
            None, [v, marker], who)
    return None
