"""What else a sentence says about the person a rewrite removes.

The rewritten clause no longer names them, so the rest of the sentence cannot
point at them either: "when she reviewed the query change" becomes "when the query
change was reviewed", "because he was in a hurry" (a motive, said of nobody now)
goes, and "her terminal" becomes "the terminal".
"""
from __future__ import annotations

import re

from spacy.tokens import Span, Token

from .clause import verb_phrase_passive
from .person_clauses import held_state, inner_clauses
from .person_main import doing_edit, joined_clause_edits, main_clause_edits
from .text import phrasing, render, verb_lemma_of

# Pronouns that can only mean a person (never a system or the team's "we").
PERSONAL = frozenset({"he", "she", "him", "her", "his", "hers", "himself", "herself", "i", "me", "my", "mine", "myself"})
# "you" is a person only when the rewrite removes the addressed "you" itself ("You skipped
# the step, which is why your instance won't start"); elsewhere it may be anyone's
SECOND = frozenset({"you", "your", "yours", "yourself"})


def _person_subject(verb: Token, personal: frozenset[str] = PERSONAL) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in personal for c in verb.children)


def removed_pronouns(sent: Span, first: int) -> frozenset[str]:
    """The pronouns that stand for the person whose clause starts at ``first``: the
    personal ones, and the second person's when that clause's subject is the addressed "you"."""
    tok = sent.doc[first]
    return PERSONAL | SECOND if tok.lower_ == "you" and tok.dep_ in ("nsubj", "nsubjpass") else PERSONAL


def clause_edits(sent: Span, lo: int, hi: int, personal: frozenset[str] = PERSONAL) -> tuple[dict[int, str], set[int]]:
    """Replacements and deletions outside tokens ``lo..hi`` (the rewritten clause) that
    take the removed person out of the rest of the sentence."""
    replace: dict[int, str] = {}
    delete: set[int] = set()
    drop = set(phrasing()["dropped_adverbs"])
    dropped_marks = set(phrasing()["person_clause_marks"])
    apologies = set(phrasing()["apology_words"])
    for tok in sent:
        if lo <= tok.i <= hi or tok.i in delete:
            continue
        if tok.dep_ == "poss" and tok.lower_ in personal:
            # "which is why your instance won't start": the addressee's thing is one both
            # sides know, so it stays definite ("an instance" would be some other one)
            replace[tok.i] = "the" if tok.lower_ in SECOND else _article(tok)
        # (a trailing "..., sorry" or "lol" the parser may join as a conjunct or adverb)
        if tok.lower_ in apologies and (tok.dep_ in ("npadvmod", "intj", "parataxis", "dep", "appos")
                                        or (tok.dep_ in ("conj", "advmod") and tok.pos_ != "VERB" and not list(tok.children))):
            # "..., apologies": with the person gone, nobody is left to apologise
            delete |= {t.i for t in tok.subtree}
            before = sent.doc[tok.left_edge.i - 1] if tok.left_edge.i > sent.start else None
            if before is not None and before.text in (",", "-", "—", "–"):
                delete.add(before.i)
            continue
        if tok.dep_ != "advcl" or not _person_subject(tok, personal):
            continue
        mark = next((c for c in tok.children if c.dep_ == "mark" or (c.dep_ == "advmod" and c.tag_ == "WRB")), None)
        subj = next(c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass"))
        own = [t for t in tok.subtree if t.i not in {x.i for x in subj.subtree} and t != mark and not t.is_punct]
        # "because she wanted the fix out": a belief or wish passivised ("the fix was
        # wanted out") is held by nobody; it stays, and its pronoun refuses the candidate
        mental = verb_lemma_of(tok.text) in phrasing()["mental_verbs"]
        phrase = None if mental else verb_phrase_passive(tok, own, any(c.dep_ == "neg" for c in tok.children), drop)
        if verb_lemma_of(tok.text) == "have":
            phrase = held_state(tok)  # "while I still had the editor open" -> "while the editor was still open"
        elif phrase is not None and (modal := next((c for c in tok.children if c.dep_ == "aux" and c.tag_ == "MD"), None)):
            # "so he could plug in his drill": a purpose, not a result; "so a drill was
            # plugged in" would say it happened, so the modal stays ("so a drill could be plugged in")
            phrase = modal_passive(phrase, modal.lower_)
        span = [t.i for t in tok.subtree if not (t.is_punct and t.i == tok.right_edge.i)]
        # (their "her local one" is said as "a local one", as in the rewritten clause)
        if phrase is not None and not any(t.lower_ in personal and t.dep_ != "poss" for t in tok.subtree if t.i not in {x.i for x in subj.subtree}):
            start = mark.i + 1 if mark is not None else min(span)
            replace[start] = without_possessives(tok, f"{phrase[0]} {phrase[1]}")
            delete |= {i for i in span if i > start or (i < start and mark is not None and i != mark.i)}
            continue
        # only a circumstance goes with them ("while she was in a meeting"); what they
        # thought or wanted, or what happened to them ("because she thought it was her
        # local copy", "after she was paged"), is a fact the rewrite cannot say without
        # them, so it stays and its pronoun refuses the candidate. So do their reason
        # ("because he was in a hurry": a contributing factor) and who they were then
        # ("when I was the team lead": often the point of the sentence; blind grades: poor)
        reason = mark is not None and mark.lower_ in phrasing()["person_reasons"]["marks"]
        role = any(c.dep_ == "attr" for c in tok.children)
        if mark is not None and mark.lower_ in dropped_marks and tok.lemma_ == "be" and not reason and not role:
            delete |= set(span)
            before = sent.doc[min(span) - 1] if min(span) > sent.start else None
            if before is not None and before.text == ",":
                delete.add(before.i)
    return replace, delete


def modal_passive(phrase: tuple[str, str], modal: str) -> tuple[str, str] | None:
    """(subject, "was plugged in") said under ``modal``: (subject, "could be plugged in");
    None when the predicate is not a plain "was/were (not) ..." that the modal can take."""
    be, _, rest = phrase[1].partition(" ")
    if be not in ("was", "were", "is", "are") or not rest:
        return None
    neg, _, bare = rest.partition(" ")
    if neg == "not" and bare:
        return phrase[0], f"{modal} not be {bare}"
    return phrase[0], f"{modal} be {rest}"


def without_possessives(clause: Token, text: str) -> str:
    """``text``, said from ``clause``, with the person's "her"/"my" before a noun made an article."""
    for tok in clause.subtree:
        if tok.dep_ == "poss" and tok.lower_ in PERSONAL and tok.i + 1 < len(tok.doc):
            nxt = tok.doc[tok.i + 1].text
            text = re.sub(rf"\b{re.escape(tok.text)} {re.escape(nxt)}\b", f"{_article(tok)} {nxt}", text, count=1)
    return text


def _article(tok: Token) -> str:
    """What replaces "his"/"my" before a noun: "a personal laptop", "the settings"."""
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    head = tok.head
    if head.tag_ in ("NNS", "NNPS") or nxt is None or head.lower_ in phrasing()["definite_after_person"] or any(
            c.dep_ == "prep" and c.lower_ == "of" for c in head.children) or head.lemma_.lower() in phrasing()["instrument_heads"]:
        return "the"
    return "an" if nxt.text[:1].lower() in "aeiou" else "a"


def replace_clause(sent: Span, first: int, last: int, text: str) -> str:
    """The sentence with tokens ``first..last`` replaced by ``text`` and the person
    taken out of the rest."""
    personal = removed_pronouns(sent, first)
    replace, delete = clause_edits(sent, first, last, personal)
    for edits in (main_clause_edits, joined_clause_edits):  # "X snipped the line because he ...", "..., and then he ...": their acts too
        more, gone = edits(sent, first, last)
        replace, delete = {**replace, **more}, delete | gone
    for tok in sent[first - sent.start : last - sent.start + 1]:
        # "to his personal laptop" inside the rewritten clause: "to a personal laptop"
        if tok.dep_ == "poss" and tok.lower_ in personal and tok.i + 1 < len(tok.doc):
            nxt = tok.doc[tok.i + 1].text
            article = "the" if tok.lower_ in SECOND else _article(tok)
            text = re.sub(rf"\b{re.escape(tok.text)} {re.escape(nxt)}\b", f"{article} {nxt}", text, count=1)
    replace[first] = inner_clauses(sent, first, last, text, personal) + doing_edit(sent, first, last) + _attribution(sent, first, last)
    return render(sent, replace, delete | set(range(first + 1, last + 1)))


def _attribution(sent: Span, first: int, last: int) -> str:
    """", officials said" for a reporting clause set inside the rewritten range ("The
    technician, officials said, unplugged ..."): who said it stays, after the clause."""
    verbs = set(phrasing()["reporting_verbs"])
    for tok in sent[first - sent.start : last - sent.start + 1]:
        if tok.dep_ == "parataxis" and verb_lemma_of(tok.text) in verbs and any(c.dep_ == "nsubj" for c in tok.children) \
                and min(t.i for t in tok.subtree) > first and max(t.i for t in tok.subtree) <= last:
            return ", " + " ".join(t.text for t in tok.subtree if not t.is_punct)
    return ""
