"""A noun the lists do not know, used of a person: told by the parse, not by a list.

Role lists never end ("signaller", "packer", "porter"), so an unknown noun is read as
a system. The sentence can still say it is a person: it says, admits, forgets or
assumes things (verbs of speech and cognition), "he" or "she" points back at it, or a
modifier only people take qualifies it. Tech writing personifies its systems ("the
scheduler decided to evict the pod", "the client assumed a retry was safe"), so a noun
in ``system_nouns`` or with a system modifier is never taken for a person.
"""
from __future__ import annotations

from spacy.tokens import Token

from .lexicon import Lexicon, verb_lemma

_PERSONAL = ("he", "she", "him", "his", "her", "himself", "herself")
# A capitalised first word of these kinds is no name ("The porter ...")
_FUNCTION = ("DET", "PRON", "ADP", "CCONJ", "SCONJ", "AUX", "PART", "PUNCT", "NUM", "INTJ")


def used_of_person(tok: Token, lex: Lexicon) -> bool:
    """True when the sentence uses the unknown common noun ``tok`` of a person."""
    if tok.pos_ != "NOUN" or not tok.text.replace("-", "").isalpha() or tok.ent_type_ in ("ORG", "PRODUCT", "GPE"):
        return False
    ag = lex.agents
    # every cue below needs a subject or a person-only modifier: ask the cheap parse
    # question first (classify() ends here for most nouns of a document)
    modified = any(c.dep_ in ("amod", "compound") and c.lower_ in ag["person_modifiers"] for c in tok.children)
    if tok.dep_ not in ("nsubj", "nsubjpass") and not modified:
        return False
    if _thing_word(tok.lower_, lex) or _thing_word(tok.lemma_.lower(), lex):
        return False
    if tok.lower_.endswith("ing") and len(tok) > 5:
        return False  # "our alerting assumed one region": an activity named by its gerund
    if any(c.dep_ in ("compound", "nmod", "amod") and (c.lower_ in lex.systems or _thing_word(c.lemma_.lower(), lex))
           for c in tok.children):
        return False  # "the build packer", "the cache warmer": a part of a system
    if modified and any(c.dep_ in ("det", "poss") for c in tok.children):
        return True  # "the tired porter"; a bare "tired people" is anyone (rule 16)
    return _minded_subject(tok, lex) or (tok.dep_ in ("nsubj", "nsubjpass") and _personal_antecedent(tok, lex))


def _thing_word(word: str, lex: Lexicon) -> bool:
    """A system, artefact or change noun, or a closed compound ending in one
    ("pullrequest", "cronjob"): what tech writing personifies."""
    things = lex.thing_words
    # a suffix of three letters or more, after at least two ("cronjob" ends in "job")
    return word in things or any(word[i:] in things for i in range(2, len(word) - 2))


def _minded_subject(tok: Token, lex: Lexicon) -> bool:
    """"the packer forgot to seal it", "the porter said ...", "the doctor decided and
    discharged him": the subject of a verb of speech or cognition, or of a verb joined
    to one that shares it."""
    if tok.dep_ != "nsubj" or tok.head.pos_ not in ("VERB", "AUX"):
        return False
    verbs = [tok.head] + [c for c in tok.head.children if c.dep_ == "conj" and c.pos_ == "VERB"
                          and not any(s.dep_ in ("nsubj", "nsubjpass") for s in c.children)]
    classes = [lex.verbs[name] for name in lex.agents["person_verb_classes"]]
    return any(verb_lemma(v) in lex.agents["person_verbs"] or any(k.match(v) for k in classes) for v in verbs)


def _personal_antecedent(tok: Token, lex: Lexicon) -> bool:
    """"the signaller admitted he had ...", "the porter left his keys behind": a he/she
    after the noun, in a sentence with no other candidate (a name, a known role)."""
    from .agents import looks_like_name  # agents.py asks this module, so import when asked

    # in the noun's own clause: not the speaker of a quote about it ("... this outage
    # was caused," she said); most sentences have no such pronoun, so ask that first
    if not any(t.i > tok.i and t.lower_ in _PERSONAL and t.pos_ == "PRON" for t in tok.head.subtree):
        return False
    for t in tok.sent:
        if t.i == tok.i:
            continue
        if t.pos_ == "PROPN" or (t.pos_ not in _FUNCTION and looks_like_name(t, lex)) or (t.pos_ == "NOUN" and _someone(t, lex)):
            return False  # someone else the pronoun may point at
    return True


def _someone(tok: Token, lex: Lexicon) -> bool:
    """A noun of the lists that names people ("engineer", "the user", "customers")."""
    ag = lex.agents
    return any(w in ag[key] for w in (tok.lower_, tok.lemma_.lower())
               for key in ("roles", "third_parties", "proxy_nouns", "team_heads", "ambiguous_roles"))
