"""(rewrite26) A verdict on a named thing: "The lost invoices were the fault of the
billing clerk", "Responsibility for the cache loss lies with Ravi", "The culprit behind
the expiry was the platform lead", "Femi was to blame for the expired token, the review
concluded". Its rewrite is its removal, like the bare verdicts of rewrite/verdict_only.py.

The sentence says whose fault something was and nothing else: the thing (the verdict's
topic) is the incident or a part of it, which the document tells elsewhere as an event;
the person's own words ("the clerk at the depot", "the lead on duty") go with the person;
a frame ("the review concluded", "per the review") reports the verdict. Everything is read
from the parse: the verdict word and its slots (the subject of "be" whose complement is
"the fault of X"; "for"/"behind" after the verdict word; "lies with X"; "X was to blame /
at fault / responsible"). Each phrase must be a plain noun phrase: a verb of its own (a
relative clause, "who signed it off without reading it"), a number, a date or a pronoun
is a fact or a reference, and keeps the sentence (no removal). The words are rule data
(rules/rewrites.yaml ``verdict_topic``). A judgement of the person with no thing
("Whoever wrote this deploy script was clearly lazy") is read the same way, and so is the
person said to have caused the incident itself ("I caused the outage", "Sorry for causing
this"). (rewrite29) A judgement of how a thing was handled ("The intern was negligent
with the production credentials") names the thing, and is not removed.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Iterable

from spacy.tokens import Span, Token

from .text import phrasing
from .verdict_only import verdict_only

if TYPE_CHECKING:
    from ..checks.blame.recognizers import Detection
    from ..checks.registry import Context

_FACT_ENTITIES = ("DATE", "TIME", "CARDINAL", "QUANTITY", "PERCENT", "MONEY", "ORDINAL")
# the parts of speech a plain noun phrase is made of ("the failed cold-store rollout of the EU cluster")
_PLAIN = ("NOUN", "PROPN", "ADJ", "DET", "ADP", "PUNCT", "PART")


def verdict_on_topic(det: "Detection", sent: Span, ctx: "Context") -> bool:
    """``sent`` only says whose fault a named thing was: its rewrite is its removal."""
    words = phrasing()["verdict_topic"]
    lex = ctx.cache["blame.lexicon"]
    heads = set(words["verdict_words"]) | set(lex.terms.get("responsibility_nouns", ()))
    judged = set(lex.terms.get("judgement_adjectives", ()))
    if (caused := _caused(sent, words, lex.terms)) is not None:
        return verdict_only(det, sent, ctx, allowed=frozenset(caused), said=True)
    verdicts = [t for t in sent if t.lemma_.lower() in heads or t.lower_ in heads
                or t.lower_ in judged and t.dep_ == "acomp" and t.head.lemma_ == "be"]
    if len(verdicts) != 1:
        return False  # none, or two verdicts: not the one shape read here
    found = _slots(verdicts[0], words)
    if found is None:
        return False
    topic, person, verb = found
    if topic is not None and topic.pos_ == "PRON" or topic is not None and topic.lower_ == "one":
        topic = None  # "It was X's fault", "This one was on X": verdict_only reads those words itself
    if topic is not None and not _plain(topic) or person.pos_ != "PRON" and not _plain(person) and not _whoever(person):
        return False
    # ("I", "he": verdict_only reads a pronoun as a function word)
    allowed = ({t.i for t in person.subtree} if person.pos_ != "PRON" else set()) | _frame(sent, verdicts[0], words)
    allowed |= {t.i for t in topic.subtree} if topic is not None else set()
    allowed |= {verb.i} if verb is not None else set()  # "lies (with)": the verdict's own verb
    hedges = set(lex.terms.get("attribution_hedges", ()))
    allowed |= {t.i for t in sent if t.dep_ == "advmod" and t.lower_ in hedges}  # "was allegedly the fault of": as reported
    if verdicts[0].lower_ not in _verdict_words(ctx):
        allowed.add(verdicts[0].i)  # "responsible": a verdict here, though no noun of one
    return verdict_only(det, sent, ctx, allowed=frozenset(allowed), said=True)


def _caused(sent: Span, words: dict, terms: dict) -> set[int] | None:
    """"I caused the outage", "Sorry for causing this": the person said to have caused the
    incident itself (an incident noun or "this"), with no act of theirs named. The tokens
    of the verb and its object, and of an addressee ("@name") the sentence opens with."""
    incidents = set(terms.get("incident_nouns", ())) | set(terms.get("failure_nouns", ()))
    for v in sent:
        if v.lemma_.lower() not in words["causing_verbs"] or v.pos_ != "VERB":
            continue
        objs = [o for o in v.children if o.dep_ == "dobj"]
        if len(objs) != 1 or objs[0].lemma_.lower() not in incidents or not (objs[0].pos_ in ("PRON", "DET") or _plain(objs[0])):
            return None
        # "Hey @name, ...": the one addressed, by its place before a comma (the parser may make it a subject)
        addressed = {t.i for t in sent if t.text.startswith("@") and len(t.text) > 1 and t.i + 1 < sent.end
                     and sent.doc[t.i + 1].text == ","}
        return {v.i} | {t.i for t in objs[0].subtree} | addressed
    return None


def _verdict_words(ctx: "Context") -> frozenset[str]:
    from .verdict_only import _words

    return _words(ctx)["verdict"]


def _slots(v: Token, words: dict) -> tuple[Token | None, Token, Token | None] | None:
    """The verdict's topic (what went wrong, when it is named), the person it is pinned on,
    and a verb of holding the verdict ("lies with"), by the verdict's place."""
    topical = set(words["topic_prepositions"])
    holders = set(words["holding_verbs"])
    holding = set(words["holding_prepositions"])
    head = v.head

    def topic_of(*toks: Token) -> Token | None:
        return next((o for t in toks for p in t.children if p.dep_ == "prep" and p.lower_ in topical
                     for o in p.children if o.dep_ == "pobj"), None)

    # "<topic> was the fault of <person>" / "<topic> was <person>'s fault"
    if v.dep_ == "attr" and head.lemma_ == "be":
        subj = _child(head, ("nsubj",))
        owner = _child(v, ("poss",)) or next((o for p in v.children if p.dep_ == "prep" and p.lower_ == "of"
                                             for o in p.children if o.dep_ == "pobj"), None)
        if subj is not None and owner is not None:
            return subj, owner, None
        # "<person> was the culprit behind <topic>"
        if subj is not None and (t := topic_of(v)) is not None:
            return t, subj, None
    # "The culprit behind <topic> was <person>", "Blame for <topic> lies with <person>"
    if v.dep_ == "nsubj" and (t := topic_of(v)) is not None:
        if head.lemma_ == "be" and (who := _child(head, ("attr",))) is not None:
            return t, who, None
        if head.lemma_ in holders:
            who = next((o for p in head.children if p.dep_ == "prep" and p.lower_ in holding
                        for o in p.children if o.dep_ == "pobj"), None)
            if who is not None:
                return t, who, head
    # "<person> was careless with <topic>", "... negligent about <topic>": a judgement of the
    # person in how they handled a thing, and nothing of what happened to it
    if v.dep_ == "acomp" and head.lemma_ == "be" and v.pos_ == "ADJ":
        judged = set(words["judged_prepositions"])
        t = next((o for p in v.children if p.dep_ == "prep" and p.lower_ in judged for o in p.children if o.dep_ == "pobj"), None)
        who = _child(head, ("nsubj",))
        if t is not None:
            # (rewrite29) the thing handled (and its scope: "that quarter", "on every rack")
            # is a fact the removal loses: graded poor or acceptable in all seven rows of
            # blind round 19, none good. Such a judgement is said of the thing when a
            # wording is faithful (rewrite/care_lapse.py), or gets no rewrite.
            return None
        # "Whoever wrote this deploy script was clearly lazy": the one who did a plain act, judged
        who = _child(head, ("csubj",))
        if who is not None and _whoever(who):
            return t, who, None
        if v.lower_ not in words["verdict_words"]:
            return None  # "The intern's config change was sloppy": a judged thing, not a person with a topic
    # "<person> is the one to blame (for <topic>)"
    if v.dep_ == "relcl" and head.dep_ == "attr" and head.head.lemma_ == "be" and head.lemma_.lower() in words["placeholders"] \
            and (who := _child(head.head, ("nsubj",))) is not None:
        return topic_of(v), who, None
    # "<person> was to blame (for <topic>)", "<person> was at fault", "... responsible for <topic>"
    be = head if head.lemma_ == "be" else head.head if head.dep_ == "prep" and head.head.lemma_ == "be" else None
    if be is not None and v.dep_ in ("xcomp", "acomp", "pobj") and (who := _child(be, ("nsubj",))) is not None:
        return (topic_of(v, head, be) if head is not be else topic_of(v, be)), who, None
    return None


def _whoever(clause: Token) -> bool:
    """"whoever wrote this deploy script": a clause of an unnamed doer and a plain act on a
    plain thing (nothing else: no time, no manner, no second act)."""
    if clause.dep_ != "csubj" or not any(c.dep_ == "nsubj" and c.lower_ == "whoever" for c in clause.children):
        return False
    objs = [c for c in clause.children if c.dep_ == "dobj"]
    return len(objs) == 1 and _plain(objs[0]) and all(c.dep_ in ("nsubj", "dobj", "prt") for c in clause.children)


def _child(tok: Token, deps: Iterable[str]) -> Token | None:
    return next((c for c in tok.children if c.dep_ in deps), None)


def _plain(np: Token) -> bool:
    """A noun phrase with no verb, number, date or pronoun of its own (a participle before
    the noun, "the lost invoices", is a modifier, not a clause)."""
    if np.pos_ not in ("NOUN", "PROPN") and not (np.pos_ == "ADJ" and any(c.dep_ == "det" for c in np.children)):
        return False  # a clause or a pronoun ("the expired token/JJ": a noun the tagger misread, by its article)
    for t in np.subtree:
        if t.ent_type_ in _FACT_ENTITIES or t.like_num:
            return False
        if t.dep_ == "poss" and t.pos_ == "PRON" and t is not np:
            continue  # "my kubeconfig": the owner's own thing, which goes with the sentence
        if t.dep_ in ("relcl", "acl", "appos", "conj", "cc") or t.pos_ in ("PRON", "VERB", "AUX", "NUM"):
            if t.dep_ in ("amod", "compound") and t.pos_ == "VERB" and not list(t.children):
                continue  # "the failed rollout", "the receiving clerk"
            return False
        if t.pos_ not in _PLAIN:
            return False
    return True


def _frame(sent: Span, v: Token, words: dict) -> set[int]:
    """Tokens of a frame that only reports the verdict: "the review concluded (that)", "per the review"."""
    out: set[int] = set()
    concluding = set(words["concluding_verbs"])
    for t in sent:
        if t.lemma_.lower() in concluding and t.pos_ == "VERB" and (t.dep_ == "ROOT" or t.i > v.i):
            subj = _child(t, ("nsubj",))
            if subj is not None and _plain(subj):
                out |= {x.i for x in subj.subtree} | {t.i} | {c.i for c in t.children if c.dep_ == "mark"}
        if t.lower_ in words["concluding_prepositions"] and t.dep_ == "prep":
            obj = _child(t, ("pobj",))
            if obj is not None and _plain(obj):
                out |= {x.i for x in t.subtree}
    return out
