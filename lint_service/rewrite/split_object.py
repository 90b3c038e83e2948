"""Objects the parser splits off their head noun: "botched the Kafka | upgrade/VB",
"screwed up the database | failover/advmod", "disabled | autoscaling/VBG".

The small model often reads the last word of a compound object as a verb or an
adverb of the clause. The clause passive refuses such objects (it would say "The
Kafka was botched"); here the object is rejoined from the surface order — the
determiner-led phrase and the bare noun that follows it with nothing of its own
before it — and the clause is said without its person. A "by <-ing>" means stays
as what was done, as the clause passive says it ("The Kafka upgrade went wrong when
every broker was restarted at once"), never as a dangling "by".
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from .candidate import PERSONAL_WORDS, Candidate
from .clause import _tensed, is_present, participle_of, verb_phrase_passive
from .people import replace_clause
from .text import phrasing, span_text, trailing_punct, verb_lemma_of

if TYPE_CHECKING:
    from ..checks.blame.clauses import Clause
    from ..checks.blame.recognizers import Detection
    from ..checks.registry import Context

# where the parser puts the split-off head word of the object
_SPLIT_DEPS = ("advmod", "npadvmod", "xcomp", "dobj", "compound", "ccomp")


def _rejoined(c: "Clause", calendar: frozenset[str] = frozenset()) -> tuple[list[Token], Token] | None:
    """(the object's words, its head word) when the parser split the object; never a word of
    ``calendar`` (rules/blame_terms.yaml ``calendar_words``: "yesterday", "Tuesday")."""
    v = c.verb
    if c.objects:
        obj = c.objects[0]
        nxt = obj.doc[obj.right_edge.i + 1] if obj.right_edge.i + 1 < len(obj.doc) else None
        if nxt is None or nxt.head != v or nxt.dep_ not in _SPLIT_DEPS or obj.pos_ not in ("NOUN", "PROPN"):
            return None
        if any(t.dep_ == "det" for t in obj.subtree if t.i > obj.i) or not any(t.dep_ == "det" for t in obj.subtree):
            return None  # "the database" then "failover": one determiner leads the whole phrase
        words = [*obj.subtree, nxt]
    else:
        # "disabled autoscaling on the cluster": a bare -ing right after the verb is its object
        nxt = v.doc[v.i + 1] if v.i + 1 < len(v.doc) else None
        if nxt is None or nxt.head != v or nxt.dep_ != "xcomp" or nxt.tag_ != "VBG" or any(x.dep_ != "prep" for x in nxt.children):
            return None
        if verb_lemma_of(v.text) in phrasing()["catenative_verbs"]:
            return None  # "kept retrying", "stopped paging": the -ing is an act, not a thing
        words = [nxt]
    if c.objects and verb_lemma_of(v.text) in phrasing()["placing_verbs"]:
        return None  # "took the cluster offline": the word after the object is the state it was put in
    if nxt.lower_ in calendar:
        return None  # (rewrite30) "wiped the shared cache | yesterday": when it was done, not the object's head
    if nxt.tag_ not in ("NN", "NNS", "VB", "VBG") or any(x.i < nxt.i for x in nxt.children) or nxt.lower_ in PERSONAL_WORDS \
            or nxt.lower_ in phrasing()["apology_words"]:
        return None  # "dropped the users table lol": the chat word is no part of the table
    return words, nxt


def _means(by: Token, present: bool) -> str | None:
    """"by restarting every broker at once" -> "every broker was restarted at once"."""
    gerund = next((g for g in by.children if g.dep_ == "pcomp" and g.tag_ == "VBG"), None)
    if gerund is None or any(t.lower_ in PERSONAL_WORDS for t in gerund.subtree):
        return None
    said = verb_phrase_passive(gerund, list(gerund.subtree), False, set(phrasing()["dropped_adverbs"]), present=present)
    return f"{said[0]} {said[1]}" if said else None


def split_object(det: "Detection", sent: Span, ctx: "Context") -> list[Candidate]:
    c = det.clause
    if c is None or c.subject is None or c.action is not c.verb or c.modal or c.conditional or c.passive:
        return []
    if det.construction not in ("fault", "framing", "destructive", "omission"):
        return []
    v = c.verb
    if any(x.dep_ == "conj" and x.pos_ in ("VERB", "AUX") and not any(s.dep_ in ("nsubj", "nsubjpass") for s in x.children) for x in v.children):
        return []  # "fat-fingered the block and blackholed ...": the second verb would get the object as subject
    lex = ctx.cache.get("blame.lexicon")
    found = _rejoined(c, frozenset(lex.terms.get("calendar_words", ())) if lex is not None else frozenset())
    if found is None or c.subject.i > v.i:
        return []
    words, head = found
    taken = {t.i for t in words}
    rw = phrasing()
    drop = set(rw["dropped_adverbs"]) | set(ctx.cache["blame.lexicon"].terms["judgement_adverbs"])
    negate = det.construction == "omission" or c.negated
    now = is_present(v)
    plural = head.tag_ == "NNS"
    be = ("are" if plural else "is") if now else ("were" if plural else "was")
    particle = next((x for x in v.children if x.dep_ == "prt"), None)
    before = [x for x in v.children if x.i < v.i and x.dep_ == "advmod" and x.lower_ not in drop and x.tag_ != "WRB"]
    # "autoscaling on the cluster": what hangs off the head word follows the verb
    after = [span_text([t for t in head.subtree if t.i > head.i and not (t.is_punct and t.i == head.right_edge.i)])]
    means = None
    last = max(taken | {t.i for t in head.subtree})
    for x in v.children:
        if x.i <= max(taken) or x.is_punct or (particle is not None and x.i == particle.i):
            continue
        if x.dep_ in ("cc", "conj") or any(s.dep_ in ("nsubj", "nsubjpass") for s in x.children):
            break  # ", and we lost ...": the rest of the sentence stays as written
        if x.dep_ == "prep" and x.lower_ == "by":
            if (means := _means(x, now)) is None:
                return []
        elif any(t.lower_ in PERSONAL_WORDS for t in x.subtree):
            return []
        else:
            after.append(span_text(list(x.subtree)))
        last = max(last, max(t.i for t in x.subtree if not trailing_punct(t)))
    thing = span_text(words)
    lemma = verb_lemma_of(v.text)
    outcome = rw["outcome_phrases"].get(f"{lemma} {particle.text}" if particle is not None else lemma) or rw["outcome_phrases"].get(lemma)
    if outcome and not negate:
        said = _tensed(outcome, now, plural).replace("{be}", be)
    else:
        said = " ".join(x for x in (be, "not" if negate else "", span_text(before), participle_of(v),
                                    particle.text if particle is not None else "") if x)
    text = " ".join(x for x in (thing, said, *after) if x)
    if means:
        text = f"{text} when {means}"
    first = min(t.i for t in c.subject.subtree)
    return [Candidate(replace_clause(sent, first, last, text))]
