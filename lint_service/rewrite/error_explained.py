"""A "human error" whose parenthesis says what the error was, said as an error and the act:
"Classification: user error (an engineer ran the purge on the wrong cluster)" ->
"Classification: an error (the purge was run on the wrong cluster)".

The parenthesis names the act that went wrong, so "an error" needs nothing added (as
with a named step, ``error_step.py``); the act is said without its doer, read from its
own parse. Only an error phrase that is the label's whole value and a parenthesis that
is one plain act with an object: anything else ("(he says)", "(again)", a second act)
keeps no rewrite.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Span

from .candidate import PERSONAL_WORDS, Candidate
from .restate import act_alone_passive
from .text import render

if TYPE_CHECKING:
    from ..checks.blame.recognizers import Detection
    from ..checks.registry import Context


def error_explained(det: "Detection", sent: Span, ctx: "Context") -> list[Candidate]:
    if det.construction != "blame-noun" or ctx.parse is None:
        return []
    lex = ctx.cache["blame.lexicon"]
    noun = next((t for t in det.evidence if t.lemma_.lower() in lex.terms["error_heads"]), None)
    mods = set(lex.terms["error_modifiers"])
    if noun is None or noun.i + 1 >= sent.end or sent.doc[noun.i + 1].text != "(":
        return []
    blame = [t for t in sent if t.i < noun.i and t.lower_ in mods and t.i in {x.i for x in det.evidence}]
    close = next((t for t in sent if t.i > noun.i and t.text == ")"), None)
    if not blame or close is None or any(not t.is_punct for t in sent if t.i > close.i):
        return []
    # the phrase is the label's value: "<label>: <modifier> error"
    colon = next((t for t in sent if t.text == ":" and t.i < noun.i), None)
    phrase = [t for t in sent if (colon.i if colon is not None else sent.start - 1) < t.i <= noun.i]
    if any(t.i not in {b.i for b in blame} and t.i != noun.i and not (t.dep_ == "det" and t.lower_ in ("a", "an")) for t in phrase):
        return []
    inner = sent.doc[noun.i + 2 : close.i]
    if not len(inner) or any(t.text in "()" or t.lower_ in PERSONAL_WORDS for t in inner):
        return []
    act_text = inner.text[:1].upper() + inner.text[1:] + "."
    alone = act_alone_passive(act_text, ctx)
    if alone is None:
        return []  # not one plain act
    first, said = alone[0][0], alone[1]
    act = said.text.rstrip(".")
    act = act if first.pos_ == "PROPN" and act.startswith(first.text) else act[:1].lower() + act[1:]
    start = phrase[0].i
    gone = set(range(start, close.i + 1)) - {start}
    text = render(sent, {start: f"an error ({act})"}, gone)
    if colon is not None or sent.text[:1].islower():
        at = text.index("an error") if "an error" in text else 0
        text = text[:at] + text[at:at + 1].lower() + text[at + 1:]
    return [Candidate(text)]
