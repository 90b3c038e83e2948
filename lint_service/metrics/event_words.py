"""The words of milestone events, read through the parse: which kinds of event (impact,
trigger, signal, report, mitigating act, recovery, release) an entry's text says, with
negation ("not restored"), intent ("a PR to roll back"), waiting ("blocked on a check")
and hypotheticals ("alerts page us if ...") taken out. The words are
``rules/milestones.yaml``'s ``markers`` and ``events``."""
from __future__ import annotations

import functools
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ..rules import load_rule_file

_PARTICLES = frozenset({"back", "over", "down", "up", "out", "off"})
_PREPOSITIONS = frozenset({"to", "about"})

Term = tuple[str, ...]


@dataclass(frozen=True)
class MilestoneWords:
    markers: dict[str, tuple[Term, ...]]
    events: dict[str, tuple[Term, ...]]
    not_done: frozenset[str]
    stalled: frozenset[tuple[str, ...]]
    complete: frozenset[str]
    hypothetical: frozenset[str]
    latency: dict[str, frozenset[str]]
    fix: frozenset[str]
    persisted: frozenset[str]
    ongoing: frozenset[str]
    recovering: frozenset[str]
    resumed: dict[str, frozenset[str]]
    report_nouns: frozenset[str]
    stopped_work: dict[str, frozenset[str]]
    acts_by_people: frozenset[str]


@functools.lru_cache(maxsize=1)
def milestone_words() -> MilestoneWords:
    data = load_rule_file("milestones")

    def terms(words: list[str]) -> tuple[Term, ...]:
        return tuple(sorted({tuple(w.split()) for w in words}, key=len, reverse=True))


    return MilestoneWords(
        markers={k: terms(v) for k, v in data["markers"].items()},
        events={k: terms(v) for k, v in data["events"].items()
                if k not in ("not_done", "hypothetical", "complete", "stalled", "latency", "fix", "immediate", "lasting", "persisted", "ongoing", "recovering", "resumed", "report_nouns", "stopped_work", "acts_by_people")},
        stalled=frozenset(tuple(w.split()) for w in data["events"]["stalled"]),
        not_done=frozenset(data["events"]["not_done"]),
        complete=frozenset(data["events"]["complete"]),
        hypothetical=frozenset(data["events"]["hypothetical"]),
        latency={k: frozenset(v) for k, v in data["events"]["latency"].items()},
        fix=frozenset(data["events"]["fix"]),
        persisted=frozenset(data["events"]["persisted"]),
        ongoing=frozenset(data["events"]["ongoing"]),
        recovering=frozenset(data["events"]["recovering"]),
        resumed={k: frozenset(v) for k, v in data["events"]["resumed"].items()},
        report_nouns=frozenset(data["events"]["report_nouns"]),
        acts_by_people=frozenset(data["events"]["acts_by_people"]),
        stopped_work={"verbs": frozenset(data["events"]["stopped_work"]["verbs"]),
                      "people": frozenset(data["events"]["stopped_work"]["people"]) | _people()},
    )


def _people() -> frozenset[str]:
    """Role and team nouns as the blame rules know them (rules/agents.yaml): who acts."""
    agents = load_rule_file("agents")
    return frozenset(w.lower() for w in [*agents["roles"], *agents["team_heads"]])


_POS = {"v": ("VERB", "AUX"), "n": ("NOUN", "PROPN"), "a": ("ADJ", "ADV")}


def _word(tok: Token, w: str) -> bool:
    w, _, pos = w.partition(":")
    return (tok.lower_ == w or tok.lemma_.lower() == w) and (not pos or tok.pos_ in _POS[pos]
                                                             or (pos == "v" and _misread_verb(tok)))


def _misread_verb(tok: Token) -> bool:
    """ "A user emails the team about ...": a present-tense verb the parser took for the
    entry's root noun (plural, with a preposition of its own and no verb above it)."""
    return tok.dep_ == "ROOT" and tok.tag_ == "NNS" and any(c.dep_ == "prep" for c in tok.children)


def word_index(doc: Doc) -> dict[str, list[int]]:
    """Token positions by lower-cased form and lemma: each term looks up its first word
    instead of walking every token."""
    index: dict[str, list[int]] = {}
    for tok in doc:
        index.setdefault(tok.lower_, []).append(tok.i)
        lemma = tok.lemma_.lower()
        if lemma != tok.lower_:
            index.setdefault(lemma, []).append(tok.i)
    return index


def _matches(doc: Doc, term: Term, index: dict[str, list[int]] | None = None) -> list[Token]:
    """Tokens where ``term`` starts (in order, or a verb with its split particle)."""
    found = []
    n = len(term)
    if index is None:
        index = word_index(doc)
    for i in index.get(term[0].partition(":")[0], ()):
        tok = doc[i]
        if not _word(tok, term[0]):
            continue
        if all(i + j < len(doc) and _word(doc[i + j], term[j]) for j in range(1, n)):
            span = doc[i:i + n]
            found.append(span.root)  # "fully recover": the verb decides negation and intent
        elif n == 2 and term[1] in _PARTICLES and any(c.dep_ in ("prt", "advmod") and c.lower_ == term[1] for c in tok.children):
            # "rolled Prow back to v2": the parser often makes the particle an adverb
            found.append(tok)
        elif n == 2 and term[1] in _PREPOSITIONS and tok.pos_ == "VERB" and _has_recipient(tok, term[1]):
            found.append(tok)
    return found


match_term = _matches


def _has_recipient(verb: Token, prep: str) -> bool:
    """ "provided a screenshot of the charge to #warroom": the preposition on the verb, or
    inside its object (where the parser often attaches it)."""
    places = [verb] + [t for c in verb.children if c.dep_ in ("dobj", "dative") for t in c.subtree]
    return any(c.dep_ in ("prep", "dative") and c.lower_ == prep for p in places for c in p.children)


def _negated(tok: Token) -> bool:
    """ "not restored", "weren't working", "no new blocks were created"."""
    if any(c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no") for c in tok.children):
        return True
    return tok.dep_ in ("dobj", "nsubjpass", "acomp", "xcomp") and any(c.dep_ == "neg" for c in tok.head.children)


negated = _negated


def _not_done(tok: Token, not_done: frozenset[str]) -> bool:
    """An act only intended, attempted, begun or failed: "to roll back", "rollback
    attempted", "revert / config fix begins", "rollback fails", "puts restoring the
    service first", "opens the revert PR, which is itself waiting on review"."""
    if tok.dep_ in ("xcomp", "advcl", "relcl", "acl") and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
        return True
    while tok.dep_ in ("conj", "compound", "appos", "amod", "nmod", "advmod", "prt") and tok.head.i != tok.i:
        tok = tok.head  # "revert / config fix begins": the coordinated phrase's head decides
    if any(c.dep_ == "relcl" and c.lemma_.lower() in not_done for c in tok.children):
        return True
    for _ in range(4):  # the act, then what it completes ("getting X back up" under "prioritises")
        head = tok.head
        if head.i == tok.i:
            return False
        if head.lemma_.lower() in not_done:
            if any(c.dep_ == "auxpass" for c in head.children) and tok.dep_ in ("oprd", "acomp", "xcomp", "attr"):
                return False  # "the incident is considered resolved": a judgement, not an intent
            # ... but not a clause that merely sits beside one ("reverted; error rate began to fall").
            return tok.dep_ not in ("ccomp", "parataxis", "advcl", "conj", "punct")
        if tok.dep_ not in ("xcomp", "pcomp", "dobj", "acomp", "oprd", "ccomp", "pobj", "prep"):
            return False
        tok = head
        if tok.dep_ in ("xcomp", "advcl", "relcl", "acl") and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
            return True  # "trying to clear the fault by roll back": a purpose, not an act
    return False


def _stalled(tok: Token, stalled: frozenset[tuple[str, ...]]) -> bool:
    """ "blocked on a missing check", "waiting for approval": a verb that waits."""
    return any(c.dep_ == "prep" and (tok.lemma_.lower(), c.lower_) in stalled for c in tok.children)


def _hypothetical(tok: Token, marks: frozenset[str]) -> bool:
    """Inside a clause opened by "if", "whether", "unless": said of what might happen."""
    node = tok
    for _ in range(6):
        if any(c.dep_ == "mark" and c.lower_ in marks for c in node.children):
            return True
        if node.head.i == node.i:
            return False
        node = node.head
    return False


def _slow(doc: Doc, latency: dict[str, frozenset[str]]) -> list[Token]:
    """ "API calls take 15 seconds", "page loads begin to take 12 s": a service's
    interactions taking seconds is impact; "the rebuild takes 20 minutes" is not."""
    found = []
    for tok in doc:
        if tok.lemma_.lower() not in latency["verbs"] or _negated(tok):
            continue
        unit = any(c.lemma_.lower() in latency["units"] for c in tok.children if c.dep_ in ("dobj", "npadvmod", "attr"))
        head = tok
        while head.dep_ in ("xcomp", "conj") and head.head.i != head.i:
            head = head.head  # "begin to take": the subject is the governing verb's
        subjects = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
        if unit and any(s.lemma_.lower() in latency["subjects"] for s in subjects):
            found.append(tok)
    return found


def _persists(doc: Doc, words: MilestoneWords) -> list[Token]:
    """ "the issue persisted", "errors continue": the impact goes on after an act, which
    therefore did not mitigate it."""
    impact = {t[0] for t in words.events["started"] if len(t) == 1} | {"it"}
    return [tok for tok in doc if tok.pos_ == "VERB" and tok.lemma_.lower() in words.persisted and not _negated(tok)
            and any(c.dep_ == "nsubj" and c.lemma_.lower() in impact for c in tok.children)]


def explain(doc: Doc, words: MilestoneWords) -> list[tuple[str, str, str]]:
    """(kind, term, token) of every match that counts, markers included: why an entry
    was read as a milestone (for tests and for `metrics --explain`-style debugging)."""
    return [(k, term, tok.text if tok is not None else "") for k, term, tok in hits(doc, words)]


def hits(doc: Doc, words: MilestoneWords) -> list[tuple[str, str, Token | None]]:
    """(kind, term, token) of every match that counts; a marker's token is None."""
    low = doc.text.lower()
    found: list[tuple[str, str, Token | None]] = [
        (k, " ".join(t), None) for k, ts in words.markers.items() for t in ts if " ".join(t) in low]
    found = [f for f in found if f[0] not in {g[0] for g in found if g is not f and len(g[1]) > len(f[1]) and f[1] in g[1]}]
    index = word_index(doc)
    for kind, terms in words.events.items():
        for term in terms:
            negative = term[0] in ("not", "no", "n't")  # "not working" is itself the negation
            matched = [t for t in _matches(doc, term, index)
                       if (negative or not _negated(t)) and not _hypothetical(t, words.hypothetical)]
            if kind == "started":  # "shut down" is an act; "the site is down" is impact
                matched = [t for t in matched if t.dep_ != "prt"]
            elif kind == "resolved":  # "healthy nodes get killed" says nothing is resolved
                matched = [t for t in matched if not (t.dep_ == "amod" and t.head.dep_ in ("nsubj", "nsubjpass", "dobj"))]
            if kind in ("signals", "perceived", "detected", "mitigated", "resolved", "released"):
                done = [t for t in matched if not _not_done(t, words.not_done) and not _stalled(t, words.stalled)]
                if kind == "resolved" and len(done) < len(matched):
                    # "CI recovered, the site begins to recover": recovery under way, not over.
                    found.append(("pending", " ".join(term), matched[0]))
                    found.extend(("recovering", " ".join(term), t) for t in matched
                                 if t not in done and _begun(t, words.recovering))
                matched = done
            if kind == "mitigated":
                # "the ledger stopped creating blocks": a system ceasing its work is impact;
                # "we stopped accepting writes" is an act
                matched = [t for t in matched if not _ceased_work(t, words.stopped_work)]
            elif kind in ("signals", "started"):
                # "end-users alerted us" is a report; "Wanjiru throttles the reindex" an act
                people = words.stopped_work["people"]
                done_by = "detected" if kind == "signals" else "mitigated"
                by_someone = [t for t in matched if (kind == "signals" or t.lemma_.lower() in words.acts_by_people)
                              and _done_by_someone(t, people)]
                found.extend((done_by, " ".join(term), t) for t in by_someone)
                matched = [t for t in matched if t not in by_someone]
            found.extend((kind, " ".join(term), t) for t in matched)
    found.extend(("started", "take (latency)", t) for t in _slow(doc, words.latency))
    found.extend(("started", "stop (work)", t) for t in doc if _ceased_work(t, words.stopped_work))
    found.extend(("recovering", "begin (work)", t) for t in _resumed_work(doc, words, found))
    found.extend(("persisted", t.lemma_.lower(), t) for t in _persists(doc, words))
    found.extend(("persisted", t.lemma_.lower(), t) for k, _, t in list(found)
                 if k == "started" and t is not None and _ongoing(t, words.ongoing))
    # "the records started to get propagated again": work resuming, begun but not over
    found.extend(("recovering" if _resuming(t, words.recovering) else "resolved", "again", t)
                 for t in _resumed(doc, words, found))
    return found


def _resuming(tok: Token, begin: frozenset[str]) -> bool:
    return any(a.lemma_.lower() in begin and not _negated(a) for a in list(tok.ancestors)[:2])


def _resumed(doc: Doc, words: MilestoneWords, found: list[tuple[str, str, Token | None]]) -> list[Token]:
    """ "New blocks being created again during the stall": work going on again, a recovery.
    A state ("the queue is empty again") may be a lull between waves, and someone doing
    something again ("checked the logs again") is an act: only a participle ("being
    created again", "are flowing again") without an object counts."""
    said = {t.i for k, _, t in found if t is not None and k != "triggers"}
    refs = words.resumed["references"]
    impact = [t for k, _, t in found if k == "started" and t is not None
              and not any(a.dep_ == "pobj" and a.head.lower_ in refs for a in [t, *t.ancestors])]
    if impact:
        return []
    return [t.head for t in doc if t.lower_ in words.resumed["words"] and t.dep_ == "advmod"
            and t.head.pos_ == "VERB" and t.head.tag_ in ("VBG", "VBN") and t.head.i not in said and not _negated(t.head)
            and not any(c.dep_ == "dobj" for c in t.head.children)
            and not _hypothetical(t.head, words.hypothetical)]

def _work_of(tok: Token, verbs: frozenset[str], people: frozenset[str]) -> Token | None:
    """The -ing word after a verb of ``verbs`` whose subject is a thing, not someone acting (a
    pronoun, a name, a word of ``people``): "the ledger stopped creating blocks", "the chain
    started moving again". The -ing word is the one right after the verb, in its subtree
    (the parser may hang "running" on the object: "ceased running jobs")."""
    if tok.lemma_.lower() not in verbs:
        return None
    work = next((c for c in tok.subtree if c.i == tok.i + 1 and c.tag_ == "VBG"), None)
    subjects = [c for c in tok.children if c.dep_ == "nsubj"]
    if work is None or not subjects or any(c.tag_ in ("PRP", "NNP") or c.lemma_.lower() in people for c in subjects):
        return None
    return work


def _done_by_someone(tok: Token, people: frozenset[str]) -> bool:
    """A verb whose subject is a person or team (a pronoun, a name, a role or team noun)."""
    subjects = [c for c in tok.children if c.dep_ == "nsubj"] if tok.pos_ == "VERB" else []
    # the head of a hyphenated noun too: "end-users"
    return bool(subjects) and all(c.tag_ in ("PRP", "NNP") or c.lemma_.lower() in people
                                  or c.lemma_.lower().rsplit("-", 1)[-1] in people for c in subjects)


def _ceased_work(tok: Token, stopped: dict[str, frozenset[str]]) -> bool:
    return _work_of(tok, stopped["verbs"], stopped["people"]) is not None


def _resumed_work(doc: Doc, words: MilestoneWords, found: list[tuple[str, str, Token | None]]) -> list[Token]:
    """ "The chain started moving forward slowly": a thing beginning its work (a `recovering`
    verb with an -ing word that is no event of its own: not "requests started timing out")."""
    said = {t.i for _, _, t in found if t is not None}
    out = []
    for tok in doc:
        work = _work_of(tok, words.recovering, words.stopped_work["people"])
        if work is not None and work.i not in said and tok.i not in said and not _negated(tok):
            out.append(tok)
    return out


def _begun(tok: Token, begin: frozenset[str]) -> bool:
    """ "the site begins to recover", "error rates start recovering": a recovery under way."""
    return tok.dep_ in ("xcomp", "ccomp") and tok.head.lemma_.lower() in begin and not _negated(tok.head)


def _ongoing(tok: Token, ongoing: frozenset[str]) -> bool:
    """An impact word with "still"/"further" on it or on its verb ("the site is still down",
    "further issues are discovered"): the impact goes on."""
    near = list(tok.children) + (list(tok.head.children) if tok.dep_ in ("acomp", "attr", "advmod", "nsubj",
                                                                        "nsubjpass", "dobj") else [])
    return any(c.lower_ in ongoing and c.dep_ in ("advmod", "amod") for c in near)


def classify(doc: Doc, words: MilestoneWords) -> tuple[set[str], set[str]]:
    """(marker kinds, event kinds) an entry's event text says."""
    found = hits(doc, words)
    markers = {k for k, _, tok in found if tok is None}
    return markers, {k for k, _, tok in found if tok is not None}
