"""The person's main clause when the rewritten clause is their reason or time clause.

"The technician snipped the live line because he did not read the tag": the finding is
on the "because" clause, and a rewrite of that clause alone leaves the technician as
the doer of the snipping (the verifier refuses it: the person still acts). The main
clause whose subject the clause's "he" takes back gets the same agentless treatment in
the same candidate: "The live line was snipped because the tag was not read".
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from .clause import verb_phrase_passive
from .faithful import names_person
from .text import phrasing

# Pronouns that take back a person and nothing else: "it" and "they" may be the thing
# the main clause is about ("The job failed because it ..."), so they never lead here.
_TAKES_BACK_PERSON = frozenset({"he", "she"})
_SUBJECTS = ("nsubj", "nsubjpass")


def main_clause_edits(sent: Span, first: int, last: int) -> tuple[dict[int, str], set[int]]:
    """Replacement and deletions, outside tokens ``first..last`` (the rewritten clause,
    whose subject is ``sent.doc[first]``), that say the clause it modifies without the
    person: nothing when that clause is not the person's own act on a thing."""
    doc = sent.doc
    pronoun = doc[first]
    verb = pronoun.head
    if pronoun.dep_ != "nsubj" or pronoun.lower_ not in _TAKES_BACK_PERSON or verb.dep_ != "advcl":
        return {}, set()
    main = verb.head
    if main.pos_ != "VERB" or first <= main.i <= last or any(c.tag_ == "MD" for c in main.children):
        return {}, set()  # "... would have seen it if she had ...": a wish, not an act
    person = next((c for c in main.children if c.dep_ in _SUBJECTS), None)
    # the clause's "he" takes back a person: the main subject is them when it is a name, a
    # role ("the technician", never "the deploy") or the same pronoun ("He ... because he ...")
    if person is None or person.dep_ != "nsubj" or person.i > main.i or not (
            person.pos_ == "PROPN" or names_person(person) or person.lower_ == pronoun.lower_):
        return {}, set()
    clause_start = min(t.i for t in verb.subtree)
    taken = {t.i for t in person.subtree} | {t.i for t in verb.subtree}
    own = [t for t in main.subtree if t.i not in taken and not t.is_punct]
    # the main clause's own words must all lie between its subject and the reason clause:
    # anything after it (another clause, an attribution) is left to the strategies that
    # know it, and the pronoun then refuses the candidate as before
    if not own or max(t.i for t in own) >= clause_start or any(c.dep_ in ("advcl", "conj", "ccomp", "xcomp") for c in main.children if c.i != verb.i):
        return {}, set()
    phrase = verb_phrase_passive(main, own, any(c.dep_ == "neg" for c in main.children), set(phrasing()["dropped_adverbs"]))
    if phrase is None:
        return {}, set()
    start = min(t.i for t in person.subtree)
    end = clause_start - 1
    while end > start and doc[end].is_punct:
        end -= 1  # a comma before "because" stays where it was
    return {start: f"{phrase[0]} {phrase[1]}"}, set(range(start + 1, end + 1))
