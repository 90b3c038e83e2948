"""Prepositional verbs with no direct object: "didn't look at the runbook" -> "The
runbook was not looked at"; "still hasn't looked at the pager" -> "The pager still has
not been looked at". The preposition's object becomes the subject, the preposition
stays after the participle, and tense and aspect ("has", "had") are kept.

Only verbs the rule data lists take this passive ("look at", "reply to"): "went to
lunch" has no passive a facilitator would accept.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from .clause import _object_parts, _plural, is_present, participle_of, verb_phrase_passive
from .text import phrasing, span_text, verb_lemma_of

if TYPE_CHECKING:
    from ..checks.blame.clauses import Clause

# "before restarting the cluster": the person did the restarting; the clause says it
# without them ("before the cluster was restarted")
_TIME_PREPS = ("before", "after", "while", "when")


def prepositional_passive(c: "Clause", own: list[Token], negate: bool, drop: set[str], span: tuple[int, int],
                          perfect: bool = True) -> str | None:
    """``perfect`` False: a "have" auxiliary is not the clause's aspect (the "have" of
    "should have looked at" says what was expected; the event is in the past)."""
    v = c.action
    if c.objects or v is not c.verb:
        return None
    particle = next((x for x in v.children if x.dep_ == "prt"), None)
    phrase = " ".join(x for x in (verb_lemma_of(v.text), particle.text if particle is not None else "") if x)
    after_verb = (particle.i if particle is not None else v.i) + 1
    prep = next((x for x in v.children if x.dep_ == "prep" and x.i == after_verb), None)
    if prep is None or f"{phrase} {prep.lower_}" not in phrasing()["prepositional_verbs"]:
        return None
    pobj = next((g for g in prep.children if g.dep_ == "pobj"), None)
    parts = _object_parts(pobj) if pobj is not None else None
    if not parts or not parts[0]:
        return None
    thing, moved = parts
    negate = negate or any(x.dep_ == "neg" or x.lower_ == "never" for x in v.children)
    lo, hi = span
    used = {v.i, prep.i} | {t.i for t in prep.subtree} | ({particle.i} if particle is not None else set())
    used |= {t.i for t in c.subject.subtree} if c.subject is not None else set()
    auxes = [x for x in v.children if x.dep_ in ("aux", "neg") or x.lower_ in ("never", "not")]
    used |= {x.i for x in auxes}
    before = span_text([t for t in own if t.i < v.i and t.i not in used and t.dep_ == "advmod" and t.tag_ != "WRB"
                        and t.lower_ not in drop and lo <= t.i])
    rest: list[str] = []
    for x in v.children:
        if x.i <= prep.i or x.i not in {t.i for t in own} or x.i > hi or x.is_punct:
            continue
        if x.dep_ == "prep" and x.lower_ in _TIME_PREPS:
            gerund = next((g for g in x.children if g.dep_ == "pcomp" and g.tag_ == "VBG"), None)
            if gerund is not None:
                said = verb_phrase_passive(gerund, list(gerund.subtree), False, drop, present=is_present(v))
                if said is None:
                    return None
                rest.append(f"{x.text} {said[0]} {said[1]}")
                continue
        rest.append(span_text(list(x.subtree)))
    plural = _plural(pobj)
    have = next((x.lower_ for x in v.children if x.dep_ == "aux" and x.lemma_ == "have"), None) if perfect else None
    if have is not None:
        be = ("have" if plural else "has") + (" not" if negate else "") + " been" if have != "had" else "had" + (" not" if negate else "") + " been"
    else:
        be = (("are" if plural else "is") if is_present(v) else ("were" if plural else "was")) + (" not" if negate else "")
    verb = " ".join(x for x in (participle_of(v), particle.text if particle is not None else "", prep.text) if x)
    return " ".join(x for x in (thing, before, be, verb, moved, *rest) if x)
