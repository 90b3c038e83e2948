"""A hypothetical about a person, said as what happened.

A counterfactual states a fact by denying it: "If only the DBA had taken a backup
before running the script" says no backup was taken and the script was run; "the bug
would have been caught" says it was not caught; "A more careful engineer would have
spotted the typo" says the typo was not spotted. The rewrite states the fact, in the
past, with the polarity turned back, and drops the wish, the hypothetical person and
the verdict on them:

- a wish: "If only Ana had read the output before closing the terminal" -> "The
  output was not read before the terminal was closed";
- a result whose condition is the person's act: "Had the reviewer read the diff more
  carefully, the bug would have been caught" -> "The bug was not caught" (the
  condition says only that the reading was not careful enough, a verdict);
- an ideal person: "A more careful engineer would have spotted the typo" -> "The
  typo was not spotted";
- an act that came later than it should have: "They should have escalated to the
  network team much sooner" -> "The escalation to the network team came late".

A guess ("could have been anyone"), a result that names a person, or a condition
that says a fact of its own beside the verdict keeps no rewrite from here.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from .candidate import PERSONAL_WORDS, Candidate, finish
from .clause import verb_phrase_passive
from .missed_act import act_noun
from .text import inflect, participle_of, phrasing, span_text, trailing_punct, verb_lemma_of

if TYPE_CHECKING:
    from ..checks.blame.recognizers import Detection
    from ..checks.registry import Context

_SUBJECTS = ("nsubj", "nsubjpass")


def _negated(verb: Token) -> bool:
    return any(c.dep_ == "neg" or c.lower_ in ("never", "not", "n't") for c in verb.children)


def _perfect_modal(verb: Token) -> bool:
    """"would have caught", "would've been caught": a result that did not happen."""
    modal = any(c.tag_ == "MD" and c.lower_ in ("would", "'d") for c in verb.children)
    return modal and any(c.dep_ == "aux" and c.lower_ in ("have", "'ve") for c in verb.children)


def _person_free(tokens: list[Token]) -> bool:
    return not any(t.lower_ in PERSONAL_WORDS or t.is_quote for t in tokens)


def _steps_after(verb: Token) -> tuple[list[Token], list[str]]:
    """The "before/after <-ing> X" phrases of ``verb``, said as facts ("before the script
    was run"): the tokens they cover and their text, or None in the text list when one
    cannot be said without its doer."""
    covered: list[Token] = []
    said: list[str] = []
    for p in verb.children:
        if p.dep_ != "prep" or p.lower_ not in ("before", "after", "while", "when") or p.i < verb.i:
            continue
        act = next((g for g in p.children if g.dep_ == "pcomp" and g.tag_ == "VBG"), None)
        if act is None:
            continue
        own = [t for t in act.subtree if not trailing_punct(t)]
        passive = verb_phrase_passive(act, own, False, set(phrasing()["dropped_adverbs"]), present=False) \
            if _person_free(own) else None
        if passive is None:
            return [], [""]
        covered += list(p.subtree)
        said.append(f"{p.lower_} {passive[0]} {passive[1]}")
    return covered, said


def _as_done(verb: Token, skip: set[int], negate: bool) -> str | None:
    """``verb``'s clause as an agentless past passive ("a backup was not taken"), its
    "before X-ing" phrases as facts of their own."""
    covered, steps = _steps_after(verb)
    if "" in steps:
        return None
    obj = next((c for c in verb.children if c.dep_ in ("dobj", "obj")), None)
    if obj is not None and obj.tag_ in ("NNS", "NNPS") and not any(c.dep_ in ("det", "poss", "nummod") for c in obj.children):
        return None  # "would have caught typos like this": a kind of thing, not one that was missed
    gone = skip | {t.i for t in covered}
    own = [t for t in verb.subtree if t.i not in gone and not trailing_punct(t)]
    if not _person_free(own):
        return None
    said = verb_phrase_passive(verb, own, negate, set(phrasing()["dropped_adverbs"]), present=False)
    if said is None or not said[0]:
        return None
    subject, predicate = said[0], _simple_past(said[1], verb)
    # (the parser hangs it on the verb or on the object; the passive moves either after the verb)
    where = next((p for p in (*verb.children, *(obj.children if obj is not None else ())) if p.dep_ == "prep"
                  and obj is not None and p.left_edge.i > obj.i and p.lower_ in ("in", "on")
                  and (p.head == obj or p.i == obj.right_edge.i + 1)), None)
    if where is not None and verb_lemma_of(verb.text) in phrasing()["hypothetical"]["noticing_verbs"]:
        # "spotted the typo in the hostname": where it was is the typo's, not the spotting's
        placed = span_text(list(where.subtree))
        if predicate.count(" " + placed) == 1:
            subject, predicate = f"{subject} {placed}", predicate.replace(" " + placed, "", 1)
    return " ".join([subject, predicate, *steps])


def _simple_past(predicate: str, verb: Token) -> str:
    """"had not been taken" -> "was not taken": the hypothetical's "had"/"would have" is
    the wish's tense, not the fact's."""
    words = predicate.split(" ")
    if words[0] not in ("had", "has", "have"):
        return predicate
    neg = words[1:2] == ["not"]
    rest = words[2:] if neg else words[1:]
    if rest[:1] != ["been"]:
        return predicate
    obj = next((c for c in verb.children if c.dep_ in ("dobj", "obj")), None)
    be = "were" if obj is not None and obj.tag_ in ("NNS", "NNPS") else "was"
    return " ".join([be, *(["not"] if neg else []), *rest[1:]])


def _wish(det: "Detection", sent: Span) -> str | None:
    """"If only Ana had read the output" -> "The output was not read"."""
    c = det.clause
    if c is None or not c.conditional or c.subject is None or c.action is not c.verb or _graded(c.verb):
        return None  # "If only she had paged them sooner": it happened, later; "was not paged" would deny it
    v = c.verb
    mark = next((m for m in v.children if m.dep_ == "mark" and m.lower_ == "if"), None)
    only = mark is not None and sent.doc[mark.i + 1].lower_ == "only"
    # a wish stands alone: the "if" clause is the sentence ("If only ... ." with no result)
    if not only or v.dep_ != "ROOT" or mark.i != sent.start:
        return None
    skip = {mark.i, mark.i + 1} | {t.i for t in c.subject.subtree} | {
        x.i for x in v.children if x.dep_ in ("aux", "neg") or x.lower_ in ("never", "not")}
    return _as_done(v, skip, not _negated(v))


def _result(verb: Token, skip: set[int]) -> str | None:
    """"the bug would have been caught" -> "the bug was not caught"; "the outage would
    not have happened" -> "the outage happened"."""
    subj = next((s for s in verb.children if s.dep_ in _SUBJECTS), None)
    if subj is None or subj.pos_ == "PRON" or not _person_free(list(subj.subtree)):
        return None  # "it would have been obvious", "someone would have noticed": nothing to state
    if verb.lemma_ == "be" or any(c.dep_ in ("acomp", "attr") for c in verb.children):
        return None  # "the outage would have been shorter": "was not shorter" states nothing
    negated = _negated(verb)
    chain = {x.i for x in verb.children if x.dep_ in ("aux", "auxpass", "neg") or x.tag_ == "MD" or x.lower_ in ("never", "not")}
    rest = [t for t in verb.subtree if t.i not in skip | chain | {verb.i} | {x.i for x in subj.subtree} and not trailing_punct(t)]
    if not _person_free(rest) or any(t.i < verb.i for t in rest):
        return None
    subject = span_text(list(subj.subtree))
    plural = subj.tag_ in ("NNS", "NNPS")
    if any(x.dep_ == "auxpass" for x in verb.children):
        be = "were" if plural else "was"
        head = f"{be} {participle_of(verb)}" if negated else f"{be} not {participle_of(verb)}"
    else:
        lemma = verb_lemma_of(verb.text)
        head = inflect(lemma, "VBD") if negated else f"did not {lemma}"
    return " ".join(x for x in (subject, head, span_text(rest)) if x)


def _graded(cond: Token) -> list[Token]:
    """The words of ``cond`` that only grade how or when the act was done ("more
    carefully", "sooner"): a comparative of manner or time."""
    degree = set(phrasing()["hypothetical"]["degree_words"])
    return [t for t in cond.children if t.dep_ == "advmod" and (
        t.tag_ in ("RBR", "JJR") or t.lower_ in degree or any(m.lower_ in ("more", "less") for m in t.children))]


def _conditioned(det: "Detection", sent: Span) -> str | None:
    """"Had Ravi tested the patch more thoroughly, the regression would have been caught"
    -> "The patch was tested, but the regression was not caught": the graded act happened
    (the grade is the verdict and goes), the result did not."""
    c = det.clause
    if c is None or not c.conditional or c.verb.dep_ != "advcl" or c.negated:
        return None
    cond, result = c.verb, c.verb.head
    graded = _graded(cond)
    if not _perfect_modal(result) or result.dep_ != "ROOT" or not graded:
        return None
    if any(t.i < cond.left_edge.i and not t.is_punct for t in sent):
        return None  # "Frankly, had she ...": a lead the rewrite would have to place
    outcome = _result(result, {t.i for t in cond.subtree})
    if outcome is None:
        return None
    if not any(x.dep_ in ("dobj", "obj") for x in cond.children):
        # "Had the on-call acted sooner": no object to say the act of; the result is the fact
        return outcome
    skip = {t.i for t in c.subject.subtree} | {t.i for g in graded for t in g.subtree} | {
        x.i for x in cond.children if x.dep_ in ("aux", "mark") or x.lower_ in ("never", "not")}
    done = _as_done(cond, skip, False)
    if done is None:
        return None
    return f"{done}, {phrasing()['hypothetical']['contrast']} {outcome}"


def _ideal_person(det: "Detection", sent: Span) -> str | None:
    """"A more careful engineer would have spotted the typo" -> "The typo was not spotted"."""
    if det.construction != "judgement" or len(det.evidence) != 2:
        return None
    word, person = det.evidence
    if word.dep_ != "amod" or word.head != person or person.dep_ != "nsubj":
        return None
    ideal = any(x.lower_ == "more" or x.tag_ == "JJR" for x in (word, *word.children))
    v = person.head
    if not ideal or not _perfect_modal(v) or v.dep_ != "ROOT":
        return None
    if any(t.i < person.left_edge.i and not t.is_punct for t in sent):
        return None
    skip = {t.i for t in person.subtree} | {x.i for x in v.children if x.dep_ in ("aux", "neg") or x.tag_ == "MD" or x.lower_ in ("never", "not")}
    return _as_done(v, skip, not _negated(v))


def _late_act(det: "Detection", sent: Span) -> str | None:
    """"They should have escalated to the network team much sooner" -> "The escalation
    to the network team came late": the act happened, later than it should have (the
    "should" is the verdict and goes; "late" is what the comparison says)."""
    c = det.clause
    if det.construction != "counterfactual" or c is None or c.subject is None or c.modal not in ("should", "ought"):
        return None
    v = c.verb
    if v is not c.action or c.negated or c.objects or c.conditional or c.subject.i > v.i or v.dep_ != "ROOT":
        return None
    noun, particle = act_noun(v)
    rules = phrasing()["hypothetical"]
    late = [x for x in v.children if x.dep_ == "advmod" and x.lower_ in rules["late_words"] and x.i > v.i]
    if noun is None or len(late) != 1 or any(t.i < c.subject.left_edge.i and not t.is_punct for t in sent):
        return None
    rest = [x for x in v.children if x.i > v.i and x not in late and x is not particle and not trailing_punct(x)]
    # only the place or recipient of the act ("to the network team") goes with its noun
    if any(x.dep_ != "prep" for x in rest) or not _person_free([t for x in rest for t in x.subtree]):
        return None
    return " ".join(x for x in ("the", noun, span_text([t for x in rest for t in x.subtree]), rules["late_phrase"]) if x)


def hypothetical_as_fact(det: "Detection", sent: Span, ctx: "Context") -> list[Candidate]:
    if det.construction not in ("counterfactual", "judgement"):
        return []
    for way in (_wish, _conditioned, _ideal_person, _late_act):
        text = way(det, sent)
        if text:
            return [Candidate(finish(text))]
    return []
