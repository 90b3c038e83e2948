"""A "while + -ing" phrase after the act whose doer was the removed person.

"Wen broke the DNS zone while tweaking a TTL" rewritten in its main clause reads "The
DNS zone broke while tweaking a TTL": the "-ing" now dangles, as if the zone had done
the tweaking (the verifier refuses it). Said without its doer, the phrase becomes a
clause of its own in the progressive: "The DNS zone broke while a TTL was being
tweaked". The person's own words in scare quotes around it ("just tweaking") were
their framing of the act and go with them, like the adverbs that only carry emphasis.
A phrase with no object to become its subject ("while debugging") is left alone.
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from .candidate import PERSONAL_WORDS
from .clause import is_present, verb_phrase_passive
from .text import phrasing, span_text

MARKS = ("while", "whilst", "when")
_BE = ("was", "were", "is", "are")


def _doer_removed(gerund: Token, subject: Token | None) -> bool:
    return subject is not None and gerund.head == subject.head and gerund.i > subject.head.i


def trailing_gerund_edits(sent: Span, subject: Token | None) -> list[tuple[str, str]]:
    """(words as a candidate holds them, words without the doer) for each trailing
    "while + -ing" phrase of the clause whose subject is ``subject``."""
    drop = set(phrasing()["dropped_adverbs"])
    out: list[tuple[str, str]] = []
    for g in sent:
        mark = next((m for m in g.children if m.dep_ in ("mark", "advmod") and m.lower_ in MARKS and m.i < g.i), None)
        if g.tag_ != "VBG" or g.dep_ != "advcl" or mark is None or not _doer_removed(g, subject) \
                or any(c.dep_ in ("nsubj", "nsubjpass", "neg", "aux") for c in g.children):
            continue
        own = [t for t in g.subtree if t.i > mark.i and not t.is_quote]
        if not any(c.dep_ in ("dobj", "obj") and c.pos_ != "PRON" for c in g.children) or any(
                t.lower_ in PERSONAL_WORDS or t.lower_.endswith("self") for t in own):
            continue
        phrase = verb_phrase_passive(g, own, False, drop, present=is_present(g.head))
        if phrase is None:
            continue
        thing, pred = phrase
        be, _, rest = pred.partition(" ")
        if be not in _BE or not rest:
            continue  # an outcome ("went unanswered") has no progressive form
        words = [t for t in g.subtree if t.i >= mark.i and not (t.is_punct and not t.is_quote and t.i == g.right_edge.i)]
        # matched on the words as written, or as a candidate that dropped the emphasis
        # adverbs holds them (the first that is there applies)
        new = f"{mark.lower_} {thing} {be} being {rest}"
        for old in dict.fromkeys((sent.doc[words[0].i : words[-1].i + 1].text, span_text([t for t in words if t.lower_ not in drop]))):
            out.append((old, new))
    return out
