"""A clause of the writer's own beside the act a rewrite made (rewrite25, issue 11).

A forum post or an issue comment often goes on after the confessed act with the
writer's present situation or question ("A file was deleted, now I can't log in, what
do I do?"). The rewrite removed the writer as the act's doer, but in such a clause the
writer is still there to be the antecedent of its "I": the clause says nothing of the
fault. It keeps its "I" when, read off the candidate's parse,

- its verb has a first-person subject of its own, and is present tense, asks a
  question, carries a modal of ability or request (rules/rewrites.yaml
  ``writer_clauses.modals``). A time clause about the writer ("when I was a senior
  engineer") is never kept: with the writer gone from the act it reads as a timestamp
  and hides whose act it was (blind round 18: poor); "when I was tired" is a reason;
- its words stand in the original as written (outside what the rewrite rebuilt), and
  no clause the rewrite rebuilt hangs after its verb ("I mean X because it was
  overlooked": the writer's clause frames the act, it is not beside it);
- it is no past act of the writer's ("and I didn't tell anyone"), no perfect ("I have
  deleted"), no reason (``reason_marks``), no confession or apology (``confessions``),
  no feeling or state of theirs ("I feel terrible about the outage").
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from lemminflect import getInflection
from spacy.tokens import Span, Token

from .text import phrasing, verb_lemma_of

if TYPE_CHECKING:  # verify.py imports this module
    from .verify import Original

_CLAUSAL = frozenset({"ccomp", "conj", "parataxis", "advcl"})
_MARKS = frozenset({",", ";", ":", "—", "–", "-"})


def writers_own(pron: Token, cand: Span, orig: "Original") -> bool:
    """``pron``, a first-person pronoun left in ``cand``, is the writer's in a clause of
    their own that is not the blamed act (it may stay)."""
    if "i" not in orig.pronouns:
        return False  # someone else was removed: "I" was never theirs to keep
    if _lets_writer_tell(pron, cand, orig):
        return True
    verb = _clause_verb(pron)
    if verb is None or not any(c.dep_ == "nsubj" and c.lower_ == "i" for c in verb.children):
        return False  # "The cutoff is on me": a verdict on the writer, not their own clause
    own = _own_words(verb, cand)
    words = {t.lower_ for t in own} | {t.lemma_.lower() for t in own}
    rules = phrasing()["writer_clauses"]
    if words & set(rules["confessions"]):
        return False
    if any(c.dep_ in ("mark", "advmod") and c.lower_ in rules["reason_marks"] for c in verb.children):
        return False
    if any(c.dep_ == "attr" and c.lower_ == "one" and any(r.dep_ == "relcl" for r in c.children) for c in verb.children):
        return False  # (rewrite28) "and I am the one who has to fix it": who it was, said of the writer
    if not _present_situation(verb, cand, rules):
        return False
    return _as_written(own, cand, orig)


def writers_situation(verb: Token, pronoun: str) -> bool:
    """(rewrite28) ``verb``, an act joined to the writer's own act that says the writer
    again as its subject, is their present situation, not a second act: "I deleted the
    volume and I can't mount it now", "... and I need help restoring it". Coordinated
    acts are said agentless together; this one stays as written ("and a backup can't be
    found", "help restoring it is needed" turned the writer's plight into a report), and
    the verifier keeps its "I" by :func:`writers_own`. A past act ("and I forgot to
    rebuild it") or a confession is no situation."""
    if pronoun != "i":
        return False
    rules = phrasing()["writer_clauses"]
    words = {t.lower_ for t in verb.subtree} | {t.lemma_.lower() for t in verb.subtree}
    if words & set(rules["confessions"]):
        return False
    if verb.lemma_.lower() == "be" and any(c.dep_ in ("attr", "acomp") for c in verb.children):
        return False  # "and I am the one who has to fix it", "and I am so sorry": what the writer is, no plight
    lemma = verb_lemma_of(verb.text)
    if verb.lower_ != lemma and verb.lower_ in {f.lower() for f in getInflection(lemma, tag="VBD")}:
        return False  # "and I forgot/VBP to rebuild it": a past form the tagger read as present
    return _present_situation(verb, verb.sent, rules)


def _lets_writer_tell(pron: Token, cand: Span, orig: "Original") -> bool:
    """(rewrite28) "Let me explain how the cluster was wiped": the imperative "let me" that
    opens the sentence is the writer's frame of telling, not an act; its "me" stays when
    the frame stands in the original as written (rules/rewrites.yaml ``writer_clauses.telling``)."""
    root = cand.root
    if pron.lower_ != "me" or root.lemma_.lower() != "let" or root.i != cand.start or pron.head.head != root:
        return False
    if any(c.dep_ in ("nsubj", "aux") for c in root.children) or verb_lemma_of(pron.head.text) not in phrasing()["writer_clauses"]["telling"]:
        return False
    opening = cand.doc[root.i : pron.head.i + 1].text.lower()
    return orig.sent.text.lower().lstrip(" \"'“‘").startswith(opening)


def _clause_verb(pron: Token) -> Token | None:
    """The verb of the clause ``pron`` is in ("my" in "my laptop can't connect": "connect")."""
    for t in (pron, *pron.ancestors):
        if t.i != pron.i and t.pos_ in ("VERB", "AUX") and t.dep_ not in ("aux", "auxpass"):
            return t
    return None


def _own_words(verb: Token, cand: Span) -> list[Token]:
    """``verb``'s clause without a clause spliced before it ("X was deleted, | now I
    can't log in"): the parser often hangs the earlier clause on the later one."""
    subject = next(c for c in verb.children if c.dep_ == "nsubj")
    apart = [c for c in verb.children if c.dep_ in _CLAUSAL and c.right_edge.i < subject.i
             and any(cand.doc[i].text in _MARKS for i in range(c.right_edge.i + 1, subject.i))]
    gone = {t.i for c in apart for t in c.subtree}
    return [t for t in verb.subtree if t.i not in gone and cand.start <= t.i < cand.end]


def _present_situation(verb: Token, cand: Span, rules: dict) -> bool:
    """The clause is the writer's present, question, ability or request."""
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if verb.tag_ == "VBN" or any(a.tag_ == "VBD" for a in aux if a.lemma_.lower() != "be"):
        return False  # "I have deleted", "why did I run it?": an act of the writer's, past
    if verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in aux):
        return False
    if any(c.dep_ == "acomp" for c in verb.children):
        return False  # "I feel terrible about the outage": remorse or an excuse, no situation
    if any(a.tag_ == "MD" for a in aux):
        return any(a.tag_ == "MD" and a.lemma_.lower() in rules["modals"] for a in aux)
    present = verb.tag_ in ("VBP", "VBZ") or any(a.tag_ in ("VBP", "VBZ") for a in aux)
    last = cand.doc[verb.right_edge.i + 1] if verb.right_edge.i + 1 < len(cand.doc) else None
    asked = last is not None and last.text == "?"
    return present or asked


def _as_written(own: list[Token], cand: Span, orig: "Original") -> bool:
    """The clause's words, from its first to its last, stand in the original as written
    and none of them is one the rewrite may drop."""
    if not own:
        return False
    text = cand.doc.text[own[0].idx : own[-1].idx + len(own[-1].text)]
    sent = orig.sent
    at = sent.text.lower().find(text.lower())
    if at < 0:
        return False
    start = sent.start_char + at
    spanned = [t for t in sent if start <= t.idx < start + len(text)]
    return not any(t.i in orig.dropped for t in spanned)


def hedged(verb: Token) -> bool:
    """(rewrite31) "I'm pretty sure ...", "I am fairly certain ...": the writer's "be" with an
    adjective of confidence (rules/rewrites.yaml ``hedge_adjectives``) frames the claim that
    follows, as "I think" does."""
    return verb.lemma_ == "be" and any(c.dep_ == "acomp" and c.lower_ in phrasing()["hedge_adjectives"] for c in verb.children)
