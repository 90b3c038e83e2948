"""Blame said by pointing at the failure: "I bet it was an admin", "apparently it
came from a trainee", "the outage came from a contractor" (rules 12 and 15).

The failure is the subject ("it", "this", "that" or a failure noun), the person
stands on the other side of a past copula or of "come from": the sentence names
who the failure was. Clefts ("It was an engineer who spotted the leak") are left
to the relative clause, which carries the act.
"""
from __future__ import annotations

from spacy.tokens import Token

from .agents import Kind, classify, generic_plural
from .recognizers import Detection, SentenceView, _failure_noun, _negated_sentence, _who

# A role or team, never a bare name: "Who picked up the page? It was Priya." answers
# a neutral question; a role stands for the kind of person who erred.
_POINTED = frozenset({Kind.ROLE, Kind.TEAM})
_POINTERS = ("it", "this", "that")


def _failure_subject(verb: Token, view: SentenceView) -> Token | None:
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return subj if subj is not None and (subj.lower_ in _POINTERS or _failure_noun(subj, view.lex)) else None


def _hedged(person: Token, view: SentenceView) -> bool:
    """"I bet it was", "apparently it came from", "of course it was": the speaker guesses
    or passes on who did it. Read outside the person's own phrase."""
    inside = {t.i for t in person.subtree}
    hedges = view.lex.terms["attribution_hedges"]
    return any(t.i not in inside and (t.lower_ in hedges or t.lemma_.lower() in hedges) for t in view.sent)


def _pointed_person(verb: Token, view: SentenceView) -> Token | None:
    """The person the failure is said to be, or to come from."""
    if verb.lemma_ == "be" and verb.tag_ == "VBD":
        people = [c for c in verb.children if c.dep_ == "attr"]
    elif verb.lemma_ == "come" and verb.tag_ in ("VBD", "VBN"):
        people = [o for p in verb.children if p.dep_ == "prep" and p.lower_ == "from" for o in p.children if o.dep_ == "pobj"]
    else:
        return None
    for tok in people:
        if any(c.dep_ in ("relcl", "acl") for c in tok.children):
            return None  # a cleft: "It was an engineer who restored the feed"
        if classify(tok, view.lex) in _POINTED and not generic_plural(tok) and tok.i not in view.quoted:
            return tok
    return None


def pointed_at(view: SentenceView) -> Detection | None:
    for verb in view.sent:
        if verb.pos_ not in ("AUX", "VERB") or verb.i in view.quoted or (subj := _failure_subject(verb, view)) is None:
            continue
        if verb.dep_ in ("advcl", "relcl", "acl") or _negated_sentence(verb):
            continue  # "when it was an engineer's turn", "it was not a developer"
        person = _pointed_person(verb, view)
        # a bare "it" needs the speaker's guess or hearsay; a failure noun says itself what "it" is
        if person is not None and (subj.lower_ not in _POINTERS or _hedged(person, view)):
            return Detection(
                "blame.person-cause", "pointing",
                f'The sentence names "{_who(person)}" as the failure; describe the conditions that let it happen instead.',
                None, [verb, person], person,
            )
    return None
