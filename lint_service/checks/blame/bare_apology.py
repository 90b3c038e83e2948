"""An apology that says nothing else: "really sorry about that, folks", "OK, I'm so sorry
about this, all", "I'm truly sorry!" (rule 9). Said by the writer with only its word, "that" or
"this", and fillers (``apology_fillers``, ``apology_addressees``), it owns what the
thread is about; one that names something ("sorry for the late reply", "sorry to hear
that", "sorry, I'm late") is about that, and "we" apologising speaks for the team. An
apology for an idiom of fault ("apologies for jumping the gun on the release") is read here too."""
from __future__ import annotations

from .framing import idiom_match_token
from .recognizers import Detection, SentenceView


def _on_its_own(view: SentenceView) -> bool:
    """The apology opens its line ("Sorry about that." as a message of its own); after
    another sentence on the line ("I DROPPED THE USERS TABLE SO SORRY") it goes with that
    one, which the other recognizers read."""
    text = view.sent.doc.text
    start = view.sent.start_char
    return not text[text.rfind("\n", 0, start) + 1:start].strip()


def bare_apology(view: SentenceView) -> Detection | None:
    terms = view.lex.terms
    markers = terms["bare_apology_markers"]
    allowed = markers | terms["apology_fillers"] | terms["apology_addressees"]
    words = [t for t in view.sent if not t.is_punct and not t.like_url and not t.text.startswith("@") and not t.is_space]
    said = [t for t in words if t.lower_ in markers or t.lemma_.lower() in markers]
    if not said or any(t.i in view.quoted for t in said) or view.sent[-1].text == "?":
        return None
    if all(t.lower_ in allowed or t.lemma_.lower() in allowed for t in words) and _on_its_own(view):
        return Detection("blame.person-subject", "apology",
                         f'"{said[0].text}" with nothing else said owns the failure; describe what happened and what the system let through instead.',
                         None, said[:1], None)
    for t in view.sent:  # "I apologize for jumping the gun": an idiom of fault, apologised for
        if t.tag_ == "VBG" and t.dep_ == "pcomp" and t.head.lower_ in ("for", "about") and t.head.head in said \
                and idiom_match_token(t, view.lex) is not None:
            return Detection("blame.person-subject", "apology",
                             f'"{t.head.text} {t.text}" apologises for a fault; describe what happened instead.', None, [t], None)
    return None
