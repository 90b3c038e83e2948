"""The learned recall net: a sentence no rule flags, that names a person-like
actor and that the learned scorer (``lint_service.blame_model``) rates as blame
with high confidence, gets a ``blame.learned`` finding.

The score is a parse attribute (``sent._.blame_score``, filled once per
paragraph in the NLP pass); this module only reads it. The rule is off by
default (``rules/checks.yaml``): the experiment in ``models/README.md`` decides
whether it earns its place. No rewrite is offered: the model says that a
sentence reads as blame, not which construction makes it so.
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from .agents import BLAMEABLE, classify
from .lexicon import Lexicon
from .recognizers import Detection, SentenceView

RULE = "blame.learned"
# Chosen by cross-validation on real-tune (by source); see models/README.md.
THRESHOLD = 0.95
_MENTION_POS = ("NOUN", "PROPN", "PRON")


def person_mention(sent: Span, lex: Lexicon) -> Token | None:
    """The first token naming a person, role, pronoun, team or the reader ("you")."""
    for tok in sent:
        if tok.pos_ not in _MENTION_POS:
            continue
        if tok.pos_ == "PRON" and "2" in tok.morph.get("Person"):
            return tok
        if classify(tok, lex) in BLAMEABLE:
            return tok
    return None


def learned_net(view: SentenceView, threshold: float = THRESHOLD) -> Detection | None:
    score = view.sent._.blame_score  # None: the scorer is not in this pipeline
    if score is None or score < threshold:
        return None
    who = person_mention(view.sent, view.lex)
    if who is None:
        return None
    return Detection(
        RULE, "learned",
        f'This sentence reads as presenting "{who.text}" as the cause of the failure; '
        "describe what the system allowed instead (flagged by the learned model, not by a rule).",
        None, [who], who,
    )
