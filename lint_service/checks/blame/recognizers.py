"""Blame recognizers: one small function per construction, each reading one sentence.

Every recognizer gets a :class:`SentenceView` (the sentence, its clauses as slots,
its quoted tokens, the lexicon) and returns a :class:`Detection` or None. The
engine runs them in the order of ``engine.PRIORITY`` and keeps the first detection
per sentence, so a sentence gets one finding, from its most specific rule.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from .absence import absent
from .aftermath import act_before_outage
from .agents import BLAMEABLE, Kind, classify, refers_to_thing
from .beliefs import acted_on_belief
from .contrary import contrary_act, skipped_before, undone_cause, wrong_one
from .clauses import Clause, controller
from .fragments import implied_writer
from .evidence_clause import act_and_reason
from .evidence_text import _who, clause_phrase, quoted_evidence
from .duties import admitted_act, reproached_habit, unmet_duty
from .framing import describe, idiom_match, is_harmless_object, negative_framing
from .lexicon import Lexicon, is_mis_verb, verb_lemma
from .inability import inability_after
from .offers import offered
from .denied_hindsight import denied_hindsight
from .lapses import caught_out, inattention, mistimed, worsened, wrong_place, wrong_target
from .intent import deliberate, sanctioned
from .misfortune import suffered
from .prompted import system_prompted
from .senses import credited, no_fault_sense
from .standard_unmet import short_of_standard
from .physical_slip import physical_slip
from .unknown import unknown_act
from .risk import caused_failure, consequence, defect, own_harm, risky_circumstances, taken_offline, walked_away, wrong_complement
from .slow_response import late_response


@dataclass
class SentenceView:
    sent: Span
    clauses: list[Clause]
    quoted: set[int]
    lex: Lexicon


@dataclass
class Detection:
    rule: str
    construction: str  # fault | omission | framing | destructive | idiom | ... (drives the rewrite)
    message: str
    clause: Clause | None = None
    evidence: list[Token] = field(default_factory=list)
    target: Token | None = None  # the person token (possessor, agent, object of "because of")


def _blameable(c: Clause) -> bool:
    return c.subject_kind in BLAMEABLE and not refers_to_thing(c.verb)


def _fault_reason(c: Clause, lex: Lexicon) -> tuple[str, list[Token]] | None:
    """Why a clause with a person subject presents them as at fault, if it does."""
    v, a = c.verb, c.action
    verbs = lex.verbs
    if sanctioned(c, lex) or deliberate(c, lex) or no_fault_sense(c, lex):
        return None
    if suffered(c, lex):
        return None  # "lost access to their mailboxes", "missed their lunch break", "skipped lunch": something that happened to them
    denial = any(t.lower_ in ("wrong", "incorrect", "amiss", "improper") for t in a.children)
    if verb_lemma(a) == "do" and not denial and any(o.lower_ == "nothing" and not list(o.children) for o in c.objects):
        return "omission", [a] + c.objects[:1]  # "did nothing for a week" (but not "did nothing wrong")
    if (verbs["fault"].match(v) or is_mis_verb(v)) and not c.negated and not c.modal:
        return "fault", [v]
    if a is not v and verbs["fault"].match(a) and not c.negated:
        return "fault", [v, a]
    if _assigned(c):
        return None  # "Ops to turn off the legacy alerts once ...": an action item, not an act
    if c.negated and c.verb.dep_ == "xcomp" and controller(c.verb, lex) is not None:
        return None  # "asked the responders not to restart anything": a restraint asked for, not a step missed
    if (duty := unmet_duty(c, lex) or reproached_habit(c, lex) or admitted_act(c, lex) or short_of_standard(c, lex) or physical_slip(c, lex)) is not None:
        return duty
    if heedless := inattention(c, lex):
        return "omission", heedless
    if misplaced := wrong_place(c, lex) or mistimed(c, lex) or caught_out(c, lex) or worsened(c, lex):
        return "framing", misplaced
    if verb_lemma(v) == "fail" and a is not v:
        return "omission", [v]
    if c.negated and (verbs["diligence"].match(a) or verbs["effort"].match(v) or verbs["effort"].match(a)) and not _not_yet(c):
        return "omission", [t for t in (v, a) if t is not None]
    if gap := absent(c, lex):  # "the on-call never answered the page"
        return "omission", gap
    if _step_skipped(c, lex):
        return "omission", [v, a] if a is not v else [v]
    if skipped := skipped_before(c, lex) or undone_cause(c, lex):
        return "omission", skipped
    gloss = idiom_match(c, lex)
    if gloss:
        return "idiom", [a]
    if verbs["breakage"].match(a) and c.objects and not c.negated and not is_harmless_object(c, lex):
        return "breakage", [a]
    if not c.negated and (gone := walked_away(c, lex) or taken_offline(c, lex) or late_response(c, lex)):
        return ("delay" if gone[-1].lemma_.lower() in ("minute", "hour", "day", "week", "month") else "framing"), gone
    if verbs["recovery"].match(a) and not verbs["causal"].match(a):
        # "restored the wrong backup": repair work on the wrong thing (looking at the wrong
        # thing is a detection gap)
        # ("roll back" and "revert" are responses too, but they act on the thing)
        looks = verbs["diligence"].match(a)
        wrong = [] if c.negated or looks else wrong_one(c) or wrong_target(c)
        return ("framing", wrong) if wrong else None
    framing = negative_framing(c, lex)
    if framing and not c.negated:
        return "framing", framing
    risky = [] if c.negated else risky_circumstances(c, lex) or wrong_complement(c, lex) or contrary_act(c, lex)
    if risky:
        return ("destructive" if risky == [a] and verbs["destructive"].match(a) else "framing"), risky
    if not c.negated and (result := consequence(c, lex) or defect(c, lex) or caused_failure(c, lex) or act_before_outage(c, lex) or inability_after(c, lex)):
        return "consequence", result
    if not c.negated and c.subject_kind == Kind.SELF and (result := own_harm(c, lex)):
        return "consequence", result
    if not c.negated and (belief := acted_on_belief(c, lex)):
        return "belief", belief
    if verbs["permissive"].match(a):
        for x in a.children:
            if x.dep_ in ("ccomp", "xcomp") and verbs["outcome"].match(x):
                return "permissive", [a, x]
    if verb_lemma(a) == "leave" and c.objects:
        # "left the debug flag enabled in the release build"
        risky = set(lex.framing["risky_states"])
        if any(t.lower_ in lex.framing["safeguard_objects"] for o in c.objects for t in o.subtree):
            risky |= lex.framing["safeguard_off_states"]
        # a preposition with no object after the object is the state ("left the flag on when ...")
        states = [t for t in a.children if (t.dep_ in ("oprd", "ccomp", "xcomp", "acomp", "advcl", "prt") or (
            t.dep_ == "prep" and not list(t.children) and any(t.i > o.i for o in c.objects))) and t.lower_ in risky]
        # ... or hung on the object ("left the verbose logging/NN on/prt when ...")
        states += [t for o in c.objects for t in o.children if t.dep_ in ("amod", "acl", "prt") and t.i > o.i and t.lower_ in risky]
        if states:
            return "framing", [a] + states
    if verb_lemma(a) == "take":
        return _delay(c, lex)
    if not c.negated and (act := unknown_act(c, lex)):
        return "framing", act
    if verbs["approval"].match(a) and any(t.lower_ == "own" for o in c.objects for t in o.subtree):
        return "self-approval", [a]
    for prep in (p for p in a.children if p.dep_ == "prep"):  # "signed off on his own change"
        if any(t.lower_ == "own" for t in prep.subtree) and verbs["approval"].match(a):
            return "self-approval", [a]
    return None


def _assigned(c: Clause) -> bool:
    """An action item's assignment: the subject right before a bare "to" and no finite
    verb over it ("Ops to turn off the legacy alerts", "Jana to delete the old replicas").
    What someone is to do has not happened; a fault verb is kept by the caller."""
    if c.conditional or c.modal or c.negated or c.subject is None or c.subject.head != c.verb:
        return False
    return c.verb.tag_ == "VB" and c.verb.dep_ in ("ROOT", "conj", "parataxis", "appos") and any(
        x.lower_ == "to" and x.dep_ == "aux" for x in c.verb.children)


def _not_yet(c: Clause) -> bool:
    """"I haven't checked (yet)": a present-perfect status, not a failure."""
    auxes = [x for x in c.verb.children if x.dep_ == "aux"]
    never = any(x.lower_ in ("never", "still") for x in c.verb.children)
    return not never and any(x.lemma_ == "have" and x.tag_ in ("VBP", "VBZ") for x in auxes)


def _step_skipped(c: Clause, lex: Lexicon) -> bool:
    """"you didn't sign the build when you shipped 2.1": a routine step left out of the
    person's own operation, told by a time clause with the same subject."""
    if not (c.negated and c.objects and lex.verbs["causal"].match(c.action)) or c.subject is None:
        return False
    for x in c.verb.children:
        marks = {m.lower_ for m in x.children if m.dep_ in ("mark", "advmod")}
        own = next((s for s in x.children if s.dep_ == "nsubj"), None)
        if x.dep_ == "advcl" and marks & {"when", "while", "before", "after"} and own is not None and x.tag_ == "VBD" and (
                own.lower_ == c.subject.lower_ or (own.lower_ in ("he", "she", "they") and c.subject.pos_ != "PRON")):
            return True
    return False


def _delay(c: Clause, lex: Lexicon) -> tuple[str, list[Token]] | None:
    """"Ravi took two hours to notice the alert"; "It took Lena three hours to look"."""
    a = c.action
    has_time = any(t.lemma_.lower() in _TIME_WORDS for t in a.subtree)
    if any(t.lower_ in ("only", "just", "well", "inside", "within", "ahead", "under") for t in a.sent):
        return None  # "took Valentina twenty minutes ..., well inside the runbook's estimate"
    it_took = c.subject is not None and c.subject.lower_ == "it"  # "It took Bongani four hours to open ..."
    responds = [x for x in a.subtree if x.dep_ in ("xcomp", "advcl", "ccomp") and x.pos_ == "VERB"
                and (it_took or lex.verbs["response"].match(x))]
    return ("delay", [a] + responds[:1]) if has_time and responds else None


_TIME_WORDS = {"hour", "minute", "day", "week", "month", "forever", "ages", "while", "second"}


def delayed_response(view: SentenceView) -> Detection | None:
    """"Nine days passed before Abebe replied to the security report"."""
    for c in view.clauses:
        # "Nine days passed before ..." (the parser may make "passed" a modifier of "days")
        subject = c.subject if c.subject is not None else (c.verb.head if c.verb.dep_ == "acl" else None)
        if c.lemma not in ("pass", "elapse", "go") or subject is None or subject.lemma_.lower() not in _TIME_WORDS:
            continue
        for x in c.verb.children:
            if x.dep_ == "advcl" and any(m.lower_ in ("before", "until") for m in x.children):
                who = next((s for s in x.children if s.dep_ == "nsubj"), None)
                if who is not None and classify(who, view.lex) in BLAMEABLE:
                    return Detection("blame.person-subject", "delay",
                                     f'"{_who(who)}" is blamed for a slow response ("{c.verb.text} before ... {x.text}"); describe what delayed the response instead.',
                                     c, [c.verb, x], who)
    return None


def person_subject(view: SentenceView) -> Detection | None:
    for c in view.clauses:
        if c.passive and _blameable(c) and idiom_match(c, view.lex) and not c.negated:  # "Ops was caught napping"
            return Detection("blame.person-subject", "idiom",
                             f'"{_who(c.subject)}" is the subject of a blaming idiom ("{c.verb.text}"); describe what happened to the system instead.',
                             c, [c.verb], c.subject)
        # "might have" / "could have" with a harmful act is a hedged attribution (rule 15),
        # not a counterfactual: "the admin might have dropped the table by accident"
        hedged = c.modal in ("might", "could") and not c.conditional
        if c.passive or c.verb.i in view.quoted or (c.modal and not hedged) or c.conditional:
            continue
        who = c.subject
        kind = c.subject_kind
        if verb_lemma(c.action) == "take" and c.subject is not None and c.subject.lower_ == "it":
            # "It took Lena three hours to look at the dashboard": Lena is the one delayed
            who = next((o for o in c.action.children if o.dep_ in ("dobj", "dative")), None)
            kind = classify(who, view.lex) if who is not None else Kind.NONE
        # (a subject of its own makes implied_writer false; "sorry folks/nsubj, forgot ..." is the writer's)
        implied = (kind not in BLAMEABLE or who is c.subject) and implied_writer(
            c, view.sent, view.lex.terms["apology_markers"], view.lex.terms["apology_addressees"])
        if implied:
            kind, who = Kind.SELF, None  # "Forgot to bump the version again": the writer, with the "I" dropped
        if kind not in BLAMEABLE or refers_to_thing(c.verb) or system_prompted(c, view.clauses, view.lex):
            continue
        reason = _fault_reason(c, view.lex)
        if reason is None or (hedged and reason[0] in ("omission", "delay")):
            continue  # "could have checked sooner" is a counterfactual's business
        if implied and verb_lemma(c.verb) == "fail":
            continue  # "Failed to bind port 8080": a log line, not a confession
        construction, evidence = reason
        subject = f'"{_who(who)}"'
        said = quoted_evidence(evidence)
        phrase = clause_phrase(who, evidence, c)
        if construction == "belief":  # the act, then the belief as written ("thinking it was staging")
            belief = evidence[-1]
            said = f'"{belief.doc[belief.i:belief.right_edge.i + 1].text}"'
            phrase = clause_phrase(who, evidence[:1], c)
        elif who is not None and (split := act_and_reason(who, evidence, c, view.lex)) is not None:
            phrase, said = split[0], f'"{split[1]}"'  # "I kicked off X" for the act, "even though the calendar said not to" for why
        messages = {
            "fault": f'"{phrase}" makes a person the cause of the failure; describe what the system let happen instead.',
            "breakage": f'"{phrase}" names a person as the one who broke something; describe the change and what let it through instead.',
            "omission": f'"{phrase}" blames a person for a step that did not happen; ask why the process did not make the step happen.',
            "framing": f'"{phrase}" describes a person acting the wrong way ({said}); describe the action and the safeguard that was missing instead.',
            "destructive": f'"{phrase}" names a person as the one who destroyed something the service depends on; describe what let the change reach it instead.',
            "idiom": f'"{phrase}" is a figure of speech that blames a person; describe what happened to the system instead.',
            "consequence": f'"{phrase}" is told as the cause of what went wrong ({said}); describe the change and what let it through instead.',
            "permissive": f'{subject} is said to have let a failure happen ({said}); say which alert or guard was missing instead.',
            "delay": f'{subject} is blamed for a slow response ({said}); describe what delayed detection or escalation instead.',
            "self-approval": f'{subject} is said to have approved their own work ({said}); say which control allowed self-approval instead.',
            "belief": f'"{phrase}" tells of a person acting on a belief that made a damaging step look safe ({said}); say what would have shown the real target instead.',
        }
        if kind == Kind.SELF:  # self-blame: the same advice, addressed to the writer
            messages = {k: m.replace("makes a person the cause", "makes you the cause").replace("blames a person", "blames yourself") for k, m in messages.items()}
        # No rewrite strategy keeps a belief clause attached ("The router thinking ... was
        # rebooted"): a belief detection carries no clause, so none is offered.
        return Detection("blame.person-subject", construction, messages[construction], None if construction == "belief" else c, evidence, who)
    return None


def we_subject(view: SentenceView) -> Detection | None:
    for c in view.clauses:
        if c.subject_kind != Kind.WE or c.passive or c.modal or c.verb.i in view.quoted:
            continue
        reason = _fault_reason(c, view.lex)
        if reason:
            return Detection(
                "blame.we-subject", reason[0],
                f'"we" is the subject of "{describe(reason[1])}"; consider describing what the system allowed instead.',
                c, reason[1], c.subject,
            )
    return None


def passive_agent(view: SentenceView) -> Detection | None:
    lex = view.lex
    for c in view.clauses:
        if not c.passive or c.agent is None or c.agent_kind not in BLAMEABLE or c.agent.i in view.quoted:
            continue
        a = c.verb
        negated_check = c.negated and (lex.verbs["diligence"].match(a) or lex.verbs["response"].match(a))
        if (lex.verbs["recovery"].match(a) and not lex.verbs["fault"].match(a) and not negated_check) or deliberate(c, lex):
            continue
        # "the wrong fuse box panel was isolated by ...": the parser may hang "wrong" on a compound
        subject_framed = c.subject is not None and (any(
            t.lower_ in ("wrong", "incorrect") or (lex.verbs["causal"].match(a) and t.lower_ in lex.framing["negative_modifiers"])
            for t in c.subject.children
        ) or any(t.lower_ in ("wrong", "incorrect") and t.dep_ == "amod" and t.head.dep_ == "compound" and t.head.head == c.subject
                 for t in c.subject.subtree if t.i < c.subject.i))
        # "The regression was not caught in staging by the payments team"
        specific = not any(d.dep_ == "det" and d.lower_ in ("another", "a", "an", "any", "some") for d in c.agent.children)
        missed = specific and c.negated and (lex.verbs["diligence"].match(a) or lex.verbs["response"].match(a))
        subject_words = {t.lower_ for t in c.subject.subtree} if c.subject is not None else set()
        valuable = bool(subject_words & lex.framing["valuable_objects"]) and not subject_words & lex.framing["harmless_objects"]
        # "a typo entered by a team member": the defect itself, made by the person; finding,
        # reporting or fixing it is someone else's work
        made_defect = c.subject is not None and c.subject.lemma_.lower() in lex.terms["defect_nouns"] and (
            verb_lemma(a) in lex.terms["defect_verbs"] or lex.verbs["causal"].match(a)) and not any(
            lex.verbs[k].match(a) for k in ("recovery", "response", "diligence", "reporting", "speech"))
        harmful = (
            made_defect
            or lex.verbs["fault"].match(a)
            or lex.verbs["breakage"].match(a)
            or ((lex.verbs["destructive"].match(a) or lex.verbs["disable"].match(a)) and (valuable or bool(subject_words & lex.framing["safeguard_objects"])))
            # "a page storm caused by someone pressing the wrong key": the failure itself, caused by a person
            or (verb_lemma(a) in lex.terms["cause_verbs"] and c.subject is not None and _failure_noun(c.subject, lex))
            # "Was the exchange brought to a standstill by one clerk?"
            or idiom_match(c, lex) is not None
            # "which was updated by you right before the crash": the reader's own change (rule 17)
            or (c.agent.lower_ == "you" and any(lex.verbs[k].match(a) for k in ("causal", "batch", "disable", "destructive"))
                and not lex.verbs["approval"].match(a))
        )
        if harmful or subject_framed or missed or negative_framing(c, lex) or risky_circumstances(c, lex):
            return Detection(
                "blame.passive-agent", "passive-agent",
                f'The passive names "{_who(c.agent)}" as the one who did it; drop the agent and describe what the system allowed.',
                c, [a, c.agent], c.agent,
            )
    return None


def _failure_noun(tok: Token, lex: Lexicon) -> bool:
    """"the outage", "a malfunction", "a false alarm": the failure the incident is about."""
    lemma = tok.lemma_.lower()
    return lemma in lex.terms["incident_nouns"] and lemma not in ("this", "it") or lemma in lex.terms["failure_nouns"]


def counterfactual(view: SentenceView) -> Detection | None:
    for c in view.clauses:
        prevention = view.lex.verbs["diligence"].match(c.verb) or c.lemma in ("avoid", "prevent", "catch", "stop", "spot", "notice", "see")
        if not (c.modal in ("should", "ought", "shoulda", "must") or c.conditional or (c.modal == "could" and prevention)):
            continue
        if c.passive or credited(c, view.lex):
            continue  # "If Ottilie had not been paged ...": something done to her, not by her
        if offered(c, view.lex) or denied_hindsight(c, view.lex):
            continue  # "If you had asked, I'd have helped": an offer; "Neither reviewer could have ...": denied
        # "Shouldn't have merged it": the writer's own hindsight with the "I" dropped
        # (an act done to something: "must have been the cache", "should have finished by
        # now" say what a thing was or did)
        implied = c.modal is not None and not c.conditional and c.subject_kind not in BLAMEABLE and implied_writer(c, view.sent, view.lex.terms["apology_markers"], view.lex.terms["apology_addressees"]) \
            and c.lemma not in ("be", "have") and any(x.dep_ in ("dobj", "xcomp", "ccomp") for x in c.verb.children)
        if (c.subject_kind not in BLAMEABLE and not implied) or c.verb.i in view.quoted or refers_to_thing(c.verb):
            continue
        if c.lemma == "know" and any(t.lower_ == "better" for t in c.verb.children):
            continue  # "should have known better" is a judgement
        who = "you" if implied else _who(c.subject)
        return Detection(
            "blame.counterfactual", "counterfactual",
            f'A counterfactual about what "{who}" should have done judges a person with hindsight; ask what would have made the right step the default.',
            c, [c.verb], c.subject,
        )
    return None


def _contrast(neg: Token) -> bool:
    """"Engineer error, not a hardware fault, caused ...": a "not" on a noun that only sets
    the apposition after it aside; the noun itself is asserted."""
    noun = neg.head
    return noun.pos_ in ("NOUN", "PROPN") and neg.i > noun.i and any(
        c.dep_ == "appos" and c.i > neg.i for c in noun.children)


def _negated_sentence(tok: Token) -> bool:
    """"not a case of carelessness", "was not at fault", "nobody's fault"; "it wasn't my
    fault, or anyone's fault": a repeat of the denied noun shares its denial."""
    if tok.dep_ == "conj" and tok.pos_ == "NOUN" and (
            first := next((t for t in tok.sent if t.i < tok.i and t.lemma_ == tok.lemma_), None)) is not None and _negated_sentence(first):
        return True
    if any(c.dep_ == "neg" for m in tok.children if m.dep_ == "compound" and m.i < tok.i for c in m.children):
        return True  # "a hardware fault, not engineer error, ...": the "not" hangs on the modifier
    for anc in [tok, *tok.ancestors]:
        if any(c.dep_ == "neg" and not _contrast(c) for c in anc.children):
            return True
        if any(s.dep_ == "nsubj" and (s.lower_ in ("none", "nothing") or any(d.lower_ in ("neither", "no") for d in s.children))
               for s in anc.children):
            return True  # "Neither Emre nor the on-call engineer made a mistake", "None of this was her fault"
        if any(c.dep_ in ("det", "poss", "preconj", "cc") and c.lower_ in ("no", "nobody", "nobody's", "noone", "neither", "nor") for c in anc.children):
            return True
        if anc.dep_ == "ROOT":
            break
        if anc.dep_ in ("conj", "advcl", "parataxis") and any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in anc.children):
            break
        if anc.dep_ == "appos" and anc.i > anc.head.i + 1:
            break  # "... was never rotated after the move - probably my fault": an aside of its own  # "it should have been harmless, but through human error the queue stalled": a clause of its own
    return False
