"""(rewrite29) An act a person kept repeating, said without them: "Tove kept deferring
the quota ticket until it blocked the release" -> "The quota ticket kept being deferred
until it blocked the release". The aspect verb stays ("kept"), the act becomes its
passive "-ing" ("being deferred"), the object its subject, and the rest of the act's
phrase follows as written. Only a plain object and an act with no second act of its
own; anything else gets nothing from here.
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from .clause import _object_parts
from .text import participle_of, phrasing, span_text

# verbs of going on with an act ("kept", "continued"): rules/rewrites.yaml ``continuing_verbs``


def kept_doing(root: Token, subj: Token, sent: Span) -> tuple[str, int, int] | None:
    """(the agentless clause, its first and last token) for "<subj> kept <V-ing> <obj> ...",
    or None."""
    if root.lemma_.lower() not in phrasing()["continuing_verbs"] or root.tag_ != "VBD":
        return None
    act = next((c for c in root.children if c.dep_ == "xcomp" and c.tag_ == "VBG"), None)
    if act is None or any(c.dep_ not in ("nsubj", "xcomp", "punct") for c in root.children):
        return None
    objs = [c for c in act.children if c.dep_ in ("dobj", "obj")]
    if len(objs) != 1 or objs[0].pos_ == "PRON" or any(c.dep_ in ("conj", "ccomp", "dative", "prt") for c in act.children):
        return None
    parts = _object_parts(objs[0])
    if parts is None or not parts[0]:
        return None
    thing, moved = parts
    rest = [t for t in act.subtree if t.i > objs[0].right_edge.i and not (t.is_punct and t.i == sent.end - 1)]
    last = max([t.i for t in rest] + [objs[0].right_edge.i])
    said = " ".join(x for x in (thing, root.text, "being", participle_of(act), moved, span_text(rest)) if x)
    return said, min(t.i for t in subj.subtree), last
