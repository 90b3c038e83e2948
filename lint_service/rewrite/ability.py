"""A consequence the writer suffered, told as what they could no longer do.

"I deleted the config file and now I can't start the service": the second half is not
an act of the writer's but what the first one left them unable to do, a fact about the
service the writer reported. Said of the thing with the modal and its negation kept
("and now the service can't be started"), it loses nothing; the passive without the
modal ("the service was not started") would turn an inability into an act that did not
happen (meaning changed). The modals are rule data (rules/rewrites.yaml
``writer_states.ability_modals``).
"""
from __future__ import annotations

from spacy.tokens import Token

from .clause import verb_phrase_passive
from .text import phrasing, span_text

_BE = ("was", "is", "were", "are")


def ability_half(verb: Token, own: list[Token], drop: set[str]) -> tuple[str, str] | None:
    """(new subject, predicate) for a coordinated half whose verb has an ability modal
    ("now I can't start the service" -> ("now the service", "can't be started")), or
    None. Adverbs that stood before the person ("now") stay before the new subject."""
    modal = next((a for a in verb.children if a.dep_ == "aux" and a.tag_ == "MD"), None)
    if modal is None or verb.tag_ != "VB" or modal.lemma_.lower() not in phrasing()["writer_states"]["ability_modals"]:
        return None
    if any(a.dep_ == "aux" and a.i != modal.i for a in verb.children):
        return None  # "could have started": a counterfactual's, not an inability
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    neg = [c for c in verb.children if c.dep_ == "neg" and modal.i < c.i < verb.i]
    lead = [t for t in own if t.dep_ == "advmod" and t.head == verb and subject is not None and t.i < subject.i and not list(t.children)]
    phrase = verb_phrase_passive(verb, [t for t in own if t not in lead], False, drop)
    if phrase is None:
        return None
    thing, pred = phrase
    be, _, rest = pred.partition(" ")
    if be not in _BE or not rest or rest.split(" ", 1)[0] in ("not", "never", "being", "been"):
        return None
    said = "".join(t.text_with_ws for t in [modal, *neg]).strip()
    return " ".join(x for x in (span_text(lead), thing) if x), f"{said} be {rest}"
