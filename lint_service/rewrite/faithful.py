"""Verifier checks for faults blind graders found on text nobody tuned the rewrites on
(issue 11, round 7): a rewrite that still points at the removed person through a
phrase about them, one that glues two halves of a sentence together, and one that
quietly loses half of what the sentence said.

Each check reads the candidate's parse beside the original's; none reads words of a
particular sentence (the role nouns and apology words are rule data).
"""
from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from ..rules import load_rule_file
from .reporter_frame import reports_the_act
from .text import phrasing

if TYPE_CHECKING:  # verify.py imports this module
    from .verify import Original

_SUBJECTS = ("nsubj", "nsubjpass", "csubj")
_PLURAL = frozenset({"they", "them", "their", "theirs", "themselves"})
# the pronouns that stand for nobody in particular or for the writer's side
_NOBODY_S = frozenset({"it", "this", "that", "there", "what", "which", "who", "we", "they", "you", "i", "he", "she"})


@functools.lru_cache(maxsize=1)
def _roles() -> tuple[frozenset[str], tuple[str, ...], frozenset[str]]:
    agents = load_rule_file("agents")
    return (frozenset(agents["roles"]), tuple(agents["role_suffixes"]), frozenset(agents["role_suffix_exceptions"]))


def names_person(tok: Token) -> bool:
    """A noun that names someone by role ("the approver", "the electrician") or by name."""
    if tok.pos_ == "PROPN":
        return tok.ent_type_ == "PERSON"
    roles, suffixes, exceptions = _roles()
    low = tok.lemma_.lower()
    return tok.pos_ == "NOUN" and (low in roles or tok.lower_ in roles
                                   or (low.endswith(suffixes) and low not in exceptions and tok.lower_ not in exceptions))


def faithfulness_problems(cand: Span, orig: "Original") -> list[str]:
    """Why ``cand`` is not faithful to ``orig`` in the ways below."""
    return [message.format(found) for check, message in _CHECKS if (found := check(cand, orig)) is not None]


def _doubled_period(cand: Span, orig: "Original") -> str | None:
    """"... the parser crashes..": a join that kept both halves' full stops."""
    run = re.compile(r"(?<![.])[.]{2}(?![.])")
    return ".." if run.search(cand.text) and not run.search(orig.sent.text) else None


def _role_opener(cand: Span, orig: "Original") -> str | None:
    """"As the approver on that change, I didn't check ..." -> "As the approver on that
    change, it was not checked ...": a leading "as <role>" said who the subject was; with
    the subject gone it describes nobody (or the next noun). "As a precaution" is not one."""
    for t in orig.sent:
        if t.lower_ != "as" or t.dep_ != "prep" or t.i in orig.dropped:
            continue
        pobj = next((c for c in t.children if c.dep_ == "pobj"), None)
        subj = next((c for c in t.head.children if c.dep_ in _SUBJECTS), None)
        # the subject went in this round or an earlier one (the candidate no longer says it)
        gone = subj is not None and (subj.i in orig.dropped or subj.lower_ not in {x.lower_ for x in cand})
        if pobj is None or not gone or t.i > subj.i or not names_person(pobj):
            continue
        phrase = orig.sent.doc[t.i : pobj.i + 1].text
        if phrase.lower() in text_lower(cand):
            return phrase
    return None


def text_lower(span: Span) -> str:
    return " ".join(span.text.split()).lower()


def _agent_left_on_nominal(cand: Span, orig: "Original") -> str | None:
    """"Lazy reviewing by the platform lead let a password in" -> "Reviewing by the
    platform lead let ...": the judgement was on the person, who is still the doer of the
    nominal; the act stays theirs. "Reviews by the bot" name no person."""
    for t in orig.sent:
        if t.lower_ not in orig.judged or t.dep_ not in ("amod", "advmod", "compound"):
            continue
        head = t.head
        by = next((c for c in head.children if c.dep_ in ("prep", "agent") and c.lower_ == "by"), None)
        pobj = next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None
        if pobj is None or not (names_person(pobj) or pobj.pos_ == "PRON"):
            continue
        phrase = orig.sent.doc[by.i : pobj.right_edge.i + 1].text
        if phrase.lower() in text_lower(cand) and t.lower_ not in text_lower(cand).split():
            return phrase
    return None


def _glued(cand: Span, orig: "Original") -> str | None:
    """A word of the candidate the original wrote as two ("teststhat"): a join that cut
    what stood between them and the space with it."""
    written = {t.lower_ for t in orig.sent}
    toks = [t for t in orig.sent if not t.is_punct]
    # what was cut may have been a word or two ("tests, and that's" -> "teststhat's")
    joins = {a.lower_ + b.lower_ for k, a in enumerate(toks) for b in toks[k + 1 : k + 4] if a.whitespace_ or a.i + 1 < b.i}
    for t in cand:
        if t.is_alpha and t.lower_ not in written and t.lower_ in joins:
            return t.text
    return None


def _trailing_phrase_in_subject(cand: Span, orig: "Original") -> str | None:
    """"i broke the nightly, reverting" -> "The nightly, reverting broke": an "-ing"
    phrase the original hung on the verb after its object (what the doer did or thought
    meanwhile) is now part of the new subject."""
    # the "-ing" of the removed person's own verb, after it: what they did or thought meanwhile
    # (or one after a comma the parser took for the object: "broke the nightly, reverting")
    doc = orig.sent.doc
    theirs = {t.lower_ for t in orig.sent if t.tag_ == "VBG" and t.head.pos_ in ("VERB", "AUX") and t.head.i < t.i
              and (t.dep_ in ("advcl", "xcomp", "conj", "dep", "npadvmod", "acl") or doc[t.i - 1].text == ",")
              and not any(c.dep_ in _SUBJECTS for c in t.children)
              and not _bare_gerund_object(t)  # (rewrite31) "turned off paging": the thing turned off
              and any(c.dep_ in _SUBJECTS and c.i in orig.dropped for c in t.head.children)}
    if not theirs:
        return None
    root = cand.root
    for subj in (c for c in root.children if c.dep_ in _SUBJECTS):
        for t in subj.subtree:
            if t.tag_ == "VBG" and t.lower_ in theirs:
                return t.text
    return None


def _bare_gerund_object(t: Token) -> bool:
    return t.dep_ == "xcomp" and any(c.dep_ == "prt" for c in t.head.children) and not any(
        k.dep_ in ("dobj", "obj", "nsubj", "aux", "prt", "advmod", "xcomp", "ccomp") for k in t.children)


def _controlled_pronoun(cand: Span, orig: "Original") -> str | None:
    """"Somebody unplugged the NAS to charge their phone" -> "The NAS was unplugged to
    charge their phone": the purpose clause has no subject of its own, so its doer was
    the removed person, and a pronoun inside it is theirs whatever noun stands before."""
    for t in cand:
        if t.lower_ not in orig.pronouns or t.lower_ in orig.unbound:
            continue
        if t.lower_ in _PLURAL and any(x.tag_ in ("NNS", "NNPS") for x in cand if x.i < t.i):
            continue  # "disabled the readers instead of resetting them": the readers
        for clause in t.ancestors:
            if clause.pos_ not in ("VERB", "AUX"):
                continue
            if clause.tag_ in ("VB", "VBG") and clause.dep_ in ("advcl", "xcomp", "acl", "pcomp") \
                    and not any(c.dep_ in _SUBJECTS for c in clause.children) \
                    and any(c.dep_ == "auxpass" for c in (clause.head.head if clause.dep_ == "pcomp" else clause.head).children):
                return t.text
            break  # the nearest clause decides
    return None


def _confession_lead(cand: Span, orig: "Original") -> str | None:
    """"Confession time: the outage came from a TTL that was set ...": a lead before a
    colon or comma that apologises or confesses is the removed person's voice."""
    words = set(phrasing()["apology_words"]) | set(phrasing()["confession_words"])
    toks = list(cand)
    for k, t in enumerate(toks[:6]):
        if t.text in (":", ",", "—", "-") and k:
            lead = toks[:k]
            if any(x.lower_ in words for x in lead):
                return cand.doc[lead[0].i : lead[-1].i + 1].text
            return None
    return None


def _thinking_without(cand: Span, orig: "Original") -> str | None:
    """"The TTL was set to 86400 without thinking it through": a passive has no doer left
    to have thought, so the phrase is the removed person's carelessness said of nobody
    ("without a review" is how the act was done, and stays)."""
    mental = set(phrasing()["mental_verbs"])
    for t in cand:
        if t.tag_ == "VBG" and t.dep_ == "pcomp" and t.head.lower_ == "without" and t.lemma_ in mental \
                and any(c.dep_ == "auxpass" for c in t.head.head.children):
            return t.text
    return None


def _lost_clause(cand: Span, orig: "Original") -> str | None:
    """"I left the debug flag on, and that is how the tokens ended up in the logs" ->
    "The debug flag was left on": a clause whose subject is not the removed person (a
    consequence, a cause, what someone else did) is a fact; a rewrite that keeps neither
    its verb nor its subject lost it. The person's own clauses ("because he was late")
    may go."""
    said = {t.lower_ for t in cand}
    for v in orig.sent:
        if v.pos_ not in ("VERB", "AUX") or v.i in orig.dropped or v.lemma_ == "be":
            continue  # a copula says what something was ("My mistake was ...", "that one's on me"), not what happened
        subj = next((c for c in v.children if c.dep_ in _SUBJECTS), None)
        if subj is None or subj.i in orig.dropped or subj.lower_ in orig.pronouns or subj.lower_ in _NOBODY_S:
            continue
        if subj.pos_ == "PRON" or names_person(subj) or any(c.dep_ == "poss" and c.pos_ == "PRON" for c in subj.children):
            continue  # someone's own clause or thing ("My mistake was assuming"): who they are decides, not this check
        if any(t.i in orig.dropped or t.lower_ in orig.pronouns or t.text in orig.person for t in _own_words(v)):
            continue  # "The fault is mine", "that one's on me": the verdict on the person goes with them
        if v.lower_ not in said and subj.lower_ not in said:
            return f"{subj.text} {v.text}"
    return None


def _own_words(verb: Token) -> list[Token]:
    """The words of ``verb``'s clause, without the clauses inside it that have a subject of their own."""
    inner = {t.i for c in verb.children if c.pos_ in ("VERB", "AUX") and any(s.dep_ in _SUBJECTS for s in c.children)
             for t in c.subtree}
    return [t for t in verb.subtree if t.i not in inner]


def _place_before_particle(cand: Span, orig: "Original") -> str | None:
    """"4,000 customers were cut in Leeds off the network": a phrase the original wrote
    between the object and the particle ("cut 4,000 customers in Leeds off the network")
    belonged to the object; behind the passive verb it reads as where the cutting happened
    and strands the particle."""
    written = " " + " ".join(orig.sent.text.split()).lower() + " "
    particles = set(phrasing()["verb_particles"])
    doc = cand.doc
    for v in cand:
        if v.tag_ != "VBN" or not any(c.dep_ == "auxpass" for c in v.children) or v.i + 1 >= cand.end:
            continue
        prep = doc[v.i + 1]
        if prep.dep_ != "prep" or prep.lower_ in particles or prep.right_edge.i + 1 >= cand.end:
            continue
        nxt = doc[prep.right_edge.i + 1]
        subj = next((c for c in v.children if c.dep_ == "nsubjpass"), None)
        phrase = doc[prep.i : prep.right_edge.i + 1].text
        if subj is not None and nxt.lower_ in particles and nxt.dep_ in ("prep", "prt", "advmod") \
                and f" {subj.right_edge.lower_} {phrase.lower()} {nxt.lower_} " in written:
            return phrase
    return None


@functools.lru_cache(maxsize=1)
def _idiom_words() -> tuple[frozenset[str], ...]:
    """The words of each blame idiom's gloss ("dropped the ball", "shot from the hip"):
    rules/framing.yaml and rules/rewrites.yaml. Their object is no thing."""
    glosses = [i["gloss"] for i in load_rule_file("framing")["idioms"]] + list(phrasing()["idioms"])
    return tuple(frozenset(g.lower().replace("'s", "").split()) for g in glosses)


@functools.lru_cache(maxsize=1)
def _verdict_nouns() -> frozenset[str]:
    terms = load_rule_file("blame_terms")
    # (rewrite10) "take full responsibility for X": an owning the rewrite drops, no act
    owning = frozenset(load_rule_file("rewrites")["responsibility_words"])
    return frozenset(terms["error_heads"]) | frozenset(terms["defect_nouns"]) | frozenset(terms["judgement_nouns"] or ()) | owning


@functools.lru_cache(maxsize=1)
def _speakers() -> frozenset[str]:
    return frozenset(load_rule_file("blame_terms")["speaker_nouns"])


def _lost_act(cand: Span, orig: "Original") -> str | None:
    """"I'm the reason the build broke, I merged the wrong branch" -> "The build broke":
    the removed person's act on a thing is what happened; a rewrite that keeps neither
    the act nor the thing it was done to says only half. What they thought or wanted
    ("because she wanted the fix out") and what they were ("when I was on call") may go."""
    said = {t.lower_ for t in cand}
    # (rewrite10) "I own this one": owning is never the incident's act
    mental = set(phrasing()["mental_verbs"]) | set(phrasing()["self_verdict"]["owning_verbs"])
    for v in orig.sent:
        if v.pos_ != "VERB" or v.lemma_ in mental or v.lemma_ == "be":
            continue
        subj = next((c for c in v.children if c.dep_ in ("nsubj",)), None)
        if subj is None or not (subj.i in orig.dropped or subj.lower_ in orig.pronouns):
            continue
        obj = next((c for c in v.children if c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN")), None)
        if obj is None:
            # "had looked at the diff": the thing of a prepositional verb, right after it
            prep = next((c for c in v.children if c.dep_ == "prep" and c.i == v.i + 1), None)
            obj = next((c for c in prep.children if c.dep_ == "pobj" and c.pos_ in ("NOUN", "PROPN")), None) if prep is not None else None
            if obj is not None and obj.lower_ in phrasing()["departure_places"]:
                obj = None  # "went to bed": said as the act left unattended (rewrite/coordination.py)
        if obj is not None and (any({v.lower_, obj.lower_} <= words for words in _idiom_words()) or obj.lemma_.lower() in _verdict_nouns()):
            continue  # "dropped the ball on X", "made an error by ...": the judgement the rewrite drops
        if any(m.dep_ == "mark" and m.lower_ in phrasing()["person_clause_marks"] for m in v.children):
            continue  # "Owner: Kasimir, because he deleted the table": why they are named, not what happened
        if obj is not None and obj.lower_ not in said and v.lower_ not in said:
            return f"{v.text} {obj.text}"
    return None


def _person_still_acting(cand: Span, orig: "Original") -> str | None:
    """"Three things broke: the canary was skipped, the reviewer approved without reading":
    one person went, another in the same list is still the subject of what went wrong."""
    if not any(x.dep_ == "auxpass" for x in cand):
        return None
    for t in cand:
        if not names_person(t) or t.i + 1 >= cand.end:
            continue
        verb = cand.doc[t.i + 1]
        if verb.dep_ == "aux" and t.dep_ == "nsubj" and verb.head == t.head and t.head.tag_ in ("VBN", "VB") and t.head.i > t.i \
                and not any(c.dep_ == "auxpass" for c in t.head.children):
            verb = t.head  # (rewrite27) "two administrators had shared a root account": the act past its auxiliary
        if verb.lemma_ in phrasing()["manual_error"]["reporting_verbs"] and t.lemma_.lower() in _speakers():
            continue  # "A spokesperson said ...": a speaker reports it and did nothing wrong
        if t.text in orig.reporters and verb.lemma_ in phrasing()["quote_report_verbs"]:
            continue  # (rewrite24) a quote said as reported speech: its speaker's frame is the writer's own
        if reports_the_act(t, verb, cand, orig):
            continue  # (rewrite28) "the director said the primary was restarted": the report's frame
        if _describes_a_thing(t, verb, orig):
            continue  # (rewrite30) "a purge script that operators had trusted for a decade": what the thing is
        if verb.lemma_ == "be" and t.head == verb and not any(c.tag_ in ("VBG", "VBN") for c in verb.children):
            continue  # (rewrite31) "while people were still on calls": where others were, no act of theirs
        # the parser reads "the reviewer approved without reading" in a list as a noun and
        # its participle: the reader still reads who approved
        acting = (t.dep_ == "nsubj" and t.head == verb and (verb.tag_ in ("VBD", "VBZ", "VBP") or verb.i > t.i + 1)) or (
            verb.head == t and verb.dep_ == "acl" and verb.tag_ in ("VBD", "VBN") and not any(c.dep_ == "auxpass" for c in verb.children))
        if acting and verb.head.dep_ in ("conj", "parataxis", "ccomp", "ROOT", "nsubj", "nsubjpass") or acting and verb.dep_ in ("conj", "parataxis", "ccomp", "ROOT"):
            return f"{t.text} {verb.text}"
    return None


def _describes_a_thing(person: Token, verb: Token, orig: "Original") -> bool:
    """(rewrite30) Another person's clause that only describes a thing, as the original
    wrote it: a relative clause of a noun that names no person ("a purge script that
    operators had trusted for a decade"), whose subject is not the removed person."""
    if verb.dep_ != "relcl" or names_person(verb.head) or person.text in orig.person:
        return False
    return any(o.text == person.text and o.head.text == verb.text and o.head.dep_ == "relcl" for o in orig.sent)


def _headline_broken(cand: Span, orig: "Original") -> str | None:
    """"Engineer Pushes Bad Config, Takes Down Payments" -> "Payments are taken Down": a
    headline in title case rewritten with sentence-case words beside its own capitals."""
    def title(tokens: list[Token]) -> tuple[int, int]:
        words = [t for t in tokens if t.is_alpha and len(t) > 3]
        return sum(t.is_title for t in words), len(words)
    caps, n = title(list(orig.sent))
    if n < 3 or caps < n:
        return None
    words = [t for t in cand if t.is_alpha and t.i > cand.start]
    lower = next((t.text for t in words if t.is_lower and len(t) > 3), None)
    return lower if lower is not None and any(t.is_title for t in words) else None


# (check, message): each check returns what it found, or None
def _judged_work_kept(cand: Span, orig: "Original") -> str | None:
    """"The upgrade was careless: the brokers were not drained first": the person's act went
    passive, but the verdict the writer put on their work is still said, in whichever clause
    (the main-clause check in verify.py reads only the clause the rewrite made)."""
    for t in cand:
        be = t.head
        if t.lower_ in orig.judged and t.dep_ in ("acomp", "attr") and be.lemma_ == "be" \
                and not any(c.dep_ == "neg" for c in be.children) and t.lower_ in {x.lower_ for x in orig.sent}:
            subj = next((c for c in be.children if c.dep_ == "nsubj"), None)
            if subj is not None and subj.pos_ == "NOUN":
                return f"{subj.text} {be.text} {t.text}"
    return None


_CHECKS = (
    (_role_opener, "opener {!r} described the removed person"),
    (_agent_left_on_nominal, "{!r} left as the agent once the judgement went"),
    (_doubled_period, "doubled period {!r}"),
    (_glued, "words run together in {!r}"),
    (_trailing_phrase_in_subject, "the act's phrase {!r} now inside the subject"),
    (_controlled_pronoun, "pronoun {!r} belonged to the doer of a clause with no subject"),
    (_confession_lead, "apology or confession {!r} kept with nobody to make it"),
    (_thinking_without, "'without {}' was the removed person's thinking"),
    (_lost_clause, "the clause {!r} lost"),
    (_lost_act, "the removed person's act {!r} lost"),
    (_person_still_acting, "{!r} still the one who acted"),
    (_headline_broken, "a title-case headline half rewritten in sentence case ({!r})"),
    (_place_before_particle, "{!r} between the verb and its particle"),
    (_judged_work_kept, "the verdict {!r} kept on the work"),
)
