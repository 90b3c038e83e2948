"""Being elsewhere instead of acting: "After the alert fired, he went to lunch instead
of investigating" -> "After the alert fired, there was no investigation"; "Jo went home
instead of checking the dashboard" -> "The dashboard was not checked".

Where the person went was their attention, which goes with them; the fact that stays
is the act that did not happen. Only for verbs of being elsewhere (``person_elsewhere``
in rules/rewrites.yaml) with nothing but the destination beside them: "rolled back
instead of failing over" did something else, which "there was no failover" would drop.
The act is said as a passive of its object, or as the noun of an act with none
(``act_nouns``, as rewrite/missed_act.py does).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from .candidate import PERSONAL_WORDS, Candidate
from .clause import is_present, verb_phrase_passive
from .people import replace_clause
from .text import phrasing, trailing_punct, verb_lemma_of

if TYPE_CHECKING:
    from ..checks.blame.recognizers import Detection
    from ..checks.registry import Context


def _instead(verb: Token) -> tuple[Token, Token] | None:
    """("of", the gerund) of the verb's "instead of + -ing", however the parser hung it."""
    for of in verb.children:
        if of.lower_ == "of" and of.dep_ in ("prep", "cc") and any(a.lower_ == "instead" for a in of.children):
            gerund = next((g for g in of.children if g.dep_ == "pcomp" and g.tag_ == "VBG"), None) \
                or next((g for g in verb.children if g.dep_ in ("advcl", "conj") and g.tag_ == "VBG" and g.i == of.i + 1), None)
            if gerund is not None:
                return of, gerund
    return None


def instead_of_act(det: "Detection", sent: Span, ctx: "Context") -> list[Candidate]:
    c = det.clause
    if c is None or c.subject is None or c.action is not c.verb or c.modal or c.negated or c.objects or c.subject.i > c.verb.i:
        return []
    v = c.verb
    if verb_lemma_of(v.text) not in phrasing()["person_elsewhere"] or (found := _instead(v)) is None:
        return []
    of, gerund = found
    ours = {t.i for t in of.subtree} | {t.i for t in gerund.subtree}
    # beside the verb only its subject, where they went ("to lunch", "home") and the "instead of"
    beside = [x for x in v.children if x.i > v.i and x.i not in ours and not trailing_punct(x)]
    if any(x.dep_ not in ("prep", "advmod") or (x.dep_ == "prep" and x.lower_ != "to") for x in beside):
        return []
    if any(x.dep_ in ("nsubj", "neg", "aux") for x in gerund.children) or any(t.lower_ in PERSONAL_WORDS for t in gerund.subtree):
        return []
    # "At 14:05 Jo went home ...": a time the parser hung on the person would go with them
    if any(any(ch.isdigit() for ch in t.text) for t in c.subject.subtree) or any(
            x.i < c.subject.i and max(t.i for t in x.subtree) >= c.subject.i for x in v.children if x != c.subject):
        return []
    present = is_present(v)
    own = [t for t in gerund.subtree if not trailing_punct(t)]
    if any(x.dep_ in ("dobj", "obj") for x in gerund.children):
        phrase = verb_phrase_passive(gerund, own, True, set(phrasing()["dropped_adverbs"]), present=present)
        if phrase is None:
            return []
        text = f"{phrase[0]} {phrase[1]}"
    else:
        noun = phrasing()["act_nouns"].get(verb_lemma_of(gerund.text))
        if noun is None or len(own) > 1:
            return []
        text = f"there {'is' if present else 'was'} no {noun}"
    first = min(t.i for t in c.subject.subtree)
    last = max(t.i for t in v.subtree if not trailing_punct(t))
    return [Candidate(replace_clause(sent, first, last, text))]
