"""Acting on a belief: "I wiped the disk, thinking it was the spare".

People tell their slips through what they took to be true when they acted: the
act does the damage, the belief says why it seemed safe. A damaging act (not
recovery or a response) with a subjectless "thinking / believing / assuming"
clause under it whose content is a plain statement ("it was staging", "the
snapshot had finished") is blame. A hope ("thinking it might clear the stuck
connections") or a diagnosis ("thinking it was a network issue") is not the
belief that made a damaging act look safe.

The belief is also told as what the target was taken to be ("dropped what I was sure
was the scratch table", "ran destroy in what I thought was the sandbox", "truncated the
table I assumed was empty") or as the belief the act followed from ("I thought I was on
staging, so I ran the drop"). Told in the past, the belief reads as one that turned out
wrong; a belief the writer knew to be true ("what I knew was the scratch table") or a
check done on it ("checked what I thought was the cause") is not blame.
"""
from __future__ import annotations

from spacy.tokens import Token

from .clauses import Clause
from .lexicon import Lexicon
from .risk import BAD_WORDS

_ACTS = ("destructive", "disable", "batch", "causal")
_NOT_ACTS = ("recovery", "response")
_HEDGING_MODALS = {"might", "may", "could", "would", "will", "should", "can", "'d", "'ll"}


def _content(belief: Token) -> Token | None:
    return next((x for x in belief.children if x.dep_ in ("ccomp", "xcomp", "advcl") and x.pos_ in ("VERB", "AUX")), None)


def _plain_statement(verb: Token, lex: Lexicon) -> bool:
    """"it was staging", "the snapshot had finished"; not "it might help", not "it was a disk problem"."""
    if any(x.dep_ == "aux" and x.lower_ in _HEDGING_MODALS for x in verb.children):
        return False
    incidents = lex.terms["incident_nouns"] | lex.terms["failure_nouns"]
    return not any(x.dep_ == "attr" and x.lemma_.lower() in incidents for x in verb.children)


def _incident_work(obj: Token, lex: Lexicon) -> bool:
    """"ran the tests again", "closed the incident": a check or the incident's own
    handling (a noun of the diligence class, or the incident itself), not damage."""
    lemma = obj.lemma_.lower()
    return lemma in lex.verbs["diligence"] or lemma in lex.terms["incident_nouns"] or lemma in lex.terms["failure_nouns"]


def acted_on_belief(c: Clause, lex: Lexicon) -> list[Token]:
    """The act and the belief it was done on, or an empty list."""
    a = c.action
    if any(lex.verbs[k].match(a) for k in _NOT_ACTS) or not any(lex.verbs[k].match(a) for k in _ACTS):
        return []
    if any(_incident_work(o, lex) for o in c.objects):
        return []
    for t in a.sent:
        if t.tag_ != "VBG" or not lex.verbs["belief"].match(t) or any(x.dep_ in ("nsubj", "nsubjpass") for x in t.children):
            continue
        if a not in t.ancestors:
            continue
        content = _content(t) or (t.head if t.dep_ == "csubj" else None)
        if content is not None and _plain_statement(content, lex):
            return [a, t]
    return believed_target(c, lex)


_RELATIVES = ("what", "which", "that")
_COPULA = ("was", "were", "is", "'s", "be")
_LINKS = ("so", "when", "then", "while", "and")
_CLAUSE_ENDS = (",", ";", ":", ".", "!", "?", "so", "when", "then", "while", "and", "but")


def _damaging(c: Clause, lex: Lexicon) -> bool:
    """A damaging act: not recovery or a response, and a check or an opening ("ran the
    tests", "opened the dashboard") only when it ran a destructive command ("ran
    `terraform destroy`")."""
    a = c.action
    if any(lex.verbs[k].match(a) for k in _NOT_ACTS) or not any(lex.verbs[k].match(a) for k in _ACTS):
        return False
    if any(_incident_work(o, lex) for o in c.objects):
        return False
    if lex.verbs["diligence"].match(a) or lex.verbs["access"].match(a):
        commands = lex.framing["destructive_commands"]
        return any(t.lower_ in commands for t in a.subtree if t.i > a.i)
    return True


def _marker(t: Token, lex: Lexicon) -> Token | None:
    """The believer of a past belief: "I thought", "she assumed", "I was sure/certain"."""
    if t.tag_ == "VBD" and lex.verbs["belief"].match(t):
        believer = t.nbor(-1) if t.i > t.sent.start else None
    elif t.lower_ in lex.terms["certainty_adjectives"] and t.i - 2 >= t.sent.start and t.nbor(-1).lower_ in ("was", "were"):
        believer = t.nbor(-2)
    else:
        return None
    return believer if believer is not None and believer.pos_ in ("PRON", "PROPN") and believer.lower_ not in ("we", "it", "you") else None


def _statement(tokens: list[Token], lex: Lexicon) -> bool:
    """The belief's content is a plain statement of how things stood ("was the scratch
    table", "I was on staging"), not a hope ("it would help") or a diagnosis ("was the
    stuck worker", "it was a network issue")."""
    if not tokens or any(t.lower_ in _HEDGING_MODALS for t in tokens):
        return False
    incidents = lex.terms["incident_nouns"] | lex.terms["failure_nouns"]
    diagnosis = BAD_WORDS - lex.terms["believed_safe_states"]
    return not any(t.lemma_.lower() in incidents or t.lower_ in diagnosis for t in tokens)


def _clause_from(start: int, sent) -> list[Token]:
    """The words of the belief's content from ``start`` to the end of its clause."""
    out = []
    for t in sent:
        if t.i < start:
            continue
        if t.lower_ in _CLAUSE_ENDS and out:
            break
        out.append(t)
    return out


def _same_believer(believer: Token, c: Clause) -> bool:
    """The one who believed is the one who acted ("I ... what I thought", "Marta ... what
    she thought"); with the "I" dropped, the writer."""
    who = c.subject
    if who is None:
        return believer.lower_ == "i"
    return believer.lower_ == who.lower_ or (who.pos_ != "PRON" and believer.lower_ in ("he", "she", "they"))


def believed_target(c: Clause, lex: Lexicon) -> list[Token]:
    """The act and the belief about its target ("what I thought was the sandbox", "the
    table I assumed was empty"), or the belief it followed from ("I thought I was on
    staging, so I ran the drop"); an empty list when there is none."""
    if not _damaging(c, lex):
        return []
    a, sent = c.action, c.action.sent
    for t in sent:
        believer = _marker(t, lex)
        if believer is None or not _same_believer(believer, c):
            continue
        after = t.i + 1 + (2 if t.i + 2 < sent.end and t.nbor(1).lower_ == "to" and t.nbor(2).lower_ == "be" else 0)
        if t.i > a.i:
            # what the target was taken to be: right after the act, a relative (or a
            # noun of the act's) before the believer, and a copula after the belief
            before = believer.nbor(-1) if believer.i > sent.start else None
            target = before is not None and (before.lower_ in _RELATIVES or (before.pos_ in ("NOUN", "PROPN") and before.i > a.i))
            between = [x for x in sent if a.i < x.i < believer.i and x.pos_ in ("VERB", "AUX") and x.dep_ in ("conj", "ROOT")]
            copula = after < sent.end and (sent.doc[after].lower_ in _COPULA or t.lower_ in lex.terms["certainty_adjectives"])
            if target and not between and copula and _statement(_clause_from(after, sent), lex):
                return [a, t]
        elif t.i < a.i and c.subject is not None:
            # the belief first, then the act it led to ("I thought ..., so I ran the drop")
            content = _clause_from(after, sent)
            rest = [x for x in sent if (content[-1].i if content else t.i) < x.i < c.subject.i]
            if content and rest and all(x.is_punct or x.lower_ in _LINKS for x in rest) and any(
                    x.lower_ in _LINKS for x in rest) and _statement(content, lex):
                return [a, t]
    return []
