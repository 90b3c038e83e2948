"""Going ahead with a thing, said of the thing: "went ahead with the migration even
though the dry run had failed" -> "the migration went ahead even though ...". The
phrase (rules/rewrites.yaml ``proceed_phrases``) has no object to make a passive of;
the thing gone ahead with is its subject instead. Used for the act alone
(rewrite/phrased.py) and as one half of a person's coordinated acts ("misread the
comment and went ahead with the deployment", rewrite/coordination.py).
"""
from __future__ import annotations

from spacy.tokens import Token

from .clause import is_present
from .text import phrasing, span_text, trailing_punct, verb_lemma_of


def went_ahead(v: Token, own: list[Token] | None = None) -> tuple[str, str] | None:
    """(the thing, "went ahead ...") for ``v``, a verb of going ahead with a thing, from
    ``own`` (its words; its whole subtree when not given), or None."""
    words = f"{verb_lemma_of(v.text)} " + " ".join(x.lower_ for x in v.children if x.dep_ in ("advmod", "prt") and x.i == v.i + 1)
    if words.strip() not in phrasing()["proceed_phrases"]:
        return None
    prep = next((p for p in v.children if p.dep_ == "prep" and p.lower_ == "with"), None)
    thing = next((g for g in prep.children if g.dep_ == "pobj"), None) if prep is not None else None
    if thing is None or thing.pos_ == "PRON":
        return None
    own = list(v.subtree) if own is None else own
    last = max(t.i for t in own if not trailing_punct(t))
    # "the migration despite the red checks": the concession belongs to the going ahead
    moved = {t.i for c in thing.children if c.dep_ == "prep" and c.lower_ in ("despite", "against", "without") for t in c.subtree}
    name = span_text([t for t in thing.subtree if t.i not in moved and not (t.is_punct and t.i == thing.right_edge.i)])
    rest = span_text([t for t in own if (t.i > prep.right_edge.i or t.i in moved) and not (t.is_punct and t.i == last + 1)])
    went = "goes" if is_present(v) else "went"
    return name, " ".join(x for x in (went, "ahead", rest) if x)
