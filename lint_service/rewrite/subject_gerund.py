"""The removed person's "-ing" on the passive's own subject, said as a passive too
(issue 11, rewrite27).

"The shift supervisor approved the schema change without reading it" -> "The schema
change was approved without reading it": the person who was reading is gone, so the
"-ing" dangles (blind grading: "dangles", five such rows acceptable at best). When its
object is a pronoun that stands for the passive's subject, the "-ing" can be said of
that subject as well: "The schema change was approved without being read", "The badge
readers were disabled instead of being reset". Read off the candidate's parse: a
passive main verb, a "without / before / after / instead of" phrase on it whose "-ing"
has no subject and only the pronoun as its object, the pronoun agreeing with the
passive's subject. The verifier reports it (``verify.py``) and the repair applies it
(``repair.py``), so the repaired text is parsed and checked again.
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from .text import inflect, phrasing

GERUND_ON_SUBJECT = "the removed person's '-ing' on the passive's subject"
_SINGULAR = frozenset({"it"})
_PLURAL = frozenset({"them"})


def _passive_subject(verb: Token) -> Token | None:
    if not any(c.dep_ == "auxpass" for c in verb.children):
        return None
    return next((c for c in verb.children if c.dep_ == "nsubjpass"), None)


def subject_gerund(cand: Span) -> tuple[str, str] | None:
    """The (old, new) edit that says the dangling "-ing" as a passive of the subject, or None."""
    preps = frozenset(phrasing()["subject_gerund_preps"])
    for g in cand:
        if g.tag_ != "VBG" or g.dep_ != "pcomp" or any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in g.children):
            continue
        prep = g.head
        words = prep.lower_ if prep.lower_ != "of" else f"{cand.doc[prep.i - 1].lower_} of"
        if words not in preps:
            continue
        # the passive verb the phrase hangs on ("instead of" may be parsed as "of/cc" on it)
        verb = next((a for a in prep.ancestors if a.pos_ in ("VERB", "AUX", "ADJ")), None)
        subj = _passive_subject(verb) if verb is not None else None
        objs = [c for c in g.children if c.dep_ not in ("punct",)]
        if subj is None or len(objs) != 1 or objs[0].dep_ != "dobj" or objs[0].i != g.i + 1:
            continue
        pron = objs[0]
        plural = subj.tag_ in ("NNS", "NNPS")
        if pron.lower_ not in (_PLURAL if plural else _SINGULAR):
            continue
        participle = inflect(g.lemma_, "VBN")
        return f"{g.text} {pron.text}", f"being {participle}"
    return None


def discovery_edit(verb: Token) -> tuple[str, str] | None:
    """(rewrite31) "restarted the service twice before realising the config was wrong": the
    person's finding out, on their act, said without them ("before it was realised that the
    config was wrong"). A "before / after / without" phrase on ``verb`` whose "-ing" is a
    verb of finding out (rules/rewrites.yaml ``discovery_verbs``) with a clause after it and
    no subject of its own; the (old, new) edit of the candidate's words."""
    preps = frozenset(phrasing()["subject_gerund_preps"]) - {"instead of"}
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in preps):
        g = next((x for x in prep.children if x.dep_ == "pcomp" and x.tag_ == "VBG"), None)
        if g is None or g.lemma_.lower() not in phrasing()["discovery_verbs"] or g.i + 1 >= len(g.doc) \
                or any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "neg") for c in g.children):
            continue
        objs = [c for c in g.children if c.dep_ in ("dobj", "obj")]
        clause = any(c.dep_ == "ccomp" for c in g.children) and not objs
        if len(objs) == 1 and objs[0].right_edge.i + 1 < len(g.doc):
            # "realising the config/dobj was/advcl wrong": the parser split the clause after its subject
            nxt = g.doc[objs[0].right_edge.i + 1]
            clause = nxt.tag_ in ("VBD", "VBZ", "VBP") and not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in nxt.children)
        if not clause:
            continue  # ("after noticing the spike" is a thing noticed, not a clause)
        nxt = g.doc[g.i + 1]
        that = "" if nxt.lower_ == "that" else "that "
        return f"{prep.text} {g.text} ", f"{prep.text} it was {inflect(g.lemma_, 'VBN')} {that}"
    return None
