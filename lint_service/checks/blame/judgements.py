"""Judgements of a person or their work: careless, sloppy, negligent, "reckless of
Farid", "a more careful engineer would have...", "the genius who wrote this"."""
from __future__ import annotations

from spacy.tokens import Token

from .agents import BLAMEABLE, Kind, classify
from .framing import describe, of_what
from .lexicon import Lexicon
from .poor_work import poor_work
from .possessives import _possessor, ones_part
from .recognizers import Detection, SentenceView, _negated_sentence


def judgement(view: SentenceView) -> Detection | None:
    lex, terms = view.lex, view.lex.terms
    for c in view.clauses:
        if c.verb.i in view.quoted:
            continue
        who = c.subject
        if who is not None and classify(who, lex) not in BLAMEABLE:
            # "the contractor's work ... was incompetent", "the way Ilse ran the failover
            # was reckless": the judged thing is a person's doing
            who = _possessor(who, lex) or _doer_of(who, lex)
        if (poor := poor_work(c, who, lex)) and not _negated_sentence(poor[0]):  # "did a terrible job", "her work was subpar"
            return Detection("blame.judgement", "judgement",
                             f'"{poor[0].doc[min(t.i for t in poor):max(t.i for t in poor) + 1].text}" judges the work of a person or team; describe what happened instead.',
                             c, poor, who or c.subject)
        if who is None:
            continue
        judged = [t for t in c.verb.children if t.dep_ in ("acomp", "attr", "advmod", "oprd") and (
            t.lower_ in terms["judgement_adjectives"] or t.lower_ in terms["judgement_adverbs"])]
        judged += [t for a in c.verb.children if a.dep_ == "attr" for t in a.children
                   if t.dep_ == "amod" and t.lower_ in terms["judgement_adjectives"]]
        # "I was tired and careless": a judgement coordinated after another predicate
        judged += [t for a in c.verb.children if a.dep_ in ("acomp", "attr") for t in a.children
                   if t.dep_ == "conj" and t.lower_ in terms["judgement_adjectives"]]
        # "should have known better", and said now of a person: "she should know better"
        obliged = c.modal or any(a.dep_ == "aux" and a.lower_ in ("should", "must", "ought") for a in c.verb.children)
        if obliged and any(" ".join([t.lower_, t.head.lower_]) in terms["knowing_phrases"] or f"{c.verb.lower_} {t.lower_}" in terms["knowing_phrases"] for t in c.verb.children):
            judged.append(c.verb)
        if judged and not _negated_sentence(judged[0]):
            return Detection("blame.judgement", "judgement",
                             f'"{describe(judged)}" judges a person rather than describing what happened; say which condition made the outcome likely.',
                             c, judged, who)
    # the first token that is no adverb: a word up to it opens the sentence (looked up
    # once, not by rescanning the sentence before every token)
    first_non_adverb = next((t.i for t in view.sent if t.pos_ != "ADV"), view.sent.end)
    for tok in view.sent:
        if tok.i in view.quoted:
            continue
        low = tok.lower_
        # "It was reckless of Farid to ...", and the chat fragment without "it was" ("Careless
        # of me to tag before CI finished"), which the adjective opens (the parser makes it
        # the root, or the subject of the infinitive)
        opens = tok.i <= first_non_adverb
        if low in terms["judgement_adjectives"] and (tok.dep_ in ("acomp", "attr", "ROOT") or opens) and any(
            p.lower_ == "of" and any(classify(o, lex) in BLAMEABLE for o in p.children if o.dep_ == "pobj") for p in tok.children
        ) and not _negated_sentence(tok):
            person = next(o for p in tok.children if p.lower_ == "of" for o in p.children if o.dep_ == "pobj")
            return Detection("blame.judgement", "judgement",
                             f'"{tok.text} of {person.text}" judges a person; describe the conditions that made the action look reasonable.',
                             None, [tok])
        if tok.lemma_.lower() in terms["judgement_nouns"] and not _negated_sentence(tok):
            return Detection("blame.judgement", "judgement", f'"{tok.text}" judges a person rather than the system; describe the missing safeguard instead.', None, [tok])
        named = low in terms["sarcastic_nouns"] or low in terms["judgement_predicates"] or any(
            t.lower_ in terms["sarcastic_nouns"] for t in of_what(tok))  # "a bunch of amateurs"
        if named and tok.dep_ == "attr" and not _negated_sentence(tok) and any(
                s.dep_ in ("nsubj", "csubj") and classify(s, lex) in BLAMEABLE for s in tok.head.children):
            return Detection("blame.judgement", "judgement", f'Calling a person "{tok.text}" judges them rather than the system; describe the change instead.', None, [tok])
        if low in terms["sarcastic_nouns"] and any(c.dep_ == "relcl" for c in tok.children):
            return Detection("blame.judgement", "judgement", f'Calling someone "the {tok.text}" is a sarcastic judgement of a person; describe the change instead.', None, [tok])
        if low in terms["virtue_adjectives"] and tok.dep_ == "amod" and classify(tok.head, lex) in (Kind.ROLE, Kind.PERSON) and any(
            a.lower_ in ("more", "better", "less") for a in tok.children
        ):
            return Detection("blame.judgement", "judgement", f'Comparing with "a {describe([*tok.children, tok, tok.head])}" implies the person involved fell short; describe what would have caught the problem instead.', None, [tok, tok.head])
        poor_choice = low in terms["poor_choice_adjectives"] and tok.head.lemma_.lower() in terms["choice_nouns"]
        if poor_choice and tok.dep_ == "amod" and ones_part(tok.head, lex) is not None and not _negated_sentence(tok):
            # "a bad call on my part", "a poor decision on his side"
            return Detection("blame.judgement", "judgement", f'"{tok.text} {tok.head.text}" judges the choice of a person; describe what made it look reasonable instead.', None, [tok, tok.head])
        if low in terms["judgement_adjectives"] and tok.dep_ == "amod" and (any(  # "a sloppy deploy by the release team"
            o.dep_ == "pobj" and classify(o, lex) in BLAMEABLE for p in tok.head.children if p.lower_ == "by" for o in p.children
        ) or ones_part(tok.head, lex) is not None):  # "a sloppy change on my part", "sloppy work on my side"
            return Detection("blame.judgement", "judgement", f'"{tok.text} {tok.head.text}" judges the work of a person or team; describe what happened instead.', None, [tok, tok.head])
        if low in terms["judgement_adjectives"] and tok.dep_ == "amod" and classify(tok.head, lex) in BLAMEABLE:
            return Detection("blame.judgement", "judgement", f'"{tok.text} {tok.head.text}" judges a person; describe what happened instead.', None, [tok, tok.head])
        if (seen := _felt_like(tok, view)) is not None:
            return seen
    return None


def _doer_of(noun: Token, lex: Lexicon) -> Token | None:
    """The person in a relative clause on the judged thing: "the way Ilse ran the
    failover", "the config she wrote" (the relative pronoun is not a doer)."""
    for r in noun.children:
        if r.dep_ != "relcl" or any(x.dep_ == "neg" for x in r.children):
            continue
        who = next((x for x in r.children if x.dep_ == "nsubj"), None)
        if who is not None and who.lower_ not in ("who", "that", "which", "whom") and classify(who, lex) in BLAMEABLE:
            return who
    return None


def _felt_like(tok: Token, view: SentenceView) -> Detection | None:
    """"I feel like such an amateur", "he looked like a total clown": a judgement said as a likeness."""
    terms = view.lex.terms
    like = tok.head
    if tok.dep_ != "pobj" or like.lower_ != "like" or like.head.lemma_ not in ("feel", "look", "seem", "sound"):
        return None
    judged = tok.lower_ in terms["sarcastic_nouns"] or tok.lemma_.lower() in terms["sarcastic_nouns"] or any(
        c.dep_ == "amod" and c.lower_ in terms["judgement_adjectives"] for c in tok.children)
    who = next((s for s in like.head.children if s.dep_ == "nsubj"), None)
    if judged and who is not None and classify(who, view.lex) in BLAMEABLE and not _negated_sentence(tok):
        return Detection("blame.judgement", "judgement", f'"{like.head.text} like {tok.text}" judges a person; describe what happened instead.', None, [like.head, tok])
    return None
