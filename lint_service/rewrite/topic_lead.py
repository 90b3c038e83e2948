"""(rewrite29) What a dropped verdict or apology was for, kept as the lead of the act.

"The blame for the lost pallets sits with me; I scanned the wrong manifest." The verdict
goes, and with it the thing it was for, which the verifier refuses to lose
(rewrite/lost_facts.py ``verdict_topic_lost``). The thing is what the act is about, so it
leads the rewritten act as a heading does a note: "The lost pallets: the wrong manifest
was scanned." Nothing is said of how the two are linked beyond what the writer's own
sentence set side by side.

The same lead stands for a verdict the candidate kept before a separator, when it only
owns a named thing: "The late manifest is on me; the customs form was misread" -> "The
late manifest: the customs form was misread" (rules/rewrites.yaml
``verdict_only.owning_prepositions``; the thing a plain noun phrase).
"""
from __future__ import annotations

from spacy.tokens import Span

from .text import tidy

# the verifier's message for the lost thing (rewrite/verify.py)
TOPIC_LOST = ("what the verdict was for (", ") lost with it")


def with_topic(cand: Span, message: str, orig: Span) -> str | None:
    """``cand`` led by the thing ``message`` names, or None when the candidate has no
    plain clause to lead (a question, a fragment, a first person still in it), or the
    verdict's clause said more than the thing ("sorry for the mess yesterday": when)."""
    topic = message[len(TOPIC_LOST[0]):-len(TOPIC_LOST[1])].strip("'\"")
    if not topic or ":" in cand.text or cand.text.rstrip().endswith("?"):
        return None
    if _more_in_verdict(orig, topic, cand):
        return None
    first = cand[0]
    if first.lower_ in ("i", "we", "and", "but", "so") or not any(t.dep_ in ("nsubj", "nsubjpass", "expl") for t in cand.root.children):
        return None
    rest = cand.text.strip()
    if first.pos_ != "PROPN" and not first.text.isupper():
        rest = rest[0].lower() + rest[1:]
    return tidy(f"{topic[0].upper()}{topic[1:]}: {rest}")


_SEPARATORS = (";", ":", "—", "–", "-", ",")


def _more_in_verdict(orig: Span, topic: str, cand: Span) -> bool:
    """A content word of the verdict's clause (the words before the first separator) that
    is neither a verdict word, the writer, nor in the thing or the candidate."""
    from .lost_facts import _verdict_words

    verdicts = _verdict_words()
    kept = {w.lower() for w in topic.split()} | {t.lower_ for t in cand}
    for t in orig:
        if t.text in _SEPARATORS:
            return False
        if t.pos_ in ("NOUN", "PROPN", "NUM", "ADV") and t.lower_ not in kept and t.lower_ not in verdicts \
                and t.lemma_.lower() not in verdicts and t.lower_ not in ("me", "i"):
            return True
    return False


_CLAUSE_MARKS = (";", ":", "—", "–")


def owned_topic(cand: Span) -> str | None:
    """``cand`` with a leading "<thing> is on me;" said as "<Thing>:", or None."""
    from .text import phrasing
    from .verdict_topic import _plain

    sep = next((t for t in cand if t.text in _CLAUSE_MARKS), None)
    if sep is None or sep.i == cand.start:
        return None
    head = [t for t in cand if t.i < sep.i]
    be = next((t for t in head if t.lemma_ == "be" and t.i != cand.start), None)
    if be is None:
        return None
    subj = next((c for c in be.children if c.dep_ == "nsubj" and c.i < be.i), None)
    owning = set(phrasing()["verdict_only"]["owning_prepositions"])
    prep = next((c for c in be.children if c.dep_ == "prep" and c.lower_ in owning), None)
    owner = next((o for o in prep.children if o.dep_ == "pobj"), None) if prep is not None else None
    if subj is None or owner is None or owner.pos_ != "PRON" or not _plain(subj) or subj.pos_ == "PRON":
        return None
    # nothing in the head but the thing, "is", the owning phrase and fillers of punctuation
    said = {t.i for t in subj.subtree} | {be.i} | {t.i for t in prep.subtree} | {c.i for c in be.children if c.dep_ in ("neg",)}
    if any(c.dep_ == "neg" for c in be.children) or any(t.i not in said and not t.is_punct for t in head):
        return None
    thing = cand.doc[subj.left_edge.i : subj.right_edge.i + 1].text
    rest = cand.doc[sep.i + 1 : cand.end].text.strip()
    if not rest:
        return None
    return tidy(f"{thing[0].upper()}{thing[1:]}: {rest}")
