"""(rewrite31) An idiom the blame check found as a blame phrase ("swept the disk
warnings under the rug") rather than as an idiom clause: the rule data of the idiom
(rules/rewrites.yaml ``idioms``) says it of the thing, as rewrite/coordination.py's
``_idiom`` does for a clause the check read as the idiom ("The disk warnings were not
raised"). Only a plain clause: the verb is the sentence's root, its subject a single
person word, no second act coordinated with it, no modal or negation (the idiom's
phrasing fixes the polarity).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from .candidate import Candidate
from .people import replace_clause
from .text import phrasing, trailing_punct

if TYPE_CHECKING:
    from ..checks.registry import Context


def idiom_clause(verb: Token, sent: Span, ctx: "Context", phrase_words: set[str]) -> list[Candidate]:
    """The idiom's rephrasing when the blame phrase (``phrase_words``) is a part of the
    idiom itself ("under the rug" of "swept it under the rug"); a phrase beside another
    idiom ("waved it through on a wing and a prayer") says how little assurance there
    was, which the other idiom's rephrasing would drop."""
    from ..checks.blame.framing import idiom_match
    from .coordination import _Slot, idiom_phrase

    from ..checks.blame.agents import BLAMEABLE, classify

    lex = ctx.cache.get("blame.lexicon")
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if lex is None or subj is None or verb.dep_ != "ROOT" or subj.i > verb.i or classify(subj, lex) not in BLAMEABLE:
        return []
    if any(c.dep_ in ("conj", "aux", "auxpass", "neg", "advcl", "ccomp", "xcomp") or c.lower_ == "never" for c in verb.children):
        return []
    gloss = idiom_match(_Slot(verb), lex)
    if not gloss or not {w for w in phrase_words if len(w) > 3} <= set(gloss.lower().split()):
        return []
    data = phrasing()["idioms"].get(gloss) or {}
    if "thing" not in data or data.get("action") or data.get("verb"):
        return []
    phrase = idiom_phrase(verb, gloss)
    if phrase is None:
        return []
    first = min(t.i for t in subj.subtree)
    last = max(t.i for t in verb.subtree if not trailing_punct(t))
    gone = frozenset(t.i for t in subj.subtree)  # the person the phrase blamed goes with the idiom
    return [Candidate(replace_clause(sent, first, last, f"{phrase[0]} {phrase[1]}"), gone=gone)]
