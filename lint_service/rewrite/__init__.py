"""System-subject rewrites for blame findings.

Checks decide *what* is wrong; this module decides *how to say it*. Each
construction has a strategy that edits the parsed sentence: passivise the
action without its agent ("The TLS certificate was not renewed"), put a system
named in the document in subject position ("Nothing in the release process
ensured that..."), drop the "by <person>" agent, or replace a possessive or a
blame noun. Every candidate is parsed again and kept only if it is free of
blame, so an applied suggestion never produces a new finding.
"""
from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Any

from spacy.tokens import Span, Token

from .people import replace_clause
from .act_noun import act_noun_subject
from .mistake_made import mistake_made
from .gerund_object import gerund_object
from .judged_state import judged_state
from .decided import decided
from .subject_gerund import discovery_edit
from .agent_place import agent_place
from .care_lapse import care_lapse
from .prepositional import prepositional_passive
from .relative import agent_act_parts, bare_agent_participle, relative_edits, time_or_place_clause
from .repair import edited
from .error_step import blame_noun
from .coordination import from_first_act, repeated_subject
from .owned_thing import owned_thing
from .lapse_words import lapse_words
from .owner_article import names_a_verdict, owner_article
from .permitted import delay_variants, permissive_variants
from .clause import passive_variants, system_variant
from .clause_range import clause_range
from .counterfactual import counterfactual_variants
from .reported import hedging_modal, misread_report
from .result_clause import result_of_state
from .judgement_variants import judgement_variants
from . import strategy
from .strategy import Candidate
from .verdict_only import REMOVAL
from .verified import Plan, finish_rewrites, plan_rewrites, suggest
from .text import phrasing, render, trailing_punct, verb_lemma_of

if TYPE_CHECKING:  # imported lazily at run time to avoid an import cycle
    from ..checks.blame.clauses import Clause
    from ..checks.blame.recognizers import Detection
    from ..checks.registry import Context

# "forgot to renew", "failed to test": the action did not happen
NOT_DONE = {"fail", "forget", "neglect", "omit", "refuse", "decline", "bother", "care", "trouble"}

__all__ = ["REMOVAL", "Plan", "candidates", "document_system", "finish_rewrites", "plan_rewrites", "suggest"]


def document_system(ctx: "Context", sent: Span) -> str:
    """The system the rest of the document talks about most ("the deploy pipeline")."""
    if "rewrite.systems" not in ctx.cache:
        heads = set(phrasing()["system_heads"])
        found: list[tuple[Span, str]] = []
        for _prose, doc in ctx.parses:
            for chunk in doc.noun_chunks:
                root = chunk.root
                if root.lemma_.lower() in heads and chunk[0].lower_ == "the" and 2 <= len(chunk) <= 4 and root.tag_ == "NN":
                    found.append((chunk, "the " + chunk[1:].text.lower()))
        ctx.cache["rewrite.systems"] = found
    counts = Counter(name for chunk, name in ctx.cache["rewrite.systems"] if chunk.doc is not sent.doc or not (sent.start <= chunk.start < sent.end))
    return counts.most_common(1)[0][0] if counts else phrasing()["default_system"]


def candidates(det: "Detection", sent: Span, ctx: "Context") -> list[Candidate]:
    """Rewritten sentences for one detection, before verification."""
    lex = ctx.cache["blame.lexicon"]
    rw = phrasing()
    c = det.clause
    # (an apology the parser hangs on the verb, "sorry sorry, merged X", is no manner of the
    # act; "just" plays down another's act, but the writer's own "i just truncated" is when)
    drop = set(lex.terms["judgement_adverbs"]) | set(rw["apology_words"])
    if c is None or c.subject is None or c.subject.lower_ not in lex.agents["pronouns"]["self"]:
        drop |= set(rw["minimising_adverbs"])
    out: list[Candidate] = []
    if first := strategy.restated_first(det, sent, ctx):
        return first  # "missed an obvious bug", "I own this one: I ...": said without the hindsight or verdict first
    if det.construction == "passive-agent" and c is not None and c.agent is not None:
        if sent.text.rstrip().endswith("?"):
            return []  # "Was X brought down by one technician?": the agent is what it asks about
        by = c.agent.head
        after = sent.doc[by.right_edge.i + 1] if by.right_edge.i + 1 < sent.end else None
        gone = {t.i for t in by.subtree} | {t.i for t in c.verb.children if t.dep_ == "advmod" and t.lower_ in drop}  # "carelessly"
        causal = verb_lemma_of(c.verb.text) in rw["causal_verbs"]
        if not causal and c.verb.dep_ != "acl" and (place := agent_place(by)) is not None:
            # (rewrite28) "was entered by a trader at the Osaka desk" -> "was entered at the Osaka
            # desk"; never with a verdict on the work left in the sentence ("a botched trade"), nor
            # for a reduced relative ("a route pushed by an engineer at the carrier": "pushed at
            # the carrier" would say the agent's place as the act's)
            if any(t.lower_ in lex.terms["judgement_adjectives"] for t in sent):
                return []
            gone -= {t.i for t in place.subtree}
            return [Candidate(render(sent, {}, gone))]
        bare = bare_agent_participle(c.verb, by, gone)  # "a typo entered by X" -> "a typo"
        if bare is None or causal and c.verb.i in bare:
            # (rewrite28) "a spurious alert caused by an operator clicking X": the participle
            # cannot go with its agent, and a cause dropped with it is a fact lost ("a spurious
            # alert caused by someone panicking" is no "spurious alert"); the act can stand
            # for the agent (below), else there is no rewrite
            act = agent_act_parts(by) if causal else None
            return [Candidate(render(sent, {by.i: act[0], **act[1]}, gone - {by.i}))] if act is not None else []
        gone = bare
        if after is not None and after.tag_ in ("VBN", "JJ") and after.head.i != by.i and not list(after.children):
            # "by the teams affected": the participle was the agent's; at the end of the
            # clause it goes with them, elsewhere it would dangle
            closing = after.i + 1 >= sent.end or trailing_punct(sent.doc[after.i + 1])
            if not closing:
                return []
            gone.add(after.i)
        # "copied to his personal laptop by Dariusz": the pronoun still points at him
        pronouns = {t.i: "a" for t in sent if t.lower_ in ("his", "her", "their") and t.dep_ == "poss" and t.i not in {x.i for x in by.subtree}}
        # "by the staff affected for an hour", "by the staff affected and escalated late": a
        # participle of the agent's with words of its own takes them along when the agent goes
        said = [t for t in by.subtree if t.dep_ in ("acl", "relcl", "conj") and t.tag_.startswith("VB") and list(t.children)]
        out = [] if said else [Candidate(render(sent, pronouns, gone))]
        # "caused by a contractor deleting X": the act is the cause, said without them
        if verb_lemma_of(c.verb.text) in rw["causal_verbs"] and (act := agent_act_parts(by)) is not None:
            out.append(Candidate(render(sent, {**pronouns, by.i: act[0], **act[1]}, gone - {by.i})))
        return out
    if det.construction == "person-cause" and det.target is not None:
        lead = det.evidence[0]
        cut = {t.i for t in lead.subtree} | {t.i for t in det.evidence[1].subtree}
        nxt = max(cut) + 1
        if nxt < sent.end and sent.doc[nxt].text == ",":
            cut.add(nxt)
        return [Candidate(render(sent, {}, cut))]
    if det.construction in ("made-by", "possessive") and det.target is not None and det.target.dep_ == "nsubj" \
            and det.target.head.dep_ == "relcl" and not list(det.target.children):
        # "The change I merged at 14:02 broke X" -> "The change that was merged at 14:02
        # broke X": the change keeps every fact the clause gave it, the person goes
        text = edited(sent.text, relative_edits(sent, frozenset({det.target.lower_})))
        return [Candidate(text)] if text is not None else []
    if det.construction == "made-by" and det.target is not None and det.target.head.lower_ in ("by", "from") and det.target.dep_ == "pobj" \
            and det.target.head.head.pos_ == "NOUN":  # (rewrite31) "a bad config push from the networking team" too
        return [Candidate(render(sent, {}, {t.i for t in det.target.head.subtree}))]  # "A migration by Ravi broke X" -> "A migration broke X"
    if det.construction == "possessive" and (owned := owned_thing(det, sent, ctx)):
        return owned  # "The bad regex in the WAF rule was mine" -> "There was a bad regex in ..."
    if det.construction == "possessive" and _imperative(sent):
        return []  # "Have a word with the data team about their carelessness": still aimed at them
    if det.construction == "possessive" and det.target is not None and det.target.lower_ not in ("mine", "his", "hers", "theirs", "yours"):
        owner, noun = det.target, det.evidence[1]
        if noun.dep_ == "attr" and noun.head.lemma_ == "be" and not any(x.dep_ in ("relcl", "acl") for x in noun.children) \
                and names_a_verdict(noun, lex):
            return []  # "The whole mess was Teodor's error": the verdict is all it says ("... was Lena's timeout" is a thing)
        # "Gaurav's wrong CIDR block": "wrong" is a fact about the block; "careless" is a
        # verdict on the person and goes
        judged = set(lex.terms["judgement_adjectives"])
        cut = {t.i for t in owner.subtree} | {t.i for t in det.evidence[2:] if t.lower_ in judged}
        repl = rw["possessed_nouns"].get(noun.lemma_.lower())
        lapsed = lapse_words(noun)  # (rewrite24) "a forgotten semicolon" -> "a missing semicolon"
        if repl:
            cut |= {noun.i}
            first = min(t.i for t in owner.subtree)
            return [Candidate(render(sent, {first: repl}, cut - {first}))]
        first = min(t.i for t in owner.subtree)
        article = owner_article(sent, owner, noun, cut)  # "A junior analyst's query" -> "A query"
        return [Candidate(render(sent, {**lapsed, first: article}, cut - {first}))]
    if det.construction == "blame-noun" and (found := blame_noun(det, sent, lex, rw)):
        return found
    if det.construction == "judgement" and (state := judged_state(c, sent, lex)):
        return state  # (rewrite31) "The reviewer was sloppy and approved X": the act, without the verdict half
    if det.construction == "judgement":
        # "blindly copy-pasted a snippet": without the adverb the person is still the
        # subject, so the sentence goes round again
        # "went rogue and hot-patched the servers", "carelessly restarted X and deleted Y":
        # coordinated acts are said half by half, the judgement going with the person (an
        # idiom half that only says how the other was done goes: rules/rewrites.yaml, alone: drop)
        halves = strategy.coordinated(c, sent, False, drop, lex) if c is not None and not c.modal and not c.negated \
            and c.subject is not None and c.subject.i < c.verb.i and any(
                x.dep_ == "conj" and x.pos_ == "VERB" and not any(s.dep_ in ("nsubj", "nsubjpass") for s in x.children)
                for x in c.verb.children) else []
        return halves or [Candidate(t, restated=True) for t in judgement_variants(det, sent, rw)] or strategy.judgement(det, sent, ctx) \
            or care_lapse(det, sent) or strategy.judged_process(det, sent, ctx)  # (rewrite29) recurring work that lapsed
    if c is not None and det.construction == "delay" and c.lemma == "take":
        return [Candidate(t) for t in delay_variants(c, sent)]
    if c is not None and det.construction == "permissive":
        return [Candidate(t) for t in permissive_variants(c, sent)]
    if sum(t.is_alpha for t in sent) >= 3 and all(t.is_upper for t in sent if t.is_alpha and len(t) > 1):
        return []  # shouted in capitals: the tagger cannot tell "IT" the department from "it"
    if c is not None and c.verb.dep_ == "ccomp" and c.verb.head.dep_ == "ROOT" and c.verb.head.pos_ in ("NOUN", "PROPN") and not misread_report(c.verb.head):
        return []  # "Our resident wizard/ROOT Dalia managed to ...": a noun read as the main verb
    if c is not None and c.verb.dep_ == "conj" and c.verb.head.pos_ in ("NOUN", "PROPN") and c.verb.head.dep_ == "ROOT":
        return []  # "A co-worker/ROOT and I entered/conj ...": the rest of the subject is the root
    if c is not None and ((_mood_changes(c) and not hedging_modal(c.verb)) or _quoted(c.verb, sent) or det.construction == "verdict"):
        return []  # "should lose her access", a verdict, or someone's quoted words: not ours to restate
    if c is not None and c.subject is not None and any(
            a.dep_ in ("aux", "auxpass") and a.i < c.subject.i and a.lower_ != "had" for v in (c.verb, c.action) for a in v.children):
        return []  # "not only did they kill", "Did you deploy ...?": a passive would keep the inverted "did"
    special = strategy.special(det, sent, ctx)
    if special is not None:
        return special
    if c is None or det.construction in ("directive", "idiom", "self-approval", "blame-noun"):
        return []
    if c.subject is not None and c.subject.lower_ in ("who", "that", "which"):
        return []  # the relative clause's antecedent stays; a passive would orphan it
    # (rewrite28) "I must have restarted the wrong pod": the writer's guess about what
    # happened, said as the same guess without them ("The wrong pod must have been
    # restarted": clause._perfect keeps the modal); "could have" and "would have" stay out
    guess = det.construction == "counterfactual" and hedging_modal(c.verb) is not None and c.action is c.verb and bool(c.objects)
    if c.modal in ("must", "might", "may", "could", "would") and det.construction == "counterfactual" and not guess:
        # "I must have pressed the wrong key" is a guess, not a should; "could have
        # avoided it by reading the notes" kept its hindsight with the means as subject
        # ("Reading the notes could have avoided it": blind grading, poor), and the means
        # not taken alone loses what it would have avoided: no rewrite
        return []
    if c.subject is not None and (c.subject.dep_ in ("dobj", "conj") or any(x.dep_ == "conj" and x.pos_ == "VERB" for x in c.action.children) and c.modal and not c.objects):
        # "allowed an employee to cut": the subject is another verb's object; "A co-worker
        # and I": half a subject; "should have gone in and looked": no single action
        return []
    if result := result_of_state(c, sent):
        return result  # (rewrite17) "I was so busy with X that I forgot to ...": the result alone
    if c.verb.dep_ == "relcl" and c.subject is not None and c.subject.pos_ in ("PROPN", "PRON") and len(list(c.subject.subtree)) == 1:
        # "a patch Ana never tested" -> "a patch that was never tested": the clause about the thing stays
        text = edited(sent.text, relative_edits(sent, frozenset({c.subject.lower_})))
        return [Candidate(text)] if text is not None else []
    if (c.verb.dep_ == "relcl" and not time_or_place_clause(c.verb)) or (
            c.action.dep_ in ("xcomp", "ccomp") and c.action.head.lemma_ in rw["permissive_heads"] and c.action is c.verb
            and c.action.i > c.action.head.i):
        # "the contractor whose crews cut ...", "allowed an employee to cut ...": no clause of its own
        # (a clause before the head is not its complement: "I deleted X, how can I get it back?")
        return []
    if c.subject is not None and c.subject.head.pos_ in ("VERB", "AUX") and c.subject.head not in (c.verb, c.action) \
            and c.subject.head.i < c.verb.i and c.verb.dep_ == "conj" and (c.verb.head != c.subject.head or strategy.acts_alike(c)):
        # the subject is shared from a clause further back: "wrote the migration, tested it
        # ..., and ran it on production" is one list of acts, said half by half; anything
        # else ("A colleague and I typed ... but missed") has no clause of its own
        return from_first_act(c, sent, drop, lex)
    if repeated_subject(c) is not None and not c.modal:
        # (rewrite17) "I deleted the index and I forgot to rebuild it": each act the person
        # says again as its subject is said the same way, in one candidate, or none is
        together = strategy.coordinated(c, sent, False, drop, lex)
        if repeated_subject(c, situations=False) is not None:
            return together
        # (rewrite28) "... and now I can't start it": the writer's present situation said
        # again; after the rewrite that makes it agentless too, one that leaves it as written
        # (writer_clause.writers_situation), for when the first reads badly or is refused
        return together + [x for x in _clause_candidates(det, sent, ctx, c, drop, lex, guess) if x not in together]
    return _clause_candidates(det, sent, ctx, c, drop, lex, guess)


def _clause_candidates(det: "Detection", sent: Span, ctx: "Context", c: "Clause", drop: set[str], lex: Any,
                       guess: bool) -> list[Candidate]:
    """The last strategies of :func:`candidates`: the clause's own passive and its variants."""
    from ..checks.blame.framing import clause_tokens

    rw = phrasing()
    out: list[Candidate] = []
    if nominal := act_noun_subject(c, sent):
        return nominal  # (rewrite27) "A force-push to main wiped out three commits" (rewrite/act_noun.py)
    if made := mistake_made(c, sent, drop):
        return made  # (rewrite31) "screwed up during the cutover" -> "A mistake was made during the cutover"
    if decision := decided(c, sent):
        return decision  # (rewrite31) "The lead decided to ship X" -> "It was decided to ship X"
    own = clause_tokens(c)
    if not own or (c.subject is not None and c.verb in list(c.subject.subtree)):
        return []  # a repaired parse ("The QA lead/ROOT signed/acl ...") has no clean clause range
    if c.action is not c.verb and c.lemma in rw["attempt_verbs"]:
        return []  # "tried to install the array": the passive would make the attempt a finished act
    first, last = clause_range(c, own)
    if c.subject is not None and c.subject.head not in (c.verb, c.action) and first <= c.subject.head.i <= last \
            and any(v.dep_ in ("advcl", "conj", "pcomp") for v in (c.verb, c.action)):
        # "acknowledged the page, accidentally starting a stampede", "was half-asleep and ran the
        # purge": the person's other act or state lies inside the range and would vanish
        return []
    span = (first, last)
    # "forgot to renew", "failed to test": the action did not happen
    negate = det.construction == "omission" or (c.action is not c.verb and c.lemma in NOT_DONE)
    if det.construction == "counterfactual" and not guess:
        variants = list(zip(counterfactual_variants(c, own, drop, span), ("event", "safeguard")))
    else:
        variants = [(v, "event") for v in passive_variants(c, own, negate, drop, span)]
        if not variants:
            prep = prepositional_passive(c, own, negate, drop, span) or gerund_object(c, own, negate, drop)
            if prep is None:
                return strategy.coordinated(c, sent, negate, drop, lex)
            variants = [(prep, "event")]
        if negate:
            # "Nothing in the release process ensured that the certificate was renewed"
            system = document_system(ctx, sent)
            sys_v = system_variant(c, own, drop, system, span)
            if sys_v:
                variants.append((sys_v, "process" if system == rw["default_system"] else "system"))
        needed = _requirement(c, own, negate, drop, span)
        if needed:
            variants.append((needed, "requirement"))
    found_out = discovery_edit(c.action)  # (rewrite31) "before realising X" -> "before it was realised that X"
    for v, kind in variants:
        if found_out is not None and v.count(found_out[0]) == 1:
            v = v.replace(*found_out)
        out.append(Candidate(replace_clause(sent, first, last, v), kind))
    return out


def _imperative(sent: Span) -> bool:
    root = sent.root
    return root.tag_ == "VB" and root.i == sent.start and not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in root.children)


def _mood_changes(c: "Clause") -> bool:
    """"should lose", "will be disciplined", "must never": a passive in the past would
    turn a wish or a verdict into a fact. ("should have" is a counterfactual, handled.)"""
    verbs = [c.verb, c.action]
    return not c.modal and any(a.tag_ == "MD" for v in verbs for a in v.children if a.dep_ in ("aux", "auxpass"))


def _quoted(verb: Token, sent: Span) -> bool:
    quotes = ('"', "“", "”")
    return sum(1 for t in sent if t.i < verb.i and t.text in quotes) % 2 == 1


def _requirement(c: "Clause", own: list, negate: bool, drop: set[str], span: tuple[int, int]) -> str | None:
    """"Nothing required a canary before the primary was restarted" (analysis sections)."""
    prep = next((p for p in c.action.children if p.dep_ == "prep" and p.lower_ == "without"), None)
    if prep is None or negate:
        return None
    what = next((g for g in prep.children if g.dep_ in ("pobj", "pcomp")), None)
    # "without approval during business hours": the time stays with the action
    moved = {t.i for c2 in (what.children if what is not None else ()) if c2.dep_ == "prep" and c2.lower_ not in ("of", "for")
             for t in c2.subtree}
    cut = {t.i for t in prep.subtree} - moved
    plain = passive_variants(c, [t for t in own if t.i not in cut], False, drop, span)
    return strategy.requirement(c, plain[0].rstrip(".")) if plain else None
