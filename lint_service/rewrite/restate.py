"""Restating a sentence so that a further round can rewrite it: "It was Lior who typed
the command" and "The culprit was Emeka, who changed the TTL" become "Lior typed the
command"; "My bad: I pointed the record at the old balancer" and "Sorry everyone, I
..." lose their lead. The restated sentence is parsed and checked again, so it gets
the strategy of whatever construction it turns out to be.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from .kept_doing import kept_doing
from .idiom_clause import idiom_clause
from .self_verdict import unsaid_doer
from ..checks.blame.agents import BLAMEABLE, classify
from .candidate import SEPARATORS, WHO, Candidate, finish, np_text
from .clause import verb_phrase_passive
from .particle_passive import particle_passive
from .people import replace_clause
from .text import phrasing, render, span_text, verb_lemma_of

if TYPE_CHECKING:
    from ..checks.blame.recognizers import Detection
    from ..checks.registry import Context


def _who_clause(det: "Detection", sent: Span, ctx: "Context") -> list[Candidate]:
    """"It was Lior who typed the command", "The culprit was Emeka, who changed ...",
    "I was the one who deleted the bucket" -> "<person> <relative clause>"."""
    person = det.target if det.target is not None else (det.clause.subject if det.clause is not None else None)
    if det.construction not in ("pointing", "blame-noun", "destructive", "framing", "fault", "omission"):
        return []
    if person is None and det.construction != "blame-noun":
        return []  # a blame noun names its person in a "by" phrase, found below
    if person is not None and person.lower_ in WHO and person.head.dep_ == "relcl":
        # the detection found the clause itself ("who deleted the bucket"): its antecedent
        ante = person.head.head
        be_subj = next((c for c in ante.head.children if c.dep_ == "nsubj"), None) if ante.dep_ == "attr" else None
        person = be_subj if be_subj is not None and ante.lemma_.lower() in phrasing()["person_placeholders"] else ante
    for v in sent:
        rel = next((c for c in v.children if c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in WHO), None)
        if rel is None or v.dep_ not in ("relcl", "ccomp"):
            continue
        ante = v.head if v.dep_ == "relcl" else next((c for c in v.head.children if c.dep_ == "attr"), None)
        if ante is not None and person in (None, ante) and _error_by(ante, v, ctx):
            # "It was a user error by the admin, who granted the wrong IAM role": the act,
            # which says itself what was wrong, is what the verdict was about
            return [Candidate(finish(f"{np_text(ante)} {span_text([t for t in v.subtree if t != rel])}"), restated=True)]
        if person is None:
            continue
        if ante is None or ante.dep_ != "attr":
            continue  # only "It was X who", "The culprit was X, who": the sentence says nothing else
        be = ante.head if ante.dep_ == "attr" else None
        if ante == person:
            who = np_text(person)
        elif be is not None and ante.lemma_.lower() in phrasing()["person_placeholders"]:
            subj = next((c for c in be.children if c.dep_ == "nsubj"), None)
            if subj is None or subj != person:
                continue
            who = np_text(subj)
        else:
            continue
        body = [t for t in v.subtree if t != rel]
        said = {t.i for o in v.children if o.dep_ in ("dobj", "obj", "prt", "aux", "auxpass", "punct") for t in o.subtree} | {v.i, rel.i}
        if not any(t.i not in said for t in v.subtree):
            # "It was Lior who typed the command": who did it is all the sentence says;
            # without them "The command was typed" says nothing
            return []
        # (rewrite29) a hedge before the cleft ("pretty sure it was X who ...") was on who did
        # it, and goes with them: kept, it fell on whether the act happened, which the cleft
        # took as given (blind round 19: wrong)
        text = finish(f"{who} {span_text(body + _joined_after(be, ante) + _status_after(be, ante))}")
        return [Candidate(text, restated=True)]
    return []


def _status_after(be: Token | None, ante: Token) -> list[Token]:
    """(rewrite27) ", checking the audit log now": the writer's status note after the cleft
    ("It was X who flipped the flag, checking the log now"), a subjectless "-ing" clause on
    "be" after the comma, is what the writer is doing; kept, the rewrite would lose it."""
    if be is None:
        return []
    after = [c for c in be.children if c.i > ante.right_edge.i and not (c.is_punct and c.i == be.doc[c.i].sent.end - 1)]
    notes = [c for c in after if c.dep_ == "advcl" and c.tag_ == "VBG" and not any(s.dep_ in ("nsubj", "nsubjpass", "mark") for s in c.children)
             and c.doc[c.left_edge.i - 1].text == ","]
    if len(notes) != 1 or any(c.dep_ not in ("punct", "advcl") for c in after):
        return []
    note = notes[0]
    return [be.doc[note.left_edge.i - 1], *note.subtree]


def _joined_after(be: Token | None, ante: Token) -> list[Token]:
    """What a clause joined to "I'm the one who ..." adds (", and that is how the keys
    ended up in the logs"): kept, or the restated sentence would lose a fact. Only a
    coordinated clause: anything else on "be" belongs to the cleft itself."""
    if be is None:
        return []
    after = [c for c in be.children if c.i > ante.i]
    if not any(c.dep_ == "conj" for c in after) or any(c.dep_ not in ("punct", "cc", "conj") for c in after):
        return []
    return [t for c in after for t in c.subtree]


def _error_by(person: Token, act: Token, ctx: "Context") -> bool:
    """``person`` is the "by" of an error noun that is all the sentence asserts ("It was a
    user error by the admin, ..."), and ``act``'s object names the fault ("the wrong role")."""
    lex = ctx.cache["blame.lexicon"]
    by, noun = person.head, person.head.head
    if person.dep_ != "pobj" or by.lower_ != "by" or noun.dep_ != "attr" or noun.lemma_.lower() not in lex.terms["error_heads"]:
        return False
    if any(c.dep_ == "nsubj" and c.pos_ != "PRON" for c in noun.head.children):
        return False  # "The outage was a human error by X, who ...": what the outage was would go
    bad = set(lex.framing["negative_modifiers"])
    return any(m.lower_ in bad for o in act.children if o.dep_ in ("dobj", "obj") for m in o.children if m.dep_ == "amod")


def _pointing(det: "Detection", sent: Span, ctx: "Context") -> list[Candidate]:
    """"Everything was fine until Alessio touched the balancer" -> "... until the balancer
    was touched"; "I'm the reason checkout was down" -> "Checkout was down"."""
    person = det.target
    if det.construction != "pointing" or person is None:
        return []
    verb = person.head
    if person.dep_ == "poss":
        return _traced_to_owned(det, sent, ctx)
    if person.dep_ == "nsubj" and verb.dep_ in ("advcl", "ccomp", "relcl") and verb.pos_ == "VERB":
        own = [t for t in verb.subtree if t.i not in {x.i for x in person.subtree} and not t.is_punct and t.dep_ != "mark"]
        phrase = verb_phrase_passive(verb, own, any(c.dep_ == "neg" for c in verb.children), set(phrasing()["dropped_adverbs"]))
        if phrase is None:
            return []
        first = min(t.i for t in person.subtree)
        last = max(t.i for t in own)
        return [Candidate(replace_clause(sent, first, last, f"{phrase[0]} {phrase[1]}"))]
    attr = next((c for c in verb.children if c.dep_ == "attr" and c.lemma_.lower() == "reason"), None) if person.dep_ == "nsubj" else None
    said = next((c for c in attr.children if c.dep_ in ("relcl", "acl") and any(
        s.dep_ in ("nsubj", "nsubjpass") and s.lower_ not in WHO for s in c.children)), None) if attr is not None else None
    if said is None:
        return []
    return [Candidate(finish(span_text([t for t in said.subtree if not (t.dep_ == "mark" and t.head == said)])))]


def _traced_to_owned(det: "Detection", sent: Span, ctx: "Context") -> list[Candidate]:
    """"The outage began with Amara's deploy, which locked the users table" -> "... began
    with the deploy, which ...": the thing traced to is what the sentence is about; whose
    it was goes. Not for a fault noun ("began with Amara's mistake"): without the owner
    it is a verdict with nobody's act in it; nor for people ("Amara's team"), still the
    cause without her."""
    owner = det.target
    thing = owner.head
    lex = ctx.cache["blame.lexicon"]
    if thing.pos_ != "NOUN" or thing.dep_ != "pobj" or thing.lemma_.lower() in lex.terms["error_heads"] \
            or any(c.dep_ == "det" for c in thing.children) or thing.head.head != det.evidence[0] or classify(thing, lex) in BLAMEABLE:
        return []
    cut = {t.i for t in owner.subtree}
    return [Candidate(render(sent, {min(cut): "the"}, cut - {min(cut)}))]


def _apology(det: "Detection", sent: Span, ctx: "Context") -> list[Candidate]:
    """"i totally forgot the cron was still pointing at the old host, sorry", "Sorry
    everyone, I pushed ...", "..., my apologies": without the apology the sentence is the
    lapse it apologises for, rewritten in a further round."""
    words = set(phrasing()["apology_words"])
    marks = [t for t in sent if t.lower_ in words]
    if not marks:
        return []
    cut: set[int] = set()
    # "Oops: Twenty-eight days ago, ...": a colon ends the apology as a comma does
    # and so does a spaced hyphen ("My apologies - I restarted ..."), which is no word's
    commas = [t.i for t in sent if t.text in (",",) + SEPARATORS or (t.text == "-" and t.whitespace_ and t.i > sent.start
                                                                     and sent.doc[t.i - 1].whitespace_)]
    for t in marks:
        # the apology's own phrase: from it to the comma that ends (or starts) it
        after = next((i for i in commas if i > t.i), None)
        before = max((i for i in commas if i < t.i), default=None)
        # (rewrite31) "I'm so sorry, I ran ...": the writer's apology clause opens the sentence
        opening = before is None and after is not None and after - sent.start <= 6 and t.head.lemma_ == "be" \
            and all(x.i >= sent.start and x.i < after for x in t.head.subtree if x.i <= t.i)
        if t.i == sent.start or (before is None and t.i <= sent.start + 1) or opening:
            # "Sorry everyone, ...", "Sorry for the noise, ...": to the comma when it is
            # close; a bare "ugh i deleted ..." loses only the word
            near = after is not None and after - t.i <= 5
            cut |= set(range(sent.start, (after if near else t.i) + 1))
        elif before is not None and (after is None or after >= sent.end - 1):
            cut |= set(range(before, sent.end)) - {sent.end - 1 if sent[-1].is_punct else -1}
        else:
            return []
    rest = [t for t in sent if t.i not in cut]
    # (rewrite31) "sorry, deleted the wrong index": a chat line that drops its "I" starts with the act
    dropped_i = bool(rest) and rest[0].dep_ == "ROOT" and rest[0].tag_ in ("VBD", "VBN") and any(x.dep_ == "dobj" for x in rest[0].children)
    if not dropped_i and not any(t.dep_ in ("nsubj", "nsubjpass") and t.head.i not in cut for t in rest):
        return []  # "Hey @Ana, I am sorry for causing all this": nothing is left to say what happened
    # (rewrite31) "oops, i think i just dropped X": the chat's lowercase "i" is the writer's
    # "I", written so for the further round to read it as the writer
    mine = {t.i: "I" for t in rest if t.text == "i" and t.tag_ == "PRP"}
    return [Candidate(render(sent, mine, cut), restated=True)]


def _after_lead(det: "Detection", sent: Span, ctx: "Context") -> list[Candidate]:
    """"My bad: I pointed the DNS record at ...", "Thanks a lot, Ilse: your fix took out
    search": the blame is in a lead before a colon; the clause after it says what happened."""
    evidence = [t.i for t in det.evidence] + ([det.target.i] if det.target is not None else [])
    if not evidence:
        return []
    seps = SEPARATORS + ((",",) if det.construction in ("sarcasm", "blame-phrase") else ())
    # "sorry all, that one's on me, i tagged the wrong commit": the last lead goes
    sep = next((t for t in reversed(sent) if t.text in seps and t.i > max(evidence) and t.i < sent.end - 2), None) \
        if det.construction == "blame-phrase" else next((t for t in sent if t.text in seps and t.i > max(evidence)), None)
    if sep is None:
        return []
    rest = sent.doc[sep.i + 1 : sent.end]
    if not any(t.dep_ in ("nsubj", "nsubjpass") and t.head.i >= sep.i + 1 for t in rest):
        return []
    if any(t.head.i < rest.start and t.pos_ in ("NOUN", "PROPN", "PRON", "NUM") for t in rest if not t.is_punct):
        # "deleted one of the load balancers: the one that routes ...": the words after
        # the colon are a noun phrase set beside the lead's object, not a clause of their
        # own; the act is the lead, and it would be lost
        return []
    return [Candidate(finish(rest.text.strip()), restated=True)]


def _drop_blame_phrase(det: "Detection", sent: Span, ctx: "Context") -> list[Candidate]:
    """"waved the release through on a wing and a prayer": the phrase is a judgement
    of how; without it the sentence says what was done."""
    if det.construction != "blame-phrase" or not det.evidence:
        return []
    first = det.evidence[0]
    pp = next((a for a in [first, *first.ancestors] if a.dep_ == "prep" and a.head.pos_ == "VERB"), None)
    if pp is None:
        return []
    cut = {t.i for t in pp.subtree}
    verb = pp.head
    if said_idiom := idiom_clause(verb, sent, ctx, {t.lower_ for t in det.evidence}):
        return said_idiom  # (rewrite31) "swept the backups under the carpet for a month": the idiom's own phrasing
    # a bare "through" or "over" after the object is the verb's particle, not something said
    said = [c for c in verb.children if c.i not in cut and not c.is_punct and c.dep_ not in ("nsubj", "dobj", "obj", "prt", "aux", "det")
            and not (c.pos_ in ("ADP", "ADV") and not list(c.children) and c.lower_ in ("through", "over", "off", "out", "up", "in"))]
    if not said:
        # "swept the warnings under the rug": the phrase was what the sentence said about
        # the act; without it only "swept the warnings" is left, which says nothing true;
        return []
    return [Candidate(render(sent, {}, cut), restated=True)]


def plain_passive(sent: Span) -> Candidate | None:
    """A restated sentence the blame check does not flag but that still has the person
    as its subject ("Lior typed the command"): its main clause, agentless."""
    root = sent.root
    if verb_lemma_of(root.text) in phrasing()["speaker_frames"] and not any(c.dep_ in ("dobj", "obj") for c in root.children):
        # (rewrite31) "I think I just dropped X": the writer's hedge stays, the act it frames is said
        root = next((c for c in root.children if c.dep_ == "ccomp" and c.pos_ == "VERB" and c.i > root.i
                     and any(s.dep_ == "nsubj" for s in c.children)), root)
    subj = next((c for c in root.children if c.dep_ == "nsubj"), None)
    if subj is None and unsaid_doer(sent) is not None:
        # (rewrite31) "Misconfigured the cache so it ...": the chat line dropped its "I"; the act is said of its object
        own = [t for t in root.subtree if not (t.is_punct and t.i == sent.end - 1)]
        phrase = verb_phrase_passive(root, own, any(c.dep_ == "neg" for c in root.children), set(phrasing()["dropped_adverbs"]))
        return Candidate(replace_clause(sent, root.i, max(t.i for t in own), f"{phrase[0]} {phrase[1]}")) if phrase else None
    if subj is None or root.pos_ != "VERB":
        return None
    own = [t for t in root.subtree if t.i not in {x.i for x in subj.subtree} and not (t.is_punct and t.i == sent.end - 1)]
    # "Olu never tested the script" -> "The script was never tested": the polarity stays
    negated = any(c.dep_ == "neg" or c.lower_ == "never" for c in root.children)
    drop = set(phrasing()["dropped_adverbs"])
    if subj.lower_ in ("i", "we"):
        drop -= set(phrasing()["minimising_adverbs"])  # the writer's own "I just dropped X" is when, not a playing down
    phrase = verb_phrase_passive(root, own, negated, drop) or particle_passive(root, own)
    if phrase is None and (kept := kept_doing(root, subj, sent)) is not None:
        return Candidate(replace_clause(sent, kept[1], kept[2], kept[0]))  # (rewrite29) "X kept being deferred"
    if phrase is None:
        return None
    first = min(t.i for t in subj.subtree)
    last = max(t.i for t in own)
    return Candidate(replace_clause(sent, first, last, f"{phrase[0]} {phrase[1]}"))


def act_alone_passive(text: str, ctx: "Context") -> tuple[Span, Candidate] | None:
    """An act lifted out of a sentence ("they pushed the ACL change", what a label's
    brackets say), parsed as a sentence of its own and said agentless by
    :func:`plain_passive`, with that parse: only when it is one plain act (one sentence,
    no second act, and no pronoun object that pointed back into the sentence it came from)."""
    sents = list(ctx.parse([text])[0].sents)
    if len(sents) != 1:
        return None
    root = sents[0].root
    if any(c.dep_ in ("conj", "advcl", "ccomp", "xcomp") and c.pos_ in ("VERB", "AUX")
           or (c.dep_ in ("dobj", "obj") and c.pos_ == "PRON") for c in root.children):
        return None  # a second act ("and gone home") or an object that points elsewhere ("changed it")
    said = plain_passive(sents[0])
    return (sents[0], said) if said is not None else None


def _ironic_thanks(det: "Detection", sent: Span, ctx: "Context") -> list[Candidate]:
    """"Hats off to Taini for breaking the build for everyone, once again" -> "The build
    broke for everyone, once again": the act thanked for, without the thanks."""
    if det.construction != "sarcasm":
        return []
    gerund = next((g for t in sent if t.lower_ == "for" and t.dep_ == "prep" for g in t.children if g.dep_ == "pcomp" and g.tag_ == "VBG"), None)
    if gerund is None:
        return []
    own = [t for t in gerund.subtree if not t.is_punct or t.i < gerund.right_edge.i]
    tail = [t for t in sent if t.i > gerund.right_edge.i and not (t.is_punct and t.i == sent.end - 1)]
    phrase = verb_phrase_passive(gerund, own + tail, False, set(phrasing()["dropped_adverbs"]), present=False)
    if phrase is None:
        return []
    return [Candidate(finish(f"{phrase[0]} {phrase[1]}"))]
