"""(rewrite31) A fault verb said of the person alone, with where or when it happened:
"Honestly, I screwed up during the cutover", "Kofi has messed up again with the cron
syntax", "an operator slipped during the failover drill".

With no object there is no thing to make the subject of a passive, and "went wrong"
needs one ("The cutover went wrong" would say the whole cutover failed). What the
sentence states is that a mistake was made, and where: "A mistake was made during the
cutover", as rewrite/owned_mistake.py says "made a mistake in the admin console". The
verbs and the prepositions each allows are rule data (rules/rewrites.yaml
``mistake_verbs``: "slip" only with "during" or "while", since "slipped on the stairs" is
no mistake). Refused: a negation or a modal (the polarity or the hedge would need
saying), a second act, an adverb before the verb that is not one of time, and a
clause with no such place (a bare "I messed up." is a verdict, removed elsewhere).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Span

from .candidate import Candidate
from .people import replace_clause
from .text import is_present, phrasing, span_text, trailing_punct, verb_lemma_of

if TYPE_CHECKING:
    from ..checks.blame.clauses import Clause

_TIME_ADVERBS = frozenset({"again", "also", "then", "once", "later", "first", "twice", "yesterday", "today"})


def mistake_made(c: "Clause", sent: Span, drop: set[str]) -> list[Candidate]:
    rule = phrasing()["mistake_verbs"]
    verb = c.action
    particle = next((x for x in verb.children if x.dep_ == "prt"), None)
    lemma = verb_lemma_of(verb.text) + (f" {particle.lower_}" if particle is not None else "")
    if lemma not in rule or c.subject is None or c.objects or c.modal or c.negated or c.action is not c.verb:
        return []
    if c.subject.i > verb.i or any(x.dep_ in ("dobj", "obj", "conj", "ccomp", "xcomp", "neg", "attr", "acomp", "dative")
                                   or x.lower_ == "never" or (x.dep_ in ("aux", "auxpass") and x.tag_ == "MD") for x in verb.children):
        return []
    preps = rule[lemma] or phrasing()["owned_mistake"]["places"]
    places = [x for x in verb.children if x.dep_ in ("prep", "advcl") and x.i > verb.i
              and (x.lower_ in preps or any(m.dep_ == "mark" and m.lower_ in preps for m in x.children))]
    if not places:
        return []
    # ("Honestly, I ...", "Most likely an operator ...": words before the person stay where they are)
    before = [x for x in verb.children if x.dep_ == "advmod" and c.subject.i < x.i < verb.i and x.lower_ not in drop]
    if any(x.lower_ not in _TIME_ADVERBS or list(x.children) for x in before):
        return []
    perfect = any(x.dep_ == "aux" and x.lemma_ == "have" for x in verb.children)
    if verb.tag_ not in ("VBD", "VBN") and not is_present(verb):
        return []
    be = "has been" if perfect and is_present(next(x for x in verb.children if x.dep_ == "aux" and x.lemma_ == "have")) \
        else "had been" if perfect else "is" if is_present(verb) else "was"
    first = min(t.i for t in c.subject.subtree)
    skip = {t.i for t in c.subject.subtree} | {verb.i} | {x.i for x in verb.children if x.dep_ in ("aux", "prt") or x.i < first
                                                         or (x.dep_ == "punct" and x.i == verb.right_edge.i)}
    skip |= {t.i for x in verb.children if x.i < first for t in x.subtree}
    rest = [t for t in verb.subtree if t.i not in skip and not (t.dep_ == "advmod" and t.head == verb and t.lower_ in drop)]
    after = [t for t in rest if t.i > verb.i]
    words = " ".join(x for x in ("a mistake", be, "made", span_text(before), span_text(after)) if x)
    last = max(t.i for t in verb.subtree if not trailing_punct(t))
    return [Candidate(replace_clause(sent, first, last, words))]
