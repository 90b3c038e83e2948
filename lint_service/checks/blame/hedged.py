"""Hedged attribution (rule 15): "most likely the contractor swapped the cables",
"I suspect the on-call engineer reversed the change", "seems like the intern edited
the prod config directly", "the technician may have crossed the fibre pairs".

A writer who guesses who did it still names them as the cause. The hedge is read
from the parse: an epistemic adverb on the act's verb, a verb of guessing or seeming
(or "sure", "likely" as a predicate) whose complement is the act, or an epistemic
perfect ("may have", "must have"). The act is a specific past one by a person
(subject a person, role, team or pronoun; a past tense or a perfect; an object),
and not one of the kinds of act people are credited with (recovery, response,
checks, talk) nor one done on purpose or under the process. A hedged guess about a
neutral act ("I think Priya restored the backup by noon") is not blame.
"""
from __future__ import annotations

import functools
from typing import Any

from spacy.tokens import Token

from ...rules import load_rule_file
from .agents import BLAMEABLE, Kind
from .clauses import Clause
from .intent import deliberate, sanctioned
from .lexicon import Lexicon, _freeze
from .recognizers import Detection, SentenceView, _who

# Acts people are credited with or that tell nothing about a cause.
_CREDITED = ("recovery", "response", "diligence", "speech", "reporting", "meta", "protective", "completion", "belief", "judging")
_PERFECT = ("have", "'ve")


@functools.cache
def attribution_words() -> dict[str, Any]:
    """rules/attribution.yaml, validated, as frozen sets of lowercase words."""
    return _freeze(load_rule_file("attribution"))


def told_past(verb: Token) -> bool:
    """A past act: "swapped", "did swap", "has swapped", "may have swapped"."""
    return verb.tag_ == "VBD" or any(
        a.dep_ == "aux" and (a.lower_ in ("did", "had", *_PERFECT) or a.lemma_ == "have") for a in verb.children)


def _negated(tok: Token) -> bool:
    return any(c.dep_ == "neg" or c.lower_ in ("never", "not", "n't") for c in tok.children)


def hedge_over(verb: Token, words: dict[str, Any]) -> Token | None:
    """The word that makes the clause headed by ``verb`` a guess, or None."""
    subject = next((s for s in verb.children if s.dep_ == "nsubj"), None)
    # the parser hangs a sentence-initial adverb on the subject: "Probably/advmod> Marek changed ..."
    on_subject = [a for a in subject.children if a.i < subject.i] if subject is not None else []
    for a in [*verb.children, *on_subject]:
        if a.dep_ == "advmod" and a.lower_ in words["hedge_adverbs"]:
            return a  # "most likely the contractor swapped ...", "Jonas probably reverted ..."
        if a.dep_ == "aux" and a.lower_ in words["hedge_modals"] and any(h.lower_ in _PERFECT for h in verb.children if h.dep_ == "aux"):
            return a  # "may have reversed"
    head = verb.head
    if verb.dep_ in ("ccomp", "parataxis", "advcl") and head is not verb and not _negated(head):
        if verb.dep_ == "advcl" and not any(m.lower_ in ("like", "if") for m in verb.children if m.dep_ == "mark"):
            return None  # only "seems like X did", "looks as if X did"
        if head.lemma_.lower() in words["hedge_verbs"]:
            return head  # "I suspect ...", "it appears ...", "seems like ..."
        if head.lower_ in words["hedge_predicates"]:
            return head  # "pretty sure the DBA ran ..."
        if head.lemma_ == "be" and any(x.dep_ in ("acomp", "advmod") and x.lower_ in words["hedge_predicates"] for x in head.children):
            return head  # "I'm pretty sure ...", "it is likely ..."
        if any(x.dep_ == "advmod" and x.lower_ in words["hedge_predicates"] for x in head.children) and head.pos_ in ("VERB", "AUX"):
            return head  # "pretty sure that was ..." parsed with "sure" on the main verb
    return None


def _doubted_act(c: Clause, lex: Lexicon) -> bool:
    """A specific past act by a person, of a kind that can be the cause."""
    a = c.action
    if c.subject_kind not in BLAMEABLE or c.subject_kind == Kind.WE or c.negated or c.passive or c.conditional:
        return False
    if not told_past(c.verb) or not c.objects:
        return False
    if any(lex.verbs[k].match(a) for k in _CREDITED) and not any(lex.verbs[k].match(a) for k in ("destructive", "breakage", "exchange")):
        return False
    incidents = lex.terms["incident_nouns"] | lex.terms["failure_nouns"]
    if any(o.lemma_.lower() in incidents or o.lemma_.lower() in lex.verbs["diligence"] for o in c.objects):
        return False  # "probably opened an incident", "probably ran the tests"
    return not (sanctioned(c, lex) or deliberate(c, lex) or _on_purpose(a, lex))


def _on_purpose(act: Token, lex: Lexicon) -> bool:
    """"swapped the cables on purpose", "deliberately reversed the leads": the plan, not a slip."""
    said = " " + " ".join(t.lower_ for t in act.subtree) + " "
    return any(f" {m} " in said for m in lex.framing["deliberate_markers"])


def hedged_act(view: SentenceView) -> Detection | None:
    words = attribution_words()
    for c in view.clauses:
        if c.verb.i in view.quoted or not _doubted_act(c, view.lex):
            continue
        hedge = hedge_over(c.verb, words)
        if hedge is None or hedge.i in view.quoted:
            continue
        return Detection(
            "blame.person-subject", "framing",
            f'"{hedge.text}" still names "{_who(c.subject)}" as the one who caused it ("{c.verb.text}"); '
            "a guess about who did it is blame too: describe the change and what let it through instead.",
            c, [c.verb, hedge], c.subject,
        )
    return None
