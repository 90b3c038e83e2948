"""A leading "-ing" phrase whose understood subject was the removed person.

"Without testing the patch, Ana deployed the fix" passivised in its main clause reads
"Without testing the patch, the fix was deployed": the "-ing" now dangles, as if the fix
had tested it. The phrase is said without its doer too, from the original parse:

- after a preposition of time ("before", "after", ...), as a clause of its own:
  "Before the primary was restarted, the connections were not drained";
- after one of manner or contrast ("without", "instead of", ...), with "being":
  "Without the patch being tested, the fix was deployed to production".

The prepositions of each kind are rule data (``leading_gerunds`` in rules/rewrites.yaml);
a phrase after any other ("By restarting the primary, ..." is a means) is left alone,
and so is one with no object of its own to become its subject ("after logging in").
Applied to a candidate whose only fault is that dangling phrase.
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from .candidate import PERSONAL_WORDS
from .clause import is_present, verb_phrase_passive
from .text import phrasing

_BE = ("was", "were", "is", "are")


def _preposition(prep: Token) -> str:
    """"of" in "instead of" is said with the adverb the parser hangs on it."""
    lead = next((c for c in prep.children if c.dep_ == "advmod" and c.i == prep.i - 1), None)
    return f"{lead.lower_} {prep.lower_}" if lead is not None else prep.lower_


def gerund_edits(sent: Span, subject: Token | None) -> list[tuple[str, str]]:
    """(words as written, words without the doer) for each leading "-ing" phrase of the
    clause whose subject is ``subject`` (the removed person)."""
    if subject is None:
        return []
    rules = phrasing()["leading_gerunds"]
    verb = subject.head
    drop = set(phrasing()["dropped_adverbs"])
    out: list[tuple[str, str]] = []
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.i < subject.i):
        gerund = next((g for g in prep.children if g.dep_ == "pcomp" and g.tag_ == "VBG"), None)
        said = _preposition(prep)
        kind = "finite" if said in rules["finite"] else "being" if said in rules["being"] else None
        if gerund is None or kind is None or any(c.dep_ in ("nsubj", "neg", "aux") for c in gerund.children):
            continue
        own = list(gerund.subtree)
        if not any(c.dep_ in ("dobj", "obj") and c.pos_ != "PRON" for c in gerund.children) or any(
                t.lower_ in PERSONAL_WORDS or t.lower_.endswith("self") or t.is_quote for t in own):
            continue  # "after logging in", "before telling her manager": no thing to say it of
        phrase = verb_phrase_passive(gerund, own, False, drop, present=is_present(verb))
        if phrase is None:
            continue
        thing, pred = phrase
        head, _, rest = pred.partition(" ")
        if head not in _BE or not rest:
            continue  # an outcome ("went unanswered") has no "being" form
        new = f"{thing} {pred}" if kind == "finite" else f"{thing} being {rest}"
        out.append((sent.doc[own[0].i : own[-1].i + 1].text, new))
    return out
