"""The verifier's checks of quoted words: a quoted string of the original is kept
verbatim, once, or dropped whole (``quote_broken``), and quotes that mock the removed
person's work or words are not kept (``scare_quotes``)."""
from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Span

from .as_written import unquoted_scare
from .referents import SECOND

if TYPE_CHECKING:
    from .verify import Original


def _quoted(orig: Original, quotes: tuple[str, ...]) -> list[tuple[str, Span]]:
    """The original's quoted strings, marks included, each with the words inside. A
    quotation holding the removed person (a whole quoted sentence) is what is rewritten,
    so it is not one to keep verbatim."""
    # a quoted phrase with no verb ('fat-finger typo by an employee') is someone's words,
    # kept as written even when it names the person (blind round 13: edited, graded poor)
    marks = [t for t in orig.kept() if t.text in quotes]
    pairs = [(a, b) for a, b in zip(marks[::2], marks[1::2])
             if b.i > a.i + 1 and not (any(a.i < i < b.i for i in orig.dropped)
                                       and any(t.pos_ in ("VERB", "AUX") for t in orig.sent.doc[a.i + 1 : b.i]))]
    return [(orig.sent.doc.text[a.idx : b.idx + len(b.text)], orig.sent.doc[a.i + 1 : b.i]) for a, b in pairs]


def quote_broken(cand: Span, orig: Original, quotes: tuple[str, ...]) -> str | None:
    """A quoted string of the original the candidate keeps in part but not whole and in
    place ("the command code "rm was input -r -f *""), or says more often than the
    original does (moved with its object and left behind too): a command or a quotation
    is verbatim, once, or absent."""
    text = cand.text
    for written, inner in _quoted(orig, quotes):
        quoted = written
        if quoted not in text and quoted[-2:-1] in (".", "!", "?") and orig.sent.text.rstrip().endswith(quoted):
            quoted = quoted[:-2] + quoted[-1]  # "a “bad command.”" fronted: the sentence's full stop stays at its end
        if quoted not in text and unquoted_scare(inner, orig.sent, orig.pronouns | SECOND, text):
            continue  # scare quotes taken off, the words kept (rewrite/unquoted.py)
        if quoted not in text and any(t.text in text for t in inner if not t.is_punct and len(t.text) > 1):
            return quoted
        if text.count(quoted) > max(orig.sent.text.count(quoted), orig.sent.text.count(written)):
            return quoted
    return None


def scare_quotes(cand: Span, orig: Original, quotes: tuple[str, ...]) -> bool:
    """Quotes that mock the removed person's work or words: opened right after their
    possessive ("your "quick fix"") or holding an act with no subject of its own, theirs
    ("offline to "just check something""). A quoted name or report ("an alert claiming
    "missile threat inbound"") is neither."""
    doc = orig.sent.doc
    for t in orig.sent:
        if t.text in quotes and t.i > orig.sent.start:
            prev = doc[t.i - 1]
            if prev.tag_ == "POS" or (prev.tag_ == "PRP$" and prev.lower_ in orig.pronouns | SECOND):
                return True
    marks = [t for t in cand if t.text in quotes]
    for a, b in zip(marks[::2], marks[1::2]):
        inside = cand.doc[a.i + 1 : b.i]
        if len(inside) <= 6 and any(t.pos_ == "VERB" and t.tag_ in ("VB", "VBP", "VBD", "VBG")
                                    and not any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children) for t in inside):
            return True
    return False
