"""A sentence that is nothing but a verdict or an apology: its rewrite is its removal.

"My bad!", "Sorry, my mistake.", "That one was on me.", "Human error, plain and simple."
say whose fault it was and nothing of what happened; once the verdict goes nothing is
left to restate, so the one blameless edit is to delete the sentence (the empty
suggestion). It is decided from the parse: every token is punctuation or an emoji, a
discourse filler, a function word, a frame of the verdict ("I guess it was ..."), the
person blamed, or a word of the verdict itself (the blame lexicon's blame and error
nouns, judgement and remorse words, the owning words of rewrite/self_verdict.py, the
apology words). A token of any other kind is a fact (an act, a thing, a time, a number,
a name the detection did not blame) and keeps the sentence. The words are rule data
(rules/rewrites.yaml ``verdict_only``, ``self_verdict``, ``apology_words``).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from .text import phrasing

if TYPE_CHECKING:
    from ..checks.blame.recognizers import Detection
    from ..checks.registry import Context

REMOVAL = ""  # the suggestion: the span replaced by nothing

# parts of speech that carry no fact of their own in a verdict ("it was all on me")
_FUNCTION = ("DET", "ADP", "CCONJ", "SCONJ", "PART", "AUX", "PRON", "PUNCT", "SYM", "SPACE", "INTJ", "X")
# entities that are facts however they are tagged ("at noon", "twice", "3 hours")
# "I’m sorry": the tagger leaves a curly contraction of "be" unlemmatised
_BE = ("'m", "'re", "'s")
_FACT_ENTITIES = ("DATE", "TIME", "CARDINAL", "QUANTITY", "PERCENT", "MONEY", "ORDINAL")


def verdict_only(det: "Detection", sent: Span, ctx: "Context", allowed: frozenset[int] = frozenset(), said: bool = False) -> bool:
    """``sent`` says only whose fault it was (or sorry): no act, thing, time or number.
    ``allowed`` are tokens another reading has already found part of the verdict, and
    ``said`` whether it found the verdict word (rewrite/verdict_topic.py)."""
    text = sent.text.strip()
    if not text or text.endswith("?") or _continues(sent):
        return False  # a question asks rather than judges; a clause of the line before is not a sentence
    words = _words(ctx)
    filler = _filler_tokens(sent, words["fillers"])
    person = _blamed(det)
    verdict_said = said
    for t in sent:
        if t.i in filler or t.is_space or t.is_punct or not any(ch.isalnum() for ch in t.text):
            continue  # punctuation, emoji, ":(" and the fillers
        if t.dep_ == "neg" or t.lower_ in ("not", "never", "n't", "no"):
            return False  # "It was not my fault": a denial, not a verdict to delete
        if t.i in allowed:
            continue
        if t.ent_type_ in _FACT_ENTITIES and not _pronoun_one(t):
            return False
        if t.like_num and not _pronoun_one(t):
            return False
        low, lemma = t.lower_, t.lemma_.lower()
        if low in words["owning_prepositions"]:
            # "on me", "on Priya": owning a fault only with the one who owns it
            verdict_said |= any(o.dep_ == "pobj" and (o.i in person or o.pos_ == "PRON") for o in t.children)
            continue
        if low in words["verdict"] or lemma in words["verdict"]:
            verdict_said = True
            continue
        if t.i in person or lemma in words["frames"] or low in words["frames"] or _pronoun_one(t) or lemma in words["incident"]:
            continue
        if lemma in words["places"] and any(p.dep_ == "poss" and (p.i in person or p.pos_ == "PRON") for p in t.children):
            verdict_said = True  # "on my side", "on my head"
            continue
        if t.pos_ in _FUNCTION or lemma == "be" or low.replace("’", "'") in _BE:
            continue
        return False  # a content word of its own: an act, a thing, a place, a name
    return verdict_said


def _words(ctx: "Context") -> dict[str, frozenset[str]]:
    rw = phrasing()
    sv, vo = rw["self_verdict"], rw["verdict_only"]
    terms = ctx.cache["blame.lexicon"].terms
    verdict = set(sv["owning_verbs"]) | set(sv["taking_verbs"]) | set(sv["owning_nouns"]) | set(rw["apology_words"]) \
        | set(rw["confession_words"])
    for key in ("blame_nouns", "error_heads", "error_modifiers", "judgement_adjectives", "remorse_adjectives",
                "sarcastic_nouns", "apology_markers"):
        verdict |= set(terms.get(key, ()))
    return {"verdict": frozenset(w.lower() for w in verdict), "frames": frozenset(sv["frames"]) | frozenset(vo["frames"]),
            "fillers": frozenset(vo["fillers"]), "owning_prepositions": frozenset(vo["owning_prepositions"]),
            "places": frozenset(vo["owning_places"]), "incident": frozenset(vo["incident_nouns"])}


def _filler_tokens(sent: Span, fillers: frozenset[str]) -> set[int]:
    """Token indices inside a run of words that is one of the fillers ("plain and simple")."""
    runs = [f.lower().split() for f in fillers]
    toks = [t for t in sent if not t.is_space]
    out: set[int] = set()
    for k in range(len(toks)):
        for run in runs:
            if [t.lower_ for t in toks[k:k + len(run)]] == run:
                out |= {t.i for t in toks[k:k + len(run)]}
    return out


def _blamed(det: "Detection") -> set[int]:
    """The person the detection blames, with their own words ("Dana's", "the new intern")."""
    out: set[int] = set()
    if det.target is not None and det.target.pos_ in ("PROPN", "NOUN", "PRON"):
        out |= {t.i for t in det.target.subtree if t.dep_ in ("compound", "poss", "det", "amod", "case", "flat") or t == det.target}
    return out


def _pronoun_one(t: Token) -> bool:
    """"That one was on me": "one" standing for a thing, not a count."""
    return t.lower_ == "one" and (any(c.dep_ == "det" for c in t.children) or t.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "attr"))


def _continues(sent: Span) -> bool:
    """The parser's sentence goes on from, or into, words on its line that end no
    sentence ("Root cause: human error", "... and my bad"): removing it would leave them
    hanging."""
    doc_text = sent.doc.text
    before = doc_text[: sent.start_char].rsplit("\n", 1)[-1].rstrip()
    if before and before[-1] not in ".!?)":
        return True
    after = doc_text[sent.end_char:].split("\n", 1)[0].strip()
    last = sent.text.rstrip()[-1:]
    return bool(after) and last.isalnum()
