"""A relative clause whose subject is the person, said without them: "the trigger was a
config change that the duty engineer applied without a review" -> "... a config change
that was applied without a review"; "a replica Wei had misconfigured the week before" ->
"a replica that had been misconfigured the week before".

The thing the clause is about is its antecedent, so the passive needs no new words: the
person's phrase goes, the auxiliaries the tense asks for come in, and everything after
the verb (when, how, how often) stays. A judgement adverb of the person's ("which a
technician had carelessly left in manual mode") goes with them. The clause must be the
person's act on the antecedent alone: one with an object of its own, a pronoun that
still points at the person, or a person phrase with a clause of its own keeps no rewrite.
(``relative.py`` does the same for a one-word subject, inside the main strategies.)
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from .candidate import PERSONAL_WORDS, Candidate
from .clause import _plural
from .relative import passive_predicate
from .text import render

if TYPE_CHECKING:
    from ..checks.blame.recognizers import Detection
    from ..checks.registry import Context

# a person phrase of these parts only: "the on-call engineer", "a night-shift technician"
_PERSON_PARTS = ("det", "amod", "compound", "nummod", "punct")


def _person_of(det: "Detection") -> Token | None:
    for tok in (det.target, det.clause.subject if det.clause is not None else None):
        if tok is not None and tok.dep_ == "nsubj" and tok.head.dep_ == "relcl":
            return tok
    return None


def person_relative(det: "Detection", sent: Span, ctx: "Context") -> list[Candidate]:
    person = _person_of(det)
    if person is None or person.pos_ == "PRON":
        return []  # "a patch he never tested": relative.py's, inside the main strategies
    verb = person.head
    if any(c.dep_ not in _PERSON_PARTS or list(c.children) for c in person.children if c.dep_ != "compound") or any(
            t.lower_ in PERSONAL_WORDS or t.pos_ == "VERB" for t in person.subtree if t.i != person.i):
        return []
    # (the tagger reads a relative "that" as IN at times: its dependency says what it is)
    which = next((c for c in verb.children if c.i < person.i and (
        c.tag_ in ("WDT", "WP") or (c.lower_ in ("that", "which") and c.dep_ in ("dobj", "obj")))), None)
    if which is not None and which.dep_ not in ("dobj", "obj"):
        return []  # "the team whose crews cut ...": the pronoun is not what they acted on
    if any(c.dep_ in ("dobj", "obj", "ccomp", "xcomp", "nsubjpass", "dative", "conj", "advcl") and (which is None or c.i != which.i) for c in verb.children):
        return []  # an object of its own, or a second act of the person's
    lex = ctx.cache["blame.lexicon"]
    judged = set(lex.terms["judgement_adverbs"])
    start = which.i if which is not None else person.left_edge.i
    between = [t for t in sent.doc[person.right_edge.i + 1 : verb.i]]
    if any(t.dep_ not in ("aux", "neg", "advmod") or t.head.i != verb.i for t in between):
        return []
    after = [t for t in verb.subtree if t.i > verb.i]
    if any(t.lower_ in PERSONAL_WORDS or (t.pos_ in ("VERB", "AUX") and t.dep_ not in ("amod", "compound")) for t in after):
        # "a change the lead pushed before his break": the pronoun would lose its person;
        # "pushed to the cluster and forgot": a second act of theirs would lose its subject
        return []
    said = passive_predicate(verb, _plural(verb.head))
    if said is None:
        return []  # "a change the lead would review": a wish, not an event
    # "had since been revoked": an adverb of aspect stays after the first auxiliary; a
    # judgement of the person ("carelessly") goes
    kept = [t.text for t in between if t.dep_ == "advmod" and t.lower_ not in judged and t.lower_ not in ("never", "not")]
    if kept:
        head, _, tail = said.partition(" ")
        said = " ".join((head, *kept, tail))
    phrase = f"{which.text if which is not None else 'that'} {said}"
    gone = set(range(start, verb.i + 1)) - {start}
    return [Candidate(render(sent, {start: phrase}, gone))]
