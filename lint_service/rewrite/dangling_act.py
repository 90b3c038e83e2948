"""Verifier checks: the person's own later act left hanging on the new subject.

"The admin ran the migration, then left for the weekend" shares its subject between
"ran" and "left" (the parser makes "then left" a clause under "ran", or its conjunct).
Passivising "ran" fronts the migration, and the kept "then left for the weekend" now
reads as said of it: "The migration was run, then left for the weekend", a new
meaning. A departure the coordination rewrite deliberately restates ("then left
unattended", rules/rewrites.yaml ``departure``) rebuilds the half, so it is not kept
as written and does not count here.

The check reads only dependency labels and tags: a finite verb of the original with no
subject of its own under an active verb that has one, found again in the candidate
under a passive verb, still with no subject, auxiliary or object of its own.
``inherited_act`` is the same fault for a later act that keeps its object ("The cache
table was dropped, then recreated it"), however the parser hangs it once the doer went.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from .text import inflect, phrasing, verb_lemma_of

if TYPE_CHECKING:  # verify.py imports this module
    from .verify import Original

PROBLEM = "the person's later act left to the passive's subject"

_SUBJECTS = ("nsubj", "nsubjpass", "expl", "csubj")
_FINITE = ("VBD", "VBZ", "VBP")


def _own_subject(verb: Token) -> bool:
    return any(c.dep_ in _SUBJECTS for c in verb.children)


def _passive(verb: Token) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)


def _shared_acts(orig: Span) -> set[str]:
    """Finite verbs with no object that lean on an active head's subject: "..., then
    left", "... and waited" (a half with an object of its own is passivised with it)."""
    out = set()
    for v in orig:
        if v.tag_ not in _FINITE or v.dep_ not in ("advcl", "conj") or _own_subject(v):
            continue
        if any(c.dep_ in ("dobj", "obj") for c in v.children):
            continue  # "... and pushed it to production": its object is passivised with it
        if any(c.dep_ == "mark" for c in v.children):
            continue  # "because ...", "although ...": a clause of its own, however parsed
        head = v.head
        if head.pos_ in ("VERB", "AUX") and _own_subject(head) and not _passive(head):
            out.add(v.lower_)
    return out


def dangling_act(cand: Span, orig: "Original") -> str | None:
    """The word of such an act the candidate hangs on a passive verb, or None."""
    shared = _shared_acts(orig.sent)
    if not shared:
        return None
    rebuilt = phrasing()["departure"].split()
    for t in cand:
        if t.lower_ not in shared or t.dep_ not in ("advcl", "conj", "dep") or not _passive(t.head):
            continue
        if _own_subject(t) or any(c.dep_ in ("aux", "auxpass", "dobj", "obj") for c in t.children):
            continue
        if any(w.lower_ in rebuilt[1:] for w in t.subtree if w.i > t.i):
            continue  # "then left unattended": the departure restated, not the act kept
        return t.text
    return None


def inherited_act(cand: Span, orig: Original) -> str | None:
    """A second act of the removed person's that follows a passive with no subject of its
    own ("The bucket was deleted on Friday, then went home"): it now reads as the act of
    the passive's subject. Its own passive ("and was restarted") is not one."""
    # the parser calls an unjoined second act ("..., then went home") "dep"
    theirs = {t.lower_ for t in orig.sent if t.dep_ in ("conj", "dep") and t.pos_ == "VERB"
              and any(s.dep_ == "nsubj" and s.i in orig.dropped for s in t.head.children)}
    # the rewrite's own clause is a passive (or what the parser makes of one: "was" as root)
    passive = any(c.dep_ == "auxpass" or (c.dep_ == "ROOT" and c.lemma_ == "be") for c in cand)
    for t in cand:
        if t.pos_ != "VERB" or t.lower_ not in theirs or any(c.dep_ in ("nsubj", "nsubjpass", "auxpass", "expl") for c in t.children):
            continue
        # "was approved ... and deployed": a participle form leans on the auxiliary; but
        # one with an object of its own ("was deleted, then rebuilt it") is still an act
        finite = t.tag_ in ("VBD", "VBZ", "VBP") and inflect(verb_lemma_of(t.text), "VBN").lower() != t.lower_
        acts = finite or any(c.dep_ in ("dobj", "obj") for c in t.children)
        if acts and t.dep_ in ("conj", "dep") and any(c.dep_ == "auxpass" for c in t.head.children):
            return t.text
        # the parser may hang the second act anywhere once its doer is gone ("The graph
        # was misread at first, then saw the spike": "misread" read as a noun)
        if acts and passive and t.dep_ in ("conj", "dep", "ROOT"):
            return t.text
    return None


def dangling_act_problems(cand: Span, orig: "Original") -> list[str]:
    out = []
    if (word := dangling_act(cand, orig)) is not None:
        out.append(f"{PROBLEM} ({word!r})")
    if (act := inherited_act(cand, orig)) is not None:
        out.append(f"the person's act {act!r} now said of the new subject")
    return out
