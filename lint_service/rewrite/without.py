"""Should-haves the clause passive leaves without a rewrite.

A should-have with the act it should have come before: "Olga should have waited
for the canary results before promoting the build" -> "The build was promoted
without waiting for the canary results".

"should have X before Y-ing Z" says that Z was Y-ed and that X was not done first:
both facts stay, the person goes. The act becomes an agentless passive in the past
(it happened), and the missed step follows as "without X-ing", in the writer's own
words. Nothing is claimed about a rule or a process that should have required X.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from .candidate import PERSONAL_WORDS, Candidate
from .clause import participle_of, verb_phrase_passive
from .people import replace_clause
from .prepositional import prepositional_passive
from .text import inflect, phrasing, span_text, trailing_punct, verb_lemma_of

if TYPE_CHECKING:
    from ..checks.blame.recognizers import Detection
    from ..checks.registry import Context

# "should have", "ought to have": what was expected and did not happen ("could have",
# "must have" are guesses, not expectations)
_EXPECTED = ("should", "ought")


def _gerund(verb: Token, words: list[Token]) -> str:
    """"asked for a second review" -> "asking for a second review"."""
    rest = span_text([t for t in words if t.i > verb.i])
    return " ".join(x for x in (inflect(verb_lemma_of(verb.text), "VBG"), rest) if x)


def missed_step_before(det: "Detection", sent: Span, ctx: "Context") -> list[Candidate]:
    c = det.clause
    if det.construction != "counterfactual" or c is None or c.subject is None or c.modal not in _EXPECTED:
        return []
    if c.negated or c.conditional or c.action is not c.verb:
        return []  # "should never have X before Y" says X happened; "had she X": other shapes
    v = c.verb
    # "checked which profile was active before running the script": the parser hangs the
    # phrase on the checked clause; it ends the sentence, so it is said of the checking
    holders = [v, *(x for x in v.children if x.dep_ == "ccomp")]
    before = next((p for h in holders for p in h.children if p.dep_ == "prep" and p.lower_ == "before" and p.i > v.i), None)
    act = next((g for g in before.children if g.dep_ == "pcomp" and g.tag_ == "VBG"), None) if before is not None else None
    if act is None or before.right_edge.i < max(t.i for t in v.subtree if not trailing_punct(t)):
        return []  # the "before" phrase must end the clause: what follows it belongs to the expected step
    own_act = [t for t in act.subtree if not t.is_punct or t.i < act.right_edge.i]
    said = verb_phrase_passive(act, own_act, False, set(phrasing()["dropped_adverbs"]), present=False)
    if said is None:
        return []
    subject = {t.i for t in c.subject.subtree}
    chain = {x.i for x in v.children if x.dep_ in ("aux", "neg") or x.tag_ == "MD"}
    step = [t for t in v.subtree if t.i not in subject | chain | {x.i for x in before.subtree} and not (t.is_punct and t.i > before.i)]
    step = [t for t in step if t.i > v.i or t.i == v.i]
    if any(t.lower_ in PERSONAL_WORDS for t in [*step, *act.subtree]):
        return []  # "before pushing his change": the person is still in the rewrite
    missed = _gerund(v, step)
    first = min(t.i for t in c.subject.subtree)
    last = before.right_edge.i
    return [Candidate(replace_clause(sent, first, last, f"{said[0]} {said[1]} without {missed}"))]


def missed_prepositional(det: "Detection", sent: Span, ctx: "Context") -> list[Candidate]:
    """"Tevita ought to have asked for a second reviewer" -> "A second reviewer was not
    asked for": what a transitive should-have gets ("The primary was not restarted"),
    for the prepositional verbs the rule data lists. "should have escalated to them
    sooner" says the act happened, later: a comparative keeps it from this form."""
    c = det.clause
    if det.construction != "counterfactual" or c is None or c.subject is None or c.modal not in _EXPECTED:
        return []
    if c.negated or c.conditional or c.action is not c.verb or c.objects:
        return []
    v = c.verb
    subject = {t.i for t in c.subject.subtree}
    own = [t for t in v.subtree if t.i not in subject and not (t.is_punct and t.i == v.right_edge.i)]
    if any(t.tag_ in ("RBR", "JJR") or t.lower_ in PERSONAL_WORDS for t in own):
        return []
    first = min(t.i for t in c.subject.subtree)
    last = max(t.i for t in own)
    if verb_lemma_of(v.text) in phrasing()["waiting_verbs"]:
        return []  # "The canary was not waited for" says it in words nobody would write
    said = prepositional_passive(c, own, True, set(phrasing()["dropped_adverbs"]), (first, last), perfect=False)
    return [Candidate(replace_clause(sent, first, last, said))] if said else []


def implied_conditional(det: "Detection", sent: Span, ctx: "Context") -> list[Candidate]:
    """"Had Qiang not force-pushed, the fix would still be there" -> "Had the change not
    been force-pushed, ...": a delivery verb with no object acts on the change (the
    rule data's implied objects, as for "merged without waiting for CI"); the
    condition keeps its polarity and its order."""
    c = det.clause
    if det.construction != "counterfactual" or c is None or c.subject is None or not c.conditional or c.objects:
        return []
    v = c.verb
    thing = phrasing()["implied_objects"].get(verb_lemma_of(v.text))
    if thing is None or c.action is not v or any(x.dep_ in ("dobj", "obj", "prep", "ccomp", "xcomp", "advcl") for x in v.children):
        return []
    had = next((x for x in v.children if x.dep_ == "aux" and x.lower_ == "had"), None)
    if had is None:
        return []
    neg = "not " if c.negated else ""
    vbn = participle_of(v)
    if had.i < c.subject.i:  # "Had Qiang not force-pushed"
        first, text = had.i, f"had {thing} {neg}been {vbn}"
    else:  # "If Qiang had not merged"
        first, text = min(t.i for t in c.subject.subtree), f"{thing} had {neg}been {vbn}"
    return [Candidate(replace_clause(sent, first, v.i, text))]
