"""A leading "As <role>, ..." that said who the removed subject was ("As the approver on
that change, I didn't check ..."): with the subject gone it describes nobody, so it goes
with them. The verifier finds it (rewrite/faithful.py, ``opener ... described the
removed person``); this is the repair.

(rewrite29) Not when the opener said more than who: words of the role's own ("the
approver on that change", "the dispatcher that night") tell which thing or when, and a
role before a check not done tells at which step it was missed ("As the reviewer, I
didn't check ..." -> "There was no check ..." loses the review and overstates the
omission; blind round 19: poor). Those get no rewrite.
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from .text import phrasing, tidy, verb_lemma_of


def without_role_opener(cand: Span, phrase_start: str, orig: Span | None = None) -> str | None:
    """``cand`` without the opening "as" phrase the verifier named (``phrase_start``, its
    first words) and the comma closing it, or None when it does not open the candidate
    or the opener says more than who (``orig``: the original sentence)."""
    first = cand[0]
    if first.lower_ != "as" or not cand.text.lower().startswith(phrase_start.lower()):
        return None
    if orig is not None and _says_more(orig):
        return None
    comma = next((t for t in cand if t.text == "," and t.head.i in {x.i for x in first.subtree} | {first.head.i}
                  and t.i > first.right_edge.i - 1), None)
    if comma is None or comma.i != first.right_edge.i + 1:
        return None  # no comma closes the phrase: where it ends is the parser's guess
    rest = cand.doc[comma.i + 1: cand.end].text.strip()
    if not rest:
        return None
    return tidy(rest[0].upper() + rest[1:])


# words of the role noun that only name it ("the new night approver", "our release captain")
_NAMING = ("det", "amod", "compound", "poss", "case", "punct")


def _says_more(orig: Span) -> bool:
    """The original's opening "as <role>" has words of its own, or opens an act not done."""
    first = orig[0]
    if first.lower_ != "as" or first.dep_ != "prep":
        return False
    role = next((c for c in first.children if c.dep_ == "pobj"), None)
    if role is None or any(c.dep_ not in _NAMING and not _bare_phrase(c) for c in role.children):
        return True  # "the approver on that change", "the dispatcher that night"
    if any(c.dep_ != "pobj" for c in first.children):
        return True
    act = first.head
    # a check not done ("didn't check", "forgot to verify"): the role's own step missed it,
    # and "There was no check" would say nobody checked (a renewal not done is a fact as it is)
    rules = phrasing()["unchecked"]
    checks = [act, *(c for c in act.children if c.dep_ == "xcomp")]
    missed = any(c.dep_ == "neg" or c.lower_ == "never" for c in act.children) or act.lemma_.lower() in rules["not_done_verbs"]
    return missed and any(verb_lemma_of(v.text) in rules["check_nouns"] for v in checks)


def _bare_phrase(prep: Token) -> bool:
    """"the operator on shift", "the engineer on call": a phrase of the role's name, its
    noun bare (no article, owner or number: "on that change" names a thing)."""
    objs = [c for c in prep.children if c.dep_ == "pobj"]
    return prep.dep_ == "prep" and len(objs) == 1 and not list(objs[0].children) and not objs[0].like_num \
        and len(list(prep.children)) == 1
