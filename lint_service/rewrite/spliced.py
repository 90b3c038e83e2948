"""A person's act rewritten on its own, and what follows it put back as written.

Two shapes (issue 11, branch rewrite12) leave the clause strategies without a rewrite
because the sentence says more than the act:

- the act's consequence as a further act of the same person: "During the window I
  patched the wrong port and cut 900 subscribers off the network" -> "During the
  window the wrong port was patched, which cut 900 subscribers off the network". The
  consequence verb (``consequence_verbs`` in rules/rewrites.yaml) keeps its
  words; only the act before it loses its subject.
- a clause of its own after a separator: "14:05 I restarted the primary; writes
  failed for 6 minutes", "..., is there any way to get the state back?". The clause
  stays as written unless it still names a person ("how do I get them back?"): then
  there is no rewrite, since dropping the writer's question loses what they asked.

The act alone is parsed again and rewritten by :func:`lint_service.rewrite.suggest`
(verified there); the whole is verified again by the fallback that calls these.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from .candidate import PERSONAL_WORDS, Candidate
from .coordination import _conjuncts
from .text import phrasing, verb_lemma_of

if TYPE_CHECKING:
    from ..checks.blame.clauses import Clause
    from ..checks.blame.recognizers import Detection
    from ..checks.registry import Context

# A clause after one of these is a sentence of its own; after a comma only a question is.
_BREAKS = (";", "—", "–")
# Words of a kept clause that still point at a person (the writer, the one blamed).
_PERSONAL = PERSONAL_WORDS | {"we", "us", "our", "myself", "yourself"}
# The last word of the rewritten act before ", which": not a noun, which would take the
# "which" as its own ("patched on the core router, which cut ..." reads as the router)
_NOT_BEFORE_WHICH = ("NOUN", "PROPN", "PRON", "NUM", "X")


def _act_alone(text: str, ctx: "Context") -> list[tuple[str, str]]:
    """Verified rewrites of ``text`` parsed as a sentence of its own, each with the
    part of speech of its last word; none when it is not one blamed sentence."""
    from . import suggest
    from ..checks.blame.engine import detect

    if ctx.parse is None:
        return []
    sents = list(next(iter(ctx.parse([text]))).sents)
    if len(sents) != 1:
        return []
    det = detect(sents[0], ctx.cache["blame.lexicon"])
    if det is None:
        return []  # the act alone blames nobody: the blame was in what followed
    found = suggest(det, sents[0], ctx)
    out = []
    for rewrite, doc in zip(found, ctx.parse(found)):
        words = [t for t in doc if not t.is_punct]
        if words:
            out.append((rewrite.rstrip(".!? "), words[-1].pos_))
    return out


def _outcome(verb: Token) -> bool:
    """A consequence verb (rules/rewrites.yaml), its particle read from any one-word
    dependent ("cut 900 subscribers off", "took two regions offline")."""
    from ..checks.blame.lexicon import VerbClass, verb_lemma

    verbs = VerbClass(phrasing()["consequence_verbs"])
    lemma = verb_lemma(verb)
    # the parser hangs a late particle anywhere in the clause ("cut 900 subscribers in Leeds off")
    return verbs.match(verb) or any(verbs.has(lemma, x.lower_) for x in verb.subtree if x.dep_ in ("prt", "prep", "advmod"))


def _names_someone(tokens: list[Token], words: frozenset[str] = _PERSONAL) -> bool:
    return any(t.lower_ in words or t.ent_type_ == "PERSON" for t in tokens)


def _closing(sent: Span) -> str:
    end = sent.text.rstrip()[-1:]
    return end if end in ".!?" else ""


def act_then_consequence(det: "Detection", sent: Span, ctx: "Context") -> list[Candidate]:
    """"I patched the wrong port and cut 900 subscribers off": the act passive, the
    consequence joined by "which" (or "; this" after a noun) with its words kept."""
    c = det.clause
    if c is None or c.subject is None or c.modal or c.conditional or c.negated or c.passive:
        return []
    verbs = _conjuncts(c.action)
    if len(verbs) < 2 or c.verb not in verbs[:-1]:
        return []
    last = verbs[-1]
    if not _outcome(last):
        return []
    own = [t for t in last.subtree if not (t.is_punct and t.i == last.right_edge.i)]
    after = [t for t in sent if t.i > own[-1].i]
    if any(not t.is_punct for t in after) or any(x.dep_ in ("neg", "aux", "auxpass") or x.lower_ == "never" for x in last.children):
        return []  # words after the consequence, or a consequence that did not happen
    if _names_someone(own, PERSONAL_WORDS) or any(t.i < last.i and t.dep_ in ("nsubj", "nsubjpass", "expl") for t in own):
        return []  # "and cut them off", "... and we lost": the clause is not the act's outcome alone
    start = own[0].i
    # the "and" (and a comma) before the consequence go with it
    while start - 1 > sent.start and (sent.doc[start - 1].dep_ == "cc" or sent.doc[start - 1].text == ","):
        start -= 1
    act = sent.doc[sent.start:start].text.rstrip(" ,") + "."
    words = [t for t in own if not (t.dep_ == "advmod" and t.lower_ == "then" and t.head == last)]
    consequence = "".join(t.text_with_ws for t in words).strip()
    end = _closing(sent)
    out = []
    for body, last_pos in _act_alone(act, ctx):
        joiner = ", which " if last_pos not in _NOT_BEFORE_WHICH else "; this "
        out.append(Candidate(f"{body}{joiner}{consequence}{end}"))
    return out


def _separated(sent: Span) -> Token | None:
    """The separator after the blamed act before a clause of its own: a semicolon or a
    dash before any clause, a comma before a question ending the sentence."""
    question = sent.text.rstrip().endswith("?")
    for p in sent:
        if p.text not in _BREAKS and not (p.text == "," and question):
            continue
        tail = [t for t in sent if t.i > p.i]
        roots = [t for t in tail if t.head.i <= p.i or t.head == t]
        heads = [t for t in roots if t.pos_ in ("VERB", "AUX")]
        # the clause's own subject, or the inverted auxiliary of a question ("can anything ...")
        if len(heads) == 1 and any(x.dep_ in ("nsubj", "nsubjpass", "expl") or (x.dep_ == "aux" and x.i < heads[0].i)
                                   for x in heads[0].children if x.i > p.i):
            return p
    return None


def act_then_clause(det: "Detection", sent: Span, ctx: "Context") -> list[Candidate]:
    """"14:05 I restarted the primary; writes failed for 6 minutes": the act rewritten
    alone, the clause after it kept as written when it names no one."""
    c = det.clause
    p = _separated(sent)
    if c is None or c.subject is None or p is None or not (c.subject.i < p.i and c.verb.i < p.i):
        return []
    tail = [t for t in sent if t.i > p.i]
    if _names_someone(tail):
        return []  # "how do I get them back?": the writer's question still names the writer
    act = sent.doc[sent.start:p.i].text.rstrip(" ,") + "."
    rest = sent.doc[p.i + 1:sent.end].text.strip()
    joiner = "; " if p.text == ";" else f" {p.text} " if p.text != "," else ", "
    return [Candidate(f"{body}{joiner}{rest}") for body, _pos in _act_alone(act, ctx)]


def acts_alike(c: "Clause") -> bool:
    """The blamed act is the second of two joined by "and" whose first is an act too
    ("copied the credentials into the harness and then ran it against prod"): said half
    by half from the first (``coordination.from_first_act``). A first half that is a state
    ("was half-asleep and ran the purge"), a belief or "had" is the person's, not an act."""
    first = c.subject.head if c.subject is not None else None
    if first is None or c.verb.dep_ != "conj" or c.verb.head != first or first.pos_ != "VERB":
        return False
    lemma = verb_lemma_of(first.text)
    if lemma in ("be", "have", "get", "know") or lemma in phrasing()["mental_verbs"] or lemma in phrasing()["state_verbs"]:
        return False
    # "unplugged the rack, wiped the disks and crashed the cluster": in a list of three the
    # "and" hangs on the middle act; still one list of acts joined by a single "and"
    chain = [first]
    while (nxt := next((x for x in chain[-1].children if x.dep_ == "conj" and x.pos_ == "VERB"
                        and not any(s.dep_ in ("nsubj", "nsubjpass") for s in x.children)), None)) is not None:
        chain.append(nxt)
    cc = [x for v in chain for x in v.children if x.dep_ == "cc" and first.i < x.i <= chain[-1].i]
    return c.verb in chain and len(cc) == 1 and cc[0].lower_ == "and" and not any(x.dep_ == "neg" for x in first.children)
