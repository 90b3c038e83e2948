"""Blame tied to a person through what they made: "Leo's change", "Sven's typo",
"the config I pushed", "the bad regex was mine" (guidelines rule 2).

A possessor or the subject of a relative clause on the thing ("a script that she
wrote") is the person; the thing counts when it is judged, is a blame noun, or is
presented as the cause (subject of a cause verb, the "by" agent, after "because of",
"came from", equated with the cause).
"""
from __future__ import annotations

from spacy.tokens import Token

from .agents import BLAMEABLE, Kind, classify
from .framing import describe
from .lexicon import Lexicon, is_mis_verb, verb_lemma
from .origin import traced_failure
from .recognizers import Detection, SentenceView, _negated_sentence


def _owner(owner: Token) -> str:
    """"Leo's", "the contractor's", "his": the possessor as written."""
    case = "".join(c.text for c in owner.children if c.dep_ == "case")
    words = [t for t in owner.subtree if t.i <= owner.i and t.dep_ != "case"]
    return " ".join(t.text for t in words) + case


def _possessor(noun: Token, lex: Lexicon) -> Token | None:
    for c in noun.children:
        if c.dep_ == "poss":
            kind = classify(c, lex) if c.lower_ not in ("his", "her", "their", "my", "your") else (Kind.SELF if c.lower_ == "my" else Kind.PRONOUN)
            if kind in BLAMEABLE:
                return c
    return None


def ones_part(noun: Token, lex: Lexicon) -> Token | None:
    """The owner in "a mistake on my part", "sloppy work on his side": the phrase on the
    noun, or right after it when the parser hung it on the next verb ("Stupid mistake on
    my part: the regex ..."), whose "part", "side" or "end" a person possesses."""
    nxt = noun.doc[noun.i + 1] if noun.i + 1 < len(noun.doc) else None
    preps = [c for c in noun.children if c.dep_ == "prep"] + ([nxt] if nxt is not None and nxt.head != noun and nxt.dep_ == "prep" else [])
    for p in preps:
        if p.lower_ != "on":
            continue
        for o in p.children:
            if o.dep_ == "pobj" and o.lemma_.lower() in lex.terms["ownership_nouns"] and (who := _possessor(o, lex)) is not None:
                return who
    return None


def _generic_person(person: Token) -> bool:
    """"An error by a person is where an investigation starts": a person in general, in a
    present-tense statement (rule 16)."""
    return any(d.dep_ == "det" and d.lower_ in ("a", "an", "any") for d in person.children) and person.sent.root.tag_ in ("VBZ", "VBP")


def _maker(noun: Token, lex: Lexicon) -> Token | None:
    """The person whose act made the thing: "the config I pushed", "a script that
    she wrote", "the query the analyst ran" (rule 2, said with a relative clause
    instead of a possessive). Recovery work ("the rollback she started") is not."""
    if lex.verbs["recovery"].match(noun) or noun.lemma_.lower() in lex.verbs["recovery"]:
        return None
    for r in noun.children:
        if r.dep_ != "relcl" or any(x.dep_ in ("neg", "auxpass") for x in r.children):
            continue
        if not (lex.verbs["causal"].match(r) or verb_lemma(r) in lex.terms["defect_verbs"]) or lex.verbs["recovery"].match(r):
            continue
        who = next((x for x in r.children if x.dep_ == "nsubj"), None)
        # the maker is someone else than the thing ("the config I pushed"), not the relative
        # pronoun standing for a person ("It was Ottilie who restarted ...")
        if who is not None and who.lower_ not in ("who", "that", "which", "whom") and classify(who, lex) in BLAMEABLE:
            return who
    # "a migration by Ravi", "the config change by the contractor": rule 2 said with "by";
    # only a change, since "a talk by Ravi" or "a report by the vendor" made nothing that broke
    # ("a sloppy deploy by the team" is the judgement recognizer's: the word says why)
    judged = any(c.dep_ == "amod" and c.lower_ in lex.terms["judgement_adjectives"] for c in noun.children)
    change = noun.lemma_.lower() in lex.terms["change_nouns"] or noun.lower_ in lex.terms["change_nouns"]
    # any thing a person handed on, when it is called bad or judged ("a broken export from
    # the finance lead", "a sloppy regex by the on-call"): the modifier says it was faulty
    # work and "from"/"by" whose (not news or a mood: rules/blame_terms.yaml)
    faulty = not change and noun.lemma_.lower() not in lex.terms["unmade_nouns"] and any(
        c.dep_ == "amod" and (c.lower_ in lex.framing["negative_modifiers"] or c.lower_ in lex.terms["judgement_adjectives"])
        for c in noun.children)
    if (not judged and change) or faulty:
        # "a change from Toby" reads the same way
        # a judged thing with "by" on it is the judgement recognizer's ("careless testing by
        # the QA lead"); with "from", or "by" hung on the verb, that recognizer does not see it
        preps = [p for p in noun.children if p.dep_ == "prep" and p.lower_ in (("from",) if judged else ("by", "from"))]
        if faulty and noun.dep_ in ("dobj", "pobj") and noun.right_edge.i + 1 < len(noun.doc):
            # the parser may hang the phrase on the verb ("handed a broken export/dobj from/prep the lead")
            nxt = noun.doc[noun.right_edge.i + 1]
            if nxt.dep_ == "prep" and nxt.lower_ in ("by", "from") and nxt.head.pos_ == "VERB" and nxt.head.i < noun.i:
                preps.append(nxt)
        for by in preps:
            who = next((o for o in by.children if o.dep_ == "pobj"), None)
            # "the broken build from Tuesday": a date is when, not who
            if who is not None and who.lower_ not in lex.terms["calendar_words"] and classify(who, lex) in BLAMEABLE and not _generic_person(who):
                return who
    return None


def _cause_subject(be: Token, lex: Lexicon) -> bool:
    """"The cause was ...", "the outage was ...": not "those are the commands I ran"."""
    subj = next((x for x in be.children if x.dep_ == "nsubj"), None)
    terms = lex.terms
    return subj is not None and (subj.lemma_.lower() in terms["cause_nouns"] or subj.lemma_.lower() in terms["incident_nouns"]
                                 or subj.lemma_.lower() in terms["failure_nouns"])


def _defective(noun: Token, lex: Lexicon) -> bool:
    """"Kim's script had a bug", "his patch contained a typo": the person's change
    with a defect in it (the possessive form of "I had a bug")."""
    head = noun.head
    if noun.dep_ != "nsubj" or verb_lemma(head) not in lex.terms["containing_verbs"]:
        return False
    return any(o.dep_ in ("dobj", "attr") and o.lemma_.lower() in lex.terms["defect_nouns"]
               and not any(d.lower_ in ("no", "any") for d in o.children) for o in head.children)


def _cleft_cause(noun: Token, lex: Lexicon) -> bool:
    """"Leo's change is what took the API down": the noun equated with the cause."""
    head = noun.head
    if noun.dep_ != "nsubj" or verb_lemma(head) != "be":
        return False
    return any(x.dep_ in ("ccomp", "attr", "relcl") and any(w.lower_ == "what" and w.dep_ == "nsubj" for w in x.children)
               and (verb_lemma(x) in lex.terms["cause_verbs"] or lex.verbs["harm"].match(x)) for x in head.children)


def _disposable(verb: Token, lex: Lexicon) -> bool:
    """"Kim's cleanup job deleted the stale branches": what it destroyed was meant to go."""
    harmless = lex.framing["harmless_objects"]
    return any(t.lower_ in harmless for o in verb.children if o.dep_ in ("dobj", "obj") for t in o.subtree if t.i <= o.i)


def possessive(view: SentenceView) -> Detection | None:
    lex, terms = view.lex, view.lex.terms
    for tok in view.sent:
        if tok.i in view.quoted or tok.pos_ not in ("NOUN", "PROPN"):
            continue
        owner = _possessor(tok, lex)
        made = owner is None and (owner := _maker(tok, lex)) is not None
        if owner is None:
            continue
        if not made and tok.lemma_.lower() not in terms["change_nouns"] and tok.lower_ not in terms["change_nouns"]:
            # any noun, when judged ("Luka's botched restore") or when it did the damage
            # ("Gaurav's wrong CIDR block cut off the whole office")
            judged = [c for c in tok.children if c.dep_ in ("amod", "compound") and (
                c.lower_ in terms["judgement_adjectives"] or lex.verbs["fault"].match(c) or is_mis_verb(c))]
            if not judged and tok.dep_ == "nsubj" and lex.verbs["breakage"].match(tok.head) and any(
                    c.lower_ in lex.framing["negative_modifiers"] for c in tok.children):
                judged = [c for c in tok.children if c.lower_ in lex.framing["negative_modifiers"]]
            if judged and not _negated_sentence(tok):
                return Detection("blame.possessive", "possessive",
                                 f'"{_owner(owner)} {describe(judged)} {tok.text}" ties the failure to a person; describe the change instead.',
                                 None, [owner, tok] + judged, owner)
            continue
        head = tok.head
        bad_mod = [c for c in tok.children if c.dep_ in ("amod", "compound") and (
            c.lower_ in terms["judgement_adjectives"] or c.lower_ in lex.framing["negative_modifiers"] or lex.verbs["fault"].match(c))]
        # a defect a person made is theirs whatever it did next ("Kofi's typo in the
        # DNS zone", "her bug"): "Sven's typo" is rule 2's own example
        is_blame_noun = tok.lemma_.lower() in terms["blame_nouns"] or tok.lemma_.lower() in terms["judgement_nouns"] or (
            (tok.lemma_.lower() in terms["error_heads"] or tok.lemma_.lower() in terms["defect_nouns"]) and tok.dep_ != "compound")
        # "Ingeborg's decision to ignore the renewal reminder"
        is_blame_noun = is_blame_noun or any(
            x.dep_ in ("acl", "xcomp", "relcl") and (lex.verbs["fault"].match(x) or is_mis_verb(x)) for x in tok.children)
        as_cause = (
            # "Her script emptied the shared drive": a possessed change destroying something live
            (tok.dep_ in ("nsubj", "csubj") and (verb_lemma(head) in terms["cause_verbs"] or lex.verbs["harm"].match(head)
                                                 or (lex.verbs["destructive"].match(head) and not _disposable(head, lex)))
             and not any(t.lower_ == "back" and t.head in (head, *head.children) for t in head.subtree))  # "brings it back online"
            or (tok.dep_ == "pobj" and head.dep_ == "agent")
            or (tok.dep_ == "pobj" and head.lower_ in ("of", "to") and head.head.lower_ in ("because", "due", "thanks", "owing"))
            or (tok.dep_ == "pobj" and head.lower_ in ("because", "due", "owing") and any(c.lower_ in ("of", "to") for c in head.children))  # "because/prep of/pcomp my/poss change/pobj": the noun hung on "because"
            or (tok.dep_ in ("attr",) and verb_lemma(head) == "be" and (not made or _cause_subject(head, lex)))
            or (tok.dep_ == "pobj" and head.lower_ == "from" and verb_lemma(head.head) in terms["origin_verbs"])
            or (tok.dep_ == "pobj" and traced_failure(head, lex) is not None)  # "traces back to one command Ngaio typed"
            or _cleft_cause(tok, lex)
            or _defective(tok, lex)
        )
        if (bad_mod or is_blame_noun or as_cause) and not _negated_sentence(tok):
            named = (tok.doc[tok.left_edge.i:(owner.i if owner.head.lower_ in ("by", "from") else owner.head.i) + 1].text if made else
                     f'{_owner(owner)} {describe([t for t in tok.children if t.dep_ in ("amod", "compound") and t.i < tok.i] + [tok])}')
            # "made-by": the possessive rewrite (drop the possessor) would leave the
            # relative clause without its subject
            return Detection(
                "blame.possessive", "made-by" if made else "possessive",
                f'"{named}" ties the failure to a person; name the change by its ID or describe it instead.',
                None, [owner, tok] + bad_mod, owner,
            )
    return None


def predicate_possessive(view: SentenceView) -> Detection | None:
    """"The bad regex in the WAF rule was mine"."""
    terms = view.lex.terms
    for tok in view.sent:
        if tok.lower_ in terms["predicate_possessives"] and tok.dep_ in ("attr", "acomp") and tok.head.lemma_ == "be":
            subj = next((s for s in tok.head.children if s.dep_ == "nsubj"), None)
            if subj is None or _negated_sentence(tok):
                continue
            framed = any(t.lower_ in view.lex.framing["negative_modifiers"] or t.lower_ in terms["judgement_adjectives"] for t in subj.children)
            if framed or subj.lemma_.lower() in terms["blame_nouns"]:
                return Detection("blame.possessive", "possessive",
                                 f'"{subj.text} was {tok.text}" ties the failure to a person; describe the change itself instead.',
                                 None, [subj, tok], tok)
    return None
