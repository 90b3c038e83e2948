"""A reporter left as the subject of the frame around a reported act (rewrite28, issue 11).

News prose and comments report an act ("The director said an operator had restarted the
primary", "..., a contractor told reporters"). The rewrite makes the reported act
agentless and keeps the frame: "The director said the primary had been restarted". The
reporter is a person by role, so the check that refuses another person left acting in
the rewrite (faithful.py, ``_person_still_acting``) read "director said" as an act;
saying is the report, not the act.

A person is the reporter when, read off the candidate's parse,

- they are the subject of a verb of reporting (rules/rewrites.yaml ``quote_report_verbs``:
  not "admit" or "confess", which keep the speaker owning the act),
- that verb frames a clause (its clausal complement: what they report, where the act
  stands; another person left acting in it is caught on its own),
- and the original had them as the subject of the same reporting verb (the rewrite did
  not make them a speaker), and they are not the person the rewrite removed (nor may be:
  a "he" or "they" in what they report may be the reporter's own act).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from .text import phrasing

if TYPE_CHECKING:  # faithful.py imports this module
    from .verify import Original


def reports_the_act(person: Token, verb: Token, cand: Span, orig: "Original") -> bool:
    """``person``, the subject of ``verb`` in ``cand``, only reports the rewritten act."""
    if person.dep_ != "nsubj" or person.head != verb or person.text in orig.person:
        return False
    lemma = verb.lemma_.lower()
    if lemma not in phrasing()["quote_report_verbs"]:
        return False
    if not any(c.dep_ == "ccomp" for c in verb.children):
        return False  # "the director rebooted it": no report
    return any(t.lower_ == person.lower_ and t.dep_ == "nsubj" and t.head.lemma_.lower() == lemma
               and t.i not in orig.dropped and not _own_act(t.head) for t in orig.sent)


_THIRD = frozenset({"he", "she", "they", "him", "her", "them"})


def _own_act(verb: Token) -> bool:
    """The original report is of the reporter's own act ("The contractor told investigators
    that he cut the wrong cable"): a pronoun subject in what they report may be them, and
    the frame would keep the doer (the report is said from its recipient instead)."""
    return any(x.dep_ in ("nsubj", "nsubjpass") and x.lower_ in _THIRD
               for c in verb.children if c.dep_ == "ccomp" for x in c.subtree)

