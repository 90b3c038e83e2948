"""An act followed by what could no longer be done: "I updated the certificate bundle,
after which nobody could log in", "she rebooted the gateway and customers couldn't
pay for an hour".

The small model hangs such result clauses anywhere (a relative clause on the object,
a complement, even the root with the act under it), so the result is looked for
after the act in the same sentence rather than at one attachment: a verb of access
or use under "could / can / would" that is denied ("couldn't", "nobody could"), with
a subject of its own. A contrast ("but", "although") between them makes it no result;
recovery work is never the act.
"""
from __future__ import annotations

from spacy.tokens import Token

from .clauses import Clause
from .lexicon import Lexicon

_ACTS = ("causal", "destructive", "disable", "batch", "breakage")
_ABILITY = ("could", "can", "ca", "would", "wo")
_NOBODY = ("nobody", "noone", "none")
_CONTRAST = ("but", "although", "though", "yet", "whereas")


def _denied_ability(t: Token, lex: Lexicon) -> bool:
    if t.pos_ not in ("VERB", "AUX") or not lex.verbs["access"].match(t):
        return False
    if not any(x.dep_ == "aux" and x.lower_ in _ABILITY for x in t.children):
        return False
    subj = next((x for x in t.children if x.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None:
        return False
    nobody = subj.lower_ in _NOBODY or (subj.lower_ == "one" and any(d.lower_ == "no" for d in subj.children)) or any(
        d.dep_ == "det" and d.lower_ == "no" for d in subj.children)
    return nobody or any(x.dep_ == "neg" for x in t.children)


def inability_after(c: Clause, lex: Lexicon) -> list[Token]:
    a = c.action
    if lex.verbs["recovery"].match(a) or not any(lex.verbs[k].match(a) for k in _ACTS):
        return []
    sent = a.sent
    for t in sent:
        if t.i <= a.i or not _denied_ability(t, lex):
            continue
        if any(w.lower_ in _CONTRAST for w in sent.doc[a.i + 1 : t.i]):
            return []
        return [a, t]
    return []
