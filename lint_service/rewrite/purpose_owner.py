"""A possessive of the removed person inside their subjectless purpose clause, said as
"a": "Somebody unplugged the NAS to charge their phone" -> "The NAS was unplugged to
charge a phone".

With the person gone the clause has no doer, so "their" points at nobody (the verifier
refuses it: ``faithful._controlled_pronoun``); "a" keeps the thing and says only what
the sentence did (some phone). Read off the original parse, as every repair is; "their
own phone" keeps no repair ("an own phone" is no English).
"""
from __future__ import annotations

from spacy.tokens import Span

_POSSESSIVES = frozenset({"his", "her", "their"})


def purpose_owner_edits(sent: Span, pronouns: frozenset[str]) -> list[tuple[str, str]]:
    """(words as written, words without the owner) for each such possessive."""
    out: list[tuple[str, str]] = []
    for t in sent:
        if t.lower_ not in _POSSESSIVES or t.lower_ not in pronouns or t.dep_ != "poss":
            continue
        noun = t.head
        clause = next((a for a in t.ancestors if a.pos_ in ("VERB", "AUX")), None)
        if clause is None or clause.tag_ not in ("VB", "VBG") or clause.dep_ not in ("advcl", "xcomp", "acl", "pcomp") \
                or any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in clause.children):
            continue
        words = [x for x in noun.subtree if x.i >= t.i and x.i <= noun.i]
        if any(x.lower_ == "own" for x in words) or noun.tag_ not in ("NN", "NNP"):
            continue  # "their own phone"; "their phones" would need no article at all
        rest = " ".join(x.text for x in words[1:])
        article = "an" if rest[:1].lower() in "aeiou" else "a"
        out.append((" ".join(x.text for x in words), f"{article} {rest}"))
    return out
