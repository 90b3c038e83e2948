"""Clauses as slots: who acts (subject or agent), on what, how, and under which modality.

Every blame construction is a pattern over these slots, so the recognizers read
like the constructions they detect rather than like tree walks.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from .agents import Kind, classify, is_english_word
from .lexicon import Lexicon, verb_lemma, verb_only

_SUBJ = ("nsubj", "nsubjpass", "csubj", "csubjpass")
_NEG_WORDS = {"not", "n't", "never", "no"}
# Verbs whose xcomp carries the real action: "failed to renew", "forgot to drain".
_CONTROL_FAULTS = {"fail", "forget", "neglect", "omit", "refuse", "decline", "bother", "care", "trouble", "remember", "manage", "try", "get", "have"}


@dataclass
class Clause:
    verb: Token  # the predicate ("failed", "deleted")
    action: Token  # the action ("renew" in "failed to renew"); the verb itself otherwise
    subject: Token | None
    subject_kind: Kind
    passive: bool
    agent: Token | None = None  # "Farah" in "emptied by Farah"
    agent_kind: Kind = Kind.NONE
    negated: bool = False
    modal: str | None = None  # should / ought / could / would, with a perfect ("should have")
    conditional: bool = False  # "If X had...", "Had X ..."
    objects: list[Token] = field(default_factory=list)

    @property
    def lemma(self) -> str:
        return verb_lemma(self.verb)

    @property
    def action_lemma(self) -> str:
        return verb_lemma(self.action)


def _subject_of(verb: Token, lex: Lexicon | None = None) -> Token | None:
    for c in verb.children:
        if c.dep_ in _SUBJ:
            return c
    for aux in (c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.i < verb.i):
        # "Staff said a manager had/aux overridden ...": in reported speech the parser may
        # hang the subject on the auxiliary
        if (own := next((s for s in aux.children if s.dep_ in _SUBJ), None)) is not None:
            return own
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.pos_ in ("NOUN", "PROPN"):
        # "an intern running a script and wiping the customer table": the noun a
        # participle modifies is the one doing it
        return verb.head
    # Shared subjects: "Kenji skipped the canary and merged ..." (conj), "failed to
    # renew" (xcomp), "ran it without checking" (advcl/pcomp without own subject).
    if verb.dep_ == "xcomp" and verb.head.pos_ in ("VERB", "AUX") and lex is not None and (told := controller(verb, lex)) is not None:
        return told
    if verb.dep_ in ("conj", "xcomp") and verb.head != verb and verb.head.pos_ in ("VERB", "AUX"):
        return _subject_of(verb.head, lex)
    if verb.dep_ == "advcl" and verb.tag_ == "VBG" and verb.head.tag_ == "VBD" and not any(
            c.dep_ in ("mark", "advmod") and c.lower_ in ("before", "after", "while", "when", "without", "by") for c in verb.children):
        # "The operator approved the purge, unknowingly wiping the archive": a participle
        # after the main clause says what its subject did next
        return _subject_of(verb.head, lex)
    if verb.dep_ == "advcl" and verb.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) and any(
            c.dep_ in ("dobj", "obj") for c in verb.head.children) and verb.head.tag_ in ("VBD", "VBN"):
        # "ran a command to drop the table", "used the console to wipe the bucket": the act
        # done through an instrument is its user's act
        return _subject_of(verb.head, lex)
    if verb.tag_ == "VBG" and verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and verb.head.lower_ in (
            "after", "before", "while", "by", "when", "since") and verb.head.head.pos_ in ("VERB", "AUX"):
        # "Worker feels terrible after pushing the wrong button": the main subject did it
        return _subject_of(verb.head.head, lex)
    if lex is not None and verb.tag_ == "VBG" and verb.dep_ == "pcomp" and verb.head.lower_ == "of" \
            and verb.head.head.lemma_.lower() in lex.terms["habit_nouns"] and verb.head.head.head.lemma_ == "have":
        # "Omar has a habit of pushing untested changes": the habit's owner does it
        return _subject_of(verb.head.head.head, lex)
    if verb.dep_ == "acl" and verb.tag_ == "VBD" and verb.head.pos_ in ("NOUN", "PROPN") and verb.head.i == verb.i - 1:
        # "The QA lead/ROOT signed/acl off ...": a finite past verb is never a reduced
        # relative clause; the noun before it is its subject
        return verb.head
    return _lost_subject(verb)


def controller(verb: Token, lex: Lexicon) -> Token | None:
    """The object that does an infinitive's act ("asked the responders not to restart
    anything", "told the team to drain the node"): the one asked or told, not the asker.
    A thing is no doer ("used the console to wipe the bucket": its user's act)."""
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return None
    told = next((o for o in verb.head.children if o.dep_ == "dobj" and o.i < verb.i and o.pos_ in ("PRON", "NOUN", "PROPN")), None)
    return told if told is not None and classify(told, lex) not in (Kind.SYSTEM, Kind.NONE) else None


def _judging_verb(verb: Token, lex: Lexicon) -> Token | None:
    """The verb of thinking or deciding above an extraposed judgement of an act:
    "thought it was a good idea to X", "figured it would be fine to X",
    "decided it was safe to X". None for any other infinitive."""
    if verb.dep_ != "xcomp" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return None
    cop = verb.head
    if cop.lemma_ != "be" or not any(c.dep_ in ("nsubj", "expl") and c.lower_ == "it" for c in cop.children):
        return None
    judge = cop.head
    if cop.dep_ != "ccomp" or judge.pos_ not in ("VERB", "AUX") or not lex.verbs["judging"].match(judge):
        return None
    return judge


def _lost_subject(verb: Token) -> Token | None:
    """Repair a known small-model failure: an unfamiliar sentence-initial name tagged
    as an adverb or modifier ("Raj/RB pushed the config ...") loses its subject role."""
    first = verb.sent[0]
    if first.i >= verb.i or first.head != verb or first.dep_ not in ("advmod", "npadvmod", "nmod", "compound", "dep", "intj"):
        return None
    if not first.is_title or is_english_word(first.lower_) or any(t.pos_ in ("NOUN", "PROPN", "PRON") and t.dep_ in _SUBJ for t in verb.children):
        return None
    between = verb.doc[first.i + 1 : verb.i]
    return first if all(t.pos_ in ("ADV", "PART") or t.dep_ in ("advmod", "neg", "aux") for t in between) else None


def verb_only_predicate(tok: Token) -> bool:
    """A word that can only be a verb, tagged as a noun at the head of a clause with a
    subject ("A contractor overwrote/NN the spreadsheet"): the tagger's slip, not a noun."""
    if tok.pos_ in ("VERB", "AUX") or tok.dep_ not in ("ROOT", "conj", "ccomp", "advcl") or not tok.is_alpha:
        return False
    if not any(c.dep_ == "nsubj" for c in tok.children) or not any(c.dep_ in ("dobj", "prep", "prt") for c in tok.children):
        return False
    return verb_only(tok.lower_)


def _is_negated(tok: Token) -> bool:
    # "I didn't double check": the parser may hang the "n't" on the adverb before the verb
    return any(c.dep_ == "neg" or (c.dep_ == "advmod" and c.lower_ in _NEG_WORDS) or (
        c.dep_ == "advmod" and c.i == tok.i - 1 and any(n.dep_ == "neg" for n in c.children)) for c in tok.children)


def _subject_in_disguise(obj: Token) -> bool:
    """"after confirming no writer holds it": the parser makes "no writer" the object, but
    a finite verb right after it shows it is the subject of what was confirmed, so its "no"
    negates that claim, not the confirming ("reviewed no tests" stays negated)."""
    nxt = obj.doc[obj.right_edge.i + 1] if obj.right_edge.i + 1 < len(obj.doc) else None
    return nxt is not None and nxt.tag_ in ("VBZ", "VBD", "VBP", "MD")


def _modal_perfect(verb: Token) -> str | None:
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    lowers = [a.lower_ for a in auxes]
    # (a perfect takes a participle: "shouldn't have write access" read with "write" as
    # the verb has "have" for its main verb, a possession, not a step undone)
    if ("have" in lowers or "'ve" in lowers or "of" in lowers) and verb.tag_ != "VB":
        for a in auxes:
            if a.lower_ in ("should", "ought", "could", "would", "must", "might", "shoulda", "coulda"):
                return a.lower_
            if a.lemma_ == "ought":
                return "ought"
        # "ought to have tested": ought is the head, the verb an xcomp
        if verb.dep_ == "xcomp" and verb.head.lower_ == "ought":
            return "ought"
    if verb.head.lower_ == "ought" and verb.dep_ == "xcomp":
        return "ought"
    return None


def _conditional(verb: Token) -> bool:
    """"If X had done", "If only X had", "Had X done" (inverted)."""
    had = [c for c in verb.children if c.dep_ == "aux" and c.lower_ in ("had", "'d")]
    if not had:
        return False
    if any(c.dep_ == "mark" and c.lower_ == "if" for c in verb.children):
        return True
    subj = _subject_of(verb)
    if subj is not None and had[0].i < subj.i:  # inversion: "Had the reviewer looked"
        return True
    # "If only the DBA had taken a backup": the parser may attach "if" elsewhere.
    first = verb.sent[0]
    return first.lower_ == "if" and verb.dep_ in ("ROOT", "advcl")


def _pointed_moment(clause: Token) -> bool:
    """"That's when I realized I had run it against production": a past clause pointed at
    by a demonstrative copula is the moment something happened, not a general case."""
    head = clause.head
    return clause.tag_ == "VBD" and head.lemma_ == "be" and any(
        c.dep_ == "nsubj" and c.lower_ in ("that", "this") for c in head.children)


def _hypothetical(tok: Token) -> bool:
    """Inside a present-tense condition or an indirect question ("if a farmer realizes
    that they made ...", "Reflect if the ALBs should have been communicated, so they
    could have tested ..."), or a purpose clause: not an assertion about what happened.
    Past-perfect conditions ("If Ivana had run ...") are counterfactuals and stay."""
    for node in [tok, *tok.ancestors]:
        left = node.left_edge
        opens = [left.doc[i].lower_ for i in range(max(left.i - 2, 0), min(left.i + 2, len(left.doc)))]
        if node.dep_ == "advcl" and any(a == "in" and b == "case" for a, b in zip(opens, opens[1:])):
            return True  # "stay visible in case someone needed help": a contingency, not an event
        # (a past "when" clause under a present one is an event: "the confusion continues when
        # Mavis merged the branch"; under "can" it is still any case)
        if node.dep_ == "advcl" and any(c.dep_ == "advmod" and c.lower_ in ("when", "whenever") for c in node.children) and (
                (node.head.tag_ in ("VBZ", "VBP") and node.tag_ != "VBD")
                or any(a.tag_ == "MD" and a.lower_ in ("can", "may", "might", "will") for a in node.head.children)) and not _pointed_moment(node):
            return True  # "a mistake can happen when someone forgot ...": what happens in general
        if node.dep_ == "advcl" and node.tag_ in ("VBZ", "VBP") and any(
                c.dep_ in ("advmod", "mark") and c.lower_ in ("when", "whenever", "if") for c in node.children) and any(
                a.tag_ == "MD" and a.lower_ in ("should", "must", "ought") and not any(h.lower_ == "have" for h in node.head.children)
                for a in node.head.children):
            return True  # "when an operator types the wrong host, the tool should refuse": a norm for any case
        marks = [c for c in node.children if c.dep_ == "mark" and c.lower_ in ("if", "whether", "unless", "so")]
        if not marks:  # most clauses: no need to look for a modal
            continue
        modal = any(c.dep_ == "aux" and c.lower_ in ("could", "would", "can", "might") for c in node.children)
        if node.dep_ not in ("advcl", "ccomp", "csubj") and not (marks[0].lower_ == "so" and modal):
            continue
        if marks[0].lower_ == "so" and (not modal or node != tok):
            continue  # "..., so it could read every bucket" is a result; "so they could have" a purpose
        had = any(c.dep_ == "aux" and c.lower_ in ("had", "'d") for c in node.children)
        if marks[0].lower_ == "so" or not had:
            return True
    return False


def _in_complement(tok: Token, verb: Token) -> bool:
    """``tok`` lies in what ``verb`` reports (its complement), not in a clause joined to it
    ("I was writing a script ..., and I had a bug": the second clause is not written)."""
    node = tok
    while node.head != verb and node.head != node:
        node = node.head
    if node.dep_ == "advcl" and any(c.dep_ == "mark" for c in node.children):
        return False  # "I'm writing this up because I caused it": why it is written, not what
    return node.dep_ not in ("conj", "cc", "punct", "parataxis")


def _owned_up(say: Token) -> bool:
    """"I'm embarrassed to say I deleted ...", "she was sorry to say she had ...": the
    speaker's own feeling about saying it, so it is said; "it would be wrong to say"
    (an expletive subject) stays hypothetical."""
    adj = say.head
    if say.dep_ != "xcomp" or adj.pos_ != "ADJ" or adj.dep_ != "acomp":
        return False
    subj = next((c for c in adj.head.children if c.dep_ == "nsubj"), None)
    return subj is not None and subj.lower_ not in ("it", "that", "this") and not any(c.dep_ == "neg" for c in adj.head.children)


def _adjectival_passive(tok: Token) -> bool:
    """"The safety doors were overridden by the driver" with "overridden" read as an
    adjective under "were": a passive all the same, its agent hung on "were"."""
    return tok.dep_ == "acomp" and tok.head.lemma_ == "be" and tok.lower_.endswith(("ed", "en")) and any(
        c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by") for c in tok.head.children)


def clauses(sent: Span, lex: Lexicon) -> list[Clause]:
    out: list[Clause] = []
    reporting = lex.verbs["reporting"]
    for tok in sent:
        # Predicates the tagger got wrong still have a subject and auxiliaries
        # ("Had Qiang not force-pushed" with "force-pushed" tagged as an adjective).
        mistagged = (tok.tag_ == "JJ" and tok.lower_.endswith("ed") and tok.dep_ in ("ROOT", "advcl", "conj", "ccomp") and any(
            c.dep_ in ("nsubj", "aux") for c in tok.children
        )) or verb_only_predicate(tok) or _adjectival_passive(tok)
        if tok.pos_ not in ("VERB", "AUX") and not tok.tag_.startswith("VB") and not mistagged:
            continue
        if tok.dep_ in ("aux", "auxpass") or any(_adjectival_passive(c) for c in tok.children):
            continue  # (the "be" of an adjectival passive: the participle's clause stands for it)
        # "Saying that Jun should have been more careful explains nothing", "It would be
        # wrong to say the DBA dropped the ball": reported, not asserted
        if any(reporting.match(a) and (a.tag_ == "VBG" or any(x.lower_ == "to" and x.dep_ == "aux" for x in a.children))
               and _in_complement(tok, a) and not _owned_up(a) for a in tok.ancestors):
            continue
        if _hypothetical(tok):
            continue
        if any(lex.verbs["denial"].match(a) and _in_complement(tok, a) for a in tok.ancestors if a.pos_ in ("VERB", "AUX")):
            continue  # what someone denies is not asserted (but "..., but the inquiry found that he had ignored ..." is)
        subj = _subject_of(tok, lex)
        if (judge := _judging_verb(tok, lex)) is not None:
            # "someone decided it was fine to ship the unreviewed build to live": the act
            # judged fine is the judge's own act, not the expletive "it"'s
            subj = _subject_of(judge, lex)
        if tok.dep_ == "advcl" and tok.tag_ == "VBG" and lex.verbs["speech"].match(tok.head) and not any(c.dep_ in _SUBJ for c in tok.children):
            subj = None  # '"...," the spokesperson said, pointing to a faulty update': the speaker's gloss
        passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children)
        holder = tok
        if _adjectival_passive(tok):
            holder, passive = tok.head, True
            subj = next((c for c in tok.head.children if c.dep_ in _SUBJ), None)
        if not passive and tok.dep_ == "acl" and tok.tag_ == "VBN" and any(c.dep_ == "agent" for c in tok.children):
            passive, subj = True, tok.head
        agent = None
        for c in holder.children:  # "dropped by the DBA by mistake": two "by" phrases
            if c.dep_ == "agent" and agent is None:
                cand = next((g for g in c.children if g.dep_ == "pobj"), None)
                if cand is not None and cand.lower_ not in ("mistake", "accident", "hand", "default", "design"):
                    agent = cand
        if passive and agent is None:
            # "Was the exchange brought to a standstill by one clerk?": "by" left as a plain preposition
            by = next((c for c in holder.children if c.dep_ == "prep" and c.lower_ == "by"), None)
            cand = next((g for g in by.children if g.dep_ == "pobj"), None) if by is not None else None
            if cand is not None and cand.lower_ not in ("mistake", "accident", "hand", "default", "design"):
                agent = cand
        if passive and agent is None:
            # PP-attachment slip: "not caught in staging by the owning teams"
            for prep in (c for c in tok.children if c.dep_ == "prep"):
                for pobj in (g for g in prep.children if g.dep_ == "pobj"):
                    by = next((b for b in pobj.children if b.dep_ == "prep" and b.lower_ == "by"), None)
                    if by is not None:
                        agent = next((g for g in by.children if g.dep_ == "pobj"), None)
        action = tok
        if verb_lemma(tok) in _CONTROL_FAULTS:
            x = next((c for c in tok.children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")), None)
            if x is not None:
                action = x
        objects = [c for c in action.children if c.dep_ in ("dobj", "obj")]
        if not objects:  # "cut through the wrong cables": the object of a path preposition
            objects = [o for p in action.children if p.dep_ == "prep" and p.lower_ == "through" for o in p.children if o.dep_ == "pobj"]
        out.append(
            Clause(
                verb=tok,
                action=action,
                subject=subj,
                subject_kind=classify(subj, lex) if subj is not None else Kind.NONE,
                passive=passive,
                agent=agent,
                agent_kind=classify(agent, lex) if agent is not None else Kind.NONE,
                negated=_is_negated(tok) or (action is not tok and _is_negated(action)) or any(
                    o.lower_ in ("nothing", "none") or (any(d.dep_ == "det" and d.lower_ == "no" for d in o.children)
                                                        and not _subject_in_disguise(o)) for o in objects
                ) or (subj is not None and any(d.lower_ in ("neither", "no") and d.dep_ in ("det", "preconj", "cc") for d in subj.children)),
                modal=_modal_perfect(tok) or (_modal_perfect(tok.head) if tok.dep_ == "conj" and not any(c.dep_ in _SUBJ for c in tok.children) else None),
                conditional=_conditional(tok),
                objects=objects,
            )
        )
    return out
