"""The range of a sentence one clause's rewrite replaces: from the person (or an
inverted "Had") to the end of the clause's own words and its object, with a quote or a
bracket the object opened, and without a trailing apology that is the person's."""
from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from .text import opens_bracket, phrasing, quoted_after

if TYPE_CHECKING:
    from ..checks.blame.clauses import Clause


def clause_range(clause: "Clause", own: list[Token]) -> tuple[int, int]:
    """First and last token index the rewrite replaces: from the subject (or an
    inverted "Had") to the end of the clause's own words and its object."""
    doc = clause.verb.doc
    subj = clause.subject
    if subj is not None and subj.i < clause.verb.i:
        first = min(t.i for t in subj.subtree)
        # "If only the DBA had taken a backup": "only" is the wish's, not the person's
        while doc[first].lower_ == "only" and doc[first].head == subj:
            first += 1
        had = [c for c in clause.verb.children if c.dep_ == "aux" and c.lower_ == "had" and c.i < first]
        if had:
            first = had[0].i
        name = doc[first - 2] if first >= 2 else None
        if subj.lower_ == "you" and name is not None and doc[first - 1].text == "," and name.tag_ == "NNP" \
                and name.head == clause.verb and all(t.i < first - 1 for t in name.subtree):
            # (rewrite31) "Priya, you deleted the index": the name called out goes with the "you"
            first = name.left_edge.i
    else:
        first = min(t.i for t in own)
        while doc[first].dep_ in ("mark", "cc", "punct") or doc[first].tag_ == "WRB":
            first += 1
    # "input the command code "rm -rf /"": a quote the parser hung elsewhere moves with the
    # object (rendered in the fronted subject), so it is inside the range, never said twice
    # (every token up to the closing quote, a full stop set inside it too)
    quoted = {i for o in clause.objects if (q := quoted_after(o)) for i in range(o.right_edge.i + 1, q[-1].i + 1)}
    covered = {t.i for t in own} | {t.i for o in clause.objects for t in o.subtree} | quoted
    last = max(i for i in covered)
    # stop before an embedded clause with its own subject (", and we lost ...")
    for i in range(clause.action.i + 1, last + 1):
        if i not in covered:
            last = i - 1
            break
    while last > first and doc[last].is_punct and not (doc[last].text == ")" and opens_bracket(doc[first:last])):
        last -= 1  # (a closing bracket opened inside the range is the object's, never left behind)
    if quoted and min(quoted) - 1 <= last < max(quoted):
        last = max(quoted)  # the closing quote (and a "*" before it) is the command's
    # "..., apologies": the apology is the person's, not the clause's; it is left outside
    # the range, where the person's other words are taken out
    apology = set(phrasing()["apology_words"])
    tail = next((t for t in doc[first : last + 1] if t.lower_ in apology and t.right_edge.i == last and t.dep_ != "ROOT"
                 and t.dep_ not in ("dobj", "obj", "pobj", "nsubj", "nsubjpass", "attr")), None)
    if tail is not None and tail.left_edge.i > first:
        last = tail.left_edge.i - 1
        while last > first and doc[last].is_punct:
            last -= 1
    return first, last
