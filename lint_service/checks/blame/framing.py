"""Negative framing: what turns an ordinary action into a fault.

"Rahul pushed a change" is neutral; "Rahul pushed an untested change", "... without
review", "... accidentally", "... instead of staging", "... and wiped out two days
of fixes", "... even though the canary was red" are not. Each function returns the
tokens that carry the framing (for the message), or an empty list.
"""
from __future__ import annotations

from spacy.tokens import Token

from .away import moved_away_from, takes_out
from .clauses import Clause
from .lexicon import Lexicon, verb_lemma
from .harm_told import reported_thing, stopped_harm


def _phrase(tokens: list[Token]) -> str:
    unique = {t.i: t for t in tokens}
    return " ".join(unique[i].text for i in sorted(unique))


def clause_tokens(clause: Clause) -> list[Token]:
    """The clause's own tokens: the verb's subtree without the subject and without
    embedded clauses that have a subject of their own."""
    skip: set[int] = set()
    if clause.subject is not None:
        # (the subject's subtree can hold the verb itself when the parse is repaired)
        skip.update(t.i for t in clause.subject.subtree)
        skip.difference_update(t.i for t in clause.verb.subtree)
    for t in clause.verb.subtree:
        if t != clause.verb and t.dep_ in ("relcl", "ccomp", "advcl", "conj", "parataxis") and any(
            c.dep_ in ("nsubj", "nsubjpass") for c in t.children
        ):
            skip.update(x.i for x in t.subtree)
    return [t for t in clause.verb.subtree if t.i not in skip]


def _preps(verb: Token) -> list[Token]:
    return [c for c in verb.children if c.dep_ in ("prep", "agent")]


def _pobj(prep: Token) -> Token | None:
    return next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None)


def adverb_framing(verbs: list[Token], lex: Lexicon) -> list[Token]:
    bad = lex.framing["negative_adverbs"]
    return [c for v in verbs for c in v.children if c.dep_ in ("advmod", "npadvmod") and c.lower_ in bad]


def governing_verb(tok: Token) -> Token | None:
    for anc in tok.ancestors:
        if anc.pos_ in ("VERB", "AUX"):
            return anc
    return None


def near_scope(verbs: list[Token], scope: list[Token]) -> list[Token]:
    """Tokens of the clause governed by its verb or by a subjectless verb right
    under it ("pushed the team to ship ... without load testing"), not by verbs
    nested deeper ("..., including checking out X rather than Y")."""
    allowed = {v.i for v in verbs}
    for v in verbs:
        for c in v.children:
            if c.dep_ in ("xcomp", "advcl", "pcomp") and c.pos_ == "VERB" and not any(s.dep_ in ("nsubj", "nsubjpass") for s in c.children):
                allowed.add(c.i)
    out = []
    for t in scope:
        g = governing_verb(t) if t.pos_ != "VERB" or t.i not in allowed else t
        if g is not None and g.i in allowed:
            out.append(t)
    return out


# Said of what an action was done with, these make it a fault.
_WITH_WARNING = {"failing", "failed", "red", "live", "stale", "outdated", "expired", "broken", "untested", "unreviewed"}


def _named_safeguard(obj: Token, safeguards) -> bool:
    """"without the --dry-run flag", "without a WHERE clause": the safeguard named by the
    words before the noun."""
    words = obj.doc[obj.left_edge.i:obj.i + 1].text.lower().replace("--", " ").split()
    text = " " + " ".join(words) + " "
    return any(f" {s} " in text for s in safeguards if s not in words[-1:])


def phrase_framing(verbs: list[Token], lex: Lexicon, scope: list[Token] | None = None) -> list[Token]:
    """"by mistake", "without review", "instead of staging", "even though ..."."""
    found: list[Token] = []
    mistakes = lex.framing["mistake_phrases"]
    safeguards = lex.framing["safeguard_nouns"]
    harmless = lex.framing["harmless_without"]
    scope = near_scope(verbs, scope or [])
    for t in scope:
        nxt = t.doc[t.i + 1].lower_ if t.i + 1 < len(t.doc) else ""
        if ((t.lower_ == "instead" and nxt == "of") or (t.lower_ == "rather" and nxt == "than")) and not _asked_instead(t, verbs, lex) \
                and not _chose_caution(verbs, lex):
            found.append(t)
    for v in verbs + [t for t in scope if t.dep_ in ("pobj", "dobj", "pcomp", "advcl", "xcomp") and t not in verbs]:
        for prep in _preps(v):
            obj = _pobj(prep)
            word = prep.lower_
            if obj is not None and f"{word} {obj.lower_}" in mistakes:
                found += [prep, obj]
            elif word == "with" and obj is not None and (
                any(d.dep_ == "det" and d.lower_ == "no" for d in obj.children)
                or any(d.lower_ in _WITH_WARNING or d.lower_.endswith("-old") for d in obj.subtree if d != obj)
            ):
                # "with no change ticket", "with three failing checks", "with a
                # three-month-old state file"
                found += [prep, obj]
            elif word == "with" and obj is not None and any(  # "with the CI badge still red"
                x.i > obj.i and x.dep_ in ("advcl", "acomp", "oprd", "amod") and x.lower_ in _WITH_WARNING
                for x in (governing_verb(prep) or v).children
            ):
                found += [prep, obj]
            elif word == "without" and obj is not None:
                if obj.tag_ == "VBG" or obj.lower_ in safeguards or obj.lemma_.lower() in safeguards or _named_safeguard(obj, safeguards):
                    if obj.lemma_.lower() not in harmless:
                        found += [prep, obj]
            elif word in ("despite",) and obj is not None:
                found += [prep]
            elif word == "of" and prep.i > 0 and prep.doc[prep.i - 1].lower_ == "instead" and not _asked_instead(prep.doc[prep.i - 1], verbs, lex) \
                    and not _chose_caution(verbs, lex):
                found.append(prep)
        for c in v.children:
            if c.dep_ == "advcl":
                marks = " ".join(m.lower_ for m in c.children if m.dep_ in ("mark", "advmod") and m.i < c.i)
                if any(marks.endswith(k) or marks == k for k in lex.framing["concessive_markers"]) and not _effort_conceded(c, lex):
                    found.append(c)
            if c.lower_ == "anyway" and c.dep_ == "advmod":
                found.append(c)
            if c.dep_ == "advcl" and c.tag_ == "VBG" and any(n.dep_ == "neg" for n in c.children) and (
                    lex.verbs["diligence"].match(c) or lex.verbs["response"].match(c)):
                found.append(c)  # "dropped the old schema, not realising that the application still used it"
            if c.lower_ == "instead" and c.dep_ == "advmod" and v in verbs and any(  # "pushed to production instead"
                    o.lower_ in lex.framing["protected_targets"] for p in _preps(v) if p.lower_ in ("to", "into", "on", "against") for o in p.children):
                found.append(c)
            if c.dep_ == "prep" and c.lower_ == "in" and (o := _pobj(c)) is not None and f"in {o.lower_}" in mistakes:
                found += [c, o]
    return found


def _effort_conceded(c: Token, lex: Lexicon) -> bool:
    """"although it was painful": the concession is what the act cost, not a warning."""
    subject = next((s for s in c.children if s.dep_ == "nsubj"), None)
    return subject is not None and subject.lower_ in ("it", "this", "that") and any(
        a.dep_ == "acomp" and a.lower_ in lex.framing["effort_adjectives"] for a in c.children)


def _chose_caution(verbs: list[Token], lex: Lexicon) -> bool:
    """"chose to wait for the vendor rather than patch locally": a decision whose chosen
    act changes nothing is the cautious option, not a step done in place of the right one
    ("decided to deploy rather than wait" chose the change, and stays)."""
    v = verbs[0]
    if lex.verbs["choosing"].match(v):
        chosen = next((x for x in v.children if x.dep_ == "xcomp"), None)
    else:
        chosen = v if v.dep_ == "xcomp" and lex.verbs["choosing"].match(v.head) else None
    return chosen is not None and not any(lex.verbs[k].match(chosen) for k in ("causal", "destructive", "disable", "breakage", "fault"))


def _asked_instead(instead: Token, verbs: list[Token], lex: Lexicon) -> bool:
    """"Instead of asking whose fault it was, our reviewers now ask ...": one way of asking or
    saying put in place of another is a choice of words, not an act done to a system
    ("rather than asking the reviewer, merged it himself" is an act, and stays)."""
    def talk(x: Token) -> bool:
        return lex.verbs["reporting"].match(x) or lex.verbs["speech"].match(x)
    doc = instead.doc
    of = doc[instead.i + 1] if instead.i + 1 < len(doc) else None
    said = [c for c in of.children if c.dep_ == "pcomp"] if of is not None else []
    return any(talk(x) for x in said) and any(talk(v) for v in verbs)


def object_framing(objects: list[Token], lex: Lexicon) -> list[Token]:
    """"pushed a bad config", "rotated the wrong secret", "against the wrong database"."""
    bad = lex.framing["negative_modifiers"]
    found = []
    for o in objects:
        for c in o.children:
            if c.dep_ in ("amod", "compound", "advmod", "nmod") and (c.lower_ in bad or c.lemma_.lower() in bad):
                found.append(c)
    return found


def bypass_framing(verbs: list[Token], lex: Lexicon) -> list[Token]:
    """"pushed directly to main", "straight to prod"."""
    found = []
    for v in verbs:
        advs = [c for c in v.children if c.lower_ in lex.framing["bypass_adverbs"]]
        if "-" in v.lower_ and v.lower_.split("-", 1)[0] in lex.framing["forcing_prefixes"]:
            advs.append(v)  # "force-pushed to main"
        if not advs:
            continue
        for prep in _preps(v) + [p for a in advs for p in a.children if p.dep_ == "prep"]:
            obj = _pobj(prep)
            if prep.lower_ in ("to", "into", "on", "onto", "over") and obj is not None and any(
                    t.lower_ in lex.framing["protected_targets"] for t in obj.subtree if t.i <= obj.i):
                found += advs + [obj]
    return found


def consequence_framing(clause: Clause, lex: Lexicon) -> list[Token]:
    """"... and wiped out two days of fixes", "... which logged out every user"."""
    harm = lex.verbs["breakage"]
    harmless = lex.framing["harmless_objects"]
    found = []
    for c in clause.verb.children:
        if c.dep_ == "conj" and c.pos_ == "VERB" and harm.match(c) and not any(s.dep_ in ("nsubj", "nsubjpass") for s in c.children):
            if not any(m.lower_ in harmless for o in c.children if o.dep_ == "dobj" for m in o.subtree):
                found.append(c)
    safeguards = lex.framing["safeguard_objects"]
    # "disabled the cron job that was deleting uploads": what the object did is why it was stopped
    for o in ([] if stopped_harm(clause, lex) else clause.objects):
        for c in o.children:
            if c.dep_ == "relcl" and any(s.dep_ in ("nsubj", "nsubjpass") and s.lower_ not in ("that", "which", "who") for s in c.children):
                continue  # "got a page that the rack had lost power": what the page said, not what it did
            if c.dep_ == "relcl" and harm.match(c):
                found.append(c)
            elif c.dep_ == "relcl" and (lex.verbs["destructive"].match(c) or lex.verbs["batch"].match(c)) and any(
                    t.lower_ in ("every", "all", "whole", "entire") or (lex.verbs["destructive"].match(c) and t.lower_ in lex.framing["valuable_objects"])
                    for d in c.children if d.dep_ == "dobj" for t in d.subtree if t.i <= d.i):
                found.append(c)  # "sent a command that restarted every node", "ran a script that wiped the customer records"
            elif c.dep_ == "relcl" and lex.verbs["disable"].match(c) and any(
                    t.lower_ in safeguards for d in c.children if d.dep_ == "dobj" for t in d.subtree):
                found.append(c)  # "pushed a config that disabled the health checks"
    # ", which logged out every user" attached to the verb
    for c in clause.verb.children:
        # the relative word is the clause's subject; a "that" clause with a subject of its
        # own is what was said or seen ("noted that version 2.4 corrupts archives"), unless
        # it is owned ("admitted that the change broke it", "wrote that her script wiped it")
        if c.dep_ in ("relcl", "advcl", "ccomp") and harm.match(c) and any(s.lower_ in ("which", "that") for s in c.children) \
                and not reported_thing(clause.verb, c, lex):
            found.append(c)
    return found


def manner_prefix(verb: Token, lex: Lexicon) -> list[Token]:
    """"YOLO-merged", "cowboy-deployed", "fat-fingered"."""
    low = verb.lower_
    if "-" in low and low.split("-", 1)[0] in lex.framing["manner_prefixes"]:
        return [verb]
    return []


def negative_framing(clause: Clause, lex: Lexicon) -> list[Token]:
    """All framing evidence for a clause, in sentence order."""
    verbs = [clause.verb] if clause.action is clause.verb else [clause.verb, clause.action]
    scope = clause_tokens(clause)
    # Modifiers of objects frame only actions ("pushed the wrong tag"), not states
    # ("was working from an outdated checklist").
    acts = lex.verbs["causal"].match(clause.action) or lex.verbs["remedial"].match(clause.action)
    nouns = clause.objects + [t for t in scope if t.dep_ == "pobj"] if acts else clause.objects
    obj_framing = object_framing(nouns, lex)
    a = clause.action
    if not lex.verbs["causal"].match(a) and a.pos_ == "VERB" and verb_lemma(a) not in ("be", "have", "stay", "sit", "remain") and not _ongoing(clause.verb):
        # "keyed in the wrong amount", "clicked on the wrong link", "mailed the notices to
        # the wrong addresses": a done act's own preposition, or where it sent its object, with
        # "the wrong X" (a state, "was working from the wrong checklist", is not; taking
        # something out of the wrong place, "moved it from the wrong bucket", corrects it)
        obj_framing += [t for p in a.children if p.dep_ in ("prep", "dative") and (
                        (p.i == a.i + 1 and p.lower_ in ("in", "on", "into", "onto", "at"))
                        or (clause.objects and p.i > clause.objects[0].i and p.lower_ in ("to", "into", "onto")))
                        for o in p.children if o.dep_ == "pobj" for t in o.children
                        if t.dep_ == "amod" and t.lower_ in ("wrong", "incorrect") and t.i > 0 and t.doc[t.i - 1].lower_ in ("the", "a", "an")]
    # Removing a broken or stale thing is cleanup, whether it is the clause's act or
    # its purpose ("restarted the database to clear the bad connections"); removing
    # "the wrong" one is not.
    obj_framing = [t for t in obj_framing if not (_removing(governing_verb(t) or a, lex) or _remedied(t, lex) or moved_away_from(t))
                   or (t.lower_ in ("wrong", "incorrect") and t.i > 0 and t.doc[t.i - 1].lower_ in ("the", "a", "an"))]
    phrases = phrase_framing(verbs, lex, scope)
    changes = any(lex.verbs[k].match(a) for k in ("causal", "destructive", "disable", "breakage"))
    remedy = any(o.lemma_.lower() in lex.framing["remedy_nouns"] for o in clause.objects)
    if phrases and ((_removing(a, lex) and is_harmless_object(clause, lex)) or _obliged(clause) or not changes or remedy):
        # "killed the hung pods by hand": a manual cleanup of something broken; "staff had
        # to process refunds by hand": the manual work the outage forced on them; "sorted
        # the parcels by hand": work that changes no system ("edited the config by hand" does);
        # "applied the hotfix by hand": the remedy done by hand
        phrases = [t for t in phrases if not _in_phrase(t, lex.framing["neutral_manner_phrases"])]
    if phrases and _obliged(clause):
        # "had to put the firewall in bridge mode instead of routing through it": the
        # alternative was not theirs to take
        phrases = [t for t in phrases if not (t.lower_ in ("of", "instead") and t.i + 1 < len(t.doc)
                                              and "instead" in (t.lower_, t.doc[t.i - 1].lower_))]
    found = (
        adverb_framing(verbs, lex)
        + phrases
        + obj_framing
        + bypass_framing(verbs, lex)
        + consequence_framing(clause, lex)
        + manner_prefix(clause.action, lex)
    )
    return sorted(set(found), key=lambda t: t.i)


def _obliged(clause: Clause) -> bool:
    """The act is one the person had to do ("had to", "needed to", "were forced to")."""
    if clause.negated:
        return False
    v = clause.verb
    if clause.action is v:  # the infinitive read as its own clause ("had to / process")
        if v.dep_ != "xcomp" or not any(x.dep_ == "aux" and x.lower_ == "to" for x in v.children):
            return False
        v = v.head
    passive = any(x.dep_ == "auxpass" for x in v.children)
    return verb_lemma(v) in ("have", "need") or (verb_lemma(v) in ("force", "require") and passive)


def _in_phrase(tok: Token, phrases: list[str]) -> bool:
    """The token is a word of one of these two-word phrases, as written around it."""
    doc = tok.doc
    before = f"{doc[tok.i - 1].lower_} {tok.lower_}" if tok.i > 0 else ""
    after = f"{tok.lower_} {doc[tok.i + 1].lower_}" if tok.i + 1 < len(doc) else ""
    return before in phrases or after in phrases


def _removing(verb: Token, lex: Lexicon) -> bool:
    return takes_out(verb) or any(lex.verbs[k].match(verb) for k in ("destructive", "breakage", "disable", "recovery", "cessation"))


def _remedied(mod: Token, lex: Lexicon) -> bool:
    """The modifier describes what a verb that renews, replaces or takes out of service
    acts on, or where ("replaced the faulty cable", "reset the broken slot", "swapped the
    disk in the broken array"): the broken state is why it was done. What is put in its
    place ("with an untested one") stays framing, and so does "the wrong" one (the caller)."""
    noun = mod.head
    while noun.dep_ == "conj" and noun.head.pos_ in ("NOUN", "PROPN"):
        noun = noun.head  # "replaced the faulty cable and the bad optic"
    if noun.dep_ == "pobj" and noun.head.lower_ not in ("with", "by"):
        noun = noun.head
    return noun.dep_ in ("dobj", "prep") and lex.verbs["remedial"].match(noun.head)


def _ongoing(verb: Token) -> bool:
    """A progressive ("was working from ..."): a state of the person, not an act."""
    return verb.tag_ == "VBG" and any(a.dep_ == "aux" and a.lemma_ == "be" for a in verb.children)


_QUANTITIES = {"day", "hour", "week", "month", "year", "minute", "worth", "all", "half", "most", "part", "rest", "bunch", "lot", "thousand", "million", "hundred"}


def of_what(tok: Token) -> list[Token]:
    """What a quantity is of, with its modifiers: "two days of analytics data", "half of
    the old logs"."""
    if tok.lemma_.lower() not in _QUANTITIES:
        return []
    return [t for p in tok.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj"
            for t in o.subtree if t.i <= o.i]


def is_harmless_object(clause: Clause, lex: Lexicon) -> bool:
    """"deleted the stale preview environments", "two days of old logs": a destructive
    verb on something disposable; "removed the rule that blocked EU traffic": an act that
    stops a thing said to be doing harm."""
    if stopped_harm(clause, lex):
        return True
    harmless = lex.framing["harmless_objects"]
    for o in clause.objects:
        if any(c.lower_ in harmless for c in [*(t for t in o.subtree if t.i <= o.i), *of_what(o)]):
            return True
    return False


def idiom_match(clause: Clause, lex: Lexicon) -> str | None:
    """The gloss of a blame idiom whose slots all fill on this clause, if any."""
    return idiom_match_token(clause.action, lex)


def idiom_match_token(v: Token, lex: Lexicon) -> str | None:
    """The gloss of a blame idiom whose slots all fill on the verb ``v``, if any."""
    lemma = verb_lemma(v)
    for idiom in lex.idioms:
        if idiom.verb != lemma:
            continue
        kids = list(v.children)
        # the object, or the parser's other reading of "had no business doing it": the
        # noun as the subject of the gerund under the verb
        objects = kids + [s for c in kids if c.dep_ in ("ccomp", "xcomp") for s in c.children if s.dep_ == "nsubj"]
        if idiom.object and not any(c.dep_ in ("dobj", "obj", "attr", "oprd", "nsubj") and c.lemma_.lower() == idiom.object for c in objects):
            continue
        if idiom.prep and not any(c.dep_ in ("prep", "prt", "advmod", "acomp") and c.lower_ == idiom.prep for c in kids):
            continue
        if idiom.particle and not any(c.dep_ in ("prt", "advmod") and c.lower_ == idiom.particle for c in kids):
            continue
        if idiom.complement and not any(c.lower_ == idiom.complement for c in v.subtree):
            continue
        return idiom.gloss
    return None


describe = _phrase
