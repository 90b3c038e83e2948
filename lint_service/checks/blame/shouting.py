"""Sentences written in capitals ("I KILLED PROD", chat and headlines in caps).

The small model reads a word in capitals as an acronym or a name, so a shouted
sentence comes back with nouns for verbs and no subject. The blame check reads such
a sentence a second time from a sentence-case copy, parsed for the recognizers
only: the finding still spans the original sentence, whose length the copy keeps.
"""
from __future__ import annotations

from spacy.tokens import Span

# Fewer capitalised words than this are an acronym or two ("the DNS TTL"), not shouting.
MIN_SHOUTED_WORDS = 3


def shouted(sent: Span) -> bool:
    """Most words of the sentence are in capitals."""
    words = [t for t in sent if t.is_alpha and len(t) > 1]
    upper = [t for t in words if t.is_upper]
    return len(upper) >= MIN_SHOUTED_WORDS and len(upper) * 10 >= len(words) * 7


def sentence_case(text: str) -> str:
    """Lower case with a capital first letter and a capital "I"; one character for one,
    so the copy's offsets are the original's."""
    out = [c.lower() if len(c.lower()) == 1 else c for c in text]
    for i, c in enumerate(out):
        if c.isalpha():
            out[i] = text[i]
            break
    for i in range(len(out)):
        if out[i] == "i" and text[i] == "I" and (i == 0 or not out[i - 1].isalnum()) and (i + 1 == len(out) or not out[i + 1].isalnum() or out[i + 1] == "'"):
            out[i] = "I"
    return "".join(out)
