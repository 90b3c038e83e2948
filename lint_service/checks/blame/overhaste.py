"""A person judged by the pace of their own act: "I was too quick to approve that diff",
"you were way too eager to close the ticket", "I was too slow to react to the page".

"Too" on an adjective of haste or slowness, with the act as its complement, says the
act was done the wrong way by the subject; a writer's own admission is self-judgement
(rule 9) and the same said of "you" or a colleague is a judgement of them (rule 17).
The team speaking ("we were too quick", rule 9), a thing ("the queue was too full to
accept jobs"), a condition ("too tired to read the diff", rule 4), a denial, a modal or
a condition ("if you are too quick to merge, CI still runs") stay out.
"""
from __future__ import annotations

from spacy.tokens import Token

from .agents import BLAMEABLE
from .fragments import writer_kind
from .recognizers import Detection, SentenceView, _negated_sentence, _who


def _paced_act(adj: Token) -> Token | None:
    """The act an adjective's "too" judges: "too quick to merge" (an infinitive) or
    "too quick merging" (a gerund the parser may hang on the adjective or the copula)."""
    acts = [x for x in adj.children if x.dep_ in ("xcomp", "advcl", "ccomp") and x.pos_ in ("VERB", "AUX")]
    acts += [x for x in adj.head.children if x.dep_ in ("xcomp", "advcl") and x.tag_ == "VBG" and x.i > adj.i]
    # "too confident in my script", "too trigger-happy with the delete key": what the
    # haste was about, when no act is named
    acts += [x for x in adj.children if x.dep_ == "prep" and x.lower_ in _ABOUT and any(o.dep_ == "pobj" for o in x.children)]
    return acts[0] if acts else None


_ABOUT = ("in", "with", "about", "of", "on")


def overhasty(view: SentenceView) -> Detection | None:
    words = view.lex.terms["pace_adjectives"]
    for c in view.clauses:
        if c.lemma != "be" or writer_kind(c, view.sent, view.lex) not in BLAMEABLE or c.modal or c.conditional or c.negated:
            continue
        if c.verb.i in view.quoted or any(m.dep_ == "mark" and m.lower_ in ("if", "when", "whenever", "unless") for m in c.verb.children):
            continue
        for adj in (p for p in c.verb.children if p.dep_ in ("acomp", "attr") and p.lower_ in words):
            too = next((t for t in adj.children if t.dep_ == "advmod" and t.lower_ == "too"), None)
            act = _paced_act(adj) if too is not None else None
            if act is None or _negated_sentence(adj):
                continue
            return Detection(
                "blame.judgement", "judgement",
                f'"{_who(c.subject) if c.subject is not None else "I"} ... {too.text} {adj.text} {_act_words(act)}" judges a person by the pace of their act; '
                "describe what would have slowed the step down instead.",
                None, [too, adj, act], c.subject,
            )
    return None


def _act_words(act: Token) -> str:
    """"to merge" for an act, "in my script" for what the haste was about."""
    if act.dep_ == "prep":
        return act.doc[act.i:act.right_edge.i + 1].text
    return f"to {act.lemma_}"
