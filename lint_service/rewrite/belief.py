"""An act done on a belief about its object: "wiped the disk, thinking it was the spare"
-> "The disk was wiped, mistaken for the spare".

Once the person goes, "thinking ..." has nobody to think it (the verifier refuses it as
a dangling belief); but when the belief only said what the object was taken for, that
is a fact about the object, and the participle of rules/rewrites.yaml ``mistaken_for``
says it without a thinker. A belief about anything else has no such rewrite.
"""
from __future__ import annotations

from spacy.tokens import Span

from .text import phrasing, span_text, verb_lemma_of


def belief_edits(sent: Span) -> list[tuple[str, str]]:
    """(words as written, words without the believer) for each such belief phrase of ``sent``."""
    out: list[tuple[str, str]] = []
    for g in sent:
        if g.tag_ != "VBG" or g.dep_ not in ("advcl", "xcomp") or verb_lemma_of(g.text) not in phrasing()["mental_verbs"]:
            continue
        # the object, or the passive's subject when read off a candidate (rewrite/belief_comma.py)
        obj = next((c for c in g.head.children if c.dep_ in ("dobj", "obj", "nsubjpass")), None)
        said = next((c for c in g.children if c.dep_ == "ccomp" and c.lemma_ == "be"), None)
        if obj is None or said is None or any(c.dep_ in ("nsubj", "neg", "mark", "aux") for c in g.children):
            continue
        it = next((c for c in said.children if c.dep_ == "nsubj"), None)
        what = next((c for c in said.children if c.dep_ == "attr"), None)
        plural = obj.tag_ in ("NNS", "NNPS")
        # the pronoun must be the object's: "it" for one thing, "they" for several
        if it is None or what is None or it.lower_ != ("they" if plural else "it") \
                or any(c.dep_ not in ("nsubj", "attr", "punct") for c in said.children):
            continue
        words = [t for t in g.subtree if not (t.is_punct and t.i == g.right_edge.i)]
        new = f"{phrasing()['mistaken_for']} {span_text(list(what.subtree))}"
        if not g.doc[g.i - 1].is_punct:  # a passive that lost the comma before it ("was dropped mistaken for")
            out.append((" " + span_text(words), ", " + new))
        else:
            out.append((span_text(words), new))
    return out
