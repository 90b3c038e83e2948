"""Relative clauses about the removed person, full or reduced: "a firmware push he never trialled" ->
"a firmware push that was never trialled"; "the table they were archiving" -> "the table
that was being archived". The clause's object is its antecedent, so the passive needs
no new words, only the relative pronoun and the auxiliaries the tense asks for.

Applied to a candidate whose only fault is such a pronoun.
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from .clause import _object_parts, _plural, is_present, participle_of
from .candidate import PERSONAL_WORDS
from .quoted_object import quotes_in_object
from .text import span_text, trailing_punct


def passive_predicate(verb: Token, plural: bool) -> str | None:
    """The agentless predicate of a clause whose object has gone elsewhere, keeping
    tense, aspect and negation: "had not tested" -> "had not been tested"."""
    auxes = [x for x in verb.children if x.dep_ in ("aux", "neg") or (x.dep_ == "advmod" and x.lower_ in ("never", "not"))]
    neg = " ".join(x.text if x.lower_ != "n't" else "not" for x in auxes if x.dep_ == "neg" or x.lower_ in ("never", "not"))
    have = next((x.lower_ for x in auxes if x.lemma_ == "have"), None)
    progressive = verb.tag_ == "VBG" and any(x.lemma_ == "be" for x in auxes)
    if any(x.tag_ == "MD" for x in auxes):
        return None  # "a change he would review": a wish, not an event
    if have is not None:
        be = ("had" if have == "had" else ("have" if plural else "has")) + (f" {neg}" if neg else "") + " been"
    else:
        now = is_present(verb)
        be = ("are" if plural else "is") if now else ("were" if plural else "was")
        be += (f" {neg}" if neg else "") + (" being" if progressive else "")
    return f"{be} {participle_of(verb)}"


def relative_edits(sent: Span, pronouns: frozenset[str]) -> list[tuple[str, str]]:
    """(words as written, agentless words) for each relative clause of ``sent`` whose
    subject is one of ``pronouns``: read off the original parse, which is the one the
    writer's sentence deserves; a candidate's own parse of the same words may differ."""
    out: list[tuple[str, str]] = []
    for t in sent:
        if t.lower_ not in pronouns or t.dep_ != "nsubj" or t.head.dep_ != "relcl":
            continue
        verb = t.head
        # "tokens, which he has since revoked": the relative pronoun is the object
        which = next((x for x in verb.children if x.tag_ in ("WDT", "WP") and x.i < t.i), None)
        if any(x.dep_ in ("dobj", "obj", "ccomp", "xcomp", "nsubjpass", "dative") and (which is None or x.i != which.i) for x in verb.children):
            continue  # the clause has its own object: the antecedent is not what they acted on
        if which is not None and which.dep_ not in ("dobj", "obj"):
            continue
        said = passive_predicate(verb, _plural(verb.head))
        words = [x for x in verb.children if x.i < verb.i and (x.dep_ in ("aux", "neg", "nsubj") or x.lower_ in ("never", "not"))]
        adverbs = [x for x in verb.children if t.i < x.i < verb.i and x.dep_ == "advmod" and x not in words]
        first = min([x.i for x in words] + [verb.i])
        if said is None or any(x.i not in {w.i for w in words + adverbs} for x in sent.doc[first:verb.i]):
            continue  # words between the pronoun and the verb that are not auxiliaries
        if adverbs:  # "has since been revoked"
            head, _, tail = said.partition(" ")
            said = " ".join((head, *(a.text for a in adverbs), tail))
        out.append((sent.doc[first : verb.i + 1].text, said if which is not None else f"that {said}"))
    return out


def agent_act(by: Token) -> str | None:
    """"caused by a contractor accidentally deleting the routing table" -> "caused by
    the routing table being accidentally deleted": the person's act, said without them,
    stays the cause (dropping the whole agent would leave "was caused" with none)."""
    found = agent_act_parts(by)
    return None if found is None else found[0]


def agent_act_parts(by: Token) -> tuple[str, dict[int, str]] | None:
    """:func:`agent_act`, and the tokens outside the agent its words changed (a closing
    quotation mark after the object goes with it, and the comma before the mark takes
    the mark's place: quoted_object.py)."""
    person = next((x for x in by.children if x.dep_ == "pobj"), None)
    act = next((x for x in person.children if x.dep_ == "acl" and x.tag_ == "VBG"), None) if person is not None else None
    # "caused by an employee who restarted the wrong cluster": the relative clause is the act
    who = None
    if act is None and person is not None:
        act = next((x for x in person.children if x.dep_ == "relcl" and x.tag_ == "VBD"), None)
        who = next((x for x in act.children if x.dep_ == "nsubj" and x.lower_ in ("who", "that")), None) if act is not None else None
        if who is None or any(x.dep_ in ("aux", "auxpass", "neg") for x in act.children):
            return None
    obj = next((x for x in act.children if x.dep_ in ("dobj", "obj")), None) if act is not None else None
    if obj is None or obj.pos_ == "PRON" or any(x.dep_ in ("nsubj", "ccomp", "xcomp") and x != who for x in act.children):
        return None
    # (rewrite28) "caused by someone not renewing the certificate" -> "by the certificate not
    # being renewed": the negation stays with the act (it was said as "being renewed")
    negs = [x for x in act.children if x.dep_ == "neg" or x.lower_ in ("never", "not")]
    no = "never" if any(x.lower_ == "never" for x in negs) else ("not" if negs else "")
    whole, closing = quotes_in_object(act, obj)
    if not whole:
        return None  # "someone 'pressed the key'": the writer's quote would be cut in two
    if closing is None:
        obj_text = " ".join(p for p in (_object_parts(obj) or ("",)) if p)
    elif not any(c.i > obj.i and c.dep_ in ("prep", "relcl", "acl", "conj") for c in obj.children):
        # (rewrite28) "the “reset key,” the chief said": the closing mark goes with the
        # object's words, the comma stays the sentence's (an object with parts to move is left)
        obj_text = span_text([t for t in obj.subtree]) + closing.text
    else:
        return None
    adverbs = [x for x in act.children if x.dep_ == "advmod" and x.i < act.i and x not in negs]
    rest = [t for t in act.subtree if t.i > act.i and t.i not in {x.i for x in obj.subtree} and not trailing_punct(t)]
    if not obj_text or any(t.lower_ in PERSONAL_WORDS for t in rest):
        return None
    said = " ".join(x for x in (by.text, obj_text, no, "being", span_text(adverbs), participle_of(act), span_text(rest)) if x)
    return said, {} if closing is None else {closing.i - 1: "", closing.i: ","}


def time_or_place_clause(verb: Token) -> bool:
    """"an outage when an engineer changed the VLAN on the wrong port": a relative clause
    led by "when"/"where" has a subject of its own (not the noun it modifies), so it is a
    whole clause that can be said without the person, the noun keeping its "when". A
    subject with a clause of its own ("an engineer, troubleshooting a failed turn-up,")
    would lose what they were doing with them: not such a clause."""
    lead = verb.doc[verb.left_edge.i]
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return verb.dep_ == "relcl" and lead.lower_ in ("when", "where") and lead.dep_ == "advmod" and lead.head == verb \
        and subj is not None and subj.lower_ not in ("who", "that", "which") \
        and not any(c.dep_ in ("acl", "relcl", "appos", "advcl") for c in subj.children)


def bare_agent_participle(verb: Token, by: Token, gone: set[int]) -> set[int] | None:
    """``gone`` (the token ids the rewrite drops with the agent ``by``), and with them the
    participle of a reduced relative whose only words were its agent: "traced to a typo
    entered by a team member" -> "traced to a typo" ("a typo entered" dangles). None when
    the agent has words of its own ("a route pushed by an engineer at the carrier"):
    without them the participle dangles ("a route pushed took ..."), with it they would be
    lost, so there is no rewrite."""
    person = next((x for x in by.children if x.dep_ == "pobj"), None)
    if verb.dep_ != "acl" or verb.tag_ != "VBN" or any(c.i != by.i for c in verb.children) or person is None:
        return gone
    return None if any(c.dep_ in ("prep", "relcl", "acl", "appos") for c in person.children) else gone | {verb.i}


def person_clause_edits(sent: Span, pronouns: frozenset[str]) -> list[tuple[str, str]]:
    """(words as written, agentless words) for each subordinate clause of ``sent`` whose
    subject is one of ``pronouns`` and whose act has an object: "when you released
    8.5.3" -> "when 8.5.3 was released" (any person the rewrite removed, "you" and
    "they" included, which people.py leaves alone for lack of knowing who was removed)."""
    from .adverbial_relative import told_content
    from .clause import verb_phrase_passive
    from .text import phrasing, verb_lemma_of

    out: list[tuple[str, str]] = []
    drop = set(phrasing()["dropped_adverbs"])
    for verb in sent:
        subj = next((c for c in verb.children if c.dep_ == "nsubj" and c.lower_ in pronouns), None)
        mark = next((c for c in verb.children if c.dep_ == "mark" or (c.dep_ == "advmod" and c.tag_ == "WRB")), None)
        told = told_content(verb)  # (rewrite29) "told the on-call that I was moving the zone"
        if subj is None or mark is None or (verb.dep_ != "advcl" and not told) or verb_lemma_of(verb.text) in phrasing()["mental_verbs"]:
            continue
        own = [t for t in verb.subtree if t.i > mark.i and t.i != subj.i and not trailing_punct(t)]
        # (what one was told keeps its progressive: "that the zone was being moved")
        if any(t.lower_ in pronouns for t in own) or any(c.dep_ == "neg" or c.dep_ == "aux" and not (told and c.lemma_ == "be")
                                                         for c in verb.children):
            continue
        phrase = verb_phrase_passive(verb, own, False, drop)
        if phrase is None:
            continue
        words = [t for t in verb.subtree if t.i > mark.i and not trailing_punct(t)]
        out.append((span_text(words), f"{phrase[0]} {phrase[1]}"))
    return out
