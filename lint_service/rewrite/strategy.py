"""Rewrite strategies for constructions the clause passive cannot reach on its own,
tried in order; the first that proposes anything wins. They live in ``restate``
(rewritten in a further round), ``phrased`` (phrased from rule data) and
``coordination`` (coordinated actions and idioms).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Span

from .candidate import Candidate
from .belief_comma import with_belief_comma
from .spliced import acts_alike
from .verdict_clause import without_verdict
from .command_object import command_run
from .headline import headline_passive
from .raised_hedge import raised_hedge
from .hindsight_words import without_hindsight
from .self_verdict import self_verdict
from .coordination import _idiom, coordinated
from .phrased import (
    _blamed_on, _clause_object, _directive, _means, _proceeded, _responsibility, _self_approval, _waited, judgement, requirement,
)
from .process import _judged_process
from .pronoun_object import pronoun_object
from .told import _not_told
from .apology_act import apology_act
from .restate import _after_lead, _apology, _drop_blame_phrase, _ironic_thanks, _pointing, _who_clause, plain_passive

if TYPE_CHECKING:
    from ..checks.blame.recognizers import Detection
    from ..checks.registry import Context

judged_process = _judged_process

__all__ = ["Candidate", "acts_alike", "coordinated", "judged_process", "judgement", "plain_passive", "requirement", "special"]


def restated_first(det: "Detection", sent: Span, ctx: "Context") -> list[Candidate]:
    """A restatement tried before any other strategy, rewritten in a further round: the
    sentence without hindsight words ("missed an obvious bug"), or without the writer's
    verdict on themselves ("I own this one: I deleted ...", rewrite/self_verdict.py)."""
    if (plain := without_hindsight(sent)) is not None:
        return [Candidate(plain, restated=True)]
    if (comma := with_belief_comma(sent)) is not None:  # (rewrite12) "wiped the disk thinking it was ..."
        return [Candidate(comma, restated=True)]
    if (plain := without_verdict(sent, ctx)) is not None:  # (rewrite12) "..., which was poor judgement"
        return [Candidate(plain, restated=True)]
    return self_verdict(det, sent, ctx)


def special(det: "Detection", sent: Span, ctx: "Context") -> list[Candidate] | None:
    """Candidates from the strategies of this module, or None when none applies."""
    for strategy in (headline_passive, raised_hedge, command_run, apology_act, _apology, _ironic_thanks, _blamed_on, _waited, _means, _proceeded, _pointing, _who_clause, _after_lead, _drop_blame_phrase, _responsibility, _idiom, _directive, _self_approval, _not_told, _clause_object,
                     pronoun_object):
        out = strategy(det, sent, ctx)
        if out:
            return out
    return None
