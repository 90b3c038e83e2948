"""A judgement whose act is given with it, said as the act: "It was amateurish of Kwabena
to hot-patch the scheduler on a Friday" -> "The scheduler was hot-patched on a Friday";
"Leaving the credentials in a public gist was careless of the contractor" -> "The
credentials were left in a public gist"; "Ines should have known better than to rehearse
a failover on the live system" -> "A failover was rehearsed on the live system"; "The
way Tavita handled the failover was sloppy and made the outage longer" -> "The handling
of the failover made the outage longer" (what the handling did is the fact; how well it
was done is the verdict, and "The way Tavita handled it was sloppy" alone keeps none);
"The contractor's wiring was careless, with loose neutrals in half the panels" -> "The
wiring had loose neutrals in half the panels" (the "with" says what the verdict saw).

Each shape presupposes that the act happened: one cannot be careless in doing what was
not done, and "should have known better than to X" says X was done. The judgement and
the person go; the act stays, agentless, in the past. "Ines knew better than to rehearse
on the live system" (no "should have") says she did not, and keeps no rewrite, nor does
a judgement with no act ("The intern was negligent with the credentials"): nothing here
invents what happened. The sentence must be the judgement and the act alone, with at
most a leading stance adverb ("Frankly,"), which goes with the judgement.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from .candidate import PERSONAL_WORDS, Candidate, finish
from .clause import verb_phrase_passive
from .faithful import names_person
from .restate import act_alone_passive
from .text import phrasing, span_text, trailing_punct, verb_lemma_of

if TYPE_CHECKING:
    from ..checks.blame.recognizers import Detection
    from ..checks.registry import Context


def _judged_of_person(root: Token, judged: set[str]) -> Token | None:
    """"was careless of the contractor": the judgement adjective with an "of <person>"."""
    adj = next((c for c in root.children if c.dep_ == "acomp" and c.lower_ in judged), None)
    if root.lemma_ != "be" or adj is None:
        return None
    return adj if any(p.dep_ == "prep" and p.lower_ == "of" and any(g.dep_ == "pobj" for g in p.children) for p in adj.children) else None


def _act(root: Token, judged: set[str]) -> tuple[Token, set[int]] | None:
    """The act's verb and the tokens of the judgement around it, or None."""
    adj = _judged_of_person(root, judged)
    if adj is not None:
        # "It was careless of X to V ..." / "V-ing ... was careless of X"
        for v in (*root.children, *adj.children):
            to = next((a for a in v.children if a.dep_ == "aux" and a.tag_ == "TO"), None)
            expl = next((c for c in root.children if c.dep_ in ("nsubj", "expl") and c.lower_ == "it"), None)
            if v.dep_ == "xcomp" and to is not None and expl is not None:
                return v, {root.i, expl.i, to.i} | {t.i for t in adj.subtree}
            if v.dep_ == "csubj" and v.tag_ == "VBG":
                return v, {root.i} | {t.i for t in adj.subtree}
        return None
    # "should have known better than to V ...": the act was done ("ought/ROOT to have known/xcomp")
    know = root if root.lemma_ == "know" else next(
        (c for c in root.children if c.dep_ == "xcomp" and c.lemma_ == "know"), None) if root.lower_ == "ought" else None
    if know is None:
        return None
    chain = [root, know]
    better = next((c for c in know.children if c.dep_ == "advmod" and c.lower_ == "better"), None)
    modal = root.lower_ == "ought" or any(a.dep_ == "aux" and a.tag_ == "MD" for a in know.children)
    if better is None or not modal or not any(a.dep_ == "aux" and a.lower_ == "have" for a in know.children):
        return None
    subj = next((c for v in chain for c in v.children if c.dep_ == "nsubj"), None)
    for v in know.children:
        than = next((m for m in v.children if m.dep_ == "mark" and m.lower_ == "than"), None)
        to = next((a for a in v.children if a.dep_ == "aux" and a.tag_ == "TO"), None)
        if v.dep_ in ("advcl", "xcomp", "ccomp") and than is not None and to is not None and subj is not None:
            auxes = {a.i for x in chain for a in x.children if a.dep_ in ("aux", "neg")}
            return v, {root.i, know.i, better.i, than.i, to.i} | auxes | {t.i for t in subj.subtree}
    return None


def _way_handled(sent: Span, judged: set[str]) -> list[Candidate]:
    """"The way X handled Y was sloppy and made Z worse" -> "The handling of Y made Z worse"."""
    root = sent.root
    way = next((c for c in root.children if c.dep_ == "nsubj" and c.lemma_ == "way"), None)
    adj = next((c for c in root.children if c.dep_ == "acomp" and c.lower_ in judged and not list(c.children)), None)
    then = next((c for c in root.children if c.dep_ == "conj" and c.pos_ == "VERB"), None)
    rel = next((c for c in way.children if c.dep_ == "relcl"), None) if way is not None else None
    if rel is None or adj is None or then is None or any(c.dep_ in ("nsubj", "nsubjpass", "aux", "neg") for c in then.children):
        return []
    noun = phrasing()["manner_nouns"].get(verb_lemma_of(rel.text))
    obj = next((c for c in rel.children if c.dep_ in ("dobj", "obj")), None)
    if noun is None or obj is None or obj.pos_ == "PRON" or any(c.dep_ not in ("nsubj", "dobj", "obj") for c in rel.children):
        return []
    said = {t.i for t in way.subtree} | {root.i, adj.i} | {t.i for t in then.subtree}
    rest = [t for t in sent if t.i not in said and not t.is_punct]
    if any(not (t.dep_ == "cc" and t.head.i == root.i) and not (t.dep_ == "advmod" and t.i < way.left_edge.i) for t in rest):
        return []  # anything but "and" and a leading "Frankly" would be lost
    act = span_text([t for t in then.subtree if not trailing_punct(t) or t.i != then.right_edge.i])
    if any(t.lower_ in PERSONAL_WORDS for t in then.subtree):
        return []
    return [Candidate(finish(f"The {noun} of {span_text(list(obj.subtree))} {act}"))]


def _judged_with(sent: Span, judged: set[str]) -> list[Candidate]:
    """"X's wiring was careless, with loose neutrals" -> "The wiring had loose neutrals"."""
    root = sent.root
    adj = next((c for c in root.children if c.dep_ == "acomp" and c.lower_ in judged and not list(c.children)), None)
    thing = next((c for c in root.children if c.dep_ == "nsubj" and c.pos_ == "NOUN"), None)
    with_ = next((c for c in root.children if c.dep_ == "prep" and c.lower_ == "with" and c.i > root.i), None)
    what = next((g for g in with_.children if g.dep_ == "pobj"), None) if with_ is not None else None
    if root.lemma_ != "be" or adj is None or thing is None or what is None:
        return []
    said = {t.i for t in thing.subtree} | {root.i, adj.i} | {t.i for t in with_.subtree}
    if any(t.i not in said and not t.is_punct and not (t.dep_ == "advmod" and t.i < thing.left_edge.i) for t in sent):
        return []  # only a leading "Frankly" may go with the verdict
    owner = {t.i for c in thing.children if c.dep_ == "poss" for t in c.subtree}
    # the thing's own article goes ("The" opens the rewrite); one inside it stays ("the proxy config")
    words = [t for t in thing.subtree if t.i not in owner and not (t.dep_ == "det" and t.head == thing)]
    if any(t.lower_ in PERSONAL_WORDS for t in [*words, *with_.subtree]):
        return []
    plural = thing.tag_ in ("NNS", "NNPS")
    have = "had" if root.tag_ == "VBD" else ("have" if plural else "has")
    facts = span_text([t for t in what.subtree if not trailing_punct(t) or t.i != what.right_edge.i])
    return [Candidate(finish(f"The {span_text(words)} {have} {facts}"))]


def _work_then_act(sent: Span, judged: set[str], ctx: "Context") -> list[Candidate]:
    """"The deployment was sloppy: the engineer left half the flags unset" -> "During the
    deployment, half the flags were left unset": the work judged is when the act happened,
    and stays; the verdict on it goes; the act after the colon or semicolon is said
    agentless, in its own tense (restate.act_alone_passive: one plain act, no pronoun
    object). The verdict half is the work, its verb and the judgement, with at most a
    leading stance adverb; a work noun that names no span of time ("the patch") keeps
    no rewrite."""
    rules = phrasing()["judged_work"]
    seps = [t for t in sent if t.text in (":", ";")]
    if len(seps) != 1:
        return []
    sep = seps[0]
    be = next((t for t in sent if t.i < sep.i and t.lemma_ == "be"), None)
    adj = next((c for c in be.children if c.dep_ == "acomp" and c.lower_ in judged), None) if be is not None else None
    work = next((c for c in be.children if c.dep_ == "nsubj"), None) if be is not None else None
    if adj is None or work is None or work.lemma_.lower() not in rules["works"] or any(c.dep_ == "neg" for c in be.children):
        return []
    if any(not (c.dep_ == "advmod" and c.i < adj.i) for c in adj.children):
        return []  # "sloppy and late": a second fact about the work, beyond an intensifier ("very sloppy")
    said = {t.i for t in work.subtree} | {t.i for t in adj.subtree} | {be.i}
    if any(t.i not in said and not t.is_punct and not (t.dep_ == "advmod" and t.i < work.left_edge.i) for t in sent if t.i < sep.i):
        return []  # the verdict half says something more than the verdict
    words = [t for t in work.subtree if not (t.dep_ in ("det", "poss") and t.head == work) and t.tag_ != "POS"]
    if any(t.lower_ in PERSONAL_WORDS or t.pos_ in ("PROPN", "PRON") for t in words):
        return []  # "Ana's deployment": the owner would stay in the frame
    det = next((c for c in work.children if c.dep_ == "det" and c.lower_ in ("the", "this", "that")), None)
    thing = f"{det.lower_ if det is not None else 'the'} {span_text(words)}"
    act = [t for t in sent if t.i > sep.i and not (trailing_punct(t) and t.i == sent.end - 1)]
    inside = {t.i for t in act}
    head = next((t for t in act if t.head.i == t.i or t.head.i not in inside), None)  # the act's own verb
    doer = next((c for c in head.children if c.dep_ == "nsubj"), None) if head is not None else None
    systems = ctx.cache["blame.lexicon"].systems
    if not act or doer is None or not (doer.pos_ == "PRON" or names_person(doer) or (
            doer.pos_ == "PROPN" and doer.ent_type_ in ("", "PERSON") and doer.lower_ not in systems)):
        return []  # "Ana's script left the flags unset", "Jenkins skipped X": a thing did it, and passive, it would go
    text = span_text(act)
    alone = act_alone_passive(text[:1].upper() + text[1:] + ".", ctx)
    if alone is None:
        return []
    passive = alone[1].text
    first = passive.split(" ", 1)[0]
    # the passive's first word is lowered after the frame unless the writer capitalised it
    # mid-sentence (a name, "Kafka") or it is an acronym
    named = any(t.text == first and t.i != sent.start and not t.is_sent_start for t in sent) or first.isupper()
    body = passive if named else passive[:1].lower() + passive[1:]
    return [Candidate(finish(f"{rules['frame'].format(work=thing)} {body}"))]


def _judged_let_through(det: "Detection", sent: Span) -> list[Candidate]:
    """"Lazy reviewing by the lead let a hard-coded password into the main branch" -> "A
    hard-coded password got through review into the main branch": the judged act (a
    gerund, with its judgement word and its "by" maker) let something in; that it passed
    the act and where it went are the facts, and stay; the verdict and who go. Only a
    sentence that is exactly that (no negation, no modal, no second clause), in the past
    or the present."""
    if len(det.evidence) != 2:
        return []
    adj, act = det.evidence
    let = act.head
    if adj.dep_ != "amod" or act.dep_ != "nsubj" or act.tag_ not in ("NN", "VBG") or not act.lower_.endswith("ing") \
            or verb_lemma_of(let.text) != "let" or let.dep_ != "ROOT" or let.tag_ not in ("VBD", "VBZ"):
        return []
    rules = phrasing()["judged_work"]
    by = [c for c in act.children if c.dep_ == "prep" and c.lower_ == "by"]
    obj = next((c for c in let.children if c.dep_ in ("dobj", "obj")), None)
    where = next((c for c in let.children if c.dep_ == "prep" and c.lower_ in rules["let_through"] and obj is not None and c.i > obj.i), None)
    if obj is None or where is None or any(c.i not in {adj.i, *(b.i for b in by)} for c in act.children):
        return []
    said = {t.i for t in act.subtree} | {t.i for t in obj.subtree} | {t.i for t in where.subtree} | {let.i}
    if any(t.i not in said and not (trailing_punct(t) and t.i == sent.end - 1) for t in sent):
        return []  # a negation, a modal, a time or a clause the rewrite would lose
    if any(t.lower_ in PERSONAL_WORDS or t.is_quote for t in [*obj.subtree, *where.subtree]):
        return []
    lemma = verb_lemma_of(act.text)
    work = lemma if lemma in rules["works"] else act.lower_  # "review"; "testing" stays a gerund
    thing = span_text(list(obj.subtree))
    got = "got" if let.tag_ == "VBD" else ("get" if obj.tag_ in ("NNS", "NNPS") else "gets")
    # "let" is said as "got through" on purpose: the clause it heads is not lost
    return [Candidate(finish(f"{thing[:1].upper() + thing[1:]} {got} through {work} {span_text(list(where.subtree))}"),
                      gone=frozenset({let.i}))]


def judged_act(det: "Detection", sent: Span, ctx: "Context") -> list[Candidate]:
    lex = ctx.cache["blame.lexicon"]
    judged = set(lex.terms["judgement_adjectives"]) | set(phrasing()["judgement_neutral"])
    if (then := _work_then_act(sent, judged, ctx)):
        return then  # whichever half was found: the verdict ("judgement") or the act ("did not drain X")
    if det.construction != "judgement":
        return []
    root = sent.root
    if (way := _way_handled(sent, judged) or _judged_with(sent, judged) or _judged_let_through(det, sent)):
        return way
    found = _act(root, judged)
    if found is None:
        return []
    verb, judgement = found
    if any(c.dep_ == "neg" for c in verb.children) or verb_lemma_of(verb.text) in phrasing()["mental_verbs"]:
        # "careless of X not to V": the act was not done; "known better than to trust the
        # cache": a belief of the person's, not an act on the system
        return []
    act = {t.i for t in verb.subtree} - judgement
    rest = [t for t in sent if t.i not in act and t.i not in judgement and not trailing_punct(t)]
    # a leading stance adverb ("Frankly,") goes with the judgement; nothing else may be lost
    opener = [t for t in rest if t.i < verb.left_edge.i and t.i < root.i and (t.dep_ == "advmod" or t.text == ",")]
    if {t.i for t in rest} - {t.i for t in opener} or any(t.lower_ in PERSONAL_WORDS for t in verb.subtree):
        return []
    own = [t for t in verb.subtree if t.i in act and not (trailing_punct(t) and t.i == verb.right_edge.i)]
    phrase = verb_phrase_passive(verb, own, False, set(phrasing()["dropped_adverbs"]), present=False)
    if phrase is None:
        return []
    return [Candidate(finish(f"{phrase[0]} {phrase[1]}"))]
