"""The finding's words when the fault's evidence is another clause, about a thing.

"I kicked off the rebuild at peak hours even though the change calendar said not to":
the person's act is "kicked off", and what makes it a fault is the concessive clause,
whose subject is the calendar. The message used to run from the person to the
evidence word ("I ... said"); it now quotes the act's own clause and gives the other
clause as the reason, both read from the parse (an adverbial clause under the act's
verb with a subject of its own that is not a person).
"""
from __future__ import annotations

from spacy.tokens import Token

from .agents import BLAMEABLE, classify
from .clauses import Clause
from .lexicon import Lexicon

# Longer stretches are cut with "..." in a message (recognizers._clause_phrase).
MAX_PHRASE_TOKENS = 14
_SUBJECTS = ("nsubj", "nsubjpass")


def thing_clause(evidence: list[Token], c: Clause, lex: Lexicon) -> Token | None:
    """The adverbial clause of ``c``'s verb that holds every evidence token and has a
    thing as its subject ("even though the canary dashboard was red"), or None."""
    for sub in (x for x in c.verb.children if x.dep_ == "advcl" and x.i > c.verb.i):
        words = {t.i for t in sub.subtree}
        subj = next((s for s in sub.children if s.dep_ in _SUBJECTS), None)
        if not evidence or any(t.i not in words for t in evidence) or subj is None:
            continue
        if subj.pos_ in ("NOUN", "PROPN") and classify(subj, lex) not in BLAMEABLE:
            return sub
    return None


def act_and_reason(who: Token, evidence: list[Token], c: Clause, lex: Lexicon) -> tuple[str, str] | None:
    """The act's words, from the person to just before the thing's clause, and that
    clause as written; None when the evidence is not such a clause or the act is long."""
    sub = thing_clause(evidence, c, lex)
    if sub is None or who.i > c.verb.i:
        return None
    doc = who.doc
    start, end = who.left_edge.i, sub.left_edge.i - 1
    while end > start and (doc[end].is_punct or doc[end].is_space):
        end -= 1
    if not 0 < end - start < MAX_PHRASE_TOKENS or any(doc[i].is_space for i in range(start, end + 1)):
        return None
    last = sub.right_edge.i
    while last > sub.i and doc[last].is_punct:
        last -= 1
    return doc[start:end + 1].text, doc[sub.left_edge.i:last + 1].text
