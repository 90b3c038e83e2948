"""Verifier checks for faults blind graders found on the cross-author sets blind-c and
blind-d (issue 11, round 8): a passive built around the wrong words, which its own
parse gives away, half a coordination left active, and the writer's self-blame left
beside the rewritten sentence.

Each check reads the candidate's parse beside the original's and counts only what the
original did not already have, so a sentence written that way stays rewritable; none
reads words of a particular sentence.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Span

from .text import phrasing, verb_lemma_of

if TYPE_CHECKING:  # verify.py imports this module
    from .verify import Original

_SUBJECTS = ("nsubj", "nsubjpass")
_FIRST_OBJECT = frozenset({"me", "my", "mine", "myself"})
WHO_ASKED = "a 'who' left asking for the person"


def _person_beside_subject(span: Span) -> int:
    """A head with a second subject that is a person's pronoun: "The bucket, not me was
    wiped" (an aside about who did it, glued into the subject). Two noun subjects are
    left alone: the small parser gives them to many sentences that read well."""
    return sum(1 for t in span if sum(c.dep_ in _SUBJECTS for c in t.children) > 1
               and any(c.dep_ in _SUBJECTS and c.tag_ == "PRP" and c.lower_ != "it" for c in t.children))


def _adverb_after_subject_noun(span: Span) -> int:
    """An adverb hung after a noun of the passive subject ("The DNS TTL down to 5
    seconds was mistyped"): it said where the act took the object, and moved with it."""
    return sum(1 for s in span if s.dep_ == "nsubjpass" for t in s.subtree
               if t.dep_ == "advmod" and t.pos_ in ("ADV", "ADP") and t.head.pos_ in ("NOUN", "PROPN") and t.i > t.head.i)


def _clause_as_subject(span: Span) -> int:
    """A passive subject that is an '-ing' with a clause of its own: "The mailbox
    thinking it was unused was deleted", "Verbose tracing on ... was left". A bare
    gerund ("Debug logging was left on") has none of these."""
    return sum(1 for t in span if t.dep_ == "nsubjpass" and t.tag_ == "VBG"
               and any(c.dep_ in ("ccomp", "prt") for c in t.children))


def _active_second_half(span: Span) -> int:
    """The second act of a coordination left active with no subject after a passive
    first half: "was muted during the week and never unmuted it" (a participle that
    leans on the auxiliary, "and never unmuted", takes no object)."""
    return sum(1 for t in span if t.dep_ == "conj" and any(c.dep_ == "auxpass" for c in t.head.children)
               and any(c.dep_ == "cc" and t.head.i < c.i < t.i for c in t.head.children)
               and not any(c.dep_ in (*_SUBJECTS, "auxpass", "expl") for c in t.children)
               and any(c.dep_ in ("dobj", "obj") for c in t.children))


def _noun_taken_for_particle(cand: Span, orig: "Original") -> list[str]:
    """A word of the original's object ("the API token") the candidate's parse takes for
    a particle of the passive verb ("The API was pasted token"): the phrase was cut."""
    out = []
    for t in cand:
        if t.tag_ != "RP":
            continue
        same = [o for o in orig.sent if o.lower_ == t.lower_]
        if same and all(o.tag_ != "RP" and o.pos_ in ("NOUN", "PROPN", "VERB", "ADJ") for o in same):
            out.append(t.text)
    return out


def garbled_problems(cand: Span, orig: "Original") -> list[str]:
    out = []
    if _person_beside_subject(cand) > _person_beside_subject(orig.sent):
        out.append("a person's pronoun beside the passive's subject")
    if _adverb_after_subject_noun(cand) > _adverb_after_subject_noun(orig.sent):
        out.append("an adverb of the act moved into the passive's subject")
    if _clause_as_subject(cand) > _clause_as_subject(orig.sent):
        out.append("an '-ing' clause made the passive's subject")
    if _active_second_half(cand) > _active_second_half(orig.sent):
        out.append("half a coordination left active with no subject")
    out.extend(f"{w!r} of the object parsed as a particle of the verb" for w in _noun_taken_for_particle(cand, orig))
    out.extend(f"the lapse {t.text!r} kept as a participle" for t in cand
               # a title-case headline tags it NNP ("The Forgotten Renewal Takes ...")
               if t.tag_ not in ("VB", "VBD", "VBZ", "VBP", "VBG") and t.lower_ != verb_lemma_of(t.text)
               and verb_lemma_of(t.text) in phrasing().get("lapse_participles", ()))
    if (who := _person_promoted(cand, orig)) is not None:
        out.append(f"{who!r}, a person, made the subject of the act")
    if (act := _writer_act_dropped(cand, orig)) is not None:
        out.append(f"the writer's act {act!r} dropped with the clause around it")
    if _who_asked(cand, orig):
        out.append(WHO_ASKED)
    if _stranded_after_phrase(cand, orig):
        out.append("an '-ing' that closed the object's phrase left behind the verb")
    if (beside := _self_blame_beside(orig)) is not None:
        out.append(f"the writer's {beside!r} left beside the rewritten sentence")
    return out


def _person_promoted(cand: Span, orig: "Original") -> str | None:
    """A person the original named as the answer to a verdict ("The culprit was a night
    supervisor who ...") made the subject of the act once the verdict word goes ("A night
    supervisor switched ..."): still the person's act, now stated as plain fact. A person
    who already was a subject in the original is left to the other checks."""
    from .faithful import names_person  # faithful.py is imported by verify.py, as this module is

    root = cand.root
    # the answer to "The culprit was ... who" is a person, whatever the word ("a night porter")
    verdicts = set(phrasing()["responsibility_words"])
    answers = {o.lower_ for o in orig.sent if o.dep_ == "attr" and o.head.i == orig.sent.root.i and any(
        s.dep_ == "nsubj" and s.lemma_.lower() in verdicts for s in o.head.children) and any(
        r.dep_ == "relcl" and any(w.dep_ == "nsubj" and w.lower_ == "who" for w in r.children) for r in o.children)}
    for subj in (c for c in root.children if c.dep_ == "nsubj" and (names_person(c) or c.lower_ in answers)):
        same = [o for o in orig.sent if o.lower_ == subj.lower_]
        # "Management let the contractor go" -> "The contractor went": the subject of a
        # verb the removed person's act governed is not the subject of the sentence
        if same and not any(o.dep_ in _SUBJECTS and o.head == orig.sent.root for o in same):
            return subj.text
    return None


def _writer_act_dropped(cand: Span, orig: "Original") -> str | None:
    """The writer's own act on something ("..., but on a wet Tuesday I swapped the tags")
    dropped with a confession around it, the rewrite keeping only a clause before it
    ("I had never mislabelled a batch."): the incident itself is gone. A frame the rewrite
    may drop ("I said ...", "I think ...") takes a clause, not an object; a rewrite with
    the writer gone ("I dropped the ball on X" -> "X was not followed up") restated it."""
    if not any(t.lower_ == "i" and t.dep_ == "nsubj" for t in cand):
        return None  # the rewrite took the writer out: what it kept is the act, restated
    kept = {t.lower_ for t in cand}
    for t in orig.sent:
        objects = [c for c in t.children if c.dep_ in ("dobj", "obj")]
        if t.tag_ == "VBD" and t.lower_ not in kept and objects and all(o.lower_ not in kept for o in objects) \
                and any(c.dep_ == "nsubj" and c.lower_ == "i" for c in t.children):
            return t.text
    return None


def _who_asked(cand: Span, orig: "Original") -> bool:
    """"..., who was it": with the person gone, a bare "who" clause about the act itself
    ("who was it", "who did that") asks for the culprit, though the parser hangs it on
    the last noun as a relative. A relative that says something ("for a senator who is
    still alive") is left alone."""
    for t in cand:
        verb = t.head
        if t.lower_ == "who" and verb.dep_ == "relcl" and len(list(verb.subtree)) <= 3 \
                and any(c.lower_ in ("it", "that", "this") for c in verb.children):
            return bool(orig.dropped)
    # whatever the parse: the sentence closes on "who was it" / "who did that"
    return bool(orig.dropped) and asked_who(cand) is not None


def asked_who(span: Span) -> int | None:
    """The character offset in ``span.text`` of a closing ", who was it" (or "who did
    that", "who is this"), or None."""
    words = [t for t in span if not (t.is_punct and t.text not in (",", "—", "-"))]
    if len(words) < 4:
        return None
    sep, who, verb, what = words[-4:]
    if sep.text not in (",", "—", "-") or who.lower_ != "who" or verb.lemma_ not in ("be", "do") or what.lower_ not in ("it", "that", "this"):
        return None
    return sep.idx - span.start_char


def _stranded_after_phrase(cand: Span, orig: "Original") -> bool:
    """"skipped the check for the third week running" -> "The check for the third week
    was skipped running": the bare '-ing' closed the phrase that moved to the front, and
    stays behind without it. After a plain object ("left the server running" -> "The
    server was left running") it is the verb's complement and reads."""
    sent = list(orig.sent)
    for subj in (t for t in cand if t.dep_ == "nsubjpass"):
        if subj.right_edge.dep_ != "pobj":
            continue
        words = [t.lower_ for t in subj.subtree]
        for k in range(len(sent) - len(words)):
            if [t.lower_ for t in sent[k:k + len(words)]] != words:
                continue
            nxt = sent[k + len(words)]
            after = cand.doc[subj.right_edge.i + 1] if subj.right_edge.i + 1 < cand.end else None
            if nxt.tag_ == "VBG" and not list(nxt.children) and (after is None or after.lower_ != nxt.lower_) \
                    and any(t.lower_ == nxt.lower_ for t in cand):
                return True
    return False


def _self_blame_beside(orig: "Original") -> str | None:
    """With the writer removed ("I ...", or no subject at all: "forgot to renew it"), a
    fragment on the same line that points at them ("Me.", "my bad", "me again"): it
    stays when the rewrite is applied, and the blame with it. A sentence with a verb of
    its own ("My pager went off.") says something else, and is left to its own finding."""
    root = orig.sent.root
    writer = bool(orig.pronouns & _FIRST_OBJECT) or not any(c.dep_ in (*_SUBJECTS, "expl") for c in root.children)
    if not writer:
        return None
    for near in _same_line(orig.sent):
        if any(t.pos_ in ("VERB", "AUX") for t in near):
            continue
        for t in near:
            if t.lower_ in _FIRST_OBJECT:
                return t.text
    return None


def _same_line(sent: Span) -> list[Span]:
    """The other sentences of the line ``sent`` stands on."""
    doc = sent.doc
    if not doc.has_annotation("SENT_START"):
        return []
    text = doc.text
    a = text.rfind("\n", 0, sent.start_char) + 1
    b = text.find("\n", sent.end_char)
    b = len(text) if b == -1 else b
    return [s for s in doc.sents if s.start != sent.start and s.start_char >= a and s.end_char <= b]
