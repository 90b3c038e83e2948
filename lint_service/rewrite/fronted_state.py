"""A fronted adjective or participle said of the removed person: "Eager to finish, Omar
skipped the canary" passivised reads "Eager to finish, the canary was skipped", as if
the canary were eager. The phrase is the person's state or motive (unwilling, eager,
distracted, unaware), which a blameless rewrite drops with them: "The canary was
skipped." The verifier names the fault (``FRONTED_STATE``); the repair cuts the phrase
and its comma when it opens the sentence."""
from __future__ import annotations

from spacy.tokens import Span, Token

FRONTED_STATE = "a fronted phrase said of the removed person"


def fronted_state(root: Token, subject: Token | None) -> Token | None:
    """The fronted adjective or participle phrase of ``root`` before ``subject``, if any."""
    if subject is None:
        return None
    return next((t for t in root.children if t.i < subject.i and t.dep_ in ("advcl", "amod", "npadvmod", "ccomp")
                 # (a capitalised "Unaware of ..." may be read as a proper noun heading an advcl)
                 and (t.pos_ == "ADJ" or t.tag_ == "VBN" or (t.dep_ == "advcl" and t.pos_ in ("PROPN", "NOUN")))
                 and not any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in t.children)), None)


def without_fronted_state(cand: Span) -> str | None:
    """``cand`` without the phrase and its comma, when the phrase opens the sentence."""
    root = cand.root
    subject = next((c for c in root.children if c.dep_ in ("nsubjpass", "nsubj")), None)
    phrase = fronted_state(root, subject)
    if phrase is None or phrase.left_edge.i != cand.start:
        return None
    comma = next((t for t in cand if t.i > phrase.right_edge.i and t.text == ","), None)
    if comma is None or comma.i != phrase.right_edge.i + 1:
        return None
    kept = cand.doc[comma.i + 1:cand.end]
    if any(t.pos_ in ("NOUN", "PROPN") for t in phrase.subtree) and any(t.lower_ in ("it", "them", "they", "its") for t in kept):
        return None  # "Confident in the script, Omar ran it": "it" was the script
    rest = kept.text.strip()
    return rest[:1].upper() + rest[1:] if rest else None
