"""Risky circumstances: marker-free blame.

Real postmortems blame without any fault word: "Luka deployed at 18:00 on Friday
and logged off", "Rowan pasted the AWS root keys into a public gist", "Sadia
removed the only replica to free up some disk space". Each function reads one
circumstance off the clause's slots (object, targets, time, purpose, what
followed) and returns the tokens that carry it, or an empty list.
"""
from __future__ import annotations

from spacy.tokens import Token

from .away import moved_away_from
from .clauses import Clause
from .concurrency import not_yet_done, while_unfinished
from .framing import clause_tokens, idiom_match, is_harmless_object, of_what
from .harm_told import averts_harm
from .lexicon import Lexicon, verb_lemma
from .routine import check_result, system_turn
from .safe_removal import kept_first, put_back, rebuilt
from .slips import destructive_command, draft_to_everyone, exchanged, repeated_one_off


def _words(tokens: list[Token]) -> set[str]:
    return {t.lower_ for t in tokens} | {t.lemma_.lower() for t in tokens}


def _np(tok: Token) -> list[Token]:
    """A noun and its modifiers before it ("the only replica", "the AWS root keys")."""
    return [t for t in tok.subtree if t.i <= tok.i]


def valuable_destruction(c: Clause, lex: Lexicon) -> list[Token]:
    """"deleted the production namespace", "dropped the customers table"."""
    if not lex.verbs["destructive"].match(c.action) or not c.objects or is_harmless_object(c, lex):
        return []
    if _words(_np(c.objects[0]) + of_what(c.objects[0])) & lex.framing["valuable_objects"] and not (
            put_back(c, lex) or rebuilt(c, lex) or kept_first(c, lex)):
        return [c.action]
    return []


def disabled_safeguard(c: Clause, lex: Lexicon) -> list[Token]:
    """"switched off the backup cron", "muted the payments alert channel"."""
    if not lex.verbs["disable"].match(c.action) or not c.objects:
        return []
    if _words(_np(c.objects[0])) & lex.framing["safeguard_objects"] and not is_harmless_object(c, lex) and not put_back(c, lex):
        return [c.action]
    return []


def risky_time(c: Clause, lex: Lexicon, own: list[Token]) -> list[Token]:
    """"deployed at 18:00 on Friday", "during the sale", "in the middle of the code freeze"."""
    acts = [c.action] + [x for x in c.action.children if x.dep_ in ("xcomp", "advcl")]
    if not any(lex.verbs["causal"].match(a) for a in acts):
        return []
    # "at 18:00 on Friday", "during the sale", "chose the peak sales hour to deploy"
    # ("completed the backfill over the weekend": a span the work filled, not the moment of a
    # change; but "left the load test pointed at prod over the weekend" is what was left that long)
    span_ok = verb_lemma(c.action) != "leave"
    timely = [t for t in own if t.dep_ in ("pobj", "npadvmod", "compound", "amod") and t.lower_ in lex.framing["risky_times"]
              and not (span_ok and t.dep_ == "pobj" and t.head.lower_ in ("over", "throughout")) and not moved_away_from(t)]
    return timely + while_unfinished(c, lex)  # "restarted the primary while the backup was still running"


def wrong_environment(c: Clause, lex: Lexicon, own: list[Token]) -> list[Token]:
    """An object from one environment used in another: "reused the staging API key in
    production", "applied the test config to prod"."""
    if not c.objects or lex.verbs["recovery"].match(c.action):
        return []
    lower = {"staging", "stage", "stg", "test", "testing", "dev", "development", "sandbox", "local", "qa"}
    upper = lex.framing["risky_targets"]
    obj_words = {t.lower_ for t in c.objects[0].subtree}
    targets = {t.lower_ for p in own if p.dep_ == "prep" and p.lower_ in ("in", "into", "to", "on", "against")
               for t in p.subtree if t.dep_ in ("pobj", "compound", "amod")}
    if obj_words & lower and targets & upper:
        return [c.action, c.objects[0]]
    return []


def risky_manner(c: Clause, lex: Lexicon, own: list[Token]) -> list[Token]:
    """"rebooted two of the three etcd members at the same time"."""
    if not (lex.verbs["destructive"].match(c.action) or verb_lemma(c.action) in lex.framing["batch_operations"]):
        return []
    text = " " + " ".join(t.lower_ for t in own) + " "
    for phrase in lex.framing["risky_manner"]:
        if f" {phrase} " in text:
            return [c.action]
    return []


def exposure(c: Clause, lex: Lexicon, own: list[Token]) -> list[Token]:
    """"pasted the root keys into a public gist", "copied the table to his personal laptop"."""
    lemma = verb_lemma(c.action)
    secret = bool(c.objects) and bool(_words(_np(c.objects[0])) & lex.framing["secret_objects"])
    # "pushed credentials to a public repository": publishing is exposure only for secrets
    if lemma not in lex.framing["exposure_verbs"] and not (lemma in lex.framing["publishing_verbs"] and secret):
        return []
    targets = [t for t in own if t.dep_ == "pobj"]
    for t in targets:
        if _words(_np(t)) & lex.framing["exposed_targets"]:
            return [c.action, t]
    return []


def risky_target(c: Clause, lex: Lexicon, own: list[Token]) -> list[Token]:
    """"ran the purge against the live bucket", "pointed the load test at production"."""
    if verb_lemma(c.action) not in lex.framing["risky_run_verbs"]:
        return []
    if c.objects and _words(_np(c.objects[0])) & lex.framing["routine_operations"]:
        return []
    for prep in (t for t in own if t.dep_ == "prep" and t.lower_ in ("against", "at", "on", "in", "into")):
        for o in prep.children:
            if o.dep_ == "pobj" and _words(_np(o)) & lex.framing["risky_targets"]:
                return [c.action, o]
    return []


def convenience(c: Clause, lex: Lexicon) -> list[Token]:
    """"turned off 2FA to save time", "removed the only replica to free up disk space",
    "switched off the alerts because they were annoying"."""
    if is_harmless_object(c, lex):
        return []  # "cleared the stale cache to free up space" is cleanup
    steps = list(c.action.children)
    steps += [y for x in steps if x.dep_ == "advcl" and verb_lemma(x) in ("try", "want", "attempt") for y in x.children]
    for x in steps:  # "... while trying to free up space"
        if x.dep_ in ("advcl", "xcomp") and any(a.lower_ == "to" for a in x.children):
            phrase = " ".join([verb_lemma(x)] + [t.lower_ for t in x.children if t.dep_ in ("prt", "dobj", "acomp") and t.i > x.i][:1])
            if (phrase in lex.framing["convenience_purposes"] or verb_lemma(x) in lex.framing["convenience_purposes"]) \
                    and not averts_harm(x, lex):
                return [x]
            acting = any(lex.verbs[k].match(c.action) for k in ("destructive", "disable", "causal"))  # not "asked the user to ..."
            work = lex.terms["change_nouns"] | lex.framing["valuable_objects"]
            if acting and any(o.dep_ == "dobj" and o.lemma_.lower() not in work and any(
                    p.dep_ == "poss" and p.lower_ in ("my", "his", "her", "their") for p in o.children) for o in x.children):
                return [x]  # "unplugged the router to charge their phone": for one's own thing, not the work ("to apply my patch")
        if x.dep_ == "advcl" and any(m.lower_ == "because" for m in x.children):
            if any(t.lower_ in lex.framing["dismissive_reasons"] for t in x.children if t.dep_ in ("acomp", "attr")):
                return [x]
    return []


def walked_away(c: Clause, lex: Lexicon) -> list[Token]:
    """"deployed at 18:00 on Friday and logged off", "closed the alert and went to bed"."""
    for x in c.verb.children:
        if x.dep_ != "conj" or any(s.dep_ in ("nsubj", "nsubjpass") for s in x.children):
            continue
        if lex.verbs["departure"].match(x):
            return [x]
        if verb_lemma(x) == "go" and any(
            t.lower_ in ("home", "bed", "sleep", "lunch", "holiday", "vacation", "dinner", "offline", "dark", "quiet") for t in x.subtree
        ):
            return [x]
    return []


def left_undone(c: Clause, lex: Lexicon) -> list[Token]:
    """"turned off the disk alert and never turned it back on": a negated follow-up (the
    parser may join it to a subjectless "while troubleshooting" instead of the verb). Only
    after an act that changed something ("paused, thought it over, and didn't take that
    action" left nothing undone)."""
    if not any(lex.verbs[k].match(c.action) for k in ("disable", "destructive", "breakage", "causal", "batch")):
        return []
    heads = [c.verb] + [x for x in c.verb.children if x.dep_ == "advcl" and x.tag_ == "VBG" and not any(
        s.dep_ in ("nsubj", "nsubjpass") for s in x.children)]
    for x in (k for h in heads for k in h.children):
        if x.dep_ == "conj" and not any(s.dep_ in ("nsubj", "nsubjpass") for s in x.children):
            negated = any(t.dep_ == "neg" or t.lower_ == "never" for t in x.children)
            # "... and never turned it back on", "... and did not re-enable it": the undoing
            restores = verb_lemma(x) in lex.framing["restoring_verbs"] or any(
                t.lower_ == "back" and t.dep_ in ("advmod", "prt") for t in (*x.children, *(g for k in x.children if k.dep_ in ("advmod", "prt") for g in k.children)))
            if negated and (lex.verbs["diligence"].match(x) or lex.verbs["fault"].match(x) or restores):
                return [x]
            if not negated and lex.verbs["fault"].match(x):
                return [x]  # "... and forgot to re-enable it"
    return []


def premature(c: Clause, lex: Lexicon) -> list[Token]:
    """"purged the dead-letter queue before anyone had looked at the messages":
    acting before the check that should have come first; "tagged the build before the
    fix had landed": acting before a thing the act waited on had happened."""
    a = c.action
    changes = lex.verbs["causal"].match(a) or lex.verbs["destructive"].match(a)
    # what must wait for a thing to be done: a change, a sign-off, a safeguard overridden
    waits = not lex.verbs["recovery"].match(a) and any(lex.verbs[k].match(a) for k in ("causal", "approval", "disable"))
    if not (changes or waits):
        return []
    indefinite = lex.agents["pronouns"]["indefinite"] | {"someone", "somebody"}
    for x in a.children:
        if x.dep_ != "advcl" or not any(m.lower_ in ("before", "until") for m in x.children if m.dep_ == "mark"):
            continue
        who = next((s for s in x.children if s.dep_ == "nsubj"), None)
        if changes and who is not None and who.lower_ in indefinite and (lex.verbs["diligence"].match(x) or lex.verbs["response"].match(x)):
            return [x]
        if waits and who is not None and not_yet_done(x, who, lex):
            return [x]
    return []


def risky_circumstances(c: Clause, lex: Lexicon) -> list[Token]:
    own = clause_tokens(c)
    for finder in (valuable_destruction, disabled_safeguard, convenience, walked_away, left_undone, premature,
                   exchanged, repeated_one_off, destructive_command, draft_to_everyone):
        found = finder(c, lex)
        if found:
            return found
    for finder2 in (risky_time, risky_manner, exposure, risky_target, wrong_environment):
        found = finder2(c, lex, own)
        if found:
            return found
    return []


# ---------------------------------------------------------------- what followed

BAD_WORDS = {
    "down", "broken", "offline", "lost", "late", "delayed", "failed", "failing", "stale", "unavailable",
    "outage", "error", "errors", "corrupted", "corrupt", "empty", "missing", "wrong", "slow", "stuck",
    "public", "exposed", "500s", "5xx", "502s", "503s", "crater", "meltdown", "chaos", "disaster", "mess",
    "vanished", "gone", "collapsed", "locked", "leaked", "double-charged", "unreachable", "dead",
}


def bad_outcome(tokens: list[Token], lex: Lexicon, classes: tuple[str, ...] = ("breakage", "fault")) -> list[Token]:
    """Words saying something went wrong ("the fix vanished", "half the backends are
    down", "it fell over", "the export bucket ended up public", "the database ran out
    of connections")."""
    found = []
    bad_words = BAD_WORDS | lex.terms["bad_outcome_words"]
    classes = (*classes, "malfunction")
    for t in tokens:
        if t.dep_ in ("nsubj", "nsubjpass", "xcomp") and lex.verbs["cessation"].match(t.head):
            continue  # "the errors stopped", "the jobs stopped timing out": something bad ended
        if t.lower_ in lex.terms["tracing_particles"] and verb_lemma(t.head) in lex.terms["tracing_verbs"]:
            continue  # "traced the problem down to a commit": the diagnosis, not an outage
        if (t.lower_ in bad_words or t.lemma_.lower() in bad_words) and t.dep_ not in ("amod", "compound", "nmod"):
            found.append(t)  # said of something ("the backends are down"), not a label ("the failing canary")
        elif t.pos_ in ("VERB", "AUX") and not any(c.dep_ == "neg" for c in t.children) and any(
            lex.verbs[k].match(t) for k in classes
        ):
            found.append(t)
        elif t.pos_ in ("VERB", "AUX") and any(c.dep_ == "neg" for c in t.children) and lex.verbs["function"].match(t):
            found.append(t)  # "code that didn't work"
    return found


def own_harm(c: Clause, lex: Lexicon) -> list[Token]:
    """First-person accounts tie the act to what its own object did: "I pushed some
    code live that didn't work", "i deployed a build that broke login". What a tool did
    afterwards in its own clause ("I clicked delete and it wiped the folder") is not
    the writer's act."""
    if lex.verbs["recovery"].match(c.action):
        return []
    if not any(lex.verbs[k].match(c.action) for k in ("causal", "destructive", "breakage", "fault", "disable")):
        return []
    own = [t for t in clause_tokens(c) if t.i > c.verb.i]
    own += [t for o in c.objects for r in o.children if r.dep_ == "relcl" for t in r.subtree]
    # the relative clause the parser hung on the verb ("pushed some code live that didn't work")
    own += [t for r in c.verb.children if r.dep_ in ("advcl", "relcl") and any(
        s.dep_ == "nsubj" and s.lower_ in ("that", "which") for s in r.children) for t in r.subtree]
    found = bad_outcome(own, lex)
    return [c.action, found[0]] if found else []


def _failure(tok: Token | None, lex: Lexicon) -> bool:
    if tok is None:
        return False
    lemma = tok.lemma_.lower()
    return (lemma in lex.terms["incident_nouns"] and lemma not in ("this", "it", "problem", "issue")) or lemma in lex.terms["failure_nouns"]


def caused_failure(c: Clause, lex: Lexicon) -> list[Token]:
    """A person's act made the cause of the failure: "triggered the blackout", or told as
    what set it off: "The crash happened after a developer deleted a critical file"."""
    if c.action.tag_ in ("VBD", "VBN") and verb_lemma(c.action) in lex.terms["cause_verbs"] and any(_failure(o, lex) for o in c.objects):
        # a past act ("triggered the blackout"); "who triggers the alarm" describes a procedure
        return [c.action, next(o for o in c.objects if _failure(o, lex))]
    v = c.verb
    marks = {m.lower_ for m in v.children if m.dep_ in ("mark", "advmod")}
    if v.dep_ != "advcl" or not marks & {"after", "when", "once", "as", "because"}:
        return []
    if lex.verbs["recovery"].match(c.action):
        return []
    main = v.head
    # Given as the reason for the harm, any act of the person counts ("the ward lost power
    # because the contractor plugged the feed into port 4"); a state ("was on leave") does not.
    act = not c.passive and c.action.pos_ == "VERB" and verb_lemma(c.action) not in ("be", "have")
    if "because" in marks and act and not any(n.dep_ == "neg" for n in v.children) and bad_outcome([main], lex, ("breakage", "destructive", "harm")):
        # "Pixar nearly lost the files ... because someone ran a command": the act as the reason
        return [c.action, main]
    if not any(lex.verbs[k].match(c.action) for k in ("causal", "destructive", "breakage", "disable")):
        return []
    subject = next((s for s in main.children if s.dep_ in ("nsubj", "nsubjpass")), None)
    if verb_lemma(main) in lex.terms["onset_verbs"] and _failure(subject, lex):
        return [c.action, subject]
    return []


def defect(c: Clause, lex: Lexicon) -> list[Token]:
    """"I had a bug", "Ines wrote a typo into the zone file": a person's own defect."""
    if verb_lemma(c.action) not in lex.terms["defect_verbs"]:
        return []
    for o in c.objects:
        if o.lemma_.lower() in lex.terms["defect_nouns"] and not any(d.lower_ in ("no", "any") for d in o.children):
            return [c.action, o]
    return []


def consequence(c: Clause, lex: Lexicon) -> list[Token]:
    """A person's action joined to a bad result: "Rustam rebased over the hotfix, and
    the fix vanished from main"; "Declan half-arsed the drill, so nobody knew the
    standby was broken"; "Priyanka bodged the wrapper together and it fell over"."""
    if lex.verbs["recovery"].match(c.action):
        return []
    # only actions that can do damage ("rebased", "bodged", "pushed"), not "thought" or "saw"
    acting = any(lex.verbs[k].match(c.action) for k in ("causal", "destructive", "breakage", "fault", "disable"))
    if not acting and idiom_match(c, lex) is None:
        return []
    for x in c.verb.children:
        joined = x.dep_ in ("conj", "advcl") and x.i > c.verb.i and x.pos_ in ("VERB", "AUX")
        if not joined:
            continue
        marks = {m.lower_ for m in x.children if m.dep_ in ("mark", "cc", "advmod")} | {
            m.lower_ for m in c.verb.children if m.dep_ == "cc" and m.i < x.i
        }
        if marks & {"but", "yet", "although", "though"}:
            continue  # a contrast, not a result
        if x.dep_ == "advcl" and not marks & {"so", "and"}:
            continue  # "after", "when", "because" clauses are not results
        own_subject = any(s.dep_ in ("nsubj", "nsubjpass", "expl") for s in x.children)
        if not own_subject and x.dep_ == "conj":
            continue  # same subject: handled as its own clause
        found = bad_outcome(list(x.subtree), lex)
        if found and not system_turn(c, x, lex) and not check_result(c, x, lex):
            return [c.action, found[0]]
    return []


def wrong_complement(c: Clause, lex: Lexicon) -> list[Token]:
    """"got the region wrong", "set the TTL backwards", "had the flags mixed up"."""
    if verb_lemma(c.action) in ("do", "be"):
        return []  # "did anything wrong" only ever appears denied; "I may be wrong" is modesty
    for x in c.action.children:
        if x.dep_ in ("oprd", "acomp", "ccomp", "advmod", "xcomp") and x.lower_ in ("wrong", "backwards", "inverted", "reversed"):
            return [c.action, x]
    return []


def taken_offline(c: Clause, lex: Lexicon) -> list[Token]:
    """"took the orders database offline", "knocked the cluster over"."""
    lemma = verb_lemma(c.action)
    if lemma not in ("take", "knock", "bring", "put") or not c.objects:
        return []
    states = ("offline", "down", "over") if lemma == "knock" else ("offline", "down")
    marks = [x for x in c.action.subtree if x.lower_ in states and x.head == c.action]
    return [c.action] + marks[:1] if marks and not is_harmless_object(c, lex) else []
