"""A person's work called poor: "the contractor did a terrible job on the wiring",
"Priya's work on the migration was subpar", "the on-call's response was a joke", "the
way the DBA handled the failover was embarrassing".

Words of poor quality ("terrible", "subpar", "embarrassing", "a joke") are too common
to be judgements alone ("the wiring diagram was terrible", "the runbook is a joke"); said
of a person's doing (their work, job, response or handling, or the way they did
something) they judge the person's work (rule 7). "We did a poor job of ..." is the
team speaking (rule 9); praise ("did a great job"), a denial ("wasn't terrible") and a
system's doing ("the script did a terrible job of parsing dates") are not blame.
"""
from __future__ import annotations

from spacy.tokens import Token

from .agents import BLAMEABLE, Kind, classify
from .clauses import Clause
from .lexicon import Lexicon


def _poor(t: Token, lex: Lexicon) -> bool:
    return t.lower_ in lex.terms["poor_work_words"]


def _denied(verb: Token) -> bool:
    return any(x.dep_ == "neg" or x.lower_ in ("never", "not", "n't") for x in verb.children)


def poor_work(c: Clause, who: Token | None, lex: Lexicon) -> list[Token]:
    """The words judging the work, or []. ``who`` is the person whose doing the clause's
    subject is (judgements.judgement found them as the possessor or the doer)."""
    v = c.verb
    if _denied(v) or c.conditional:
        return []
    if who is not None and who is not c.subject and c.subject is not None and v.lemma_ == "be":
        # "Priya's work was subpar", "the way the DBA handled it was embarrassing"
        done = c.subject.lemma_.lower() in lex.terms["work_nouns"] or c.subject.lower_ == "way"
        said = [t for t in v.children if t.dep_ in ("acomp", "attr") and _poor(t, lex)]
        said += [t for a in v.children if a.dep_ == "attr" for t in a.children if t.dep_ == "amod" and _poor(t, lex)]
        return said if done and said else []
    # "you are terrible at deploying", "Omar sucks at code review": a person called bad at
    # what they do (the adjective of poor quality, or "suck", with "at" and the activity)
    # ("you" said so is the one addressed, not anyone; "at the moment" is a time, not a skill)
    if c.subject is not None and (c.subject.lower_ == "you" or classify(c.subject, lex) in BLAMEABLE) and classify(c.subject, lex) != Kind.WE:
        words = [t for t in v.children if t.dep_ == "acomp" and _poor(t, lex)] if v.lemma_ == "be" else [v] if v.lemma_ == "suck" else []
        skills = lex.terms["work_nouns"] | lex.terms["change_nouns"]
        at = [p for w in words for p in (*w.children, *v.children) if p.dep_ == "prep" and p.lower_ == "at" and any(
            o.dep_ == "pcomp" or (o.dep_ == "pobj" and (o.tag_ == "VBG" or o.lemma_.lower() in skills)) for o in p.children)]
        if words and at:
            return [*words, at[0]]
    # "the contractor did a terrible job on the wiring"
    if c.subject is None or v.lemma_ != "do" or classify(c.subject, lex) not in BLAMEABLE or classify(c.subject, lex) == Kind.WE:
        return []
    for o in c.objects:
        if o.lemma_.lower() in ("job", "work"):
            said = [t for t in o.children if t.dep_ == "amod" and _poor(t, lex)]
            if said:
                return [v, *said, o]
    return []
