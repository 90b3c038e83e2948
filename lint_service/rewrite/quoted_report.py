"""A quoted act with its reporting clause after it ('"I ran the cleanup against the live
bucket," Haruto wrote in the incident channel.'): said as indirect speech, the act
without its doer ("Haruto wrote in the incident channel that the cleanup was run
against the live bucket.").

The quote is someone's words, so no strategy edits it in place (a quote changed inside
its marks was graded poor). Reported speech leaves the marks behind: the speaker and
their reporting verb stay as the sentence's frame, and the quoted clause is rewritten on
its own, by the same strategies and verifier as any sentence, then set after "that".
Only a plain report qualifies: the quote opens the sentence and is one sentence, the
reporting clause comes after it with its subject before a reporting verb of
``rules/rewrites.yaml`` ``quote_report_verbs`` (never "admitted": a confession frame
would keep the verdict on the speaker).
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from .text import phrasing, verb_lemma_of

_OPEN = ('"', "“")
_CLOSE = ('"', "”")
# the quote's speaker and listener: in reported speech they would need another person's words
_SPEAKER_WORDS = frozenset({"i", "me", "my", "mine", "myself", "we", "us", "our", "ours", "you", "your", "yours"})


def _quote_end(sent: Span) -> Token | None:
    """The closing mark of a quote that opens ``sent``, or None."""
    first = sent[0]
    if first.text not in _OPEN:
        return None
    return next((t for t in sent[1:] if t.text in _CLOSE), None)


def _report_verb(sent: Span, close: Token) -> Token | None:
    """The reporting verb after the quote: its subject stands before it, after the quote."""
    verbs = set(phrasing()["quote_report_verbs"])
    for t in sent:
        if t.i <= close.i or t.pos_ != "VERB" or t.lemma_.lower() not in verbs:
            continue
        subject = next((c for c in t.children if c.dep_ == "nsubj"), None)
        if subject is None or subject.i <= close.i or subject.i > t.i:
            return None  # '... ," wrote Daenney': the inverted order has no frame to keep as written
        return t
    return None


def quoted_report(sent: Span) -> tuple[str, str, str, frozenset[str]] | None:
    """(the quoted clause as a sentence, the reporting frame, what follows the frame, the
    words of the frame's subject) for a sentence that is a quote and its reporting clause, or None."""
    close = _quote_end(sent)
    if close is None:
        return None
    inner = sent.doc[sent.start + 1: close.i]
    if not inner or any(t.text in _OPEN + _CLOSE for t in inner):
        return None
    words = [t for t in inner if not t.is_punct]
    if not words or inner[-1].text not in (",",) and not (close.i + 1 < sent.end and sent.doc[close.i + 1].text == ","):
        return None  # a quote that ends its sentence ('... ." he said') or one set in the clause
    verb = _report_verb(sent, close)
    if verb is None:
        return None
    after = [t for t in sent if t.i > close.i]
    # the frame: from the reporting clause's first word to the last one before a comma
    # ("the clerk told investigators | , according to ...")
    start = next((t for t in after if not t.is_punct), None)
    if start is None:
        return None
    end_mark = sent[-1] if sent[-1].is_punct and sent[-1].text in ".!" else None
    body = [t for t in after if t.i >= start.i and (end_mark is None or t.i < end_mark.i)]
    comma = next((t for t in body if t.text == "," and t.i > verb.i), None)
    frame = [t for t in body if comma is None or t.i < comma.i]
    tail = [t for t in body if comma is not None and t.i >= comma.i]
    if any(t.text in _OPEN + _CLOSE for t in body) or any(t.dep_ in ("ccomp", "xcomp") and t.head == verb for t in frame):
        return None  # a second quote, or a frame that says more than who reported
    text = inner.text.strip().rstrip(",").strip()
    # "Honestly, Bartek just pasted ...": the speaker's own opener is their tone, not the report
    lead = inner[0]
    if lead.pos_ in ("ADV", "INTJ") and len(inner) > 2 and inner[1].text == ",":
        text = inner[2:].text.strip().rstrip(",").strip()
    if not text:
        return None
    text = text[0].upper() + text[1:] + "."
    frame_text = "".join(t.text_with_ws for t in frame).strip()
    tail_text = "".join(t.text_with_ws for t in tail).rstrip()
    speaker = next(c for c in verb.children if c.dep_ == "nsubj")
    return text, frame_text[0].upper() + frame_text[1:], tail_text, frozenset(t.text for t in speaker.subtree)


def _tells_an_act(rewrite: Span) -> bool:
    """(rewrite30) The quoted clause's rewrite still tells an act someone did. An outcome
    said of the thing ("the build broke", "the deploy went wrong": the verbs of
    rules/rewrites.yaml outcome_phrases) stands as a sentence of its own, but put in the
    speaker's mouth it changes what they said: they told of an act (their own, in a
    confession), and the report would have them tell of a thing that broke by itself
    (blind round 21: poor). A passive anywhere in it ("the wrong button was pushed")
    still tells the act."""
    if any(t.dep_ in ("nsubjpass", "auxpass") for t in rewrite):
        return True
    outcomes = {verb_lemma_of(v.split()[0]) for v in phrasing()["outcome_phrases"].values() if not v.startswith("{")}
    return rewrite.root.lemma_.lower() not in outcomes


def as_reported(frame: str, rewrite: Span, tail: str, end: str) -> str | None:
    """The frame with the quoted clause's rewrite as what it reports ("X wrote that ...")."""
    text = rewrite.text.strip()
    if not text or text.endswith(("?", "!")):
        return None
    if any(t.lower_ in _SPEAKER_WORDS for t in rewrite):
        return None  # "She said that I think it was run": the quote's own "I" would now be the frame's
    if not _tells_an_act(rewrite):
        return None  # (rewrite30) '"I broke the build," she wrote' is not "she wrote that the build broke"
    first = rewrite[0]
    if first.pos_ != "PROPN" and first.text != "I" and not first.text.isupper():
        text = text[0].lower() + text[1:]
    text = text.rstrip(".").rstrip()
    return f"{frame} that {text}{tail}{end or '.'}"
