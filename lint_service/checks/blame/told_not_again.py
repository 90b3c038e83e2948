""""You" as the one who erred, told through advice not to do it again (rule 17): "How
about not breaking it next time?", "next time please don't force-push to main", "try
not to nuke prod next time", "how about not deleting other people's branches?".

Advice not to do an act "next time" or "in the first place" presupposes that the reader
did it; so does a sarcastic "how about not ..." when the act is damaging in itself. The
act is read from the parse: a negated imperative or gerund with no subject of its own.
Advice that is only advice stays out: not negated ("how about adding a test next
time?"), with no hindsight marker ("please don't deploy on Fridays"), a marker that
opens a clause of its own ("next time the job fails, don't restart it by hand": a plan
for the future), or an act nobody is faulted for ("next time don't hesitate to ping me").
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from .hedged import attribution_words
from .lexicon import Lexicon
from .recognizers import Detection, SentenceView

_ACTS = ("causal", "destructive", "breakage", "harm", "fault", "disable")
_DAMAGE = ("destructive", "breakage", "harm", "fault")


def _marker(v: Token, markers: frozenset[str]) -> Token | None:
    """A hindsight marker on the act or on the verbs over it ("try ... next time"),
    as a phrase of its own: "next time", not "next time the job fails"."""
    for head in [v, *v.ancestors]:
        if head is not v and any(s.dep_ in ("nsubj", "nsubjpass") for s in head.children):
            break  # a clause with its own subject: its markers are not about this act
        for x in head.children:
            if x.dep_ in ("npadvmod", "prep", "advmod") and " ".join(t.lower_ for t in x.subtree) in markers:
                return x
    return None


def _opened_by(sent: Span, openers: frozenset[str]) -> bool:
    words = " ".join(t.lower_ for t in sent if not t.is_punct and not t.is_space).split()
    return any(words[: len(o.split())] == o.split() for o in openers)


def _advised_against(neg: Token, view: SentenceView, lex: Lexicon, words) -> list[Token]:
    v = neg.head
    if not v.tag_.startswith("VB") or v.i in view.quoted or any(s.dep_ in ("nsubj", "nsubjpass", "expl") for s in v.children):
        return []
    if not any(lex.verbs[k].match(v) for k in _ACTS) or lex.verbs["recovery"].match(v):
        return []
    if (marker := _marker(v, words["hindsight_markers"])) is not None and v.tag_ in ("VB", "VBG"):
        return [neg, v, marker]
    if v.tag_ == "VBG" and _opened_by(view.sent, words["suggestion_openers"]) and any(lex.verbs[k].match(v) for k in _DAMAGE):
        return [neg, v]  # "how about not deleting other people's branches?"
    return []


def told_not_again(view: SentenceView) -> Detection | None:
    words = attribution_words()
    for neg in (t for t in view.sent if t.dep_ == "neg" and t.lower_ in ("not", "n't")):
        found = _advised_against(neg, view, view.lex, words)
        if found:
            return Detection(
                "blame.person-subject", "framing",
                f'Advice not to "{found[1].lemma_}" again tells the reader they did it; '
                "describe the step and what would have made it safe instead.",
                None, found, None,
            )
    return None
