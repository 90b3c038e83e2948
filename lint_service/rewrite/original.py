"""What every rewrite of a flagged sentence must keep (the verifier's ``Original``):
the sentence minus the removed person, their pronouns and names, and the clause's own
negation, whose polarity the strategies decide."""
from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Span

from .belief_comma import believed
from .referents import pronouns_of
from .verify import Original, unbound_pronouns

if TYPE_CHECKING:
    from ..checks.blame.recognizers import Detection


def original_of(det: "Detection", sent: Span) -> Original:
    """What every rewrite of ``sent`` must keep: all but the person and the
    clause's own negation (whose polarity the strategies decide)."""
    dropped: set[int] = set()
    for tok in (det.target, det.clause.subject if det.clause is not None else None):
        if tok is not None:
            dropped |= {t.i for t in tok.subtree}
    c = det.clause
    objects: list[str] = []
    if c is not None:
        dropped |= {x.i for v in (c.verb, c.action) for x in v.children if x.dep_ == "neg" or x.lower_ in ("never", "not", "nothing")}
        if det.construction not in ("idiom", "judgement"):
            # "wiped the disk thinking/dobj it was ...": a belief misread as the object (rewrite/belief_comma.py)
            objects = [o.text for o in c.objects[:1] if o.pos_ != "PRON" and o.i not in dropped and not believed(o)]
    who = det.target if det.target is not None else (c.subject if c is not None else None)
    # a blame phrase has no slot for the person: the sentence's subject is them ("Graham went
    # at the upgrade like a bull in a china shop")
    # (the person's own words, not a relative clause about them: "Emeka, who changed the TTL")
    named = [t for t in who.subtree if t.i <= who.i] if who is not None else \
        [t for t in sent if t.dep_ == "nsubj" and t.head.i == sent.root.i] if det.construction == "blame-phrase" else []
    person = {t.text for t in named if t.pos_ == "PROPN"}
    subject = c.subject if c is not None else None
    if any(x is not None and x.lower_ in ("he", "she", "him", "her") for x in (det.target, subject)):
        # "Owner: Kenji, since he caused this": the name "he" stands for goes too
        person |= {t.text for t in sent if t.pos_ == "PROPN" and t.is_title and t.dep_ in ("nsubj", "ROOT", "appos", "dobj", "npadvmod", "attr")}
    if any(x is not None and x.lower_ in ("you", "your") for x in (det.target, subject)):
        # (rewrite31) "Priya, you deleted the index": the name called out is the "you"
        person |= {t.text for t in sent if t.tag_ == "NNP" and t.head.i != t.i and not any(c.dep_ in ("prep", "relcl") for c in t.children)
                   and t.i + 2 < sent.end and sent.doc[t.i + 1].text == "," and sent.doc[t.i + 2].lower_ in ("you", "your")}
    # "A botched migration by Ravi corrupted the ledger": the judged thing's maker, named
    # after "by", is who the judgement was about; dropping the judgement word leaves them
    person |= {x.text for t in sent if t.dep_ == "pobj" and t.head.lower_ == "by" and t.head.dep_ == "prep"
               and t.head.head.pos_ == "NOUN" for x in t.subtree if x.pos_ == "PROPN" and x.i <= t.i}
    removed = det.target if det.target is not None else (c.subject if c is not None else None)
    said = pronouns_of(removed)
    return Original(sent, dropped, objects, person, said, unbound=unbound_pronouns(sent, removed, said))
