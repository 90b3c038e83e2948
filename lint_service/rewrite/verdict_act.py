"""A verdict whose act is given beside it, said as the act without its doer: "The storage
team is responsible for the outage, since they pushed the ACL change outside the window"
-> "The ACL change was pushed outside the window, which led to the outage"; "Olu should be
held accountable for the data loss; he skipped the restore test for a month" -> "The
restore test was skipped for a month, which led to the data loss";
"The on-call was at fault for restarting the primary during the backup" (or "..., having
restarted the primary") -> "The primary was restarted during the backup"; a judgement
adjective that is the whole verdict (rewrite15): "The on-call was careless; he restarted the
primary during the backup" -> "The primary was restarted during the backup".

The verdict clause is a judgement of the person, and goes; the act is what happened, and
stays, agentless and in its own tense. Only where the sentence is exactly the two: a
verdict clause that says nothing but the verdict (a responsibility word or a verdict
detection, the person, what it was for) and an act whose subject is a pronoun standing
for the person, joined by a reason mark ("since", "because", "as"), a semicolon or a colon. A
pure verdict ("The storage team is responsible for the outage") has no act to say and
keeps no rewrite: nothing here invents what happened. An act with a pronoun object
("since they changed it") would leave "It was changed" pointing at nothing (the verifier
refuses it).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from .candidate import PERSONAL_WORDS, Candidate, finish
from .clause import verb_phrase_passive
from .restate import act_alone_passive
from .verdict_report import report_frame
from .text import phrasing, span_text, trailing_punct

if TYPE_CHECKING:
    from ..checks.blame.recognizers import Detection
    from ..checks.registry import Context

# the person's pronoun as the act's subject, and what it becomes when the act stands alone
_SUBJECTS = {"he": "He", "she": "She", "they": "They"}


def _act_after_mark(sent: Span, marks: set[str], root: Token) -> tuple[list[Token], set[int]] | None:
    """"..., since they pushed X": (the act's words without the mark, the indices it takes)."""
    for verb in sent:
        mark = next((c for c in verb.children if c.dep_ == "mark" and c.lower_ in marks and c.i < verb.i), None)
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if mark is None or subj is None or subj.lower_ not in _SUBJECTS or verb.dep_ != "advcl":
            continue
        if verb.head.i != root.i and verb.head.head.i != root.i:
            continue  # a reason for something inside the sentence, not for the verdict ("is to blame/xcomp")
        if mark.i != verb.left_edge.i or verb.i < verb.head.i:
            return None  # "Because they pushed X, the team is responsible": the act leads; not this shape
        words = [t for t in verb.subtree if t.i != mark.i and not trailing_punct(t)]
        taken = {t.i for t in verb.subtree}
        before = sent.doc[verb.left_edge.i - 1] if verb.left_edge.i > sent.start else None
        if before is not None and before.text == ",":
            taken.add(before.i)
        return words, taken
    return None


def _act_after_semicolon(sent: Span) -> tuple[list[Token], set[int]] | None:
    """"...; he skipped X" (or "...: he skipped X"): the words after a single semicolon or
    colon, when they start with the pronoun."""
    semis = [t for t in sent if t.text in (";", ":")]
    if len(semis) != 1:
        return None
    after = [t for t in sent if t.i > semis[0].i]
    if not after or after[0].lower_ not in _SUBJECTS:
        return None
    return [t for t in after if not (trailing_punct(t) and t.i == sent.end - 1)], {t.i for t in after} | {semis[0].i}


def _up_to(tok: Token, root: Token) -> list[Token]:
    """``tok``'s heads up to ``root``, the verdict's root (empty when ``root`` is not among them)."""
    chain = []
    for a in tok.ancestors:
        chain.append(a)
        if a.i == root.i:
            return chain
    return []


def _gerund_act(sent: Span, root: Token) -> tuple[Token, set[int]] | None:
    """"... at fault for restarting X" / "..., having restarted X": the act's verb (no
    subject of its own: the person's) and the indices the act and its link take."""
    words = set(phrasing()["responsibility_words"])
    for verb in sent:
        if any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
            continue
        link = verb.head
        # "at fault/pobj for/prep restarting/pcomp": the verdict's words up to its root, no other verb
        above = _up_to(link, root)
        if verb.tag_ == "VBG" and verb.dep_ == "pcomp" and link.lower_ == "for" and link.dep_ == "prep" \
                and above and not any(a.pos_ == "VERB" and a.i != root.i and a.lemma_.lower() not in words for a in above):
            taken = {t.i for t in verb.subtree} | {link.i}
        elif verb.dep_ == "advcl" and link.i == root.i and any(a.dep_ == "aux" and a.lower_ == "having" for a in verb.children):
            taken = {t.i for t in verb.subtree}
        else:
            continue
        before = sent.doc[min(taken) - 1] if min(taken) > sent.start else None
        if before is not None and before.text == ",":
            taken.add(before.i)
        return verb, taken
    return None


def _verdict_only(det: "Detection", sent: Span, taken: set[int]) -> bool:
    """Outside the act, the sentence is the verdict alone: the detection's evidence or a
    responsibility word, the person, the verdict's verb, and what it was for."""
    rest = [t for t in sent if t.i not in taken and not t.is_punct]
    words = set(phrasing()["responsibility_words"])
    if any(t.i in taken for t in det.evidence) or det.target is None or det.target.i in taken:
        return False
    if not any(t.lemma_.lower() in words or t.lower_ in words for t in rest) and det.construction != "verdict" \
            and not _judged_person(det):
        return False
    # any other verb in the verdict half is a second fact the rewrite would drop
    evidence = {t.i for t in det.evidence}
    return not any(t.pos_ == "VERB" and t.i not in evidence and t.lemma_ not in ("hold", "be") for t in rest)


def _judged_person(det: "Detection") -> bool:
    """"The on-call was careless; he restarted X": a judgement adjective said of the person
    as the copula's complement, the whole of the verdict ("careless with the credentials"
    says what it was about, and is more than the verdict)."""
    word = det.evidence[0] if det.construction == "judgement" and len(det.evidence) == 1 else None
    return word is not None and word.dep_ == "acomp" and word.head.lemma_ == "be" and not list(word.children) \
        and det.target is not None and det.target.dep_ == "nsubj" and det.target.head == word.head


def verdict_act(det: "Detection", sent: Span, ctx: "Context") -> list[Candidate]:
    if not (det.construction in ("blame-noun", "verdict") or _judged_person(det)) or ctx.parse is None:
        return []
    marks = set(phrasing()["verdict_act_marks"])
    # "The review concluded that <verdict>": who concluded it stays around the rewrite
    frame = report_frame(sent)
    root, framed = (frame.verdict, set(frame.taken)) if frame is not None else (sent.root, set())
    return [Candidate(frame.around(c.text) if frame is not None else c.text, drops=c.drops)
            for c in _rewritten(det, sent, ctx, marks, root, framed)]


def _rewritten(det: "Detection", sent: Span, ctx: "Context", marks: set[str], root: Token, framed: set[int]) -> list[Candidate]:
    """The verdict rewritten as its act; ``root`` is the verdict's root and ``framed`` the
    tokens of a report around it, which the caller says again."""
    if (gerund := _gerund_act(sent, root)) is not None and _verdict_only(det, sent, gerund[1] | framed):
        verb, taken = gerund
        own = [t for t in verb.subtree if t.i in taken and t.dep_ != "aux" and not trailing_punct(t)]
        if any(t.lower_ in PERSONAL_WORDS for t in own) or any(c.dep_ == "neg" for c in verb.children):
            return []  # "for not testing it": the act was not done; a pronoun of theirs
        phrase = verb_phrase_passive(verb, own, False, set(phrasing()["dropped_adverbs"]), present=False)
        if not phrase:
            return []
        outcome = _outcome(sent, taken)
        return [Candidate(finish(f"{phrase[0]} {phrase[1]}{_led_to(outcome) if outcome is not None else ''}"))]
    found = _act_after_mark(sent, marks, root) or (_act_after_semicolon(sent) if not framed else None)
    if found is None or not _verdict_only(det, sent, found[1] | framed):
        return []
    words, _taken = found
    text = span_text(words)
    pronoun = next(t for t in words if t.lower_ in _SUBJECTS)
    if pronoun.i != words[0].i:
        return []  # "since, as they said, they pushed ...": not one plain act
    act = _SUBJECTS[pronoun.lower_] + text[len(pronoun.text):] + "."
    alone = act_alone_passive(act, ctx)
    if alone is None:
        return []
    # what the verdict held them responsible for is what the act led to ("responsible
    # for the outage, since they pushed X" -> "X was pushed ..., which led to the
    # outage"): without it the act stands unconnected to the harm (graded poor, round 10)
    outcome = _outcome(sent, found[1])
    kept = {t.i for t in outcome.subtree} if outcome is not None else set()
    dropped = frozenset(t.text for t in sent if t.i not in found[1] and t.i not in kept and t.pos_ in ("NOUN", "PROPN"))
    text = alone[1].text
    if outcome is not None:
        text = text.rstrip().rstrip(".") + _led_to(outcome) + "."
    return [Candidate(text, drops=dropped)]


def _outcome(sent: Span, taken: set[int]) -> Token | None:
    """The harm a verdict makes the person answer for: the object of its "for" ("is
    responsible for the outage", "should be held accountable for the data loss"), a
    thing, not an act ("for restarting X" is the gerund shape above), and no person."""
    words = set(phrasing()["responsibility_words"])
    for tok in sent:
        prep = tok.head
        if tok.dep_ == "pobj" and tok.pos_ == "NOUN" and prep.lower_ == "for" and tok.i not in taken \
                and (prep.head.lemma_.lower() in words or prep.head.lower_ in words) \
                and not any(t.lower_ in PERSONAL_WORDS or t.pos_ in ("PROPN", "PRON") for t in tok.subtree):
            return tok
    return None


def _led_to(outcome: Token) -> str:
    """", which led to the outage": the outcome with its determiner in lower case mid-sentence."""
    words = list(outcome.subtree)
    text = span_text(words)
    return ", which led to " + (text[:1].lower() + text[1:] if words[0].dep_ == "det" else text)
