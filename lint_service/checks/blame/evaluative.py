"""Blame said as an evaluation of a person or their act, in forms the older recognizers
leave out (guidelines: judgements, verdicts, possessives):

- a person's fault as a possessive or with "by"/"of": "the crew's misjudgement", "her
  failure to renew the certificate", "a misreading by the on-call" (the fault noun
  classes are rules/blame_terms.yaml: blame_nouns, judgement_nouns, misdeed_nouns);
- a verdict found on a person: "the review found the engineer negligent", "investigators
  found the crew at fault", "the panel deemed the contractor responsible for the loss";
- a verdict said with "be": "the contractor is liable for the damage", "the person to
  blame is the release manager", "the one at fault was the on-call";
- a person's competence judged as wanting: "the technician was poorly trained", "he was
  not properly qualified to act as a signalman";
- "you ought to have run the tests", where the parser leaves "you" on the modal;
- blame placed on a person: "the report put the blame on the pilot", "management pinned
  the outage on the new hire" (blame_placing_verbs);
- a judgement coordinated after a passive predicate: "the technician was poorly trained
  and careless".

A system or thing in the person's place ("the load balancer's misjudgement", "found the
runbook at fault"), a denial ("not the crew's misjudgement"), a person in general ("an
operator's error is usually a symptom") and a quoted phrase stay out.
"""
from __future__ import annotations

from spacy.tokens import Token

from .agents import BLAMEABLE, classify
from .clauses import Clause
from .lexicon import Lexicon, verb_lemma
from .possessives import _possessor
from .recognizers import Detection, SentenceView, _negated_sentence


def _person(tok: Token | None, lex: Lexicon) -> bool:
    return tok is not None and classify(tok, lex) in BLAMEABLE


def _general(person: Token, noun: Token) -> bool:
    """"An operator's error is usually a symptom": a person in general, said in the
    present tense (rule 16); the article may hang on the possessor or the noun."""
    indefinite = any(d.dep_ == "det" and d.lower_ in ("a", "an", "any", "every") for t in (person, noun) for d in t.children)
    return indefinite and noun.sent.root.tag_ in ("VBZ", "VBP", "MD")


def _misdeed(noun: Token, lex: Lexicon) -> bool:
    """A noun that names a fault: "misjudgement", "carelessness", "failure to check"."""
    terms = lex.terms
    lemma = noun.lemma_.lower()
    if lemma in terms["blame_nouns"] or lemma in terms["judgement_nouns"] or lemma in terms["misdeed_nouns"]:
        return True
    # "failure" only as a failure to act ("her failure to renew"): "her login failure" is
    # a thing that failed
    return lemma in terms["omission_nouns"] and not _explained(noun, lex) and any(
        x.dep_ in ("acl", "xcomp") and any(a.dep_ == "aux" and a.lower_ == "to" for a in x.children) for x in noun.children)


def _explained(noun: Token, lex: Lexicon) -> bool:
    """"Her failure to log in was caused by the SSO outage", "... was due to the expired
    certificate": a failure the sentence puts down to a cause is an attempt that did not
    succeed, not a duty left undone."""
    head = noun.head
    if noun.dep_ == "nsubjpass" and verb_lemma(head) in lex.terms["cause_verbs"]:
        return True
    return noun.dep_ == "nsubj" and verb_lemma(head) == "be" and any(
        c.lower_ in ("due", "because", "owing", "down") and c.dep_ in ("acomp", "prep", "advmod", "mark") for c in head.children)


def _owner(noun: Token, lex: Lexicon) -> Token | None:
    """The person whose fault it is: the possessor, or "by"/"of"/"from" + person."""
    if (owner := _possessor(noun, lex)) is not None:  # "the crew's", "his"
        return owner
    after = noun.doc[noun.right_edge.i + 1] if noun.right_edge.i + 1 < len(noun.doc) else None
    # the parser may hang "on the part of" on the verb ("came from inaction on the part of ...")
    for p in [*noun.children, *([after] if after is not None and after.dep_ == "prep" and after.lower_ == "on" else [])]:
        if p.dep_ == "prep" and p.lower_ in ("by", "of", "from") and p.head.i == noun.i:
            for o in p.children:
                if o.dep_ == "pobj" and _person(o, lex):
                    return o
        # "inaction on the part of the conductor"
        if p.dep_ == "prep" and p.lower_ == "on":
            for part in (o for o in p.children if o.dep_ == "pobj" and o.lemma_.lower() in lex.terms["ownership_nouns"]):
                for o in (x for q in part.children if q.dep_ == "prep" and q.lower_ == "of" for x in q.children if x.dep_ == "pobj"):
                    if _person(o, lex):
                        return o
    return None


def possessed_fault(view: SentenceView) -> Detection | None:
    lex = view.lex
    for tok in view.sent:
        if tok.i in view.quoted or tok.pos_ != "NOUN" or not _misdeed(tok, lex):
            continue
        who = _owner(tok, lex)
        if who is None or who.i in view.quoted or _general(who, tok) or _negated_sentence(tok):
            continue
        return Detection("blame.possessive", "evaluative",
                         f'"{who.text} ... {tok.text}" names a person\'s fault as the finding; describe what happened and what made it likely instead.',
                         None, [who, tok], who)
    return None


def _verdict_word(tok: Token, lex: Lexicon) -> bool:
    """"negligent", "culpable", "at fault"; "responsible" only for a failure ("found her
    responsible for the outage", not "deemed her responsible for the migration")."""
    terms = lex.terms
    low = tok.lower_
    if low in terms["verdict_adjectives"] or low in terms["judgement_adjectives"]:
        return True
    if tok.lower_ == "at" and any(o.dep_ == "pobj" and o.lemma_.lower() == "fault" for o in tok.children):
        return True
    if low in terms["accountable_adjectives"]:
        return any(p.lower_ == "for" and any(o.dep_ == "pobj" and (o.lemma_.lower() in terms["incident_nouns"] or o.lemma_.lower() in terms["failure_nouns"])
                                             for o in p.children) for p in tok.children)
    return False


def _found_on(verb: Token, lex: Lexicon) -> tuple[Token, Token] | None:
    """The person and the verdict word of "found the crew at fault", "the crew was found
    at fault", "found the operator culpable" (the parser may make the adjective a clause
    with the person as its subject)."""
    if verb_lemma(verb) not in lex.terms["verdict_verbs"]:
        return None
    people = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass") and _person(c, lex)]
    for c in verb.children:
        if c.dep_ in ("ccomp", "xcomp", "oprd", "acomp") and c.pos_ == "ADJ" and _verdict_word(c, lex):
            subj = next((s for s in c.children if s.dep_ == "nsubj"), None)
            who = subj if _person(subj, lex) else (people[0] if people else None)
            if who is not None:
                return who, c
        if people and c.dep_ == "prep" and _verdict_word(c, lex):
            return people[0], c
        if people and c.dep_ in ("oprd", "acomp", "xcomp") and c.pos_ == "ADJ" and _verdict_word(c, lex):
            return people[0], c
        # "found the engineer/compound negligent/ccomp": the adjective read as a noun
        if c.dep_ in ("ccomp", "dobj") and _verdict_word(c, lex) and (who := next((x for x in c.children if x.dep_ == "compound" and _person(x, lex)), None)):
            return who, c
    for p in people:  # "found the crew/dobj at/prep fault" hung on the person
        for c in p.children:
            if (c.dep_ == "prep" or c.dep_ == "amod") and _verdict_word(c, lex):
                return p, c
    return None


def _phrase_of(tok: Token, verb: Token) -> bool:
    """``tok`` sits in the verb's own object and prepositional phrases."""
    for anc in tok.ancestors:
        if anc.i == verb.i:
            return True
        if anc.dep_ not in ("dobj", "nsubjpass", "prep", "pobj"):
            return False
    return False


def _placed_on(verb: Token, lex: Lexicon) -> Token | None:
    """The person in "put the blame on the pilot", "pinned the outage on the new hire"."""
    terms = lex.terms
    if verb_lemma(verb) not in terms["blame_placing_verbs"]:
        return None
    objs = [o for o in verb.children if o.dep_ in ("dobj", "nsubjpass")]
    if not any(o.lemma_.lower() in ("blame", "fault") or o.lemma_.lower() in terms["responsibility_nouns"]
               or o.lemma_.lower() in terms["incident_nouns"] or o.lemma_.lower() in terms["failure_nouns"] for o in objs):
        return None
    # "on" on the verb, or hung lower in its phrases ("the blame for the outage on the
    # admin"), not inside another clause
    for p in (t for t in verb.subtree if t.dep_ == "prep" and _phrase_of(t, verb)):
        if p.lower_ in ("on", "onto", "upon"):
            who = next((o for o in p.children if o.dep_ == "pobj"), None)
            if _person(who, lex):
                return who
    return None


def _coordinated_judgement(c: Clause, lex: Lexicon) -> Token | None:
    """"The technician was poorly trained and careless": the judgement coordinated with
    a passive predicate of a person."""
    if not c.passive or not _person(c.subject, lex):
        return None
    return next((t for t in c.verb.children if t.dep_ == "conj" and t.pos_ == "ADJ" and t.lower_ in lex.terms["judgement_adjectives"]), None)


def _blame_seat(noun: Token) -> bool:
    """"the person to blame", "the one at fault": a noun that names whoever is blamed."""
    return any((x.dep_ in ("relcl", "acl") and x.lemma_ == "blame" and any(a.lower_ == "to" for a in x.children))
               or (x.dep_ == "prep" and x.lower_ == "at" and any(o.lemma_.lower() == "fault" for o in x.children))
               for x in noun.children)


def _to_act(t: Token) -> bool:
    """``t`` has a "to" + verb clause below it: the act a verdict adjective judges."""
    return any(x.dep_ in ("xcomp", "advcl") and x.pos_ in ("VERB", "AUX") and any(a.lower_ == "to" for a in x.children)
               for x in t.children)


def _act_verdict(c: Clause, lex: Lexicon) -> Token | None:
    """"I was wrong to restart it", "the contractor was misguided to edit the table": a
    person judged by the act that follows. The parser hangs the "to" clause on the
    adjective or on "was", and reads "misguided"/"mistaken" as a passive verb."""
    if not _person(c.subject, lex):
        return None
    words = lex.terms["act_verdict_adjectives"]
    if c.passive and c.verb.lower_ in words and _to_act(c.verb):
        return c.verb
    if verb_lemma(c.verb) != "be":
        return None
    return next((t for t in c.verb.children if t.dep_ == "acomp" and t.lower_ in words and (_to_act(t) or _to_act(c.verb))),
                None)


def _copula_verdict(c: Clause, lex: Lexicon) -> tuple[Token, Token] | None:
    """"The contractor is liable for the damage", "the on-call was culpable", "the
    person to blame is the release manager": a verdict said with "be" of a person."""
    if c.modal or c.conditional:
        return None
    act = _act_verdict(c, lex)
    if act is not None:
        return c.subject, act
    if verb_lemma(c.verb) != "be":
        return None
    if _person(c.subject, lex):
        word = next((t for t in c.verb.children if t.dep_ in ("acomp", "attr") and t.pos_ == "ADJ" and _verdict_word(t, lex)
                     and t.lower_ not in lex.terms["judgement_adjectives"]), None)  # judgements.py has those
        if word is not None:
            return c.subject, word
    sides = [t for t in c.verb.children if t.dep_ in ("nsubj", "attr")]
    if len(sides) == 2:
        for seat, who in (sides, sides[::-1]):
            if _blame_seat(seat) and _person(who, lex) and not _blame_seat(who):
                return who, seat
    return None


def _unfit(c: Clause, lex: Lexicon) -> Token | None:
    """"The technician was poorly trained", "he was not properly qualified to act as a
    signalman": a person's competence judged as wanting (competence_words with an
    inadequacy adverb, or negated with an adequacy adverb). A plain "was not trained on
    the new switchgear" is a fact, not a judgement."""
    terms = lex.terms
    if not _person(c.subject, lex) or c.conditional or c.verb.tag_ == "VBG":
        return None
    preds = [c.verb] + [t for t in c.verb.children if t.dep_ in ("acomp", "oprd") and t.pos_ == "ADJ"]
    for pred in preds:
        if pred.lower_ not in terms["competence_words"] and pred.lemma_.lower() not in terms["competence_words"]:
            continue
        mods = [a.lower_ for a in (*pred.children, *c.verb.children) if a.dep_ == "advmod"]
        negated = any(a.dep_ == "neg" for a in (*pred.children, *c.verb.children))
        if any(m in terms["inadequacy_adverbs"] for m in mods) and not negated:
            return pred
        if negated and any(m in terms["adequacy_adverbs"] for m in mods):
            return pred
    return None


def _you_ought_to_have(view: SentenceView) -> Token | None:
    """"You ought to have run the tests": "you" and the obligation are on "ought", the
    parser's root, so "you" reads as the generic you of an instruction; the perfect
    "have run" says it was owed in the past, by the one addressed (rule 17)."""
    for tok in view.sent:
        if tok.lower_ != "ought" or tok.tag_ != "MD" or tok.i in view.quoted:
            continue
        if not any(s.dep_ == "nsubj" and s.lower_ == "you" for s in tok.children):
            continue
        # the perfect on "ought", or one clause down when the parser made it the subject
        # of the next clause ("ought to have known/csubj the flag was/ccomp global")
        near = [x for x in tok.children if x.dep_ in ("xcomp", "ccomp")]
        for x in near + [y for n in near for y in n.children if y.dep_ == "csubj"]:
            if x.dep_ in ("xcomp", "csubj", "ccomp") and x.tag_ == "VBN" and any(a.lower_ == "have" and a.dep_ == "aux" for a in x.children) \
                    and not any(a.dep_ == "auxpass" for a in x.children) and not _negated_sentence(x):
                return x
    return None


def _nobody(subj: Token | None) -> bool:
    """"Nobody put the blame on the intern", "no one found her negligent" (rule 5)."""
    return subj is not None and (subj.lower_ in ("nobody", "noone", "none") or any(d.lower_ == "no" for d in subj.children))


def verdict_on(view: SentenceView) -> Detection | None:
    lex = view.lex
    if (owed := _you_ought_to_have(view)) is not None:
        return Detection("blame.counterfactual", "evaluative",
                         f'"ought to have {owed.text}" says what the person addressed should have done; describe what would have caught it instead.',
                         None, [owed], owed)
    for c in view.clauses:
        if c.verb.i in view.quoted or _nobody(c.subject):
            continue
        unfit = _unfit(c, lex)  # its own negation: "was not properly qualified"
        if unfit is not None:
            return Detection("blame.judgement", "evaluative",
                             f'"{c.verb.text} ... {unfit.text}" judges a person\'s competence; say what the training or the tooling left out instead.',
                             None, [unfit], c.subject)
        if c.negated:
            continue
        found = _found_on(c.verb, lex)
        if found is not None and not _negated_sentence(found[1]):
            who, word = found
            return Detection("blame.judgement", "verdict",
                             f'"{c.verb.text} {who.text} ... {word.text}" gives a verdict on a person; say which conditions made the failure possible instead.',
                             None, [c.verb, word], who)
        placed = _placed_on(c.verb, lex)
        if placed is not None and not _negated_sentence(placed):
            return Detection("blame.judgement", "verdict",
                             f'"{c.verb.text} ... on {placed.text}" places the blame on a person; say which conditions made the failure possible instead.',
                             None, [c.verb, placed], placed)
        said = _copula_verdict(c, lex)
        if said is not None and not _negated_sentence(said[1]):
            return Detection("blame.judgement", "verdict",
                             f'"{said[0].text} {c.verb.text} ... {said[1].text}" gives a verdict on a person; say which conditions made the failure possible instead.',
                             None, [c.verb, said[1]], said[0])
        judged = _coordinated_judgement(c, lex)
        if judged is not None and not _negated_sentence(judged):
            return Detection("blame.judgement", "evaluative",
                             f'"{judged.text}" judges a person rather than describing what happened; say which condition made the outcome likely.',
                             None, [judged], c.subject)
    return None
