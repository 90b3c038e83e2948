"""A lapse told as the result of the writer's state: "I was so busy with the migration
that I forgot to renew the certificate", "I'd been so focused on the happy path that I
never tested the limits".

The parser reads the "that" clause as a relative clause on the last noun ("the
migration that I forgot ..."), which it cannot be: its "that" is a bare mark, or the
object of a verb that already has one, and a "so"/"such" before the noun asks for a
result. Read as a complement of the state ("so absorbed ... that"), it is a result only
when its "that" was misread the same way: a marked complement ("so sure that I had
fixed it") is a belief. The state is how the writer was (busy, focused): a motive the rewrite drops,
as the guidelines' confession rewrites do; the result clause is the act, restated on
its own ("I forgot to renew the certificate") and rewritten in a further round.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from .candidate import Candidate, finish

if TYPE_CHECKING:
    from ..checks.blame.clauses import Clause

# the degree words a result clause answers ("so busy ... that", "such a rush that"):
# grammar, not vocabulary, like the relative pronouns the rewrite code names
_DEGREE = ("so", "such")


def result_of_state(c: "Clause", sent: Span) -> list[Candidate]:
    """The result clause alone, restated, when ``c`` is one the parser took for a relative
    clause; else nothing."""
    verb, subj = c.verb, c.subject
    if verb.dep_ not in ("relcl", "ccomp") or subj is None or subj.tag_ != "PRP" or subj.i < sent.start + 1:
        return []
    that = sent.doc[subj.left_edge.i - 1]
    if that.lower_ != "that" or that not in list(verb.subtree):
        return []
    objects = [x for x in that.head.children if x.dep_ in ("dobj", "obj")]
    misread = that.dep_ in ("dobj", "obj") and len(objects) > 1
    if not (misread or (that.dep_ == "mark" and verb.dep_ == "relcl")):
        # "the ticket that I closed": a true relative clause; "so sure that I had fixed
        # it": what the writer was sure of, a belief that must not be said as a fact
        return []
    if not _degree_before(verb.head):
        return []
    words = [t for t in verb.subtree if t.i > that.i]
    if any(not t.is_punct for t in sent if t.i > words[-1].i):
        return []  # the main clause goes on after the result: not a sentence of its own
    text = sent.doc[words[0].i : words[-1].i + 1].text
    return [Candidate(finish(text[:1].upper() + text[1:]), restated=True)]


def _degree_before(noun: Token) -> bool:
    """A "so"/"such" before ``noun`` on its way up to the clause it hangs from ("so
    focused on the path", "so much on the flows", "such a rush")."""
    for tok in [noun, *noun.ancestors]:
        if any(x.lower_ in _DEGREE and x.i < noun.i for x in tok.children):
            return True
        for x in tok.children:
            if x.dep_ == "advmod" and x.i < noun.i and any(y.lower_ in _DEGREE for y in x.children):
                return True  # "so much": the degree word modifies the adverb
        if tok.dep_ not in ("pobj", "prep", "acomp", "amod", "advmod"):
            break
    return False
