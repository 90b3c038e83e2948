"""A headline whose subject is a person and whose verb does damage: "Contractor cuts
fibre, blamed for outage", "Rogue admin locks company out of its network" (rule 13).

Headlines drop articles, so the small model reads "Contractor cuts fibre" as one noun
phrase ("cuts" a plural noun) and no clause reaches the recognizers. This reads the
headline off its words instead: no closing full stop, a short bare noun phrase naming a
person or role, then a word whose verb reading (third person, present) is in a class
that does harm. Only sentences no other recognizer flagged get here.
"""
from __future__ import annotations

from lemminflect import getLemma
from spacy.tokens import Span, Token

from .agents import BLAMEABLE, Kind, classify, role_noun
from .lexicon import Lexicon
from .recognizers import Detection, SentenceView, _negated_sentence

# Verb classes that make a person the doer of the damage a headline reports.
_HARMFUL = ("fault", "destructive", "breakage", "harm", "disable")
# A headline's subject is short ("Night-shift operator", "Rogue admin").
MAX_SUBJECT_WORDS = 4
MAX_HEADLINE_TOKENS = 20


def _verb_reading(tok: Token) -> str | None:
    """The lemma of a third-person present verb form tagged as something else ("cuts"/NNS)."""
    low = tok.lower_
    if not tok.is_alpha and "-" not in low or not low.endswith("s") or low.endswith("ss"):
        return None
    cands = getLemma(low, upos="VERB")
    return cands[0] if cands and cands[0] != low else None


def _is_headline(sent: Span) -> bool:
    # the last word first: it is a full stop in nearly every sentence of prose, and a
    # look at it spares listing the words of each (asked twice per sentence)
    doc = sent.doc
    last = next((doc[i] for i in range(sent.end - 1, sent.start - 1, -1) if not doc[i].is_space), None)
    if last is None or last.text in (".", "?", "!", ";", ":"):
        return False
    words = [t for t in sent if not t.is_space]
    if len(words) > MAX_HEADLINE_TOKENS:
        return False
    return words[0].is_title or words[0].is_upper


def _person_head(subject: list[Token], lex: Lexicon) -> Token | None:
    head = subject[-1]
    if any(t.pos_ in ("DET", "PRON", "ADP", "VERB", "AUX", "NUM") or t.is_punct or t.dep_ == "case" for t in subject):
        return None  # "The ...", "Engineer's typo ...": prose or a possessive, read elsewhere
    if classify(head, lex) in BLAMEABLE or role_noun(head, lex):
        return head
    return None


def harmful_headline(sent: Span, lex: Lexicon) -> tuple[Token, Token] | None:
    """(person, verb) of a headline like "Contractor cuts fibre", or None."""
    if not _is_headline(sent):
        return None
    words = [t for t in sent if not t.is_space]
    for i in range(1, min(len(words), MAX_SUBJECT_WORDS + 1)):
        lemma = _verb_reading(words[i])
        if lemma is None:
            continue
        person = _person_head(words[:i], lex)
        after = words[i + 1] if i + 1 < len(words) else None
        particle = after.lower_ if after is not None and after.lower_ in ("down", "out", "off", "over", "up") else ""
        if person is None or not any(lex.verbs[k].has(lemma, particle) for k in _HARMFUL):
            return None
        if after is None or any(t.lower_ in lex.framing["harmless_objects"] for t in words[i + 1:]):
            return None  # "Engineer deletes stale branches"
        obj = words[i + 2] if particle and i + 2 < len(words) else after
        if words[i].pos_ in ("VERB", "AUX") and obj.lower_ in ("the", "a", "an", "his", "her", "their", "its"):
            return None  # parsed as a verb, its object with an article: prose or a timeline entry ("Sean deletes the ...")
        return person, words[i]
    return None


def _fault_nouns(lex: Lexicon) -> frozenset[str]:
    terms = lex.terms
    return terms["blame_nouns"] | terms["defect_nouns"] | terms["error_heads"]


def blamed_in_headline(sent: Span, lex: Lexicon) -> tuple[Token, Token] | None:
    """(person, fault noun) of "Engineer's mistake plunges city into darkness" or "Staff
    blunder leaks exam results": a person's fault named in a headline's opening words,
    which the tagger often cannot parse."""
    if not _is_headline(sent):
        return None
    words = [t for t in sent if not t.is_space]
    for i, tok in enumerate(words[:MAX_SUBJECT_WORDS]):
        if not (classify(tok, lex) in BLAMEABLE or role_noun(tok, lex)):
            continue
        rest = words[i + 1 : i + 4]
        owned = bool(rest) and rest[0].dep_ == "case"
        if owned:
            rest = rest[1:]  # "Engineer's"
        # a name before a noun without "'s" may name a thing ("Crashloop bug preventing
        # ..."): then only a finite verb after it makes it the doer's
        named_thing = not owned and not role_noun(tok, lex) and classify(tok, lex) not in (Kind.ROLE, Kind.TEAM)
        for t in rest[:2]:
            if named_thing and (t.i + 1 >= sent.end or (_verb_reading(t.doc[t.i + 1]) is None and t.doc[t.i + 1].tag_ not in ("VBZ", "VBD"))):
                continue
            if t.lemma_.lower() in _fault_nouns(lex) or t.lower_ in _fault_nouns(lex):
                denied = _negated_sentence(t) or any(w.lower_ in ("no", "not", "never") or lex.verbs["denial"].match(w) for w in words)
                return None if denied else (tok, t)
            if t.pos_ not in ("ADJ", "NOUN", "PROPN"):
                break
        return None
    return None


def headline_doer(view: SentenceView) -> Detection | None:
    blamed = blamed_in_headline(view.sent, view.lex)
    if blamed is not None and not any(t.i in view.quoted for t in blamed):
        person, fault = blamed
        return Detection("blame.possessive", "headline",
                         f'The headline ties "{fault.text}" to "{person.text}"; say what happened to the system instead.',
                         None, [person, fault], person)
    found = harmful_headline(view.sent, view.lex)
    if found is None or found[1].i in view.quoted:
        return None
    person, verb = found
    return Detection("blame.person-subject", "headline",
                     f'The headline makes "{person.text}" the one who did the damage ("{verb.text}"); say what happened to the system instead.',
                     None, [person, verb], person)
