"""Repairs of a candidate whose only fault is something the person left in the rest of
the sentence: a relative clause about them ("a push he never trialled" -> "a push that
was never trialled"), a lead that only owns up ("Yeah that was me, ..."), a subordinate
act of theirs ("when you released 2.4.1" -> "when 2.4.1 was released"), or a leading
"-ing" phrase they were the doer of ("Without testing the patch, ..." -> "Without the
patch being tested, ..."), or a belief about the object ("..., thinking it was the
spare" -> "..., mistaken for the spare"), or the writer's frame of finding out or asking
("I've noticed that ...", "..., what do I do?": rewrite/writer_frame.py). Each edit is read off the original parse, the one the
writer's sentence deserves, and the repaired candidate is checked again like any other.
When no edit applies and every leftover "I" is the writer's in a clause of their own
beside the act, the candidate stands as it is (rewrite/writer_clause.py).
"""
from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any, Callable

from spacy.tokens import Span, Token

from .belief import belief_edits
from .garbled import WHO_ASKED, asked_who
from .fronted_state import FRONTED_STATE, without_fronted_state
from .gerund_lead import gerund_edits
from .lead import without_lead
from .loaded_words import unloaded, without_judging_lead
from .purpose_owner import purpose_owner_edits
from .reason_clause import reason_edits
from .self_verdict import STATUS, status_apart
from .subject_gerund import GERUND_ON_SUBJECT, subject_gerund
from .relative import person_clause_edits, relative_edits
from .role_opener import without_role_opener
from .topic_lead import TOPIC_LOST, owned_topic, with_topic
from .trailing_gerund import trailing_gerund_edits
from .unquoted import without_scare_quotes
from .writer_frame import without_feeling, without_finding_out, without_help_question
from .verify import DANGLING_BELIEF, DANGLING_LEAD, DANGLING_WHILE, SCARE_QUOTES, Original, problems

if TYPE_CHECKING:
    from ..checks.registry import Context


def edited(text: str, edits: list[tuple[str, str]]) -> str | None:
    """``text`` with each (old, new) edit whose old words it holds once, or None if none applied."""
    fixed = text
    for old, new in edits:
        if fixed.count(old) == 1:
            fixed = fixed.replace(old, new)
    return fixed if fixed != text else None


def repaired(cand: Span, orig: Original, blame: Callable[[Span], Any], ctx: "Context", doer: Token | None = None,
             depth: int = 0) -> str | None:
    """The candidate repaired, when its only faults were the person's leftovers and the
    repair leaves none (the relative clause itself may be what the blame check found)."""
    found = problems(cand, orig)
    if found and all(p == DANGLING_LEAD for p in found):
        fixed = edited(cand.text, gerund_edits(orig.sent, doer))
    elif DANGLING_WHILE in found and all(p in (DANGLING_WHILE, SCARE_QUOTES) for p in found):
        # the person's scare-quoted words inside the phrase go with it ("while "just tweaking" a TTL")
        fixed = edited(cand.text, trailing_gerund_edits(orig.sent, doer))
    elif found and all(p.startswith("judgement ") for p in found):
        # "In a careless moment, X was deleted" -> "X was deleted"; "a silly typo" -> "a typo"
        fixed = without_judging_lead(cand, orig.judged) or unloaded(cand)  # (rewrite/loaded_words.py)
    elif found and all(p == FRONTED_STATE for p in found):
        fixed = without_fronted_state(cand)  # "Eager to finish, the canary was skipped" -> "The canary was skipped"
    elif found and all(p == SCARE_QUOTES for p in found):
        fixed = without_scare_quotes(cand, orig.pronouns)
    elif found and all(p == WHO_ASKED for p in found) and (at := asked_who(cand)) is not None:
        fixed = cand.text[:at].rstrip() + "."  # ", who was it" asked for the person: it goes with them
    elif found and all(p == GERUND_ON_SUBJECT for p in found) and (edit := subject_gerund(cand)) is not None:
        fixed = edited(cand.text, [edit])  # (rewrite27) "approved without reading it" -> "without being read"
    elif found and all(p.startswith(STATUS) for p in found):
        fixed = status_apart(cand, orig.sent)  # "The login page broke; rolling back" (rewrite/self_verdict.py)
    elif found and all(p == DANGLING_BELIEF for p in found):
        # the candidate's own parse when the original's misread the belief as the object
        fixed = edited(cand.text, belief_edits(orig.sent)) or edited(cand.text, belief_edits(cand))
    elif len(found) == 1 and found[0].startswith(TOPIC_LOST[0]) and found[0].endswith(TOPIC_LOST[1]):
        fixed = with_topic(cand, found[0], orig.sent)  # (rewrite29) "The lost pallets: the wrong manifest was scanned."
    elif len(found) == 1 and found[0].startswith(ROLE_OPENER[0]) and found[0].endswith(ROLE_OPENER[1]):
        # (rewrite24) "As the approver on that change, it was not checked ...": the role goes with its holder
        fixed = without_role_opener(cand, found[0][len(ROLE_OPENER[0]):-len(ROLE_OPENER[1])].strip("'\""), orig.sent)
    elif all(p.startswith("pronoun ") for p in found):
        fixed = edited(cand.text, relative_edits(orig.sent, orig.pronouns)) or without_lead(cand, orig.pronouns) \
            or edited(cand.text, person_clause_edits(orig.sent, orig.pronouns)) \
            or edited(cand.text, reason_edits(orig.sent, orig.pronouns)) \
            or edited(cand.text, purpose_owner_edits(orig.sent, orig.pronouns)) \
            or without_finding_out(cand, orig.pronouns) or without_help_question(cand, orig.pronouns) \
            or without_feeling(cand, orig.pronouns, _remorse(ctx)) \
            or owned_topic(cand)  # (rewrite29) "The late manifest is on me; ..." -> "The late manifest: ..."
        if fixed is None and found and not problems(cand, kept := replace(orig, writer_clauses=True)):
            # (rewrite25) nothing to repair: every leftover "I" is the writer's in a clause of
            # their own beside the act ("..., now I can't log in"), which keeps it
            fixed, orig = cand.text, kept
    else:
        return None
    if fixed is None:
        return None
    if fixed[:1].islower() and orig.sent.text.lstrip()[:1].isupper():
        fixed = fixed[0].upper() + fixed[1:]  # (rewrite30) a repair that cut the sentence's opening words
    sents = list(ctx.parse([fixed])[0].sents)
    if not any(blame(ps) is not None or problems(ps, orig) for ps in sents):
        return fixed
    if depth < _MAX_REPAIRS and len(sents) == 1 and (left := problems(sents[0], orig)) and len(left) < len(found):
        # (rewrite19) a confession often has a second leftover of the writer's ("I was worried
        # ..., X was pushed while I still had the editor open"): each repair removes one
        return repaired(sents[0], orig, blame, ctx, doer, depth + 1)
    return None


_MAX_REPAIRS = 2
# the verifier's message for a role opener left without its holder (rewrite/faithful.py)
ROLE_OPENER = ("opener ", " described the removed person")


def _remorse(ctx: "Context") -> frozenset[str]:
    lex = ctx.cache.get("blame.lexicon")
    return frozenset(lex.terms.get("remorse_adjectives", ())) if lex is not None else frozenset()
