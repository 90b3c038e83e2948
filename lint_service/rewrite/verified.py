"""Verified rewrites: the candidates of :func:`lint_service.rewrite.candidates`, each
parsed again and kept only when it is free of blame and keeps what the sentence said.

:func:`suggest` does it for one detection; :func:`plan_rewrites` and
:func:`finish_rewrites` are its two halves, before and after the first verification
parse, for a caller that parses the first candidates of many detections in one batch.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass, replace as with_fields
from typing import TYPE_CHECKING, Any, Callable

from spacy.tokens import Span

from . import strategy
from .as_written import ignoring_untouched_we, things_on_the_name
from .chat_tail import without_chat_tail
from .fallback import fallback_results
from .original import original_of
from .quoted_report import as_reported, quoted_report
from .repair import repaired
from .while_passive import progressive_while
from .section_wording import order
from .strategy import Candidate
from .text import balanced, continuing, ends_sentence, phrasing, sentence_end
from .verdict_only import REMOVAL, verdict_only
from .verdict_topic import verdict_on_topic
from .punishment_only import punishment_only
from .cleft_only import cleft_only
from .closed_round import closed_for_next_round, reopened
from .verify import Original, problems, still_theirs

if TYPE_CHECKING:  # imported lazily at run time to avoid an import cycle
    from ..checks.blame.recognizers import Detection
    from ..checks.registry import Context

# Refused candidates are logged at DEBUG ("bench/eval_rewrites.py --why" turns the
# package's logger to DEBUG): a missing rewrite is either no candidate or a refused one,
# and the fix differs.
log = logging.getLogger(__package__)

Blame = Callable[[Span], Any]
Batch = list[tuple[Candidate, "Detection | None", Original]]


@dataclass
class Plan:
    """What :func:`suggest` knows of one detection before its first verification parse.

    A parse of a few short sentences costs nearly as much as a parse of one (the
    pipeline's fixed cost per call), so the blame check plans the rewrites of every
    finding of a document first, parses all their first candidates (``texts``) in one
    batch, then finishes each plan: its parses are then found in the parser's cache."""

    det: "Detection"
    sent: Span
    section: str | None
    blame: Blame  # the verifier, blind to untouched "we" findings
    original_end: str
    kept: Original  # what every candidate must keep
    batch: Batch  # the first round's candidates, not yet parsed

    @property
    def texts(self) -> list[str]:
        return [c.text for c, _d, _o in self.batch]


def suggest(det: "Detection", sent: Span, ctx: "Context", blame: Blame | None = None, section: str | None = None) -> list[str]:
    """Verified rewrites of ``sent``: each parses again without any blame finding and
    keeps the sentence's numbers, negations, objects and antecedents.

    ``blame`` is the blame check's detector, handed in by the check (a sentence span
    to its detection or None); a restated sentence ("It was Lior who typed the
    command" -> "Lior typed the command") is rewritten in a further round from it.
    ``section`` is the canonical name of the section the sentence stands in."""
    plan = plan_rewrites(det, sent, ctx, blame, section)
    return [] if plan is None else finish_rewrites(plan, ctx)


def plan_rewrites(det: "Detection", sent: Span, ctx: "Context", blame: Blame | None = None,
                  section: str | None = None) -> Plan | None:
    """The first half of :func:`suggest`: its candidates up to their verification parse
    (None without a parser: nothing can be verified)."""
    if blame is None:
        from ..checks.blame.engine import detect

        lex = ctx.cache["blame.lexicon"]
        blame = lambda span: detect(span, lex)  # noqa: E731 - library callers without a check
    if ctx.parse is None:
        return None
    blame = ignoring_untouched_we(blame, sent, ctx)
    original_end = sentence_end(sent.text)
    lex = ctx.cache.get("blame.lexicon")
    judged = frozenset(w for key in ("judgement_adjectives", "judgement_adverbs", "judgement_nouns", "sarcastic_nouns")
                       for w in (lex.terms.get(key, ()) if lex is not None else ())) | frozenset(phrasing()["hindsight_adjectives"] + phrasing()["loaded_words"])
    virtues = frozenset(w + end for w in (lex.terms.get("virtue_adjectives", ()) if lex is not None else ()) for end in ("", "ly"))
    kept = original_of(det, sent)
    kept = with_fields(kept, objects=kept.objects + things_on_the_name(det, lex), judged=judged, virtues=virtues, judging_verbs=frozenset(
        # a misjudgement kept in a passive ("It was misjudged how long ...") is still the verdict
        phrasing()["judging_verbs"] + phrasing()["misjudged_verbs"]))
    return Plan(det, sent, section, blame, original_end, kept, _batch([(det, sent, kept)], ctx, original_end))


def _batch(pending: list[tuple["Detection | None", Span, Original]], ctx: "Context", original_end: str) -> Batch:
    """The candidates of one round, each with the detection it rewrites and what it must keep."""
    from . import candidates  # the package's strategies, defined before this module is imported

    batch: Batch = []
    for d, s, orig in pending:
        made = candidates(d, s, ctx) if d is not None else [x for x in (strategy.plain_passive(s),) if x is not None]
        for cand in made:
            text = cand.text
            if original_end and not ends_sentence(text):
                text += original_end
            if text == s.text.strip() or not balanced(text):
                continue
            batch.append((Candidate(text, cand.kind, cand.restated), d, with_fields(orig, dropped=orig.dropped | cand.gone) if s.doc is orig.sent.doc else orig))
    return batch


def finish_rewrites(plan: Plan, ctx: "Context") -> list[str]:
    """The second half of :func:`suggest`: verify the planned candidates (and the
    further rounds and fallbacks they lead to) and pick the ones offered."""
    det, sent, section, blame, original_end, kept = plan.det, plan.sent, plan.section, plan.blame, plan.original_end, plan.kept
    results: list[Candidate] = []
    pending = [(det, sent, kept)]
    doer = det.clause.subject if det.clause is not None else None
    batch = plan.batch
    closed_any = False  # a round read a chat line's clause closed with a period
    role_kept: list[Candidate] = []
    for round_ in range(3):  # a rewrite may uncover a second construction ("carelessly ... without testing")
        if round_ > 0:
            batch = _batch(pending, ctx, original_end)
        if not batch:
            break
        s = pending[-1][1]  # the sentence still_theirs() reads: the last one the round rewrote
        parsed = ctx.parse([c.text for c, _d, _o in batch])
        nxt = []
        for (cand, d, orig), doc in zip(batch, parsed):
            sents = list(doc.sents)
            leftover = [x for x in (blame(ps) for ps in sents) if x is not None]
            theirs = still_theirs(sents, s, d) if cand.restated else None
            if theirs == "main" and not leftover and still_theirs(sents, s, d, roles=False) is None \
                    and not any(problems(ps, orig) for ps in sents):
                role_kept.append(cand)  # (rewrite31) "The operator had no idea ...": kept only if no round says it without the role
            if log.isEnabledFor(logging.DEBUG):
                # (rewrite28) every candidate is logged, the ones kept too: "kept" marks those
                found = [p for ps in sents for p in problems(ps, orig)]
                log.debug("candidate %r: blame=%s problems=%s theirs=%s%s", cand.text,
                          [x.construction for x in leftover], found, theirs,
                          " (kept)" if not leftover and not found and theirs is None else "")
            if not leftover and not any(problems(ps, orig) for ps in sents) and theirs is None:
                # (rewrite30) "... was deleted while cleaning up X" -> "... while X was being cleaned up"
                whole = progressive_while(sents[0], orig, blame, ctx, doer) if len(sents) == 1 else None
                results.append(Candidate(whole, cand.kind, cand.restated) if whole else cand)
            elif len(sents) == 1 and (fixed := repaired(sents[0], orig, blame, ctx, doer)):
                results.append(Candidate(fixed, cand.kind, cand.restated))
            elif len(sents) == 1 and leftover and (cand.restated or (d is not None and d.construction in ("judgement", "possessive", "person-cause"))):
                # (rewrite29) a chat line's restated clause is read closed with a period (rewrite/closed_round.py)
                found, closed = closed_for_next_round(sents[0], ctx, blame) or (leftover[0], sents[0])
                closed_any |= closed is not sents[0]
                nxt.append((found, closed, orig.carry(closed, found)))
            elif len(sents) == 1 and cand.restated and theirs != "other":
                nxt.append((None, sents[0], orig))
        pending = nxt
        if results:
            break
    if not results and role_kept:
        results = role_kept[:1]
    if closed_any and not original_end:
        results = [Candidate(reopened(c.text, sent), c.kind, c.restated) for c in results]  # the line stays unclosed
    if all(c.kind == "generic" for c in results):  # none, or only "The process allowed ...", never offered
        results = fallback_results(det, sent, ctx, blame, original_end, kept) or results
    offered = continuing(sent, list(dict.fromkeys(order(results, section)))[:3])
    if not offered and (plain := without_chat_tail(sent)) is not None:
        # (rewrite23) "... shouldn't have removed it :)": made from the sentence without the tail
        copy = list(ctx.parse([plain])[0].sents)
        found = blame(copy[0]) if len(copy) == 1 else None
        offered = continuing(sent, suggest(found, copy[0], ctx, blame, section)) if found is not None else []
    if not offered and (report := quoted_report(sent)) is not None:
        offered = continuing(sent, _reported_rewrite(report, ctx, blame, section, original_end, kept))
    if not offered and (verdict_only(det, sent, ctx) or verdict_on_topic(det, sent, ctx) or punishment_only(det, sent, ctx)
                        or cleft_only(det, sent, ctx)):
        return [REMOVAL]  # (rewrite20) only a verdict or an apology, (rewrite26) a verdict on a named thing, a demand for punishment, a cleft that only says who: the sentence goes
    return offered



def _reported_rewrite(report: tuple[str, str, str, frozenset[str]], ctx: "Context", blame: Blame, section: str | None, end: str,
                      kept: Original) -> list[str]:
    """(rewrite24) '"I ran X," Haruto wrote.' -> "Haruto wrote that X was run.": the quoted
    clause is rewritten as a sentence of its own, then said as what the frame reports;
    the whole is parsed again and kept only when it is free of blame and of problems."""
    inner, frame, tail, speaker = report
    kept = with_fields(kept, reporters=speaker)
    copy = list(ctx.parse([inner])[0].sents)
    found = blame(copy[0]) if len(copy) == 1 else None
    if found is None:
        return []
    out = []
    for text in suggest(found, copy[0], ctx, blame, section)[:1]:
        said = list(ctx.parse([text])[0].sents) if text else []
        composed = as_reported(frame, said[0], tail, end) if len(said) == 1 else None
        if composed is None:
            continue
        sents = list(ctx.parse([composed])[0].sents)
        refused = [p for ps in sents for p in problems(ps, kept)]
        leftover = [x.construction for x in (blame(ps) for ps in sents) if x is not None]
        if log.isEnabledFor(logging.DEBUG):
            log.debug("reported %r: blame=%s problems=%s", composed, leftover, refused)
        if len(sents) == 1 and not refused and not leftover:
            out.append(composed)
    return out
