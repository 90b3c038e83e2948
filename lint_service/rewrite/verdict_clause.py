"""The writer's verdict on a person's act, said around the act (issue 11, branch
rewrite12): "Leon knew better and ran the script on a Friday anyway, which was poor
judgement" -> "The script was run on a Friday".

Two parts go, and the act is rewritten in a further round:

- a closing ", which was <verdict>": a judgement adjective of the blame rules
  ("which was reckless") or a verdict phrase of rules/rewrites.yaml ``act_verdicts``
  ("a poor call", "just poor judgement"). A "which" clause that says a fact ("which
  was the primary") stays.
- "knew better and ... anyway": the person's knowledge (``knowing_phrases``) is their
  state, gone with them, and "anyway" only answered it.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from .text import phrasing, render, verb_lemma_of

if TYPE_CHECKING:
    from ..checks.registry import Context

_CONCESSIVE = ("anyway", "regardless", "anyhow")


def _verdict(be: Token, judged: set[str]) -> bool:
    """``be`` says only a verdict: its complement is a judgement word or a verdict phrase."""
    data = phrasing()["act_verdicts"]
    for c in be.children:
        if c.dep_ == "acomp" and c.lower_ in judged:
            return True
        if c.dep_ == "attr" and c.lemma_.lower() in data["nouns"]:
            words = {t.lower_ for t in c.subtree if t.i != c.i and t.dep_ in ("amod", "advmod")}
            if words & (set(data["adjectives"]) | judged):
                return True
    return False


def _closing_verdict(sent: Span, judged: set[str]) -> set[int]:
    """The tokens of a closing ", which was <verdict>" (with its comma), or none."""
    for w in sent:
        if w.lower_ != "which" or w.dep_ != "nsubj" or w.head.lemma_ != "be" or w.head.dep_ not in ("relcl", "advcl"):
            continue
        be = w.head
        comma = sent.doc[w.i - 1] if w.i > sent.start else None
        if comma is None or comma.text != "," or not _verdict(be, judged):
            continue
        tail = {t.i for t in be.subtree}
        rest = [t for t in sent if t.i > max(tail)]
        if all(t.is_punct for t in rest):
            return tail | {comma.i}
    return set()


def _knew_better(sent: Span, knowing: list[str]) -> set[int]:
    """"knew better and" before the act, with the act's "anyway", or nothing."""
    root = sent.root
    if verb_lemma_of(root.text) != "know" or not any(c.dep_ == "advmod" and c.lower_ == "better" for c in root.children):
        return set()
    if not any(p.split()[-1] == "better" and p.split()[0] in ("know", "known") for p in knowing):
        return set()
    act = next((c for c in root.children if c.dep_ == "conj" and c.pos_ == "VERB"), None)
    if act is None or any(c.dep_ in ("nsubj", "nsubjpass") for c in act.children):
        return set()
    cut = {root.i} | {c.i for c in root.children if (c.dep_ == "advmod" and c.lower_ == "better") or (c.dep_ == "cc" and c.i < act.i)}
    cut |= {c.i for c in act.children if c.dep_ == "advmod" and c.lower_ in _CONCESSIVE}
    # the subject stays: it becomes the act's in the sentence said again
    return cut


def without_verdict(sent: Span, ctx: "Context") -> str | None:
    """``sent`` without the writer's verdict around the act, or None when it has none."""
    lex = ctx.cache["blame.lexicon"]
    judged = set(lex.terms["judgement_adjectives"])
    cut = _closing_verdict(sent, judged)
    better = _knew_better(sent, list(lex.terms["knowing_phrases"]))
    if not cut and not better:
        return None
    if better and not cut and not any(t.lower_ in _CONCESSIVE and t.i in better for t in sent):
        return None  # "knew better and ran it" alone: without a verdict or "anyway" the knowing may be the point
    return render(sent, {}, cut | better)
