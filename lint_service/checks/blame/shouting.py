"""Sentences written in capitals ("I KILLED PROD", chat in caps) and headlines in
title case ("Intern Blamed For Payroll Outage").

The small model reads a capitalised word as an acronym or a name, so such a sentence
comes back with nouns for verbs and no subject. The blame check reads it a second
time from a sentence-case copy, parsed for the recognizers only: the finding still
spans the original sentence, whose length the copy keeps.
"""
from __future__ import annotations

from spacy.tokens import Span

from .agents import headline_case, is_english_word

# Fewer capitalised words than this are an acronym or two ("the DNS TTL"), not shouting.
MIN_SHOUTED_WORDS = 3


def shouted(sent: Span) -> bool:
    """Most words of the sentence are in capitals."""
    words = [t for t in sent if t.is_alpha and len(t) > 1]
    upper = [t for t in words if t.is_upper]
    return len(upper) >= MIN_SHOUTED_WORDS and len(upper) * 10 >= len(words) * 7


def _lower(text: str) -> str:
    """Lower case, one character for one (a character whose lower case is longer stays)."""
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def case_copy(sent: Span) -> str | None:
    """The sentence in sentence case, or None when it is not shouted or a headline.
    A shouted sentence is lowered throughout; a headline keeps its names and brands
    (words that are not English words) and lowers the rest. "I" and the first letter stay."""
    loud = shouted(sent)
    if not loud and not headline_case(sent):
        return None
    parts = []
    for tok in sent:
        word = _lower(tok.text) if loud or tok.is_stop or is_english_word(tok.lower_) else tok.text
        if tok.lower_ == "i" or tok.lower_.startswith(("i'", "i’")):
            word = tok.text[0] + word[1:]  # "I", "I'M" (one token in capitals)
        parts.append(word + (tok.whitespace_ if tok.i < sent.end - 1 else ""))
    text = "".join(parts)
    first = next((i for i, c in enumerate(text) if c.isalpha()), None)
    return text if first is None else text[:first] + sent.text[first] + text[first + 1:]


# Words a title-case headline leaves in lower case when they are not its first word.
_TITLE_SMALL = frozenset({"a", "an", "the", "and", "or", "but", "nor", "of", "to", "in", "on", "at", "by", "for", "from", "with", "as", "vs"})


def recased(rewrite: str, sent: Span) -> str:
    """A rewrite made from the sentence-case copy, in the original's case: a title-case
    headline gets its rewrite in title case ("Pager Went Unanswered During Meltdown"),
    each word kept as the headline wrote it where it wrote it; a shouted sentence keeps
    the copy's sentence case (a suggestion need not shout back)."""
    if shouted(sent) or not headline_case(sent):
        return rewrite
    written = {t.lower_: t.text for t in sent if t.is_alpha}
    out = []
    for i, word in enumerate(rewrite.split(" ")):
        low = word.lower()
        if low in written and not (i == 0 and written[low][:1].islower()):
            out.append(written[low] + word[len(low):] if word.lower().startswith(low) else word)
        elif i > 0 and low in _TITLE_SMALL:
            out.append(low)
        else:
            out.append(word[:1].upper() + word[1:])
    return " ".join(out)
