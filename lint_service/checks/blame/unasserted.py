"""Findings whose act the sentence does not assert as a fault, dropped after a recognizer
fired (engine.detect asks ``unasserted`` of each detection).

Each test reads the parse around the detection's anchor (the clause verb, or the first
evidence token):

- the act sits in a clause under a fear told as a then-fear or of what may come, or under
  denied evidence: "I feared I had dropped the table", "there is no evidence that the
  operator deleted the volume", "nothing suggests that Priya skipped the review" ("I am
  worried that I dropped it", a hedged admission, and "I found that I had dropped it"
  still fire);
- the writer asks whether they erred at all: "Did I screw up?", "Am I at fault here?" (a
  concrete act asked about, "Did I miss the page?", and a question put to someone else,
  "Did you force-push again?", still fire);
- a question of what one does with someone who might err, told in the present: "Do you
  fire an engineer after she accidentally deletes a table?", "Would you blame the person
  who may have caused it?" (a past act inside a question, "Do you know that she deleted
  the table?", still fires);
- a generic conditional about anyone, in the present: "If a bug does come out, it means
  someone failed to do their job", "when you think it's not your fault, it really is your
  fault" ("When the pager fired, someone had silenced it" still fires);
- a fixed phrase of blame whose subject is "nobody" or "no one" (guideline 5), or whose
  "on me" hands the writer a task still to do: "Nobody was out of their depth", "it's on
  me to book the review" ("that one's on me" still fires);
- a person's responsibility said to be a thing or an area, their job, not the failure: "My
  responsibility was the payments gateway" ("My responsibility was the outage" still fires);
- "the reason" said of a person for a good outcome: "I'm the reason we caught it";
- a harm verb praising a performance: "killed it in the demo";
- a purpose of keeping this failure from coming back: "to avoid this in the future,
  I've added a protection rule" ("to avoid the review, I merged it" still fires);
- "they" standing for the things the sentence just named: "the cron jobs picked up the
  old config, so they broke every export" ("the engineers ran the jobs, and they broke
  the export" still fires);
- something taken down on purpose to try it out: "killed the primary to test failover",
  "during the game day, stopped the broker" (unless told as a slip: "accidentally").
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from .agents import BLAMEABLE, Kind, classify
from .intent import kept_off
from .lexicon import Lexicon, verb_lemma

_NEGATIVE = ("nothing", "nobody", "none", "noone", "no")
_QUESTION_SUBJECTS = ("i", "we")


def _anchor(found) -> Token | None:
    if found.clause is not None:
        return found.clause.verb
    return found.evidence[0] if found.evidence else found.target


def _negative(tok: Token) -> bool:
    """"nothing", "nobody", "no record", "no one"."""
    return tok.lower_ in _NEGATIVE or any(c.dep_ == "det" and c.lower_ == "no" for c in tok.children) or (
        tok.lower_ == "one" and any(c.lower_ == "no" for c in tok.children))


def _negated(verb: Token) -> bool:
    return any(c.dep_ == "neg" or c.lower_ == "never" for c in verb.children)


def _then_feared(head: Token, said: Token) -> bool:
    """A fear told in the past about what had (or might have) happened ("I feared I had
    dropped the table", "she was afraid she'd wiped it"), or a fear of what may come ("I
    fear I may be fired"). A worry in the present about a past act ("I am worried that I
    dropped the index") is a hedged admission (guideline 15) and stays."""
    aux = [a.lower_ for a in said.children if a.dep_ in ("aux", "auxpass")]
    if any(a in ("may", "might", "will", "'ll", "would", "could") for a in aux):
        return True
    told = head if head.pos_ in ("VERB", "AUX") else head.head  # "was afraid", "was worried"
    past = told.tag_ == "VBD" or any(a.tag_ == "VBD" for a in told.children if a.dep_ in ("aux", "auxpass", "cop"))
    return past and any(a in ("had", "'d") for a in aux)


def _denied_or_feared(head: Token, lex: Lexicon, said: Token) -> bool:
    """The word a complement clause hangs on is a fear told as a then-fear, a denied piece
    of evidence, or a verb of showing with nothing or no one showing it."""
    f = lex.framing
    lemma = head.lemma_.lower()
    if lemma in f["fear_words"] or head.lower_ in f["fear_words"]:
        return not _negated(head) and _then_feared(head, said)  # "I never feared that ..." is no denial
    if head.pos_ == "NOUN" and lemma in f["evidence_nouns"]:
        if any(c.dep_ == "det" and c.lower_ == "no" for c in head.children):
            return True  # "there is no evidence that ...", "we found no sign that ..."
        gov = head.head
        # "we did not find any evidence that ...", "there isn't any indication that ..."
        return gov.pos_ in ("VERB", "AUX") and _negated(gov) and any(c.dep_ == "det" and c.lower_ == "any" for c in head.children)
    if head.pos_ in ("VERB", "AUX") and verb_lemma(head) in f["evidence_verbs"]:
        subject = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None and _negative(subject):
            return True  # "nothing suggests that ...", "no log shows that ..."
        if head.dep_ in ("relcl", "acl", "xcomp") and _negative(head.head):
            return True  # "there is nothing to suggest that ..."
        return _negated(head)  # "the audit log does not show that ..."
    return False


def _unasserted_clause(anchor: Token, lex: Lexicon) -> bool:
    """The anchor's clause hangs, as a complement, on a fear or denied evidence."""
    for x in [anchor, *anchor.ancestors]:
        if x.dep_ in ("ccomp", "acl", "xcomp") and x.pos_ in ("VERB", "AUX") and x.head.i != x.i:
            if _denied_or_feared(x.head, lex, x):
                return True
            if x.head.dep_ == "acomp" or x.head.pos_ == "ADJ":
                continue  # "I was worried that ..." : look at the adjective's own head too
        if x.dep_ == "ROOT":
            break
    return False


def _own_question(sent: Span, anchor: Token) -> bool:
    """A yes/no question the writer asks of their own act: "Did I screw up?", "Am I at
    fault here?", "Was I wrong to restart it?"."""
    words = [t for t in sent if not t.is_space]
    if not words or words[-1].text != "?" or words[0].pos_ != "AUX":
        return False
    root = words[0] if words[0].dep_ == "ROOT" else words[0].head
    if anchor.i != root.i and all(a.i != root.i for a in anchor.ancestors):
        return False
    for x in [anchor, *anchor.ancestors]:  # the act is the question's own, not a clause under it
        if x.i == root.i:
            break
        if x.dep_ in ("relcl", "ccomp", "advcl", "acl") or any(c.dep_ in ("nsubj", "nsubjpass") for c in x.children):
            return False  # "Should we keep the engineer who forgot ...?"
    if any(c.dep_ in ("dobj", "xcomp") for c in anchor.children):
        return False  # "Did I miss the page?": a concrete act asked about is still told (issue 10d)
    subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subject is not None and subject.lower_ in _QUESTION_SUBJECTS and subject.i > words[0].i


def _generic_question(sent: Span, anchor: Token) -> bool:
    """A yes/no question to "you" or "we" about what one does, and the act, in a clause
    under it, is in the present or hedged by "may"/"might": a case put, not an event."""
    words = [t for t in sent if not t.is_space]
    if len(words) < 3 or words[-1].text != "?" or words[0].pos_ != "AUX":
        return False
    root = words[0] if words[0].dep_ == "ROOT" else words[0].head
    subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or subject.lower_ not in ("you", "we") or anchor.i == root.i:
        return False
    path = [anchor, *[a for a in anchor.ancestors if a.i != root.i and root.i in {x.i for x in a.ancestors}]]
    if all(a.i != root.i for a in anchor.ancestors) or not any(x.dep_ in ("relcl", "advcl", "acl") for x in path):
        return False  # "Did you see that Ravi skips the review?": told, as what was seen
    aux = [a.lower_ for a in anchor.children if a.dep_ in ("aux", "auxpass")]
    present = anchor.tag_ in ("VBZ", "VBP") or (anchor.tag_ == "VB" and not aux)
    return present or any(a in ("may", "might") for a in aux)


_ANYONE = ("someone", "somebody", "anyone", "anybody", "you", "your", "one")


def _present(verb: Token) -> bool:
    return verb.tag_ in ("VBZ", "VBP") or (verb.tag_ == "VB" and any(
        a.lower_ in ("do", "does") for a in verb.children if a.dep_ == "aux"))


def _generic_conditional(found, sent: Span) -> bool:
    """The one blamed is anyone ("someone", generic "you"), and the sentence is a rule in
    the present: its main verb is present and an "if"/"when" clause in it is too."""
    who = found.clause.subject if found.clause is not None else found.target
    if who is None:
        who = next((p for t in found.evidence for p in t.children if p.dep_ == "poss"), None)
    if who is None or who.lower_ not in _ANYONE:
        return False
    if not _present(sent.root) or sent.root.lemma_.lower() not in ("mean", "be", "happen", "show", "suggest", "tell"):
        return False
    return any(t.lower_ in ("if", "when", "whenever") and t.dep_ in ("mark", "advmod") and _present(t.head) for t in sent)


def _phrase_subject(tokens: list[Token]) -> Token | None:
    verb = next((t for t in [tokens[0], *tokens[0].ancestors] if t.pos_ in ("VERB", "AUX")), None)
    if verb is None:
        return None
    return next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)


def _task_on_me(tokens: list[Token]) -> bool:
    """"it's on me to update the runbook": the phrase hands over a task, an infinitive
    after it ("that one's on me" and "it's on me, I broke it" have none)."""
    verb = next((t for t in [tokens[0], *tokens[0].ancestors] if t.pos_ in ("VERB", "AUX")), None)
    if verb is None or not any(t.lower_ == "on" for t in tokens):
        return False
    return any(c.dep_ in ("xcomp", "advcl") and c.tag_ == "VB" and any(a.lower_ == "to" for a in c.children if a.dep_ == "aux")
               for c in verb.children)


def _job_not_fault(found, lex: Lexicon) -> bool:
    """"Her responsibility was the billing system", "... was in the area of billing": the
    responsibility noun is the subject of "be", and what it is said to be is no incident,
    failure or blame word."""
    terms = lex.terms
    tok = next((t for t in found.evidence if t.lemma_.lower() in terms["responsibility_nouns"]), None)
    if tok is None or tok.dep_ != "nsubj" or tok.head.lemma_ != "be":
        return False
    said = [c for c in tok.head.children if c.dep_ in ("attr", "acomp")]
    said += [o for p in tok.head.children if p.dep_ == "prep" for o in p.subtree if o.dep_ == "pobj"]
    bad = terms["incident_nouns"] | terms["failure_nouns"] | terms["error_heads"] | terms["blame_nouns"]
    if not said or any(s.pos_ == "PRON" or any(c.dep_ == "poss" for c in s.children) for s in said):
        return False  # "the responsibility is mine", "... was my team's"
    return not any(x.lemma_.lower() in bad or x.lower_ in bad for s in said for x in s.subtree)


def _reason_for_good(found, lex: Lexicon) -> bool:
    """"I'm the reason we caught it": the clause the reason heads tells of finding or
    recovering something, and nothing else goes wrong in it."""
    reason = next((t for t in found.evidence if t.lemma_.lower() == "reason"), None)
    if reason is None:
        return False
    said = next((c for c in reason.children if c.dep_ in ("relcl", "acl", "ccomp") and c.pos_ in ("VERB", "AUX")), None)
    if said is None or _negated(said) or verb_lemma(said) not in lex.framing["found_outcomes"]:
        return False
    bad = lex.framing["negative_adverbs"] | {"late", "only", "too"}
    rest = [t for t in said.subtree if t.i != said.i]
    return not any(t.lower_ in bad for t in rest) and not any(
        t.pos_ == "VERB" and (lex.verbs["breakage"].match(t) or lex.verbs["harm"].match(t)) for t in rest)


def _praised(found, lex: Lexicon) -> bool:
    """"Marta killed it in the demo": a harm verb on a bare "it" with a performance
    after it, and no thing before it in the sentence that the "it" could stand for."""
    c = found.clause
    if c is None or verb_lemma(c.action) not in lex.framing["praise_verbs"] or _slip(c.verb.sent, lex):
        return False  # "accidentally killed it in the demo": a slip
    if [o.lower_ for o in c.objects] != ["it"]:
        return False
    if any(t.pos_ in ("NOUN", "PROPN") and t.i < c.action.i and (c.subject is None or t.i != c.subject.i) for t in c.action.sent):
        return False  # "the job hung, so Marta killed it": the "it" is the job
    return any(p.dep_ == "prep" and p.lower_ in ("in", "at", "during", "on") and any(
        o.dep_ == "pobj" and o.lemma_.lower() in lex.framing["performances"] for o in p.children) for p in c.action.children)


def _slip(sent: Span, lex: Lexicon) -> bool:
    text = " " + " ".join(t.lower_ for t in sent) + " "
    return any(f" {m} " in text for m in lex.framing["mistake_phrases"]) or any(
        t.lower_ in lex.framing["negative_adverbs"] for t in sent)


def _tried_out(found, lex: Lexicon) -> bool:
    """Something taken down on purpose to try it out: a purpose clause of testing ("to
    test failover"), or the act set in a drill ("during the game day")."""
    c = found.clause
    if c is None or _slip(c.verb.sent, lex) or lex.verbs["fault"].match(c.action):
        return False
    if kept_off(c, lex):
        return False  # "muted the alerts during a drill and never switched them back on"
    if not any(lex.verbs[k].match(c.action) for k in ("destructive", "disable", "cessation", "interruption")):
        return False
    f = lex.framing
    # the framing the recognizer read must be the act itself or the occasion ("during the
    # launch" is a risky time; "... and left it disabled for a week" is framing of its own)
    own = {c.verb.i, c.action.i} | {t.i for t in c.action.children if t.dep_ == "prt"}
    for x in c.action.children:
        if x.dep_ in ("advcl", "xcomp") and x.tag_ == "VB" and any(a.lower_ == "to" for a in x.children if a.dep_ == "aux") \
                and verb_lemma(x) in f["testing_purposes"]:
            return all(t.i in own or t.i in {y.i for y in x.subtree} for t in found.evidence)
        if x.dep_ == "prep" and x.lower_ in ("during", "in", "for", "as"):
            for o in x.subtree:
                if o.dep_ != "pobj" and o.dep_ != "compound":
                    continue
                words = " ".join(t.lower_ for t in o.subtree if t.dep_ in ("compound", "amod", "pobj", "nmod") or t.i == o.i)
                if o.lemma_.lower() in f["test_occasions"] or any(w in words for w in f["test_occasions"] if " " in w):
                    return all(t.i in own or t.i in {y.i for y in x.subtree} for t in found.evidence)
    return False


def _preventive(found, lex: Lexicon) -> bool:
    """The framing the recognizer found is a purpose of preventing this failure again: "to
    avoid this in the future", "to prevent a repeat"."""
    f = lex.framing
    for t in found.evidence:
        if t.pos_ != "VERB" or verb_lemma(t) not in ("avoid", "prevent", "stop"):
            continue
        objects = [o for o in t.children if o.dep_ in ("dobj", "nsubj")]
        objects += [o for x in t.children if x.dep_ in ("ccomp", "xcomp") for o in x.children if o.dep_ == "nsubj"]  # "it happening again"
        words = " ".join(x.lower_ for x in t.sent)  # "next time" may hang on the main verb
        # "this next time", parsed as one noun: the determiner is what is avoided
        named = objects + [d for o in objects for d in o.children if d.dep_ == "det" and any(
            f"{m.lower_} {o.lower_}" in f["future_markers"] for m in o.children if m.dep_ == "amod")]
        if any(o.lemma_.lower() in f["prevented_objects"] or o.lower_ in f["prevented_objects"] for o in named) and (
                any(f" {m} " in f" {words} " for m in f["future_markers"]) or any(o.lemma_.lower() in ("recurrence", "repeat", "repetition") for o in objects)):
            return True
    return False


def _things_they(found, lex: Lexicon) -> bool:
    """The clause's subject is "they", the nearest plural subject before it is a thing, and
    no person, role or team is named before it."""
    c = found.clause
    if c is None or c.subject is None or c.subject.lower_ != "they":
        return False
    if any(o.lower_ in ("them", "it") for o in c.objects):
        return False  # "the alerts fired, but they ignored them": "they" are people
    before = [t for t in c.subject.sent if t.i < c.subject.i and t.pos_ in ("NOUN", "PROPN", "PRON") and t.lower_ != "they"]
    if any(classify(t, lex) in BLAMEABLE or classify(t, lex) in (Kind.THIRD_PARTY, Kind.INDEFINITE) for t in before):
        return False
    plural = [t for t in before if t.dep_ in ("nsubj", "nsubjpass") and t.tag_ in ("NNS", "NNPS")]
    return bool(plural) and classify(plural[-1], lex) == Kind.SYSTEM


def unasserted(found, sent: Span, lex: Lexicon) -> bool:
    """The detection's act is not asserted as a fault (see the module's docstring)."""
    anchor = _anchor(found)
    if anchor is None:
        return False
    if _unasserted_clause(anchor, lex) or _own_question(sent, anchor) or _generic_question(sent, anchor) \
            or _generic_conditional(found, sent):
        return True
    if found.rule == "blame.blame-noun" and found.evidence:
        subject = _phrase_subject(found.evidence)
        if subject is not None and _negative(subject):
            return True
        if _task_on_me(found.evidence):
            return True
    if found.rule == "blame.blame-noun" and _job_not_fault(found, lex):
        return True
    if found.rule == "blame.person-cause" and _reason_for_good(found, lex):
        return True
    return _praised(found, lex) or _tried_out(found, lex) or _preventive(found, lex) or _things_they(found, lex)
