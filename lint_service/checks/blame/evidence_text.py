"""How a finding's message shows its evidence: who, and the words that make the fault,
quoted so that a facilitator reads them as they stand in the sentence ('"bad config",
"broke"', never '"bad broke"'; "... on the wrong cluster", never "... on the wrong")."""
from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from .framing import describe

if TYPE_CHECKING:
    from .clauses import Clause


def _who(tok: Token | None) -> str:
    if tok is None:
        return "someone"
    words = [t for t in tok.subtree if t.i <= tok.i and t.dep_ not in ("punct",)]
    return " ".join(t.text for t in words) if len(words) <= 6 else tok.text


def quoted_evidence(evidence: list[Token]) -> str:
    """The evidence words, quoted run by run: '"bad config", "broke"', not '"bad broke"'.
    Tokens that stand side by side are one run; an adjective is shown with the noun it
    judges, because "bad" alone does not say what was bad."""
    shown: set[int] = set()
    doc = evidence[0].doc if evidence else None
    for t in evidence:
        shown.add(t.i)
        if t.dep_ in ("amod", "compound") and t.head.i > t.i and t.head.pos_ in ("NOUN", "PROPN"):
            shown.update(range(t.i, t.head.i + 1))  # "peak traffic", not "peak"
        nxt = doc[t.i + 1] if t.i + 1 < len(doc) else None
        if t.pos_ == "ADV" and nxt is not None and nxt.pos_ == "ADP" and nxt.head == t.head and nxt.dep_ == "prep":
            shown.add(nxt.i)  # "Rather than", "instead of": the adverb with its preposition
    runs: list[list[int]] = []
    for i in sorted(shown):
        if runs and i == runs[-1][-1] + 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    return ", ".join('"' + doc[r[0]:r[-1] + 1].text + '"' for r in runs) if doc is not None else '""'


def clause_phrase(who: Token | None, evidence: list[Token], c: "Clause") -> str:
    """The words from the person to the fault ("Kenji forgot to renew the certificate"),
    or the person and the fault words when that stretch is long."""
    if who is None:
        return describe(evidence)
    start = who.left_edge.i
    # a verb among the evidence keeps its object: "... and broke payments", not "... and broke"
    ends = [o.right_edge.i for t in evidence if t.pos_ == "VERB" for o in t.children if o.dep_ in ("dobj", "obj")]
    ends += [  # "... on the wrong cluster", not "... on the wrong"
        t.head.i for t in evidence if t.dep_ in ("amod", "compound") and t.head.i > t.i]
    end = max([t.i for t in evidence] + [o.right_edge.i for o in c.objects] + [c.action.i] + ends)
    doc = who.doc
    if 0 < end - start < 14 and all(not doc[i].is_space for i in range(start, end + 1)):
        return doc[start : end + 1].text
    return f"{_who(who)} ... {describe(evidence)}"
