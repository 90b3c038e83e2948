"""The removed person's other clauses in the same sentence.

When a rewrite takes the person out of one clause, each other clause they are the
subject of gets the same treatment or goes:

- a belief of theirs about another thing, joined by a mark ("because I assumed the
  build was green"): said of the thing, with the writer's own verb of belief ("because
  the build was assumed to be green"), so the fact that it was taken to be so stays
  (dropping a reason was graded poor in blind round 6); a wish stays refused
  (rewrite/reason_clause.py);
- a second act of theirs on the first act's things ("muted the alerts and never switched
  them back on"): "them" is those things, said as a shared-subject passive ("were never
  switched back on"), which a pronoun object alone cannot tell from people;
- a complement clause of theirs inside the rewritten clause ("... was not told that I
  was rotating the keys"): said as an agentless passive, keeping its aspect ("that the
  keys were being rotated"), or left as written, so that its pronoun refuses the
  candidate, when it cannot be.
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from .clause import verb_phrase_passive
from .text import participle_of, phrasing, span_text, verb_lemma_of

_PERSONAL = frozenset({"he", "she", "i", "they", "you", "we"})


def inner_clauses(sent: Span, first: int, last: int, text: str, pronouns: frozenset[str]) -> str:
    """``text``, the rewrite of tokens ``first..last``, with each complement clause of the
    person inside that range said without them ("that I was rotating the keys" -> "that
    the keys were being rotated")."""
    for tok in sent[first - sent.start : last - sent.start + 1]:
        subj = next((c for c in tok.children if c.dep_ == "nsubj" and c.lower_ in pronouns), None)
        if tok.dep_ == "relcl" and subj is not None and (said := _relative_passive(tok, subj)) is not None and said[0] in text:
            text = text.replace(said[0], said[1], 1)  # "the table she was migrating" -> "the table that was being migrated"
            continue
        if tok.dep_ != "ccomp" or subj is None or tok.pos_ != "VERB" or verb_lemma_of(tok.text) in phrasing()["mental_verbs"]:
            continue
        mark = next((c for c in tok.children if c.dep_ == "mark"), None)
        span = [t for t in tok.subtree if t != mark and not (t.is_punct and t.i == tok.right_edge.i)]
        own = [t for t in span if t.i not in {x.i for x in subj.subtree}]
        if any(t.lower_ in pronouns for t in own):
            continue  # "that I was moving my files": another of their words stays, and refuses
        written = sent.doc[min(t.i for t in span) : max(t.i for t in span) + 1].text
        phrase = verb_phrase_passive(tok, own, any(c.dep_ == "neg" for c in tok.children), set(phrasing()["dropped_adverbs"]))
        if phrase is None or written not in text:
            continue
        subject, predicate = phrase
        if tok.tag_ == "VBG" and any(a.dep_ == "aux" and a.lemma_ == "be" for a in tok.children) and " being " not in f" {predicate} ":
            # "was rotating" -> "were being rotated": the progressive is the writer's aspect
            be, _, rest = predicate.partition(" ")
            if be.lower() not in ("was", "were", "is", "are"):
                continue
            predicate = f"{be} being {rest}"
        text = text.replace(written, f"{subject} {predicate}", 1)
    return text


def raised_belief(verb: Token, pronouns: frozenset[str]) -> str | None:
    """"because I assumed the build was green" -> "the build was assumed to be green";
    "... it had already been done" -> "it was assumed to have already been done": the
    clause ``verb`` heads (its mark left to the caller), said of what was believed."""
    if verb_lemma_of(verb.text) not in phrasing()["self_verdict"]["raised_beliefs"] or verb.tag_ != "VBD":
        return None
    said = next((c for c in verb.children if c.dep_ == "ccomp"), None)
    if said is None or any(c.dep_ not in ("nsubj", "ccomp", "mark", "punct") for c in verb.children):
        return None
    thing = next((c for c in said.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if thing is None or any(t.lower_ in pronouns or t.lower_ in _PERSONAL for t in thing.subtree) \
            or thing.lower_ in ("nobody", "nothing", "none", "noone", "no"):
        return None  # ("they" may be people; "nobody was believed to ..." turns the belief over)
    if any(c.dep_ in ("neg", "ccomp", "advcl", "conj", "cc") or c.tag_ == "MD" for c in said.children):
        return None  # a negated, modal or compound belief is not said as one infinitive
    cut = {t.i for t in thing.subtree} | {c.i for c in said.children if c.dep_ == "mark"}
    rest = [t for t in said.subtree if t.i not in cut and not (t.is_punct and t.i == said.right_edge.i)]
    has = next((a for a in said.children if a.dep_ == "aux" and a.lemma_ == "have"), None)
    if said.lemma_ == "be" and said.tag_ == "VBD" and said.dep_ == "ccomp" and has is None:
        verb_words = ["to be"] + [t.text_with_ws.strip() for t in rest if t.i != said.i]
    elif has is not None or said.tag_ == "VBD":
        # "had already been done" -> "to have already been done"; "the job finished" -> "to have finished"
        verb_words = ["to have"] + [participle_of(t) if t.i == said.i and has is None else t.text for t in rest if t.i != has.i
                                    ] if has is not None else ["to have", participle_of(said)] + [t.text for t in rest if t.i != said.i]
    else:
        return None
    plural = thing.tag_ in ("NNS", "NNPS") or thing.lower_ == "they"
    subject = " ".join(t.text for t in thing.subtree)
    return f"{subject} {'were' if plural else 'was'} {participle_of(verb)} {' '.join(w for w in verb_words if w)}"


def them_half(verb: Token, own: list[Token], negate: bool, first_object: Token | None) -> tuple[str, str] | None:
    """("them", predicate) for a later coordinated act whose object "them" takes back the
    first act's plural thing ("... and never switched them back on" -> "were never
    switched back on"), or None. A person's "them" ("... and ignored them") is not one:
    the first object must be a plural thing the act was done to."""
    obj = next((c for c in verb.children if c.dep_ in ("dobj", "obj")), None)
    if obj is None or obj.lower_ != "them" or first_object is None or first_object.tag_ != "NNS" \
            or any(c.dep_ == "aux" for c in verb.children):
        return None
    no = "never" if any(c.lower_ == "never" for c in verb.children) else "not"
    skip = {obj.i} | {c.i for c in verb.children if c.dep_ in ("neg", "aux", "cc") or c.lower_ in ("never", "not")}
    after = span_text([t for t in own if t.i > verb.i and t.i not in skip and not t.is_punct])
    # "and then ignored them": an adverb before the act stays before it
    before = span_text([t for t in own if t.i < verb.i and t.i not in skip and t.dep_ == "advmod" and t.head == verb])
    words = ["were", no if negate else "", before, participle_of(verb), after]
    return "them", " ".join(w for w in words if w)


def _relative_passive(verb: Token, subj: Token) -> tuple[str, str] | None:
    """(as written, without the person) for a relative clause of theirs on a thing: "the
    table she was migrating" -> "that was being migrated", "(that) I had tested" -> "that
    had been tested". The thing is the clause's object, so it has none of its own."""
    thing = verb.head
    if verb.pos_ != "VERB" or thing.pos_ != "NOUN" or any(c.dep_ in ("dobj", "obj", "neg", "ccomp", "xcomp", "conj") for c in verb.children):
        return None
    aux = [c for c in verb.children if c.dep_ == "aux"]
    if verb.tag_ == "VBD" and not aux:
        chain = "were" if thing.tag_ == "NNS" else "was"
    elif verb.tag_ == "VBG" and len(aux) == 1 and aux[0].lemma_ == "be":
        chain = ("were" if thing.tag_ == "NNS" else "was") + " being"
    elif verb.tag_ == "VBN" and len(aux) == 1 and aux[0].lower_ == "had":
        chain = "had been"
    else:
        return None
    rel = next((c for c in verb.children if c.dep_ in ("dobj", "nsubj", "mark", "advmod") and c.lower_ in ("that", "which")), None)
    words = [t for t in verb.subtree if not (t.is_punct and t.i == verb.right_edge.i)]
    if any(t.lower_ in _PERSONAL or t.dep_ == "poss" for t in words if t.i != subj.i):
        return None
    start = rel.i if rel is not None else subj.i
    if start != words[0].i:
        return None
    after = span_text([t for t in words if t.i > verb.i])
    written = span_text([t for t in words if t.i >= start])
    return written, " ".join(w for w in ("that", chain, participle_of(verb), after) if w)


def held_state(verb: Token) -> tuple[str, str] | None:
    """(the thing, its state) for a clause of the person's that only says how they had a
    thing ("while I still had the editor open" -> ("the editor", "was still open"), "had
    the flag enabled" -> "was enabled"): the state is the thing's, said without them (a
    passive of "have" reads "was had"). None for any other clause."""
    if verb_lemma_of(verb.text) != "have" or verb.tag_ not in ("VBD", "VBZ", "VBP"):
        return None
    state = [c for c in verb.children if c.dep_ == "ccomp"]
    if not state and (misread := _state_read_as_object(verb)) is not None:
        return misread
    if len(state) != 1 or state[0].tag_ not in ("JJ", "VBN") or any(
            c.dep_ not in ("nsubj", "ccomp", "advmod", "mark", "punct") for c in verb.children):
        return None
    state = state[0]
    thing = [c for c in state.children if c.dep_ == "nsubj"]
    if len(thing) != 1 or any(c.dep_ != "nsubj" for c in state.children) or thing[0].i > state.i:
        return None  # "had the draft open for review": more than the state, kept as written
    if any(t.lower_ in _PERSONAL or t.dep_ == "poss" or t.pos_ == "PRON" for t in thing[0].subtree):
        return None
    plural = thing[0].tag_ in ("NNS", "NNPS")
    now = verb.tag_ != "VBD"
    be = ("are" if plural else "is") if now else ("were" if plural else "was")
    # "still", "already": the writer's adverbs of the having stay with the state
    adverbs = [c.text for c in verb.children if c.dep_ == "advmod" and c.i < state.i and not list(c.children)]
    return span_text(list(thing[0].subtree)), " ".join([be, *adverbs, state.text])


def _state_read_as_object(verb: Token) -> tuple[str, str] | None:
    """(rewrite19) "had the draft open" when the tagger read "open" as the object's head
    and "draft" as its modifier ("the draft/compound open/JJ dobj"): the same thing and
    state as the clause reading, or None for any other object."""
    obj = [c for c in verb.children if c.dep_ in ("dobj", "obj")]
    if len(obj) != 1 or obj[0].tag_ != "JJ" or any(c.dep_ not in ("nsubj", "dobj", "advmod", "mark", "punct") for c in verb.children):
        return None
    state = obj[0]
    kids = list(state.children)
    noun = [c for c in kids if c.dep_ == "compound" and c.tag_ in ("NN", "NNS")]
    if len(noun) != 1 or any(c.dep_ not in ("det", "compound") for c in kids) or any(c.i > state.i for c in kids):
        return None
    if any(c.dep_ == "det" and c.lower_ not in ("the", "a", "an", "this", "that") for c in kids):
        return None
    plural = noun[0].tag_ == "NNS"
    now = verb.tag_ != "VBD"
    be = ("are" if plural else "is") if now else ("were" if plural else "was")
    adverbs = [c.text for c in verb.children if c.dep_ == "advmod" and c.i < state.i and not list(c.children)]
    return span_text([c for c in kids]), " ".join([be, *adverbs, state.text])

