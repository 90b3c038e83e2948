"""An idiom said as the plain verb it stands for, then rewritten in a further round:
"Paulo kicked the can down the road on the Postgres upgrade until it went end-of-life"
-> "Paulo postponed the Postgres upgrade until it went end-of-life" -> "The Postgres
upgrade was postponed until it went end-of-life".

The idiom's phrasing (rules/rewrites.yaml ``idioms``, its ``verb``) reaches a thing
the parser often cuts from its head word ("the Postgres | upgrade"); the plain verb
gets a fresh parse, and the clause passive keeps every modifier the writer gave the
act. The idiom's words are matched as the gloss writes them, "it" standing for the
object ("threw it over the wall": "threw the schema change over the wall").
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Span

from .candidate import Candidate
from .text import inflect, phrasing, render

if TYPE_CHECKING:
    from ..checks.blame.recognizers import Detection
    from ..checks.registry import Context


def _run(sent: Span, start: int, words: list[str]) -> list[int] | None:
    """Token indices of ``words`` in order from ``start`` on, contiguous, or None."""
    for i in range(start, sent.end - len(words) + 1):
        if [t.lower_ for t in sent.doc[i : i + len(words)]] == words:
            return list(range(i, i + len(words)))
    return None


def idiom_as_verb(det: "Detection", sent: Span, ctx: "Context") -> list[Candidate]:
    from ..checks.blame.framing import idiom_match

    c = det.clause
    if det.construction != "idiom" or c is None or c.subject is None or c.action is not c.verb or c.negated or c.modal:
        return []
    gloss = idiom_match(c, ctx.cache["blame.lexicon"]) or ""
    data = phrasing()["idioms"].get(gloss) or {}
    plain = data.get("verb")
    if not plain or c.verb.tag_ not in ("VBD", "VBZ", "VBP", "VBG"):
        return []
    rest = gloss.lower().split()[1:]
    slot = rest.index("it") if "it" in rest else None
    # "threw it over the wall": the words after the object; "kicked the can down the
    # road": the words right after the verb, then the preposition that introduces the thing
    after = rest[slot + 1:] if slot is not None else rest
    found = _run(sent, c.verb.i + 1, after)
    if slot is None and (found is None or found[0] != c.verb.i + 1):
        # "kicked the ticket down the road": the thing takes the place of the idiom's own
        # object ("the can"), and the words after it are the idiom's
        own = next((i for i, w in enumerate(rest) if w not in ("the", "a", "an")), None)
        slot, after = (own, rest[own + 1:]) if own is not None else (None, rest)
        found = _run(sent, c.verb.i + 1, after) if slot is not None else None
    if found is None:
        return []
    gone = set(found)
    if slot is None:
        nxt = found[-1] + 1
        if nxt >= sent.end or sent.doc[nxt].lower_ not in data.get("via", ["on", "with"]):
            return []  # nothing the idiom was about: no object for the plain verb
        gone.add(nxt)
    elif found[0] == c.verb.i + 1:
        return []  # "threw over the wall" with no object between
    head, *particle = plain.split()
    said = " ".join([inflect(head, c.verb.tag_), *particle])
    return [Candidate(render(sent, {c.verb.i: said}, gone), restated=True)]
