"""The person's other whole clauses around the rewritten one, said without them too.

"The technician snipped the live line because he did not read the tag": the finding is
on the "because" clause, and a rewrite of that clause alone leaves the technician as
the doer of the snipping (the verifier refuses it: the person still acts). The main
clause whose subject the clause's "he" takes back gets the same agentless treatment in
the same candidate: "The live line was snipped because the tag was not read". So does a
clause joined after the rewritten one with "he" as its subject ("..., and then he wiped
the disks" -> "..., and then the disks were wiped").
"""
from __future__ import annotations

from spacy.tokens import Span

from .clause import is_present, verb_phrase_passive
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
    # "... because he did not read the tag", "..., and he then dropped the replica"
    if pronoun.dep_ != "nsubj" or pronoun.lower_ not in _TAKES_BACK_PERSON or verb.dep_ not in ("advcl", "conj"):
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
    own = [t for t in main.subtree if t.i not in taken and not t.is_punct and not (t.dep_ == "cc" and t.head == main)]
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
    while end > start and (doc[end].is_punct or doc[end].dep_ == "cc"):
        end -= 1  # a comma before "because", the ", and" before the joined clause, stay where they were
    return {start: f"{phrase[0]} {phrase[1]}"}, set(range(start + 1, end + 1))


def joined_clause_edits(sent: Span, first: int, last: int) -> tuple[dict[int, str], set[int]]:
    """Replacements and deletions for each clause joined to the rewritten one (tokens
    ``first..last``) whose own subject is "he"/"she", taking back its subject."""
    doc = sent.doc
    person = next((t for t in doc[first : last + 1] if t.dep_ == "nsubj" and t.left_edge.i == first), None)
    if person is None or not (person.pos_ == "PROPN" or names_person(person) or person.lower_ in _TAKES_BACK_PERSON):
        return {}, set()
    verb = person.head
    replace: dict[int, str] = {}
    delete: set[int] = set()
    for tok in verb.children:
        subj = next((c for c in tok.children if c.dep_ == "nsubj" and c.lower_ in _TAKES_BACK_PERSON), None)
        if tok.dep_ != "conj" or tok.pos_ != "VERB" or subj is None or first <= tok.i <= last or tok.i < subj.i \
                or any(c.tag_ == "MD" or c.dep_ in ("advcl", "conj", "ccomp", "xcomp") for c in tok.children):
            continue
        # words before the subject ("and then he ...") stay where they are
        own = [t for t in tok.subtree if t.i > subj.i and not (t.is_punct and t.i == tok.right_edge.i)]
        phrase = verb_phrase_passive(tok, own, any(c.dep_ == "neg" for c in tok.children), set(phrasing()["dropped_adverbs"]))
        if phrase is None:
            continue  # its "he" stays, and refuses the candidate
        replace[subj.i] = f"{phrase[0]} {phrase[1]}"
        delete |= {t.i for t in own if t.i != subj.i}
    return replace, delete


def doing_edit(sent: Span, first: int, last: int) -> str:
    """" while <thing> was being <done>" for what the removed subject was doing ("an
    employee entering data about a cargo shipment typed ..." -> "... was typed while data
    about a cargo shipment was being entered"): with the person gone, the participle
    that said it would go too, and with it a fact. "" when there is none or it cannot
    be said so (it then goes with the person, as before)."""
    doc = sent.doc
    person = next((t for t in doc[first : last + 1] if t.dep_ == "nsubj" and t.left_edge.i == first), None)
    doing = next((c for c in person.children if c.dep_ == "acl" and c.tag_ == "VBG"), None) if person is not None else None
    if doing is None or not any(c.dep_ in ("dobj", "obj") and c.pos_ != "PRON" for c in doing.children) \
            or any(c.dep_ in ("nsubj", "neg", "aux", "advcl", "conj") for c in doing.children):
        return ""
    own = [t for t in doing.subtree if not t.is_punct]
    obj = next(c for c in doing.children if c.dep_ in ("dobj", "obj"))
    if any(t.lower_ == obj.lower_ for t in doc[first : last + 1] if t.i not in {x.i for x in person.subtree}):
        return ""  # "the developer creating the PR misjudged a bug in the PR": it only tells which person
    phrase = verb_phrase_passive(doing, own, False, set(phrasing()["dropped_adverbs"]), present=is_present(person.head))
    if phrase is None or phrase[1].split(" ", 1)[0] not in ("was", "were", "is", "are"):
        return ""  # an outcome ("went unanswered") has no progressive form
    be, rest = phrase[1].split(" ", 1)
    return f" while {phrase[0]} {be} being {rest}"
