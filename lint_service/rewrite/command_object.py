"""A command typed or run by the removed person: "Kemal ran rm -rf /data/* on the NFS
mount" -> "The command rm -rf /data/* was run on the NFS mount".

The small model has no parse for a shell or SQL command: it splits "VACUUM FULL" into
two objects, reads "rm -rf /data/*" as compounds and a stray adverb, so the clause
passive finds no object to front. After a verb of running a command (rule data:
``commands.verbs``), the words up to the first preposition are taken as written, when
they read as a command rather than a noun phrase (no determiner; a flag, a path, a
wildcard or a word in capitals), and the clause is said without its person. A command
that starts in lower case gets ``commands.subject`` before it, so that the sentence
does not open with "rm".
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from .candidate import PERSONAL_WORDS, Candidate
from .clause import is_present, participle_of
from .people import replace_clause
from .text import phrasing, span_text, trailing_punct, verb_lemma_of

if TYPE_CHECKING:
    from ..checks.blame.recognizers import Detection
    from ..checks.registry import Context


def _looks_like_command(words: list[Token]) -> bool:
    return any(t.text.startswith("-") or "/" in t.text or "*" in t.text or (t.is_upper and len(t.text) > 1)
               for t in words)


def command_words(verb: Token) -> list[Token] | None:
    """The command right after ``verb``, up to the first preposition, or None."""
    at = verb.i + 1
    end = at
    doc = verb.doc
    while end < len(doc) and doc[end].tag_ != "IN" and not (trailing_punct(doc[end]) and doc[end].text in ",.;:!?"):
        end += 1
    words = list(doc[at:end])
    if len(words) < 2 or any(t.tag_ in ("DT", "PRP$", "PRP", "CC") or t.lower_ in PERSONAL_WORDS for t in words):
        return None
    if any(t.head.i < verb.i or (t.head.i >= end and t.head != verb) for t in words):
        return None  # the words belong to something else in the sentence
    return words if _looks_like_command(words) or _read_as_clause(verb, words) else None


def _read_as_clause(verb: Token, words: list[Token]) -> bool:
    """"ran terraform destroy in the wrong workspace": a tool and its subcommand with no
    determiner, which the parser reads as a bare-infinitive clause ("terraform/nsubj
    destroy/VB"); after a verb of running no clause of that shape can follow, only a command."""
    last = words[-1]
    return last.tag_ == "VB" and last.dep_ == "ccomp" and last.head == verb and all(
        t.head == last and t.dep_ in ("nsubj", "compound") for t in words[:-1])


def command_run(det: "Detection", sent: Span, ctx: "Context") -> list[Candidate]:
    c = det.clause
    if c is None or c.subject is None or c.action is not c.verb or c.modal or c.conditional or c.passive or c.negated:
        return []
    v = c.verb
    rules = phrasing()["commands"]
    # "... and it took the whole VPC with it": a clause of its own joined after the act stays as written
    joined = _joined_clause(v)
    if verb_lemma_of(v.text) not in rules["verbs"] or c.subject.i > v.i or any(
            x.dep_ in ("conj", "cc") and x not in joined for x in v.children):
        return []
    words = command_words(v)
    if words is None or any({t.i for t in o.subtree} == {t.i for t in words} for o in c.objects):
        return []  # one object the parser read whole ("ran DROP TABLE users"): the clause passive's
    kept = {t.i for x in joined for t in x.subtree}
    if any(t.lower_ in PERSONAL_WORDS for t in v.doc if t.i in kept):
        return []
    rest = [t for t in v.subtree if t.i > words[-1].i and t.i not in kept and not (trailing_punct(t) and t.i == v.right_edge.i)]
    if any(t.lower_ in PERSONAL_WORDS or t.dep_ in ("nsubj", "advcl", "ccomp") for t in rest):
        return []  # "... on the mount he had just mounted": the person is still in the rest
    drop = set(phrasing()["dropped_adverbs"]) | set(ctx.cache["blame.lexicon"].terms["judgement_adverbs"])
    before = [x for x in v.children if x.i < v.i and x.dep_ == "advmod" and x.lower_ not in drop and x.tag_ != "WRB"]
    command = span_text(words)
    subject = f"{rules['subject']} {command}" if command[:1].islower() or not command[:1].isalpha() else command
    be = "is" if is_present(v) else "was"
    text = " ".join(x for x in (subject, be, span_text(before), participle_of(v), span_text(rest)) if x)
    first = min(t.i for t in c.subject.subtree)
    last = max([words[-1].i] + [t.i for t in rest])
    return [Candidate(replace_clause(sent, first, last, text))]


def _joined_clause(verb: Token) -> list[Token]:
    """The clause with a subject of its own joined to ``verb`` by "and" after it, with its
    "and" ("... and it took the VPC with it"); empty when there is none or more than one."""
    conj = [x for x in verb.children if x.dep_ == "conj"]
    cc = [x for x in verb.children if x.dep_ == "cc"]
    if len(conj) != 1 or len(cc) != 1 or cc[0].lower_ != "and" or not cc[0].i < conj[0].i \
            or not any(s.dep_ in ("nsubj", "nsubjpass", "expl") for s in conj[0].children):
        return []
    return [cc[0], conj[0]]
