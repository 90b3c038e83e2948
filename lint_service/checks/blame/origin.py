"""A failure followed back to a person's act: "The whole outage traces back to one command
she typed", "the mess started with me copying the prod string", "the delay was down to a
change from the contractor".

No fault word is needed: the sentence names the failure and walks it back to its first
step, and that step is a person's. The failure is the subject of the verb (or what an
"of" phrase on it counts: "three of the last outages started with ..."); the step is the
object of "to" (after a tracing verb, or a particle such as "back"/"down") or of "with"
(after an opening verb). What counts as the person's step is read by the caller: a thing
they made (possessives.py) or a gerund they are the subject of (:func:`traced_act`).
"""
from __future__ import annotations

from spacy.tokens import Token

from .agents import BLAMEABLE, classify
from .lexicon import Lexicon, verb_lemma
from .recognizers import Detection, SentenceView, _negated_sentence, _who


def _failure_subject(verb: Token, lex: Lexicon) -> Token | None:
    terms = lex.terms
    failures = terms["incident_nouns"] | terms["failure_nouns"]
    subjects = [s for s in verb.children if s.dep_ in ("nsubj", "nsubjpass")]
    if not subjects or any(s.lower_ in ("it", "this") for s in subjects):
        return None  # "it started with ...": what "it" is stays unknown
    # a chat opener ("ngl the regression dates back to ...") can be read as a second subject
    subj = next((s for s in subjects if s.lemma_.lower() in failures or s.lower_ in failures), subjects[0])
    if subj.lemma_.lower() in failures or subj.lower_ in failures:
        return subj
    # "Three of the last five outages", "most of the delay": the count is of failures
    part = next((o for p in subj.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj"), None)
    if part is not None and (part.lemma_.lower() in failures or part.lower_ in failures):
        return part
    return None


def traced_failure(prep: Token, lex: Lexicon) -> Token | None:
    """The failure that ``prep`` ("to", "with") walks back to its object, or None."""
    terms = lex.terms
    word = prep.lower_
    head = prep.head
    particle = head.lower_ in terms["tracing_particles"] and head.dep_ in ("advmod", "prt", "pcomp", "acomp")
    verb = head.head if particle else head
    if particle and prep.dep_ != "prep":
        return None
    if not particle:
        # the parser may hang the particle on the verb beside "to" ("came down to")
        particle = any(c.dep_ in ("prt", "advmod") and c.lower_ in terms["tracing_particles"] for c in verb.children)
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    lemma = verb_lemma(verb)
    if word == "to":
        fits = lemma in terms["tracing_verbs"] or (particle and lemma in terms["reducing_verbs"])
    elif word == "with":
        fits = lemma in terms["opening_verbs"] and not particle
    else:
        fits = False
    if not fits or any(c.dep_ == "neg" for c in verb.children):
        return None
    return _failure_subject(verb, lex)


def _step_of(gerund: Token) -> tuple[Token | None, Token | None]:
    """The preposition and the person of a gerund step, in either of the parser's readings:
    the gerund under "with" with the person as its subject ("with me copying"), or the
    person as the object of "with" and the gerund hung on the verb right after them."""
    if gerund.dep_ == "pcomp":
        return gerund.head, next((s for s in gerund.children if s.dep_ == "nsubj"), None)
    if gerund.dep_ in ("advcl", "xcomp") and gerund.i > 0:
        who = gerund.doc[gerund.i - 1]
        if who.dep_ == "pobj" and who.head.head == gerund.head:
            return who.head, who
    return None, None


def traced_act(view: SentenceView) -> Detection | None:
    """"The outage started with me copying the prod string into the test config": the
    first step is a gerund whose subject is a person. Recovery, response and talk are
    not steps a failure starts with ("the incident began with Ana paging the on-call")."""
    lex = view.lex
    for tok in view.sent:
        if tok.tag_ != "VBG" or tok.i in view.quoted:
            continue
        prep, who = _step_of(tok)
        if prep is None or who is None or classify(who, lex) not in BLAMEABLE:
            continue
        if any(lex.verbs[k].match(tok) for k in ("recovery", "response", "speech", "reporting")):
            continue
        failure = traced_failure(prep, lex)
        if failure is None or _negated_sentence(tok):
            continue
        return Detection("blame.person-cause", "pointing",
                         f'Tracing the {failure.text} back to "{_who(who)} {tok.text}" makes a person the cause; describe the change and what let it through instead.',
                         None, [prep, who, tok], who)
    return None
