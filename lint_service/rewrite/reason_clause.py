"""A reason the removed person gave themselves: "because she thought it was her local
copy", "because I wanted it done before the weekend".

Once the person goes nobody holds the belief or the wish, and its pronoun is left with
no antecedent (the verifier refuses that). A belief that only says what the object was
taken for is a fact about the object: "The staging database was deleted, mistaken for
the local copy" (a state it was taken to be in: "The table was dropped, believed to be
unused") (rules/rewrites.yaml ``mistaken_for``, as rewrite/belief.py does for
"thinking it was ..."). A wish (``person_reasons.wishes``) to do something is the act's purpose,
said as one ("The rollout was rushed to hit the Friday deadline"), when it is about a thing
of the work (a goal of the person's own, "to get away on time", is refused); a wish about a
thing ("wanted it done before the weekend") has no such form, and dropping it loses
what it said (graded poor in blind round 6), so it stays refused. Anything else they thought stays, and the candidate stays refused.
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from .people import PERSONAL, _article
from .person_clauses import raised_belief
from .reason_lapse import lapse_reason
from .text import participle_of, phrasing, verb_lemma_of


def _said(tokens: list[Token]) -> str:
    """The words as a candidate renders them: "her local copy" is "the local copy" there."""
    out = []
    for t in tokens:
        word = _article(t) if t.dep_ == "poss" and t.lower_ in PERSONAL else t.text
        out.append(word + t.whitespace_)
    return "".join(out).strip()


def reason_edits(sent: Span, pronouns: frozenset[str]) -> list[tuple[str, str]]:
    """(words as a candidate holds them, words without the person) for each reason clause
    of ``sent`` whose subject is one of ``pronouns``."""
    rw = phrasing()
    marks = set(rw["person_reasons"]["marks"])
    out: list[tuple[str, str]] = []
    for verb in sent:
        if verb.dep_ != "advcl" or verb.head.pos_ not in ("VERB", "AUX"):
            continue
        subj = next((c for c in verb.children if c.dep_ == "nsubj" and c.lower_ in pronouns), None)
        mark = next((c for c in verb.children if c.dep_ == "mark" and c.lower_ in marks), None)
        if subj is None or mark is None or mark.i != verb.left_edge.i or any(c.dep_ in ("neg", "aux") for c in verb.children):
            continue
        words = [t for t in verb.subtree if not (t.is_punct and t.i == verb.right_edge.i)]
        before = sent.doc[mark.i - 1] if mark.i > sent.start else None
        lemma = verb_lemma_of(verb.text)
        # the space (or comma) before the clause goes with it
        old = (", " if before is not None and before.text == "," else " ") + _said(words)
        if lemma in rw["person_reasons"]["wishes"]:
            if (purpose := _purpose(verb, pronouns)) is not None:
                out.append((old, " " + purpose))
        elif lemma in rw["mental_verbs"] and (new := _belief(verb)) is not None:
            out.append((old, ", " + new))
        elif (raised := raised_belief(verb, pronouns)) is not None:  # (rewrite10) "because the build was assumed to be green"
            out.append((old, old[: len(old) - len(old.lstrip(", "))] + mark.text + " " + raised))
        elif (lapse := lapse_reason(verb, pronouns)) is not None:  # (rewrite28) "because the tag was not read"
            out.append((old, old[: len(old) - len(old.lstrip(", "))] + mark.text + " " + lapse))
    return out


def _belief(verb: Token) -> str | None:
    """"mistaken for X" when the belief was "it was X" about the act's own object."""
    act = verb.head
    outcome = phrasing()["outcome_phrases"].get(verb_lemma_of(act.text))
    if outcome is not None and not outcome.startswith("{be}"):
        return None  # "The failover went wrong, mistaken for ...": only a passive act was done to a thing taken for another
    obj = next((c for c in act.children if c.dep_ in ("dobj", "obj")), None)
    said = next((c for c in verb.children if c.dep_ == "ccomp" and c.lemma_ == "be"), None)
    if obj is None or said is None or any(c.dep_ not in ("nsubj", "ccomp", "mark", "punct") for c in verb.children):
        return None
    it = next((c for c in said.children if c.dep_ == "nsubj"), None)
    what = next((c for c in said.children if c.dep_ in ("attr", "acomp")), None)
    plural = obj.tag_ in ("NNS", "NNPS")
    if it is None or what is None or it.lower_ != ("they" if plural else "it") \
            or any(c.dep_ not in ("nsubj", "attr", "acomp", "punct") for c in said.children):
        return None
    if what.dep_ == "acomp":
        # "because he believed it was unused" -> "believed to be unused": a state the object
        # was taken to be in, said with the writer's own verb of belief
        return f"{participle_of(verb)} to be {_said(list(what.subtree))}"
    return f"{phrasing()['mistaken_for']} {_said(list(what.subtree))}"


def _purpose(verb: Token, pronouns: frozenset[str]) -> str | None:
    """"wanted to hit the Friday deadline" -> "to hit the Friday deadline"."""
    goal = next((c for c in verb.children if c.dep_ == "xcomp" and c.tag_ == "VB"), None)
    if goal is None or not any(a.dep_ == "aux" and a.lower_ == "to" for a in goal.children) \
            or any(c.dep_ in ("dobj", "obj") and c.i < goal.i for c in verb.children):
        return None
    if not any(c.dep_ in ("dobj", "obj") for c in goal.children):
        return None  # "wanted to get away on time": a goal with no thing of the work's is the person's own
    words = [t for t in goal.subtree if not (t.is_punct and t.i == goal.right_edge.i)]
    if any(t.lower_ in pronouns or t.lower_ in PERSONAL for t in words):
        return None
    return _said(words)
