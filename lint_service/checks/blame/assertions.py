"""Recognizers for blame asserted with nouns and phrases, and for person-targeted directives.

"The root cause was human error", "It was Kwame's fault", "Ravi is to blame",
"the blame is on me", "because of Omar, ...", "make sure Bob never touches prod".
"""
from __future__ import annotations

from spacy.tokens import Token

from .credited_cause import ONE_PERSON, harm_lessened
from .agents import BLAMEABLE, Kind, classify, role_noun
from .clauses import _hypothetical
from .lexicon import Lexicon, verb_lemma
from .irony import negative_outcome, sarcastic
from .possessives import _generic_person, _possessor, ones_part
from .recognizers import Detection, SentenceView, _negated_sentence, _who


def made_by(tok: Token, lex: Lexicon) -> Token | None:
    """The person a fault noun is said to be made by: "an error by a field engineer", "a
    misconfiguration made by a network engineer"."""
    for rel in (c for c in tok.children if c.dep_ == "relcl" and verb_lemma(c) in ("make", "commit")):
        # "three mistakes I've made", "the error the contractor made"
        who = next((s for s in rel.children if s.dep_ == "nsubj"), None)
        if who is not None and classify(who, lex) in BLAMEABLE and not any(n.dep_ == "neg" for n in rel.children):
            return who
    made = [tok] + [c for c in tok.children if c.dep_ == "acl" and c.tag_ == "VBN"]
    for by in (p for m in made for p in m.children if p.dep_ in ("agent", "prep") and p.lower_ == "by"):
        for o in by.children:
            if o.dep_ == "pobj" and classify(o, lex) in BLAMEABLE and not _generic_person(o):
                return o
    return None


def _linked_person(tok: Token, view: SentenceView) -> Token | None:
    """A person the blame noun is said of: possessor, "by X", the copula's other side, or the subject."""
    lex = view.lex
    poss = _possessor(tok, lex)
    if poss is not None:
        return poss
    for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("by", "of", "from")):
        for o in prep.children:
            if o.dep_ == "pobj" and classify(o, lex) in BLAMEABLE:
                return o
    if (poss := ones_part(tok, lex)) is not None:
        return poss  # "a mistake on his part"
    if (maker := made_by(tok, lex)) is not None:
        return maker
    head = tok.head
    # "The engineer made a mistake"; but "The engineer reported the fault" is a response to it
    responding = head.pos_ in ("VERB", "AUX") and any(lex.verbs[k].match(head) for k in ("recovery", "diligence", "response", "speech", "reporting"))
    for sib in head.children:
        if sib != tok and not responding and sib.dep_ in ("nsubj", "attr", "nsubjpass") and classify(sib, lex) in BLAMEABLE:
            return sib
    if head.dep_ == "pobj" or tok.dep_ == "pobj":  # "X was at fault"
        verb = head.head if tok.dep_ == "pobj" else head
        for sib in verb.children:
            if sib.dep_ == "nsubj" and classify(sib, lex) in BLAMEABLE:
                return sib
    return None


def blame_phrase(view: SentenceView) -> Detection | None:
    """Fixed phrases of blame and self-blame: "my bad", "mea culpa", "that one's on me"."""
    words = [t for t in view.sent if not t.is_punct or t.text in ("'s", "’s")]
    text = " " + " ".join(t.lower_.replace("’", "'") for t in words).replace(" 's", "'s").replace(" n't", "n't") + " "
    if view.lex.blame_phrase_search.search(text) is None:
        return None  # no phrase anywhere: one search instead of one per phrase
    for phrase in view.lex.blame_phrases_in_order:
        at = text.find(f" {phrase} ")
        if at < 0:
            continue
        start = len(text[:at].split())
        tokens = words[start:start + len(phrase.split())]
        negated = not phrase.startswith(("no ", "not ")) and _negated_sentence(tokens[0])  # "no idea what he was doing", "not my finest hour" negate themselves
        if tokens and all(t.i not in view.quoted for t in tokens) and not negated:
            return Detection("blame.blame-noun", "blame-phrase",
                             f'"{phrase}" assigns the failure to a person; describe what the system allowed instead.',
                             None, tokens)
    return None


def blame_noun(view: SentenceView) -> Detection | None:
    lex, terms = view.lex, view.lex.terms
    candidates = terms["error_heads"] | terms["blame_nouns"] | terms["responsibility_nouns"] | {"blame", "responsible", "on"}
    for tok in view.sent:
        low, lemma = tok.lower_, tok.lemma_.lower()
        # the cheap word test first: the tree walks below run for a few tokens only
        if (lemma not in candidates and low not in candidates) or tok.i in view.quoted or _negated_sentence(tok):
            continue
        head = tok.head
        if any(verb_lemma(a) in lex.verbs["meta"] or lex.verbs["denial"].match(a) for a in tok.ancestors if a.pos_ == "VERB"):
            continue  # talk about blame, and blame denied ("rejected claims of human error")
        if tok.dep_ == "dobj" and lex.verbs["recovery"].match(head):
            continue  # "the cleaners are mopping up the spill": repair, not blame
        # "human error", "operator error", "engineer error"
        if lemma in terms["error_heads"]:
            # "human error", and a role as the modifier: "technician error", "contractor mistake"
            # (the tagger often reads a role noun before "error" as an adjective: "Technician/JJ error")
            mods = [c for c in tok.children if c.dep_ in ("amod", "compound") and (
                c.lower_ in terms["error_modifiers"] or (c.dep_ == "compound" and classify(c, lex) == Kind.ROLE)
                or (c.dep_ == "amod" and c.i == tok.i - 1 and role_noun(c, lex)))]
            if mods and not _generic(tok) and not _hypothetical(tok):
                return Detection("blame.blame-noun", "blame-noun",
                                 f'"{mods[0].text} {tok.text}" names a person as the cause and ends the investigation; say which safeguard was missing instead.',
                                 None, [mods[0], tok])
            # "an error by a field engineer", "a failure by the team", "a mistake made by one of our engineers"
            # ... "on my part/side" as for the blame nouns; not a place ("on my side of the map")
            part = ones_part(tok, lex)
            if part is not None and not any(c.dep_ == "prep" for c in part.head.children) and not _hypothetical(tok) and not _generic(tok):
                return Detection("blame.blame-noun", "blame-noun",
                                 f'"{tok.text} on {part.text} {part.head.text}" names a person as the cause; say which safeguard was missing instead.',
                                 None, [tok, part], part)
            by = made_by(tok, lex)
            if by is not None and not _hypothetical(tok):
                return Detection("blame.blame-noun", "blame-noun",
                                 f'"{tok.text} by {_who(by)}" names a person as the cause; say which safeguard was missing instead.',
                                 None, [tok, by], by)
        if lemma in ("blame",) and tok.dep_ in ("xcomp", "acomp", "nsubj", "attr", "pobj", "ROOT", "dobj", "relcl"):
            person = None
            # "Ravi is to blame" (the infinitive); "I hate blaming the release managers" is the act
            # of blaming, said of its doer, not blame laid on them
            if tok.dep_ == "xcomp" and (tok.tag_ == "VB" or _reflexive_object(tok)):  # ... or "I keep blaming myself"
                person = next((s for s in head.children if s.dep_ == "nsubj" and classify(s, lex) in BLAMEABLE), None)
            elif tok.dep_ == "dobj" and verb_lemma(head) in ("take", "accept", "shoulder", "bear", "deserve"):
                # "I take the blame for the missing backups"
                person = next((s for s in head.children if s.dep_ == "nsubj" and classify(s, lex) in BLAMEABLE), None)
            elif tok.dep_ == "relcl" and head.lower_ == "one" and head.dep_ in ("attr", "nsubj"):
                # "Marisol is the one to blame", "the one to blame is the DBA"
                person = next((s for s in head.head.children if s != head and s.dep_ in ("nsubj", "attr") and classify(s, lex) in BLAMEABLE), None)
            elif tok.dep_ == "nsubj":  # "the blame is on me", "the blame lies with Ops"
                for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ in ("on", "with")):
                    person = next((o for o in prep.children if o.dep_ == "pobj" and classify(o, lex) in BLAMEABLE), None)
            if person is not None:
                return Detection("blame.blame-noun", "blame-noun",
                                 f'"{tok.text}" is assigned to "{_who(person)}"; describe the conditions that led to the failure instead.',
                                 None, [tok], person)
        if f"{head.lower_} {low}" in lex.framing["mistake_phrases"]:
            continue  # "by mistake", "in error": framing of an action, handled with the action
        if lemma in terms["blame_nouns"] and lemma not in ("oversight", "lapse") and tok.pos_ in ("NOUN", "PROPN"):
            if _possessor(tok, lex) is not None and not (tok.dep_ == "attr" and head.lemma_ == "be"):
                continue  # "Leo's mistake took ... down": the possessive rule's case
            person = _linked_person(tok, view)
            if person is not None and _generic_person(person):
                continue
            if person is not None or lemma in ("culprit",) and tok.dep_ in ("nsubj", "attr") and _copula_person(tok, view):
                person = person or _copula_person(tok, view)
                return Detection("blame.blame-noun", "blame-noun",
                                 f'"{tok.text}" is said of "{_who(person)}", which makes a person the cause; describe what the system allowed instead.',
                                 None, [tok], person)
        # "I take full responsibility for the outage"
        if lemma in terms["responsibility_nouns"] and tok.dep_ in ("dobj", "attr", "nsubj"):
            subj = next((s for s in head.children if s.dep_ == "nsubj" and s != tok), None)
            owner = _possessor(tok, lex) or (subj if subj is not None and classify(subj, lex) in BLAMEABLE else None)
            # "for" hangs on the noun or, after "take", on the verb ("took responsibility for the follow-up work")
            holders = [tok, head] if tok.dep_ == "dobj" else [tok]
            target = next((o for h in holders for p in h.children if p.dep_ == "prep" and p.lower_ == "for" for o in p.children if o.dep_ in ("pobj", "pcomp")), None)
            # "for the outage", "for breaking the build"; not "for writing the follow-up ticket"
            harmful = target is not None and (target.lemma_.lower() in terms["incident_nouns"] or (
                target.dep_ == "pcomp" and any(lex.verbs[k].match(target) for k in ("breakage", "destructive", "fault", "harm"))))
            if owner is not None and (target is None or harmful):
                return Detection("blame.blame-noun", "blame-noun",
                                 f'Taking the "{tok.text}" for the failure onto "{_who(owner)}" makes a person the cause; describe the conditions that led to it instead.',
                                 None, [tok], owner)
        # "The blame is on me", "that one's on me"
        if low == "on" and tok.dep_ == "prep" and head.lemma_ == "be":
            obj = next((o for o in tok.children if o.dep_ == "pobj"), None)
            subj = next((s for s in head.children if s.dep_ == "nsubj"), None)
            owner = _possessor(obj, lex) if obj is not None and obj.lemma_.lower() in terms["ownership_nouns"] else None
            if owner is not None:
                obj = owner  # "the problem was on my end"
            # The subject is the failure itself ("that one", "the outage", "this mess"), or the
            # fault put on someone ("the blame", "the mistake"); "the review is on Priya" is a task.
            failure_words = terms["incident_nouns"] | terms["failure_nouns"] | terms["blame_nouns"] | terms["error_heads"]
            if obj is not None and subj is not None and (owner is not None or classify(obj, lex) in BLAMEABLE) and (
                subj.lower_ in ("this", "that", "it", "one")
                or subj.lemma_.lower() in failure_words | {"blame", "responsibility"}
            ):
                return Detection("blame.blame-noun", "blame-noun",
                                 f'Saying "{tok.doc[min(subj.left_edge.i, tok.i):tok.right_edge.i + 1].text}" assigns the failure to a person; describe the conditions that led to it instead.',
                                 None, [tok, obj], obj)
        # "The on-call engineer was responsible for the outage"
        if low == "responsible" and tok.dep_ == "acomp":
            subj = next((s for s in head.children if s.dep_ == "nsubj"), None)
            for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ == "for"):
                obj = next((o for o in prep.children if o.dep_ == "pobj"), None)
                # ... or for a failure, or for a thing called bad ("responsible for the broken release")
                failed = obj is not None and (obj.lemma_.lower() in terms["incident_nouns"] or obj.lemma_.lower() in terms["failure_nouns"] or any(
                    m.dep_ == "amod" and m.lower_ in lex.framing["negative_modifiers"] for m in obj.children))
                if subj is not None and failed and classify(subj, lex) in BLAMEABLE:
                    return Detection("blame.blame-noun", "blame-noun",
                                     f'Calling "{_who(subj)}" responsible for the {obj.text} makes a person the cause; describe the failure of the system instead.',
                                     None, [tok, obj], subj)
    return None


def _reflexive_object(verb: Token) -> bool:
    """"blaming myself", "blames herself": the doer is the one blamed."""
    return any(o.dep_ == "dobj" and o.tag_ == "PRP" and o.lower_.endswith(("self", "selves")) for o in verb.children)


def _generic(tok: Token) -> bool:
    """"Human error is a symptom, not a cause": error in general, said in the present
    tense of no incident in particular (rule 16); "the cause was human error" is a finding."""
    head = tok.head
    if tok.dep_ != "nsubj" or head.lemma_ != "be" or head.tag_ not in ("VBZ", "VBP") or any(c.dep_ in ("det", "poss") for c in tok.children):
        return False
    attrs = [c for c in head.children if c.dep_ in ("attr", "acomp")]
    if not attrs:
        return False  # "Staff error at the counter is to blame for the mix-up": a finding, not what error is
    return all(not any(d.dep_ in ("det", "poss") and d.lower_ not in ("a", "an") for d in a.children) for a in attrs)


def _copula_person(tok: Token, view: SentenceView) -> Token | None:
    head = tok.head
    for sib in head.children:
        if sib != tok and sib.dep_ in ("attr", "nsubj") and classify(sib, view.lex) in BLAMEABLE:
            return sib
    return None


def person_cause(view: SentenceView) -> Detection | None:
    """"Because of Omar, the cache was flushed", "due to the intern"."""
    lex = view.lex
    for tok in view.sent:
        if tok.dep_ != "pobj" or tok.i in view.quoted:
            continue
        prep = tok.head
        if prep.lower_ in ("because", "due", "owing"):  # "Because/prep of/pcomp Omar/pobj"
            lead = prep
            prep = next((c for c in lead.children if c.lower_ in ("of", "to")), lead)
        else:
            lead = prep.head if prep.lower_ in ("of", "to") else None
        if lead is None or lead.lower_ not in ("because", "due", "owing", "courtesy", "thanks"):
            continue
        if lead.lower_ == "thanks" and not sarcastic(view):
            continue
        if not negative_outcome(view, exclude={t.i for t in lead.subtree}) or harm_lessened(view.sent, lex, {t.i for t in lead.subtree}):
            continue  # "Because of Rania, we had a tested restore script ready": credit
        # "owing to them not being able to ...": the reason is the clause, not a person
        if any(c.dep_ in ("acl", "relcl") or c.tag_ == "VBG" for c in tok.children) or (tok.pos_ == "PRON" and tok.lower_ not in ONE_PERSON):
            continue
        if (classify(tok, lex) in (Kind.PERSON, Kind.ROLE, Kind.TEAM) or tok.lower_ in ONE_PERSON) and _possessor(tok, lex) is None:
            return Detection("blame.person-cause", "person-cause",
                             f'"{lead.text} {prep.text} {_who(tok)}" names a person as the cause; describe the change and what let it through instead.',
                             None, [lead, prep, tok], tok)
    return None


_EFFORT = {"careful", "vigilant", "cautious", "attentive", "thorough", "diligent", "mindful", "alert"}


def directive(view: SentenceView) -> Detection | None:
    """Imperatives aimed at a named person: "make sure Bob never touches prod again";
    and "Marguerite needs to be more careful": asking a person to try harder."""
    lex = view.lex
    for c in view.clauses:
        effort = [t for t in c.verb.subtree if t.lower_ in _EFFORT and t.dep_ == "acomp"]
        if effort and c.subject is not None and c.subject_kind in (Kind.PERSON, Kind.ROLE, Kind.TEAM, Kind.PRONOUN) and (
            c.lemma in ("need", "have", "must", "should") or any(a.lower_ in ("should", "must", "need") for a in c.verb.children)
        ):
            return Detection("blame.person-directive", "directive",
                             f'Asking "{_who(c.subject)}" to be more {effort[0].text} puts the fix on a person; change a tool, default or process instead.',
                             c, [effort[0]], c.subject)
        v = c.verb
        if c.subject is not None or v.tag_ != "VB" or not lex.verbs["directive"].match(v):
            continue
        targets = [o for o in v.children if o.dep_ in ("dobj", "dative", "nsubj")]
        targets += [p for o in list(targets) for p in o.children if p.dep_ == "poss"]  # "take Uchenna's access away"
        # "have a quiet word with Pieter", "talk to Bob about his deploys"
        targets += [o for t in [v, *[x for x in v.children if x.dep_ == "dobj"]] for p in t.children
                    if p.dep_ == "prep" and p.lower_ in ("with", "to") for o in p.children if o.dep_ == "pobj"]
        for x in v.children:  # "make sure [Bob never touches ...]"
            if x.dep_ in ("ccomp", "xcomp", "acomp"):
                targets += [s for s in x.subtree if s.dep_ in ("nsubj", "dobj") and s.head.pos_ in ("VERB", "AUX")]
        # "never ... again", "actually follow": aimed at someone's past behaviour
        reproach = any(t.lower_ in ("never", "again", "actually", "anymore", "properly") for t in view.sent)
        for t in targets:
            kind = classify(t, lex)
            named = kind in (Kind.PERSON, Kind.PRONOUN) and t.lower_ not in ("they", "them", "someone", "somebody")
            if named or (kind == Kind.ROLE and reproach):
                return Detection("blame.person-directive", "directive",
                                 f'This instruction targets "{t.text}" rather than the system; make the action item change a tool, default or process.',
                                 c, [v, t], t)
    return None


def pointing(view: SentenceView) -> Detection | None:
    """Sentences that single a person out as the cause without a fault word:
    "I'm the reason checkout was down", "It was Lior who typed the command",
    "Everything was fine until Alessandro touched the load balancer",
    "The whole outage traces back to one command Ngaio typed"."""
    lex, terms = view.lex, view.lex.terms
    for tok in view.sent:
        if tok.i in view.quoted:
            continue
        head = tok.head
        # "<person> is the reason/cause/source of ...", "the cause was an employee who ..."
        if tok.lemma_.lower() in terms["cause_nouns"] and tok.dep_ in ("attr", "nsubj") and head.lemma_ == "be" and not _negated_sentence(tok):
            subj = next((s for s in head.children if s.dep_ == ("nsubj" if tok.dep_ == "attr" else "attr")), None)
            if subj is not None and classify(subj, lex) in BLAMEABLE:
                return Detection("blame.person-cause", "pointing",
                                 f'Calling "{_who(subj)}" the {tok.text} makes a person the cause; describe what failed in the system instead.',
                                 None, [subj, tok], subj)
        # cleft: "It was Lior who typed the command"
        if tok.dep_ == "attr" and head.lemma_ == "be" and any(s.lower_ == "it" for s in head.children if s.dep_ == "nsubj"):
            rel = next((r for r in tok.children if r.dep_ == "relcl"), None) or next((r for r in head.children if r.dep_ in ("relcl", "ccomp")), None)
            acting = rel is not None and not lex.verbs["recovery"].match(rel) and any(
                lex.verbs[k].match(rel) for k in ("causal", "destructive", "breakage", "fault", "disable"))
            if acting and classify(tok, lex) in (Kind.PERSON, Kind.ROLE, Kind.TEAM, Kind.SELF) and not _negated_sentence(tok):
                return Detection("blame.person-cause", "pointing",
                                 f'"It was {_who(tok)} who ..." singles out a person as the one to blame; describe the action and what allowed it instead.',
                                 None, [tok], tok)
        # "... fine until <person> touched ...": the person's act ended the good state
        if tok.lower_ == "until" and tok.dep_ == "mark":
            subj = next((s for s in head.children if s.dep_ == "nsubj"), None)
            main = head.head
            fine = any(t.lower_ in ("fine", "ok", "okay", "stable", "healthy", "green", "quiet", "smooth") for t in main.subtree if t.i < tok.i)
            if subj is not None and fine and classify(subj, lex) in (Kind.PERSON, Kind.ROLE, Kind.TEAM, Kind.PRONOUN):
                return Detection("blame.person-cause", "pointing",
                                 f'"... until {_who(subj)} {head.text} ..." makes a person the trigger of the failure; describe the change and what let it through instead.',
                                 None, [tok, subj], subj)
        # "traces back to / started with / came from" a person or their change
        if tok.pos_ == "VERB" and tok.lemma_.lower() in ("trace", "start", "begin", "stem", "originate", "come") and tok.dep_ == "ROOT":
            people = [t for p in tok.children if p.dep_ in ("prep", "prt") for t in p.subtree
                      if t.pos_ == "PROPN" and classify(t, lex) == Kind.PERSON and t.dep_ in ("pobj", "nsubj", "poss")]
            subj = next((s for s in tok.children if s.dep_ == "nsubj"), None)
            if people and subj is not None and (subj.lemma_.lower() in terms["incident_nouns"] or subj.lemma_.lower() in ("outage", "problem", "failure")):
                return Detection("blame.person-cause", "pointing",
                                 f'Tracing the {subj.text} back to "{people[0].text}" makes a person the cause; describe the change and what let it through instead.',
                                 None, [tok, people[0]], people[0])
        # "Responsibility for the data loss lies with Bartosz"
        if tok.lemma_.lower() in ("responsibility", "blame", "fault") and tok.dep_ == "nsubj" and head.lemma_.lower() in ("lie", "rest", "sit", "fall"):
            person = next((o for p in head.children if p.lower_ in ("with", "on") for o in p.children if o.dep_ == "pobj"), None)
            if person is not None and classify(person, lex) in BLAMEABLE and not _negated_sentence(tok):
                return Detection("blame.blame-noun", "blame-noun",
                                 f'"{tok.text} ... {head.text} with {_who(person)}" assigns the failure to a person; describe the conditions that led to it instead.',
                                 None, [tok, person], person)
    return None
