"""A headline that gives the person two acts, comma-joined: each said without them.

"Contractor cuts fibre, strands two data centres" -> "Fibre cut, two data centres
stranded": the second clause shares the headline's doer, so it cannot stay as written
(it would have no subject), and said in the same bare-participle form it keeps what it
told. Each half is read like a one-clause headline (``headline_words.headline_clause``);
when either half is not that ("..., then discovers ..."), nothing is offered; a
second half that blames the doer for an outcome ("..., blamed for outage") links the
act's object to it instead ("Cut fibre linked to outage"). Nor when the second half has a subject of its own ("..., streets go
dark": the "-s" word was a plural noun, the next word a bare verb), or when its verb
says or judges rather than does ("..., blames map": the claim was the person's).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from lemminflect import getAllLemmas, getLemma
from spacy.tokens import Span, Token

from .candidate import PERSONAL_WORDS, Candidate
from .headline_words import headline_clause
from .text import inflect, phrasing

if TYPE_CHECKING:
    from ..checks.blame.recognizers import Detection
    from ..checks.registry import Context

__all__ = ["headline_two_acts", "verb_left_without_doer"]

# verb classes (rules/verbs.yaml) of a second half that reports or judges: not an act
_SAYING = ("speech", "reporting", "denial", "judging", "belief", "admission")


def _bare_verb(tok: Token) -> bool:
    """A word that reads as a verb's base form ("go", "halt"): after an "-s" word it makes
    that word a plural subject ("streets go dark")."""
    return tok.lower_ in getAllLemmas(tok.lower_).get("VERB", ())


def _says(verb: Token, ctx: "Context") -> bool:
    lex = ctx.cache.get("blame.lexicon")
    lemma = (getLemma(verb.lower_, upos="VERB") or (verb.lower_,))[0]
    return lex is None or any(lex.verbs[k].has(lemma, "") for k in _SAYING if k in lex.verbs)


def headline_two_acts(det: "Detection", sent: Span, ctx: "Context") -> list[Candidate]:
    if det.construction != "headline" or len(det.evidence) != 2 or det.target is None:
        return []
    verb = det.evidence[1]
    words = [t for t in sent if not t.is_space and t.i > verb.i]
    commas = [k for k, t in enumerate(words) if t.text == ","]
    if verb.i <= sent.start or len(commas) != 1 or not words or words[-1].is_punct:
        return []
    first, second = words[: commas[0]], words[commas[0] + 1 :]
    if (linked := _blamed_for(verb, first, second)) is not None:
        return [Candidate(linked)]
    if len(second) < 2 or _bare_verb(second[1]) or _says(second[0], ctx):
        return []
    one, two = headline_clause(verb, first), headline_clause(second[0], second[1:])
    if one is None or two is None:
        return []
    return [Candidate(f"{one[:1].upper()}{one[1:]}, {two}")]


def _blamed_for(verb: Token, first: list[Token], second: list[Token]) -> str | None:
    """(rewrite23) "Contractor cuts fibre, blamed for regional outage" -> "Cut fibre linked
    to regional outage": the second half lays the outcome on the doer of the first, so
    the act is what the report links to it (as "blamed X on a worker who ..." is said,
    rewrite/phrased.py). Only a participle with "for" and an outcome after it."""
    if len(second) < 3 or second[0].tag_ not in ("VBN", "VBD") or second[1].lower_ != "for" or any(
            t.is_punct or t.lower_ in PERSONAL_WORDS for t in second[2:]):
        return None
    if (getLemma(second[0].lower_, upos="VERB") or ("",))[0] not in phrasing()["blamed_for_verbs"]:
        return None
    act = headline_clause(verb, first)
    if act is None or len(act.split()) != len(first) + 1:
        return None  # a particle or a place after the object: "Wiped database during migration linked" garbles
    # the participle goes before its object ("Cut fibre linked to ..."): after it, two
    # participles run together ("Core router unplugged linked to ...")
    participle = act.split()[-1]
    linked = inflect(phrasing()["blamed_on"], "VBN")
    title = second[0].text[:1].isupper()
    said = " ".join((participle, *(t.text for t in first), linked.capitalize() if title else linked, "to", *(t.text for t in second[2:])))
    return said[:1].upper() + said[1:]


def verb_left_without_doer(cand: Span, orig: Span) -> str | None:
    """The main verb the candidate keeps whose doer was the removed person: "Admin deletes
    X, then/ROOT discovers Y" parsed with "deletes" as a clause under "discovers", which has
    no subject of its own; with the admin gone, "X is deleted, then discovers Y" leaves
    "discovers" to nobody (or to X). None when there is none."""
    root = orig.root
    if root.i == orig.start or root.tag_ not in ("VBZ", "VBD", "VBP") or any(
            c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in root.children):
        return None
    for clause in root.children:
        subj = next((c for c in clause.children if c.dep_ == "nsubj" and c.i < root.i), None)
        if clause.dep_ in ("ccomp", "conj") and clause.i < root.i and subj is not None \
                and not any(t.text == subj.text for t in cand) and any(t.text == root.text for t in cand):
            return root.text
    return None
