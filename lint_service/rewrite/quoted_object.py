"""An object in the writer's quotation marks, moved whole (rewrite28, issue 11).

News prose quotes the thing a person acted on: "caused by an operator pressing the
“reset” key". Said without the person, the object moves before the passive ("caused by
the “reset” key being pressed"), and its quotation marks move with it: nothing is cut in
two as long as every quotation mark of the act stands inside the object.

A comma the writer put inside the closing mark (American style: pressing the “reset
key,” the chief said) hangs on the frame in the parse, outside the object: the closing
mark then goes with the object's words and the comma comes after the new passive ("the
“reset key” being pressed, the chief said"; relative.agent_act_parts).
Any other quotation in the act (a quoted verb, "someone 'pressed the key'") is left
alone: the rewrite would break the writer's quote.
"""
from __future__ import annotations

from spacy.tokens import Token


def quotes_in_object(act: Token, obj: Token) -> tuple[bool, Token | None]:
    """(whether the act's quotation marks all go with ``obj``, the closing mark after the
    object that goes with it too, or None)."""
    inside = {t.i for t in obj.subtree}
    marks = [t for t in act.subtree if t.is_quote]
    if not marks:
        return True, None
    if any(t.i not in inside for t in marks):
        return False, None
    if len(marks) % 2 == 0:
        return _opens_first(marks), None
    if len(marks) != 1:
        return False, None
    doc = obj.doc
    nxt = [doc[i] for i in range(obj.right_edge.i + 1, min(obj.right_edge.i + 3, len(doc)))]
    if nxt and nxt[0].text == "," and len(nxt) > 1 and nxt[1].is_quote and _closes(nxt[1]):
        return True, nxt[1]
    return False, None


def _opens_first(marks: list[Token]) -> bool:
    """Each pair of marks opens before it closes (curly marks only tell which is which)."""
    return not any(m.text in ("”", "’") for m in marks[::2]) and not any(m.text in ("“", "‘") for m in marks[1::2])


def _closes(mark: Token) -> bool:
    return mark.text in ("”", "’", '"', "'")


def quotes_stay_paired(act: Token, obj: Token) -> bool:
    """Every quotation in ``act``'s words lies wholly inside ``obj`` or wholly outside it
    ("press “Enter” in the “New Tag” dialog"): a passive moves the object and leaves the
    rest in order, so no quote is cut in two."""
    inside = {t.i for t in obj.subtree}
    marks = [t for t in act.subtree if t.is_quote]
    after = obj.right_edge.i + 1
    if sum(t.i in inside for t in marks) % 2 and after < len(obj.doc) and obj.doc[after].is_quote:
        inside.add(after)  # "press "Enter" after ...": the parser hung the closing mark on the verb
    within = [t for t in marks if t.i in inside]
    outside = [t for t in marks if t.i not in inside]
    return all(len(group) % 2 == 0 and _opens_first(group) for group in (within, outside)) and not any(
        a.i < obj.left_edge.i < obj.right_edge.i < b.i for a, b in zip(outside[::2], outside[1::2]))
