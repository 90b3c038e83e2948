"""Judgements of a person said through what is judged, not by a judgement word on
the person (judgements.py has those):

- a person's work judged as a copula's subject: "the review was lazy", "honestly the
  rollout was sloppy" (rule 7: the work stands for whoever did it);
- a faculty found wanting: "did a terrible job", "showed poor judgement", "showed a
  lack of care";
- a trait overdone or a trait of character: "I was way too confident", "I was naive";
- an unknown doer judged: "whoever is running that team is incompetent";
- a rhetorical question about the doer: "what kind of engineer deletes the backups
  before checking the restore?".

A system or plan judged ("the dashboard was useless", "the retry policy was too
eager"), a faculty praised ("did a great job") and "we" speaking as the team stay out.
"""
from __future__ import annotations

from spacy.tokens import Token

from .agents import BLAMEABLE, Kind, classify
from .clauses import Clause
from .hedged import attribution_words
from .recognizers import Detection, SentenceView, _negated_sentence


def _judging(tok: Token, terms, words) -> bool:
    return tok.lower_ in terms["judgement_adjectives"] or tok.lower_ in words["person_traits"]


def _predicates(verb: Token) -> list[Token]:
    return [t for t in verb.children if t.dep_ in ("acomp", "attr", "oprd")]


def _work(subj: Token, lex) -> bool:
    """"the review", "this rollout", "his fix": a piece of someone's work, not a system."""
    lemma = subj.lemma_.lower()
    work = lemma in lex.terms["change_nouns"] or lemma in lex.framing["routine_operations"]
    return work and any(d.dep_ in ("det", "poss") and d.lower_ not in ("no", "any", "every", "a", "an") for d in subj.children)


def _person(subj: Token | None, lex) -> bool:
    return subj is not None and classify(subj, lex) in BLAMEABLE and classify(subj, lex) != Kind.WE


def _whoever(subj: Token | None) -> bool:
    """"Whoever is running that team", "whoever wrote this": one doer, unknown."""
    return subj is not None and subj.dep_ in ("csubj",) and any(w.lower_ == "whoever" and w.dep_ == "nsubj" for w in subj.children)


def _copula_judgement(c: Clause, view: SentenceView, words) -> list[Token]:
    lex = view.lex
    if c.lemma != "be" or c.subject is None or c.modal or c.conditional:
        return []
    preds = _predicates(c.verb)
    subj = c.subject
    judged = [p for p in preds if _judging(p, lex.terms, words)]
    if judged and (_work(subj, lex) or _whoever(subj) or _person(subj, lex)):
        return judged  # "the review was lazy", "whoever runs that team is incompetent", "I was naive"
    if _whoever(subj) and any(p.lower_ in lex.terms["sarcastic_nouns"] for p in preds):
        return [p for p in preds if p.lower_ in lex.terms["sarcastic_nouns"]]
    if _person(subj, lex):
        for p in preds:  # "I was way too confident"
            degree = [d for d in p.children if d.dep_ == "advmod" and d.lower_ in words["degree_markers"]]
            if degree and p.lower_ in words["excess_traits"] and not any(x.dep_ == "xcomp" for x in p.children if x.lemma_ != "think"):
                return [degree[0], p]
    return []


def _wanting(noun: Token, words) -> Token | None:
    """The word that finds a faculty wanting: "poor judgement", "a terrible job", "no care"."""
    return next((m for m in noun.children if m.dep_ in ("amod", "det") and m.lower_ in words["deficit_modifiers"]), None)


def _faculty_judgement(c: Clause, view: SentenceView, words) -> list[Token]:
    lex = view.lex
    if c.lemma not in words["faculty_acts"] or not _person(c.subject, lex) or c.negated or c.modal or c.conditional:
        return []
    for o in c.objects:
        if o.lemma_.lower() in words["faculty_nouns"] and (m := _wanting(o, words)) is not None:
            return [c.verb, m, o]  # "did a terrible job", "showed poor judgement"
        if o.lemma_.lower() in words["deficit_modifiers"]:  # "showed a lack of judgement"
            faculty = next((f for p in o.children if p.lower_ == "of" for f in p.children
                            if f.dep_ == "pobj" and f.lemma_.lower() in words["faculty_nouns"]), None)
            if faculty is not None:
                return [c.verb, o, faculty]
    return []


def _kind_question(view: SentenceView, words) -> list[Token]:
    """"What kind of engineer deletes the backups?": the doer judged by a question."""
    sent = view.sent
    if sent[-1].text != "?":
        return []
    for tok in sent:
        if tok.lower_ not in words["kind_nouns"] or tok.dep_ != "nsubj" or not any(d.lower_ == "what" for d in tok.children):
            continue
        doer = next((f for p in tok.children if p.lower_ == "of" for f in p.children if f.dep_ == "pobj"), None)
        if doer is not None and classify(doer, view.lex) in (Kind.ROLE, Kind.PERSON, Kind.INDEFINITE) and tok.head.pos_ == "VERB":
            return [tok, doer, tok.head]
    return []


def judged_person(view: SentenceView) -> Detection | None:
    words = attribution_words()
    for c in view.clauses:
        if c.verb.i in view.quoted:
            continue
        found = _copula_judgement(c, view, words) or _faculty_judgement(c, view, words)
        if found and not _negated_sentence(found[-1]):
            said = " ".join(t.text for t in found)
            return Detection("blame.judgement", "judgement",
                             f'"{said}" judges a person or their work rather than describing what happened; say which condition made the outcome likely.',
                             None, found)
    if (asked := _kind_question(view, words)) and not _negated_sentence(asked[-1]):
        return Detection("blame.judgement", "judgement",
                         f'"what {asked[0].text} of {asked[1].text}" judges whoever did it; describe what happened and what let it happen instead.',
                         None, asked)
    return None
