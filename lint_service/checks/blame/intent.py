"""Why a person did something: the plan, the process or the recovery.

"disabled the alert on purpose while we rebuilt the index", "To stop the bleeding,
Anders turned off the replication alerts", "muted the pager as a stopgap until the
fix landed", "Under the emergency-change policy, Sadia merged her own hotfix". An act
done for the recovery or allowed by the process is not described as a fault.
"""
from __future__ import annotations

from spacy.tokens import Token

from .clauses import Clause
from .framing import clause_tokens
from .harm_told import averts_harm
from .lexicon import Lexicon, particle_of, verb_lemma
from .risk import left_undone, taken_offline


def _purpose(x: Token) -> bool:
    """An adverbial clause of purpose: "to stop the bleeding", "so the pods could drain",
    "in order to ..."."""
    if x.dep_ not in ("advcl", "xcomp"):
        return False
    marks = {m.lower_ for m in x.children if m.dep_ in ("aux", "mark")}
    return "to" in marks and x.tag_ == "VB" or bool(marks & {"so", "order"})


def _mitigating(c: Clause, lex: Lexicon) -> bool:
    """A safeguard switched off for a stated purpose that is not convenience, for a time
    ("until the fix landed"), or as a stated stopgap."""
    a = c.action
    for x in a.children:
        if _purpose(x):
            lemma = verb_lemma(x)
            # "to get the batch through", "to save time": convenience, not the recovery
            phrases = {lemma} | {f"{lemma} {t.lower_}" for t in x.children if t.dep_ in ("prt", "dobj", "acomp") and t.i > x.i}
            if not phrases & lex.framing["convenience_purposes"]:
                return True
        if x.dep_ == "advcl" and any(m.lower_ == "until" for m in x.children if m.dep_ in ("mark", "prep")):
            return True
        if x.dep_ == "advcl" and any(m.lower_ in ("after", "once") for m in x.children if m.dep_ == "mark") and (
                lex.verbs["recovery"].match(x) or verb_lemma(x) in ("land", "deploy", "ship", "finish", "complete", "end")):
            return True  # "silenced the alert after the fix was confirmed": the incident is over
        if x.dep_ == "prep" and x.lower_ in ("until", "till"):
            return True
        if x.dep_ == "advcl" and any(m.lower_ == "while" for m in x.children if m.dep_ == "mark") and _repair_work(x, lex) \
                and not lex.verbs["destructive"].match(a) and any(t.lower_ in lex.framing["safeguard_objects"] for o in c.objects for t in o.subtree):
            return True  # "turned off the alert while I fix the threshold": a safeguard off for the span of the repair
        if x.dep_ == "prep" and x.lower_ == "as" and any(o.lemma_.lower() in lex.framing["stopgap_nouns"] for o in x.children):
            return True
    return False


def _protective(c: Clause, lex: Lexicon) -> bool:
    """"cut power to the hall, preventing a fire", "pulled the plug to stop the data loss":
    something switched off or removed to protect the rest."""
    for x in c.action.children:
        if x.dep_ in ("advcl", "xcomp") and x.i > c.action.i and lex.verbs["protective"].match(x) and (
                x.tag_ == "VBG" or any(m.lower_ == "to" for m in x.children if m.dep_ == "aux")) and not (
                verb_lemma(x) in lex.framing["convenience_purposes"] and not averts_harm(x, lex)):
            return True  # (but "to avoid the review queue" is a shortcut)
    return False


def _never_undone(c: Clause, lex: Lexicon) -> bool:
    """A subjectless "and never turned it back on" the parser hung on the act's own
    "while"/"until" clause: the switch-off was left in place after all."""
    for x in c.action.subtree:
        if x.dep_ != "conj" or x.pos_ != "VERB" or any(s.dep_ in ("nsubj", "nsubjpass") for s in x.children):
            continue
        negated = any(t.dep_ == "neg" or t.lower_ == "never" for t in x.children)
        back = verb_lemma(x) in lex.framing["restoring_verbs"] or any(t.lower_ == "back" for t in x.subtree if t.dep_ in ("advmod", "prt"))
        if negated and back:
            return True
    return False


def kept_off(c: Clause, lex: Lexicon) -> bool:
    """What the act switched off or took down was left so ("... and left it disabled for a
    week", "... and never turned it back on"): no longer part of a plan or a trial."""
    return left_undone(c, lex) or _never_undone(c, lex)


def _repair_work(x: Token, lex: Lexicon) -> bool:
    """A verb of repair ("fix", "replace", "rebuild"), not of looking ("investigate")."""
    return (lex.verbs["recovery"].match(x) or lex.verbs["remedial"].match(x)) and not lex.verbs["diligence"].match(x)


def _for_repair(c: Clause, lex: Lexicon) -> bool:
    """"cut power to the area to allow repairs", "drained the line so crews could replace
    the valve": something taken down to let the repair work happen."""
    for x in c.action.children:
        if not _purpose(x) and not (x.dep_ == "advcl" and any(m.lower_ == "so" for m in x.children)):
            continue
        if lex.verbs["permissive"].match(x) or verb_lemma(x) in ("enable", "permit"):
            work = [o for o in x.children if o.dep_ in ("dobj", "xcomp", "ccomp")]
            if any(lex.verbs["recovery"].has(o.lemma_.lower()) or lex.verbs["remedial"].has(o.lemma_.lower()) for o in work):
                return True  # "to allow repairs", "to let crews replace the valve"
        if any(a.lower_ in ("could", "can") for a in x.children if a.dep_ == "aux") and _repair_work(x, lex):
            return True  # "so crews could replace the valve"
        if lex.verbs["interruption"].match(c.action) and _purpose(x) and (_repair_work(x, lex) or any(
                o.dep_ == "dobj" and (lex.verbs["recovery"].has(o.lemma_.lower()) or lex.verbs["remedial"].has(o.lemma_.lower()))
                for o in x.children)):
            return True  # "cut power to the street to repair the line", "... to make repairs": an interruption for the repair
    return False


def deliberate(c: Clause, lex: Lexicon) -> bool:
    """"disabled the alert on purpose while we rebuilt the index": a safeguard switched
    off or a thing removed as part of the plan. Fault verbs stay faults ("deliberately
    ignored the page")."""
    if lex.verbs["fault"].match(c.action):
        return False
    text = " " + " ".join(t.lower_ for t in clause_tokens(c)) + " "
    marked = any(f" {m} " in text for m in lex.framing["deliberate_markers"])
    if marked and verb_lemma(c.action) in ("leave", "keep") and _mitigating(c, lex):
        return True  # "deliberately left the flag on for the internal tenants to collect data"
    if not any(lex.verbs[k].match(c.action) for k in ("disable", "destructive", "batch")):
        # a thing taken down or off on purpose to protect the rest ("shut the card down
        # deliberately to stop the flapping"): a recovery step, whatever the verb's class
        # (not "deliberately pushed the untested build to stop the complaints")
        stopping = (lex.verbs["cessation"].match(c.action) or particle_of(c.action) in ("down", "off")
                    or lex.verbs["breakage"].match(c.action) or bool(taken_offline(c, lex)))
        return (marked or _chosen(c, lex)) and stopping and (_protective(c, lex) or _for_recovery(c, lex))
    if lex.verbs["disable"].match(c.action) and _mitigating(c, lex):
        # ... unless it was never undone ("while I fixed the threshold and never turned it back on")
        return not kept_off(c, lex)
    if _protective(c, lex) or _for_repair(c, lex):
        return True
    return marked


def _chosen(c: Clause, lex: Lexicon) -> bool:
    """The act is what someone decided or chose to do ("decided to take checkout offline")."""
    return c.action.dep_ == "xcomp" and lex.verbs["choosing"].match(c.action.head)


def _for_recovery(c: Clause, lex: Lexicon) -> bool:
    """A purpose that is a recovery step ("to force the failover", "to restore the
    replicas"): the purpose verb or its object is one."""
    for x in c.action.children:
        if _purpose(x) and (lex.verbs["recovery"].match(x) or any(
                o.dep_ == "dobj" and lex.verbs["recovery"].has(o.lemma_.lower()) for o in x.children)):
            return True
    return False


def sanctioned(c: Clause, lex: Lexicon) -> bool:
    """"Under the emergency-change policy, Sadia merged her own hotfix", "after the
    change board approved it, I ran the backfill": the process or someone else
    allowed it, so describing it is not blame."""
    for x in c.action.children:  # "after / once the release manager approved it"
        if x.dep_ == "advcl" and lex.verbs["authorising"].match(x) and not any(n.dep_ == "neg" for n in x.children) and any(
                m.lower_ in ("after", "once", "when", "since") for m in x.children if m.dep_ in ("mark", "advmod")):
            who = next((s for s in x.children if s.dep_ == "nsubj"), None)
            if who is not None and c.subject is not None and who.lower_ != c.subject.lower_:
                return True
    for t in c.verb.sent:
        if t.lower_ == "with" and any(  # "with the security team's sign-off"
            o.lemma_.lower() in ("sign-off", "signoff", "approval", "blessing", "permission", "ok", "go-ahead") for o in t.children
        ):
            return True
        if t.lower_ in ("under", "per", "following") and any(
            o.lemma_.lower() in ("policy", "process", "procedure", "runbook", "playbook", "exception") for o in t.children
        ):
            return True
        if t.lower_ == "as" and any(v.lemma_.lower() in ("allow", "permit", "recommend", "require", "say") for v in t.head.subtree):
            if any(n.lemma_.lower() in ("policy", "runbook", "process", "procedure", "playbook") for n in t.head.subtree):
                return True
    return False
