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

from spacy.tokens import Span

from .clause import clause_range, counterfactual_variants, passive_variants, system_variant
from .text import balanced, inflect, phrasing, render, span_text, tidy, verb_lemma_of

if TYPE_CHECKING:  # imported lazily at run time to avoid an import cycle
    from ..checks.blame.clauses import Clause
    from ..checks.blame.recognizers import Detection
    from ..checks.registry import Context

# "forgot to renew", "failed to test": the action did not happen
NOT_DONE = {"fail", "forget", "neglect", "omit", "refuse", "decline", "bother", "care", "trouble"}

__all__ = ["candidates", "document_system", "suggest"]


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


def candidates(det: "Detection", sent: Span, ctx: "Context") -> list[str]:
    """Rewritten sentences for one detection, before verification."""
    from ..checks.blame.framing import clause_tokens

    lex = ctx.cache["blame.lexicon"]
    drop = set(lex.terms["judgement_adverbs"])
    rw = phrasing()
    c = det.clause
    out: list[str] = []
    if det.construction == "passive-agent" and c is not None and c.agent is not None:
        by = c.agent.head
        # "copied to his personal laptop by Dariusz": the pronoun still points at him
        pronouns = {t.i: "a" for t in sent if t.lower_ in ("his", "her", "their") and t.dep_ == "poss" and t.i not in {x.i for x in by.subtree}}
        return [render(sent, pronouns, {t.i for t in by.subtree})]
    if det.construction == "person-cause" and det.target is not None:
        lead = det.evidence[0]
        cut = {t.i for t in lead.subtree} | {t.i for t in det.evidence[1].subtree}
        nxt = max(cut) + 1
        if nxt < sent.end and sent.doc[nxt].text == ",":
            cut.add(nxt)
        return [render(sent, {}, cut)]
    if det.construction == "possessive" and det.target is not None and det.target.lower_ not in ("mine", "his", "hers", "theirs", "yours"):
        owner, noun = det.target, det.evidence[1]
        cut = {t.i for t in owner.subtree} | {t.i for t in det.evidence[2:]}
        repl = rw["possessed_nouns"].get(noun.lemma_.lower())
        if repl:
            cut |= {noun.i}
            first = min(t.i for t in owner.subtree)
            return [render(sent, {first: repl}, cut - {first})]
        first = min(t.i for t in owner.subtree)
        return [render(sent, {first: "the"}, cut - {first})]
    if det.construction == "blame-noun" and len(det.evidence) == 2 and det.evidence[1].lemma_.lower() in lex.terms["error_heads"]:
        mod, noun = det.evidence
        if det.target is not None or any(t.lower_ in ("by", "who") for t in noun.subtree):
            return []  # "a user error by the admin, who ...": no faithful rewrite without the person
        np = [t for t in noun.subtree if t.i <= noun.i]
        first = min(t.i for t in np)
        return [render(sent, {first: rw["blame_noun_replacement"]}, {t.i for t in np} - {first})]
    if det.construction == "blame-noun" and det.target is not None and det.evidence[0].head.lemma_ == "be":
        # "It was Kwame's fault that the queue backed up" -> "The queue backed up"
        clause = next((c2 for c2 in det.evidence[0].children if c2.dep_ in ("ccomp", "relcl", "acl")), None) or next(
            (c2 for c2 in det.evidence[0].head.children if c2.dep_ in ("ccomp",)), None)
        if clause is not None:
            body = [t for t in clause.subtree if not (t.dep_ == "mark" and t.head == clause)]
            return [tidy(span_text(body)) + "."]
        return []
    if det.construction == "judgement":
        return _judgement_variants(det, sent, rw)
    if c is not None and det.construction == "delay":
        return _delay_variants(c, sent)
    if c is not None and det.construction == "permissive":
        return _permissive_variants(c, sent)
    if c is None or det.construction in ("directive", "idiom", "self-approval", "blame-noun"):
        return []
    if c.subject is not None and c.subject.lower_ in ("who", "that", "which"):
        return []  # the relative clause's antecedent stays; a passive would orphan it
    if c.modal in ("must", "might", "may", "could", "would") and det.construction == "counterfactual":
        return []  # "I must have clicked the wrong link" is a guess, not a should
    own = clause_tokens(c)
    if not own or (c.subject is not None and c.verb in list(c.subject.subtree)):
        return []  # a repaired parse ("The QA lead/ROOT signed/acl ...") has no clean clause range
    first, last = clause_range(c, own)
    span = (first, last)
    # "forgot to renew", "failed to test": the action did not happen
    negate = det.construction == "omission" or (c.action is not c.verb and c.lemma in NOT_DONE)
    if det.construction == "counterfactual":
        variants = counterfactual_variants(c, own, drop, span)
    else:
        variants = passive_variants(c, own, negate, drop, span)
        # "The deploy pipeline allowed X to be pushed without review" suits actions a
        # safeguard could have stopped, not lapses like "ignored" or "messed up".
        if det.construction != "fault" or negate:
            sys_v = system_variant(c, own, negate, drop, document_system(ctx, sent), span)
            if sys_v:
                variants.append(sys_v)
    for v in variants:
        out.append(render(sent, {first: v}, set(range(first + 1, last + 1))))
    return out


def _delay_variants(c: "Clause", sent: Span) -> list[str]:
    """"Ravi took two hours to notice the alert" -> "It took two hours to notice the alert"."""
    if c.lemma != "take" or c.subject is None:
        return []
    if c.subject.lower_ == "it":
        person = next((o for o in c.verb.children if o.dep_ in ("dobj", "dative")), None)
        return [render(sent, {}, {t.i for t in person.subtree})] if person is not None else []
    first = min(t.i for t in c.subject.subtree)
    return [render(sent, {first: "it"}, {t.i for t in c.subject.subtree} - {first})]


def _permissive_variants(c: "Clause", sent: Span) -> list[str]:
    """"Bo let the disk fill up" -> "The disk filled up"; "allowed the certificate to expire"
    -> "The certificate expired"."""
    outcome = next((x for x in c.action.children if x.dep_ in ("ccomp", "xcomp")), None)
    if outcome is None or c.subject is None:
        return []
    thing = next((s for s in outcome.children if s.dep_ == "nsubj"), None) or (c.objects[0] if c.objects else None)
    if thing is None:
        return []
    rest = [t for t in outcome.subtree if t.i > outcome.i and t.dep_ != "punct" or (t.dep_ == "punct" and t.i < max(x.i for x in outcome.subtree))]
    rest = [t for t in rest if t.i not in {x.i for x in thing.subtree}]
    text = " ".join(x for x in (span_text(list(thing.subtree)), inflect(verb_lemma_of(outcome.text), "VBD"), span_text(rest)) if x)
    first = min(t.i for t in c.subject.subtree)
    last = max(t.i for t in outcome.subtree if not t.is_punct)
    return [render(sent, {first: text}, set(range(first + 1, last + 1)))]


def _judgement_variants(det: "Detection", sent: Span, rw: dict[str, Any]) -> list[str]:
    word = det.evidence[0]
    low = word.lower_
    if word.dep_ in ("advmod",):  # "handled the rollout sloppily" -> "handled the rollout"
        return [render(sent, {}, {word.i})]
    if word.dep_ == "amod" and len(det.evidence) == 2 and det.evidence[1].dep_ in ("nsubj", "nsubjpass"):
        head = det.evidence[1]  # "A more careful engineer would have spotted" -> "An automated check would have ..."
        np = [t for t in head.subtree if t.i <= head.i]
        first = min(t.i for t in np)
        return [render(sent, {first: rw["ideal_person_replacement"]}, {t.i for t in np} - {first})]
    if low in rw["judgement_neutral"]:
        cut = {t.i for p in word.children if p.dep_ == "prep" and p.lower_ == "of" for t in p.subtree}
        if cut:  # "was reckless of Farid" -> "was risky"
            return [render(sent, {word.i: rw["judgement_neutral"][low]}, cut)]
    return []


def suggest(det: "Detection", sent: Span, ctx: "Context") -> list[str]:
    """Verified rewrites of ``sent``: each parses again without any blame finding."""
    from ..checks.blame.engine import detect

    lex = ctx.cache["blame.lexicon"]
    original_end = sent.text.rstrip()[-1:] if sent.text.rstrip()[-1:] in ".!?" else ""
    results: list[str] = []
    pending = [(det, sent)]
    for _round in range(2):  # a rewrite may uncover a second construction ("carelessly ... without testing")
        nxt = []
        for d, s in pending:
            for cand in candidates(d, s, ctx):
                if original_end and not cand.endswith(("." , "!", "?")):
                    cand += original_end
                if cand == s.text.strip() or ctx.parse is None or not balanced(cand):
                    continue
                parsed = ctx.parse([cand])[0]
                sents = list(parsed.sents)
                leftover = [x for x in (detect(ps, lex) for ps in sents) if x is not None]
                if not leftover:
                    results.append(cand)
                elif len(sents) == 1 and _round == 0 and d.construction in ("judgement", "possessive", "person-cause"):
                    nxt.append((leftover[0], sents[0]))
        pending = nxt
        if results:
            break
    return list(dict.fromkeys(results))[:3]
