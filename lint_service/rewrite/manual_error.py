"""A "human error" the writer gives as a cause, said as an error in a manual step.

"The root cause was human error", "Due to an operator error, every node rebooted",
"after engineer error took the API down": the sentence says that a person's act
went wrong, and nothing more. "an error in a manual step" keeps exactly that (an
error; in a step someone did by hand) and drops who. "a manual step" alone empties
the claim and "an error" alone loses that a person's act went wrong (blind rounds 1
and 3), and "a missing safeguard" would invent a cause.

A claim someone else made keeps its words ("United blames human error for the failure",
"the railway says it was human error that led to X", "according to the utility, ..."):
the phrase would change what they said and add a step nobody described (round 22; it
was rewritten inside the report from rewrite15 until then). Words quoted
stay as they were written ("'a human error,' she said"), as does a verdict with words
of its own ("an embarrassing human error", "errors"), an error given with another
cause ("blamed on human error and understaffing": the understaffing would read as part of the step), an
error whose step the sentence already names (``error_step.py``), a title-cased
headline, whose capitals the phrase could not follow (the blame check hands in its
sentence-case copy instead), and "It was an operator slip", whose "it" points at
nothing the sentence names: the verdict is all it says ("it was human error that
caused X" is a cleft, whose "it" is what caused X).
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from spacy.tokens import Span, Token

from .candidate import Candidate
from .error_step import _cause_phrase
from .text import phrasing, render, verb_lemma_of

if TYPE_CHECKING:
    from ..checks.blame.recognizers import Detection
    from ..checks.registry import Context

_QUOTES = ('"', "“", "”", "‘", "’")


def _quoted(noun: Token, sent: Span) -> bool:
    """The error stands inside a quotation ("an “embarrassing human error”", "'... because
    of human error,' she said"): the quoted words are someone's, and stay as written. A
    quoted word elsewhere ("the “embarrassing” outage") leaves the claim the writer's report."""
    before = [t.text for t in sent if t.i < noun.i and t.text in _QUOTES]
    straight = sum(1 for q in before if q == '"')
    opened = sum(1 for q in before if q in ("“", "‘")) - sum(1 for q in before if q in ("”", "’"))
    return straight % 2 == 1 or opened > 0


def _attributed(noun: Token, rules: dict[str, Any]) -> bool:
    """The error is what a report puts the failure on: "blames human error for X" (the
    verb's object, or its passive subject), "blamed on human error", "attributed X to operator error" (the verb's
    preposition): ``attributing`` maps each verb to the slots that hold the cause."""
    head = noun.head
    if noun.dep_ in ("dobj", "obj", "nsubjpass"):  # "Human error blamed for the leak": the object, made subject
        verb, slot = head, "dobj"
    elif noun.dep_ == "pobj" and head.dep_ == "prep":
        verb, slot = head.head, head.lower_
    else:
        return False
    if verb.pos_ != "VERB" or slot not in rules["attributing"].get(verb_lemma_of(verb.text), ()):
        return False
    # "Critics blame human error for most crashes": errors in general, not one error given as
    # the cause of one failure ("an error in a manual step for most crashes" garbles it)
    return not any(t.dep_ in ("amod", "det", "nummod") and t.lower_ in rules["general_quantifiers"]
                   for p in verb.children if p.dep_ == "prep" for t in p.subtree)


def _first_person(verb: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("i", "we") for c in verb.children)


def _someone_elses_claim(noun: Token, sent: Span, rules: dict[str, Any]) -> bool:
    """The error is what someone other than the writer gives as the cause: a report puts
    the failure on it ("United blames human error for X", "Payroll delay pinned on human
    error"), or it stands in what a speaker said ("officials said it was operator error",
    "according to the carrier, ..."). Their claim is a fact of the document as they made
    it; "an error in a manual step" would change what they said and add a step nobody
    described (round 22: 4 of 4 such rewrites of real statements graded poor). "We
    attribute the outage to operator error" is the writer's own and is rewritten."""
    if _attributed(noun, rules) and not _first_person(noun.head if noun.dep_ != "pobj" else noun.head.head):
        return True
    if any(c.dep_ == "acl" and c.tag_ == "VBN" and verb_lemma_of(c.text) in rules["attributing"] for c in noun.children):
        return True  # "Human error blamed for the leak": the report, in a headline's reduced passive
    if any(a.pos_ in ("VERB", "AUX") and verb_lemma_of(a.text) in rules["reporting_verbs"] and not _first_person(a)
           for a in noun.ancestors):
        return True
    return any(t.lower_ == "according" and any(c.lower_ == "to" for c in t.children) for t in sent)


def _cleft(noun: Token, sent: Span) -> bool:
    """"it was human error that caused X", "... that halted the trains": the "it" is what
    the clause right after the noun did to something (the parser hangs the clause on the
    noun or beside it)."""
    if noun.i + 1 >= sent.end:
        return False
    that = sent.doc[noun.i + 1]
    verb = that.head
    return that.lower_ in ("that", "which") and that.dep_ == "nsubj" and verb.pos_ == "VERB" and (
        verb.head.i in (noun.i, noun.head.head.i)) and (
        any(c.dep_ in ("dobj", "obj") for c in verb.children) or verb_lemma_of(verb.text) in phrasing()["causal_verbs"])


def _as_cause(noun: Token) -> bool:
    """The error is given as what happened or what caused it: "the root cause was X",
    "Root cause: X", "due to X", "caused by X", "classified as X", "X wiped the table".
    Not a kind of error talked about ("reduce human error", "the risk of operator
    error", "design for user error"), where one error in one step would be garbled."""
    head = noun.head
    if noun.dep_ in ("ROOT", "dep", "nsubj") and any(
            c.dep_ == "prep" and c.lower_ in phrasing()["manual_error"]["cause_links"] and any(g.dep_ == "pobj" for g in c.children)
            for c in noun.children):
        # "Operator error behind the blackout, utility admits": the phrase names what it caused
        # ("the risk of human error behind every deploy" is a kind of error, talked about)
        return True
    if noun.dep_ == "attr":
        # "what seems to be a human error": an impression someone has, not a cause stated
        return head.lemma_ == "be" and head.dep_ != "xcomp"
    if noun.dep_ in ("ROOT", "appos"):
        return True  # a label: "Root cause: engineer error."
    if noun.dep_ == "nsubj":
        return head.pos_ == "VERB" and (any(c.dep_ in ("dobj", "obj") for c in head.children)
                                        or verb_lemma_of(head.text) in phrasing()["causal_verbs"])
    if noun.dep_ == "nsubjpass":
        # "Engineer error was identified as the cause of X": the writer names it the cause
        return verb_lemma_of(head.text) in phrasing()["naming_verbs"] and any(
            c.dep_ == "prep" and c.lower_ == "as" and any(g.dep_ == "pobj" for g in c.children) for c in head.children)
    if noun.dep_ == "pobj" and head.dep_ in ("agent", "prep"):
        if head.dep_ == "agent" or head.lower_ == "as":
            return True
        return _cause_phrase(noun, phrasing()["reported_error"]) is not None
    return False


def _bare_verdict(noun: Token, blame: set[int], rules: dict[str, Any], cleft: bool = False) -> set[int] | None:
    """The tokens of "an operator error (by X | on X's part)" to replace, or None when the
    phrase says more than the verdict (a cleft's clause, "that grounded the fleet", is
    what the sentence says of it, and stays)."""
    if noun.tag_ not in ("NN",) or noun.dep_ in ("compound", "amod"):
        return None  # "errors", "human-error induced": not one error said as a cause
    cut: set[int] = {noun.i}
    for c in noun.children:
        if c.dep_ == "det" and c.lower_ in ("a", "an", "the"):
            cut.add(c.i)
        elif c.i in blame and not list(c.children):
            cut.add(c.i)
        elif c.dep_ == "punct" or (c.dep_ in ("cc", "conj") and c.i > noun.i) or (cleft and c.dep_ == "relcl" and c.i > noun.i) \
                or (c.dep_ == "prep" and c.i > noun.i and c.lower_ in rules["cause_links"]) \
                or (c.dep_ == "acl" and c.tag_ == "VBN" and verb_lemma_of(c.text) in rules["attributing"]):
            # "human error rather than an attack": the contrast stays; "human error behind the
            # blackout", "human error blamed for the leak": what it caused stays
            continue
        elif c.dep_ == "prep" and c.i > noun.i and c.lower_ in rules["person_preps"] and any(
                t.dep_ == "poss" or t.pos_ in ("PROPN", "NOUN", "PRON") for t in c.subtree) and not any(
                t.pos_ in ("VERB", "AUX") for t in c.subtree):
            # (a "who" clause about them says what the error was: error_step.py's, not this)
            # "by the on-call engineer", "on the storage team's part": who made it goes
            cut |= {t.i for t in c.subtree}
        else:
            return None
    return cut


def _coordinated(noun: Token) -> bool:
    """The error is one of two or more causes joined by "and" or "or", however the parser
    hung them ("blamed on human error and understaffing"). A contrast ("human error rather than an
    attack") is no second cause."""
    joined = ("and", "or", "&")
    if (noun.dep_ == "conj" and any(c.dep_ == "cc" and c.lower_ in joined for c in noun.head.children)) or any(
            c.dep_ == "cc" and c.lower_ in joined for c in noun.children):
        return True
    doc, end = noun.doc, noun.right_edge.i
    return end + 2 < len(doc) and doc[end + 1].lower_ in joined and doc[end + 2].pos_ in ("NOUN", "ADJ", "DET", "PROPN")


def manual_error(det: "Detection", sent: Span, ctx: "Context") -> list[Candidate]:
    if det.construction not in ("blame-noun", "blame-verb"):
        return []
    lex = ctx.cache["blame.lexicon"]
    rules = phrasing()["manual_error"]
    noun = next((t for t in det.evidence if t.lemma_.lower() in lex.terms["error_heads"]), None)
    if noun is None or noun.lemma_.lower() not in rules["phrases"]:
        return []
    if det.construction == "blame-verb" and det.target is not noun:
        return []  # "blamed the intern": a person blamed, not an error
    mods = set(lex.terms["error_modifiers"])
    # "blames human error for X": a blame verb's evidence is the verb and the noun, the
    # verdict's own word is the noun's modifier
    said = det.evidence if det.construction == "blame-noun" else [c for c in noun.children if c.dep_ in ("amod", "compound")]
    blame = {t.i for t in said if t.i < noun.i and t.lower_ in mods}
    if not blame:
        return []  # a bare "error" is no verdict to drop
    if sum(t.is_alpha and t.is_title for t in sent) > max(2, sum(t.is_alpha for t in sent) // 2):
        return []  # "Citywide Power Cut Caused by Human Error": a title-cased headline
    if _quoted(noun, sent):
        return []
    if _coordinated(noun):
        return []  # "blamed on human error and understaffing": the understaffing would read as part of the manual step (blind round 14)
    if not (_as_cause(noun) or _attributed(noun, rules)) or _someone_elses_claim(noun, sent, rules):
        return []
    cleft = noun.dep_ == "attr" and _cleft(noun, sent)
    if noun.dep_ == "attr" and any(c.dep_ == "nsubj" and c.pos_ == "PRON" for c in noun.head.children) and not cleft:
        return []  # "It was an operator slip, plain and simple": the verdict is all it says
    cut = _bare_verdict(noun, blame, rules, cleft)
    if cut is None:
        return []
    first = min(cut)
    text = render(sent, {first: rules["phrases"][noun.lemma_.lower()]}, cut - {first})
    if sent.text[:1].islower():
        text = text[:1].lower() + text[1:]  # the finding starts mid-line ("Root cause: engineer error.")
    return [Candidate(text)]
