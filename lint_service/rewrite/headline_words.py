"""A headline the tagger could not parse, said in headline form from its words:
"Technician unplugs core switch during storm" -> "Core switch unplugged during storm".

The blame check reads such headlines off their words (``checks/blame/headlines.py``:
a short person phrase, then a verb in the third person that does harm), because the small
model takes "unplugs" for a plural noun; ``headline.py`` needs the parse and so gets
nothing. The same words give the agentless headline: the object (the words up to the
first preposition), the verb's bare participle, and the rest as written. Only a headline
that is that one clause: a comma, a second verb or a pronoun would leave a clause whose
doer was the person ("Contractor cuts fibre, blamed for outage"), and no rewrite is
better than that.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from lemminflect import getInflection, getLemma
from spacy.tokens import Span, Token

from .candidate import PERSONAL_WORDS, Candidate
from .text import phrasing

if TYPE_CHECKING:
    from ..checks.blame.recognizers import Detection
    from ..checks.registry import Context

_PARTICLES = frozenset({"down", "out", "off", "up", "over"})


def _verb_reading(word: str) -> bool:
    """A third-person present form the tagger may have called a noun ("cuts", "deletes")."""
    low = word.lower()
    return low.endswith("s") and not low.endswith("ss") and bool(getLemma(low, upos="VERB")) and getLemma(low, upos="VERB")[0] != low


def headline_words(det: "Detection", sent: Span, ctx: "Context") -> list[Candidate]:
    if det.construction != "headline" or len(det.evidence) != 2 or det.target is None:
        return []
    verb = det.evidence[1]
    words = [t for t in sent if not t.is_space]
    if verb.i <= sent.start or words[-1].is_punct:
        return []
    said = headline_clause(verb, [t for t in words if t.i > verb.i])
    return [Candidate(said[:1].upper() + said[1:])] if said is not None else []


def headline_clause(verb: Token, after: list[Token]) -> str | None:
    """One headline clause of the person's without them, from its verb and the words
    after it ("cuts wrong cable" -> "wrong cable cut"), or None."""
    if not _verb_reading(verb.text):
        return None
    particle = after[0] if after and after[0].lower_ in _PARTICLES else None
    rest_words = after[1:] if particle is not None else after
    if not rest_words or any(t.is_punct or t.lower_ in PERSONAL_WORDS or t.lower_ in ("and", "then") for t in rest_words):
        return None  # "Contractor cuts fibre, blamed for outage": a second clause of the person's
    if any(_verb_reading(t.text) and t.tag_ not in ("NN", "NNP", "NNS", "NNPS") for t in rest_words[1:]):
        return None  # a second verb
    cut = next((k for k, t in enumerate(rest_words) if t.tag_ in ("IN", "TO") and k > 0), len(rest_words))
    thing, tail = rest_words[:cut], rest_words[cut:]
    if any(t.tag_ in ("IN", "TO", "DT") for t in thing) or thing[0].lower_ in phrasing()["verb_particles"]:
        return None  # "cuts to wrong camera": a verb with a preposition, not an object
    forms = getInflection(getLemma(verb.lower_, upos="VERB")[0], tag="VBN")
    if not forms:
        return None
    participle = forms[0].capitalize() if verb.text[:1].isupper() else forms[0]
    said = [" ".join(t.text for t in thing), participle]
    if particle is not None:
        said.append(particle.text)
    said.extend(t.text for t in tail)
    return " ".join(said)
