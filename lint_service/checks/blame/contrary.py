"""Ordinary acts the sentence frames as wrong without a fault word.

"Gaspard wired the pump to relay 4 where the drawing said relay 6" (against what the
plan said), "Hedda shipped the image with the debug console still enabled" (a thing
left in a state it must not be in). The verb itself is neutral; the framing is in the clause's structure, so each function reads one slot
of the parse and returns the tokens that carry it, or an empty list.

Neutral and repairing acts stay clean: "as the drawing said" agrees with the plan,
"with the new banner disabled" is a choice about a feature, and "with the alerts
muted" alone may be a drill's plan.

An act joined by "and" to a loss of its own ("re-routed the feed, and the ward lost
power") was tried and dropped: told the same way, neutral work is followed by a loss
it did not cause ("applied the patch, and the array lost two disks during the rebuild").
"""
from __future__ import annotations

from spacy.tokens import Token

from .clauses import Clause
from .intent import deliberate
from .lexicon import Lexicon, verb_lemma

# Verb classes whose acts are never made wrong by these framings: looking, talking,
# answering and repairing are how people respond to an incident.
_NEUTRAL_CLASSES = ("recovery", "response", "speech", "reporting")


def _neutral_act(c: Clause, lex: Lexicon) -> bool:
    a = c.action
    if a.pos_ != "VERB" or verb_lemma(a) in ("be", "have") or any(lex.verbs[k].match(a) for k in _NEUTRAL_CLASSES):
        return True
    # a check is neutral, unless it is also a change ("ran the job", "took the site off")
    return lex.verbs["diligence"].match(a) and not lex.verbs["causal"].match(a)


def _own_verb(tok: Token, c: Clause) -> bool:
    """The token hangs on the clause's act: on the verb, its object, or a preposition's
    object under it (the parser puts "where ..." on the nearest noun)."""
    head = tok.head
    for _ in range(3):
        if head == c.action:
            return True
        if head.pos_ in ("VERB", "AUX") and head != c.action:
            return False
        head = head.head
    return False


def against_plan(c: Clause, lex: Lexicon) -> list[Token]:
    """"keyed the refund into the ledger where the ticket said the suspense account": a
    clause with "where" whose subject is an instruction and whose verb says what it
    asked for, with a thing named (not "installed the valve where the drawing showed",
    a place, nor "as the ticket said", agreement)."""
    nouns, verbs = lex.framing["instruction_nouns"], lex.framing["instruction_verbs"]
    for t in c.action.sent:
        if t.dep_ not in ("relcl", "advcl") or verb_lemma(t) not in verbs or not _own_verb(t, c):
            continue
        if not any(w.lower_ == "where" and w.dep_ in ("advmod", "mark") and w.i < t.i for w in t.children):
            continue
        subject = next((s for s in t.children if s.dep_ == "nsubj"), None)
        said = [o for o in t.children if o.dep_ in ("dobj", "attr", "npadvmod", "oprd") and o.i > t.i]
        if subject is not None and subject.lemma_.lower() in nouns and said and not any(n.dep_ == "neg" for n in t.children):
            return [c.action, t]
    return []


def _state_phrase(state: Token) -> str:
    particle = next((p.lower_ for p in state.children if p.dep_ == "prt"), "")
    return f"{state.lower_} {particle}".strip()


def _still(state: Token) -> bool:
    return any(a.dep_ == "advmod" and a.lower_ == "still" for a in state.children) or (
        state.i > 0 and state.doc[state.i - 1].lower_ == "still")


def left_state(c: Clause, lex: Lexicon) -> list[Token]:
    """"ran the cleanup with the age check commented out", "shipped the image with the
    debug console still enabled", "took off with the stall warning still showing": the
    act done while something it depends on was in a state it must not be in."""
    if c.negated or deliberate(c, lex):
        return []
    f = lex.framing
    undone = f["undone_states"]
    still_states = f["risky_states"] | f["safeguard_off_states"] | f["warning_states"]
    a = c.action
    for prep in [p for p in a.children if p.dep_ == "prep" and p.lower_ == "with"] + [
            p for o in c.objects for p in o.children if p.dep_ == "prep" and p.lower_ == "with"]:
        objs = [o for o in prep.children if o.dep_ in ("pobj", "pcomp")]
        if not objs:  # "with the size guard commented out", parsed as a clause of the act's
            objs = [x for x in a.children if x.dep_ in ("advcl", "ccomp") and x.i > prep.i and any(
                s.dep_ in ("nsubj", "nsubjpass") and s.left_edge.i == prep.i + 1 for s in x.children)]
        for obj in objs:
            # the state: a clause under "with" ("with the warning still showing"), a
            # modifier after the thing, or the parser's clause on the verb after it
            clause = obj.dep_ != "pobj"
            thing = next((s for s in obj.children if s.dep_ in ("nsubj", "nsubjpass")), obj) if clause else obj
            states = [obj] if clause else []
            states += [x for x in thing.children if x.dep_ in ("acl", "amod", "advmod") and x.i > thing.i]
            # (or on the act, when "with" hangs on the object: "ran the script with the check
            # commented/advcl out", "deployed it with the flag still on/advmod")
            states += [x for h in {prep.head, a} for x in h.children if x.dep_ in ("advcl", "acomp", "oprd", "advmod") and x.i > thing.i]
            for s in states:
                phrase = _state_phrase(s)
                if phrase in undone or s.lower_ in undone:
                    return [a, s]
                # "still": the state should have ended before the act ("with the alerts
                # muted" alone may be the plan of a drill)
                if s.lower_ in still_states and _still(s):
                    return [a, s]
    return []


def duplicate_issued(c: Clause, lex: Lexicon) -> list[Token]:
    """"approved the duplicate payment file", "sent the duplicate invoice": a second copy
    put into effect (closing or merging the duplicate is cleanup, so not every approval
    verb: "merged the duplicate records")."""
    a = c.action
    if verb_lemma(a) not in lex.framing["issuing_verbs"]:
        return []
    for o in c.objects:
        mods = [m for m in o.children if m.dep_ in ("amod", "compound") and m.lower_ in lex.framing["duplicate_modifiers"]]
        if mods:
            return [a, mods[0]]
    return []


def wrong_one(c: Clause) -> list[Token]:
    """"restored the wrong snapshot", "failed over the wrong region": repair work done on
    the wrong thing is a slip like any other act on it (the recovery verb alone is not)."""
    for o in c.objects:
        for m in o.children:
            if m.dep_ == "amod" and m.lower_ in ("wrong", "incorrect") and m.i > 0 and m.doc[m.i - 1].lower_ in ("the", "a", "an"):
                return [c.action, m]
    return []


def contrary_act(c: Clause, lex: Lexicon) -> list[Token]:
    """The first of the framings above that the clause carries."""
    if _neutral_act(c, lex):
        return []
    return against_plan(c, lex) or left_state(c, lex) or duplicate_issued(c, lex)


def skipped_before(c: Clause, lex: Lexicon) -> list[Token]:
    """"had not read the notes before discharging the patient": a look at something left
    out ahead of the person's own next act, told by "before" and a gerund with no subject
    of its own. The next act must be a change (not "before joining the call", response
    work), and the clause a past one ("haven't read it before" is a status)."""
    a = c.action
    if not c.negated or c.modal or c.conditional or c.subject is None or not c.objects:
        return []
    if verb_lemma(a) in ("be", "have", "need", "want", "get") or not (
            a.tag_ == "VBD" or any(x.lemma_ in ("have", "do") and x.tag_ == "VBD" for x in a.children if x.dep_ == "aux")):
        return []
    for prep in (p for p in a.children if p.dep_ == "prep" and p.lower_ == "before"):
        for then in (g for g in prep.children if g.dep_ == "pcomp" and g.tag_ == "VBG"):
            acts = any(o.dep_ in ("dobj", "prt") for o in then.children)
            if acts and not any(lex.verbs[k].match(then) for k in (*_NEUTRAL_CLASSES, "diligence", "departure")):
                return [a, then]
    return []


def undone_cause(c: Clause, lex: Lexicon) -> list[Token]:
    """"The release was broken because I hadn't rebuilt the files": a step the person did
    not take, given as the reason something failed. The failure is the main clause
    (a verb of breakage, fault or malfunction, or "was not correct"); the step is any act
    with an object, told in the past ("because she hasn't rebuilt it yet" is a status)."""
    a = c.action
    if not c.negated or c.modal or c.conditional or not c.objects or c.verb.dep_ != "advcl":
        return []
    if not any(m.dep_ == "mark" and m.lower_ in ("because", "as", "since") for m in c.verb.children):
        return []
    if not any(x.lemma_ in ("have", "do") and x.tag_ == "VBD" for x in a.children if x.dep_ == "aux") and a.tag_ != "VBD":
        return []
    if any(lex.verbs[k].match(a) for k in (*_NEUTRAL_CLASSES, "departure")) or verb_lemma(a) in ("be", "have", "need", "want", "get"):
        return []
    failed = c.verb.head
    broke = any(lex.verbs[k].match(failed) for k in ("breakage", "fault", "malfunction")) or verb_lemma(failed) == "fail" or (
        failed.lemma_ == "be" and any(n.dep_ == "neg" for n in failed.children)
        and any(x.dep_ == "acomp" and x.lower_ in ("correct", "right", "valid") for x in failed.children))
    return [a] if broke else []
