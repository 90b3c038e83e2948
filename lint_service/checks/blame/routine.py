"""A routine act followed by the system's own failure: "Pia upgraded the cluster to 1.29
and the ingress controller crashed on start", "the on-call restarted the service, and the
cache warm-up then overloaded the database".

``risk.consequence`` reads a person's act joined to a bad result as the cause of it. When
the act is planned operational work (``routine`` in rules/verbs.yaml) and the result is
only told after it ("and ...") in a clause whose subject is a named system, the sentence
is a timeline: what the system did next is its own. The writer's own act ("I restarted the
primary and the site went down") ties the two unless it is told as planned ("in the
maintenance window", "as scheduled"). The act is still read for its other
framing (an untested patch, the wrong cluster, without review), and a result said as the
act's ("so ...", "and it crashed", "which crashed") or after a resized setting ("bumped the
pool to 800 and ...") is still a consequence.
"""
from __future__ import annotations

from spacy.tokens import Token

from .agents import BLAMEABLE, Kind, classify
from .clauses import Clause
from .framing import clause_tokens
from .lexicon import Lexicon


def system_turn(c: Clause, result: Token, lex: Lexicon) -> bool:
    """``result`` (a clause joined to ``c``'s verb) is the system's own turn after a routine act."""
    if not lex.verbs["routine"].match(c.action) or result.dep_ != "conj":
        return False
    if c.subject_kind == Kind.SELF and not planned(c, lex):
        return False  # "I restarted the primary and the site went down": the writer ties the two
    marks = {m.lower_ for m in result.children if m.dep_ in ("mark", "cc", "advmod")} | {
        m.lower_ for m in c.verb.children if m.dep_ == "cc" and m.i < result.i}
    if "so" in marks or "thus" in marks or "therefore" in marks:
        return False  # "applied the patch, so the array lost two disks": the act as the reason
    subject = next((s for s in result.children if s.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or subject.pos_ in ("PRON", "DET"):
        return False  # "and it crashed", "and this took down checkout": the act's own doing
    return classify(subject, lex) not in BLAMEABLE


def planned(c: Clause, lex: Lexicon) -> bool:
    """The act is told as planned: "as scheduled", "in the maintenance window"."""
    tokens = clause_tokens(c)
    text = " " + " ".join(t.lower_ for t in tokens) + " "
    if any(f" {m} " in text for m in lex.framing["deliberate_markers"]):
        return True
    periods = lex.framing["planned_periods"]
    return any(t.dep_ == "prep" and t.lower_ in ("in", "during") and any(
        o.dep_ == "pobj" and o.lemma_.lower() in periods for o in t.children) for t in tokens)


def check_result(c: Clause, result: Token, lex: Lexicon) -> bool:
    """"I ran the tests with the new flag and three of them failed", "ran the canary and it
    failed": a check or safeguard the person ran, whose failing is what it found."""
    guards = lex.framing["safeguard_objects"]
    checks = [o for o in c.objects if o.lower_ in guards or o.lemma_.lower() in guards]
    subject = next((s for s in result.children if s.dep_ in ("nsubj", "nsubjpass")), None)
    if not checks or subject is None:
        return False
    # the check itself: "it", "they", "the tests", "three of them", "two of the checks"
    said = [subject] + [o for p in subject.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]
    return any(t.lower_ in ("it", "they", "them") or t.lemma_.lower() in {o.lemma_.lower() for o in checks} for t in said)
