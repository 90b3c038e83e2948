"""A response timed long after what should have started it: "opened the error dashboard
fifty minutes after the first page", "replied an hour later", "opened the runbook for
the first time forty minutes into the outage". Not a delay: the time the person's own
work took ("after three hours of troubleshooting"), or a response timed from when the
trigger reached them ("after the page was finally routed to her")."""
from __future__ import annotations

from spacy.tokens import Token

from .clauses import Clause
from .framing import clause_tokens
from .lexicon import Lexicon


_DURATION_UNITS = {"minute": 15, "hour": 1, "day": 1, "week": 1, "month": 1}
_NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
                 "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40,
                 "fifty": 50, "sixty": 60, "ninety": 90, "an": 1, "a": 1}


def _long_duration(unit: Token) -> bool:
    """"fifty minutes", "an hour", "three days": long enough to count as a delay."""
    lemma = unit.lemma_.lower()
    if lemma not in _DURATION_UNITS:
        return False
    amount = next((c for c in unit.children if c.dep_ in ("nummod", "det", "quantmod")), None)
    if amount is None:
        return lemma != "minute"
    text = amount.lower_
    value = int(text) if text.isdigit() else _NUMBER_WORDS.get(text, 0)
    return value >= _DURATION_UNITS[lemma]


_TRIGGERS = {"page", "alert", "alarm", "incident", "outage", "report", "start", "call", "ticket", "escalation", "first"}


def late_response(c: Clause, lex: Lexicon) -> list[Token]:
    """A response timed long after the trigger: "opened the error dashboard fifty
    minutes after the first page", "replied an hour later", "opened the runbook for
    the first time forty minutes into the outage"."""
    responding = lex.verbs["response"].match(c.action) or lex.verbs["diligence"].match(c.action) or lex.verbs["recovery"].match(c.action)
    if any(x.dep_ == "advcl" and any(m.lower_ in ("after", "once", "when", "as soon as") for m in x.children if m.dep_ in ("mark", "advmod"))
           and any(s.dep_ in ("nsubj", "nsubjpass") and s.lemma_.lower() in _TRIGGERS for s in x.children) for x in c.action.children):
        return []  # "replied an hour later, after the page was finally routed to her": timed from when it reached them
    for t in clause_tokens(c):
        if t.lemma_.lower() not in _DURATION_UNITS or not _long_duration(t) or _filled_with_work(t, lex):
            continue
        nxt = t.doc[t.i + 1] if t.i + 1 < len(t.doc) else None
        links = [x for x in (t.head, *t.children, nxt) if x is not None and x.lower_ in ("after", "later", "into")]
        if not links:
            continue
        # after the page / into the outage: timed from the trigger, whatever the verb
        timed = any(o.lemma_.lower() in _TRIGGERS for x in links for o in x.subtree if o.dep_ == "pobj")
        if timed or (responding and links):
            return [c.action, t]
    return []


def _filled_with_work(unit: Token, lex: Lexicon) -> bool:
    """"after three hours of troubleshooting": the time the person's own work took."""
    return any(p.dep_ == "prep" and p.lower_ == "of" and o.dep_ in ("pobj", "pcomp") and (o.lemma_.lower() in lex.framing["work_spans"] or o.lower_ in lex.framing["work_spans"])
               for p in unit.children for o in p.children)
