"""A delivery act with no object and the damage it did, said with the act as the subject
(issue 11, rewrite27): "Evidently someone force-pushed to trunk and erased every commit
from last week" -> "Evidently a force-push to trunk erased every commit from last week".

The coordinated passive said it as "the change was force-pushed to master and all
commits were overwritten since January": a thing the writer never named ("the change",
graded vague) and a time phrase cut loose from its noun (graded poor). The act has a
noun of its own (rules/rewrites.yaml ``delivery_nouns``), and what it did is a verb that a
thing can be the subject of (``delivery_results``), so the second half keeps its own
words, tense and object as written. Read off the parse: the person's first verb has no
object, exactly one conjunct follows it with an object and no subject of its own, and
the words between them are only where the act went.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from .candidate import PERSONAL_WORDS, Candidate, finish
from .text import inflect, phrasing, span_text, verb_lemma_of

if TYPE_CHECKING:
    from ..checks.blame.clauses import Clause

_OBJECTS = ("dobj", "obj")


def _past_as_written(v: Token) -> bool:
    """``v`` is a simple past as written (the tagger reads "overwrote" as a base form)."""
    lemma = verb_lemma_of(v.text)
    if v.tag_ == "VBD":
        return True
    # (not a base form, a gerund or a third person: "overwrote" read as VB is its past)
    return v.tag_ in ("VB", "VBN") and v.lower_ != lemma and not v.lower_.endswith(("ing", "s")) \
        and inflect(lemma, "VBN").lower() != v.lower_


def act_noun_subject(c: "Clause", sent: Span) -> list[Candidate]:
    """"force-pushed to main and wiped out three commits" -> "A force-push to main wiped
    out three commits", or nothing when the sentence is not that shape. Read by word
    order as much as by the tree: the parser hangs "to `main`" and the second verb in
    several ways ("to/aux main/xcomp and wiped/conj")."""
    rw = phrasing()
    subj = c.subject
    if subj is None or c.modal or c.negated or len(list(subj.subtree)) != 1:
        return []
    verb = subj.head
    noun = rw["delivery_nouns"].get(verb_lemma_of(verb.text))
    if noun is None or verb.tag_ != "VBD" or subj.i != verb.i - 1 or any(x.dep_ in _OBJECTS for x in verb.children):
        return []
    doc = sent.doc
    cc = next((t for t in doc[verb.i + 1 : sent.end] if t.dep_ == "cc"), None)
    if cc is None or cc.lower_ != "and" or cc.i + 1 >= sent.end:
        return []
    then = doc[cc.i + 1]
    if then.pos_ != "VERB" or then.dep_ != "conj" or verb not in (then.head, *then.head.ancestors) \
            or verb_lemma_of(then.text) not in rw["delivery_results"] or not _past_as_written(then) \
            or any(x.dep_ in ("nsubj", "nsubjpass", "conj", "cc", "neg") for x in then.children) \
            or not any(x.dep_ in _OBJECTS for x in then.children):
        return []
    # where the act went ("to `master`", "to main"): only a phrase after the verb, no manner
    between = list(doc[verb.i + 1 : cc.i])
    if not between or between[0].lower_ not in ("to", "into", "onto") or len(between) > 6 \
            or any(t.lower_ in PERSONAL_WORDS or t.pos_ == "ADV" or t.text == "," for t in between):
        return []
    end = sent.end - 1 if sent[-1].is_punct else sent.end
    if then.right_edge.i != end - 1 or then.left_edge.i != then.i:
        return []  # the second half is the sentence's last words, its own
    lead = [t for t in sent if t.i < subj.i]
    said = f"{noun} {span_text(between)} {doc[then.i : end].text}"
    if lead:
        return [Candidate(finish(f"{span_text(lead)} {said}"))]
    return [Candidate(finish(said[0].upper() + said[1:]))]
