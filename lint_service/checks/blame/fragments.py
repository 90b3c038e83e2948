"""Fragments with the subject dropped: "Forgot to bump the version again", "accidentally
rebooted the whole rack", "Wiped the wrong bucket this morning, restoring it now".

Chat messages, issue comments and timeline notes drop the "I": a past verb opening the
sentence (after at most a few adverbs) with no subject of its own is the writer's act
(rule 13). The person recognizer then asks the same questions of it as of "I ..."; a
bare failure report ("Failed to bind port 8080") reads like a log line and is left alone.
"""
from __future__ import annotations

from lemminflect import getLemma
from spacy.tokens import Span, Token

from .clauses import Clause


def past_form(verb: Token) -> bool:
    """"Left the flag on", "Forgot to update the DNS" (tagged VB): a past verb with the "I" dropped."""
    if verb.tag_ == "VBD":
        return True
    lemmas = getLemma(verb.lower_, upos="VERB")
    return verb.tag_ in ("VB", "VBP", "NNP", "NN") and bool(lemmas) and lemmas[0] != verb.lower_ and not verb.lower_.endswith(("ing", "s"))


def first_word(sent: Span) -> Token:
    return next((t for t in sent if not t.is_punct and not t.is_space), sent[0])


def _owning_prefix(head: Token, apologies: frozenset[str], addressees: frozenset[str] = frozenset()) -> bool:
    """What a chat line puts before the dropped "I": an apology ("sorry, merged the wrong
    branch", "sorry sorry sorry, ...", "sorry all, ...") or the writer owning up ("that was
    me, sorry, ...")."""
    words = [t for t in head.subtree if not t.is_punct and not t.is_space]
    if head.lower_ in apologies and all(t.lower_ in apologies or t.pos_ == "INTJ" or t.lower_ in addressees for t in words):
        return True  # the apology may be spoken to the channel ("sorry all", "apologies folks")
    if all(t.lower_ in apologies or t.pos_ == "INTJ" for t in words):
        return True
    # "that was me": a copula with a demonstrative subject and the writer as its attribute
    subj = [t for t in head.children if t.dep_ == "nsubj"]
    attr = [t for t in head.children if t.dep_ == "attr"]
    rest = [t for t in words if t is not head and t not in subj and t not in attr]
    return (head.lemma_ == "be" and len(subj) == 1 and subj[0].lower_ in ("that", "this", "it") and len(attr) == 1
            and attr[0].lower_ in ("me", "i") and all(t.lower_ in apologies or t.pos_ == "INTJ" for t in rest))


def _misread_opener(v: Token, sent: Span) -> bool:
    """"Ran `terraform destroy` in what I thought was the sandbox": the parser may take a
    later clause for the main one and hang the opening verb under it as a modifier. An
    opening past verb with an object of its own and no "when"/"after" is still the
    writer's act; a participle without one describes the main clause's subject
    ("Deployed on Friday, the change broke checkout")."""
    return v.dep_ == "advcl" and first_word(sent) == v and any(x.dep_ == "dobj" for x in v.children) and not any(
        x.dep_ in ("mark", "advmod") and x.i < v.i for x in v.children)


def _apology_subject(subject: Token | None, apologies: frozenset[str], addressees: frozenset[str] = frozenset()) -> bool:
    """"apologies, typed the wrong region ...", "Sorry everyone, forgot to ...": the parser
    may take an apology set off by a comma, or the channel it is spoken to, for the verb's
    subject; it is the writer's apology."""
    if subject is None or subject.i + 1 >= len(subject.doc) or subject.nbor(1).lower_ != ",":
        return False
    first = first_word(subject.sent)
    if subject.lower_ in apologies:
        return subject.i == first.i
    return subject.lower_ in addressees and subject.i == first.i + 1 and first.lower_ in apologies


def implied_writer(c: Clause, sent: Span, apologies: frozenset[str] = frozenset(),
                   addressees: frozenset[str] = frozenset()) -> bool:
    """The clause is a subjectless past verb that opens the sentence ("accidentally
    nuked the staging db"), or follows only the writer's apology ("sorry, merged the
    wrong branch"): the writer's own act."""
    v = c.verb
    # "Didn't check the region": the past is on the "did", the verb stays in its base form
    did = [t for t in v.children if t.dep_ == "aux" and t.lower_ == "did" and t.i < v.i]
    apologised = _apology_subject(c.subject, apologies, addressees)
    subject = None if apologised else c.subject
    if subject is not None or c.passive or not (past_form(v) or v.tag_ == "VBN" or (did and v.tag_ == "VB")):
        return False
    if v.dep_ != "ROOT" and not _misread_opener(v, sent):
        return False
    before = [t for t in sent if t.i < v.i and not t.is_punct and not t.is_space]
    # A chat message may go on from the last one ("And broke the build") or look back on
    # the writer's act with a modal perfect ("Shouldn't have merged it") or a past negation
    # ("Didn't check", "Never tested"): the coordinator and the auxiliaries belong to the
    # verb and leave the "I" just as dropped.
    opener = [t for t in before if t.dep_ == "cc" and t.head == v and t.i == before[0].i]
    perfect = [t for t in before if t.dep_ in ("aux", "neg") and t.head == v]
    auxes = [t for t in perfect if t.dep_ == "aux"]
    if auxes and not any(t.lemma_ == "have" for t in perfect) and auxes != did:
        return False  # "Will merge it tonight", "Can't reproduce", "Don't know": a plan or a status, not a past act
    owning = {t.i for h in v.children if h.i < v.i and h not in opener and h not in perfect
              and _owning_prefix(h, apologies, addressees) for t in h.subtree}
    if apologised:
        owning |= {t.i for t in c.subject.subtree} | {first_word(sent).i}
    rest = [t for t in before if t not in opener and t not in perfect and t.i not in owning]
    return len(rest) <= 2 and all(t.pos_ in ("ADV", "INTJ") and t.head == v for t in rest)


def writer_kind(c: Clause, sent: Span, lex) -> "Kind":
    """The clause's subject kind, or the writer's (SELF) when the "I" is dropped
    ("Wasn't careful enough with the flags", "Was too quick to approve that one")."""
    from .agents import BLAMEABLE, Kind  # agents imports the lexicon; keep this module light
    if c.subject_kind in BLAMEABLE:
        return c.subject_kind
    return Kind.SELF if implied_writer(c, sent, lex.terms["apology_markers"], lex.terms["apology_addressees"]) else c.subject_kind
