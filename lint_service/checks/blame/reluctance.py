"""A person said to have been unwilling to do a step of care: "Unwilling to wait for the
review, Omar merged the change", "not wanting to test it, they sent it live", "the
on-call was reluctant to escalate".

Reluctance (``reluctance_adjectives``, or a negated "want") whose complement is a verb
of diligence (testing, checking, waiting, reviewing, escalating) puts the skipped step
down to the person's attitude (rules 1 and 17). Not blame: reluctance to do something
risky ("unwilling to risk the data, Omar paused the migration"), the team speaking
(rule 9), a thing, a denial ("was never unwilling to test"), a question or a condition.
"""
from __future__ import annotations

from spacy.tokens import Token

from .agents import BLAMEABLE
from .fragments import writer_kind
from .recognizers import Detection, SentenceView, _negated_sentence, _who


def _careful_step(word: Token, view: SentenceView) -> Token | None:
    """The verb of diligence the reluctance is about ("unwilling to *test*")."""
    return next((x for x in word.children if x.dep_ == "xcomp" and any(a.lower_ == "to" for a in x.children)
                 and view.lex.verbs["diligence"].match(x)), None)


def _reluctance(tok: Token, view: SentenceView) -> bool:
    if tok.lower_ in view.lex.terms["reluctance_adjectives"]:
        return True
    # "not wanting to wait"
    return tok.lemma_ == "want" and tok.tag_ == "VBG" and any(n.dep_ == "neg" for n in tok.children)


def unwilling(view: SentenceView) -> Detection | None:
    for c in view.clauses:
        if writer_kind(c, view.sent, view.lex) not in BLAMEABLE or c.modal or c.conditional or c.verb.i in view.quoted:
            continue
        if view.sent[-1].text == "?":
            continue
        # the reluctance said of the subject ("was unwilling to test"), or set before the act
        # it explains ("Unwilling to wait for the review, Omar merged the change")
        said = [x for x in c.verb.children if x.dep_ == "acomp"] if c.lemma == "be" else []
        said += [x for x in c.verb.children if x.dep_ in ("advcl", "amod", "npadvmod") and x.i < c.verb.i]
        for word in said:
            step = _careful_step(word, view) if _reluctance(word, view) else None
            if step is None or (word.dep_ == "acomp" and c.negated) or _negated_sentence(word) and word.lemma_ != "want":
                continue
            said_as = f"not {word.text}" if word.lemma_ == "want" else word.text
            return Detection(
                "blame.judgement", "judgement",
                f'"{_who(c.subject) if c.subject is not None else "I"} ... {said_as} to {step.text}" puts a skipped check down to a '
                "person's attitude; describe what made the step easy to skip instead.",
                None, [word, step], c.subject,
            )
    return None
