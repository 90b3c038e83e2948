"""Attention not paid: "I just wasn't paying attention", "the on-call didn't take
notice of the warning". A person as the subject of a negated "pay / take / give" with
a heed noun as its object says they let something pass them by: an omission, like a
check left undone (rule 1, rule 9). "Nobody was paying attention" has no one in
particular (rule 5) and never reaches here; the dashboard that "paid no attention" is a
system (rule 11).
"""
from __future__ import annotations

from spacy.tokens import Token

from .clauses import Clause
from .lexicon import Lexicon, verb_lemma


def inattention(c: Clause, lex: Lexicon) -> list[Token]:
    """The verb and the heed noun of a negated "paying attention", or an empty list."""
    terms = lex.terms
    if not c.negated or c.modal or c.conditional:
        return []
    if verb_lemma(c.verb) in terms["unthought_verbs"] and c.verb.tag_ in ("VB", "VBD"):
        # "I didn't think to check the lag": the step as an infinitive under the negated verb
        step = next((x for x in c.verb.children if x.dep_ == "xcomp" and any(
            a.lower_ == "to" and a.dep_ == "aux" for a in x.children)), None)
        if step is not None:
            return [c.verb, step]
    if verb_lemma(c.action) not in terms["heed_verbs"]:
        return []
    heed = next((o for o in c.action.children if o.dep_ == "dobj" and o.lemma_.lower() in terms["heed_nouns"]), None)
    return [c.action, heed] if heed is not None else []


_WRONG = ("wrong", "incorrect")
_PLACE_PREPS = ("in", "on", "at", "into", "against")
_TIME_MARKS = ("when", "while", "as")


def _acts(verb: Token, lex: Lexicon) -> bool:
    return verb.pos_ == "VERB" and lex.verbs["causal"].match(verb) and not lex.verbs["recovery"].match(verb)


def wrong_place(c: Clause, lex: Lexicon) -> list[Token]:
    """"I was in the wrong terminal when I ran the cleanup", "she was on the wrong branch
    and pushed": the person was somewhere wrong while doing something. Being in "the wrong
    meeting" alone does nothing: an act tied to the clause (a time clause, a verb joined
    to it, or the act the clause is the time of) is required, unless the verb is the
    work itself ("I'd been working on the wrong server", "connected to the wrong database")."""
    v = c.action
    working = verb_lemma(v) in lex.terms["wrong_place_verbs"] and (v.tag_ in ("VBD", "VBN") or any(
        a.dep_ in ("aux", "auxpass") and a.lower_ in ("was", "were", "had", "'d", "been") for a in v.children))
    if (verb_lemma(v) != "be" or v.tag_ != "VBD") and not working or c.negated or c.modal or c.conditional:
        return []
    place = next((o for p in v.children if p.dep_ == "prep" and p.lower_ in _PLACE_PREPS for o in p.children
                  if o.dep_ == "pobj" and any(m.dep_ == "amod" and m.lower_ in _WRONG for m in o.children)), None)
    if place is None:
        return []
    timed = [x for x in v.children if x.dep_ == "advcl" and any(m.lower_ in _TIME_MARKS for m in x.children) and _acts(x, lex)]
    joined = [x for x in v.children if x.dep_ == "conj" and _acts(x, lex)]
    during = v.dep_ == "advcl" and any(m.lower_ in _TIME_MARKS for m in v.children) and _acts(v.head, lex)
    act = (timed or joined or ([v.head] if during else []))[:1]
    return [v, place, *act] if act or working else []


def mistimed(c: Clause, lex: Lexicon) -> list[Token]:
    """"I pressed Ctrl+C too late", "she waited too long to escalate": "too" on an adverb of
    timing said of the person's own act (rule 6). "too late to matter" said of a thing
    never reaches here (the caller asks of a person subject only)."""
    if c.negated or c.modal or c.conditional or c.passive:
        return []
    for x in c.verb.children:
        if x.dep_ in ("advmod", "acomp") and x.lower_ in lex.terms["mistimed_adverbs"] and any(
                t.dep_ == "advmod" and t.lower_ == "too" for t in x.children):
            # "got there too late to help" says what could no longer be done, not that
            # the act was late; "waited too long to escalate" is the delay itself
            if x.lower_ != "long" and any(t.dep_ in ("xcomp", "advcl") for t in x.children):
                continue
            return [c.verb, x]
    return []


def wrong_target(c: Clause) -> list[Token]:
    """"I restored the wrong backup", "rolled back to the wrong version": recovery work done
    on the wrong thing (the object, or what it went to or from)."""
    if c.negated or c.modal or c.conditional:
        return []
    # the preposition may hang on the particle ("rolled back to the wrong version")
    heads = [c.action] + [p for p in c.action.children if p.dep_ in ("prt", "advmod")]
    targets = list(c.objects) + [o for h in heads for p in h.children if p.dep_ == "prep" and p.lower_ in ("to", "from", "into", "onto")
                                 for o in p.children if o.dep_ == "pobj"]
    for o in targets:
        wrong = next((m for m in o.children if m.dep_ == "amod" and m.lower_ in _WRONG), None)
        # "the wrong backup" is not the one meant; "cleaned up every wrong replica" removes the
        # bad ones (no article: "wrong" says what was broken, and fixing it is recovery)
        meant = any(d.dep_ == "det" and d.lower_ in ("the", "a", "an") for d in o.children)
        if wrong is not None and meant:
            return [c.action, wrong, o]
    return []


def _risky_place(content: Token, lex: Lexicon) -> Token | None:
    """What the content says the person was on or in: a risky target ("on prod",
    "connected to the production database", "it was the prod bucket") or something wrong
    ("had the wrong tab open"), never its subject ("prod was down")."""
    risky = lex.framing["risky_targets"]
    # the content's own subject ("prod was down") says nothing of where the person was
    subject = {t.i for x in content.children if x.dep_ in ("nsubj", "nsubjpass") for t in x.subtree}
    places = ("attr", "pobj", "dobj")
    for t in content.subtree:
        if t.i in subject:
            continue
        place = t.dep_ in places or (t.dep_ in ("compound", "amod") and t.head.dep_ in places)
        if place and t.lower_ in risky:
            return t
        if t.dep_ == "amod" and t.lower_ in _WRONG and (t.head.dep_ in places or t.head.head.lemma_ == "have"):
            return t  # "had the wrong tab open" (the parser may make the tab the subject of "open")
    return None


def caught_out(c: Clause, lex: Lexicon) -> list[Token]:
    """"I realized I was connected to production", "she didn't notice she was on prod",
    "didn't realise it was the prod bucket": the person finding out (or never finding out)
    that they had been acting on the risky or wrong target. What they realised about a
    system ("I realized prod was down") is a diagnosis."""
    if c.modal or c.conditional or verb_lemma(c.verb) not in lex.terms["realising_verbs"]:
        return []
    content = next((x for x in c.verb.children if x.dep_ == "ccomp" and x.pos_ in ("VERB", "AUX")), None)
    if content is None or any(x.dep_ == "aux" and x.tag_ == "MD" for x in content.children):
        return []
    who = next((x for x in content.children if x.dep_ in ("nsubj", "nsubjpass")), None)
    if who is None:
        return []
    same = c.subject is None and who.lower_ == "i" or c.subject is not None and (
        who.lower_ == c.subject.lower_ or (c.subject.pos_ != "PRON" and who.lower_ in ("he", "she", "they")))
    # denied, the target may be named by "it" ("didn't realise it was the prod bucket")
    named = c.negated and who.lower_ in ("it", "this", "that")
    if not (same or named):
        return []
    place = _risky_place(content, lex)
    return [c.verb, place] if place is not None else []


def worsened(c: Clause, lex: Lexicon) -> list[Token]:
    """"I made things worse by restarting the nodes", "she made the outage worse": a
    person's act that deepened the incident (a system that "made things worse" is not a
    person; the caller asks of person subjects only)."""
    if c.negated or c.modal or c.conditional or verb_lemma(c.verb) != "make":
        return []
    worse = next((x for x in c.verb.children if x.dep_ in ("ccomp", "oprd", "acomp", "xcomp")
                  and x.lower_ in lex.terms["worse_states"]), None)
    return [c.verb, worse] if worse is not None else []
