"""The blame check: run the recognizers over every sentence of every prose segment.

One finding per sentence, from the first recognizer (in priority order) that
fires; the finding spans the sentence and its suggestions replace the sentence.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Callable, Iterable

from spacy.tokens import Doc, Span

from ...budget import check_deadline
from ...findings import Hit
from ...document.model import Prose
from ...rewrite import REMOVAL, Plan, document_system, finish_rewrites, plan_rewrites, suggest
from ..registry import Context, check
from .assertions import blame_noun, blame_phrase, directive, person_cause, pointing
from .irony import ironic_praise
from .attribution import pointed_at
from .believed_then import believed_then_acted
from .clauses import clauses
from .headlines import headline_doer
from .hedged import hedged_act
from .origin import traced_act
from .reproach import you_reproach
from .overhaste import overhasty
from .self_judgement import self_judged
from .owned_act import owned_act
from .told_not_again import told_not_again
from .judgements import judgement
from .judged import judged_person
from .learned import RULE as LEARNED_RULE, learned_net
from .lexicon import Lexicon, load_lexicon
from .quotes import quoted_tokens
from .removal import removal_hit
from .unasserted import unasserted
from .shouting import case_copy, recased
from .possessives import possessive, predicate_possessive
from .recognizers import (
    Detection, SentenceView, counterfactual, delayed_response, passive_agent, person_subject, we_subject,
)
from .verdicts import apology, blame_verb, verdict
from .evaluative import possessed_fault, verdict_on  # faults and verdicts said as evaluations (judge22)
from .reluctance import unwilling
from .bare_apology import bare_apology

log = logging.getLogger(__name__)

# Most specific first: a sentence gets the finding of the first that fires.
PRIORITY = (
    blame_phrase, blame_noun, blame_verb, possessive, predicate_possessive, counterfactual, judgement, judged_person, verdict, verdict_on, possessed_fault,
    passive_agent, person_cause, ironic_praise, pointing, traced_act, pointed_at, directive, apology, bare_apology, person_subject, believed_then_acted, hedged_act, you_reproach, overhasty, unwilling, self_judged, owned_act, told_not_again, delayed_response, headline_doer, we_subject,
)

BLAME_RULES = (
    "blame.person-subject", "blame.passive-agent", "blame.possessive", "blame.blame-noun",
    "blame.counterfactual", "blame.judgement", "blame.person-directive", "blame.person-cause", "blame.we-subject",
    LEARNED_RULE,
)
DEFAULT_OFF = ("blame.we-subject", LEARNED_RULE)


def lexicon_for(ctx: Context) -> Lexicon:
    cfg = ctx.config
    return load_lexicon(tuple(getattr(cfg, "systems", ()) or ()), tuple(getattr(cfg, "people", ()) or ()))


def is_thanks(sent: Span, lex: Lexicon) -> bool:
    """"Thanks to Ravi for ...", "Kudos to Sakura", "Shout-out to ...": credit, not blame."""
    words = [t for t in sent if not t.is_punct and not t.is_space][:4]
    return any(t.lower_ in lex.terms["thanks_markers"] or t.lemma_.lower() in lex.terms["thanks_markers"] for t in words[:3])


# Longer "sentences" are tables, logs or lists the sentence splitter could not cut;
# their parse is meaningless for blame and the recognizers' tree walks grow with
# the square of the length.
MAX_SENTENCE_TOKENS = 150


def detect(sent: Span, lex: Lexicon, want: frozenset[str] | None = None) -> Detection | None:
    """The blame detection for one sentence, or None."""
    if len(sent) > MAX_SENTENCE_TOKENS:
        return None
    view = SentenceView(sent, clauses(sent, lex), quoted_tokens(sent, lex), lex)
    # Thanks and credit are not blame, unless the credit is ironic ("Hats off to Taini
    # for breaking the build"): then only that reading applies.
    recognizers = (ironic_praise,) if is_thanks(sent, lex) else PRIORITY
    for recognizer in recognizers:
        found = recognizer(view)
        if found is not None and (want is None or found.rule in want) and not unasserted(found, sent, lex):
            return found
    # The learned recall net only where no rule fired, and only when asked for by
    # name (rewrite verification passes want=None and is judged by the rules alone).
    if want is not None and LEARNED_RULE in want and recognizers is PRIORITY:
        return learned_net(view)
    return None


def _trimmed(sent: Span) -> tuple[int, int]:
    text = sent.text
    start = sent.start_char + (len(text) - len(text.lstrip()))
    end = sent.start_char + len(text.rstrip())
    return start, end


# Results are memoised on each parsed paragraph (Doc.user_data). The parser
# hands back the same Doc for unchanged text, so an editor re-sending a document
# re-runs the recognizers and rewrites only for paragraphs it actually re-parsed;
# the memo leaves the parser's LRU together with its Doc.
_MEMO = "blamelint.blame"


def _memo(doc: Doc) -> dict:
    return doc.user_data.setdefault(_MEMO, {})


Reparse = Callable[[list[str]], list[Doc]]


def _shouted_detection(sent: Span, lex: Lexicon, want: frozenset[str] | None, reparse: Reparse | None) -> Detection | None:
    """A sentence in capitals or a title-case headline read again from a sentence-case
    copy (see shouting.py)."""
    text = case_copy(sent) if reparse is not None else None
    if text is None:
        return None
    for copy in reparse([text])[0].sents:
        if (d := detect(copy, lex, want)) is not None:
            return d
    return None


def _detections(doc: Doc, lex: Lexicon, lex_key: tuple, want: frozenset[str], reparse: Reparse | None = None) -> list[tuple[Span, Detection]]:
    memo = _memo(doc)
    key = ("detect", lex_key, want, reparse is not None)
    found = memo.get(key)
    if found is None:
        found = []
        for sent in doc.sents:
            check_deadline()  # between sentences: LintTimeout once the budget is spent
            if (d := detect(sent, lex, want) or _shouted_detection(sent, lex, want, reparse)) is not None:
                found.append((sent, d))
        memo[key] = found
    return found


def _verifier(ctx: Context) -> Callable[[Span], Detection | None]:
    lex = ctx.cache["blame.lexicon"]

    def blame(span: Span) -> Detection | None:  # the rewrites' verifier: the same detection
        return detect(span, lex)

    return blame


def _suggestion_key(found: Detection, sent: Span, ctx: Context, lex_key: tuple, section: str | None) -> tuple:
    # A rewrite depends on the sentence, the lexicon and the system the rest of
    # the document talks about most (document_system) and the section (the same
    # paragraph text, hence the same cached Doc, can stand in a timeline and in analysis).
    return ("suggest", sent.start, sent.end, found.rule, lex_key, document_system(ctx, sent), section)


def _suggestions(found: Detection, sent: Span, ctx: Context, lex_key: tuple, section: str | None,
                 plan: Plan | None = None) -> tuple[str, ...]:
    """The rewrites of one detection, from its ``plan`` when one was made (see _plan_rewrites)."""
    if ctx.parse is None:
        return tuple(suggest(found, sent, ctx, _verifier(ctx), section))
    key = _suggestion_key(found, sent, ctx, lex_key, section)
    memo = _memo(sent.doc)
    out = memo.get(key)
    if out is None:
        made = finish_rewrites(plan, ctx) if plan is not None else suggest(found, sent, ctx, _verifier(ctx), section)
        out = memo[key] = tuple(made)
    return out


def _copy_sentence(found: Detection, sent: Span) -> Span | None:
    """The sentence-case copy a shouted or headline detection was read from, when every
    token of the detection lies in it and it has the original's length (case_copy keeps it)."""
    tokens = list(found.evidence) + ([found.clause.verb] if found.clause is not None else [])
    if not tokens or any(t.doc is not tokens[0].doc for t in tokens):
        return None
    copy = tokens[0].sent
    return copy if len(copy.text) == len(sent.text) else None


# Rules whose headline findings are rewritten from the sentence-case copy when their own
# parse gives none: a blame noun keeps its place in a copy ("caused by human error"); the
# other strategies rebuild the clause, and from a copy they dropped what it was about (a
# possessive's "Typo" went with its owner): those stay without.
COPY_REWRITTEN = frozenset({"blame.blame-noun"})


def _from_case_copy(found: Detection, sent: Span, ctx: Context, lex: Lexicon, lex_key: tuple,
                    section: str | None) -> tuple[str, ...]:
    """A title-case headline the recognizers read on its own tokens ("Massive Blackout
    Caused by Human Error") but left without a rewrite: the tagger reads its capitals as
    names, so the rewrite strategies get the sentence-case copy's parse instead (the one
    ``_shouted_detection`` reads), when the copy has a detection of the same rule, and the
    rewrite is put back in title case."""
    d = _shouted_detection(sent, lex, None, ctx.parse)
    copy = _copy_sentence(d, sent) if d is not None and d.rule == found.rule else None
    if copy is None:
        return ()
    return tuple(recased(s, sent) for s in _suggestions(d, copy, ctx, lex_key, section))


@dataclass
class _Finding:
    """A detection on its way to a hit: where it is in the original text and the sentence
    its rewrites are made from (None when it gets none)."""

    prose: Prose
    sent: Span
    found: Detection
    start: int
    end: int
    source: Span | None = None  # the detection's own sentence, or the case copy it was read from
    copied: bool = False
    plan: Plan | None = None
    failure: Exception | None = None  # raised by the rewrites' planning, reported with the finding


def _findings(ctx: Context, lex: Lexicon, lex_key: tuple, want: frozenset[str]) -> list[_Finding]:
    out: list[_Finding] = []
    for prose, doc in (*ctx.parses, *ctx.headings):
        doc_text = None  # Doc.text joins every token: build it once per paragraph, not per finding
        for sent, found in _detections(doc, lex, lex_key, want, ctx.parse):
            check_deadline()
            start, end = _trimmed(sent)
            if end <= start:
                continue
            o_start, o_end = prose.original_span(start, end)
            finding = _Finding(prose, sent, found, o_start, o_end)
            doc_text = doc.text if doc_text is None else doc_text
            # A suggestion replaces the original span, so offer one only when the
            # prose is the original text verbatim (no inline code or markup removed).
            # A detection read from a shouted sentence's sentence-case copy has no tokens
            # in this paragraph to rewrite from.
            own = (found.clause is None or found.clause.verb.doc is doc) and all(t.doc is doc for t in found.evidence)
            # ... so its rewrite is made from the copy, and put back in the original's case
            copy = None if own else _copy_sentence(found, sent)
            if (own or copy is not None) and ctx.document.text[o_start:o_end] == doc_text[start:end]:
                finding.source, finding.copied = (sent if copy is None else copy), copy is not None
            out.append(finding)
    return out


def _plan_rewrites(findings: list[_Finding], ctx: Context, lex_key: tuple) -> None:
    """Plan the rewrites of every finding not memoised yet and parse all their first
    candidates in one batch: the pipeline costs nearly as much per call as per short
    sentence, and each finding's own verification parse then comes from the cache."""
    if ctx.parse is None:
        return
    texts: list[str] = []
    for f in findings:
        if f.source is None or _suggestion_key(f.found, f.source, ctx, lex_key, f.prose.section) in _memo(f.source.doc):
            continue
        check_deadline()
        try:
            f.plan = plan_rewrites(f.found, f.source, ctx, _verifier(ctx), f.prose.section)
        except Exception as exc:  # reported where the finding's rewrites are made
            f.failure = exc
            continue
        texts += f.plan.texts if f.plan is not None else []
    if texts:
        ctx.parse(texts)


@check(*BLAME_RULES)
def blame_check(ctx: Context) -> Iterable[Hit]:
    lex = lexicon_for(ctx)
    ctx.cache["blame.lexicon"] = lex
    lex_key = (tuple(getattr(ctx.config, "systems", ()) or ()), tuple(getattr(ctx.config, "people", ()) or ()))
    # A disabled default-off rule should not hide an enabled one in the same sentence.
    want = frozenset(r for r in BLAME_RULES if ctx.config.is_enabled(r, r not in DEFAULT_OFF))
    findings = _findings(ctx, lex, lex_key, want)
    _plan_rewrites(findings, ctx, lex_key)
    for f in findings:
        check_deadline()
        found, sent, prose = f.found, f.sent, f.prose
        suggestions: tuple[str, ...] = ()
        if f.source is not None:
            try:
                check_deadline()  # the rewrite entry: LintTimeout is a BaseException, not caught below
                if f.failure is not None:
                    raise f.failure
                suggestions = _suggestions(found, f.source, ctx, lex_key, prose.section, f.plan)
                if f.copied:
                    suggestions = tuple(recased(s, sent) for s in suggestions)
                elif not suggestions and found.rule in COPY_REWRITTEN:
                    suggestions = _from_case_copy(found, sent, ctx, lex, lex_key, prose.section)
            except Exception:  # a rewrite bug must never cost the user the finding
                log.exception("rewrite failed for %r", sent.text)
        if REMOVAL in suggestions:
            yield from removal_hit(ctx, prose, found, f.start, f.end, suggestions)
            continue
        yield Hit(found.rule, f.start, f.end, found.message, tuple(suggestions))
