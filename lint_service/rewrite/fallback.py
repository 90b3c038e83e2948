"""Strategies for constructions the clause strategies leave without a verified rewrite.

They are tried in order only then, so they never change a rewrite already offered,
and their candidates pass the same checks as every other: no blame finding when
parsed again, and nothing the sentence says lost (``verify.problems``).
"""
from __future__ import annotations

import logging
from dataclasses import replace
from typing import TYPE_CHECKING, Any, Callable

from spacy.tokens import Span

from .candidate import Candidate
from .absence import absence_then
from .agent_clause import agent_act_when, agent_attempt
from .elapsed import elapsed_before
from .instead_of_act import instead_of_act
from .judged_act import judged_act
from .missed_act import missed_act
from .error_explained import error_explained
from .error_step import error_in_context
from .headline_acts import headline_two_acts
from .headline_words import headline_words
from .reported import told_by_doer
from .hypothetical import hypothetical_as_fact
from .manual_error import manual_error
from .verdict_act import verdict_act
from .whoever_act import whoever_act, whoever_during
from .verdict_who import verdict_who
from .unattended import unattended
from .owned_mistake import mistake_to, mistake_was, owned_mistake
from .permitted_act import permitted_act
from .person_relative import person_relative
from .result_participle import act_with_result
from .owner_reason import owner_without_reason
from .rootless import noun_rooted
from .split_object import split_object
from .spliced import act_then_clause, act_then_consequence
from .text import balanced, ends_sentence
from .unchecked import unchecked_clause
from .uninformed import acted_untold, not_told_about
from .verify import Original, problems
from .without import implied_conditional, missed_prepositional, missed_step_before
from .wrong_state import wrong_state

if TYPE_CHECKING:
    from ..checks.blame.recognizers import Detection
    from ..checks.registry import Context

log = logging.getLogger(__name__)

Strategy = Callable[["Detection", Span, "Context"], list[Candidate]]

FALLBACKS: tuple[Strategy, ...] = (
    missed_step_before,
    missed_prepositional,
    implied_conditional,
    elapsed_before,
    error_in_context,
    split_object,
    owned_mistake,
    mistake_was,
    mistake_to,
    unchecked_clause,
    noun_rooted,
    not_told_about,
    acted_untold,
    wrong_state,
    owner_without_reason,
    missed_act,
    hypothetical_as_fact,
    error_explained,
    manual_error,
    verdict_who,
    verdict_act,
    judged_act,
    agent_attempt,
    agent_act_when,
    whoever_act,
    whoever_during,  # (rewrite28)
    headline_words,
    headline_two_acts,
    told_by_doer,
    unattended,
    instead_of_act,
    permitted_act,
    act_with_result,
    absence_then,
    person_relative,
    act_then_consequence,  # (rewrite12)
    act_then_clause,
)


def _capital_as(original: str, text: str) -> str:
    """``text`` with its first letter in the case of the original's ("“a mistake" -> "“A mistake")."""
    first = next((i for i, ch in enumerate(text) if ch.isalpha()), None)
    was = next((ch for ch in original if ch.isalpha()), "")
    if first is None or not was.isupper():
        return text
    return text[:first] + text[first].upper() + text[first + 1:]


def _kept(orig: Original, cand: Candidate) -> Original:
    """What ``cand`` must keep: the original's constraints less what it keeps or drops on purpose."""
    if not cand.keeps and not cand.drops and not cand.gone:
        return orig
    return replace(orig, person=orig.person - cand.keeps, objects=[o for o in orig.objects if o not in cand.drops],
                   dropped=orig.dropped | cand.gone)


def fallback_results(det: "Detection", sent: Span, ctx: "Context", blame: Callable[[Span], Any], end: str,
                     orig: Original) -> list[Candidate]:
    """The candidates of the first of FALLBACKS whose candidates pass the checks (in one
    round: these strategies never leave the person as the subject). ``end`` is the
    original's final punctuation, ``orig`` what the rewrite must keep."""
    # an object that is the blame itself ("made an error") is what these rewrite away
    blamed = {t.text for t in det.evidence}
    orig = replace(orig, objects=[o for o in orig.objects if o not in blamed])
    for strategy in FALLBACKS:
        made = [replace(c, text=c.text + (end if end and not ends_sentence(c.text) else ""))
                for c in strategy(det, sent, ctx)]
        made = [replace(c, text=_capital_as(sent.text, c.text)) for c in made if c.text != sent.text.strip() and balanced(c.text)]
        if not made:
            continue
        ok = []
        for c, doc in zip(made, ctx.parse([c.text for c in made])):
            left = [d.construction for d in (blame(ps) for ps in doc.sents) if d is not None]
            wrong = [p for ps in doc.sents for p in problems(ps, _kept(orig, c))]
            log.debug("fallback %s %r: blame=%s problems=%s", strategy.__name__, c.text, left, wrong)
            if not left and not wrong:
                ok.append(c)
        if ok:
            return ok
    return []
