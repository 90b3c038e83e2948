"""The learned recall net: a sentence no rule flags, that passes a gate, and that
the learned scorer (``lint_service.blame_model``) rates as blame with high
confidence, gets a ``blame.learned`` finding.

The score is a parse attribute (``sent._.blame_score``, filled once per
paragraph in the NLP pass); this module only reads it. Two gates, both read
from the parse: a person-like *mention* anywhere in the sentence (the shipped
one), or a person-like *actor* of a clause, from the clauses the recognizers
already extract (``clauses.py``), which tells "Priya deleted the volume" from
"thanks to Priya" or "paged Priya". The rule is off by default
(``rules/checks.yaml``): the experiment in ``models/README.md`` decides whether it
earns its place, and with which gate. No rewrite is offered: the model says that
a sentence reads as blame, not which construction makes it so.
"""
from __future__ import annotations

from lemminflect import getAllLemmas
from typing import Iterator

from spacy.tokens import Span, Token

from .agents import BLAMEABLE, Kind, classify
from .clauses import Clause, clauses
from .lexicon import Lexicon
from .recognizers import Detection, SentenceView
from .fragments import first_word, past_form
from .verdicts import _apologising

RULE = "blame.learned"
# Chosen by cross-validation on real-tune (by source); see models/README.md. The
# actor gate (round 3) tied the mention gate within one sentence and lost the tie.
THRESHOLD = 0.97
GATE = "mention"
GATES = ("actor", "mention")
_MENTION_POS = ("NOUN", "PROPN", "PRON")


def person_mention(sent: Span, lex: Lexicon) -> Token | None:
    """The first token naming a person, role, pronoun, team or the reader ("you").
    The round-1 and round-2 gate, kept to measure the actor gate against."""
    for tok in sent:
        if tok.pos_ not in _MENTION_POS:
            continue
        if tok.pos_ == "PRON" and "2" in tok.morph.get("Person"):
            return tok
        if classify(tok, lex) in BLAMEABLE:
            return tok
    return None


def _copular(verb: Token) -> bool:
    # "I was on call", "the DBA is new here": a state, not an act
    return verb.lemma_.lower() == "be" and not any(c.dep_ == "auxpass" for c in verb.children)


def _act_noun(noun: Token, lex: Lexicon) -> bool:
    """A noun naming something done: a blame or error noun of the rules ("typo",
    "mistake"), or a noun that is also a verb ("change", "push", "decision" is not;
    "commit" is). "Leo's laptop" names a thing, "Leo's commit" an act."""
    terms = lex.terms
    lemma = noun.lemma_.lower()
    if lemma in terms["blame_nouns"] or lemma in terms["error_heads"]:
        return True
    return noun.pos_ in ("NOUN", "PROPN") and lemma in getAllLemmas(lemma).get("VERB", ())


def _clause_actor(c: Clause) -> Token | None:
    if c.passive:
        return c.agent if c.agent_kind in BLAMEABLE else None  # "wiped by a contractor"
    if c.subject is not None and c.subject_kind in BLAMEABLE and not _copular(c.verb):
        return c.subject
    return None


def actors(view: SentenceView) -> Iterator[tuple[Token, Kind, Clause | None]]:
    """Every person-like actor of the sentence, with its kind and its clause: the
    subject of a non-copular verb, a passive agent, the possessor of an act noun
    ("Leo's commit", clause None), or the dropped "I" of a first-person fragment
    ("Deleted the wrong branch, sorry": the verb stands for the writer). People
    who are only objects, recipients, addressees, credited or named in a log line
    are not actors. Clauses the recognizers skip (reported, hypothetical, denied)
    give no actor either."""
    lex = view.lex
    for c in view.clauses:
        if (who := _clause_actor(c)) is not None:
            yield who, (c.agent_kind if c.passive else c.subject_kind), c
    for tok in view.sent:
        # "Leo's manager" names a person, not an act ("typo" may be tagged a proper noun)
        if tok.dep_ == "poss" and _act_noun(tok.head, lex) and classify(tok.head, lex) not in (Kind.ROLE, Kind.TEAM) \
                and (kind := classify(tok, lex)) in BLAMEABLE:
            yield tok, kind, None
    first = first_word(view.sent)
    for c in view.clauses:
        # a subject-less past verb opening the sentence is first person only when the
        # sentence says so: an apology, or "my"/"me" ("pushed my branch to main")
        past = past_form(c.verb) or (c.verb.tag_ == "VBN" and not any(a.dep_ in ("aux", "auxpass") for a in c.verb.children))
        if c.subject is None and not c.passive and c.verb.i == first.i and past and (
                _apologising(view) or any("1" in t.morph.get("Person") and "Sing" in t.morph.get("Number") for t in view.sent)):
            yield c.verb, Kind.SELF, c


def actor(view: SentenceView) -> Token | None:
    """The first person-like actor (see :func:`actors`), or None."""
    return next((who for who, _, _ in actors(view)), None)


def sentence_actor(sent: Span, lex: Lexicon) -> Token | None:
    """:func:`actor` for a bare sentence (the benches' gate)."""
    return actor(SentenceView(sent, clauses(sent, lex), set(), lex))


def gate_token(view: SentenceView, gate: str | None = None) -> Token | None:
    """The token that lets the net speak: the first actor, or the first mention
    (``gate`` None: the shipped one, :data:`GATE`)."""
    gate = GATE if gate is None else gate
    return actor(view) if gate == "actor" else person_mention(view.sent, view.lex)


def learned_net(view: SentenceView, threshold: float | None = None, gate: str | None = None) -> Detection | None:
    # None: the module's THRESHOLD and GATE, read at call time so the benches can
    # measure another model's choice through the linter itself
    threshold = THRESHOLD if threshold is None else threshold
    gate = GATE if gate is None else gate
    if gate not in GATES:
        raise ValueError(f"unknown gate {gate!r}; known: {', '.join(GATES)}")
    score = view.sent._.blame_score  # None: the scorer is not in this pipeline
    if score is None or score < threshold:
        return None
    who = gate_token(view, gate)
    if who is None:
        return None
    # a first-person fragment's actor is its verb: the writer, unnamed
    named = who.pos_ not in ("VERB", "AUX")
    subject = f'"{who.text}"' if named else f'yourself ("{who.text}")'
    return Detection(
        RULE, "learned",
        f"This sentence reads as presenting {subject} as the cause of the failure; "
        "describe what the system allowed instead (flagged by the learned model, not by a rule).",
        None, [who], who if named else None,
    )
