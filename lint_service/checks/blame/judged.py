"""Judgements of a person said through what is judged, not by a judgement word on
the person (judgements.py has those): a person's work judged as a copula's subject,
"the migration was sloppy", "honestly this rollout was careless" (rule 7: the work stands for
whoever did it).

The work is a change or a routine operation with its own determiner ("the", "this",
"his"); a system judged ("the dashboard was useless"), work in general ("a rollout can
be sloppy") and a denial ("the rollout was not sloppy") stay out.
"""
from __future__ import annotations

from spacy.tokens import Token

from .clauses import Clause
from .lexicon import Lexicon
from .recognizers import Detection, SentenceView, _negated_sentence


def _work(subj: Token, lex: Lexicon) -> bool:
    """"the review", "this rollout", "his fix": a piece of someone's work, not a system."""
    lemma = subj.lemma_.lower()
    work = lemma in lex.terms["change_nouns"] or lemma in lex.framing["routine_operations"]
    return work and any(d.dep_ in ("det", "poss") and d.lower_ not in ("no", "any", "every", "a", "an") for d in subj.children)


def _work_judged(c: Clause, view: SentenceView) -> list[Token]:
    """The judgement words said of a piece of work: "the migration was sloppy"."""
    lex = view.lex
    if c.lemma != "be" or c.subject is None or c.modal or c.conditional or not _work(c.subject, lex):
        return []
    return [p for p in c.verb.children if p.dep_ in ("acomp", "attr", "oprd") and p.lower_ in lex.terms["judgement_adjectives"]]


def judged_person(view: SentenceView) -> Detection | None:
    for c in view.clauses:
        if c.verb.i in view.quoted:
            continue
        found = _work_judged(c, view)
        if found and not _negated_sentence(found[-1]):
            return Detection("blame.judgement", "judgement",
                             f'"{c.subject.text} {c.verb.text} {found[0].text}" judges the work of whoever did it rather than describing what happened; '
                             "say which condition made the outcome likely.",
                             None, found)
    return None
