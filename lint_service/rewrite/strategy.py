"""Rewrite strategies for constructions the clause passive cannot reach on its own.

Some constructions are best restated first and rewritten in a further round:
"It was Lior who typed the command" and "The culprit was Emeka, who changed the
TTL" restate as "Lior typed the command"; "My bad: I pointed the record at the
old balancer" drops its lead. The restated sentence is parsed and checked again,
so it gets the strategy of whatever construction it turns out to be. Others are
phrased from rule data (``rules/rewrites.yaml``): idioms by their gloss,
responsibility ("X is to blame for Y"), judgements of care ("was careless with
X"), directives in action items and self-approval.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from .people import replace_clause
from .clause import cut_short, is_present, participle_of, verb_phrase_passive
from .text import inflect, phrasing, render, span_text, tidy, verb_lemma_of

if TYPE_CHECKING:
    from ..checks.blame.clauses import Clause
    from ..checks.blame.recognizers import Detection
    from ..checks.registry import Context


@dataclass(frozen=True)
class Candidate:
    text: str
    kind: str = "event"  # event: what happened; system: what a named system let happen; generic: "the process"
    restated: bool = False  # the person is still the subject: rewrite it in another round


_WHO = ("who", "that")
_SEPARATORS = (":", ";", "—", "–")


def _np(tok: Token) -> str:
    """A noun phrase without its relative clause or trailing punctuation."""
    cut = {t.i for c in tok.children if c.dep_ in ("relcl", "acl", "appos") or (c.dep_ == "punct" and c.i > tok.i) for t in c.subtree}
    return span_text([t for t in tok.subtree if t.i not in cut])


def _finish(text: str) -> str:
    text = tidy(text)
    return text if text.endswith((".", "!", "?")) else text + "."


def special(det: "Detection", sent: Span, ctx: "Context") -> list[Candidate] | None:
    """Candidates from the strategies of this module, or None when none applies."""
    for strategy in (_apology, _blamed_on, _means, _proceeded, _pointing, _who_clause, _after_lead, _drop_blame_phrase, _responsibility, _idiom, _directive, _self_approval, _clause_object):
        out = strategy(det, sent, ctx)
        if out:
            return out
    return None


# ---------------------------------------------------------------- restating


def _who_clause(det: "Detection", sent: Span, ctx: "Context") -> list[Candidate]:
    """"It was Lior who typed the command", "The culprit was Emeka, who changed ...",
    "I was the one who deleted the bucket" -> "<person> <relative clause>"."""
    person = det.target if det.target is not None else (det.clause.subject if det.clause is not None else None)
    if person is None or det.construction not in ("pointing", "blame-noun", "destructive", "framing", "fault", "omission"):
        return []
    if person.lower_ in _WHO and person.head.dep_ == "relcl":
        # the detection found the clause itself ("who deleted the bucket"): its antecedent
        ante = person.head.head
        be_subj = next((c for c in ante.head.children if c.dep_ == "nsubj"), None) if ante.dep_ == "attr" else None
        person = be_subj if be_subj is not None and ante.lemma_.lower() in phrasing()["person_placeholders"] else ante
    for v in sent:
        rel = next((c for c in v.children if c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in _WHO), None)
        if rel is None or v.dep_ not in ("relcl", "ccomp"):
            continue
        ante = v.head if v.dep_ == "relcl" else next((c for c in v.head.children if c.dep_ == "attr"), None)
        if ante is None or ante.dep_ != "attr":
            continue  # only "It was X who", "The culprit was X, who": the sentence says nothing else
        be = ante.head if ante.dep_ == "attr" else None
        if ante == person:
            who = _np(person)
        elif be is not None and ante.lemma_.lower() in phrasing()["person_placeholders"]:
            subj = next((c for c in be.children if c.dep_ == "nsubj"), None)
            if subj is None or subj != person:
                continue
            who = _np(subj)
        else:
            continue
        body = [t for t in v.subtree if t != rel]
        return [Candidate(_finish(f"{who} {span_text(body)}"), restated=True)]
    return []


def _pointing(det: "Detection", sent: Span, ctx: "Context") -> list[Candidate]:
    """"Everything was fine until Alessio touched the balancer" -> "... until the balancer
    was touched"; "I'm the reason checkout was down" -> "Checkout was down"."""
    person = det.target
    if det.construction != "pointing" or person is None:
        return []
    verb = person.head
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
        s.dep_ in ("nsubj", "nsubjpass") and s.lower_ not in _WHO for s in c.children)), None) if attr is not None else None
    if said is None:
        return []
    return [Candidate(_finish(span_text([t for t in said.subtree if not (t.dep_ == "mark" and t.head == said)])))]


def _apology(det: "Detection", sent: Span, ctx: "Context") -> list[Candidate]:
    """"i totally forgot the cron was still pointing at the old host, sorry", "Sorry
    everyone, I pushed ...", "..., my apologies": without the apology the sentence is the
    lapse it apologises for, rewritten in a further round."""
    words = set(phrasing()["apology_words"])
    marks = [t for t in sent if t.lower_ in words]
    if not marks:
        return []
    cut: set[int] = set()
    commas = [t.i for t in sent if t.text == ","]
    for t in marks:
        # the apology's own phrase: from it to the comma that ends (or starts) it
        after = next((i for i in commas if i > t.i), None)
        before = max((i for i in commas if i < t.i), default=None)
        if t.i == sent.start or (before is None and t.i <= sent.start + 1):
            # "Sorry everyone, ...", "Sorry for the noise, ...": to the comma when it is
            # close; a bare "ugh i deleted ..." loses only the word
            near = after is not None and after - t.i <= 5
            cut |= set(range(sent.start, (after if near else t.i) + 1))
        elif before is not None and (after is None or after >= sent.end - 1):
            cut |= set(range(before, sent.end)) - {sent.end - 1 if sent[-1].is_punct else -1}
        else:
            return []
    return [Candidate(render(sent, {}, cut), restated=True)]


def _blamed_on(det: "Detection", sent: Span, ctx: "Context") -> list[Candidate]:
    """"Officials blamed the outage on a worker who pressed the wrong button" ->
    "Officials linked the outage to the wrong button being pressed": the report stays,
    the person becomes what they did."""
    if det.construction != "blame-verb" or det.target is None or not det.evidence:
        return []
    verb, person = det.evidence[0], det.target
    prep = person.head if person.dep_ == "pobj" and person.head.lower_ in ("on", "for") and person.head.head == verb else None
    rel = next((c for c in person.children if c.dep_ == "relcl" and any(s.lower_ in _WHO for s in c.children)), None)
    if prep is None or rel is None:
        return []
    own = [t for t in rel.subtree if t.lower_ not in _WHO and not t.is_punct]
    phrase = verb_phrase_passive(rel, own, any(c.dep_ == "neg" for c in rel.children), set(phrasing()["dropped_adverbs"]))
    if phrase is None or phrase[1].split(" ")[0] not in ("was", "were", "is", "are"):
        return []
    event = f"{phrase[0]} being {phrase[1].split(' ', 1)[1]}"
    linked = inflect(phrasing()["blamed_on"], verb.tag_ if verb.tag_.startswith("VB") else "VBD")
    return [Candidate(render(sent, {verb.i: linked, prep.i: f"to {event}"}, {t.i for t in prep.subtree} - {prep.i}))]


def _after_lead(det: "Detection", sent: Span, ctx: "Context") -> list[Candidate]:
    """"My bad: I pointed the DNS record at ...", "Thanks a lot, Ilse: your fix took out
    search": the blame is in a lead before a colon; the clause after it says what happened."""
    evidence = [t.i for t in det.evidence] + ([det.target.i] if det.target is not None else [])
    if not evidence:
        return []
    seps = _SEPARATORS + ((",",) if det.construction in ("sarcasm", "blame-phrase") else ())
    # "sorry all, that one's on me, i tagged the wrong commit": the last lead goes
    sep = next((t for t in reversed(sent) if t.text in seps and t.i > max(evidence) and t.i < sent.end - 2), None) \
        if det.construction == "blame-phrase" else next((t for t in sent if t.text in seps and t.i > max(evidence)), None)
    if sep is None:
        return []
    rest = sent.doc[sep.i + 1 : sent.end]
    if not any(t.dep_ in ("nsubj", "nsubjpass") and t.head.i >= sep.i + 1 for t in rest):
        return []
    return [Candidate(_finish(rest.text.strip()), restated=True)]


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
    return [Candidate(render(sent, {}, cut), restated=True)]


# ---------------------------------------------------------------- the means as the subject


def _means(det: "Detection", sent: Span, ctx: "Context") -> list[Candidate]:
    """The system the sentence names does the action: "I broke the login flow with my
    refactor of the middleware" -> "The refactor of the middleware broke the login
    flow"; "caused this by restarting the primary" -> "Restarting the primary caused
    this"; "botched the upgrade by restarting every broker" -> "The upgrade went wrong
    when every broker was restarted"."""
    c = det.clause
    if c is None or c.subject is None or c.action is not c.verb or det.construction not in ("fault", "breakage", "destructive", "framing"):
        return []
    rw = phrasing()
    v = c.verb
    first = min(t.i for t in c.subject.subtree)
    last = max(t.i for t in v.subtree if not t.is_punct)
    obj = c.objects[0] if c.objects else None
    by = next((p for p in v.children if p.dep_ == "prep" and p.lower_ == "by"), None)
    gerund = next((g for g in by.children if g.dep_ == "pcomp" and g.tag_ == "VBG"), None) if by is not None else None
    lemma = verb_lemma_of(v.text)
    if gerund is not None and obj is not None:
        means = span_text(list(gerund.subtree))
        if lemma in rw["causal_verbs"]:
            rest = span_text([t for t in v.subtree if t.i > v.i and t.i not in {x.i for x in by.subtree} and not (t.is_punct and t.i == last + 1)])
            return [Candidate(replace_clause(sent, first, last, f"{means} {inflect(lemma, 'VBD')} {rest}"))]
        drop = set(rw["dropped_adverbs"])
        own = [t for t in v.subtree if t.i not in {x.i for x in by.subtree} | {x.i for x in c.subject.subtree} and not t.is_punct]
        main = verb_phrase_passive(v, own, False, drop)
        how = verb_phrase_passive(gerund, [t for t in gerund.subtree if not t.is_punct], False, drop, present=is_present(v))
        if main is None or how is None:
            return []
        return [Candidate(replace_clause(sent, first, last, f"{main[0]} {main[1]} when {how[0]} {how[1]}"))]
    heads = set(rw["instrument_heads"])
    tool = next((g for p in [*v.children, *(obj.subtree if obj is not None else ())] if p.dep_ == "prep" and p.lower_ == "with"
                 for g in p.children if g.dep_ == "pobj" and g.lemma_.lower() in heads), None)
    if tool is None or obj is None:
        return []
    past = rw["instrument_verbs"].get(lemma) or (v.text if ctx.cache["blame.lexicon"].verbs["breakage"].match(v) else None)
    if past is None:
        return []
    prep = tool.head
    skip = {t.i for t in prep.subtree} | {t.i for t in c.subject.subtree} | {v.i}
    rest = span_text([t for t in v.subtree if t.i not in skip and t.i > v.i and not (t.is_punct and t.i == last + 1)])
    named = span_text(list(tool.subtree))
    poss = next((t for t in tool.children if t.dep_ == "poss" and t.pos_ == "PRON"), None)
    if poss is not None:  # "their last release" -> "the last release"
        named = span_text([t for t in tool.subtree if t != poss])
        named = f"the {named}"
    return [Candidate(replace_clause(sent, first, last, f"{named} {past} {rest}"))]


def _proceeded(det: "Detection", sent: Span, ctx: "Context") -> list[Candidate]:
    """"went ahead with the migration even though the dry run had failed" -> "The
    migration went ahead even though ..."."""
    c = det.clause
    if c is None or c.subject is None or c.objects:
        return []
    v = c.verb
    words = f"{verb_lemma_of(v.text)} " + " ".join(x.lower_ for x in v.children if x.dep_ in ("advmod", "prt") and x.i == v.i + 1)
    if words.strip() not in phrasing()["proceed_phrases"]:
        return []
    prep = next((p for p in v.children if p.dep_ == "prep" and p.lower_ == "with"), None)
    thing = next((g for g in prep.children if g.dep_ == "pobj"), None) if prep is not None else None
    if thing is None or thing.pos_ == "PRON":
        return []
    first = min(t.i for t in c.subject.subtree)
    last = max(t.i for t in v.subtree if not t.is_punct)
    # "the migration despite the red checks": the concession belongs to the going ahead
    moved = {t.i for c in thing.children if c.dep_ == "prep" and c.lower_ in ("despite", "against", "without") for t in c.subtree}
    name = span_text([t for t in thing.subtree if t.i not in moved and not (t.is_punct and t.i == thing.right_edge.i)])
    rest = span_text([t for t in v.subtree if (t.i > prep.right_edge.i or t.i in moved) and not (t.is_punct and t.i == last + 1)])
    went = "goes" if is_present(v) else "went"
    return [Candidate(replace_clause(sent, first, last, " ".join(x for x in (name, went, "ahead", rest) if x)))]


def requirement(c: "Clause", passive: str) -> str | None:
    """The analysis framing of an action done without a safeguard: "restarted the
    primary without a canary" -> "Nothing required a canary before the primary was
    restarted". ``passive`` is the clause's agentless form without the "without" phrase."""
    prep = next((p for p in c.action.children if p.dep_ == "prep" and p.lower_ == "without"), None)
    what = next((g for g in prep.children if g.dep_ in ("pobj", "pcomp")), None) if prep is not None else None
    if what is None or what.pos_ != "NOUN" or "," in passive or any(t.lower_ in PERSONAL_WORDS for t in what.subtree):
        return None  # "without asking": a gerund with nobody left to do it
    return f"nothing required {span_text(list(what.subtree))} before {passive}"


PERSONAL_WORDS = frozenset({"he", "she", "him", "her", "his", "hers", "i", "me", "my", "they", "them", "their", "anyone", "anybody", "you"})


# ---------------------------------------------------------------- phrased from rule data


def _responsibility(det: "Detection", sent: Span, ctx: "Context") -> list[Candidate]:
    """"Ravi is to blame for the data loss", "Responsibility for the outage lies with
    Bartosz", "the outage was Wanjiru's fault" -> "Nothing in <system> prevented <the loss>"."""
    from . import document_system

    if det.target is None or det.construction not in ("blame-noun", "possessive") or not det.evidence:
        return []
    nouns = set(phrasing()["responsibility_words"])
    word = next((t for t in det.evidence if t.lemma_.lower() in nouns or t.lower_ in nouns), None)
    if word is None or sent.root not in (word, word.head, word.head.head):
        return []  # the sentence is about more than whose fault it was
    person = {t.i for t in det.target.subtree}
    outcome = None
    for tok in (word, word.head):
        prep = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "for"), None)
        if prep is not None:
            outcome = next((c for c in prep.children if c.dep_ == "pobj"), None)
            break
    if outcome is None and word.dep_ == "attr":
        outcome = next((c for c in word.head.children if c.dep_ == "nsubj"), None)
    if outcome is None or outcome.pos_ not in ("NOUN", "PROPN") or person & {t.i for t in outcome.subtree}:
        return []
    system = document_system(ctx, sent)
    what = span_text(list(outcome.subtree))
    if outcome.left_edge.i == sent.start and outcome.left_edge.pos_ != "PROPN":
        what = what[:1].lower() + what[1:]
    return [Candidate(_finish(f"nothing in {system} prevented {what}"), "generic" if system == phrasing()["default_system"] else "system")]


def _kept_modifiers(verb: Token, used: set[int]) -> str:
    """What a person's clause says besides the idiom: when, how often, until what."""
    keep_preps = set(phrasing()["kept_prepositions"])
    kept: list[Token] = []
    for c in verb.children:
        if c.i in used:
            continue
        if any(t.lower_ in PERSONAL_WORDS or t.lower_.endswith("self") for t in c.subtree):
            continue  # "kept it to herself": the person's part of the idiom
        if (c.dep_ in ("advmod", "npadvmod") and c.lower_ not in phrasing()["dropped_adverbs"]) or (
            c.dep_ == "prep" and c.lower_ in keep_preps) or c.dep_ in ("advcl",):
            kept.extend(c.subtree)
    return span_text(kept)


def idiom_phrase(verb: Token, gloss: str, negate: bool = False) -> tuple[str, str] | None:
    """(thing, predicate) for an idiom clause: "sat on our request for three weeks" ->
    ("our request", "waited for three weeks"); None when the idiom has no rewrite."""
    data = phrasing()["idioms"].get(gloss)
    if not data or "thing" not in data:
        return None
    thing_preps = set(data.get("via", ["on", "of", "with", "through"]))
    thing: Token | None = None
    prep_used: Token | None = None
    # "made a pig's ear of X", "kicked the can down the road on X": the preposition
    # may hang off the idiom's own words rather than the verb
    holders = [verb] + [c for c in verb.children if c.dep_ in ("dobj", "obj", "prep", "acomp", "advmod", "oprd", "attr")]
    holders += [g for h in holders[1:] for g in h.children if g.dep_ in ("pobj",)]
    for c in (x for h in holders for x in h.children):
        if c.dep_ == "prep" and c.lower_ in thing_preps:
            thing = next((g for g in c.children if g.dep_ in ("pobj", "pcomp")), None)
            prep_used = c
            if thing is not None:
                break
    if thing is None and data.get("object", True):
        thing = next((c for c in verb.children if c.dep_ in ("dobj", "obj") and c.lemma_.lower() not in data.get("not_objects", [])), None)
    if thing is None or thing.pos_ in ("PRON",) or thing.tag_ == "VBG" or cut_short(thing, ""):
        return None
    if data.get("operation") and thing.lemma_.lower() not in phrasing()["operation_nouns"]:
        return None
    used = {verb.i} | {t.i for c in verb.children if c.dep_ in ("dobj", "obj", "prt", "nsubj", "aux", "neg", "acomp", "oprd", "attr", "dative")
                       or (c.dep_ == "prep" and c.lower_ not in set(phrasing()["kept_prepositions"])) for t in c.subtree}
    if prep_used is not None:
        used |= {t.i for t in prep_used.subtree}
    idiom_words = set(gloss.lower().split())  # "went ham": "ham" is the idiom, not a modifier
    used |= {t.i for t in verb.subtree if t.lower_ in idiom_words and t.i not in {x.i for x in thing.subtree}}
    plural = thing.tag_ in ("NNS", "NNPS")
    be = ("are" if plural else "is") if is_present(verb) else ("were" if plural else "was")
    text = _np(thing)
    pred = data["thing"].replace("{be}", be)
    if is_present(verb):
        pred = pred.replace("slipped", "slips").replace("waited", "waits").replace("went", "goes")
    return text, " ".join(x for x in (pred, _kept_modifiers(verb, used)) if x)


def _idiom(det: "Detection", sent: Span, ctx: "Context") -> list[Candidate]:
    """Idioms rewritten from their rule data; "dropped the ball on renewing X" restated
    as the omission it describes."""
    from ..checks.blame.framing import idiom_match

    c = det.clause
    if det.construction != "idiom" or c is None or c.subject is None:
        return []
    if any(x.dep_ == "conj" and x.pos_ == "VERB" for x in c.action.children):
        return coordinated(c, sent, False, set(), ctx.cache["blame.lexicon"])
    gloss = idiom_match(c, ctx.cache["blame.lexicon"]) or ""
    data = phrasing()["idioms"].get(gloss) or {}
    first = min(t.i for t in c.subject.subtree)
    last = max(t.i for t in c.action.subtree if not t.is_punct)
    if data.get("action") == "not-done":
        gerund = next((g for p in c.action.children if p.dep_ == "prep" for g in p.children if g.dep_ == "pcomp" and g.tag_ == "VBG"), None)
        if gerund is not None:
            obj = span_text([t for t in gerund.subtree if t.i > gerund.i])
            return [Candidate(_finish(f"{_np(c.subject)} did not {verb_lemma_of(gerund.text)} {obj}"), restated=True)]
    phrase = idiom_phrase(c.action, gloss)
    if phrase is None:
        return []
    thing, pred = phrase
    return [Candidate(replace_clause(sent, first, last, f"{thing} {pred}"))]


def _directive(det: "Detection", sent: Span, ctx: "Context") -> list[Candidate]:
    """"make sure Bob never touches production again" -> "make sure production cannot be
    touched by mistake again"; "Remind Priya to follow the runbook" -> "Make sure the
    runbook is followed"."""
    if det.construction != "directive" or det.target is None:
        return []
    person = det.target
    verb = person.head
    drop = set(phrasing()["dropped_adverbs"])
    if person.dep_ == "nsubj" and verb.dep_ == "ccomp":
        opener = verb.head  # "make (sure)"
        obj = next((c for c in verb.children if c.dep_ in ("dobj", "obj")), None)
        if obj is None or obj.pos_ == "PRON":
            return []
        rest = span_text([t for t in verb.subtree if t.i > obj.right_edge.i and not t.is_punct and t.lower_ not in drop])
        head = span_text([t for t in opener.subtree if t.i < person.i and t.i >= opener.i])
        never = any(c.lower_ in ("never", "not", "n't") for c in verb.children)
        mid = "cannot be" if never else "is"
        tail = " ".join(x for x in (participle_of(verb), "by mistake" if never else "", rest) if x)
        start = opener.i
        end = max(t.i for t in verb.subtree if not t.is_punct)
        return [Candidate(render(sent, {start: f"{head} {span_text(list(obj.subtree))} {mid} {tail}"}, set(range(start + 1, end + 1))))]
    if person.dep_ in ("dobj", "obj") and verb.lemma_.lower() in phrasing()["reminding_verbs"]:
        x = next((c for c in verb.children if c.dep_ == "xcomp"), None)
        if x is None:
            return []
        own = [t for t in x.subtree if t.lower_ not in drop and not (t.dep_ == "aux" and t.lower_ == "to")]
        phrase = verb_phrase_passive(x, own, False, drop, present=True)
        if phrase is None:
            return []
        start = verb.i
        end = max(t.i for t in x.subtree if not t.is_punct)
        word = "make" if verb.i == sent.start or sent.doc[verb.i - 1].text in (":", "-") else "make"
        return [Candidate(render(sent, {start: f"{word} sure {phrase[0]} {phrase[1]}"}, set(range(start + 1, end + 1))))]
    return []


def _self_approval(det: "Detection", sent: Span, ctx: "Context") -> list[Candidate]:
    """"Nour approved and merged her own pull request" -> "The pull request was approved
    without a second reviewer and merged"."""
    c = det.clause
    if det.construction != "self-approval" or c is None or c.subject is None:
        return []
    own = next((t for t in sent if t.lower_ == "own" and t.head.pos_ == "NOUN"), None)
    if own is None:
        return []
    noun = own.head
    poss = [t for t in noun.children if t.dep_ == "poss"]
    thing = span_text([t for t in noun.subtree if t.i <= noun.i and t != own and t not in poss])
    thing = f"the {thing}" if poss else thing
    top = c.action
    while top.dep_ == "conj":  # "approved and merged her own pull request": from the first verb
        top = top.head
    verbs = [top] + [x for x in top.children if x.dep_ == "conj" and x.pos_ == "VERB"]
    be = "were" if noun.tag_ == "NNS" else "was"
    parts = []
    for i, v in enumerate(verbs):
        word = participle_of(v)
        prt = next((x.text for x in v.children if x.dep_ == "prt"), "")
        used = {v.i} | {t.i for x in v.children if x.dep_ in ("dobj", "prt", "nsubj", "cc", "conj", "punct") or (x.dep_ == "prep" and x.lower_ == "on") for t in x.subtree}
        extra = _kept_modifiers(v, used)
        label = phrasing()["self_approval"] if i == 0 else ""
        parts.append(" ".join(x for x in (word, prt, label, extra) if x))
    first = min(t.i for t in c.subject.subtree)
    last = max(t.i for t in top.subtree if not t.is_punct)
    return [Candidate(replace_clause(sent, first, last, f"{thing} {be} " + " and ".join(parts)))]


def _clause_object(det: "Detection", sent: Span, ctx: "Context") -> list[Candidate]:
    """Omissions whose object is a clause: "didn't check whether the migration could be
    reversed" -> "It was not checked whether ..."; "failed to notice that ..." ->
    "It went unnoticed that ..."."""
    c = det.clause
    if c is None or c.subject is None or c.objects or c.subject.dep_ == "conj":
        return []
    forgot = verb_lemma_of(c.action.text) in phrasing()["overlooked_verbs"]
    if det.construction != "omission" and not forgot:
        return []
    comp = next((x for x in c.action.children if x.dep_ == "ccomp" and (forgot or any(
        m.dep_ == "mark" or m.tag_ in ("WDT", "WP", "WRB") for m in x.children))), None)
    if comp is None:
        return []
    # "forgot the cron was still pointing at ...": the "that" the writer left out
    bare = not any(m.dep_ == "mark" or m.tag_ in ("WDT", "WP", "WRB") for m in comp.children) and comp.left_edge.tag_ not in ("WDT", "WP", "WRB")
    lemma = verb_lemma_of(c.action.text)
    outcome = phrasing()["outcome_phrases"].get(lemma)
    if forgot:  # "forgot that the cache was shared": nobody kept it in mind, which is not "was not forgotten"
        pred = "was overlooked"
    else:
        pred = outcome.replace("{be}", "was") if outcome and outcome.startswith("went") else f"was not {participle_of(c.action)}"
    first = min(t.i for t in c.subject.subtree)
    last = max(t.i for t in comp.subtree if not t.is_punct)
    body = span_text([t for t in comp.subtree if t.lower_ not in phrasing()["dropped_adverbs"] and not (t.is_punct and t.i == comp.right_edge.i)])
    body = f"that {body}" if bare else body
    return [Candidate(replace_clause(sent, first, last, f"it {pred} {body}"))]


def plain_passive(sent: Span) -> Candidate | None:
    """A restated sentence the blame check does not flag but that still has the person
    as its subject ("Lior typed the command"): its main clause, agentless."""
    root = sent.root
    subj = next((c for c in root.children if c.dep_ == "nsubj"), None)
    if subj is None or root.pos_ != "VERB":
        return None
    own = [t for t in root.subtree if t.i not in {x.i for x in subj.subtree} and not (t.is_punct and t.i == sent.end - 1)]
    phrase = verb_phrase_passive(root, own, False, set(phrasing()["dropped_adverbs"]))
    if phrase is None:
        return None
    first = min(t.i for t in subj.subtree)
    last = max(t.i for t in own)
    return Candidate(replace_clause(sent, first, last, f"{phrase[0]} {phrase[1]}"))


# ---------------------------------------------------------------- coordinated actions


def _conjuncts(verb: Token) -> list[Token]:
    out = [verb]
    for c in verb.children:
        if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") and not any(s.dep_ in ("nsubj", "nsubjpass", "expl") for s in c.children):
            out.extend(_conjuncts(c))
    return out


def coordinated(c: "Clause", sent: Span, negate: bool, drop: set[str], lex: object) -> list[Candidate]:
    """"misconfigured the firewall and blocked the provider's range" -> "The firewall was
    misconfigured and the provider's range was blocked": every half keeps its own
    object and tense; a half that is only a judgement ("shot from the hip") goes, a
    half with no faithful passive makes the whole rewrite absent."""
    from ..checks.blame.framing import idiom_match

    if c.subject is None or c.action is not c.verb and not negate:
        return []
    verbs = _conjuncts(c.action)
    if len(verbs) < 2 and (c.objects or verb_lemma_of(c.action.text) not in phrasing()["implied_objects"]):
        return []  # one verb with an object is the clause passive's; without one, only a delivery verb
    lex_idioms = phrasing()["idioms"]
    pieces: list[tuple[Token, str, str, str]] = []  # (verb, joiner, subject, predicate)
    manner = ""
    last_subject = ""
    for n, v in enumerate(verbs):
        # the conjunct's own words: not the next conjuncts, their "and", the shared subject
        nested = {t.i for x in v.children if x in verbs or x.dep_ == "cc" for t in x.subtree}
        nested |= {x.i for x in v.children if x.dep_ == "punct" and any(y.i > x.i for y in verbs if y.head == v)}
        nested |= {t.i for t in c.subject.subtree}
        nested |= {t.i for t in v.children if t.is_punct and t.i > verbs[-1].i}
        own = [t for t in v.subtree if t.i not in nested]
        cc = next((x for x in sent.doc[max(v.i - 3, sent.start): v.i] if x.dep_ == "cc"), None) if n else None
        joiner = "" if n == 0 else (("," if sent.doc[cc.i - 1].text == "," else "") + f" {cc.text} " if cc is not None else ", ")
        if n and _departed(v, lex):
            # "closed the alert and went to bed": the action was left with nobody on it
            pieces.append((v, joiner, "it", phrasing()["departure"]))
            continue
        gloss = idiom_match(_Slot(v), lex)
        if gloss is not None:
            data = lex_idioms.get(gloss) or {}
            if "alone" in data:
                manner = data["alone"] if data["alone"] != "drop" else manner
                continue
            phrase = idiom_phrase(v, gloss)
            if phrase is None:
                return []
            pieces.append((v, joiner, phrase[0], phrase[1]))
            last_subject = phrase[0]
            continue
        neg = negate and n == 0 or any(x.dep_ == "neg" or x.lower_ == "never" for x in v.children)
        phrase = verb_phrase_passive(v, own, neg, drop)
        if phrase is None:
            return []
        subject, pred = phrase
        pieces.append((v, joiner, subject, pred))
        last_subject = subject
    if not pieces:
        return []
    parts: list[str] = []
    for n, (v, joiner, subject, pred) in enumerate(pieces):
        if n == 0:
            joiner = ""
        elif not joiner.strip(", "):
            joiner = " and "
        if n == 0 and manner:
            pred = _with_manner(pred, manner)
        # "turned off the alert and never turned it back on": "it" is the first object,
        # unless the first half says that object never came to be ("did not request a review")
        if n and subject.lower() in ("it", "them") and not pieces[0][3].split(" ")[1:2] == ["not"]:
            be = "is" if is_present(v) else "was"
            parts.append(f"{joiner}{pred.replace('{be}', be)}")
        else:
            parts.append(f"{joiner}{subject} {pred}")
    first = min(t.i for t in c.subject.subtree)
    last = max(t.i for v in verbs for t in v.subtree if not t.is_punct)
    return [Candidate(replace_clause(sent, first, last, "".join(parts)))]


def _departed(v: Token, lex: object) -> bool:
    """"logged off", "went to bed", "left on holiday", with nothing else said in the half."""
    lemma = verb_lemma_of(v.text)
    if lemma == "go":
        return any(t.lower_ in phrasing()["departure_places"] for t in v.subtree)
    return lex.verbs["departure"].match(v) and not any(c.dep_ in ("dobj", "obj") or c.like_num for c in v.subtree if c != v)


def _with_manner(pred: str, manner: str) -> str:
    words = pred.split(" ")
    at = next((i for i, w in enumerate(words) if w.endswith(("ed", "en")) and i > 0), len(words) - 1)
    return " ".join(words[: at + 1] + [manner] + words[at + 1 :])


@dataclass
class _Slot:
    """The one slot idiom matching reads (``clause.action``), for a conjunct verb."""

    action: Token


# ---------------------------------------------------------------- judgements of care


def judgement(det: "Detection", sent: Span, ctx: "Context") -> list[Candidate]:
    """"was careless with the kubeconfig" -> "Nothing protected the kubeconfig from
    mistakes"; "has been lazy about patching the hosts" -> "Patching the hosts has
    lagged"; "should have known better than to run DDL at peak" -> the act itself."""
    word = det.evidence[0] if det.evidence else None
    c = det.clause
    if word is None or c is None or c.subject is None:
        return []
    first = min(t.i for t in c.subject.subtree)
    last = max(t.i for t in c.verb.subtree if not t.is_punct)
    rw = phrasing()
    # "should have known better than to run DDL": what they did, said in a further round
    better = word if word.lower_ == "better" else next((t for t in word.children if t.lower_ == "better"), None)
    if better is not None:
        act = next((t for t in better.subtree if t.pos_ == "VERB" and any(m.lower_ == "than" for m in t.children)), None)
        if act is not None:
            rest = span_text([t for t in act.subtree if t.i > act.i and not t.is_punct])
            return [Candidate(_finish(f"{_np(c.subject)} {inflect(verb_lemma_of(act.text), 'VBD')} {rest}"), restated=True)]
        return []
    prep = next((p for p in word.children if p.dep_ == "prep" and p.lower_ in rw["care_phrases"]), None)
    if prep is None or word.dep_ not in ("acomp", "attr"):
        return []
    obj = next((g for g in prep.children if g.dep_ in ("pobj", "pcomp")), None)
    if obj is None or obj.pos_ == "PRON":
        return []
    perfect = any(a.lower_ in ("has", "have") for a in c.verb.children if a.dep_ == "aux")
    thing = span_text(list(obj.subtree))
    template = rw["care_phrases"][prep.lower_]
    text = template.replace("{thing}", thing).replace("{has}", "has " if perfect else "")
    text = text.replace("{lagged}", "lagged")
    return [Candidate(replace_clause(sent, first, last, text), "system" if "nothing" in text.lower() else "event")]
