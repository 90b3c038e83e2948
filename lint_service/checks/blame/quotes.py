"""Quotation marks: blame that is quoted to be discussed, and blame that is reported.

A quote the text *mentions* ("We avoid the phrase "human error"", "The first message
was "who broke prod?", which set the wrong tone") is not asserted blame. A quote the
text *reports* as what happened is (rule 12): a clause someone is quoted saying
('"I broke it," she wrote'), a whole quoted sentence, or a scare-quoted phrase in
running prose ('caused by someone hitting the "wrong button"').
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from .agents import Kind, classify
from .lexicon import Lexicon, verb_lemma

_MARKS = ('"', "“", "”", "''", "``")


def _spans(sent: Span) -> list[tuple[int, int]]:
    """(open, close) token indices of each double-quoted stretch."""
    out: list[tuple[int, int]] = []
    open_at: int | None = None
    for tok in sent:
        if tok.text in _MARKS:
            if open_at is None and tok.text != "”":
                open_at = tok.i
            elif open_at is not None:
                out.append((open_at, tok.i))
                open_at = None
    return out


def _outside(sent: Span, inside: set[int]) -> list[Token]:
    return [t for t in sent if t.i not in inside and not t.is_punct]


def _discussed(sent: Span, inside: set[int], lex: Lexicon, sayer: Token | None = None) -> bool:
    """Signs outside the quote that it is being talked about or rejected (the verb that
    says or blames the quote itself is no such sign)."""
    words = lex.terms["quote_mention_nouns"]
    for t in _outside(sent, inside):
        if t is sayer and not any(c.dep_ == "neg" for c in t.children):
            continue
        if t.lemma_.lower() in words or t.lower_ in words:
            return True
        if t.pos_ in ("VERB", "AUX") and (verb_lemma(t) in lex.verbs["meta"] or any(c.dep_ == "neg" for c in t.children)):
            return True
        if t.lower_ in ("not", "never", "n't", "untrue", "false", "unfair"):
            return True
    return False


def _has_clause(inside: set[int], sent: Span) -> bool:
    return any(t.dep_ in ("nsubj", "nsubjpass") and t.head.i in inside for t in sent if t.i in inside)


def _reported(sent: Span, inside: set[int], lex: Lexicon) -> bool:
    """A quoted clause presented as someone's account: the whole sentence, or the
    complement of a speech verb whose speaker is a person, role, team or company."""
    outside = _outside(sent, inside)
    if not outside:
        return True
    for t in outside:
        if t.pos_ in ("VERB", "AUX") and lex.verbs["speech"].match(t):
            speaker = next((c for c in t.children if c.dep_ == "nsubj"), None)
            if speaker is None or classify(speaker, lex) != Kind.SYSTEM or speaker.pos_ == "PROPN" or speaker.lemma_.lower() in lex.terms["speaker_nouns"]:
                return True
    return False


def _said(sent: Span, inside: set[int], lex: Lexicon) -> Token | None:
    """The verb a verbless quote is given to as what someone said or blamed: 'blamed the
    outage on "a mistake made by one of our engineers"', 'called it "a one-person error"'."""
    for t in sent:
        if t.i not in inside or t.is_punct or t.head.i in inside:
            continue
        head = t.head.head if t.head.dep_ == "prep" else t.head
        if head.pos_ in ("VERB", "AUX") and (lex.verbs["speech"].match(head) or verb_lemma(head) in ("blame", "attribute", "call", "describe")):
            return head
    return None


def quoted_tokens(sent: Span, lex: Lexicon) -> set[int]:
    """Indices of tokens inside quotes that the sentence mentions rather than asserts."""
    mentioned: set[int] = set()
    for start, end in _spans(sent):
        inside = set(range(start, end + 1))
        verbless = not _has_clause(inside, sent)
        sayer = _said(sent, inside, lex) if verbless and end - start > 8 else None
        if _discussed(sent, inside, lex, sayer):
            mentioned |= inside
        elif _has_clause(inside, sent):
            if not _reported(sent, inside, lex):
                mentioned |= inside
        elif end - start > 8 and sayer is None:
            mentioned |= inside  # a long verbless quote: a title, a log line, a template text
    return mentioned
