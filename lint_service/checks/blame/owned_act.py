"""The doer named as "the one who" did a damaging act: "i was the one who deleted the
queue, sorry all", "you're the one who wiped the fixtures", "Ines was the one who
dropped the table".

Saying who "was the one who" did it picks that person out as the cause (rules 9, 17);
the act is read from the relative clause on "one". Credit ("I was the one who restored
the backup"), a neutral act ("the one who deployed the fix"), a disposable object, a
planned removal, a denial ("I wasn't the one who deleted it") and "we" (rule 9) stay out.
"""
from __future__ import annotations

from spacy.tokens import Token

from .agents import BLAMEABLE
from .clauses import Clause
from .framing import is_harmless_object
from .intent import deliberate, sanctioned
from .lexicon import Lexicon
from .recognizers import Detection, SentenceView, _negated_sentence, _who

_DAMAGE = ("destructive", "breakage", "harm", "fault")


def _damaging(rc: Clause, lex: Lexicon) -> bool:
    a = rc.action
    if rc.negated or rc.modal or rc.passive or lex.verbs["recovery"].match(a):
        return False
    if not any(lex.verbs[k].match(a) for k in _DAMAGE):
        return False
    return not (is_harmless_object(rc, lex) or deliberate(rc, lex) or sanctioned(rc, lex))


def _one_who(c: Clause) -> tuple[Token, Token] | None:
    """"the one who deleted the queue": "one" as the copula's complement and its relative clause."""
    for one in (p for p in c.verb.children if p.dep_ == "attr" and p.lower_ == "one"):
        if not any(d.dep_ == "det" and d.lower_ == "the" for d in one.children):
            continue
        rel = next((r for r in one.children if r.dep_ == "relcl" and any(
            s.dep_ == "nsubj" and s.lower_ in ("who", "that") for s in r.children)), None)
        if rel is not None:
            return one, rel
    return None


def owned_act(view: SentenceView) -> Detection | None:
    lex = view.lex
    for c in view.clauses:
        if c.lemma != "be" or c.subject_kind not in BLAMEABLE or c.modal or c.conditional or c.negated or c.verb.i in view.quoted:
            continue
        found = _one_who(c)
        if found is None:
            continue
        one, rel = found
        rc = next((x for x in view.clauses if x.verb == rel), None)
        if rc is None or not _damaging(rc, lex) or _negated_sentence(one):
            continue
        return Detection(
            "blame.person-subject", "framing",
            f'"{_who(c.subject)} ... the one who {rel.text}" picks a person out as the cause; '
            "describe the change and what let it through instead.",
            None, [one, rel], c.subject,
        )
    return None
