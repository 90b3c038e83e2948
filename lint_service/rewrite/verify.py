"""Checks on a candidate rewrite beyond "no blame finding": a rewrite is better
absent than wrong, so each check names a way a rewrite can be wrong.

The candidate arrives parsed (through the same parser as the document); the
original sentence and the tokens the rewrite was allowed to lose come with it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Span, Token

from .as_written import said_twice
from .kept_whole import kept_whole_problems
from .lost_facts import (aspect_lost, bracket_lost, code_broken, haste_invented, owner_only_claim, punishment_lost, undone_instead,
                         verdict_topic_lost)
from .lost_owner import lost_owner_problems
from .process import judgement_restated
from .faithful import faithfulness_problems, names_person
from .garbled import garbled_problems
from .dangling_act import dangling_act_problems
from .headline_acts import verb_left_without_doer
from .dangling_cc import dangling_cc
from .fronted_state import FRONTED_STATE, fronted_state
from .raised_hedge import raised_hedge_lost
from .reported import hedge_lost, told_fronted
from .subject_gerund import GERUND_ON_SUBJECT, subject_gerund
from .standard_fronted import standard_fronted
from .self_verdict import STATUS, status_of_new_subject, unsaid_doer
from .text import phrasing, verb_lemma_of
from .writer_clause import hedged, writers_own
from .quote_checks import quote_broken, scare_quotes
from .by_gerund import by_gerund_as_written
from .referents import FIRST, HE, PLURAL, SHE, pronouns_of  # noqa: F401 - pronouns_of is imported from here too

def _found_wanting(t: Token) -> bool:
    """A virtue said to have fallen short: "not careful enough", "wasn't careful enough"."""
    near = [*t.children, *(t.head.children if t.head.lemma_ == "be" else ())]
    negated = any(x.dep_ == "neg" or x.lower_ in ("not", "n't", "never") for x in near)
    return negated and any(x.lower_ == "enough" for x in t.children) or negated and t.dep_ in ("acomp", "ROOT", "amod")


DANGLING_LEAD = "dangling '-ing' before the subject"
DANGLING_BELIEF = "dangling belief '-ing' after a passive"
DANGLING_WHILE = "dangling 'while + -ing'"
SCARE_QUOTES = "the person's words kept in scare quotes"
_NEGATION = {"not", "n't", "never", "no", "nothing", "nobody", "none", "without", "neither", "nor"}
_NUMBER = re.compile(r"\d")


@dataclass
class Original:
    """What the candidate must keep from the sentence it rewrites."""

    sent: Span
    dropped: set[int] = field(default_factory=set)  # token indices the rewrite may lose
    objects: list[str] = field(default_factory=list)  # the action's object heads, kept verbatim
    person: set[str] = field(default_factory=set)  # the removed person's name words
    pronouns: frozenset[str] = HE | SHE | PLURAL  # pronouns that could refer to them
    judged: frozenset[str] = frozenset()  # judgement words ("reckless", "carelessly") the rewrite must not keep
    virtues: frozenset[str] = frozenset()  # "careful", "carefully": a judgement once compared ("more carefully")
    judging_verbs: frozenset[str] = frozenset()  # "sleepwalk": a verb that judges how it was done
    unbound: tuple[str, ...] = ()  # the sentence's own pronouns that cannot be the removed person's
    reporters: frozenset[str] = frozenset()  # a quote's speaker, kept as the frame of its reported speech (rewrite24)
    writer_clauses: bool = False  # the writer's own clauses beside the act keep their "I" (rewrite25, repair's last resort)

    def kept(self) -> list[Token]:
        return [t for t in self.sent if t.i not in self.dropped]

    def carry(self, restated: Span, det: Any) -> "Original":
        """The same constraints for a sentence restated from this one, plus its own object."""
        c = det.clause
        more = [o.text for o in c.objects[:1] if o.pos_ != "PRON"] if c is not None and det.construction not in ("idiom", "judgement") else []
        return Original(self.sent, self.dropped, self.objects + more, self.person, self.pronouns, self.judged, self.virtues,
                        self.judging_verbs, self.unbound, writer_clauses=self.writer_clauses)


def unbound_pronouns(sent: Span, removed: Token | None, pronouns: frozenset[str]) -> tuple[str, ...]:
    """Third-person pronouns of ``sent`` that cannot refer to ``removed``, a person named
    by a noun: those before it whose clause holds it ("They were already deep into the
    release when an engineer ran ..."). A pronoun cannot take a name it governs as its
    antecedent; one in a clause of its own may ("When she got the page, Ana ..."), and so
    may a possessive ("Her manager said Ana ...")."""
    if removed is None or removed.pos_ == "PRON":
        return ()
    third = HE | SHE | PLURAL
    return tuple(t.lower_ for t in sent if t.lower_ in pronouns & third and t.i < removed.i and t.dep_ in ("nsubj", "nsubjpass", "dobj")
                 and t.head in removed.ancestors)


def problems(cand: Span, orig: Original) -> list[str]:
    """Why ``cand`` cannot stand for ``orig`` (empty when it can)."""
    out: list[str] = []
    words = [t for t in cand if not t.is_punct]
    text = cand.text
    if "{" in text and "{" not in orig.sent.text:
        out.append("unfilled template")
    opening = " ".join(t.lower_ for t in words[:3])
    if any(opening == w or opening.startswith(w + " ") for w in phrasing()["hindsight_wishes"]):
        # a hindsight wish stays one with the person gone ("If only a backup had been
        # taken"): every such rewrite was graded poor in blind round 3
        out.append("a hindsight wish ('If only ...')")
    if _bare_participle(cand) and not _bare_participle(orig.sent):
        out.append("a participle left with nothing ('a trade made triggered')")
    if words and words[0].lower_ in ("that", "which", "who") and words[0].dep_ in ("nsubj", "nsubjpass") and any(
            t.lower_ == words[0].lower_ and t.tag_ in ("WDT", "WP") for t in orig.sent):
        out.append("a relative pronoun left as the subject ('That deleted the table')")
    if _punct_runs(cand) - _punct_runs(orig.sent):  # "... on Friday,." : a clause cut before its comma
        out.append("doubled punctuation")
    if (split := _split_from_head(cand, orig)) is not None:
        out.append(f"{split!r} split from the phrase it belonged to")
    doubled = _doubled(cand) - _doubled(orig.sent)
    if doubled:  # "instead of 1% %", "the the": a piece was said twice when the sentence was rebuilt
        out.append(f"says {sorted(doubled)[0]!r} twice")
    unbound = list(orig.unbound)
    for t in words:
        low = t.lower_
        if low not in orig.pronouns:
            continue
        if low in unbound:  # "They were deep in a release when an engineer ...": never the engineer
            unbound.remove(low)
            continue
        if low in FIRST and t.dep_ == "nsubj" and (verb_lemma_of(t.head.text) in phrasing()["speaker_frames"]
                                                   and any(c.dep_ == "ccomp" for c in t.head.children) or hedged(t.head)) \
                and not any(c.dep_ in ("dobj", "obj") for c in t.head.children):
            continue  # "I think the login page broke", (rewrite31) "I'm pretty sure X caused this": the writer's hedge
        if low in FIRST and orig.writer_clauses and writers_own(t, cand, orig):
            continue  # "..., now I can't log in, what do I do?": the writer's clause beside the act
        # "their" after "the partner" may be the partner's; "she" never is a thing's
        if low in PLURAL and any(x.pos_ in ("NOUN", "PROPN") for x in cand if x.i < t.i) and not (orig.pronouns <= PLURAL):
            continue
        if low in PLURAL and any(x.tag_ in ("NNS", "NNPS") or x.lower_ == "we" for x in cand if x.i < t.i):
            continue
        out.append(f"pronoun {t.text!r} has no antecedent")
    for t in words:
        if t.text in orig.person:
            out.append(f"still names {t.text!r}")
    root = cand.root
    subject = next((c for c in root.children if c.dep_ == "nsubjpass"), None)
    for t in root.children:
        # "Instead of fixing the damage, the cables were cut": the -ing had the person as
        # its subject, and the passive's subject cannot take it over
        if subject is not None and t.dep_ in ("prep", "advcl") and t.i < subject.i and any(
                g.tag_ == "VBG" and g.dep_ in ("pcomp", "advcl") and not any(s.dep_ == "nsubj" for s in g.children)
                for g in (t, *t.children)):
            out.append(DANGLING_LEAD)
    # "Eager to finish, the canary was skipped": a fronted adjective or participle said of
    # the removed person now describes the thing (rewrite/fronted_state.py)
    if fronted_state(root, subject or next((c for c in root.children if c.dep_ == "nsubj"), None)) is not None:
        out.append(FRONTED_STATE)
    for t in cand:
        # "The DNS zone broke while tweaking a TTL": the zone was not the one tweaking (after
        # a passive, "was deleted while tidying up", the doer is only left unsaid)
        if t.tag_ == "VBG" and t.dep_ == "advcl" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children) \
                and any(m.dep_ in ("mark", "advmod") and m.lower_ in ("while", "when", "whilst") for m in t.children) \
                and any(c.dep_ == "nsubj" for c in t.head.children) and not any(c.dep_ == "auxpass" for c in t.head.children):
            out.append(DANGLING_WHILE)
        # "The build broke by committing ...": nobody left to do the committing
        # "The disk was wiped, thinking it was the spare": the belief was the removed person's
        if t.tag_ == "VBG" and t.dep_ in ("advcl", "xcomp") and t.lemma_ in phrasing()["mental_verbs"] \
                and not any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children) and any(c.dep_ == "auxpass" for c in t.head.children):
            out.append(DANGLING_BELIEF)
        if t.lower_ == "by" and t.dep_ in ("prep", "agent") and any(c.tag_ == "VBG" and c.dep_ == "pcomp" for c in t.children) \
                and not by_gerund_as_written(t, orig):
            out.append("dangling 'by + -ing'")
    if (state := _persons_state(orig)) is not None and state in text:
        out.append(f"{state!r} was said of the removed person")
    for word in _numbers(orig):
        if word not in text:
            out.append(f"number {word!r} lost or re-tokenised")
    for head in orig.objects:
        if head.lower() not in text.lower():
            out.append(f"object {head!r} changed")
    for t in cand:
        # "The outage was caused": a cause removed with nothing in its place says nothing
        if t.lemma_ == "cause" and t.tag_ == "VBN" and not any(c.dep_ in ("agent", "prep", "advcl", "dobj") for c in t.children):
            out.append("'caused' without a cause")
    written = {t.lower_ for t in orig.sent}
    for t in cand:
        # "A reckless disregard for the change process was shown": the person is gone, the
        # verdict on them stays (a verb the writer used, "rushed out", is what was done)
        if t.lower_ in orig.judged and t.lower_ in written and t.pos_ != "VERB" and _main_clause(t):
            out.append(f"judgement {t.text!r} kept")
        if t.pos_ == "VERB" and t.lower_ in written and verb_lemma_of(t.text) in orig.judging_verbs:
            out.append(f"judging verb {t.text!r} kept")
        # "had the diff been looked at more carefully": the comparison says someone was careless
        if t.lower_ in orig.virtues and any(x.lower_ in ("more", "less") for x in (*t.children, cand.doc[t.i - 1] if t.i > 0 else t)):
            out.append(f"implied judgement 'more {t.text}'")
        elif t.lower_ in orig.virtues and _found_wanting(t):
            out.append(f"implied judgement 'not {t.text} enough'")  # (rewrite29) "Wasn't careful enough, X was skipped"
        # a rewrite that starts with "And" or "But" is the second half of a sentence it cut
        if t.i == cand.start and t.dep_ == "cc" and cand.start == t.i and orig.sent[0].lower_ != t.lower_:
            out.append(f"starts with {t.text!r}: half a sentence")
    for t in cand:
        # "a transit cards": an article chosen for one word and put before a plural
        if t.dep_ == "det" and t.lower_ in ("a", "an") and t.head.tag_ in ("NNS", "NNPS") and t.head.i > t.i \
                and not any(o.lower_ == t.lower_ and o.head.tag_ in ("NNS", "NNPS") for o in orig.sent):
            out.append(f"{t.text!r} before a plural")
    for t in cand:
        # "I approved my own change" -> "The own change was approved": whose, nobody says now
        if t.lower_ == "own" and t.dep_ == "amod" and not any(c.dep_ == "poss" for c in t.head.children):
            out.append("'own' without an owner")
    quotes = ("'", '"', "‘", "’", "“", "”")
    if any(t.text in quotes for t in cand) and scare_quotes(cand, orig, quotes):
        out.append(SCARE_QUOTES)
    if (twice := said_twice(cand, orig.sent)) is not None:
        out.append(f"{twice!r} said more often than in the original")
    if (broken := quote_broken(cand, orig, quotes)) is not None:
        out.append(f"quoted {broken!r} said twice" if broken in cand.text else f"quoted {broken!r} broken up")
    elif (broken := code_broken(cand.text, orig.sent.text)) is not None:
        out.append(f"code {broken!r} broken up")  # (rewrite31) "`orders` were dropped `on": a code span is verbatim too
    if sum(t.text in quotes for t in cand) % 2 and not sum(t.text in quotes for t in orig.kept()) % 2:
        out.append("quote cut in two")
    kept_neg = sum(1 for t in orig.kept() if t.lower_ in _NEGATION)
    cand_neg = sum(1 for t in cand if t.lower_ in _NEGATION)
    if kept_neg and cand_neg < kept_neg:
        out.append("negation lost")
    if (doer := unsaid_doer(cand)) is not None:
        out.append(f"{doer!r} still the act of someone left unsaid")
    if (modal := hedge_lost(cand, orig.sent)) is not None:
        out.append(f"the hedge {modal!r} lost")  # "may have reversed" said as a fact
    if (cc := dangling_cc(cand)) is not None:
        out.append(f"{cc!r} left on the subject, joining nothing")  # (rewrite28) "The tag and was deleted"
    if (raised := raised_hedge_lost(cand, orig.sent)) is not None:
        out.append(f"the hedge {raised!r} lost")  # (rewrite28) "seem to have deleted" said as a fact
    if (verb := verb_left_without_doer(cand, orig.sent)) is not None:
        out.append(f"{verb!r} left without its doer")
    if told_fronted(cand, orig.sent):
        out.append("what was told moved into the subject")
    if (status := status_of_new_subject(cand, orig.sent)) is not None:
        out.append(f"{STATUS} {status!r} now said of the new subject")
    if (pred := judgement_restated(cand, orig.sent)) is not None:
        out.append(f"the judgement restated as {pred!r}")  # (rewrite27) graded a verdict every time
    if (topic := verdict_topic_lost(cand, orig)) is not None:
        out.append(f"what the verdict was for ({topic!r}) lost with it")
    if (aside := bracket_lost(cand, orig)) is not None:
        out.append(f"the bracketed clause {aside!r} lost")
    if (haste := haste_invented(cand, orig)) is not None:
        out.append(f"haste {haste!r} the original did not state")
    if (undone := undone_instead(cand, orig)) is not None:
        out.append(f"{undone!r}: the act taken hangs off one not done")
    if (habit := aspect_lost(cand, orig)) is not None:
        out.append(f"the progressive {habit!r} said as one finished act")
    if (owned := owner_only_claim(cand, orig)) is not None:
        out.append(f"{owned!r} kept without its owner, which was the claim")
    if (punished := punishment_lost(cand, orig, _punishment_verbs())) is not None:
        out.append(f"the punishment {punished!r} dropped and its allegation told as fact")
    if subject_gerund(cand) is not None:
        out.append(GERUND_ON_SUBJECT)  # (rewrite27) repaired: "approved without being read"
    if standard_fronted(cand):
        out.append("the standard the act was measured by moved into the subject")  # (blame21) "The rail per the guide was not mounted"
    return out + faithfulness_problems(cand, orig) + garbled_problems(cand, orig) + kept_whole_problems(cand, orig) \
        + dangling_act_problems(cand, orig) + lost_owner_problems(cand, orig)


def _bare_participle(span: Span) -> bool:
    """"a botched trade made triggered chaos": removing "by an employee" left a reduced
    relative with no word of its own right before the next verb, which no longer reads."""
    return any(t.tag_ == "VBN" and t.dep_ == "acl" and not list(t.children) and t.i + 1 < span.end
               and span.doc[t.i + 1].tag_.startswith("VB") for t in span)


_CLAUSE_MARKS = frozenset({",", ";", ":", "."})
_OPENING_QUOTES = frozenset({'"', "“", "‘", "`"})


def _persons_state(orig: Original) -> str | None:
    """A bare-noun phrase right after the removed person that says where or how they were
    ("by the engineers | on call", "the admin | on duty"): the parser hangs it on the verb,
    but without the person it would describe the act ("not noticed on call overnight").
    A phrase with its own determiner or number ("at 3am", "in the review"), or one that
    says how the act was done ("without review"), is the act's."""
    for t in orig.kept():
        before = orig.sent.doc[t.i - 1] if t.i > orig.sent.start else None
        if t.dep_ != "prep" or t.lower_ not in phrasing()["person_state_preps"] or before is None or before.i not in orig.dropped or before.pos_ not in ("NOUN", "PROPN", "PRON"):
            continue
        obj = next((c for c in t.children if c.dep_ == "pobj"), None)
        if obj is not None and obj.tag_ == "NN" and not any(c.dep_ in ("det", "poss", "nummod", "amod", "compound") for c in obj.children):
            return f"{t.text} {obj.text}"
    return None


def _punct_runs(span: Span) -> set[str]:
    """Two clause marks in a row (",." or ";,"), as written."""
    toks = [t for t in span if not t.is_space]
    return {a.text + b.text for a, b in zip(toks, toks[1:]) if a.text in _CLAUSE_MARKS and b.text in _CLAUSE_MARKS}


def _split_from_head(cand: Span, orig: Original) -> str | None:
    """The word that followed the fronted subject in the original, when it belonged to that
    phrase and the candidate left it behind the verb: a compound head the parser missed
    ("revoked every API token" -> "Every API was revoked token") or a quoted command
    ("input the command "rm -rf /"" -> "the command was input "rm -rf /""). A phrase
    after the object that the verb takes ("restarted the primary at noon") stays free."""
    for subj in (t for t in cand if t.dep_ == "nsubjpass"):
        words = [t.lower_ for t in subj.subtree]
        sent = list(orig.sent)
        for k in range(len(sent) - len(words)):
            if [t.lower_ for t in sent[k:k + len(words)]] != words:
                continue
            nxt = sent[k + len(words)]
            after = cand.doc[subj.right_edge.i + 1] if subj.right_edge.i + 1 < cand.end else None
            if nxt.i in orig.dropped or (after is not None and after.lower_ == nxt.lower_):
                continue
            # a state after the object ("left the port | open") is the verb's, not the noun's
            # ((rewrite31) "made the audit bucket public/NN": a state the parser read as a noun)
            noun_like = (nxt.tag_.startswith("NN") and nxt.lower_ not in phrasing()["state_complements"]) or nxt.dep_ in ("compound", "appos") or (
                nxt.dep_ == "oprd" and nxt.pos_ not in ("ADJ", "ADV", "ADP"))
            # (rewrite30) "published version 2.3.0": a number the parser hung on the verb names the thing
            noun_like |= nxt.tag_ == "CD" and nxt.dep_ not in ("nummod", "quantmod") and nxt.head.i != nxt.i + 1
            if (noun_like and nxt.dep_ not in ("npadvmod", "pobj", "conj")) or nxt.text in _OPENING_QUOTES:
                return nxt.text
    return None


def _doubled(span: Span) -> set[str]:
    """Words or symbols that follow themselves ("% %", "the the"), lower-cased."""
    toks = [t for t in span if not t.is_space]
    return {a.lower_ for a, b in zip(toks, toks[1:]) if a.lower_ == b.lower_ and a.lower_ not in (".", "-", "!", "?")}


def _numbers(orig: Original) -> set[str]:
    """Each written number the rewrite keeps, as the writer spaced it ("5%", "$900m", "14:05")."""
    text, base = orig.sent.doc.text, 0
    out = set()
    for t in orig.kept():
        if not _NUMBER.search(t.text):
            continue
        a = t.idx
        while a > base and not text[a - 1].isspace():
            a -= 1
        b = t.idx + len(t.text)
        while b < len(text) and not text[b].isspace():
            b += 1
        out.add(text[a:b].strip(".,;:!?()[]\"'"))
    return out


def _punishment_verbs() -> frozenset[str]:
    from ..checks.blame.lexicon import load_lexicon  # the blame lexicon imports this package
    return frozenset(load_lexicon().terms["punishment_verbs"])


def _main_clause(tok: Token) -> bool:
    """``tok`` belongs to the sentence's main clause, which the rewrite made (a judgement in
    another clause, "orders botched by the exchange", is the writer's, about something else)."""
    return not any(a.dep_ in ("advcl", "ccomp", "relcl", "conj", "acl", "parataxis") and a.pos_ in ("VERB", "AUX")
                   for a in [tok, *tok.ancestors])


def still_theirs(sents: list[Span], original: Span, det: Any, roles: bool = True) -> str | None:
    """Where a restated sentence still has the person as a subject: "main" ("Chloé swept
    the warnings", "I already committed it": a further round can passivise it), "other"
    (a subordinate clause's: "..., because someone ran X", which no round rewrites), or
    None. The person is a pronoun the original wrote, or the word the detection found."""
    who = [x for x in (det.target, det.clause.subject if det is not None and det.clause is not None else None)
           if x is not None] if det is not None else []
    if not who:  # a blame phrase or lead has no slot for the person: the sentence's subject is them
        who = [t for t in original if t.dep_ == "nsubj" and t.head.dep_ == "ROOT"]
    # compared without case: a restatement capitalises its first word (chat's "i" -> "I")
    written = {t.lower_ for t in original if t.pos_ == "PRON"}
    # a name the tagger took for a noun ("Chloé/NN swept ...") has no determiner; (rewrite31) the
    # role the detection found is the person too ("The intern deleted X" was offered as a rewrite)
    written |= {t.lower_ for x in who for t in x.subtree if t.pos_ in ("PROPN", "PRON") or (roles and t.i == x.i and names_person(t))
                or (t.pos_ == "NOUN" and t.is_title and t.tag_ == "NN" and not any(c.dep_ == "det" for c in t.children))}
    found = [t for ps in sents for t in ps if t.dep_ in ("nsubj", "nsubjpass") and t.lower_ in written
             and t.lower_ not in ("it", "this", "that", "there", "we", "you", "they")]
    if any(t.head.dep_ == "ROOT" for t in found):
        return "main"
    return "other" if found else None
