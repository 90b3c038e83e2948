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
